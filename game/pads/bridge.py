"""Between a class game (game.classroom) and the pad server: pure functions, no network.

- :func:`pad_state` turns the class game as it stands into the :class:`PadState` the pads see;
- :func:`apply_tally` enters the pads' majority of each team into the class game, except for the
  teams whose answer the facilitator keyed (the facilitator always wins), and says which teams
  are tied (the facilitator decides them, as with keyed teams).
"""

from __future__ import annotations

from game.classroom import Classroom
from game.pads.protocol import (
    TEAM_MODES, ChoiceInfo, EstimateInfo, PadAnswer, PadState, QuestionInfo, RevealInfo, Tally, TeamInfo,
    TeamResult,
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
              colors: tuple[RGB, ...] = DEFAULT.teams) -> PadState:
    """What the pads are shown now: the teams, the current item (choices in the projector's
    order, never which is right), and after the reveal each team's result."""
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
        q = content.questions[step.id]
        est = None
        if q.type == "estimate" and q.estimate is not None:
            e = q.estimate
            start = e.min if step.start is None else step.start
            est = EstimateInfo(e.min, e.max, e.step, start, e.unit)
            choices: tuple[ChoiceInfo, ...] = ()
        else:
            choices = tuple(ChoiceInfo(c.id, c.text) for c in ordered_choices(q, step))
        info = QuestionInfo(key, q.type, q.prompt, choices, est, answering, not revealed, (n, total))
        right = tuple(sorted(q.correct_ids)) if q.type != "estimate" else ()
        answer = q.estimate.answer if q.type == "estimate" and q.estimate is not None else None
    else:
        s = content.scenarios[step.id]
        info = QuestionInfo(key, "scenario", s.situation, tuple(ChoiceInfo(c.id, c.text) for c in s.choices),
                            None, answering, not revealed, (n, total))
        right, answer = (), None
    reveal = None
    if revealed:
        results = {}
        for t in answering:
            e = classroom.entry(t)
            if e is not None:
                results[t] = TeamResult(e.answer.correct, tuple(e.answer.choice_ids), e.answer.value)
        reveal = RevealInfo(key, right, answer, results)
    return PadState(lang, teams, team_mode, info, reveal)


def apply_tally(classroom: Classroom, tally: Tally, keyed: set[int] | frozenset[int] = frozenset()) -> tuple[list[int], list[int]]:
    """Enter each team's pad majority for the current item, unless the item is revealed, the
    tally is for another step, or the facilitator keyed that team (``keyed``).
    A team whose pads are now tied (or all gone) loses the majority entered earlier.
    Returns (teams entered, teams tied)."""
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
                classroom.clear(t.team)  # the pads' earlier majority no longer holds
            continue
        if _same(classroom, t.team, t.majority):
            continue
        classroom.enter(t.team, list(t.majority.choice_ids), t.majority.value)
        entered.append(t.team)
    return entered, tied


def _same(classroom: Classroom, team: int, answer: PadAnswer) -> bool:
    e = classroom.entry(team)
    return e is not None and tuple(sorted(e.answer.choice_ids)) == answer.choice_ids and e.answer.value == answer.value
