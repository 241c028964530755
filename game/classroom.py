"""Classroom mode: teams, their answers item by item, turns, the timer and the debrief figures.

Pure logic, no pygame. Team names live here, in memory only: what is stored is a team's index.
Speed never scores unless the facilitator turns it on.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from game import scoring
from game.content.loader import Content
from game.i18n import N_, _
from game.session import LEVELS, Session, path_of

MIN_TEAMS, MAX_TEAMS = 2, 8
DEFAULT_TEAMS = 4
NAME_MAX = 24  # characters a typed team name may have
TIMER_CHOICES = (0, 10, 20, 30, 45, 60, 90, 120)  # seconds per item; 0: no timer (the default)
EXTEND_SECONDS = 15
# Shapes drawn beside every team's name: a team is never told apart by its colour alone.
SYMBOLS = ("circle", "square", "triangle", "diamond", "star", "hexagon", "plus", "down")
FUN_NAMES = (
    N_("Les Colibris"), N_("Les Castors"), N_("Les Lucioles"), N_("Les Hérissons"),
    N_("Les Abeilles"), N_("Les Loutres"), N_("Les Chouettes"), N_("Les Renards"),
    N_("Les Pandas roux"), N_("Les Tortues"), N_("Les Dauphins"), N_("Les Écureuils"),
)
# The facilitator's own window (game.scenes.classroom.console): on a second screen when the
# computer has one (auto), always (on: a window beside the game, for one big screen), or never.
CONSOLE_MODES = ("auto", "on", "off")
ANSWERING = ("all", "turns")  # every team answers each item | teams take turns (hot seat)


@dataclass
class Team:
    index: int  # 0..7: its colour and symbol; the only thing stored
    custom: str = ""  # a name typed by the facilitator; in memory only
    key: str = ""  # else one of FUN_NAMES, shown in the current language

    @property
    def name(self) -> str:
        return self.custom or (_(self.key) if self.key else _("Équipe {n}").format(n=self.index + 1))

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.index % len(SYMBOLS)]


def default_teams(n: int) -> list[Team]:
    """``n`` teams with fun names (translated when shown, in the current language)."""
    return [Team(i, key=FUN_NAMES[i]) for i in range(n)]


@dataclass
class ClassConfig:
    teams: list[Team]
    answering: str = "all"
    timer: int = 0  # seconds per item, 0 = no timer
    speed: bool = False  # a right answer in the first half of the time earns a bonus point
    length: str = "normal"
    themes: tuple[str, ...] = ()  # empty: every theme
    level: str = "adulte"  # college | lycee | adulte: the hardest questions dealt
    measure: bool = False  # the pre/post measure (issue 18): the class's check before and after the game
    console: str = "auto"  # the facilitator's window: one of CONSOLE_MODES

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, got {self.level!r}")
        if not MIN_TEAMS <= len(self.teams) <= MAX_TEAMS:
            raise ValueError(f"{MIN_TEAMS} to {MAX_TEAMS} teams, got {len(self.teams)}")
        if self.answering not in ANSWERING:
            raise ValueError(f"answering must be one of {ANSWERING}, got {self.answering!r}")
        if self.console not in CONSOLE_MODES:
            raise ValueError(f"console must be one of {CONSOLE_MODES}, got {self.console!r}")
        if self.timer not in TIMER_CHOICES:
            raise ValueError(f"timer must be one of {TIMER_CHOICES}, got {self.timer!r}")

    @property
    def speed_counts(self) -> bool:
        """Speed may score only when a team answers alone against a timer: when every team
        answers, the facilitator keys answers in one after the other, and the last would lose."""
        return self.speed and self.timer > 0 and self.answering == "turns"


@dataclass
class Entry:
    """One team's answer to one item, and when it was given (seconds after the item showed)."""

    answer: scoring.Answer
    seconds: float = 0.0
    limit: float = 0.0  # the item's time when it was entered (extensions included); 0: no timer


class Timer:
    """A countdown that can pause and be extended; reads time from ``clock``."""

    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.total = float(seconds)
        self.used = 0.0  # seconds counted before the current run
        self.started: float | None = clock() if seconds > 0 else None

    @property
    def enabled(self) -> bool:
        return self.total > 0

    def elapsed(self) -> float:
        running = self.clock() - self.started if self.started is not None else 0.0
        return self.used + running

    def remaining(self) -> float:
        return max(0.0, self.total - self.elapsed()) if self.enabled else 0.0

    @property
    def running(self) -> bool:
        return self.started is not None

    def expired(self) -> bool:
        return self.enabled and self.remaining() <= 0

    def pause(self) -> None:
        if self.started is not None:
            self.used += self.clock() - self.started
            self.started = None

    def resume(self) -> None:
        if self.enabled and self.started is None and not self.expired():
            self.started = self.clock()

    def extend(self, seconds: float = EXTEND_SECONDS) -> None:
        if self.enabled:
            self.total += seconds
            self.resume()


@dataclass
class Classroom:
    """A class session: the items (planned as for solo), and each team's entries per item."""

    content: Content
    config: ClassConfig
    session: Session
    entries: dict[int, dict[int, Entry]] = field(default_factory=dict)  # step -> team -> entry
    revealed: set[int] = field(default_factory=set)
    skipped: set[int] = field(default_factory=set)
    commitments: dict[int, str] = field(default_factory=dict)  # team -> takeaway id
    ended_early: bool = False
    started_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    recorded: bool = False  # kept in the anonymous results (once)

    @classmethod
    def start(cls, content: Content, config: ClassConfig, seed: int | None = None) -> Classroom:
        rng = random.Random(seed)
        session = Session.start(content, path_of(config.themes), rng.randrange(2**31), config.length, config.level)
        return cls(content, config, session)

    @property
    def teams(self) -> list[Team]:
        return self.config.teams

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def step(self) -> int:
        return self.session.index

    def teams_for_current(self) -> list[int]:
        """Who answers the current item: every team, or the one whose turn it is."""
        if self.finished:
            return []
        if self.config.answering == "all" or self.session.current.kind == "scenario":
            return [t.index for t in self.teams]  # a situation card: the whole class chooses
        # Questions go round the teams; a skipped one does not use up a team's turn.
        turn = sum(1 for i, s in enumerate(self.session.steps[:self.step])
                   if s.kind == "question" and i not in self.skipped)
        return [self.teams[turn % len(self.teams)].index]

    def entry(self, team: int, step: int | None = None) -> Entry | None:
        return self.entries.get(self.step if step is None else step, {}).get(team)

    def enter(self, team: int, choice_ids: list[str] | tuple[str, ...], value: float | None = None,
              seconds: float = 0.0, limit: float | None = None) -> scoring.Answer:
        """Set (or replace) a team's answer to the current item, until it is revealed."""
        if self.step in self.revealed:
            raise ValueError("the item is revealed: its answers are closed")
        if team not in self.teams_for_current():
            raise ValueError(f"team {team} does not answer this item")
        current = self.session.current
        if current.kind == "question":
            base = scoring.answer_question(self.content.questions[current.id], choice_ids, value)
        else:
            if len(choice_ids) != 1:
                raise ValueError("a scenario card takes exactly one choice")
            base = scoring.answer_scenario(self.content.scenarios[current.id], choice_ids[0])
        answer = scoring.Answer(base.item_id, base.kind, base.theme, base.choice_ids, base.value, base.correct, team)
        self.entries.setdefault(self.step, {})[team] = Entry(answer, seconds,
                                                             self.config.timer if limit is None else limit)
        return answer

    def clear(self, team: int) -> None:
        if self.step not in self.revealed:
            self.entries.get(self.step, {}).pop(team, None)

    def all_entered(self) -> bool:
        got = self.entries.get(self.step, {})
        return all(t in got for t in self.teams_for_current())

    def reveal(self) -> None:
        self.revealed.add(self.step)

    def unreveal(self) -> None:
        """Back to answering (the facilitator corrects an entry)."""
        self.revealed.discard(self.step)

    def skip(self) -> None:
        """Leave the current item out: its entries do not count."""
        self.entries.pop(self.step, None)
        self.skipped.add(self.step)
        self.session.advance()

    def advance(self) -> None:
        self.revealed.add(self.step)
        self.session.advance()

    def end_now(self) -> None:
        """Straight to the debrief: the session counts as abandoned only if an item was left unplayed."""
        self.ended_early = any(i not in self.revealed and i not in self.skipped
                               for i in range(len(self.session.steps)))
        self.session.index = len(self.session.steps)

    # -- figures -------------------------------------------------------------------------
    def answers(self, team: int | None = None) -> list[scoring.Answer]:
        """Counted answers (revealed items), of one team or of all, in play order."""
        out = []
        for step in sorted(self.entries):
            if step in self.skipped or step not in self.revealed:
                continue
            for t, e in sorted(self.entries[step].items()):
                if team is None or t == team:
                    out.append(e.answer)
        return out

    def speed_bonus(self, team: int, step: int) -> bool:
        e = self.entry(team, step)
        return (self.config.speed_counts and e is not None and bool(e.answer.correct)
                and e.seconds <= e.limit / 2)

    def points(self, team: int) -> int:
        right, _asked = scoring.knowledge_score(self.answers(team))
        bonus = sum(self.speed_bonus(team, s) for s in self.entries if s in self.revealed and s not in self.skipped)
        return right + bonus

    def strengths(self, team: int) -> list[tuple[str, int, int]]:
        """(theme, right, asked) for a team, best rate first (ties by theme id)."""
        rates = scoring.theme_success(self.answers(team))
        return sorted(((t, r, n) for t, (r, n) in rates.items()), key=lambda x: (-x[1] / x[2], x[0]))

    def class_themes(self) -> list[tuple[str, int, int]]:
        """(theme, right, asked) over every team's answers, in theme order."""
        rates = scoring.theme_success(self.answers())
        return sorted((t, r, n) for t, (r, n) in rates.items())

    def most_missed(self, n: int = 3) -> list[tuple[str, int, int]]:
        """(question id, teams wrong, teams that answered) for the questions most often missed."""
        stats: dict[str, tuple[int, int]] = {}
        for a in self.answers():
            if a.kind == "question":
                wrong, asked = stats.get(a.item_id, (0, 0))
                stats[a.item_id] = (wrong + (not a.correct), asked + 1)
        missed = [(q, w, k) for q, (w, k) in stats.items() if w > 0]
        missed.sort(key=lambda x: (-x[1] / x[2], -x[1], x[0]))
        return missed[:n]

    def commitment_choices(self, n: int = 4) -> list[str]:
        """Cards a team may commit to: those of the class's weakest themes first, then the rest
        (ids, deterministic)."""
        rates = {t: r / k for t, r, k in self.class_themes()}
        played = {self.theme_of(s.kind, s.id) for s in self.session.steps}

        def weight(card) -> tuple:  # noqa: ANN001
            themes = [t for t in card.themes if t in played]
            worst = min((rates.get(t, 0.5) for t in themes), default=1.0)
            return (not themes, worst, card.id)

        cards = sorted(self.content.takeaways.values(), key=weight)
        return [c.id for c in cards[:n]]

    def theme_of(self, kind: str, item_id: str) -> str:
        registry = self.content.questions if kind == "question" else self.content.scenarios
        return registry[item_id].theme

    def session_for_record(self) -> Session:
        """The session with every counted answer, each with its team index, for the results."""
        s = self.session
        return Session(s.content, s.path, s.steps, s.seed, self.answers(), s.index)
