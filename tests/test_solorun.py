"""A solo game played through the flow's intents only: no window, no scene (issue 15.1)."""

from __future__ import annotations

import sys

import pytest

from game.flow.solorun import (Abandoned, Answered, Finished, Paused, Recorded, Refused, Resumed, SoloRun,
                               StepShown, estimate_start)
from game.session import Session, Step
from game.storage import ResultsStore

STEPS = [Step("question", "q_single", ("c", "a", "b")), Step("question", "q_multi", ("a", "b", "c")),
         Step("scenario", "s_phone"), Step("question", "q_est", (), 150.0), Step("question", "q_tf"),
         Step("scenario", "s_help")]


class Store:
    """What the recorder needs of a ResultsStore."""

    def __init__(self):
        self.records = []

    def record_session(self, record):
        self.records.append(record)
        return True


def run_of(content, store=None, steps=STEPS, mode="solo"):
    return SoloRun(Session(content, "all", list(steps), seed=7), mode=mode, store=store)


def kinds(run):
    return [type(e).__name__ for e in run.events]


def test_a_whole_game_through_intents(mini_content):
    store = Store()
    run = run_of(mini_content, store)
    assert kinds(run) == ["StepShown"] and run.step.id == "q_single" and not run.revealed
    assert run.position() == (1, 4)

    assert run.answer_question(["b"], item_id="q_single")  # right
    assert run.revealed and run.answer.correct
    assert run.answer_question(["a"]) is False  # answered already: nothing changes
    assert run.events[-1] == Refused("answer", "answered") and run.answers[0].choice_ids == ("b",)
    assert run.next() and run.step.id == "q_multi"

    assert run.next() is False and run.events[-1] == Refused("next", "not-answered")
    assert run.answer_question([]) is False and run.events[-1] == Refused("answer", "empty")
    assert run.answer_question(["a", "c"])  # one right, one wrong: not right
    assert run.answer.correct is False
    run.next()

    assert run.answer_question(["a"]) is False and run.events[-1] == Refused("answer", "wrong-kind")
    assert run.choose("teleport") is False and run.events[-1] == Refused("choose", "unknown-choice")
    assert run.choose("new", item_id="s_phone")
    answered = run.events[-1]
    assert isinstance(answered, Answered) and answered.indicators == {"co2e": 58.0, "people": 0.0}
    run.next()

    assert run.answer_question(value=60.0)  # the estimate's answer
    assert run.answer.correct and run.answer.value == 60.0
    run.next()
    assert run.answer_question(["faux"]) and not run.answer.correct
    run.next()
    assert run.choose("help")
    assert store.records == []  # not before the end
    assert run.next() and run.finished

    finished = next(e for e in run.events if isinstance(e, Finished))
    res = finished.results
    assert res.score == (2, 4)  # q_single and q_est right
    assert res.indicators == {"co2e": 58.0, "people": 1.0}
    assert res.avoided_co2e == 0.0  # the heaviest phone choice was taken
    # Axes: repair 1 (q_single), eco_design 1 (q_est) + 0.2 (new phone), inclusion 1 (help).
    assert res.profile == pytest.approx({"eco_design": 1.2, "inclusion": 1.0, "repair": 1.0})
    assert len(res.career_ids) == 3 and res.career_ids[0] in {"eco_engineer", "digital_trainer", "repair_technician"}
    assert run.results is res  # scored once

    assert kinds(run)[-2:] == ["Finished", "Recorded"] and run.events[-1] == Recorded(True)
    [record] = store.records
    assert record.finished and record.mode == "solo" and record.path == "all"
    assert [a.item_id for a in record.answers] == ["q_single", "q_multi", "s_phone", "q_est", "q_tf", "s_help"]
    assert [a.correct for a in record.answers] == [True, False, None, True, False, None]
    assert list(record.careers) == res.career_ids
    assert dict(record.indicators) == {"co2e": 58.0, "people": 1.0}

    assert run.next() is False and run.abandon() is False  # over: nothing more, never recorded twice
    assert len(store.records) == 1
    assert kinds(run).count("StepShown") == 6


def test_the_record_reaches_a_real_results_store(mini_content, tmp_path):
    store = ResultsStore(tmp_path / "results.sqlite")
    try:
        run = run_of(mini_content, store, steps=STEPS[:1], mode="kiosk")
        run.answer_question(["b"])
        run.next()
        stats = store.stats(mode="kiosk")
        assert (stats.sessions, stats.finished) == (1, 1) and stats.per_theme == {"obsolescence": (1, 1)}
    finally:
        store.close()


def test_an_abandoned_game_is_kept_only_when_something_was_answered(mini_content):
    store = Store()
    untouched = run_of(mini_content, store)
    assert untouched.abandon() and isinstance(untouched.events[-1], Abandoned)
    assert store.records == []  # nothing answered: nothing kept

    run = run_of(mini_content, store)
    run.answer_question(["b"])
    run.next()
    run.answer_question(["a", "b"])
    assert run.abandon()
    assert run.events[-2:] == [Abandoned(2), Recorded(False)]
    [record] = store.records
    assert not record.finished and record.careers == ()  # the player never saw any career
    assert run.abandon() is False and len(store.records) == 1  # once
    assert run.answer_question(["a"]) is False and run.events[-1] == Refused("answer", "finished")


def test_pause_and_resume(mini_content):
    run = run_of(mini_content)
    assert run.back() and run.paused and run.events[-1] == Paused()
    assert run.back() is False  # already paused
    assert run.resume() and not run.paused and run.events[-1] == Resumed()
    assert run.resume() is False


def test_an_answer_for_another_item_is_refused(mini_content):
    run = run_of(mini_content)
    assert run.answer_question(["a"], item_id="q_multi") is False
    assert run.events[-1] == Refused("answer", "not-current") and not run.answers


def test_the_short_session_notice_is_state_not_words(mini_content):
    session = Session(mini_content, "obsolescence", list(STEPS[:2]), seed=1, level="college", short_by=3)
    run = SoloRun(session)
    short = run.shortage
    assert short is not None and (short.questions, short.level, short.one_theme) == (2, "college", True)
    run.answer_question(["b"])
    run.next()
    assert run.shortage is None  # said on the first item only
    assert SoloRun(Session(mini_content, "all", list(STEPS), seed=1)).shortage is None


def test_listeners_see_every_event_in_order(mini_content):
    seen = []
    run = run_of(mini_content, steps=STEPS[:1])
    run.subscribe(seen.append)
    run.answer_question(["a"])
    run.next()
    assert [type(e) for e in seen] == [Answered, Finished]
    assert isinstance(run.events[0], StepShown)


def test_the_estimate_start_without_a_dealt_step_is_never_the_answer(mini_content):
    q = mini_content.questions["q_est"]
    assert estimate_start(q, Step("question", "q_est", (), 150.0)) == 150.0
    start = estimate_start(q)
    assert abs(start - q.estimate.answer) > q.estimate.tolerance


def test_the_flow_imports_no_pygame():
    import subprocess

    code = "import sys, game.flow.solorun, game.flow.kiosk; sys.exit('pygame' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
