"""The pre/post measure (issue 18): what players learned, with the method of the published studies.

Before the game, a short check without feedback (« pour voir d'où l'on part »): one question of
each twin pair, and a few made-up posts to rate from 1 (pas fiable du tout) to 7 (tout à fait
fiable). After the game, the other question of each pair and other posts. From these:

- the knowledge score before and after (a several-answer question earns its partial credit),
  the gain, and the normalised gain, gain ÷ (maximum − score before) (Hake, 1998);
- the discernment, mean rating of the reliable posts − mean rating of the manipulative ones
  (Roozenbeek & van der Linden, 2019; Basol et al., 2020): it grows when a player trusts
  reliable posts more and manipulative ones less.

Pure: no pygame. Plans are drawn from the session's random generator, so a seed replays them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game import scoring
from game.content.loader import Content
from game.content.measure_checks import twin_pairs
from game.session import Step, choice_order, levels_up_to, slider_start

if TYPE_CHECKING:
    from game.storage import MeasureRecord

RATING_MIN, RATING_MAX = 1, 7
ITEMS_MIN, ITEMS_MAX = 4, 6  # twin pairs per measure
POSTS_PER_PHASE = 4  # half reliable, half manipulative
PHASES = ("pre", "post")


@dataclass(frozen=True)
class MeasurePlan:
    """The items of both checks, as dealt: ``pre[i]`` and ``post[i]`` are twins."""

    pre: tuple[Step, ...]
    post: tuple[Step, ...]
    posts_pre: tuple[str, ...] = ()
    posts_post: tuple[str, ...] = ()

    def steps(self, phase: str) -> tuple[Step, ...]:
        return self.pre if phase == "pre" else self.post

    def posts(self, phase: str) -> tuple[str, ...]:
        return self.posts_pre if phase == "pre" else self.posts_post

    @property
    def item_ids(self) -> frozenset[str]:
        """Every question of the measure: the game itself does not deal them."""
        return frozenset(s.id for s in (*self.pre, *self.post))


def _step(content: Content, qid: str, rng: random.Random) -> Step:
    q = content.questions[qid]
    return Step("question", qid, choice_order(q, rng), slider_start(q.estimate, rng) if q.estimate else None)


def plan_measure(content: Content, themes: Iterable[str] | None, level: str, rng: random.Random,
                 items: int = 5) -> MeasurePlan | None:
    """Up to ``items`` twin pairs (4 to 6) and posts from the chosen themes (None: every theme) at
    the level or easier. None when the themes have fewer than ITEMS_MIN pairs and no posts: the
    measure is then skipped, and the game says so rather than measure on too little."""
    chosen = set(themes) if themes else None
    allowed = levels_up_to(level)

    def usable(theme: str, difficulty: str) -> bool:
        return (chosen is None or theme in chosen) and difficulty in allowed

    pairs = [p for p in twin_pairs(content)
             if usable(content.questions[p[0]].theme, content.questions[p[0]].difficulty)]
    rng.shuffle(pairs)
    pairs = pairs[: max(ITEMS_MIN, min(ITEMS_MAX, items))] if len(pairs) >= ITEMS_MIN else []
    pre, post = [], []
    for a, b in pairs:
        first, second = (a, b) if rng.random() < 0.5 else (b, a)  # which twin comes first is drawn too
        pre.append(_step(content, first, rng))
        post.append(_step(content, second, rng))
    reliable = sorted(p.id for p in content.posts.values() if p.reliable and usable(p.theme, p.difficulty))
    tricky = sorted(p.id for p in content.posts.values() if not p.reliable and usable(p.theme, p.difficulty))
    rng.shuffle(reliable)
    rng.shuffle(tricky)
    half = min(POSTS_PER_PHASE // 2, len(reliable) // 2, len(tricky) // 2)
    posts_pre = reliable[:half] + tricky[:half]
    posts_post = reliable[half:2 * half] + tricky[half:2 * half]
    rng.shuffle(posts_pre)
    rng.shuffle(posts_post)
    if not pre and not posts_pre:
        return None
    return MeasurePlan(tuple(pre), tuple(post), tuple(posts_pre), tuple(posts_post))


def credit(content: Content, qid: str, choice_ids: Iterable[str] = (), value: float | None = None) -> float:
    """What one answer earns, 0 to 1: a several-answer question its partial credit, the others 1 or 0."""
    q = content.questions[qid]
    if q.type == "multiple":
        return scoring.mark(q, choice_ids).credit
    return 1.0 if scoring.is_correct(q, choice_ids, value) else 0.0


def discernment(content: Content, ratings: Mapping[str, int]) -> float | None:
    """Mean rating of the reliable posts − mean rating of the manipulative ones (−6 to +6); None
    when either kind was not rated."""
    good = [r for pid, r in ratings.items() if pid in content.posts and content.posts[pid].reliable]
    bad = [r for pid, r in ratings.items() if pid in content.posts and not content.posts[pid].reliable]
    if not good or not bad:
        return None
    return sum(good) / len(good) - sum(bad) / len(bad)


def normalised_gain(before: float, after: float, maximum: float) -> float | None:
    """(after − before) ÷ (maximum − before): the share of what was left to learn that was learned.
    None when the player already had everything right before (nothing left to learn)."""
    if maximum - before <= 1e-9:
        return None
    return (after - before) / (maximum - before)


def check_rating(value: object) -> int:
    """A rating from a player or a device: an int from 1 to 7, never anything else."""
    if isinstance(value, bool) or not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX:
        raise ValueError(f"a rating is an integer from {RATING_MIN} to {RATING_MAX}, got {value!r}")
    return value


@dataclass
class MeasureRun:
    """The answers of one player (or one team) to both checks. ``scores`` and ``ratings`` are
    keyed by phase, then by item id; nothing in them names a person."""

    plan: MeasurePlan
    scores: dict[str, dict[str, float]]
    ratings: dict[str, dict[str, int]]

    @classmethod
    def start(cls, plan: MeasurePlan) -> MeasureRun:
        return cls(plan, {p: {} for p in PHASES}, {p: {} for p in PHASES})

    def answer(self, content: Content, phase: str, qid: str, choice_ids: Iterable[str] = (),
               value: float | None = None) -> None:
        if qid not in {s.id for s in self.plan.steps(phase)}:
            raise KeyError(f"{qid!r} is not in the {phase} check")
        self.scores[phase][qid] = credit(content, qid, choice_ids, value)

    def rate(self, phase: str, post_id: str, rating: object) -> None:
        if post_id not in self.plan.posts(phase):
            raise KeyError(f"{post_id!r} is not in the {phase} check")
        self.ratings[phase][post_id] = check_rating(rating)

    def done(self, phase: str) -> bool:
        return (len(self.scores[phase]) == len(self.plan.steps(phase))
                and len(self.ratings[phase]) == len(self.plan.posts(phase)))

    def records(self, content: Content, team: int | None = None) -> list[MeasureRecord]:
        """What is stored of this run: item ids, scores and ratings, never a name."""
        # Imported here for start-up speed only (sqlite3, which the first frame does not need);
        # storage never imports the measure.
        from game.storage import MeasureRecord

        out = []
        for phase in PHASES:
            for step in self.plan.steps(phase):
                if step.id in self.scores[phase]:
                    out.append(MeasureRecord(phase, "question", step.id, content.questions[step.id].theme,
                                             score=self.scores[phase][step.id], team=team))
            for pid in self.plan.posts(phase):
                if pid in self.ratings[phase]:
                    post = content.posts[pid]
                    out.append(MeasureRecord(phase, "post", pid, post.theme, rating=self.ratings[phase][pid],
                                             reliable=post.reliable, team=team))
        return out

    def result(self, content: Content) -> MeasureResult:
        n = len(self.plan.pre)
        before = sum(self.scores["pre"].values())
        after = sum(self.scores["post"].values())
        complete = self.done("pre") and self.done("post")
        return MeasureResult(
            items=n, before=before, after=after, complete=complete,
            discernment_before=discernment(content, self.ratings["pre"]),
            discernment_after=discernment(content, self.ratings["post"]))


@dataclass(frozen=True)
class MeasureResult:
    items: int  # twin pairs
    before: float  # knowledge score before, 0..items
    after: float
    complete: bool  # both checks answered in full
    discernment_before: float | None = None
    discernment_after: float | None = None

    @property
    def gain(self) -> float:
        return self.after - self.before

    @property
    def normalised_gain(self) -> float | None:
        return normalised_gain(self.before, self.after, self.items) if self.items else None
