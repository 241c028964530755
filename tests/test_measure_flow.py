"""The measure's steps without a display (issue 18.1, 18.2): pre items, pre posts, the game, post
items, post posts, the progress; intents that do not fit a step are refused; themes without
twins skip the measure with a notice."""

import random
import subprocess
import sys

import pytest
from conftest import ROOT
from game.flow.measure_flow import GAME, INTRO, ITEM, PROGRESS, RATE, SKIPPED, MeasureFlow


def right_answer(content, step):
    q = content.questions[step.item.id]
    if q.type == "estimate":
        return [], q.estimate.answer
    return [c.id for c in q.choices if c.correct], None


def wrong_answer(content, step):
    q = content.questions[step.item.id]
    if q.type == "estimate":
        return [], q.estimate.max if q.estimate.answer < q.estimate.max else q.estimate.min
    return [next(c.id for c in q.choices if not c.correct)], None


def play_check(flow, content, answer, rating):
    """Answer every item and rate every post of the check at hand; returns the ratings given."""
    given = {}
    assert flow.current.kind == INTRO
    flow.next()
    while flow.current.kind == ITEM:
        flow.answer(*answer(content, flow.current))
    while flow.current.kind == RATE:
        post = content.posts[flow.current.post_id]
        given[post.id] = rating(post)
        flow.rate(given[post.id])
    return given


def test_a_measured_game_goes_through_every_step_in_order_and_scores_the_progress(real_content):
    flow = MeasureFlow.plan(real_content, None, "adulte", random.Random(4))
    assert not flow.skipped
    kinds = [s.kind for s in flow._steps]
    n_items, n_posts = flow.counts("pre")
    assert 4 <= n_items <= 6 and n_posts == 4
    assert kinds == ([INTRO] + [ITEM] * n_items + [RATE] * n_posts + [GAME]
                     + [INTRO] + [ITEM] * n_items + [RATE] * n_posts + [PROGRESS])
    # Before: everything wrong, every post rated 4 (no discernment).
    play_check(flow, real_content, wrong_answer, lambda p: 4)
    assert flow.current.kind == GAME
    flow.game_over()
    assert flow.current.kind == INTRO and flow.phase == "post"
    # After: everything right, reliable posts trusted, manipulative ones not.
    play_check(flow, real_content, right_answer, lambda p: 7 if p.reliable else 1)
    assert flow.current.kind == PROGRESS
    r = flow.result()
    assert r.complete and r.before == 0 and r.after == n_items
    assert r.normalised_gain == 1.0
    assert r.discernment_before == 0 and r.discernment_after == 6
    records = flow.records()
    assert len(records) == 2 * (n_items + n_posts)
    assert {(rec.phase, rec.kind) for rec in records} == {("pre", "question"), ("pre", "post"),
                                                          ("post", "question"), ("post", "post")}
    assert all(rec.rating == 4 for rec in records if rec.phase == "pre" and rec.kind == "post")


def test_pre_and_post_items_are_twins_and_posts_are_not_shown_twice(real_content):
    flow = MeasureFlow.plan(real_content, None, "adulte", random.Random(9))
    plan = flow.run.plan
    for a, b in zip(plan.pre, plan.post):
        assert real_content.questions[a.id].twin == b.id or real_content.questions[b.id].twin == a.id
    assert not set(plan.posts_pre) & set(plan.posts_post)


def test_intents_that_do_not_fit_the_step_are_refused(real_content):
    flow = MeasureFlow.plan(real_content, None, "adulte", random.Random(2))
    with pytest.raises(ValueError):
        flow.rate(3)  # on the intro
    with pytest.raises(ValueError):
        flow.answer(["a"])
    flow.next()
    with pytest.raises(ValueError):
        flow.next()  # an item needs an answer, not « next »
    with pytest.raises(ValueError):
        flow.rate(5)
    while flow.current.kind == ITEM:
        flow.answer(*right_answer(real_content, flow.current))
    for bad in (0, 8, "5", 4.5, True, None):
        with pytest.raises(ValueError):
            flow.rate(bad)
    assert flow.current.kind == RATE  # a refused rating moves nothing
    flow.rate(5)
    assert flow.rating_of(flow.run.plan.posts_pre[0]) == 5


def test_skipping_a_check_records_nothing_for_it_and_goes_on(real_content):
    flow = MeasureFlow.plan(real_content, None, "adulte", random.Random(5))
    flow.skip()
    assert flow.current.kind == GAME and flow.skipped_phases == {"pre"}
    flow.game_over()
    play_check(flow, real_content, right_answer, lambda p: 6)
    assert flow.current.kind == PROGRESS
    assert not flow.result().complete
    assert {rec.phase for rec in flow.records()} == {"post"}


def test_themes_without_twins_skip_the_measure_cleanly(real_content):
    from game.content.measure_checks import twin_pairs

    paired = {real_content.questions[a].theme for a, _b in twin_pairs(real_content)}
    with_posts = {p.theme for p in real_content.posts.values()}
    bare = sorted(set(real_content.themes) - paired - with_posts)
    if not bare:
        bare = ["no_such_theme"]  # a theme with no item at all
    flow = MeasureFlow.plan(real_content, bare[:1], "adulte", random.Random(1))
    assert flow.skipped and flow.current.kind == SKIPPED
    assert flow.result() is None and flow.records() == ()
    flow.next()
    assert flow.current.kind == GAME
    flow.game_over()
    assert flow.current.kind == PROGRESS


def test_the_flow_never_imports_pygame():
    code = ("import sys, game.flow.measure_flow, game.measure; "
            "sys.exit(1 if any(m == 'pygame' or m.startswith('pygame.') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
