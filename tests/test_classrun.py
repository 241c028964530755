"""The class game's flow (game.flow.classrun) played through intents only, with no display."""

from __future__ import annotations

import sqlite3

import pytest

from game.classroom import EXTEND_SECONDS, ClassConfig, Classroom, default_teams
from game.flow import classrun as cr
from game.flow.classrun import ClassRun
from game.session import Session, Step
from game.storage import FILE_NAME, ResultsStore


class FakeClock:
    def __init__(self, t: float = 1000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def kinds(events) -> list[str]:
    return [type(e).__name__ for e in events]


def run_on(content, steps, n: int = 3, answering: str = "all", timer: int = 0, speed: bool = False,
           clock=None, store=None, scale: float = 1.0) -> ClassRun:
    config = ClassConfig(default_teams(n), answering=answering, timer=timer, speed=speed)
    classroom = Classroom(content, config, Session(content, "all", list(steps), seed=0))
    return ClassRun(classroom, clock or FakeClock(), scale, store)


def right_answer(run: ClassRun) -> tuple[list[str], float | None]:
    item = run.item
    if run.kind == "estimate":
        return [], item.estimate.answer
    return [c.id for c in item.choices if c.correct], None


def wrong_answer(run: ClassRun) -> tuple[list[str], float | None]:
    item = run.item
    if run.kind == "estimate":
        est = item.estimate
        far = est.max if abs(est.max - est.answer) > abs(est.min - est.answer) else est.min
        return [], far
    if run.kind == "multiple":
        return [next(c.id for c in item.choices if not c.correct)], None
    return [next(c.id for c in item.choices if not c.correct)], None


def key_answer(run: ClassRun, ids: list[str], value: float | None) -> None:
    """The facilitator keys the current team's answer through intents, as the screen sends them."""
    if run.kind == "estimate":
        run.set_estimate(value)
        assert run.validate()
    elif run.kind == "multiple":
        for cid in ids:
            run.choose(cid)
        assert run.validate()
    else:
        run.choose(ids[0])


# == whole games ===========================================================================
@pytest.mark.parametrize(("n", "answering"), [(2, "all"), (5, "turns"), (8, "all")])
def test_a_whole_class_game_through_intents_only(real_content, tmp_path, n, answering):
    store = ResultsStore(tmp_path / FILE_NAME)
    config = ClassConfig(default_teams(n), answering=answering, level="adulte")
    run = ClassRun.start(real_content, config, seed=7, clock=FakeClock(), store=store)
    steps = list(run.classroom.session.steps)
    assert steps and run.phase == "ask"
    expected_points = {t: 0 for t in range(n)}
    answered_by: dict[int, list[int]] = {}
    for index, step in enumerate(steps):
        assert run.step_index == index and run.step == step and run.phase == "ask"
        start = len(run.events)
        teams = run.teams_for_current()
        assert teams == (list(range(n)) if answering == "all" or step.kind == "scenario" else [teams[0]])
        for k, team in enumerate(teams):
            assert run.current == team and not run.all_answered()
            if step.kind == "scenario":
                ids, value = [run.choices[k % len(run.choices)].id], None
            else:
                good = team % 2 == 0
                ids, value = right_answer(run) if good else wrong_answer(run)
                expected_points[team] += good
            key_answer(run, ids, value)
            assert run.answered(team)
        assert run.all_answered() and run.current not in () and run.events[-1] == cr.TurnChanged(None)
        answered_by[index] = teams
        run.next()  # « Suivant » while asking reveals
        assert run.phase == "reveal" and run.revealed
        revealed = next(e for e in run.events[start:] if isinstance(e, cr.Revealed))
        assert revealed.answered == tuple(teams)
        if step.kind == "question":
            assert revealed.right == tuple(t for t in teams if t % 2 == 0)
        item_events = kinds(run.events[start:])
        assert item_events[0] == "AnswerEntered" or item_events[0] == "AnswerCleared"
        assert item_events[-2:] == ["Revealed", "PhaseChanged"]
        assert run.reveal_page == "answer"
        run.next()  # the answer page turns to « why »
        assert run.phase == "reveal" and run.events[-1] == cr.RevealPageChanged(index, "why")
        if run.item.debate:
            run.next()
            assert run.phase == "debate"
            run.toggle_notes()
            assert run.notes_shown and run.events[-1] == cr.NotesToggled(True)
        run.next()
    assert run.phase == "debrief" and run.finished
    assert kinds(run.events).count("ItemStarted") == len(steps)
    assert kinds(run.events).count("Revealed") == len(steps)
    assert kinds(run.events)[-3:] == ["DebriefStarted", "Recorded", "PhaseChanged"]
    out = run.outcome()
    assert out["points"] == expected_points and not out["ended_early"]
    # who answered what, as the debrief and the record see it
    cl = run.classroom
    for index, teams in answered_by.items():
        assert sorted(cl.entries[index]) == teams
    # the record was written once, from the flow, with team indexes
    with sqlite3.connect(tmp_path / FILE_NAME) as conn:
        rows = conn.execute("SELECT id, mode, finished, answer_count FROM sessions").fetchall()
        assert [(m, f, c) for _i, m, f, c in rows] == [("classroom", 1, sum(len(t) for t in answered_by.values()))]
        right = dict(conn.execute("SELECT team, SUM(correct) FROM answers WHERE kind = 'question' GROUP BY team"))
        assert {t: right.get(t, 0) for t in range(n)} == expected_points
    # debrief data: themes, most missed, commitments then « Terminer »
    assert out["themes"] and all(asked > 0 for _t, _r, asked in out["themes"])
    offered = cl.commitment_choices(4)
    assert offered
    run.finish()  # no team has chosen yet: asked first
    assert run.pending == "finish" and run.events[-1] == cr.ConfirmationAsked("finish")
    run.cancel()
    assert run.phase == "debrief" and run.pending is None
    for team in range(n):
        run.commit(team, offered[team % len(offered)])
    assert run.waiting_commitments() == []
    with pytest.raises(ValueError):
        run.commit(0, "not_a_card")
    run.finish()
    assert run.phase == "over" and run.events[-1] == cr.GameOver(finished=True)
    assert kinds(run.events).count("Recorded") == 1  # recorded once only
    store.close()


def test_reveal_before_any_answer_is_a_question_the_view_asks(mini_content):
    run = run_on(mini_content, [Step("question", "q_single")])
    run.reveal()
    assert run.phase == "ask" and run.pending == "reveal"
    assert isinstance(run.events[-1], cr.ConfirmationAsked) and "Aucune équipe" in run.events[-1].question
    run.reveal()  # asked again while the question is open: still one question
    assert kinds(run.events).count("ConfirmationAsked") == 1
    run.cancel()
    assert run.pending is None and run.phase == "ask" and run.events[-1] == cr.ConfirmationClosed("reveal", False)
    run.next()  # « Suivant » asks the same
    assert run.pending == "reveal"
    run.confirm()
    assert run.phase == "reveal" and run.events[-1] == cr.PhaseChanged("reveal")
    assert run.events[-2] == cr.Revealed(0, (), ())
    run.choose("b")  # the answers are closed
    assert run.classroom.entry(0) is None


def test_keys_follow_the_order_on_screen_and_the_hand_passes(mini_content):
    session = Session(mini_content, "all", [Step("question", "q_single", ("c", "a", "b"))], seed=0)
    run = ClassRun(Classroom(mini_content, ClassConfig(default_teams(3)), session), FakeClock())
    assert [c.id for c in run.choices] == ["c", "a", "b"]
    run.pick(2)  # key 3: the third answer shown, for team 0
    assert run.entry(0).answer.choice_ids == ("b",) and run.current == 1
    run.select_team(0)  # the facilitator goes back to team 0 to correct it
    assert run.current == 0 and run.events[-1] == cr.TurnChanged(0, passed=False)
    run.pick(0)
    assert run.entry(0).answer.choice_ids == ("c",) and run.current == 1  # team 1 still waits
    run.pick(9)  # no such place: nothing
    assert run.entry(1) is None
    run.pick(1)
    run.pick(1)
    assert run.all_answered() and run.events[-1] == cr.TurnChanged(None)


def test_an_estimate_is_taken_only_once_its_slider_moved(mini_content):
    run = run_on(mini_content, [Step("question", "q_est", (), 150)], n=2)
    assert not run.validate()  # Enter or « Valider » on the drawn start: not an answer
    assert run.events[-1] == cr.Refused("validate", "move_slider") and run.current == 0 and run.entry(0) is None
    run.set_estimate(140)
    assert run.entry(0).answer.value == 140 and run.current == 0  # the hand stays until « Valider »
    assert run.validate() and run.current == 1
    assert not run.validate()  # team 1 has not moved it either
    run.set_estimate(60)
    assert run.validate() and run.all_answered()
    run.reveal()
    assert run.events[-2] == cr.Revealed(0, (0, 1), (1,))


def test_several_answers_tick_and_untick_then_validate(mini_content):
    run = run_on(mini_content, [Step("question", "q_multi")], n=2)
    assert not run.validate() and run.events[-1] == cr.Refused("validate", "nothing_ticked")
    run.choose("a")
    run.choose("c")
    run.choose("c")  # unticked
    assert run.entry(0).answer.choice_ids == ("a",) and run.current == 0
    run.choose("a")  # nothing ticked: no answer
    assert run.entry(0) is None and run.events[-1] == cr.AnswerCleared(0, 0)
    run.choose("a")
    run.choose("b")
    assert run.validate() and run.current == 1
    with pytest.raises(ValueError):
        run.choose("zz")


def test_the_timer_runs_pauses_extends_and_reveals_at_zero(mini_content):
    clock = FakeClock()
    run = run_on(mini_content, [Step("question", "q_single"), Step("question", "q_tf")], timer=20, clock=clock)
    assert run.timer.running and run.seconds_left() == 20
    clock.t += 5
    run.pause()  # an overlay
    clock.t += 100
    assert run.seconds_left() == 15 and run.events[-1] == cr.TimerChanged(15, False)
    run.resume()
    clock.t += 14.5
    run.tick()
    assert run.phase == "ask" and run.seconds_left() == 1
    run.extend()
    assert run.timer.remaining() == pytest.approx(0.5 + EXTEND_SECONDS)
    clock.t += 0.5 + EXTEND_SECONDS
    run.tick()
    assert run.phase == "reveal" and not run.timer.running
    assert run.events[-2] == cr.Revealed(0, (), (), expired=True)  # no confirmation at zero
    assert run.reveal_page == "answer"  # a timer's reveal lands on the answer page
    run.next()
    assert run.step_index == 0 and run.reveal_page == "why"
    run.next()
    assert run.step_index == 1 and run.timer.running and run.seconds_left() == 20  # a new item, a new timer
    extended = run_on(mini_content, [Step("question", "q_single")], timer=20, scale=cr.EXTENDED_TIMER)
    assert extended.seconds_left() == 30


def test_a_correction_stops_the_timer_and_earns_no_speed_bonus(mini_content):
    clock = FakeClock()
    run = run_on(mini_content, [Step("question", "q_single")], n=2, answering="turns", timer=20, speed=True,
                 clock=clock)
    assert run.config.speed_counts
    run.choose("a")  # wrong, in time
    run.reveal()
    clock.t += 60
    run.back()  # « Corriger »
    assert run.phase == "ask" and run.correcting and not run.timer.running
    assert kinds(run.events)[-2:] == ["Unrevealed", "PhaseChanged"]
    run.resume()  # an overlay closes: the timer stays stopped during a correction
    run.tick()
    assert not run.timer.running and run.phase == "ask"
    run.select_team(0)
    run.choose("b")
    run.reveal()
    assert run.entry(0).answer.correct and not run.classroom.speed_bonus(0, 0)
    assert run.classroom.points(0) == 1
    # in time, a right answer earns the bonus
    fast = run_on(mini_content, [Step("question", "q_single")], n=2, answering="turns", timer=20, speed=True)
    fast.choose("b")
    fast.reveal()
    assert fast.classroom.points(0) == 2


def test_debate_back_and_the_situation_reveal(mini_content):
    run = run_on(mini_content, [Step("scenario", "s_phone")], n=3)
    run.pick(1)
    run.pick(1)
    run.pick(0)
    assert run.all_answered()
    run.reveal()
    by = run.chosen_by()
    first, second = (c.id for c in run.choices[:2])
    assert by == {first: [2], second: [0, 1]}
    assert run.shown_choice() == second  # the most chosen first
    run.pick(0)  # key 1 on the reveal: that choice's consequence, on the « why » page
    assert run.shown_choice() == first and run.events[-2:] == [cr.ChoiceShown(first), cr.RevealPageChanged(0, "why")]
    run.debate()  # no debate on this card: nothing
    assert run.phase == "reveal"
    run.back()  # « why » back to the choices and who chose them
    assert run.phase == "reveal" and run.reveal_page == "answer"
    run.back()
    assert run.phase == "ask"
    run.reveal()
    assert run.reveal_page == "answer"
    run.next()
    run.next()
    assert run.phase == "debrief"


def test_skip_and_end_are_asked_and_end_early_is_abandon_in_the_record(mini_content, tmp_path):
    store = ResultsStore(tmp_path / FILE_NAME)
    steps = [Step("question", "q_single"), Step("question", "q_tf"), Step("question", "q_multi")]
    run = run_on(mini_content, steps, n=2, store=store)
    run.choose("a")
    run.skip()
    assert run.pending == "skip" and run.step_index == 0
    run.confirm()
    assert run.step_index == 1 and kinds(run.events)[-3:] == ["Skipped", "ItemStarted", "TurnChanged"]
    run.choose("vrai")
    run.choose("faux")
    run.reveal()
    run.skip()  # too late: revealed answers count
    assert run.pending is None and run.step_index == 1
    run.end()
    assert run.pending == "end"
    run.confirm()
    assert run.phase == "debrief" and run.classroom.ended_early  # q_multi was never played
    assert run.outcome()["points"] == {0: 1, 1: 0}
    with sqlite3.connect(tmp_path / FILE_NAME) as conn:
        assert conn.execute("SELECT mode, finished, answer_count FROM sessions").fetchall() == [("classroom", 0, 2)]
    store.close()


def test_abandoning_keeps_what_was_revealed_as_abandoned(mini_content, tmp_path):
    store = ResultsStore(tmp_path / FILE_NAME)
    run = run_on(mini_content, [Step("question", "q_single"), Step("question", "q_tf")], n=2, store=store)
    run.choose("b")
    run.choose("a")
    run.reveal()
    run.next()
    run.choose("vrai")  # entered, never revealed: not kept
    run.abandon()
    assert run.pending == "abandon"
    run.confirm()
    assert run.phase == "over" and kinds(run.events)[-3:] == ["PhaseChanged", "GameOver", "Recorded"]
    with sqlite3.connect(tmp_path / FILE_NAME) as conn:
        assert conn.execute("SELECT mode, finished, answer_count FROM sessions").fetchall() == [("classroom", 0, 2)]
        assert conn.execute("SELECT item_id, team, correct FROM answers ORDER BY position").fetchall() == [
            ("q_single", 0, 1), ("q_single", 1, 0)]
    run.abandon(confirmed=True)  # over: nothing more
    assert kinds(run.events).count("Recorded") == 1
    store.close()


def test_entries_made_on_the_classroom_by_the_pads_become_events(mini_content):
    run = run_on(mini_content, [Step("question", "q_single")], n=3)
    seen: list = []
    run.subscribe(seen.append)
    run.classroom.enter(0, ["b"])  # as game.pads.bridge.apply_tally does
    run.classroom.enter(2, ["a"])
    run.tick()
    assert seen[:2] == [cr.AnswerEntered(0, 0, ("b",), None, True), cr.AnswerEntered(0, 2, ("a",), None, False)]
    assert run.current == 1  # team 0 answered on its pad: the hand went on
    run.classroom.clear(2)
    run.refresh()
    assert seen[-1] == cr.AnswerCleared(0, 2)


def test_preview_shows_a_phase_for_layout_checks(mini_content):
    run = run_on(mini_content, [Step("question", "q_single")])
    run.preview("debate", notes=True)
    assert run.phase == "debate" and run.notes_shown and run.revealed
    with pytest.raises(ValueError):
        run.preview("over")


def test_the_flow_layer_never_imports_pygame():
    import ast
    from pathlib import Path

    import game.flow.classrun as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "pygame" not in names
    # A function-level import only for memory or start-up speed (storage's sqlite3 when a game is
    # recorded), said in a comment just above it; never one that dodges a cycle.
    lines = Path(module.__file__).read_text(encoding="utf-8").splitlines()
    body = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    late = {n.lineno for f in body for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
    unsaid = [n for n in late if not any(w in " ".join(lines[max(0, n - 4):n]) for w in ("start-up", "memory"))]
    assert not unsaid, unsaid


# == the reveal in two pages (issue 16.6) ====================================================
def test_the_reveal_turns_from_the_answer_to_why_and_back(mini_content):
    """« Suivant » on the answer page turns to « why » (the explanation); « Suivant » there goes on
    as before; « Corriger » from « why » comes back to the answer page, from there to the answers;
    each turn is an event, and a new reveal (after a correction, on the next item) opens on the
    answer page."""
    run = run_on(mini_content, [Step("question", "q_single"), Step("question", "q_tf")], n=2)
    run.choose("a")
    run.choose("b")
    run.next()  # reveals
    assert run.phase == "reveal" and run.reveal_page == "answer"
    start = len(run.events)
    run.next()
    assert run.phase == "reveal" and run.reveal_page == "why" and run.step_index == 0
    assert run.events[start:] == [cr.RevealPageChanged(0, "why")]
    run.back()  # « Corriger » on « why »: the answer page, still revealed
    assert run.phase == "reveal" and run.reveal_page == "answer" and run.revealed
    assert run.events[-1] == cr.RevealPageChanged(0, "answer")
    run.next()
    run.back()
    run.back()  # the answer page: back to the answers, to correct one
    assert run.phase == "ask" and not run.revealed
    run.reveal()
    assert run.reveal_page == "answer"
    run.turn_page("why")
    run.turn_page("why")  # already there: no event
    assert kinds(run.events).count("RevealPageChanged") == 5
    with pytest.raises(ValueError):
        run.turn_page("elsewhere")
    run.next()
    assert run.step_index == 1 and run.phase == "ask" and run.reveal_page == "answer"
    run.turn_page("why")  # while asking: nothing
    assert run.reveal_page == "answer"


def test_a_debate_comes_after_why_and_goes_back_to_it(real_content):
    debated, other = [q.id for q in real_content.questions.values() if q.debate][:2]
    run = run_on(real_content, [Step("question", debated), Step("question", other)], n=2)
    run.reveal(confirmed=True)
    run.next()
    assert run.phase == "reveal" and run.reveal_page == "why"
    run.next()
    assert run.phase == "debate"
    run.back()
    assert run.phase == "reveal" and run.reveal_page == "why"
    run.debate()  # « Débat » from either page
    run.next()
    assert run.step_index == 1
