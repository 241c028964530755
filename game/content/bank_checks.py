"""Checks on a whole bank, for ``validate`` (issue 14.2): what lets a player score without reading.

- the right answer is clearly the longest in more than a third of the single-choice questions;
- every several-answer question has the same number of right answers;
- two questions ask almost the same thing.

Warnings only, and only in ``validate``: the game does not run them at start. Pure: no pygame.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from game.content.bank import Content, ContentIssue
from game.content.checks import fold
from game.i18n import _, ngettext

LONGER = 1.25  # the right answer is « clearly longer » at 25 % over the longest wrong one
LONGER_SHARE = 1 / 3  # warn when more than this share of the single-choice questions has it
MIN_QUESTIONS = 6  # a bank this small says nothing yet
SAME_COUNT_SHARE = 2 / 3  # several-answer questions: warn when more share one count of right answers
NEAR_SAME = 0.8  # share of words two prompts have in common (Jaccard) to be « almost the same »
SHOWN = 8  # ids named in one message at most
_WORD = re.compile(r"\w+")
_STOP = frozenset("""le la les un une des de du d l à au aux et ou en est sont ce cette ces qui que quoi
quel quelle quels quelles pour par sur dans avec sans plus moins pas ne n se sa son ses tes ton ta tu
vrai faux selon plusieurs réponses possibles il elle on a""".split())


_PLAIN_STOP = frozenset(fold(w) for w in _STOP)


def _words(text: str) -> frozenset[str]:
    """The words that carry a prompt's meaning (figures included: other figures, another question)."""
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in _PLAIN_STOP)


def _names(ids: list[str]) -> str:
    shown = ", ".join(ids[:SHOWN])
    return shown + ("…" if len(ids) > SHOWN else "")


def check_bank(content: Content) -> list[ContentIssue]:

    issues: list[ContentIssue] = []

    def warn(qid: str, message: str, loc: tuple = ()) -> None:
        path, line, col = content.locate("questions", qid, loc)
        issues.append(ContentIssue(path, line, col, message, "warning"))

    singles = sorted((q for q in content.questions.values() if q.type == "single" and len(q.choices) >= 3),
                     key=lambda q: q.id)
    longest = []
    for q in singles:
        right = [len(c.text) for c in q.choices if c.correct]
        wrong = [len(c.text) for c in q.choices if not c.correct]
        if right and wrong and right[0] >= LONGER * max(wrong):
            longest.append(q.id)
    if len(singles) >= MIN_QUESTIONS and len(longest) > LONGER_SHARE * len(singles):
        warn(longest[0], _("dans {n} questions à choix unique sur {total}, la bonne réponse est nettement la plus "
                           "longue\u00a0: on la devine sans lire ({ids}). Raccourcis-la, ou allonge les "
                           "autres").format(n=len(longest), total=len(singles), ids=_names(longest)), ("choices",))

    multiples = sorted((q for q in content.questions.values() if q.type == "multiple"), key=lambda q: q.id)
    by_count: dict[int, list[str]] = defaultdict(list)
    for q in multiples:
        by_count[len(q.correct_ids)].append(q.id)
    if len(multiples) >= 3:
        n, same = max(by_count.items(), key=lambda kv: (len(kv[1]), -kv[0]))
        if len(same) > SAME_COUNT_SHARE * len(multiples):  # always, or nearly always, the same count
            warn(same[0], ngettext(
                "{k} des {total} questions à plusieurs réponses ont {n} bonne réponse\u00a0: varie leur nombre "
                "(une, deux, trois), sinon on coche sans lire ({ids})",
                "{k} des {total} questions à plusieurs réponses ont {n} bonnes réponses\u00a0: varie leur nombre "
                "(une, deux, trois), sinon on coche sans lire ({ids})", n).format(
                k=len(same), total=len(multiples), n=n, ids=_names(same)), ("choices",))

    # Almost the same prompt. Two word sets with a Jaccard share of at least NEAR_SAME must have a
    # word in common among the len - ceil(NEAR_SAME * len) + 1 rarest of each (« prefix filtering »):
    # only prompts sharing such a word are compared, so a word every prompt has costs nothing.
    words = {qid: _words(q.prompt) for qid, q in content.questions.items()}
    frequency: dict[str, int] = defaultdict(int)
    for ws in words.values():
        for w in ws:
            frequency[w] += 1
    buckets: dict[str, list[str]] = defaultdict(list)
    for qid, ws in sorted(words.items()):
        prefix = len(ws) - math.ceil(NEAR_SAME * len(ws) - 1e-9) + 1
        for w in sorted(ws, key=lambda w: (frequency[w], w))[:prefix]:
            buckets[w].append(qid)
    seen: set[tuple[str, str]] = set()
    for ids in buckets.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                wa, wb = words[a], words[b]
                if min(len(wa), len(wb)) < NEAR_SAME * max(len(wa), len(wb)):
                    continue  # too different in length to share enough words
                if len(wa & wb) / len(wa | wb) >= NEAR_SAME:
                    path_a, line_a, _col = content.locate("questions", pair[0], ("prompt",))
                    warn(pair[1], _("«\u00a0{id}\u00a0» pose presque la même question que «\u00a0{other}\u00a0» "
                                    "({path}:{line})\u00a0: change l'une des deux").format(
                        id=pair[1], other=pair[0], path=path_a, line=line_a), ("prompt",))
    return issues
