"""« ordering » (« Classe du plus au moins… »): the player puts 3 to 6 items in order.

The file lists the choices in the right order (first = top); no choice is marked ``correct``.
Each session shows them shuffled, never already in the right order. Right when the whole order
is; the partial credit (Kendall-style) is the share of pairs of items the player put in the
right relative order, and the profile earns that share of the question's weights.

GIFT has no ordering type: the export writes a description (the prompt, then the right order).
A GIFT matching question whose right-hand sides are the ranks 1, 2, 3… imports as an ordering."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from game.i18n import _, list_sep
from game.qtypes.base import FieldError, GiftWriter, Keyed, QType

MIN_ITEMS = 3
MAX_ITEMS = 6

# « 1 », « 1. », « 1er », « 2e », « 2ème », « 3rd »…: a rank on the right of a GIFT matching pair.
_RANK = re.compile(r"(\d{1,2})\s*(?:\.|\)|er|re|e|ème|eme|st|nd|rd|th)?", re.IGNORECASE)


def pairs_right(right: Sequence[str], answer: Sequence[str]) -> tuple[int, int]:
    """(pairs in the right relative order, all pairs) of an answer that orders the same items."""
    rank = {cid: i for i, cid in enumerate(right)}
    total = len(right) * (len(right) - 1) // 2
    good = sum(1 for a, b in combinations(answer, 2) if rank[a] < rank[b])
    return good, total


def ranks_order(pairs: Sequence[tuple[str, str]]) -> list[str] | None:
    """The left-hand texts of GIFT matching pairs, in the order of their ranks, when the
    right-hand sides are the ranks 1 to n, each once; else None."""
    ranks = []
    for _left, right in pairs:
        m = _RANK.fullmatch(right.strip())
        if not m:
            return None
        ranks.append(int(m.group(1)))
    if sorted(ranks) != list(range(1, len(pairs) + 1)):
        return None
    return [left for _r, left in sorted(zip(ranks, (p[0] for p in pairs), strict=True))]


class Ordering(QType):
    id = "ordering"
    ordered = True
    min_choices = MIN_ITEMS
    max_choices = MAX_ITEMS
    # Dealt: the solo question screen mounts the ordering widget (game/ui/ordering.py).
    dealt = True

    def check_count(self, q: Any) -> None:
        n = len(q.choices)
        if not MIN_ITEMS <= n <= MAX_ITEMS:
            raise FieldError(("choices",), _(
                "{n} éléments à classer\u00a0: une question «\u00a0ordering\u00a0» en a de {low} à {high}").format(
                    n=n, low=MIN_ITEMS, high=MAX_ITEMS))

    def check_right(self, q: Any, right: int) -> None:
        if right:
            index = next(i for i, c in enumerate(q.choices) if c.correct)
            raise FieldError(("choices", index, "correct"), _(
                "une question «\u00a0ordering\u00a0» n'a pas de «\u00a0correct\u00a0»\u00a0: écris les éléments "
                "dans le bon ordre, le premier en haut"))
        if getattr(q, "order", "shuffle") == "fixed":
            raise FieldError(("order",), _(
                "une question «\u00a0ordering\u00a0» est toujours mélangée\u00a0: retire «\u00a0order: fixed\u00a0»"))

    def right_ids(self, q: Any) -> tuple[str, ...]:
        return tuple(c.id for c in q.choices)

    def normalise(self, q: Any, choice_ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(choice_ids)

    def _valid(self, q: Any, answer: Sequence[str]) -> bool:
        right = self.right_ids(q)
        return len(answer) == len(right) and set(answer) == set(right)

    def is_correct(self, q: Any, choice_ids: Iterable[str] = (), value: float | None = None) -> bool:
        return tuple(choice_ids) == self.right_ids(q)

    def credit(self, q: Any, choice_ids: Iterable[str] = (), value: float | None = None) -> float:
        """Pairs in the right relative order over all pairs; 0 for an answer that does not order
        every item once."""
        answer = tuple(choice_ids)
        if not self._valid(q, answer):
            return 0.0
        good, total = pairs_right(self.right_ids(q), answer)
        return good / total if total else 0.0

    def profile_share(self, q: Any, correct: bool | None, choice_ids: Sequence[str] = (),
                      value: float | None = None) -> float:
        return self.credit(q, choice_ids)

    def display_order(self, q: Any, rng: random.Random) -> tuple[str, ...]:
        """Shuffled, and never the right order (the shown order must not give the answer)."""
        right = self.right_ids(q)
        ids = list(right)
        for _attempt in range(50):
            rng.shuffle(ids)
            if tuple(ids) != right:
                return tuple(ids)
        return tuple(right[1:] + right[:1])  # pragma: no cover - 50 misses of at least 5 in 6

    def key(self, q: Any, shown: Sequence[str], answer: Sequence[str], index: int) -> Keyed | None:
        """Keys in rank order: each key puts that item (its place on screen) next in the order;
        a key on an item already placed takes it out. The last item goes last by itself."""
        if not 0 <= index < len(shown):
            return None
        picked = shown[index]
        order = [cid for cid in answer if cid != picked]
        if len(order) == len(answer):
            order.append(picked)
        if len(order) == len(shown) - 1:
            order += [cid for cid in shown if cid not in order]
        return Keyed(tuple(order), len(order) == len(shown))

    def _ranked(self, q: Any, ids: Sequence[str]) -> str:
        texts = {c.id: c.text for c in q.choices}
        return list_sep().join(_("{rank}.\u00a0{item}").format(rank=i, item=texts.get(cid, cid))
                               for i, cid in enumerate(ids, start=1))

    def right_words(self, q: Any) -> str:
        return _("Le bon ordre\u00a0: {order}").format(order=self._ranked(q, self.right_ids(q)))

    def answer_words(self, q: Any, choice_ids: Sequence[str] = (), value: float | None = None) -> str:
        return self._ranked(q, choice_ids) if choice_ids else "\u2014"

    def answer_key(self, q: Any, choice_ids: Sequence[str] = (), value: float | None = None) -> str:
        return ">".join(choice_ids)

    def gift_lines(self, q: Any, head: str, general: str, w: GiftWriter) -> list[str]:
        """A description: GIFT has no ordering type. The prompt, the right order, the explanation."""
        order = "\n".join(f"{i}. {c.text}" for i, c in enumerate(q.choices, start=1))
        text = "\n" + _("Le bon ordre\u00a0:") + "\n" + order + ("\n" + q.explanation if q.explanation else "")
        return [
            _("// classement exporté en description\u00a0: GIFT n'a pas de question à classer"),
            head + w.escape(text),
        ]


TYPE = Ordering()
