"""« multiple »: several right answers among 2 to 6 choices, ticked then validated.

Right only when every box is right; the partial credit (``Marking.credit``) counts the right
boxes found less the wrong boxes ticked, so that ticking everything earns nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from game.i18n import _
from game.qtypes.base import FieldError, GiftWriter, Keyed, QType


@dataclass(frozen=True)
class Marking:
    """Each box of a choice question after an answer: what the feedback marks in place."""

    hits: frozenset[str]  # right choices the player picked
    missed: frozenset[str]  # right choices left out
    wrong: frozenset[str]  # wrong choices picked

    @property
    def right_total(self) -> int:
        return len(self.hits) + len(self.missed)

    @property
    def credit(self) -> float:
        """Right boxes found, less wrong boxes ticked, over the right boxes (0 to 1)."""
        return max(0, len(self.hits) - len(self.wrong)) / self.right_total if self.right_total else 0.0


def mark(q: Any, choice_ids: Iterable[str]) -> Marking:
    picked = frozenset(choice_ids)
    right = frozenset(c.id for c in q.choices if c.correct)
    return Marking(picked & right, right - picked, picked - right)


class Multiple(QType):
    id = "multiple"

    def check_right(self, q: Any, right: int) -> None:
        if right < 1:
            raise FieldError(("choices",), _("une question «\u00a0multiple\u00a0» a au moins une bonne réponse"))

    def credit(self, q: Any, choice_ids: Iterable[str] = (), value: float | None = None) -> float:
        return mark(q, choice_ids).credit

    def key(self, q: Any, shown: Sequence[str], answer: Sequence[str], index: int) -> Keyed | None:
        """A key ticks or unticks that box; the facilitator validates when the team is done."""
        if not 0 <= index < len(shown):
            return None
        chosen = set(answer) ^ {shown[index]}
        return Keyed(tuple(sorted(chosen)), False)

    def gift_lines(self, q: Any, head: str, general: str, w: GiftWriter) -> list[str]:
        """``~%w%`` weights: the right answers share +100 %, the wrong ones −100 %."""
        right = [c for c in q.choices if c.correct]
        wrong = [c for c in q.choices if not c.correct]
        lines = [head + "{"]
        for c in q.choices:
            weight = 1 / len(right) if c.correct else -1 / len(wrong)
            lines.append("\t" + f"~%{w.percent(weight)}%" + w.write(c.text)
                         + (f"#{w.write(c.feedback)}" if c.feedback else ""))
        if general:
            lines.append("\t" + general)
        lines.append("}")
        return lines


TYPE = Multiple()
