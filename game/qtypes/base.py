"""What every question type shares, and the defaults of the choice types.

A question type is one object (``QType``) that knows, for its type: what a question of that
type needs (validation), how an answer is scored (right or not, partial credit, the share of
the profile weights it earns), the order its choices are shown in, how a facilitator's keys
become an answer, the words the results use for an answer, and its GIFT export. Pure: no
pygame, and no import of the content models (they import this package): questions are read
by attribute (``q.choices``, ``q.estimate``…).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from game.i18n import _, list_sep, ngettext

MIN_CHOICES = 2
MAX_CHOICES = 6  # what the game shows for a choice question (the screens' layout fits six)


class FieldError(ValueError):
    """A model-level check that knows which field is at fault, so that the message points
    at that field's line rather than at the start of the item."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc


@dataclass(frozen=True)
class Keyed:
    """A facilitator's key press on a team's answer: the answer so far (choice ids) and whether
    it is complete (the team is done, the next one answers)."""

    choice_ids: tuple[str, ...]
    complete: bool


@dataclass(frozen=True)
class GiftWriter:
    """What a type's GIFT export needs from the GIFT writer (passed in: no import of the format)."""

    escape: Callable[[str], str]  # GIFT escapes of a text
    write: Callable[[str], str]  # an answer or feedback (escaped, ``[plain]`` where needed)
    number: Callable[[float], str]  # 42.0 -> « 42 »
    percent: Callable[[float], str]  # 0.5 -> « 50 »


class QType:
    """Defaults: a choice question whose right answer is the set of choices marked ``correct``."""

    id: str = ""
    uses_choices = True  # False: the player gives a value (estimate)
    ordered = False  # True: the answer's ids are an order, not a set (ordering)
    min_choices = MIN_CHOICES
    max_choices = MAX_CHOICES
    fixed_order = False  # True: always shown in the file's order (true/false)
    dealt = True  # False: validated and exported, but no session deals it yet (no answer widget in the views)

    # ------------------------------------------------------------------ model

    def validate(self, q: Any) -> None:
        """Raise ``FieldError`` when ``q`` does not have the shape its type needs."""
        if q.estimate is not None:
            raise FieldError(("estimate",), _("seule une question «\u00a0estimate\u00a0» a un bloc «\u00a0estimate\u00a0»"))
        self.check_count(q)
        ids = [c.id for c in q.choices]
        if len(set(ids)) != len(ids):
            raise FieldError(("choices",), _("deux réponses ont le même id"))
        self.check_right(q, sum(c.correct for c in q.choices))

    def check_count(self, q: Any) -> None:
        n = len(q.choices)
        low, high = self.min_choices, self.max_choices
        if not low <= n <= high:
            raise FieldError(("choices",), ngettext(
                "{n} réponse\u00a0: une question en a de {low} à {high}",
                "{n} réponses\u00a0: une question en a de {low} à {high}", n).format(n=n, low=low, high=high))

    def check_right(self, q: Any, right: int) -> None:
        if right != 1:
            raise FieldError(("choices",), _(
                "une question «\u00a0{type}\u00a0» a exactement une bonne réponse (ici\u00a0: {n})").format(
                    type=self.id, n=right))

    def right_ids(self, q: Any) -> tuple[str, ...]:
        """The right answer as choice ids: the right choices in the file's order (ordering: the
        right order)."""
        return tuple(c.id for c in q.choices if c.correct)

    # ------------------------------------------------------------------ scoring

    def normalise(self, q: Any, choice_ids: Iterable[str]) -> tuple[str, ...]:
        """The ids an answer keeps: sorted for a set of choices, as given for an order."""
        return tuple(sorted(choice_ids))

    def is_correct(self, q: Any, choice_ids: Iterable[str] = (), value: float | None = None) -> bool:
        return frozenset(choice_ids) == frozenset(self.right_ids(q))

    def credit(self, q: Any, choice_ids: Iterable[str] = (), value: float | None = None) -> float:
        """What an answer earns, 0 to 1 (partial credit where the type has some)."""
        return 1.0 if self.is_correct(q, choice_ids, value) else 0.0

    def profile_share(self, q: Any, correct: bool | None, choice_ids: Sequence[str] = (),
                      value: float | None = None) -> float:
        """The share of the question's profile weights (``axes``) an answer earns: all of them for
        a right answer, none otherwise (an ordering earns its partial credit)."""
        return 1.0 if correct else 0.0

    # ------------------------------------------------------------------ session

    def display_order(self, q: Any, rng: random.Random) -> tuple[str, ...]:
        """The order a session shows the choices in, drawn from its generator; ``order: fixed``
        keeps the file's order."""
        ids = [c.id for c in q.choices]
        if not self.fixed_order and getattr(q, "order", "shuffle") != "fixed":
            rng.shuffle(ids)
        return tuple(ids)

    # ------------------------------------------------------------------ facilitator

    def key(self, q: Any, shown: Sequence[str], answer: Sequence[str], index: int) -> Keyed | None:
        """The facilitator types key ``index + 1`` for a team (``shown``: the choice ids in the
        order on screen, ``answer``: the team's answer so far). None: the key means nothing here."""
        if not 0 <= index < len(shown):
            return None
        return Keyed((shown[index],), True)

    # ------------------------------------------------------------------ words

    def right_words(self, q: Any) -> str:
        """« La bonne réponse : … » for the reveal, the debrief and the results."""
        right = [c.text for c in q.choices if c.correct]
        return (_("Les bonnes réponses\u00a0: {answer}") if len(right) > 1
                else _("La bonne réponse\u00a0: {answer}")).format(answer=list_sep().join(right))

    def answer_words(self, q: Any, choice_ids: Sequence[str] = (), value: float | None = None) -> str:
        """The player's answer in words (their choices' texts in the file's order; « — » for none)."""
        picked = set(choice_ids)
        texts = [c.text for c in q.choices if c.id in picked]
        return list_sep().join(texts) if texts else "\u2014"

    def answer_key(self, q: Any, choice_ids: Sequence[str] = (), value: float | None = None) -> str:
        """The answer as ids, for a CSV cell: « a b » (an order: « c>a>b »; an estimate: its value)."""
        return " ".join(choice_ids)

    # ------------------------------------------------------------------ formats

    def gift_lines(self, q: Any, head: str, general: str, w: GiftWriter) -> list[str]:
        """The GIFT lines of a question after its comments: ``head`` is « ::id::prompt »,
        ``general`` the « ####explanation » (or '')."""
        raise NotImplementedError
