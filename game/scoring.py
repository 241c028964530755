"""Scoring as pure functions: answers -> knowledge score, indicators, profile, ranked careers.

No pygame here. Everything keys on ids and is deterministic: ties are broken by id.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from game.content.loader import Content
from game.content.models import Career, Question, Scenario
from game.qtypes import qtype
from game.qtypes.multiple import Marking  # noqa: F401 - scoring.Marking, as before
from game.qtypes.multiple import mark as _mark


@dataclass(frozen=True)
class Answer:
    """What the player did on one item."""

    item_id: str
    kind: str  # question | scenario
    theme: str
    choice_ids: tuple[str, ...] = ()
    value: float | None = None  # estimate questions
    correct: bool | None = None  # None for scenario choices
    team: int | None = None  # classroom mode: the team's index (never its name)


@dataclass(frozen=True)
class Contribution:
    """One reason a profile axis grew: a right answer or a scenario choice."""

    axis: str
    weight: float
    item_id: str
    kind: str
    choice_id: str | None = None


@dataclass
class CareerMatch:
    career_id: str
    score: float
    axes: list[str] = field(default_factory=list)  # the axes that weighed most, best first
    contributions: list[Contribution] = field(default_factory=list)


def is_correct(question: Question, choice_ids: Iterable[str] = (), value: float | None = None) -> bool:
    """Right or not, as the question's type decides (game/qtypes)."""
    return qtype(question.type).is_correct(question, choice_ids, value)


def credit(question: Question, choice_ids: Iterable[str] = (), value: float | None = None) -> float:
    """What an answer earns, 0 to 1: a several-answer question or an ordering its partial
    credit, the other types 1 or 0."""
    return qtype(question.type).credit(question, tuple(choice_ids), value)


def mark(question: Question, choice_ids: Iterable[str]) -> Marking:
    """Each box of a choice question after an answer (hits, missed, wrong)."""
    return _mark(question, choice_ids)


def answer_question(question: Question, choice_ids: Iterable[str] = (), value: float | None = None) -> Answer:
    """The answer as recorded: a set of choices sorted by id, an ordering's ids in the player's order."""
    ids = qtype(question.type).normalise(question, choice_ids)
    return Answer(question.id, "question", question.theme, ids, value, is_correct(question, ids, value))


def answer_scenario(scenario: Scenario, choice_id: str) -> Answer:
    if choice_id not in {c.id for c in scenario.choices}:
        raise KeyError(f"unknown choice {choice_id!r} for scenario {scenario.id!r}")
    return Answer(scenario.id, "scenario", scenario.theme, (choice_id,))


def knowledge_score(answers: Iterable[Answer]) -> tuple[int, int]:
    """(right answers, questions answered)."""
    qs = [a for a in answers if a.kind == "question"]
    return sum(1 for a in qs if a.correct), len(qs)


def indicator_totals(content: Content, answers: Iterable[Answer]) -> dict[str, float]:
    totals = {i: 0.0 for i in content.indicators}
    for a in answers:
        if a.kind != "scenario":
            continue
        choice = _scenario_choice(content, a)
        for ind, delta in choice.effects.items():
            totals[ind] = totals.get(ind, 0.0) + delta
    return totals


def indicator_range(content: Content, scenario_ids: Iterable[str]) -> dict[str, tuple[float, float]]:
    """The lowest and highest totals the given scenario cards can reach, per indicator."""
    low = {i: 0.0 for i in content.indicators}
    high = dict(low)
    for sid in scenario_ids:
        sc = content.scenarios[sid]
        for ind in content.indicators:
            values = [c.effects.get(ind, 0.0) for c in sc.choices]
            low[ind] += min(values)
            high[ind] += max(values)
    return {i: (low[i], high[i]) for i in low}


def contributions(content: Content, answers: Iterable[Answer]) -> list[Contribution]:
    out: list[Contribution] = []
    for a in answers:
        if a.kind == "question":
            q = content.questions[a.item_id]
            # A right answer earns the question's weights; an ordering, its share of right pairs.
            share = qtype(q.type).profile_share(q, a.correct, a.choice_ids, a.value)
            if share > 0:
                out.extend(Contribution(ax, w * share, a.item_id, "question") for ax, w in sorted(q.axes.items()))
        else:
            choice = _scenario_choice(content, a)
            out.extend(
                Contribution(ax, w, a.item_id, "scenario", choice.id) for ax, w in sorted(choice.axes.items())
            )
    return out


def profile(content: Content, answers: Iterable[Answer]) -> dict[str, float]:
    """Weight per axis, every axis present (0 when nothing fed it)."""
    totals = {axis: 0.0 for axis in sorted(content.axes)}
    for c in contributions(content, answers):
        totals[c.axis] = totals.get(c.axis, 0.0) + c.weight
    return totals


def similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two axis vectors (0 when either is empty)."""
    keys = set(a) | set(b)
    dot = sum(a.get(k, 0.0) * b.get(k, 0.0) for k in keys)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def rank_careers(player: Mapping[str, float], careers: Iterable[Career]) -> list[tuple[str, float]]:
    """Careers ordered by closeness to the player's profile; ties broken by id."""
    scored = [(c.id, round(similarity(player, c.axes), 9)) for c in careers]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))


def top_careers(content: Content, answers: list[Answer], n: int = 3) -> list[CareerMatch]:
    """The ``n`` closest careers, each with the axes and the player's acts that weighed most."""
    player = profile(content, answers)
    contrib = contributions(content, answers)
    matches = []
    for career_id, score in rank_careers(player, content.careers.values())[:n]:
        career = content.careers[career_id]
        # Axis weight in the match = career weight x player weight.
        weights = {ax: career.axes.get(ax, 0.0) * player.get(ax, 0.0) for ax in player}
        axes = [ax for ax, w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])) if w > 0][:2]
        # Every act that counts for this career, by what it weighs for this career's own axes.
        mine = [c for c in contrib if career.axes.get(c.axis, 0.0) * c.weight > 0]
        mine.sort(key=lambda c: (-career.axes[c.axis] * c.weight, c.item_id, c.axis))
        matches.append(CareerMatch(career_id, score, axes, mine))
    return matches


def _scenario_choice(content: Content, answer: Answer):  # noqa: ANN202
    scenario = content.scenarios[answer.item_id]
    wanted = answer.choice_ids[0]
    for c in scenario.choices:
        if c.id == wanted:
            return c
    raise KeyError(f"unknown choice {wanted!r} for scenario {scenario.id!r}")


def theme_success(answers: Iterable[Answer]) -> dict[str, tuple[int, int]]:
    """(right, asked) per theme, over the questions answered."""
    out: dict[str, tuple[int, int]] = {}
    for a in answers:
        if a.kind != "question":
            continue
        right, asked = out.get(a.theme, (0, 0))
        out[a.theme] = (right + bool(a.correct), asked + 1)
    return out


def choose_takeaways(content: Content, answers: list[Answer]) -> list[str]:
    """Two end-of-session cards: what you can do tomorrow, for the theme you found hardest;
    what your class or town can do, for the theme you knew best. Deterministic (ties by id)."""
    played = sorted({a.theme for a in answers})
    success = theme_success(answers)

    def rate(theme: str) -> float:
        right, asked = success.get(theme, (0, 0))
        return right / asked if asked else 0.5

    weakest = sorted(played, key=lambda t: (rate(t), t))
    strongest = sorted(played, key=lambda t: (-rate(t), t))
    chosen: list[str] = []
    for scope, order in (("me", weakest), ("collective", strongest)):
        cards = sorted((t for t in content.takeaways.values() if t.scope == scope and not t.closing),
                       key=lambda t: t.id)
        for theme in order + [None]:  # a card for a played theme first, else any card
            pick = next((c.id for c in cards if (theme is None or theme in c.themes) and c.id not in chosen), None)
            if pick:
                chosen.append(pick)
                break
    return chosen


def closing_takeaway(content: Content) -> str | None:
    """The card every session ends on, after the chosen ones (``closing: true``), if the bank has one."""
    return next((t.id for t in sorted(content.takeaways.values(), key=lambda t: t.id) if t.closing), None)
