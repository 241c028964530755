"""A class game's flow, without pygame: the whole state of a game at the projector, changed only
through intents, each change told by an event.

``Classroom`` (game.classroom) stays the data model underneath: the teams, each team's entry per
item, what is revealed or skipped, the figures. ``ClassRun`` adds what the screens used to keep:
the phase of the current item (ask → reveal → debate), whose answer is keyed next, the timer
(plain numbers from an injected clock), the confirmation waiting for the facilitator's « Oui »,
the debrief's commitments and the end. Views read its state and send it intents; they draw the
events (``ClassRun.events``, or ``subscribe``) and never score; storage records the game from the
events (``ClassRecorder``), never from a screen.

Intents: ``choose`` / ``pick`` (the current team's answer, by choice id or by the place on
screen), ``enter`` (any team's answer: a facilitator window, the pads), ``set_estimate`` and
``validate`` (an estimate is taken only once its slider has moved), ``select_team``, ``clear``,
``reveal``, ``next``, ``debate``, ``back``, ``turn_page``, ``toggle_notes``, ``show_choice``, ``skip``,
``end``, ``pause`` / ``resume``, ``extend``, ``tick``, ``commit``, ``finish``, ``abandon``;
``confirm`` / ``cancel`` answer the question in ``pending``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.classroom import EXTEND_SECONDS, ClassConfig, Classroom, Entry, Timer
from game.content.loader import Content
from game.i18n import N_
from game.qtypes import qtype
from game.qtypes.ordering import pairs_right
from game.session import LENGTHS, levels_up_to, ordered_choices

PHASES = ("ask", "reveal", "debate", "debrief", "over")
# A reveal in two pages, so that each can be read at the projector's scale: « answer » (the right
# answer, the class's spread, each team's result; a situation's choices and who chose them), then
# « why » (the explanation and its source; a situation's consequence of one choice).
REVEAL_PAGES = ("answer", "why")
EXTENDED_TIMER = 1.5  # the accessibility setting « more time »: half as much again

# What a confirmation asks, by the intent that needs it (msgids: the view translates them).
CONFIRMATIONS = {
    "reveal": N_("Aucune équipe n'a encore répondu. Révéler quand même\u00a0?"),
    "skip": N_("Passer cette question\u00a0? Elle ne comptera pour personne."),
    "end": N_("Finir maintenant et aller au bilan\u00a0?"),
    "abandon": N_("Abandonner la partie\u00a0? Vous reviendrez à l'accueil."),
    "finish": N_("Certaines équipes n'ont pas choisi d'engagement. Terminer quand même\u00a0?"),
}


# -- events -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    """Something that changed in a class game."""


@dataclass(frozen=True)
class ItemStarted(Event):
    step: int
    kind: str
    item_id: str


@dataclass(frozen=True)
class TurnChanged(Event):
    """Whose answer is keyed next; ``team`` None once every team has answered (the hand goes to
    « Révéler »). ``passed``: the hand moved on after an answer (not picked by the facilitator)."""

    team: int | None
    passed: bool = True


@dataclass(frozen=True)
class AnswerEntered(Event):
    step: int
    team: int
    choice_ids: tuple[str, ...]
    value: float | None
    correct: bool | None


@dataclass(frozen=True)
class OrderKeyed(Event):
    """An ordering being keyed for ``team``: the items placed so far, in rank order (not yet an
    answer: the team's order counts once every item has its place)."""

    step: int
    team: int
    choice_ids: tuple[str, ...]


@dataclass(frozen=True)
class AnswerCleared(Event):
    step: int
    team: int


@dataclass(frozen=True)
class Refused(Event):
    """An intent that could not apply, and why (e.g. « move_slider »: an estimate not moved yet)."""

    intent: str
    reason: str


@dataclass(frozen=True)
class ConfirmationAsked(Event):
    what: str  # a key of CONFIRMATIONS

    @property
    def question(self) -> str:
        return CONFIRMATIONS[self.what]


@dataclass(frozen=True)
class ConfirmationClosed(Event):
    what: str
    accepted: bool


@dataclass(frozen=True)
class PhaseChanged(Event):
    phase: str


@dataclass(frozen=True)
class Revealed(Event):
    step: int
    answered: tuple[int, ...]  # teams with an answer
    right: tuple[int, ...]  # teams whose answer is right (questions)
    expired: bool = False  # the timer ran out


@dataclass(frozen=True)
class RevealPageChanged(Event):
    """The reveal turned to ``page`` (REVEAL_PAGES). A reveal (``Revealed``) always lands on
    « answer »; this event says each turn after it."""

    step: int
    page: str


@dataclass(frozen=True)
class Unrevealed(Event):
    step: int


@dataclass(frozen=True)
class TimerChanged(Event):
    remaining: float
    running: bool


@dataclass(frozen=True)
class NotesToggled(Event):
    shown: bool


@dataclass(frozen=True)
class ChoiceShown(Event):
    """A situation's reveal: the choice whose consequence shows."""

    choice_id: str


@dataclass(frozen=True)
class Skipped(Event):
    step: int


@dataclass(frozen=True)
class DebriefStarted(Event):
    ended_early: bool


@dataclass(frozen=True)
class Committed(Event):
    team: int
    card_id: str


@dataclass(frozen=True)
class Recorded(Event):
    finished: bool


@dataclass(frozen=True)
class GameOver(Event):
    finished: bool
    abandoned: bool = False


# -- recording ----------------------------------------------------------------------------
def record_classroom(classroom: Classroom, store: Any, finished: bool) -> bool:
    """Every counted answer, each with its team's index (never a name), in the anonymous results
    (``store``: a ResultsStore, or anything with ``record_session``). Once per game; nothing when
    no answer counts. True when a record was written."""
    if classroom.recorded or store is None or not classroom.answers():
        return False
    classroom.recorded = True
    # Imported here for memory and start-up speed only (sqlite3 and the record models: a game that
    # records nothing never loads them); storage never imports the flow.
    from game.storage import record_from_session

    store.record_session(record_from_session(classroom.session_for_record(), "classroom", classroom.started_at,
                                             finished, careers=[]))
    return True


class ClassRecorder:
    """Subscribed to a run: keeps the game in the results when it reaches its debrief (finished
    unless ended early) or is abandoned."""

    def __init__(self, run: ClassRun, store: Any) -> None:
        self.run = run
        self.store = store

    def __call__(self, event: Event) -> None:
        if isinstance(event, DebriefStarted):
            finished = not event.ended_early
        elif isinstance(event, GameOver) and event.abandoned:
            finished = False
        else:
            return
        if record_classroom(self.run.classroom, self.store, finished):
            self.run.emit(Recorded(finished))


# -- set-up figures -------------------------------------------------------------------------
def planned_questions(content: Content, length: str, themes: tuple[str, ...], level: str) -> int:
    """How many questions a length, themes and level give, as the session will plan them."""
    full, one = LENGTHS[length]
    allowed = levels_up_to(level)
    if len(themes) == 1:
        return min(one[0], sum(q.difficulty in allowed for q in content.items_of_theme(themes[0])[0]))
    available = sum(1 for q in content.questions.values()
                    if (not themes or q.theme in themes) and q.difficulty in allowed)
    return min(full[0], available)


# -- the run --------------------------------------------------------------------------------
@dataclass(eq=False)
class ClassRun:
    classroom: Classroom
    clock: Callable[[], float] = time.monotonic
    timer_scale: float = 1.0  # EXTENDED_TIMER when the accessibility setting asks for more time
    store: Any = None  # where the game is recorded (a ResultsStore); None: nowhere
    phase: str = "ask"
    current: int = 0  # the team the next answer goes to
    all_in: bool = False  # the last answer was keyed: the hand went to « Révéler »
    correcting: bool = False  # back from the reveal: the timer stays stopped until « + » or the reveal
    notes_shown: bool = False
    card_choice: str | None = None  # a situation's reveal: the choice whose consequence shows
    reveal_page: str = "answer"  # the reveal's page (REVEAL_PAGES): the answer, then why
    pending: str | None = None  # a confirmation the facilitator must answer (CONFIRMATIONS)
    events: list[Event] = field(default_factory=list)
    # The screen a view shows when the game reaches its debrief, before the debrief itself (with
    # the pre/post measure on, its check after the game): called with the view's context; None:
    # the debrief at once.
    before_debrief: Callable[[Any], Any] | None = None
    timer: Timer = field(init=False)

    def __post_init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []
        self._known: dict[int, Entry] = {}
        self._drafts: dict[int, tuple[str, ...]] = {}  # orderings being keyed, per team
        if self.store is not None:
            self.subscribe(ClassRecorder(self, self.store))
        self.timer = Timer(0, self.clock)
        self._start_item()

    @classmethod
    def start(cls, content: Content, config: ClassConfig, seed: int | None = None,
              clock: Callable[[], float] = time.monotonic, timer_scale: float = 1.0, store: Any = None) -> ClassRun:
        return cls(Classroom.start(content, config, seed), clock, timer_scale, store)

    # -- events ------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._subscribers.append(listener)

    def emit(self, event: Event) -> None:
        self.events.append(event)
        for listener in list(self._subscribers):
            listener(event)

    # -- state the views read -----------------------------------------------------------
    @property
    def content(self) -> Content:
        return self.classroom.content

    @property
    def config(self) -> ClassConfig:
        return self.classroom.config

    @property
    def teams(self) -> list:  # noqa: ANN201
        return self.classroom.teams

    @property
    def finished(self) -> bool:
        return self.classroom.finished

    @property
    def step_index(self) -> int:
        return self.classroom.step

    @property
    def step(self):  # noqa: ANN201 - the session's Step
        return self.classroom.session.current

    @property
    def item(self):  # noqa: ANN201 - a Question or a Scenario
        s = self.step
        return self.content.questions[s.id] if s.kind == "question" else self.content.scenarios[s.id]

    @property
    def kind(self) -> str:
        """« single », « multiple », « truefalse », « estimate » for a question; « scenario »."""
        return self.item.type if self.step.kind == "question" else "scenario"

    @property
    def choices(self) -> list:  # noqa: ANN201
        """The item's choices in the order the projector shows them: the session's, for a question."""
        return ordered_choices(self.item, self.step) if self.step.kind == "question" else list(self.item.choices)

    def teams_for_current(self) -> list[int]:
        return self.classroom.teams_for_current()

    def team(self, index: int):  # noqa: ANN201 - a Team
        return next(t for t in self.classroom.teams if t.index == index)

    def entry(self, team: int | None = None) -> Entry | None:
        return self.classroom.entry(self.current if team is None else team)

    def answered(self, team: int) -> bool:
        return self.classroom.entry(team) is not None

    def all_entered(self) -> bool:
        return self.classroom.all_entered()

    def all_answered(self) -> bool:
        """Every team's answer is in and the hand has passed on: the projector then shows no team's
        choice (a facilitator who picks a team to correct it sees that team's again)."""
        return self.all_in and all(self.answered(t) for t in self.teams_for_current())

    @property
    def answering(self) -> bool:
        return self.phase == "ask" and self.step_index not in self.classroom.revealed

    @property
    def revealed(self) -> bool:
        return not self.finished and self.step_index in self.classroom.revealed

    def waiting_commitments(self) -> list[int]:
        return [t.index for t in self.teams if t.index not in self.classroom.commitments]

    # -- answers -------------------------------------------------------------------------
    def enter(self, team: int, choice_ids: list[str] | tuple[str, ...], value: float | None = None) -> bool:
        """Set (or replace) ``team``'s answer to the current item while it is asked; an answer
        entered during a correction earns no speed bonus. The hand does not move (``choose``,
        ``validate`` pass it on)."""
        self.refresh()
        if not self.answering or team not in self.teams_for_current():
            self.emit(Refused("enter", "closed" if not self.answering else "not_this_team"))
            return False
        seconds = float("inf") if self.correcting else self.timer.elapsed()
        answer = self.classroom.enter(team, list(choice_ids), value, seconds=seconds, limit=self.timer.total)
        self._known[team] = self.classroom.entry(team)
        self.emit(AnswerEntered(self.step_index, team, tuple(answer.choice_ids), answer.value, answer.correct))
        return True

    def draft(self, team: int | None = None) -> tuple[str, ...]:
        """An ordering being keyed for ``team`` (the current one): the items placed so far."""
        return self._drafts.get(self.current if team is None else team, ())

    def credits(self) -> dict[int, tuple[int, int]]:
        """An ordering: each answering team's (pairs in the right relative order, all pairs)."""
        right = qtype("ordering").right_ids(self.item)
        out = {}
        for t in self.teams_for_current():
            e = self.classroom.entry(t)
            if e is not None and self.kind == "ordering" and len(e.answer.choice_ids) == len(right):
                out[t] = pairs_right(right, e.answer.choice_ids)
        return out

    def clear(self, team: int) -> None:
        self.refresh()
        if self.answering and self._drafts.pop(team, None) is not None:
            self.emit(OrderKeyed(self.step_index, team, ()))
        if self.answering and self.answered(team):
            self.classroom.clear(team)
            self._known.pop(team, None)
            self.emit(AnswerCleared(self.step_index, team))

    def choose(self, choice_id: str) -> None:
        """The current team's answer: a tick toggled (several answers), else that answer, and the
        hand passes to the next team waiting."""
        if not self.answering or self.kind == "estimate":
            return
        if choice_id not in {c.id for c in self.item.choices}:
            raise ValueError(f"no choice {choice_id!r} in {self.step.id}")
        team = self.current
        if self.kind == "ordering":
            self._key_order(team, choice_id)
            return
        if self.kind == "multiple":
            entry = self.entry(team)
            chosen = set(entry.answer.choice_ids) if entry else set()
            chosen ^= {choice_id}
            if chosen:
                self.enter(team, sorted(chosen))
            else:
                self.clear(team)
            return
        if self.enter(team, [choice_id]):
            self._pass_hand()

    def _key_order(self, team: int, choice_id: str) -> None:
        """An ordering's keys go in rank order (``qtype("ordering").key``): the item keyed goes
        next, one already placed comes out; once every item has its place, the order is the team's
        answer and the hand passes on."""
        shown = [c.id for c in self.choices]
        keyed = qtype("ordering").key(self.item, shown, self.draft(team), shown.index(choice_id))
        if keyed is None:
            return
        if keyed.complete:
            self._drafts.pop(team, None)
            if self.enter(team, keyed.choice_ids):
                self._pass_hand()
            return
        self._drafts[team] = keyed.choice_ids
        self.emit(OrderKeyed(self.step_index, team, keyed.choice_ids))

    def pick(self, index: int) -> None:
        """Keys 1–4: the answer at that place on screen (the session's order), for the current
        team; on a situation's reveal, that choice's consequence."""
        shown = self.choices
        if not 0 <= index < len(shown):
            return
        if self.phase == "reveal" and self.step.kind == "scenario":
            self.show_choice(shown[index].id)
        elif self.phase == "ask":
            self.choose(shown[index].id)

    def set_estimate(self, value: float) -> None:
        """The slider moved for the current team: its estimate, until « Valider » passes the hand."""
        if self.answering and self.kind == "estimate":
            self.enter(self.current, [], value)

    def validate(self) -> bool:
        """« Valider »: the current team's ticks or estimate are in, the hand passes on. An estimate
        whose slider never moved is not an answer (its start was drawn at random)."""
        if not self.answering:
            return False
        if not self.answered(self.current):
            self.emit(Refused("validate", "move_slider" if self.kind == "estimate" else "nothing_ticked"))
            return False
        self._pass_hand()
        return True

    def select_team(self, team: int) -> None:
        """The facilitator picks the team whose answer is keyed next (to correct it, say)."""
        if team in self.teams_for_current() and self.phase == "ask":
            self.current = team
            self.all_in = False
            self.emit(TurnChanged(team, passed=False))

    def _pass_hand(self) -> None:
        """The next team still waiting (after this one), or nobody once every team has answered."""
        teams = self.teams_for_current()
        i = teams.index(self.current) if self.current in teams else 0
        waiting = [t for t in teams[i + 1:] + teams[:i] if not self.answered(t)]
        if waiting:
            self.current = waiting[0]
            self.emit(TurnChanged(self.current))
        else:
            self.all_in = True
            self.emit(TurnChanged(None))

    def refresh(self) -> None:
        """Entries made on the Classroom directly (the pads bridge calls ``Classroom.enter``) become
        events, and a team answered that way no longer holds the hand."""
        if self.finished or self.phase not in ("ask",):
            return
        got = self.classroom.entries.get(self.step_index, {})
        new = [team for team, entry in got.items() if self._known.get(team) is not entry]
        for team in new:
            entry = self._known[team] = got[team]
            a = entry.answer
            self.emit(AnswerEntered(self.step_index, team, tuple(a.choice_ids), a.value, a.correct))
        for team in [t for t in self._known if t not in got]:
            del self._known[team]
            self.emit(AnswerCleared(self.step_index, team))
        if self.current in new and not self.all_in:
            self._pass_hand()

    # -- the item's phases ---------------------------------------------------------------
    def reveal(self, confirmed: bool = False) -> None:
        """The right answer and every team's result. Before any team has answered, the facilitator
        is asked first (``pending`` = « reveal »)."""
        self.refresh()
        if self.phase != "ask" or self.finished:
            return
        if not confirmed and not any(self.answered(t) for t in self.teams_for_current()):
            self._ask("reveal")
            return
        self._reveal()

    def _reveal(self, expired: bool = False) -> None:
        self.timer.pause()
        self.reveal_page = "answer"  # a reveal (the facilitator's, the timer's) opens on the answer
        self.classroom.reveal()
        teams = self.teams_for_current()
        answered = tuple(t for t in teams if self.answered(t))
        right = tuple(t for t in answered if self.entry(t).answer.correct)
        self.emit(Revealed(self.step_index, answered, right, expired))
        self._set_phase("reveal")

    def next(self) -> None:
        """« Suivant »: ask → reveal's answer → its why → debate (when the item has one) → the
        next item."""
        if self.phase == "ask":
            self.reveal()
        elif self.phase == "reveal" and self.reveal_page == "answer":
            self.turn_page("why")
        elif self.phase == "reveal" and self.item.debate:
            self._set_phase("debate")
        elif self.phase in ("reveal", "debate"):
            self._advance()

    def debate(self) -> None:
        if self.phase == "reveal" and self.item.debate:
            self._set_phase("debate")

    def turn_page(self, page: str) -> None:
        """The reveal's page (REVEAL_PAGES), during the reveal only."""
        if page not in REVEAL_PAGES:
            raise ValueError(f"no reveal page {page!r}")
        if self.phase == "reveal" and page != self.reveal_page:
            self.reveal_page = page
            self.emit(RevealPageChanged(self.step_index, page))

    def back(self) -> None:
        """One step back: the debate to its reveal's « why »; « why » to the answer page; the
        answer page back to the answers, to correct one (the timer stays stopped until « + » or
        the reveal)."""
        if self.phase == "debate":
            self.reveal_page = "why"
            self._set_phase("reveal")
        elif self.phase == "reveal" and self.reveal_page == "why":
            self.turn_page("answer")
        elif self.phase == "reveal":
            self.classroom.unreveal()
            self.correcting = True
            self.emit(Unrevealed(self.step_index))
            self._set_phase("ask")
            self._known = dict(self.classroom.entries.get(self.step_index, {}))

    def toggle_notes(self) -> None:
        if self.phase == "debate":
            self.notes_shown = not self.notes_shown
            self.emit(NotesToggled(self.notes_shown))

    def show_choice(self, choice_id: str) -> None:
        """A situation's reveal: the consequence of that choice, on the « why » page."""
        if self.phase == "reveal" and self.step.kind == "scenario" and choice_id in {c.id for c in self.item.choices}:
            self.card_choice = choice_id
            self.emit(ChoiceShown(choice_id))
            self.turn_page("why")

    def chosen_by(self) -> dict[str, list[int]]:
        """A situation's reveal: for each choice, the teams that chose it."""
        teams = self.teams_for_current()
        return {c.id: [t for t in teams if (e := self.classroom.entry(t)) is not None and c.id in e.answer.choice_ids]
                for c in self.item.choices}

    def shown_choice(self) -> str:
        """The choice whose consequence a situation's reveal shows: the facilitator's pick, else
        the most chosen."""
        by = self.chosen_by()
        if self.card_choice in by:
            return self.card_choice
        return max(self.item.choices, key=lambda c: len(by[c.id])).id

    def skip(self, confirmed: bool = False) -> None:
        """Leave the item being answered out (it counts for nobody); asked first."""
        if self.phase != "ask":
            return
        if not confirmed:
            self._ask("skip")
            return
        step = self.step_index
        self.timer.pause()
        self.classroom.skip()
        self.emit(Skipped(step))
        self._start_item()

    def end(self, confirmed: bool = False) -> None:
        """Straight to the debrief; asked first."""
        if self.phase not in ("ask", "reveal", "debate"):
            return
        if not confirmed:
            self._ask("end")
            return
        self.timer.pause()
        self.classroom.end_now()
        self._start_item()

    def _advance(self) -> None:
        self.classroom.advance()
        self._start_item()

    def _start_item(self) -> None:
        self.correcting = self.all_in = self.notes_shown = False
        self.card_choice = None
        self.reveal_page = "answer"
        self._known = {}
        self._drafts = {}
        if self.finished:
            self.timer = Timer(0, self.clock)
            self.phase = "debrief"
            self.emit(DebriefStarted(self.classroom.ended_early))
            self.emit(PhaseChanged("debrief"))
            return
        self.phase = "ask"
        self.timer = Timer(self.config.timer * self.timer_scale, self.clock)
        self.current = self.teams_for_current()[0]
        self._known = dict(self.classroom.entries.get(self.step_index, {}))
        s = self.step
        self.emit(ItemStarted(self.step_index, s.kind, s.id))
        self.emit(TurnChanged(self.current, passed=False))

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        self.emit(PhaseChanged(phase))

    def preview(self, phase: str, notes: bool = False, page: str | None = None) -> None:
        """Show a phase of the current item without playing to it (layout checks, a fit test):
        the answers stay as they are in the Classroom; ``page``: the reveal's (kept when None)."""
        if phase not in ("ask", "reveal", "debate"):
            raise ValueError(f"no preview of {phase!r}")
        if page is not None:
            if page not in REVEAL_PAGES:
                raise ValueError(f"no reveal page {page!r}")
            self.reveal_page = page
        if phase != "ask":
            self.classroom.reveal()
            self.timer.pause()
        self.phase, self.notes_shown = phase, notes
        self.emit(PhaseChanged(phase))

    # -- the timer -----------------------------------------------------------------------
    def pause(self) -> None:
        """An overlay over the game, the menu: the countdown stops."""
        if self.timer.running:
            self.timer.pause()
            self.emit(TimerChanged(self.timer.remaining(), False))

    def resume(self) -> None:
        if self.phase == "ask" and not self.correcting and self.timer.enabled and not self.timer.running:
            self.timer.resume()
            if self.timer.running:
                self.emit(TimerChanged(self.timer.remaining(), True))

    def extend(self, seconds: float = EXTEND_SECONDS) -> None:
        """15 seconds more; during a correction, the countdown runs again."""
        if self.phase == "ask" and self.timer.enabled:
            self.correcting = False
            self.timer.extend(seconds)
            self.emit(TimerChanged(self.timer.remaining(), self.timer.running))

    def tick(self) -> None:
        """Time passes: at zero, the item reveals itself (no confirmation)."""
        self.refresh()
        if self.phase == "ask" and self.timer.enabled and not self.correcting and self.timer.expired():
            self._reveal(expired=True)

    def seconds_left(self) -> int:
        """The whole seconds the projector shows (rounded up)."""
        return int(self.timer.remaining() + 0.999)

    # -- confirmations -------------------------------------------------------------------
    def _ask(self, what: str) -> None:
        if self.pending == what:  # already asked (a second R, a pad's « reveal »): one question
            return
        self.pending = what
        self.emit(ConfirmationAsked(what))

    def confirm(self) -> None:
        """« Oui » to the question in ``pending``."""
        what, self.pending = self.pending, None
        if what is None:
            return
        self.emit(ConfirmationClosed(what, True))
        {"reveal": lambda: self.reveal(confirmed=True), "skip": lambda: self.skip(confirmed=True),
         "end": lambda: self.end(confirmed=True), "abandon": lambda: self.abandon(confirmed=True),
         "finish": lambda: self.finish(confirmed=True)}[what]()

    def cancel(self) -> None:
        """« Non, continuer »."""
        what, self.pending = self.pending, None
        if what is not None:
            self.emit(ConfirmationClosed(what, False))

    # -- debrief and end -----------------------------------------------------------------
    def commit(self, team: int, card_id: str) -> None:
        """A team's commitment card, among those offered."""
        if self.phase != "debrief":
            return
        if card_id not in self.classroom.commitment_choices(4):
            raise ValueError(f"card {card_id!r} is not offered")
        self.classroom.commitments[team] = card_id
        self.emit(Committed(team, card_id))

    def finish(self, confirmed: bool = False) -> None:
        """« Terminer » the debrief; asked first while a team has no commitment."""
        if self.phase != "debrief":
            return
        if not confirmed and self.waiting_commitments():
            self._ask("finish")
            return
        self.phase = "over"
        self.emit(PhaseChanged("over"))
        self.emit(GameOver(finished=not self.classroom.ended_early))

    def abandon(self, confirmed: bool = False) -> None:
        """Leave the game (asked first): what was revealed is kept as an abandoned game."""
        if self.phase == "over":
            return
        if not confirmed:
            self._ask("abandon")
            return
        self.timer.pause()
        self.phase = "over"
        self.emit(PhaseChanged("over"))
        self.emit(GameOver(finished=False, abandoned=True))

    # -- for a record or a test ------------------------------------------------------------
    def outcome(self) -> dict:
        """The game's figures as the debrief shows them (points per team, in set-up order)."""
        cl = self.classroom
        return {"points": {t.index: cl.points(t.index) for t in cl.teams},
                "themes": cl.class_themes(), "missed": cl.most_missed(3),
                "commitments": dict(cl.commitments), "ended_early": cl.ended_early}
