"""Checks on the words of loaded content: figures without a source, French typography.

Warnings only (``validate --strict`` makes them fail): the item still plays. Pure: no pygame.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from game.i18n import _

if TYPE_CHECKING:
    from game.content.loader import Content, ContentIssue

FIGURE = re.compile(r"\d+(?:[\u202f\u00a0 .,]\d+)*\s?(?:%|\u00a0%|kg|g|TWh|\$|€)?")
# A regular space before these signs, or inside « », lets a line break in the wrong place.
SPACE_BEFORE = re.compile(r" [:;!?»%]")
SPACE_AFTER_GUILLEMET = re.compile(r"« ")
# 40 000 written with an ordinary space (or none) instead of a narrow no-break space.
THOUSANDS = re.compile(r"\b\d{1,3}(?: \d{3})+\b")
# All three at once: most texts are clean, and one search tells it.
_ANY_TYPO = re.compile(f"{SPACE_BEFORE.pattern}|{SPACE_AFTER_GUILLEMET.pattern}|{THOUSANDS.pattern}")

# The texts a player reads, per section, and in each choice.
_TEXT_FIELDS = {
    "questions": ("prompt", "explanation", "debate", "facilitator_notes"),
    "scenarios": ("title", "situation", "debate", "facilitator_notes"),
    "themes": ("title", "short", "intro"),
    "careers": ("name", "issue", "description", "day", "path"),
    "takeaways": ("title", "text", "example"),
    "practices": ("title", "how", "example"),
}
_CHOICE_TEXT_FIELDS = {"questions": ("text", "feedback"), "scenarios": ("text", "consequence")}


def texts_of(section: str, item: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(location, text) for every string a player reads in an item."""
    for name in _TEXT_FIELDS.get(section, ()):
        value = getattr(item, name)
        if value:
            yield (name,), value
    choice_fields = _CHOICE_TEXT_FIELDS.get(section)
    if choice_fields:
        for i, choice in enumerate(item.choices):
            for name in choice_fields:
                value = getattr(choice, name)
                if value:
                    yield ("choices", i, name), value


def check_texts(content: Content) -> list[ContentIssue]:
    from game.content.loader import ContentIssue

    issues: list[ContentIssue] = []

    def warn(section: str, item_id: str, loc: tuple[Any, ...], message: str) -> None:
        path, line, col = content.locate(section, item_id, loc)
        issues.append(ContentIssue(path, line, col, message, "warning"))

    for section in ("questions", "scenarios", "themes", "careers", "takeaways", "practices"):
        for item_id, item in getattr(content, section).items():
            if section == "questions" and not item.source_ids:
                figures = [m.group(0) for loc, t in texts_of(section, item) if loc[0] in ("prompt", "explanation")
                           for m in FIGURE.finditer(t)]
                if figures:
                    warn(section, item_id, ("id",), _(
                        "un chiffre sans source («\u00a0{figure}\u00a0»)\u00a0: ajoute «\u00a0source:\u00a0» avec un id "
                        "de sources.yaml").format(figure=figures[0].strip()))
                else:
                    warn(section, item_id, ("id",), _(
                        "pas de source\u00a0: ajoute «\u00a0source:\u00a0» avec un id de sources.yaml"))
            for loc, text in texts_of(section, item):
                if not _ANY_TYPO.search(text):
                    continue
                if SPACE_BEFORE.search(text) or SPACE_AFTER_GUILLEMET.search(text):
                    warn(section, item_id, loc, _(
                        "typographie\u00a0: mets une espace insécable (U+00A0) avant «\u00a0: ; ! ? %\u00a0» "
                        "et à l'intérieur des guillemets"))
                elif THOUSANDS.search(text):
                    warn(section, item_id, loc, _(
                        "typographie\u00a0: sépare les milliers par une espace fine insécable (U+202F)\u00a0: "
                        "«\u00a0{example}\u00a0»").format(example=THOUSANDS.search(text).group(0).replace(" ", "\u202f")))
    return issues
