"""Dealing a session: choices in a new order each time, a slider start that reveals nothing, the level."""

from __future__ import annotations

import random
from collections import Counter

import pytest
import yaml

from game.content.loader import load_content
from game.content.models import Estimate
from game.session import LEVELS, Session, ordered_choices, slider_start

# Chi-square critical values at p = 0.001 by degrees of freedom: a fair deal fails once in a thousand
# runs at most, and the seeds are fixed, so the test is repeatable.
CHI2_999 = {1: 10.83, 2: 13.82, 3: 16.27}


def chi_square(counts: Counter, n: int) -> float:
    total = sum(counts.values())
    expected = total / n
    return sum((counts.get(k, 0) - expected) ** 2 / expected for k in range(n))


def test_the_right_answer_stands_at_every_position_equally_often(real_content):
    by_count: dict[int, Counter] = {}
    for seed in range(2000):
        session = Session.start(real_content, "all", seed)
        for step in session.steps:
            if step.kind != "question":
                continue
            q = real_content.questions[step.id]
            if q.type not in ("single", "multiple") or getattr(q, "order", None) == "fixed":
                continue
            shown = ordered_choices(q, step)
            for position, choice in enumerate(shown):
                if choice.correct:
                    by_count.setdefault(len(shown), Counter())[position] += 1
    assert set(by_count) >= {3, 4}
    for n, counts in by_count.items():
        assert sum(counts.values()) > 500
        stat = chi_square(counts, n)
        assert stat < CHI2_999[n - 1], f"{n} choices: positions {dict(counts)}, chi² = {stat:.1f}"


def test_a_seed_replays_the_same_items_orders_and_starts(real_content):
    for seed in (1, 42, 2024):
        a = Session.start(real_content, "all", seed)
        b = Session.start(real_content, "all", seed)
        assert a.steps == b.steps
        assert a.trace() == b.trace()
    orders = {tuple(s.order for s in Session.start(real_content, "all", seed).steps) for seed in range(20)}
    assert len(orders) == 20


def test_the_same_question_is_shown_in_different_orders(real_content):
    q = next(q for q in sorted(real_content.questions.values(), key=lambda q: q.id) if q.type == "single"
             and len(q.choices) == 4 and getattr(q, "order", None) != "fixed")
    seen = set()
    for seed in range(400):
        for step in Session.start(real_content, q.theme, seed).steps:
            if step.id == q.id:
                seen.add(step.order)
    assert len(seen) >= 12


def test_true_false_keeps_its_order(real_content):
    for seed in range(200):
        for step in Session.start(real_content, "all", seed).steps:
            q = real_content.questions.get(step.id) if step.kind == "question" else None
            if q is not None and q.type == "truefalse":
                assert step.order == tuple(c.id for c in q.choices)


@pytest.mark.parametrize("estimate", [
    Estimate(min=0, max=200, step=10, answer=60, tolerance=10),
    Estimate(min=0, max=100, step=1, answer=80, tolerance=0),
    Estimate(min=0, max=100, step=5, answer=0, tolerance=5),
    Estimate(min=1, max=13, step=1, answer=13, tolerance=1),
])
def test_the_slider_never_starts_near_the_answer(estimate):
    gap = 2 * max(estimate.tolerance, estimate.step)
    starts = {slider_start(estimate, random.Random(seed)) for seed in range(300)}
    assert all(abs(v - estimate.answer) > gap for v in starts)
    assert all(estimate.min <= v <= estimate.max for v in starts)
    assert all(abs(((v - estimate.min) / estimate.step) - round((v - estimate.min) / estimate.step)) < 1e-9
               for v in starts)
    assert len(starts) > 3  # drawn, not a fixed place


def test_a_tiny_range_starts_as_far_as_it_can():
    e = Estimate(min=0, max=2, step=1, answer=1, tolerance=1)
    assert slider_start(e, random.Random(1)) in (0, 2)


def test_every_estimate_of_the_bank_starts_away_from_its_answer(real_content):
    for seed in range(200):
        for step in Session.start(real_content, "all", seed).steps:
            q = real_content.questions.get(step.id) if step.kind == "question" else None
            if q is not None and q.type == "estimate":
                e = q.estimate
                assert step.start is not None
                assert abs(step.start - e.answer) > 2 * max(e.tolerance, e.step) or e.max - e.min <= 4 * e.step


def _bank(tmp_path, levels: list[str]):
    registry = {
        "themes": [{"id": "t", "title": "T", "short": "t", "intro": "t"}],
        "sources": [{"id": "s", "organisation": "O", "title": "T", "cited_in": "poster"}],
    }
    questions = [{
        "id": f"q{i}", "theme": "t", "type": "single", "difficulty": level, "prompt": f"Question {i} ?",
        "choices": [{"id": "a", "text": "A", "correct": True}, {"id": "b", "text": "B"}],
        "explanation": "E.", "source": "s",
    } for i, level in enumerate(levels)]
    (tmp_path / "registry.yaml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump({"questions": questions}, allow_unicode=True),
                                        encoding="utf-8")
    content = load_content(tmp_path)
    assert not [i for i in content.issues if i.severity == "error"], content.issues
    return content


def test_a_level_never_deals_a_harder_item(tmp_path):
    content = _bank(tmp_path, ["college"] * 3 + ["lycee"] * 3 + ["adulte"] * 3)
    rank = {level: i for i, level in enumerate(LEVELS)}
    for level in LEVELS:
        for seed in range(50):
            for path in ("all", "t"):
                session = Session.start(content, path, seed, "normal", level)
                dealt = [content.questions[s.id].difficulty for s in session.steps if s.kind == "question"]
                assert dealt and all(rank[d] <= rank[level] for d in dealt)


def test_too_few_items_at_a_level_make_a_shorter_session_that_says_so(tmp_path):
    content = _bank(tmp_path, ["college"] * 2 + ["adulte"] * 10)
    short = Session.start(content, "t", 3, "normal", "college")
    full = Session.start(content, "t", 3, "normal", "adulte")
    assert short.question_count == 2 and short.short_by == full.question_count - 2 > 0
    assert full.short_by == 0
