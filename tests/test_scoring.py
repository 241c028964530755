"""Scoring: pure functions from answers to score, gauges, profile and careers."""

import random

from game import scoring
from game.session import FULL_PATH, Session, plan_session


def q(content, qid):
    return content.questions[qid]


def test_is_correct_for_each_type(mini_content):
    c = mini_content
    assert scoring.is_correct(q(c, "q_single"), ["b"])
    assert not scoring.is_correct(q(c, "q_single"), ["a"])
    assert scoring.is_correct(q(c, "q_multi"), ["a", "b"])
    assert not scoring.is_correct(q(c, "q_multi"), ["a"])  # all the right ones, and only them
    assert not scoring.is_correct(q(c, "q_multi"), ["a", "b", "c"])
    assert scoring.is_correct(q(c, "q_tf"), ["vrai"])
    assert scoring.is_correct(q(c, "q_est"), value=60)
    assert scoring.is_correct(q(c, "q_est"), value=50)  # tolerance 10
    assert not scoring.is_correct(q(c, "q_est"), value=80)
    assert not scoring.is_correct(q(c, "q_est"), value=None)


def test_indicators_profile_and_score(mini_content):
    c = mini_content
    answers = [
        scoring.answer_question(q(c, "q_single"), ["b"]),
        scoring.answer_question(q(c, "q_tf"), ["faux"]),
        scoring.answer_scenario(c.scenarios["s_phone"], "new"),
        scoring.answer_scenario(c.scenarios["s_help"], "help"),
    ]
    assert scoring.knowledge_score(answers) == (1, 2)
    assert scoring.indicator_totals(c, answers) == {"co2e": 58.0, "people": 1.0}
    prof = scoring.profile(c, answers)
    # right answer on q_single (repair 1.0); wrong q_tf earns nothing; choices add their axes
    assert prof == {"eco_design": 0.2, "inclusion": 1.0, "repair": 1.0}


def test_rank_careers_is_deterministic_and_breaks_ties_by_id(mini_content):
    careers = list(mini_content.careers.values())
    ranked = scoring.rank_careers({}, careers)
    assert [cid for cid, _ in ranked] == sorted(cid for cid, _ in ranked)
    ranked_rev = scoring.rank_careers({}, list(reversed(careers)))
    assert ranked == ranked_rev


def test_a_player_who_always_repairs_gets_the_repair_technician(mini_content):
    c = mini_content
    answers = [scoring.answer_scenario(c.scenarios["s_phone"], "repair")]
    top = scoring.top_careers(c, answers, 3)
    assert top[0].career_id == "repair_technician"
    assert top[0].axes[0] == "repair"
    assert [x.choice_id for x in top[0].contributions] == ["repair"]


def test_real_content_repairer_gets_the_repair_technician(real_content):
    """Always pick the choice that weighs most on « repair », answer every repair question right."""
    c = real_content
    answers = []
    for sc in c.scenarios.values():
        best = max(sc.choices, key=lambda ch: (ch.axes.get("repair", 0), ch.id))
        answers.append(scoring.answer_scenario(sc, best.id))
    for question in c.questions.values():
        if question.axes.get("repair"):
            right = [ch.id for ch in question.choices if ch.correct]
            value = question.estimate.answer if question.estimate else None
            answers.append(scoring.answer_question(question, right, value))
    top = [m.career_id for m in scoring.top_careers(c, answers, 3)]
    assert "electronics_repair_technician" in top


def test_session_plan_is_reproducible_and_mixes_themes(real_content):
    a = plan_session(real_content, FULL_PATH, random.Random(7))
    b = plan_session(real_content, FULL_PATH, random.Random(7))
    assert a == b
    kinds = [s.kind for s in a]
    assert kinds.count("question") == min(12, len(real_content.questions))
    assert kinds.count("scenario") == min(4, len(real_content.scenarios))
    themes = {real_content.questions[s.id].theme for s in a if s.kind == "question"}
    assert len(themes) >= min(4, len(real_content.themes))
    assert kinds[0] == "question"  # a scenario card never opens the session


def test_theme_session_plays_only_that_theme(real_content):
    s = Session.start(real_content, "cobalt", seed=3)
    assert s.steps
    for step in s.steps:
        item = real_content.questions.get(step.id) or real_content.scenarios.get(step.id)
        assert item.theme == "cobalt"


def test_session_refuses_an_answer_for_another_item(mini_content):
    s = Session.start(mini_content, FULL_PATH, seed=1)
    other = next(qq for qq in mini_content.questions.values() if qq.id != s.current.id)
    try:
        s.record(scoring.answer_question(other, []))
    except ValueError:
        pass
    else:
        raise AssertionError("an answer for another item was recorded")
