"""A solo game's flow, without pygame: the whole state of one player's game, changed only through
intents, each change told by an event.

``Session`` (game.session) stays the dealt game underneath: its steps, its answers, its index.
``SoloRun`` adds what the screens used to keep or compute: whether the current item is answered,
the answer's result (scored here, and only here), the reveal, the notice when the level left the
session short, the end with its results (score, gauges, profile, careers, take-away cards), and
the record of the game in the anonymous results (``SoloRecorder``, fed by the events).

Intents: ``answer`` (a question: choice ids, or an estimate's value), ``choose`` (a scenario
card's choice), ``next`` (after the reveal: the next item, or the end), ``back`` / ``resume``
(the player asks for the pause menu, then comes back), ``abandon`` (the player leaves; a kiosk's
reset). An intent that does not apply (answering twice, ``next`` before the answer, a choice id
the item does not have) changes nothing and emits ``Refused``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from game import scoring
from game.content.loader import Content
from game.content.models import Question, Scenario
from game.session import Session, Step, themes_of

CAREERS_SHOWN = 3
Answer = scoring.Answer  # what views read of an answer (they never import scoring)
Marking = scoring.Marking


# -- events -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    """Something that changed in a solo game."""


@dataclass(frozen=True)
class StepShown(Event):
    """A new item is current (the first one when the run starts)."""

    index: int
    kind: str
    item_id: str


@dataclass(frozen=True)
class Answered(Event):
    """The current item was answered and its result is revealed; ``indicators`` are the gauges'
    totals after it (a scenario card moves them, a question does not)."""

    index: int
    answer: scoring.Answer
    indicators: dict[str, float]


@dataclass(frozen=True)
class Refused(Event):
    intent: str
    reason: str  # answered | not-answered | empty | unknown-choice | finished | wrong-kind | not-current | paused


@dataclass(frozen=True)
class Paused(Event):
    pass


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class Finished(Event):
    results: RunResults


@dataclass(frozen=True)
class Abandoned(Event):
    answered: int  # how many items were answered before leaving


@dataclass(frozen=True)
class Recorded(Event):
    finished: bool


# -- state the views read ------------------------------------------------------------------
@dataclass(frozen=True)
class Shortage:
    """The level left items out: a shorter session, never harder items. ``one_theme``: the path
    plays a single theme (the view says « ce thème », else « ces thèmes »)."""

    questions: int
    level: str
    one_theme: bool


@dataclass(frozen=True)
class RunResults:
    """What the end of a game shows, all keyed by ids."""

    score: tuple[int, int]  # (right answers, questions answered)
    indicators: dict[str, float]
    avoided_co2e: float  # below the heaviest choices of the cards played (0: none avoided)
    profile: dict[str, float]
    careers: list[scoring.CareerMatch]
    takeaway_ids: list[str]
    closing_id: str | None = None  # the card every session ends on, after the others

    @property
    def career_ids(self) -> list[str]:
        return [m.career_id for m in self.careers]


def results_of(content: Content, answers: list[scoring.Answer]) -> RunResults:
    answers = list(answers)
    totals = scoring.indicator_totals(content, answers)
    scenario_ids = [a.item_id for a in answers if a.kind == "scenario"]
    avoided = 0.0
    if scenario_ids and "co2e" in content.indicators:
        high = scoring.indicator_range(content, scenario_ids)["co2e"][1]
        avoided = max(0.0, high - totals.get("co2e", 0.0))
    return RunResults(
        score=scoring.knowledge_score(answers),
        indicators=totals,
        avoided_co2e=avoided,
        profile=scoring.profile(content, answers),
        careers=scoring.top_careers(content, answers, CAREERS_SHOWN),
        takeaway_ids=scoring.choose_takeaways(content, answers),
        closing_id=scoring.closing_takeaway(content),
    )


def estimate_start(question: Question, step: Step | None = None) -> float:
    """Where an estimate's slider starts: where the session drew it (never near the answer), or,
    without a dealt step, the middle unless the middle is the answer."""
    if step is not None and step.start is not None:
        return step.start
    est = question.estimate
    assert est is not None
    start = est.min + round((est.max - est.min) / est.step / 2) * est.step
    for candidate in (start, est.min, est.max):
        if not scoring.is_correct(question, value=candidate):
            return candidate
    return start


def marking(question: Question, answer: Answer) -> scoring.Marking:
    """A choice question's boxes after ``answer``: the right ones found, missed, the wrong ones ticked."""
    return scoring.mark(question, answer.choice_ids)


# -- recording ------------------------------------------------------------------------------
class SoloRecorder:
    """Subscribed to a run: keeps the game in the anonymous results (``store``: a ResultsStore, or
    anything with ``record_session``) when it ends, or when it is abandoned after an answer. Once."""

    def __init__(self, run: SoloRun, store: Any) -> None:
        self.run = run
        self.store = store

    def __call__(self, event: Event) -> None:
        if isinstance(event, Finished):
            finished, careers = True, event.results.career_ids
        elif isinstance(event, Abandoned) and event.answered:
            finished, careers = False, None
        else:
            return
        run = self.run
        if run.recorded:
            return
        run.recorded = True
        # Imported here for start-up speed only (sqlite3 and the record models, ~20 ms before the
        # first frame, which needs no results); storage never imports the flow.
        from game.storage import record_from_session

        self.store.record_session(record_from_session(run.session, run.mode, run.started_at, finished, careers))
        run.emit(Recorded(finished))


# -- the run --------------------------------------------------------------------------------
@dataclass(eq=False)
class SoloRun:
    session: Session
    mode: str = "solo"  # solo | kiosk: how the record names the game
    store: Any = None  # where the game is recorded (a ResultsStore); None: nowhere
    started_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    answer: scoring.Answer | None = None  # the current item's, once answered (then revealed)
    paused: bool = False
    abandoned: bool = False
    recorded: bool = False
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []
        self._results: RunResults | None = None
        if self.store is not None:
            self.subscribe(SoloRecorder(self, self.store))
        if not self.session.finished:
            self.emit(StepShown(self.session.index, self.step.kind, self.step.id))

    @classmethod
    def start(cls, content: Content, path: str, seed: int | None = None, length: str = "normal",
              level: str = "adulte", mode: str = "solo", store: Any = None) -> SoloRun:
        return cls(Session.start(content, path, seed, length, level=level), mode, store)

    # -- events ------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._subscribers.append(listener)

    def emit(self, event: Event) -> None:
        self.events.append(event)
        for listener in list(self._subscribers):
            listener(event)

    def _refuse(self, intent: str, reason: str) -> bool:
        self.emit(Refused(intent, reason))
        return False

    # -- state the views read -----------------------------------------------------------
    @property
    def content(self) -> Content:
        return self.session.content

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def step(self) -> Step:
        return self.session.current

    @property
    def item(self) -> Question | Scenario:
        step = self.step
        return (self.content.questions if step.kind == "question" else self.content.scenarios)[step.id]

    @property
    def revealed(self) -> bool:
        """The current item is answered and its result shown."""
        return self.answer is not None

    @property
    def answers(self) -> list[scoring.Answer]:
        return self.session.answers

    @property
    def running_score(self) -> tuple[int, int, int]:
        """(right answers, questions answered, right answers in a row at the end): the running
        score and the streak the answer moment shows, from the answers already scored."""
        qs = [a for a in self.answers if a.kind == "question"]
        streak = 0
        for a in reversed(qs):
            if not a.correct:
                break
            streak += 1
        return sum(1 for a in qs if a.correct), len(qs), streak

    @property
    def indicators(self) -> dict[str, float]:
        return self.session.indicators()

    def position(self) -> tuple[int, int]:
        """(n, total) among the items of the current one's kind: « Question 3 / 12 »."""
        return self.session.position_of_current()

    @property
    def shortage(self) -> Shortage | None:
        """Said on the first item when the level left items out (issue 14.4)."""
        session = self.session
        if not session.short_by or session.index != 0:
            return None
        return Shortage(session.question_count, session.level, len(themes_of(session.path)) == 1)

    @property
    def results(self) -> RunResults | None:
        """The end's figures, once every item is played (None before)."""
        if not self.finished:
            return None
        if self._results is None:
            self._results = results_of(self.content, self.answers)
        return self._results

    # -- intents ---------------------------------------------------------------------------
    def answer_question(self, choice_ids: tuple[str, ...] | list[str] = (), value: float | None = None,
                        item_id: str | None = None) -> bool:
        """Answer the current question: its choice ids, or an estimate's value. Scored here.
        ``item_id``: the question the view shows (an answer to another item is refused)."""
        why = self._cannot_answer("question", item_id)
        if why:
            return self._refuse("answer", why)
        q = self.item
        assert isinstance(q, Question)
        if q.type == "estimate" and value is None or q.type != "estimate" and not choice_ids:
            return self._refuse("answer", "empty")
        if not set(choice_ids) <= {c.id for c in q.choices}:
            return self._refuse("answer", "unknown-choice")
        return self._record(scoring.answer_question(q, choice_ids, value))

    def choose(self, choice_id: str, item_id: str | None = None) -> bool:
        """Pick a choice of the current scenario card; the gauges move."""
        why = self._cannot_answer("scenario", item_id)
        if why:
            return self._refuse("choose", why)
        sc = self.item
        assert isinstance(sc, Scenario)
        if choice_id not in {c.id for c in sc.choices}:
            return self._refuse("choose", "unknown-choice")
        return self._record(scoring.answer_scenario(sc, choice_id))

    def next(self) -> bool:
        """After the reveal: the next item, or the end of the game (its results, its record)."""
        if self.finished:
            return self._refuse("next", "finished")
        if self.answer is None:
            return self._refuse("next", "not-answered")
        self.session.advance()
        self.answer = None
        if self.finished:
            results = self.results
            assert results is not None
            self.emit(Finished(results))
        else:
            self.emit(StepShown(self.session.index, self.step.kind, self.step.id))
        return True

    def back(self) -> bool:
        """The player asks for the pause menu (Échap, « Menu »): the game waits."""
        if self.finished or self.paused:
            return self._refuse("back", "finished" if self.finished else "paused")
        self.paused = True
        self.emit(Paused())
        return True

    def resume(self) -> bool:
        if not self.paused:
            return self._refuse("resume", "not-paused")
        self.paused = False
        self.emit(Resumed())
        return True

    def abandon(self) -> bool:
        """The player leaves before the end (or a kiosk wipes the game): kept in the results as
        abandoned when something was answered. A finished or already abandoned game stays as it is."""
        if self.finished or self.abandoned:
            return False
        self.abandoned = True
        self.paused = False
        self.emit(Abandoned(len(self.answers)))
        return True

    def _cannot_answer(self, kind: str, item_id: str | None) -> str:
        if self.finished or self.abandoned:
            return "finished"
        if self.step.kind != kind:
            return "wrong-kind"
        if item_id is not None and item_id != self.step.id:
            return "not-current"
        return "answered" if self.answer is not None else ""

    def _record(self, answer: scoring.Answer) -> bool:
        self.session.record(answer)
        self.answer = answer
        self.emit(Answered(self.session.index, answer, self.indicators))
        return True
