"""What a player or a facilitator picks before a game: its length and its level, as cycles of
ids with their labels. Pure (no pygame): the title and the class set-up share them."""

from __future__ import annotations

from game.i18n import _

LENGTH_ORDER = ("short", "normal", "long")  # what a player or a facilitator chooses (« kiosk » is the kiosk's)
LEVEL_ORDER = ("college", "lycee", "adulte")


def solo_length(length: str) -> str:
    return length if length in LENGTH_ORDER else "normal"


def next_length(length: str) -> str:
    return LENGTH_ORDER[(LENGTH_ORDER.index(solo_length(length)) + 1) % len(LENGTH_ORDER)]


def length_label(length: str) -> str:
    labels = {"short": _("Durée\u00a0: ≈\u00a05\u00a0min"), "normal": _("Durée\u00a0: ≈\u00a010\u00a0min"),
              "long": _("Durée\u00a0: ≈\u00a015\u00a0min")}
    return labels[solo_length(length)]


def next_level(level: str) -> str:
    return LEVEL_ORDER[(LEVEL_ORDER.index(level) + 1) % len(LEVEL_ORDER)] if level in LEVEL_ORDER else LEVEL_ORDER[0]


def level_label(level: str) -> str:
    """« Niveau : Collège » — a collège level deals collège items only, lycée adds lycée items, adulte all."""
    labels = {"college": _("Niveau\u00a0: collège"), "lycee": _("Niveau\u00a0: lycée"),
              "adulte": _("Niveau\u00a0: adulte")}
    return labels.get(level, labels["adulte"])
