"""Between a class game (game.classroom) and the pad server: pure functions, no network.

- :func:`pad_state` turns the class game as it stands into the :class:`PadState` the pads see;
- :func:`apply_tally` enters the pads' majority of each team into the class game, except for the
  teams whose answer the facilitator keyed (the facilitator always wins), and says which teams
  are tied (the facilitator decides them, as with keyed teams).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from game.classroom import Classroom
from game.pads.protocol import (
    TEAM_MODES, ChoiceInfo, Control, EstimateInfo, FacilitatorInfo, PadAnswer, PadState, Presence, QuestionInfo, RevealInfo, Tally,
    TeamInfo, TeamResult,
)
from game.session import ordered_choices
from game.ui.theme import DEFAULT, RGB


def hex_color(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def question_key(classroom: Classroom, step: int | None = None) -> str:
    """A key unique to one step of one class game: a pad's answer names it, so an answer sent
    for an earlier step, or from an earlier game, is refused as late or unknown."""
    step = classroom.step if step is None else step
    stamp = int(classroom.started_at.timestamp() * 1000)
    return f"{stamp:x}-{step}-{classroom.session.steps[step].id}"


def pad_state(classroom: Classroom, lang: str = "fr", team_mode: str = "auto",
              colors: tuple[RGB, ...] = DEFAULT.teams, *, keyed: set[int] | frozenset[int] = frozenset(),
              paused: bool = False) -> PadState:
    """What the pads are shown now: the teams, the current item (choices in the projector's
    order, never which is right), and after the reveal each team's result. The facilitator pad
    alone also gets the item's notes, its right answer, the teams the game holds an answer for
    (``keyed``: those the facilitator keyed) and the controls that apply (``paused``: the game
    is paused, so « resume » rather than « pause »)."""
    if team_mode not in TEAM_MODES:
        raise ValueError(f"team_mode must be one of {TEAM_MODES}")
    teams = tuple(TeamInfo(t.index, t.name, t.symbol, hex_color(colors[t.index % len(colors)]))
                  for t in classroom.teams)
    if classroom.finished:
        return PadState(lang, teams, team_mode, finished=True)
    step = classroom.session.current
    key = question_key(classroom)
    revealed = classroom.step in classroom.revealed
    n, total = classroom.session.position_of_current()
    answering = tuple(classroom.teams_for_current())
    content = classroom.content
    if step.kind == "question":
        q = item = content.questions[step.id]
        est = None
        if q.type == "estimate" and q.estimate is not None:
            e = q.estimate
            start = e.min if step.start is None else step.start
            est = EstimateInfo(e.min, e.max, e.step, start, e.unit)
            choices: tuple[ChoiceInfo, ...] = ()
        else:
            choices = tuple(ChoiceInfo(c.id, c.text) for c in ordered_choices(q, step))
        info = QuestionInfo(key, q.type, q.prompt, choices, est, answering, not revealed, (n, total))
        right = (tuple(q.right_ids) if q.type == "ordering"  # the right order
                 else tuple(sorted(q.correct_ids)) if q.type != "estimate" else ())
        answer = q.estimate.answer if q.type == "estimate" and q.estimate is not None else None
    else:
        s = item = content.scenarios[step.id]
        info = QuestionInfo(key, "scenario", s.situation, tuple(ChoiceInfo(c.id, c.text) for c in s.choices),
                            None, answering, not revealed, (n, total))
        right, answer = (), None
    notes, debate = getattr(item, "facilitator_notes", None) or "", getattr(item, "debate", None) or ""
    nxt = ""
    if classroom.step + 1 < len(classroom.session.steps):
        ns = classroom.session.steps[classroom.step + 1]
        nxt = content.questions[ns.id].prompt if ns.kind == "question" else content.scenarios[ns.id].situation
    entered = tuple(t for t in answering if classroom.entry(t) is not None)
    facilitator = FacilitatorInfo(notes, debate, right, answer, entered, tuple(t for t in entered if t in keyed),
                                  paused, ("next" if revealed else "reveal", "resume" if paused else "pause"), nxt)
    reveal = None
    if revealed:
        results = {}
        for t in answering:
            e = classroom.entry(t)
            if e is not None:
                results[t] = TeamResult(e.answer.correct, tuple(e.answer.choice_ids), e.answer.value)
        reveal = RevealInfo(key, right, answer, results)
    return PadState(lang, teams, team_mode, info, reveal, facilitator=facilitator)


def apply_tally(classroom: Classroom, tally: Tally, keyed: set[int] | frozenset[int] = frozenset(),
                enter: Callable[[int, list[str], float | None], object] | None = None,
                clear: Callable[[int], object] | None = None) -> tuple[list[int], list[int]]:
    """Enter each team's pad majority for the current item, unless the item is revealed, the
    tally is for another step, or the facilitator keyed that team (``keyed``).
    A team whose pads are now tied (or all gone) loses the majority entered earlier.
    ``enter(team, choice_ids, value)`` and ``clear(team)``: how to enter and clear (a ClassRun's
    ``enter`` and ``clear``, so that its events fire and its speed rule applies); the
    Classroom's own methods when not given. Returns (teams entered, teams tied)."""
    enter = enter or classroom.enter
    clear = clear or classroom.clear
    if classroom.finished or classroom.step in classroom.revealed or tally.key != question_key(classroom):
        return [], []
    answering = set(classroom.teams_for_current())
    entered, tied = [], []
    for t in tally.teams:
        if t.team not in answering or t.team in keyed:
            continue
        if t.tie or t.majority is None:
            if t.tie:
                tied.append(t.team)
            if classroom.entry(t.team) is not None:
                clear(t.team)  # the pads' earlier majority no longer holds
            continue
        if _same(classroom, t.team, t.majority):
            continue
        enter(t.team, list(t.majority.choice_ids), t.majority.value)
        if classroom.entry(t.team) is not None:
            entered.append(t.team)
    return entered, tied


def _same(classroom: Classroom, team: int, answer: PadAnswer) -> bool:
    e = classroom.entry(team)
    if e is None or e.answer.value != answer.value:
        return False
    ordered = e.answer.kind == "question" and classroom.content.questions[e.answer.item_id].type == "ordering"
    ids = tuple(e.answer.choice_ids) if ordered else tuple(sorted(e.answer.choice_ids))
    return ids == answer.choice_ids


# -- what the class views show about the pads (pure; the projector and the facilitator) ----------
class TeamCount(NamedTuple):
    """One team on the current item, as the projector may show it: counts, never who answered what."""

    answered: int  # pads of the team that answered
    members: int  # pads seated in the team (0: a team the facilitator keys)
    entered: bool  # the class game holds an answer for the team (its pads' majority, or keyed)
    keyed: bool  # the facilitator entered it by key (it wins over the pads)
    tie: tuple[PadAnswer, ...] = ()  # the pads' answers tied for first: the facilitator decides


def answered_counts(classroom: Classroom, tally: Tally | None,
                    keyed: set[int] | frozenset[int] = frozenset()) -> dict[int, TeamCount]:
    """For each team that answers the current item, in the set-up's order: how many of its pads
    answered out of how many, whether the class game has its answer, and a tie the facilitator
    must decide (never flagged for a team already keyed). ``tally``: the pads' latest for this
    item, or None (no pads, or a tally of another item: counted as no pads)."""
    if classroom.finished:
        return {}
    if tally is not None and tally.key != question_key(classroom):
        tally = None
    by_team = {t.team: t for t in tally.teams} if tally is not None else {}
    out = {}
    for team in classroom.teams_for_current():
        t = by_team.get(team)
        is_keyed = team in keyed
        out[team] = TeamCount(t.answered if t else 0, t.seated if t else 0, classroom.entry(team) is not None,
                              is_keyed, () if is_keyed or t is None else t.tie)
    return out


def spread(classroom: Classroom, tally: Tally | None) -> dict[str, int]:
    """The class's pads per choice id of the current item, every choice present (0 included) in
    the projector's order; an estimate: pads per value given, smallest first. A pad that ticked
    several boxes counts once in each; an ordering counts the item each pad put first. Keyed teams have no pads: see :func:`team_spread`."""
    if classroom.finished:
        return {}
    got = dict(tally.spread) if tally is not None and tally.key == question_key(classroom) else {}
    q = pad_state(classroom).question
    if q is None or q.kind == "estimate":
        return dict(sorted(got.items(), key=lambda kv: float(kv[0])))
    return {c.id: got.get(c.id, 0) for c in q.choices}


def team_spread(classroom: Classroom) -> dict[str, int]:
    """Teams per choice id of the current item, from the class game's entries: pad teams (their
    majority) and keyed teams alike. An estimate: teams per value (as text, ``f"{v:g}"``)."""
    if classroom.finished:
        return {}
    q = pad_state(classroom).question
    entries = [classroom.entry(t) for t in classroom.teams_for_current()]
    entries = [e for e in entries if e is not None]
    if q is None or q.kind == "estimate":
        out: dict[str, int] = {}
        for e in entries:
            if e.answer.value is not None:
                k = f"{e.answer.value:g}"
                out[k] = out.get(k, 0) + 1
        return dict(sorted(out.items(), key=lambda kv: float(kv[0])))
    out = {c.id: 0 for c in q.choices}
    for e in entries:
        for cid in e.answer.choice_ids[:1] if q.kind == "ordering" else e.answer.choice_ids:
            if cid in out:
                out[cid] += 1
    return out


class PadBoard:
    """The game thread's view of the pads: it reads the server's intents each frame, enters the
    pads' majorities into the class game, and keeps the latest counts for the views.

        board = PadBoard()
        entered, tied = board.take(classroom, server.poll_intents(), keyed=keyed_teams)
        board.counts(classroom, keyed_teams); board.spread(classroom); board.presence
        board.controls  # Control intents from the facilitator pad, oldest first (the caller empties it)
    """

    def __init__(self) -> None:
        self.tallies: dict[str, Tally] = {}  # question key -> latest tally
        self.presence: Presence | None = None
        self.controls: list[Control] = []

    def take(self, classroom: Classroom, intents: list, keyed: set[int] | frozenset[int] = frozenset(),
             enter: Callable[[int, list[str], float | None], object] | None = None,
             clear: Callable[[int], object] | None = None) -> tuple[list[int], list[int]]:
        entered: list[int] = []
        tied: list[int] = []
        for intent in intents:
            if isinstance(intent, Tally):
                self.tallies[intent.key] = intent
                e, t = apply_tally(classroom, intent, keyed, enter, clear)
                entered += [x for x in e if x not in entered]
                tied = t if intent.key == self._key(classroom) else tied
            elif isinstance(intent, Presence):
                self.presence = intent
            elif isinstance(intent, Control):
                self.controls.append(intent)
        return entered, tied

    @staticmethod
    def _key(classroom: Classroom) -> str | None:
        return None if classroom.finished else question_key(classroom)

    def tally(self, classroom: Classroom) -> Tally | None:
        key = self._key(classroom)
        return None if key is None else self.tallies.get(key)

    def counts(self, classroom: Classroom, keyed: set[int] | frozenset[int] = frozenset()) -> dict[int, TeamCount]:
        return answered_counts(classroom, self.tally(classroom), keyed)

    def spread(self, classroom: Classroom) -> dict[str, int]:
        return spread(classroom, self.tally(classroom))
