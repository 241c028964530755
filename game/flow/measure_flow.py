"""The steps of the pre/post measure (issue 18), without pygame: intents in, the current step out.

    before the game:  intro(pre) → pre items → pre posts → GAME
    after the game:   intro(post) → post items → post posts → PROGRESS

At GAME the caller plays the game, then calls ``game_over()``; at PROGRESS the results screen
shows the progress (``result()``). When the chosen themes have nothing to measure with, the flow
is SKIPPED: one notice on screen (« on joue sans la mesure »), then the game, and no check after.

Intents: ``answer(choice_ids, value)`` on an item, ``rate(rating)`` on a post, ``next()`` on an
intro, the notice or GAME, ``skip()`` on an intro (the player would rather not: the check is left
out, never scored). An intent that does not fit the step raises ValueError, so a view can never
record an answer twice or in the wrong place.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.content.loader import Content
from game.measure import MeasurePlan, MeasureResult, MeasureRun, plan_measure
from game.session import Step

if TYPE_CHECKING:
    from game.storage import MeasureRecord  # imported when a record is made (start-up speed)

INTRO, ITEM, RATE, GAME, PROGRESS, SKIPPED = "intro", "item", "rate", "game", "progress", "skipped"


@dataclass(frozen=True)
class MeasureStep:
    kind: str  # intro | item | rate | game | progress | skipped
    phase: str = ""  # pre | post ("" for game, progress, skipped)
    index: int = 0  # which item or post of the phase
    count: int = 0  # how many items (or posts) the phase has
    item: Step | None = None  # the dealt question (order of choices, slider start)
    post_id: str = ""


class MeasureFlow:
    """One player's (or one team's) way through both checks."""

    def __init__(self, content: Content, plan: MeasurePlan | None) -> None:
        self.content = content
        self.run = MeasureRun.start(plan) if plan is not None else None
        self.skipped_phases: set[str] = set()
        self._steps = self._all_steps()
        self._at = 0

    @classmethod
    def plan(cls, content: Content, themes: Iterable[str] | None, level: str, rng: random.Random,
             items: int = 5) -> MeasureFlow:
        """The flow for these themes and level; SKIPPED when they have no twins and no posts."""
        return cls(content, plan_measure(content, themes, level, rng, items))

    def _all_steps(self) -> list[MeasureStep]:
        if self.run is None:
            return [MeasureStep(SKIPPED), MeasureStep(GAME), MeasureStep(PROGRESS)]
        plan = self.run.plan
        out: list[MeasureStep] = []
        for phase in ("pre", "post"):
            steps, posts = plan.steps(phase), plan.posts(phase)
            out.append(MeasureStep(INTRO, phase, count=len(steps)))
            out += [MeasureStep(ITEM, phase, i, len(steps), item=s) for i, s in enumerate(steps)]
            out += [MeasureStep(RATE, phase, i, len(posts), post_id=p) for i, p in enumerate(posts)]
            out.append(MeasureStep(GAME if phase == "pre" else PROGRESS))
        return out

    # -- state -------------------------------------------------------------------------
    @property
    def skipped(self) -> bool:
        """The themes had nothing to measure with: no check before, none after."""
        return self.run is None

    @property
    def current(self) -> MeasureStep:
        return self._steps[self._at]

    @property
    def phase(self) -> str:
        return self.current.phase

    def counts(self, phase: str) -> tuple[int, int]:
        """(questions, posts) of a check."""
        if self.run is None:
            return 0, 0
        return len(self.run.plan.steps(phase)), len(self.run.plan.posts(phase))

    def result(self) -> MeasureResult | None:
        return None if self.run is None else self.run.result(self.content)

    def records(self, team: int | None = None) -> tuple[MeasureRecord, ...]:
        """What the results store keeps of this flow (``record_from_session(measure=...)``)."""
        return () if self.run is None else tuple(self.run.records(self.content, team))

    def rating_of(self, post_id: str) -> int | None:
        if self.run is None:
            return None
        return self.run.ratings[self.phase].get(post_id) if self.phase else None

    # -- intents -----------------------------------------------------------------------
    def _expect(self, *kinds: str) -> MeasureStep:
        step = self.current
        if step.kind not in kinds:
            raise ValueError(f"this intent fits a {' or '.join(kinds)} step, not {step.kind}")
        return step

    def _forward(self) -> None:
        self._at = min(self._at + 1, len(self._steps) - 1)

    def answer(self, choice_ids: Iterable[str] = (), value: float | None = None) -> None:
        step = self._expect(ITEM)
        assert self.run is not None and step.item is not None
        self.run.answer(self.content, step.phase, step.item.id, list(choice_ids), value)
        self._forward()

    def rate(self, rating: object) -> None:
        step = self._expect(RATE)
        assert self.run is not None
        self.run.rate(step.phase, step.post_id, rating)
        self._forward()

    def next(self) -> None:
        """Past an intro, the notice, or the game (``game_over``)."""
        self._expect(INTRO, SKIPPED, GAME)
        self._forward()

    def game_over(self) -> None:
        """The game between the two checks is over: on to the check after it."""
        self.next()

    def skip(self) -> None:
        """On an intro: leave this check out (nothing recorded for it), on to what follows it."""
        step = self._expect(INTRO)
        self.skipped_phases.add(step.phase)
        while self.current.kind in (INTRO, ITEM, RATE):
            self._forward()
