"""Checks on the words of loaded content: figures without a source, French typography.

Warnings only (``validate --strict`` makes them fail): the item still plays. Pure: no pygame.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from game.content.bank import Content, ContentIssue
from game.i18n import _

if TYPE_CHECKING:
    from game.content.models import Indicator, Scenario, ScenarioChoice

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


def fold(text: str) -> str:
    """Without case or accents, for comparing texts: « Réponses » and « reponses » are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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


# ------------------------------------------------------------------------------ scenario cards


def _at_least_as_good(a: float, b: float, indicator: Indicator) -> bool:
    return a <= b if indicator.lower_is_better else a >= b


def dominates(choice: ScenarioChoice, other: ScenarioChoice, indicators: dict[str, Indicator],
              gauges: list[str]) -> bool:
    """``choice`` is better or equal on every gauge, and strictly better on one (an effect not
    written is 0: the gauge does not move)."""
    a, b = choice.effects, other.effects
    if not all(_at_least_as_good(a.get(g, 0.0), b.get(g, 0.0), indicators[g]) for g in gauges):
        return False
    return any(a.get(g, 0.0) != b.get(g, 0.0) for g in gauges)


def dominant_choice(card: Scenario, indicators: dict[str, Indicator]) -> ScenarioChoice | None:
    """The choice that beats every other one on the gauges (« aucun compromis »), if any.

    Only gauges this card moves count, and only indicators that exist (a card with an unknown
    one is already left out with an error). A card that moves no gauge has no such choice."""
    gauges = sorted({g for c in card.choices for g in c.effects if g in indicators})
    if not gauges:
        return None
    for choice in card.choices:
        if all(dominates(choice, other, indicators, gauges) for other in card.choices if other is not choice):
            return choice
    return None


def check_cards(content: Content) -> list[ContentIssue]:
    """« Aucun compromis »: a card where one choice is better or equal on every gauge, and better on
    at least one, teaches nothing about trade-offs, unless the author says so (``dominant: true``)."""

    issues: list[ContentIssue] = []
    for card_id, card in content.scenarios.items():
        best = dominant_choice(card, content.indicators)
        if best is not None and not card.dominant:
            index = next(i for i, c in enumerate(card.choices) if c is best)
            path, line, col = content.locate("scenarios", card_id, ("choices", index, "id"))
            issues.append(ContentIssue(path, line, col, _(
                "aucun compromis\u00a0: dans la carte «\u00a0{card}\u00a0», le choix «\u00a0{choice}\u00a0» est "
                "meilleur ou égal sur toutes les jauges et meilleur sur au moins une. Donne-lui un coût, ou écris "
                "«\u00a0dominant: true\u00a0» dans la carte si c'est la leçon").format(card=card_id, choice=best.id),
                "warning"))
        elif best is None and card.dominant:
            path, line, col = content.locate("scenarios", card_id, ("dominant",))
            issues.append(ContentIssue(path, line, col, _(
                "«\u00a0dominant: true\u00a0», mais aucun choix de la carte «\u00a0{card}\u00a0» n'est meilleur "
                "sur toutes les jauges\u00a0: retire «\u00a0dominant\u00a0»").format(card=card_id), "warning"))
    return issues
