"""A play session: which items, in which order, and what the player did. No pygame."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game import scoring
from game.content.loader import Content
from game.qtypes import qtype

FULL_PATH = "all"
# (questions, scenario cards) for the full path and for one theme, by session length.
LENGTHS = {
    "short": ((6, 2), (5, 1)),  # about 5 minutes
    "kiosk": ((8, 3), (6, 2)),  # 5 to 8 minutes at a kiosk
    "normal": ((12, 4), (8, 3)),  # about 10 minutes
    "long": ((18, 6), (12, 3)),  # about 15 minutes
}


# Levels, easiest first: a level deals its own items and every easier one (adulte: all of them).
LEVELS = ("college", "lycee", "adulte")
DEFAULT_LEVEL = "adulte"


@dataclass(frozen=True)
class Step:
    """One item of a session, as dealt: the display order of its choices (choice ids) and, for an
    estimate, where the slider starts. Both are drawn from the session's seed, so a seed replays them."""

    kind: str  # question | scenario
    id: str
    order: tuple[str, ...] = ()
    start: float | None = None


def levels_up_to(level: str) -> frozenset[str]:
    """The difficulties a level deals: « lycee » deals collège and lycée items."""
    if level not in LEVELS:
        level = DEFAULT_LEVEL
    return frozenset(LEVELS[: LEVELS.index(level) + 1])


def ordered_choices(question, step: Step | None) -> list:  # noqa: ANN001 - a Question's choices
    """The question's choices in the order this session shows them (the authored order when the
    step has none, or when its ids are not the question's: a bank edited since)."""
    choices = list(question.choices)
    if step is None or not step.order:
        return choices
    by_id = {c.id: c for c in choices}
    if set(step.order) != set(by_id) or len(step.order) != len(choices):
        return choices
    return [by_id[i] for i in step.order]


def choice_order(question, rng: random.Random) -> tuple[str, ...]:  # noqa: ANN001
    """A new display order for a question's choices, as its type deals it (game/qtypes): true/false
    keeps Vrai then Faux, an author may pin the order (``order: fixed``: a scale, « aucune de ces
    réponses » last), an ordering is never shown already in the right order."""
    return qtype(question.type).display_order(question, rng)


def slider_start(estimate, rng: random.Random) -> float:  # noqa: ANN001 - an Estimate
    """A start for the estimate slider, on one of its steps, never within two tolerances of the
    answer (nor two steps, when the tolerance is smaller): where it starts gives nothing away."""
    steps = int(round((estimate.max - estimate.min) / estimate.step))
    values = [estimate.min + k * estimate.step for k in range(steps + 1)]
    gap = 2 * max(estimate.tolerance, estimate.step)
    far = [v for v in values if abs(v - estimate.answer) > gap]
    if not far:  # a range too narrow for that: the end farthest from the answer
        return max(values, key=lambda v: abs(v - estimate.answer))
    return rng.choice(far)


def deal(content: Content, steps: list[Step], rng: random.Random) -> list[Step]:
    """Each question's display order and slider start, drawn after the items themselves (so a seed
    deals the same items as before choices were shuffled)."""
    dealt = []
    for step in steps:
        if step.kind == "question":
            q = content.questions[step.id]
            if q.type == "estimate" and q.estimate is not None:
                step = Step(step.kind, step.id, (), slider_start(q.estimate, rng))
            else:
                step = Step(step.kind, step.id, choice_order(q, rng))
        dealt.append(step)
    return dealt


def path_of(themes: list[str] | tuple[str, ...]) -> str:
    """The path that plays these themes: every theme, one, or several joined by « + »."""
    return "+".join(sorted(themes)) if themes else FULL_PATH


def themes_of(path: str) -> list[str]:
    """The themes a path plays; empty for the full path (every theme)."""
    return [] if path == FULL_PATH else path.split("+")


def plan_session(content: Content, path: str, rng: random.Random, length: str = "normal",
                 level: str = DEFAULT_LEVEL) -> list[Step]:
    """The items of one session: « Parcours complet » mixes every theme (normal length: about
    10 minutes, 12 questions and 4 scenario cards); a theme path plays that theme's items;
    several themes (« a+b ») are mixed like the full path, within those themes. Only questions
    of the level or easier are dealt, never a harder one: too few of them make a shorter session.
    Scenario cards have no level: they are for everyone."""
    full, theme = LENGTHS.get(length, LENGTHS["normal"])
    chosen = set(themes_of(path))
    allowed = levels_up_to(level)
    if path == FULL_PATH or len(chosen) > 1:
        qs = [q for q in content.questions.values()
              if (not chosen or q.theme in chosen) and q.difficulty in allowed and qtype(q.type).dealt]
        ss = [s for s in content.scenarios.values() if not chosen or s.theme in chosen]
        questions = _spread(sorted(qs, key=lambda q: q.id), full[0], rng)
        scenarios = _spread(sorted(ss, key=lambda s: s.id), full[1], rng)
    else:
        qs, ss = content.items_of_theme(path)
        qs = [q for q in qs if q.difficulty in allowed and qtype(q.type).dealt]
        questions = rng.sample(sorted(qs, key=lambda q: q.id), min(theme[0], len(qs)))
        scenarios = rng.sample(sorted(ss, key=lambda s: s.id), min(theme[1], len(ss)))
    q_steps = [Step("question", q.id) for q in questions]
    s_steps = [Step("scenario", s.id) for s in scenarios]
    # A scenario card after every few questions, so the gauges move through the session.
    steps: list[Step] = []
    every = max(1, len(q_steps) // (len(s_steps) + 1)) if s_steps else len(q_steps) + 1
    while q_steps or s_steps:
        steps.extend(q_steps[:every])
        del q_steps[:every]
        if s_steps:
            steps.append(s_steps.pop(0))
    return steps


def _spread(items: list, n: int, rng: random.Random) -> list:  # noqa: ANN001
    """``n`` items drawn across themes as evenly as possible, in a shuffled order."""
    by_theme: dict[str, list] = {}
    for item in items:
        by_theme.setdefault(item.theme, []).append(item)
    for group in by_theme.values():
        rng.shuffle(group)
    themes = sorted(by_theme)
    rng.shuffle(themes)
    chosen = []
    while len(chosen) < n and any(by_theme.values()):
        for t in themes:
            if by_theme[t] and len(chosen) < n:
                chosen.append(by_theme[t].pop())
    rng.shuffle(chosen)
    return chosen


@dataclass
class Session:
    content: Content
    path: str
    steps: list[Step]
    seed: int | None = None
    answers: list[scoring.Answer] = field(default_factory=list)
    index: int = 0
    level: str = DEFAULT_LEVEL
    short_by: int = 0  # questions fewer than the length asks, for want of items at this level

    @classmethod
    def start(cls, content: Content, path: str, seed: int | None = None, length: str = "normal",
              level: str = DEFAULT_LEVEL) -> Session:
        rng = random.Random(seed)
        steps = deal(content, plan_session(content, path, rng, length, level), rng)
        # What the same path would deal with every level: the difference is the level's doing.
        every = plan_session(content, path, random.Random(seed), length, LEVELS[-1])
        asked = sum(1 for s in every if s.kind == "question")
        dealt = sum(1 for s in steps if s.kind == "question")
        return cls(content, path, steps, seed, level=level, short_by=max(0, asked - dealt))

    @property
    def finished(self) -> bool:
        return self.index >= len(self.steps)

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def question_count(self) -> int:
        return sum(1 for s in self.steps if s.kind == "question")

    def position_of_current(self) -> tuple[int, int]:
        """(n, total) among the steps of the same kind: « Question 3 / 12 »."""
        step = self.current
        same = [s for s in self.steps if s.kind == step.kind]
        return same.index(step) + 1, len(same)

    def trace(self) -> list[dict]:
        """The items in the order dealt, as a reader can check them: id, kind, level, the choice
        ids in the order shown, the slider's start."""
        rows = []
        for step in self.steps:
            row: dict = {"id": step.id, "kind": step.kind}
            if step.kind == "question":
                q = self.content.questions[step.id]
                row.update(type=q.type, difficulty=q.difficulty)
                if step.start is not None:
                    row["slider_start"] = step.start
                else:
                    row["order"] = list(step.order)
                    row["correct"] = sorted(q.correct_ids)
                    if qtype(q.type).ordered:
                        row["right_order"] = list(q.right_ids)
            rows.append(row)
        return rows

    def record(self, answer: scoring.Answer) -> None:
        if self.finished or answer.item_id != self.current.id:
            raise ValueError(f"answer for {answer.item_id!r} does not match the current step")
        self.answers.append(answer)

    def advance(self) -> None:
        self.index += 1

    def indicators(self) -> dict[str, float]:
        return scoring.indicator_totals(self.content, self.answers)

    def summary(self) -> dict:
        """What autoplay prints and the results screen shows: ids and figures only."""
        right, total = scoring.knowledge_score(self.answers)
        return {
            "seed": self.seed,
            "path": self.path,
            "score": right,
            "questions": total,
            "indicators": {k: round(v, 3) for k, v in sorted(self.indicators().items())},
            "profile": {k: round(v, 3) for k, v in scoring.profile(self.content, self.answers).items()},
            "careers": [m.career_id for m in scoring.top_careers(self.content, self.answers)],
        }
