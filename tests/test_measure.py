"""The pre/post measure (issue 18): twins, posts, the discernment formula, the normalised gain."""

import random
import shutil
import textwrap

import pytest
from conftest import ROOT
from game import measure
from game.content.loader import load_content
from game.content.measure_checks import twin_pairs

BROKEN = ROOT / "tests" / "broken"
NB = "\u00a0"


def question(qid, twin=None, theme="t", difficulty="college", prompt=None, kind="single"):
    extra = f"\n    twin: {twin}" if twin else ""
    if kind == "multiple":
        choices = """
      - {id: a, text: "A", correct: true}
      - {id: b, text: "B", correct: true}
      - {id: c, text: "C"}
      - {id: d, text: "D"}"""
    else:
        choices = """
      - {id: a, text: "A", correct: true}
      - {id: b, text: "B"}"""
    return f"""
  - id: {qid}
    theme: {theme}
    type: {kind}
    difficulty: {difficulty}
    prompt: "{prompt or 'Question ' + qid}"
    choices:{choices}
    explanation: "E"
    source: s{extra}
"""


def post(pid, reliable, technique=None, theme="t"):
    tech = f"\n    technique: {technique}" if technique else ""
    return f"""
  - id: {pid}
    theme: {theme}
    author: "@compte_{pid}"
    text: "Un post inventé pour le jeu."
    reliable: {str(reliable).lower()}{tech}
    explanation: "E"
    source: s
"""


def bank(tmp_path, questions="", posts="", themes=""):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    text = ""
    if themes:
        text += "themes:\n" + themes
    if questions:
        text += "questions:" + questions
    if posts:
        text += "posts:" + posts
    (tmp_path / "bank.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_content(tmp_path)


def warnings(content):
    return [(i.line, i.message) for i in content.issues if i.severity == "warning"]


def test_twins_pair_up_whichever_side_names_the_other(tmp_path):
    content = bank(tmp_path, question("q1", twin="q2") + question("q2") + question("q3", twin="q4")
                   + question("q4", twin="q3"))
    assert content.issues == []
    assert twin_pairs(content) == [("q1", "q2"), ("q3", "q4")]


def test_a_twin_that_does_not_exist_is_named_at_its_line(tmp_path):
    content = bank(tmp_path, question("q1", twin="nope"))
    assert warnings(content) == [(12, f"«{NB}twin{NB}»{NB}: pas de question «{NB}nope{NB}»")]
    assert twin_pairs(content) == []


@pytest.mark.parametrize("other, words", [
    (question("q2", theme="u"), "le même thème"),
    (question("q2", difficulty="lycee"), "le même niveau"),
    (question("q2", prompt="Question, Q1."), "posent la même question"),
])
def test_twins_share_theme_and_level_and_differ(tmp_path, other, words):
    themes = '  - {id: u, title: "U", short: "S", intro: "I"}\n'
    content = bank(tmp_path, question("q1", twin="q2", prompt="Question q1") + other, themes=themes)
    [(line, message)] = warnings(content)
    assert words in message and "q1" in message and "q2" in message
    assert twin_pairs(content) == []


def test_a_question_is_the_twin_of_one_question_only(tmp_path):
    content = bank(tmp_path, question("q1", twin="q2") + question("q2") + question("q3", twin="q2"))
    [(_, message)] = warnings(content)
    assert "déjà le jumeau" in message and "q3" not in twin_pairs(content) and twin_pairs(content) == []


def test_a_post_says_its_technique_exactly_when_it_is_not_reliable(tmp_path):
    content = bank(tmp_path, posts=post("p1", True, "emotion") + post("p2", False) + post("p3", False, "trolling"))
    errors = sorted(i.message for i in content.errors)
    assert len(errors) == 2 and any("post fiable" in e for e in errors) and any("nomme sa" in e for e in errors)
    assert list(content.posts) == ["p3"]


def test_discernment_is_reliable_mean_minus_manipulative_mean(tmp_path):
    content = bank(tmp_path, posts=post("r1", True) + post("r2", True) + post("m1", False, "conspiracy")
                   + post("m2", False, "impersonation"))
    assert measure.discernment(content, {"r1": 6, "r2": 5, "m1": 2, "m2": 3}) == pytest.approx(3.0)
    assert measure.discernment(content, {"r1": 2, "m1": 6}) == pytest.approx(-4.0)
    assert measure.discernment(content, {"r1": 6, "r2": 5}) is None  # no manipulative post rated


def test_normalised_gain_on_a_known_set_of_answers(tmp_path):
    pairs = "".join(question(f"a{i}", twin=f"b{i}") + question(f"b{i}") for i in range(4))
    content = bank(tmp_path, pairs + question("m1", twin="m2", kind="multiple") + question("m2", kind="multiple"))
    plan = measure.plan_measure(content, None, "adulte", random.Random(1), items=5)
    assert plan is not None and len(plan.pre) == len(plan.post) == 5
    run = measure.MeasureRun.start(plan)
    # Before: 1 right of 4 single questions, and the several-answer one half right (1 of 2 boxes).
    # After: 3 right, and the several-answer one fully right.
    before = {"single": iter([True, False, False, False]), "after": iter([True, True, True, False])}
    for phase, key in (("pre", "single"), ("post", "after")):
        for step in plan.steps(phase):
            if step.id.startswith("m"):
                run.answer(content, phase, step.id, ["a"] if phase == "pre" else ["a", "b"])
            else:
                run.answer(content, phase, step.id, ["a"] if next(before[key]) else ["b"])
    result = run.result(content)
    assert (result.before, result.after, result.items) == (1.5, 4.0, 5)
    assert result.gain == pytest.approx(2.5)
    assert result.normalised_gain == pytest.approx(2.5 / 3.5)
    assert measure.normalised_gain(5, 5, 5) is None


def test_each_pair_gives_one_twin_before_and_the_other_after(tmp_path):
    content = bank(tmp_path, "".join(question(f"a{i}", twin=f"b{i}") + question(f"b{i}") for i in range(6)))
    firsts = set()
    for seed in range(20):
        plan = measure.plan_measure(content, None, "adulte", random.Random(seed), items=4)
        assert len(plan.pre) == 4
        for pre, post in zip(plan.pre, plan.post):
            assert {pre.id[1:], pre.id[0] + post.id[0]} <= {post.id[1:], "ab", "ba"}
            firsts.add(pre.id[0])
        assert plan == measure.plan_measure(content, None, "adulte", random.Random(seed), items=4)  # replays
    assert firsts == {"a", "b"}  # which twin comes first is drawn


def test_the_measure_is_skipped_cleanly_without_enough_twins(tmp_path):
    content = bank(tmp_path, question("a1", twin="b1") + question("b1") + question("q"))
    assert measure.plan_measure(content, None, "adulte", random.Random(1)) is None
    assert measure.plan_measure(bank(tmp_path, question("q")), ["t"], "college", random.Random(1)) is None


def test_levels_and_themes_filter_the_measure(tmp_path):
    pairs = "".join(question(f"a{i}", twin=f"b{i}", difficulty="lycee") + question(f"b{i}", difficulty="lycee")
                    for i in range(4))
    content = bank(tmp_path, pairs)
    assert measure.plan_measure(content, None, "college", random.Random(1)) is None
    assert measure.plan_measure(content, None, "lycee", random.Random(1)) is not None
    assert measure.plan_measure(content, ["other"], "adulte", random.Random(1)) is None


def test_posts_are_split_half_reliable_half_manipulative_per_phase(tmp_path):
    posts = "".join(post(f"r{i}", True) for i in range(4)) + "".join(
        post(f"m{i}", False, t) for i, t in enumerate(["emotion", "trolling", "deepfake", "polarisation"]))
    content = bank(tmp_path, posts=posts)
    plan = measure.plan_measure(content, None, "adulte", random.Random(3))
    assert plan is not None and plan.pre == ()
    for phase in measure.PHASES:
        ids = plan.posts(phase)
        assert sorted(i[0] for i in ids) == ["m", "m", "r", "r"]
    assert not set(plan.posts_pre) & set(plan.posts_post)


def test_ratings_from_outside_are_checked(tmp_path):
    content = bank(tmp_path, posts=post("r1", True) + post("r2", True) + post("m1", False, "emotion")
                   + post("m2", False, "trolling"))
    run = measure.MeasureRun.start(measure.plan_measure(content, None, "adulte", random.Random(0)))
    pid = run.plan.posts_pre[0]
    for bad in (0, 8, 3.5, "4", True, None):
        with pytest.raises(ValueError):
            run.rate("pre", pid, bad)
    with pytest.raises(KeyError):
        run.rate("pre", "unknown", 4)
    run.rate("pre", pid, 7)
    assert run.ratings["pre"] == {pid: 7}


def test_every_theme_of_the_real_bank_can_run_the_measure_alone(real_content):
    """Issue 18.1: each theme has at least four twin pairs, at two levels, so a session on one theme
    measures something, even at collège level (collège items only): the plan has four items or more."""
    from collections import defaultdict

    levels: dict[str, list[str]] = defaultdict(list)
    for a, _b in twin_pairs(real_content):
        q = real_content.questions[a]
        levels[q.theme].append(q.difficulty)
    for theme in real_content.themes:
        assert len(levels[theme]) >= 4, (theme, levels[theme])
        assert len(set(levels[theme])) >= 2, (theme, levels[theme])
        for level in ("college", "lycee"):
            plan = measure.plan_measure(real_content, [theme], level, random.Random(1), items=6)
            assert plan is not None and len(plan.pre) >= 4, (theme, level)
