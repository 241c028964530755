"""« single »: one right answer among 2 to 6 choices."""

from __future__ import annotations

from typing import Any

from game.qtypes.base import GiftWriter, QType


class Single(QType):
    id = "single"

    def gift_lines(self, q: Any, head: str, general: str, w: GiftWriter) -> list[str]:
        """``{ =right ~wrong … }``, one answer a line."""
        lines = [head + "{"]
        for c in q.choices:
            lines.append("\t" + ("=" if c.correct else "~") + w.write(c.text)
                         + (f"#{w.write(c.feedback)}" if c.feedback else ""))
        if general:
            lines.append("\t" + general)
        lines.append("}")
        return lines


TYPE = Single()
