"""« estimate »: the player places a figure on a slider with steps (no choices).

Right within ± ``tolerance``, and at least half a step: the step nearest the answer counts.
Moodle's numerical questions (``{#42}``, ``{#42:2}``, ``{#40..44}``) import as estimates, with
a slider range made around the answer (``slider_for``)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from game.i18n import _, fmt_number, with_unit
from game.qtypes.base import FieldError, GiftWriter, QType

# The unit our GIFT export adds to the prompt, read back on import.
UNIT_SUFFIX = re.compile(r"\n\(réponse en ([^()\n]{1,30})\)$")


def format_value(est: Any, value: float) -> str:
    """A figure of an estimate question with its unit: « 40 000 enfants », « 75 % »."""
    return with_unit(fmt_number(value, 0 if float(est.step).is_integer() else 1), est.unit)


def _nice_floor(x: float) -> float:
    """The largest 1, 2 or 5 × 10^k not above ``x`` (x > 0)."""
    k = math.floor(math.log10(x))
    for m in (5, 2, 1):
        if m * 10 ** k <= x * (1 + 1e-9):
            return m * 10 ** k
    return 10 ** k  # pragma: no cover - 1 × 10^k is always there


def _clean(x: float) -> float:
    value = round(float(x), 9)
    return float(int(value)) if value.is_integer() else value


def slider_for(answer: float, tolerance: float = 0.0) -> dict[str, float]:
    """A slider around ``answer``: a step of 1, 2 or 5 × 10^k no larger than the tolerance
    (so that a step lies within it), about ten tolerances either side (half the answer either
    side when there is no tolerance), the answer on a step, and no negative values for a
    positive answer. At most about 100 steps. Returns min, max, step, answer, tolerance."""
    if tolerance > 0:
        step = _nice_floor(tolerance)
        half = 10 * tolerance
    else:
        half = abs(answer) / 2 if answer else 10.0
        step = _nice_floor(2 * half / 40)
        if float(answer).is_integer():
            step = max(step, 1.0)
    n = math.ceil(half / step - 1e-9)
    low = answer - n * step
    if answer >= 0 > low:
        low = answer - math.floor(answer / step + 1e-9) * step
    return {"min": _clean(low), "max": _clean(answer + n * step), "step": _clean(step),
            "answer": _clean(answer), "tolerance": _clean(tolerance)}


_NUMBER = r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?"
_EXACT = re.compile(rf"({_NUMBER})")
_TOLERANCE = re.compile(rf"({_NUMBER}):({_NUMBER})")
_RANGE = re.compile(rf"({_NUMBER})\.\.({_NUMBER})")


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def parse_numerical(spec: str) -> tuple[float, float]:
    """One Moodle numerical answer, « 42 », « 42:2 » or « 40..44 », as (answer, tolerance).
    Raises ValueError with a message for the author."""
    spec = spec.strip()
    if m := _RANGE.fullmatch(spec):
        low, high = _float(m.group(1)), _float(m.group(2))
        if low > high:
            raise ValueError(_("intervalle «\u00a0{spec}\u00a0» à l'envers\u00a0: écris le plus petit nombre "
                               "en premier").format(spec=spec))
        return (low + high) / 2, (high - low) / 2
    if m := _TOLERANCE.fullmatch(spec):
        answer, tolerance = _float(m.group(1)), _float(m.group(2))
        if tolerance < 0:
            raise ValueError(_("marge négative dans «\u00a0{spec}\u00a0»").format(spec=spec))
        return answer, tolerance
    if m := _EXACT.fullmatch(spec):
        return _float(m.group(1)), 0.0
    raise ValueError(_("réponse numérique «\u00a0{spec}\u00a0» illisible\u00a0: écris {{#42}}, {{#42:2}} "
                       "(42 à 2 près) ou {{#40..44}}").format(spec=spec))


class Estimate(QType):
    id = "estimate"
    uses_choices = False
    min_choices = max_choices = 0

    def validate(self, q: Any) -> None:
        if q.estimate is None:
            raise FieldError(("type",), _("une question «\u00a0estimate\u00a0» a besoin d'un bloc «\u00a0estimate\u00a0»"))
        if q.choices:
            raise FieldError(("choices",), _("une question «\u00a0estimate\u00a0» n'a pas de «\u00a0choices\u00a0»"))

    def right_ids(self, q: Any) -> tuple[str, ...]:
        return ()

    def is_correct(self, q: Any, choice_ids: Iterable[str] = (), value: float | None = None) -> bool:
        est = q.estimate
        # At least half a step of slack: the nearest step to the answer counts as right.
        slack = max(est.tolerance, est.step / 2)
        return value is not None and abs(value - est.answer) <= slack + 1e-9

    def display_order(self, q: Any, rng: Any) -> tuple[str, ...]:
        return ()

    def key(self, q: Any, shown: Sequence[str], answer: Sequence[str], index: int) -> None:
        return None  # the facilitator moves the slider

    def right_words(self, q: Any) -> str:
        return _("La bonne réponse\u00a0: {answer}").format(answer=format_value(q.estimate, q.estimate.answer))

    def answer_words(self, q: Any, choice_ids: Sequence[str] = (), value: float | None = None) -> str:
        return format_value(q.estimate, value) if value is not None else "\u2014"

    def answer_key(self, q: Any, choice_ids: Sequence[str] = (), value: float | None = None) -> str:
        return f"{value:g}" if value is not None else ""

    def gift_lines(self, q: Any, head: str, general: str, w: GiftWriter) -> list[str]:
        """A Moodle numerical question ``{#answer:tolerance}``, the unit in the prompt."""
        e = q.estimate
        if e.unit:
            head += w.escape(f"\n(réponse en {e.unit})")
        return [
            _("// estimation exportée en question numérique Moodle (réponse {answer} à {tolerance} près)").format(
                answer=w.number(e.answer), tolerance=w.number(e.tolerance)),
            head + "{#" + f"{w.number(e.answer)}:{w.number(e.tolerance)}" + general + "}",
        ]


TYPE = Estimate()
