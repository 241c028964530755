"""Translations of the content: parallel YAML files keyed by the same ids, laid over the French.

``locales/<lang>/content/*.yaml`` hold, per section, a mapping from item id to the
translated text fields (choices keyed by their id). A missing text falls back to the French,
never to an id or an empty string; ``missing_translations`` lists what is missing.
Pure: no pygame.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.content.loader import Content, ContentIssue, content_files, position_of, read_yaml
from game.i18n import _

LOCALES = Path(__file__).resolve().parent.parent.parent / "locales"

# The text fields a player reads, per section; choices are translated field by field too.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "themes": ("title", "short", "intro"),
    "sources": ("organisation", "title", "note"),
    "axes": ("label", "topic"),
    "indicators": ("label", "unit"),
    "careers": ("name", "issue", "description", "day", "path"),
    "questions": ("prompt", "explanation", "debate", "facilitator_notes"),
    "scenarios": ("title", "situation", "debate", "facilitator_notes"),
    "takeaways": ("title", "text", "example"),
    "practices": ("title", "how", "example"),
    "posts": ("author", "text", "explanation"),
    "facts": ("text",),
}
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "questions": ("text", "feedback"),
    "scenarios": ("text", "consequence", "reason", "basis"),
}


def content_dir(lang: str, root: Path = LOCALES) -> Path:
    return root / lang / "content"


def read_translations(lang: str, root: Path = LOCALES) -> tuple[dict[str, dict[str, Any]], list[ContentIssue]]:
    """section -> item id -> translated fields, merged over every file of the language."""
    merged: dict[str, dict[str, Any]] = {}
    issues: list[ContentIssue] = []
    folder = content_dir(lang, root)
    if not folder.is_dir():
        return merged, issues
    for path in content_files([folder]):
        data, errs = read_yaml(path)
        issues.extend(errs)
        if not isinstance(data, dict):
            continue
        for section, items in data.items():
            if section not in TEXT_FIELDS or not isinstance(items, dict):
                line, col = position_of(data, (section,))
                issues.append(ContentIssue(str(path), line, col, _(
                    "section de traduction inconnue ou mal formée\u00a0: «\u00a0{name}\u00a0»").format(name=section)))
                continue
            merged.setdefault(section, {}).update(items)
    return merged, issues


def _translated(value: Any, tr: Any) -> Any:
    return tr if isinstance(tr, str) and tr.strip() else value


def apply(content: Content, lang: str, root: Path = LOCALES) -> Content:
    """A copy of ``content`` whose texts are in ``lang`` where a translation exists."""
    table, issues = read_translations(lang, root)
    out = Content(issues=list(content.issues) + issues, skipped=content.skipped, origins=content.origins)
    for section in TEXT_FIELDS:
        registry = getattr(content, section)
        translations = table.get(section, {})
        target = getattr(out, section)
        for item_id, item in registry.items():
            tr = translations.get(item_id)
            if not isinstance(tr, dict):
                target[item_id] = item
                continue
            update = {f: _translated(getattr(item, f), tr.get(f)) for f in TEXT_FIELDS[section]
                      if getattr(item, f, None) is not None}
            if section in CHOICE_FIELDS and isinstance(tr.get("choices"), dict):
                update["choices"] = [
                    c.model_copy(update={f: _translated(getattr(c, f), (tr["choices"].get(c.id) or {}).get(f))
                                         for f in CHOICE_FIELDS[section] if getattr(c, f, None) is not None})
                    for c in item.choices
                ]
            if section == "questions" and item.estimate is not None and isinstance(tr.get("estimate"), dict):
                update["estimate"] = item.estimate.model_copy(
                    update={"unit": _translated(item.estimate.unit, tr["estimate"].get("unit"))})
            if section == "indicators" and item.comparison is not None and isinstance(tr.get("comparison"), dict):
                update["comparison"] = item.comparison.model_copy(update={
                    f: _translated(getattr(item.comparison, f), tr["comparison"].get(f)) for f in ("singular", "plural")})
            target[item_id] = item.model_copy(update=update)
    return out


def missing_translations(content: Content, lang: str, root: Path = LOCALES) -> list[ContentIssue]:
    """One warning per item that has a French text with no translation in ``lang``."""
    table, issues = read_translations(lang, root)
    for section, fields in TEXT_FIELDS.items():
        for item_id, item in getattr(content, section).items():
            tr = table.get(section, {}).get(item_id)
            tr = tr if isinstance(tr, dict) else {}
            missing = [f for f in fields if getattr(item, f, None) and not _translated(None, tr.get(f))]
            choices = tr.get("choices") if isinstance(tr.get("choices"), dict) else {}
            for c in getattr(item, "choices", None) or []:
                ctr = choices.get(c.id) if isinstance(choices.get(c.id), dict) else {}
                missing += [f"choices.{c.id}.{f}" for f in CHOICE_FIELDS.get(section, ())
                            if getattr(c, f, None) and not _translated(None, ctr.get(f))]
            if missing:
                path, line, col = content.locate(section, item_id, ("id",))
                issues.append(ContentIssue(path, line, col, _(
                    "traduction «\u00a0{lang}\u00a0» manquante\u00a0: {fields}").format(
                        lang=lang, fields=", ".join(missing)), "warning"))
    return issues
