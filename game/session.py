"""A play session: which items, in which order, and what the player did. No pygame."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game import scoring
from game.content.loader import Content

FULL_PATH = "all"
# (questions, scenario cards) for the full path and for one theme, by session length.
LENGTHS = {
    "short": ((6, 2), (5, 1)),  # about 5 minutes
    "kiosk": ((8, 3), (6, 2)),  # 5 to 8 minutes at a kiosk
    "normal": ((12, 4), (8, 3)),  # about 10 minutes
    "long": ((18, 6), (12, 3)),  # about 15 minutes
}


@dataclass(frozen=True)
class Step:
    kind: str  # question | scenario
    id: str


def path_of(themes: list[str] | tuple[str, ...]) -> str:
    """The path that plays these themes: every theme, one, or several joined by « + »."""
    return "+".join(sorted(themes)) if themes else FULL_PATH


def themes_of(path: str) -> list[str]:
    """The themes a path plays; empty for the full path (every theme)."""
    return [] if path == FULL_PATH else path.split("+")


def plan_session(content: Content, path: str, rng: random.Random, length: str = "normal") -> list[Step]:
    """The items of one session: « Parcours complet » mixes every theme (normal length: about
    10 minutes, 12 questions and 4 scenario cards); a theme path plays that theme's items;
    several themes (« a+b ») are mixed like the full path, within those themes."""
    full, theme = LENGTHS.get(length, LENGTHS["normal"])
    chosen = set(themes_of(path))
    if path == FULL_PATH or len(chosen) > 1:
        qs = [q for q in content.questions.values() if not chosen or q.theme in chosen]
        ss = [s for s in content.scenarios.values() if not chosen or s.theme in chosen]
        questions = _spread(sorted(qs, key=lambda q: q.id), full[0], rng)
        scenarios = _spread(sorted(ss, key=lambda s: s.id), full[1], rng)
    else:
        qs, ss = content.items_of_theme(path)
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

    @classmethod
    def start(cls, content: Content, path: str, seed: int | None = None, length: str = "normal") -> Session:
        rng = random.Random(seed)
        return cls(content, path, plan_session(content, path, rng, length), seed)

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
