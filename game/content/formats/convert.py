"""Glue between teacher files and the game's YAML banks.

``import_files`` reads GIFT, Aiken and Kahoot files into validated ``Question``s (and the
``Theme``s their GIFT categories need), ``to_yaml`` writes them as a bank the loader reads,
``export_gift`` writes the game's questions for Moodle.

Imported questions have no ``source`` (« validate » then asks for one), an ``origin``
« file name:line », the general feedback as ``explanation`` (« Explication à compléter. »
when there is none), and ids from the GIFT title or ``<file stem>_q<n>``, unique.

Severity: an issue that made a question be left out is an « error »; one whose question
was imported anyway (Kahoot lengths, partial credit, missing word…) is a « warning ».
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from game.content.formats import PLACEHOLDER_EXPLANATION, Draft, Parsed, decode_text, issue, slugify
from game.content.formats.aiken import parse_aiken
from game.content.formats.gift import parse_gift, write_gift
from game.content.formats.kahoot import parse_kahoot
from game.content.loader import MAX_FILE_BYTES, ContentIssue
from game.content.models import Choice, Estimate, Question, Theme
from game.i18n import _

FORMATS = ("gift", "aiken", "kahoot")
CHOICE_IDS = "abcdef"  # imported choices, in the file's order (up to six)
DEFAULT_BANK = Path(__file__).resolve().parents[3] / "questions"


@dataclass
class ImportResult:
    questions: list[Question] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)  # only the themes to create
    issues: list[ContentIssue] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # file names read, for the YAML header

    @property
    def errors(self) -> list[ContentIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[ContentIssue]:
        return [i for i in self.issues if i.severity != "error"]


def detect_format(path: Path, text: str | None = None) -> str | None:
    """« gift », « aiken » or « kahoot » from the name, else from the text (Moodle exports GIFT as .txt)."""
    name = path.name.lower()
    if name.endswith((".xlsx", ".xlsm")):
        return "kahoot"
    if name.endswith(".gift"):
        return "gift"
    if name.endswith(".aiken") or ".aiken." in name:
        return "aiken"
    if text is None or not name.endswith(".txt"):
        return None
    aiken_answers = re.search(r"^[ \t]*ANSWER[ \t]*:[ \t]*[A-Za-z]", text, re.MULTILINE | re.IGNORECASE)
    has_braces = re.search(r"(?<!\\)\{", text)
    return "aiken" if aiken_answers and not has_braces else "gift"


def _category_theme(category: str) -> tuple[str, str, str]:
    """``$course$/top/Numérique//réseaux/Sobriété`` → (id, title, shown path): id from the
    whole path, title from its last part. ``//`` is a slash inside a name, as in Moodle."""
    path = re.sub(r"^\$[a-z0-9]+\$/", "", category.strip())
    parts = [p.replace("\x00", "/").strip() for p in path.replace("//", "\x00").split("/")]
    parts = [p for p in parts if p]
    if parts and parts[0] == "top" and len(parts) > 1:
        parts = parts[1:]
    title = parts[-1] if parts else category.strip()
    return slugify("_".join(parts), 70) or "import", title, " / ".join(parts) or category.strip()


def _default_bank() -> tuple[set[str], set[str]]:
    """Theme and question ids of the game's own bank (questions/), when the caller gives none."""
    from game.content.loader import load_content

    try:
        content = load_content(DEFAULT_BANK) if DEFAULT_BANK.is_dir() else None
    except Exception:  # noqa: BLE001 - an unreadable bank only means « nothing exists yet »
        content = None
    if content is None:
        return set(), set()
    return set(content.themes), set(content.questions)


class _Builder:
    def __init__(self, theme: str | None, existing_themes: Iterable[str] | None,
                 existing_ids: Iterable[str] | None) -> None:
        self.theme = theme
        if existing_themes is None or existing_ids is None:
            bank_themes, bank_ids = _default_bank()
            existing_themes = bank_themes if existing_themes is None else existing_themes
            existing_ids = bank_ids if existing_ids is None else existing_ids
        self.existing_themes = set(existing_themes)
        self.used_ids = set(existing_ids)
        self.result = ImportResult()
        self.new_themes: dict[str, Theme] = {}

    def unique_id(self, base: str) -> str:
        base = base[:70].strip("_") or "q"
        candidate, n = base, 2
        while candidate in self.used_ids:
            candidate = f"{base}_{n}"
            n += 1
        self.used_ids.add(candidate)
        return candidate

    def need_theme(self, theme_id: str, title: str, file_name: str, category: str | None) -> None:
        if theme_id in self.new_themes or theme_id in self.existing_themes:
            return
        intro = _("Questions importées de {file}").format(file=file_name)
        if category:
            intro += _(" (catégorie «\u00a0{category}\u00a0»)").format(category=category)
        intro += _(". Remplace ce texte par une courte introduction au thème.")
        self.new_themes[theme_id] = Theme(id=theme_id, title=title or theme_id,
                                          short=_("Questions importées de {file}").format(file=file_name), intro=intro)

    def add(self, path: Path, shown: str, parsed: Parsed) -> None:
        self.result.issues.extend(parsed.issues)
        stem = slugify(path.name.split(".")[0] if path.name.split(".")[0] else path.stem) or "import"
        for draft in parsed.drafts:
            try:
                self.add_draft(path, shown, stem, draft)
            except ValidationError as exc:
                err = exc.errors()[0]
                where = ".".join(str(p) for p in err["loc"])
                self.result.issues.append(issue(shown, draft.line, draft.column, _(
                    "question invalide ({where}\u00a0: {error})\u00a0: ignorée").format(where=where or "?", error=err["msg"])))
            except Exception as exc:  # noqa: BLE001 - never raise on bad input
                self.result.issues.append(issue(shown, draft.line, draft.column, _(
                    "erreur inattendue ({error})\u00a0: question ignorée").format(error=f"{type(exc).__name__}: {exc}")))

    def add_draft(self, path: Path, shown: str, stem: str, draft: Draft) -> None:
        if self.theme:
            # « --theme "Fake news" » is taken as the title of a theme « fake_news ».
            valid = re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", self.theme) and len(self.theme) <= 80
            theme_id = self.theme if valid else slugify(self.theme, 70) or "import"
            self.need_theme(theme_id, self.theme.strip(), path.name, None)
        elif draft.category:
            theme_id, title, shown_path = _category_theme(draft.category)
            self.need_theme(theme_id, title, path.name, shown_path)
        else:
            theme_id = stem
            self.need_theme(theme_id, _("Import de {file}").format(file=path.name), path.name, None)
        base = slugify(draft.title or "") or f"{stem}_q{draft.number}"
        choices = [
            Choice(id=c.id or CHOICE_IDS[i], text=c.text, correct=c.correct, feedback=c.feedback or None)
            for i, c in enumerate(draft.choices)
        ]
        estimate = getattr(draft, "estimate", None)  # a GIFT numerical question
        question = Question(
            id=self.unique_id(base),
            theme=theme_id,
            type=draft.type,
            prompt=draft.prompt,
            choices=choices,
            estimate=Estimate(**estimate) if estimate else None,
            explanation=draft.explanation or PLACEHOLDER_EXPLANATION,
            origin=f"{path.name}:{draft.line}",
        )
        self.result.questions.append(question)


def _read_text(path: Path, shown: str) -> tuple[str | None, list[ContentIssue]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [issue(shown, 1, 1, _("lecture impossible\u00a0: {error}").format(error=exc.strerror or exc))]
    if len(raw) > MAX_FILE_BYTES:
        return None, [issue(shown, 1, 1, _("fichier trop gros (plus de 2 Mo)"))]
    return decode_text(raw, shown)


def parse_file(path: Path, fmt: str | None = None) -> Parsed:
    """One file, whatever its format (given, or guessed from the name and the text)."""
    shown = str(path)
    if fmt is None and path.name.lower().endswith((".xlsx", ".xlsm")):
        fmt = "kahoot"
    if fmt == "kahoot":
        return parse_kahoot(path, shown)
    if not path.is_file():
        return Parsed([], [issue(shown, 1, 1, _("fichier introuvable"))])
    text, issues = _read_text(path, shown)
    if text is None:
        return Parsed([], issues)
    fmt = fmt or detect_format(path, text)
    if fmt == "gift":
        parsed = parse_gift(text, shown)
    elif fmt == "aiken":
        parsed = parse_aiken(text, shown)
    else:
        return Parsed([], issues + [issue(shown, 1, 1, _(
            "format inconnu\u00a0: nomme le fichier en .gift (Moodle GIFT), .aiken.txt (Aiken) ou .xlsx (Kahoot)"))])
    parsed.issues[:0] = issues
    return parsed


def import_files(
    paths: list[Path],
    theme: str | None = None,
    *,
    fmt: str | None = None,
    existing_themes: Iterable[str] | None = None,
    existing_ids: Iterable[str] | None = None,
) -> ImportResult:
    """Read teacher files into questions; never raises on bad input.

    ``theme``: the theme of every question (else the GIFT category, else the file name).
    ``fmt``: force « gift », « aiken » or « kahoot » (default: from the file name and text).
    ``existing_themes``: theme ids that exist; a ``themes:`` entry (placeholder texts) is
    made for every other theme the questions use, ``theme`` included.
    ``existing_ids``: question ids already taken, so that imported ids do not collide.
    Either one left to None is read from the game's own bank (questions/); pass the ids
    of the bank the output goes next to (``--content``), or ``()`` for none.
    """
    builder = _Builder(theme, existing_themes, existing_ids)
    for path in paths:
        path = Path(path)
        builder.result.files.append(path.name)
        builder.add(path, str(path), parse_file(path, fmt))
    builder.result.themes = list(builder.new_themes.values())
    return builder.result


def import_text(
    text: str,
    name: str,
    fmt: str,
    theme: str | None = None,
    *,
    existing_themes: Iterable[str] | None = None,
    existing_ids: Iterable[str] | None = None,
) -> ImportResult:
    """Like ``import_files`` for text already read (« gift » or « aiken »); ``name`` is the
    file name shown in issues and origins."""
    builder = _Builder(theme, existing_themes, existing_ids)
    path = Path(name)
    if fmt == "gift":
        parsed = parse_gift(text, name)
    elif fmt == "aiken":
        parsed = parse_aiken(text, name)
    else:
        raise ValueError(f"unknown text format: {fmt!r}")
    builder.result.files.append(path.name)
    builder.add(path, name, parsed)
    builder.result.themes = list(builder.new_themes.values())
    return builder.result


# --------------------------------------------------------------------------- YAML


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the hand-written banks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if any(ch in data for ch in "\x85\u2028\u2029"):
        style = '"'  # YAML reads these as line breaks: only escapes (\N, \L, \P) keep them
    else:
        style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def _question_dict(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {"id": q.id, "theme": q.theme, "type": q.type, "prompt": q.prompt}
    if q.estimate is not None:
        e = q.estimate
        out["estimate"] = {"min": e.min, "max": e.max, "step": e.step, "answer": e.answer,
                           **({"unit": e.unit} if e.unit else {}), "tolerance": e.tolerance}
    else:
        out["choices"] = []
    for c in q.choices:
        choice: dict[str, Any] = {"id": c.id, "text": c.text}
        if c.correct:
            choice["correct"] = True
        if c.feedback:
            choice["feedback"] = c.feedback
        out["choices"].append(choice)
    out["explanation"] = q.explanation
    if q.origin:
        out["origin"] = q.origin
    return out


def to_yaml(result: ImportResult) -> str:
    """A YAML bank for the game: ``themes:`` (new ones only) then ``questions:``.

    Accents and line breaks are kept (multi-line texts as ``|`` blocks). Each question
    lacks a ``source``: « validate » warns about it until one is added."""
    files = ", ".join(result.files) or "?"
    header = (
        f"# Questions importées de {files}.\n"
        "# Ajoute à chaque question une « source: » (un id de sources.yaml), vérifie les textes et\n"
        "# remplace « Explication à compléter. », puis lance « python main.py validate ».\n"
    )
    data: dict[str, Any] = {}
    if result.themes:
        data["themes"] = [{"id": t.id, "title": t.title, "short": t.short, "intro": t.intro} for t in result.themes]
    data["questions"] = [_question_dict(q) for q in result.questions]
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000, default_flow_style=False)
    return header + body


# --------------------------------------------------------------------------- GIFT export


def export_gift(questions: list[Question], themes: Mapping[str, Any] | None = None,
                sources: Mapping[str, Any] | None = None) -> str:
    """The questions as Moodle GIFT (see ``gift.write_gift``). ``themes``: id → Theme (or title).

    single → ``=right ~wrong``; multiple → ``~%w%`` weights (the right ones share +100 %,
    the wrong ones −100 %); truefalse → ``{TRUE#wrong-answer feedback#right-answer feedback}``;
    estimate → a numeric question ``{#answer:tolerance}`` after a comment saying so (it comes
    back as an estimate, its slider made around the answer); ordering → a description (GIFT has
    no ordering type): the prompt, then « Le bon ordre : » and the items. Each question's sources
    (``source`` or ``sources``) go in a « // source: » comment, named from ``sources``."""
    return write_gift(questions, themes, sources)
