"""« truefalse »: « Vrai » then « Faux », always in that order, one of them right."""

from __future__ import annotations

from typing import Any

from game.i18n import _
from game.qtypes.base import FieldError, GiftWriter, QType

TRUE_IDS = ("vrai", "true", "v", "t")


def true_choice(q: Any) -> Any:
    """The « Vrai » choice, by id, else by text, else the first one."""
    for c in q.choices:
        if c.id in TRUE_IDS or c.text.strip().casefold() in ("vrai", "true"):
            return c
    return q.choices[0]


class TrueFalse(QType):
    id = "truefalse"
    fixed_order = True

    def check_count(self, q: Any) -> None:
        super().check_count(q)
        if len(q.choices) != 2:
            raise FieldError(("choices",), _("une question «\u00a0truefalse\u00a0» a exactement deux réponses"))

    def gift_lines(self, q: Any, head: str, general: str, w: GiftWriter) -> list[str]:
        """``{TRUE#shown to who answers wrong#shown to who answers right}``, as Moodle reads it."""
        true = true_choice(q)
        false = next((c for c in q.choices if c is not true), true)
        right, wrong = (true, false) if true.correct else (false, true)
        body = "TRUE" if true.correct else "FALSE"
        if wrong.feedback:
            body += "#" + w.write(wrong.feedback)
        elif right.feedback:
            body += "#"
        if right.feedback:
            body += "#" + w.write(right.feedback)
        return [head + "{" + body + general + "}"]


TYPE = TrueFalse()
