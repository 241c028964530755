"""Question types, each defined once: ``qtype("single")`` … ``qtype("ordering")``.

One module per type (single, multiple, truefalse, estimate, ordering) holds its ``QType``:
validation (``validate``), scoring (``is_correct``, ``credit``, ``profile_share``), the order a
session shows its choices in (``display_order``), the facilitator's keys (``key``), the words of
the results (``right_words``, ``answer_words``, ``answer_key``) and its GIFT export
(``gift_lines``). Adding a type: a module here, its id in ``Question.type``, content and tests.
Pure: never imports pygame, nor the content models.
"""

from __future__ import annotations

from game.qtypes import estimate, multiple, ordering, single, truefalse
from game.qtypes.base import MAX_CHOICES, MIN_CHOICES, FieldError, GiftWriter, Keyed, QType

TYPES: dict[str, QType] = {m.TYPE.id: m.TYPE for m in (single, multiple, truefalse, estimate, ordering)}


def qtype(type_id: str) -> QType:
    """The type of that id; KeyError for an unknown one."""
    return TYPES[type_id]


def for_choices(right: int) -> str:
    """The type an importer gives to choices with ``right`` right answers (before true/false)."""
    return "single" if right == 1 else "multiple"


__all__ = ["MAX_CHOICES", "MIN_CHOICES", "TYPES", "FieldError", "GiftWriter", "Keyed", "QType", "for_choices", "qtype"]
