"""A solo game with the pre/post measure around it (issue 18), without pygame.

    intro(pre) → pre items → pre posts → THE GAME → intro(post) → post items → post posts → progress

``MeasuredRun`` composes a ``MeasureFlow`` (the two checks, ``flow``) and a ``SoloRun`` (the
game, ``run``): the measure's screens drive ``flow`` until it reaches the game; the game's
screens drive ``run``; when the run has finished, ``game_over()`` moves the flow on to the check
after it; at the progress, ``finish()`` keeps the game and both checks in the anonymous
results, once. The questions of the measure are never dealt in the game (they would give the
answers away). When the chosen themes have nothing to measure with, the flow is SKIPPED: a
notice, the game, no check after, and the game is kept as any game.

Leaving at any step (``abandon()``: a quit, a kiosk's reset) keeps what was answered: the game
as abandoned (or as finished when only the check after it was left), with the measure's answers
so far. Nothing answered, nothing kept. A player who left the check before out (« Passer ») is
not asked the one after: there would be nothing to compare it with.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any

from game.content.loader import Content
from game.flow.measure_flow import GAME, INTRO, PROGRESS, MeasureFlow
from game.flow.solorun import Abandoned, Event, Recorded, SoloRun
from game.measure import MeasureResult
from game.session import Session, themes_of


def measure_seed(seed: int | None) -> int | None:
    """The measure's own random draw, from the game's seed: the same seed replays both."""
    return None if seed is None else (seed * 7919 + 17) % 2**31


@dataclass(eq=False)
class MeasuredRun:
    run: SoloRun  # the game (its own recorder off: this run records it, with the measure)
    flow: MeasureFlow
    store: Any = None  # a ResultsStore (anything with ``record_session``); None: nowhere

    def __post_init__(self) -> None:
        self.run.subscribe(self._on_event)

    @classmethod
    def start(cls, content: Content, path: str, seed: int | None = None, length: str = "normal",
              level: str = "adulte", mode: str = "solo", store: Any = None, items: int = 5) -> MeasuredRun:
        flow = MeasureFlow.plan(content, themes_of(path) or None, level, random.Random(measure_seed(seed)), items)
        dealt_from = content
        if flow.run is not None:  # the game deals none of the measure's questions
            kept = flow.run.plan.item_ids
            dealt_from = replace(content, questions={k: q for k, q in content.questions.items() if k not in kept})
        session = Session.start(dealt_from, path, seed, length, level=level)
        session.content = content
        return cls(SoloRun(session, mode), flow, store)

    # -- state ---------------------------------------------------------------------------
    @property
    def content(self) -> Content:
        return self.flow.content

    @property
    def recorded(self) -> bool:
        return self.run.recorded

    @property
    def in_game(self) -> bool:
        """The flow is at the game: the run's screens are on."""
        return self.flow.current.kind == GAME

    @property
    def at_progress(self) -> bool:
        """Both checks are behind (answered or left out): the progress, then the results."""
        return self.flow.current.kind == PROGRESS

    def result(self) -> MeasureResult | None:
        return self.flow.result()

    @property
    def shows_progress(self) -> bool:
        """Both checks were answered in full: the progress has something to compare."""
        result = self.flow.result()
        return result is not None and result.complete

    # -- intents ---------------------------------------------------------------------------
    def game_over(self) -> None:
        """The run has finished: on to the check after it (none when the one before was left
        out, or when there is no measure), or straight to the progress."""
        if not self.run.finished or self.flow.current.kind != GAME:
            return
        self.flow.game_over()
        if self.flow.current.kind == INTRO and "pre" in self.flow.skipped_phases:
            self.flow.skip()
        if self.flow.current.kind == PROGRESS:
            self.finish()

    def finish(self) -> bool:
        """At the progress: the game and both checks into the results (once)."""
        if self.flow.current.kind != PROGRESS or not self.run.finished:
            return False
        return self._record(finished=True)

    def abandon(self) -> bool:
        """The player leaves (or a kiosk wipes the screen): what was answered is kept. True: there
        was a game or a check on screen to leave."""
        if self.recorded:
            return True
        if self.run.finished:  # only the check after the game was left
            self._record(finished=True)
        else:
            self.run.abandon()  # its Abandoned event records it, below
            if not self.recorded:  # the run was already abandoned, or nothing happened
                self._record(finished=False)
        return True

    # -- recording -------------------------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        if isinstance(event, Abandoned):
            self._record(finished=False)

    def _record(self, finished: bool) -> bool:
        run = self.run
        if run.recorded:
            return False
        measure = self.flow.records()
        if not finished and not run.answers and not measure:
            return False  # nothing answered: nothing to keep
        run.recorded = True
        if self.store is None:
            return True
        # Imported here for start-up speed only, as in SoloRecorder.
        from game.storage import record_from_session

        results = run.results if finished else None
        careers = results.career_ids if results is not None else None
        self.store.record_session(record_from_session(run.session, run.mode, run.started_at, finished, careers,
                                                      measure=measure))
        run.emit(Recorded(finished))
        return True
