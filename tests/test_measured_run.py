"""A solo game with the pre/post measure around it (issue 18.1-18.2): the check before, the game,
the check after, the progress, the results; what is stored with the session (anonymous); the
measure skipped cleanly when the themes have no twins; leaving at any step keeps what was
answered. The flow is played without a display, then once through the real screens."""

import random
import sqlite3

import pygame
import pytest

from conftest import make_app
from game.autoplay import Bot
from game.flow.measure_flow import GAME, INTRO, ITEM, PROGRESS, RATE, SKIPPED
from game.flow.measured import MeasuredRun
from game.scenes.measure import MeasureIntroScene
from game.scenes.measure_progress import MeasureProgressScene
from game.scenes.play import start_session
from game.scenes.question import QuestionScene
from game.scenes.results import ResultsScene
from game.scenes.title import TitleScene
from game.storage import ALL_THEMES, ResultsStore


def right(content, qid):
    q = content.questions[qid]
    if q.type == "estimate":
        return [], q.estimate.answer
    return [c.id for c in q.choices if c.correct], None


def wrong(content, qid):
    q = content.questions[qid]
    if q.type == "estimate":
        return [], q.estimate.min if q.estimate.answer != q.estimate.min else q.estimate.max
    return [next(c.id for c in q.choices if not c.correct)], None


def check(measured, good):
    """Answer the current check: right when ``good``, else wrong; reliable posts 6 or 2."""
    flow, content = measured.flow, measured.content
    assert flow.current.kind == INTRO
    flow.next()
    while flow.current.kind in (ITEM, RATE):
        step = flow.current
        if step.kind == ITEM:
            flow.answer(*(right if good else wrong)(content, step.item.id))
        else:
            reliable = content.posts[step.post_id].reliable
            flow.rate((6 if reliable else 2) if good else 4)


def answer_item(run):
    """The current item of the game: its first choice (an estimate, its answer)."""
    item = run.item
    if run.step.kind == "question":
        value = item.estimate.answer if item.type == "estimate" else None
        assert run.answer_question([] if value is not None else [item.choices[0].id], value)
    else:
        assert run.choose(item.choices[0].id)


def play_game(run):
    while not run.finished:
        answer_item(run)
        assert run.next()


def stored(path):
    if not path.exists():  # the store makes its file with the first record
        return [], [], []
    with sqlite3.connect(path) as conn:
        sessions = conn.execute("SELECT id, mode, finished FROM sessions").fetchall()
        measure = conn.execute("SELECT session_id, phase, kind, item_id, theme, score, rating, reliable, team"
                               " FROM measure ORDER BY session_id, position").fetchall()
        columns = [r[1] for r in conn.execute("PRAGMA table_info(measure)")]
    return sessions, measure, columns


def test_a_whole_measured_game_is_stored_with_both_checks(real_content, tmp_path):
    store = ResultsStore(tmp_path / "results.sqlite")
    measured = MeasuredRun.start(real_content, "all", seed=7, store=store)
    plan = measured.flow.run.plan
    assert len(plan.pre) == 5 and len(plan.posts_pre) == 4
    # The game deals none of the measure's questions: they would give its answers away.
    assert not {s.id for s in measured.run.session.steps} & plan.item_ids
    check(measured, good=False)
    assert measured.in_game and not measured.recorded
    play_game(measured.run)
    assert not measured.recorded  # the check after the game comes first
    measured.game_over()
    assert measured.flow.current.kind == INTRO and measured.flow.phase == "post"
    check(measured, good=True)
    assert measured.at_progress and measured.shows_progress
    assert measured.finish() and measured.recorded
    assert not measured.finish()  # once
    result = measured.result()
    assert (result.before, result.after) == (0, 5) and result.normalised_gain == 1
    assert result.discernment_before == 0 and result.discernment_after == 4
    sessions, rows, columns = stored(tmp_path / "results.sqlite")
    assert [(mode, finished) for _id, mode, finished in sessions] == [("solo", 1)]
    assert [(r[1], r[2]) for r in rows].count(("pre", "question")) == 5
    assert [(r[1], r[2]) for r in rows].count(("post", "post")) == 4
    assert {r[3] for r in rows if r[2] == "question"} == plan.item_ids
    assert not {"name", "player", "team_name"} & set(columns)  # anonymous: ids, scores, ratings
    overall = store.stats().measure[ALL_THEMES]
    assert overall.n == 1 and (overall.pre, overall.post) == (0, 1) and overall.n_discernment == 1


def test_themes_without_twins_play_the_game_alone_and_store_it_as_any_game(mini_content, tmp_path):
    store = ResultsStore(tmp_path / "results.sqlite")
    measured = MeasuredRun.start(mini_content, "all", seed=1, store=store)
    assert measured.flow.skipped and measured.flow.current.kind == SKIPPED
    measured.flow.next()
    assert measured.flow.current.kind == GAME
    play_game(measured.run)
    measured.game_over()
    assert measured.at_progress and not measured.shows_progress and measured.recorded
    sessions, rows, _columns = stored(tmp_path / "results.sqlite")
    assert len(sessions) == 1 and sessions[0][2] == 1 and rows == []


def test_leaving_at_any_step_keeps_what_was_answered(real_content, tmp_path):
    path = tmp_path / "results.sqlite"
    store = ResultsStore(path)
    # Nothing answered: nothing kept.
    measured = MeasuredRun.start(real_content, "all", seed=3, store=store)
    assert measured.abandon()
    assert stored(path)[0] == []
    # Two answers of the check before, then a quit: an abandoned game with those two.
    measured = MeasuredRun.start(real_content, "all", seed=4, store=store)
    measured.flow.next()
    for _ in range(2):
        measured.flow.answer(*right(real_content, measured.flow.current.item.id))
    assert measured.abandon() and measured.recorded
    sessions, rows, _c = stored(path)
    assert sessions[-1][2] == 0 and [r[1] for r in rows if r[0] == sessions[-1][0]] == ["pre", "pre"]
    # A quit in the middle of the game (the game's own abandon, as its screens call it).
    measured = MeasuredRun.start(real_content, "all", seed=5, store=store)
    check(measured, good=True)
    run = measured.run
    answer_item(run)
    run.abandon()
    sessions, rows, _c = stored(path)
    assert len(sessions) == 2 and sessions[-1][2] == 0
    assert len([r for r in rows if r[0] == sessions[-1][0]]) == 9  # the whole check before
    # The game done, one answer after it, then a quit: a finished game, both checks as far as they went.
    measured = MeasuredRun.start(real_content, "all", seed=6, store=store)
    check(measured, good=True)
    play_game(measured.run)
    measured.game_over()
    measured.flow.next()
    measured.flow.answer(*right(real_content, measured.flow.current.item.id))
    assert measured.abandon() and measured.abandon()  # the second call keeps nothing more
    sessions, rows, _c = stored(path)
    assert len(sessions) == 3 and sessions[-1][2] == 1
    mine = [r[1] for r in rows if r[0] == sessions[-1][0]]
    assert mine.count("pre") == 9 and mine.count("post") == 1


def test_leaving_the_check_before_out_skips_the_one_after(real_content, tmp_path):
    store = ResultsStore(tmp_path / "results.sqlite")
    measured = MeasuredRun.start(real_content, "all", seed=8, store=store)
    measured.flow.skip()
    assert measured.in_game
    play_game(measured.run)
    measured.game_over()
    assert measured.at_progress and not measured.shows_progress and measured.recorded
    sessions, rows, _c = stored(tmp_path / "results.sqlite")
    assert len(sessions) == 1 and rows == []


def test_the_same_seed_deals_the_same_measure_and_game(real_content):
    a = MeasuredRun.start(real_content, "all", seed=11)
    b = MeasuredRun.start(real_content, "all", seed=11)
    assert a.flow.run.plan == b.flow.run.plan and a.run.session.steps == b.run.session.steps


@pytest.fixture
def measured_app(real_content, tmp_path):
    app = make_app(real_content)
    app.settings = app.settings.with_value("measure", True)
    app.results = ResultsStore(tmp_path / "results.sqlite")
    app.push(TitleScene(app))
    app.step([], 0)
    yield app
    pygame.display.quit()


def test_the_real_screens_run_the_measure_around_the_game(measured_app, tmp_path):
    app = measured_app
    start_session(app, "all")
    assert isinstance(app.top, MeasureIntroScene) and app.top.flow.phase == "pre"
    seen = []
    bot = Bot(app, random.Random(2), "keyboard")
    for _ in range(800):
        top = app.top
        kind = type(top).__name__
        if not seen or seen[-1] != kind:
            seen.append(kind)
        if isinstance(top, ResultsScene):
            break
        bot.act()
    order = [k for k in seen if k in ("MeasureIntroScene", "QuestionScene", "MeasureProgressScene",
                                      "ResultsScene")]
    first_q = order.index("QuestionScene")
    assert order[0] == "MeasureIntroScene" and "MeasureIntroScene" in order[first_q:]
    assert order[-2:] == ["MeasureProgressScene", "ResultsScene"]
    sessions, rows, _c = stored(tmp_path / "results.sqlite")
    assert len(sessions) == 1 and sessions[0][2] == 1
    assert {r[1] for r in rows} == {"pre", "post"} and len(rows) == 18


def test_the_setting_off_starts_the_game_at_once(measured_app):
    app = measured_app
    app.settings = app.settings.with_value("measure", False)
    start_session(app, "all")
    assert isinstance(app.top, QuestionScene)


def test_a_kiosk_measures_only_when_its_admin_turns_it_on(measured_app):
    app = measured_app
    app.kiosk = object()  # a kiosk's controller: only its presence matters here
    try:
        start_session(app, "all")
        assert isinstance(app.top, QuestionScene)  # kiosk_measure is off by default
        app.settings = app.settings.with_value("kiosk_measure", True).with_value("measure", False)
        start_session(app, "all")
        assert isinstance(app.top, MeasureIntroScene)
        assert app.top.abandon()  # a kiosk's reset: kept (nothing answered yet: nothing stored)
    finally:
        app.kiosk = None


def test_the_progress_page_hands_over_to_the_results(measured_app):
    app = measured_app
    start_session(app, "all")
    intro = app.top
    measured = intro.keep.__self__
    check(measured, good=True)
    play_game(measured.run)
    measured.game_over()
    check(measured, good=True)
    intro.done(measured.flow)  # what the last post's « Valider » calls
    assert isinstance(app.top, MeasureProgressScene)
    app.top.ensure_layout((1280, 720))
    app.top.activate(app.top.widget("continue"))
    assert isinstance(app.top, ResultsScene)
