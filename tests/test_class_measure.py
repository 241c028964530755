"""The pre/post measure in class mode (issue 18.1): an option of the class set-up, off by
default. On: the check before the game (the class answers as one, on the solo measure screens),
the class game, at its debrief the check after, the class's progress, then the debrief; the game
is kept with both checks in one record. Off: straight to the first item, as before."""

import sqlite3

import pygame
import pytest
from conftest import make_app

from game.classroom import ClassConfig, default_teams
from game.flow.measure_flow import GAME, INTRO, ITEM, PROGRESS, RATE, SKIPPED
from game.scenes.classroom import ClassItemScene, ClassSetupScene, DebriefScene
from game.scenes.measure import MeasureIntroScene
from game.scenes.measure_progress import MeasureProgressScene
from game.scenes.title import TitleScene
from game.storage import FILE_NAME, ResultsStore


@pytest.fixture
def app(real_content):
    a = make_app(real_content, (1024, 600))
    yield a
    pygame.display.quit()


def tap(app, wid: str) -> None:
    scene = app.top
    scene.ensure_layout(app.screen.get_size())
    w = scene.widget(wid)
    assert w is not None and w.enabled, f"{scene.name}: no enabled {wid!r} ({[x.id for x in scene.widgets]})"
    width, height = app.screen.get_size()
    x, y = w.rect.centerx, w.rect.centery - scene.scroll
    assert 0 <= x < width and 0 <= y < height, f"{wid} is off the screen: {w.rect}"
    app.step([pygame.event.Event(kind, x=x / width, y=y / height, dx=0, dy=0, touch_id=1, finger_id=0,
                                 pressure=1 if kind == pygame.FINGERDOWN else 0)
              for kind in (pygame.FINGERDOWN, pygame.FINGERUP)], 0)


def setup(app) -> ClassSetupScene:
    app.reset_to(TitleScene(app))
    app.push(ClassSetupScene(app))
    app.step([], 0)
    return app.top


def right(content, qid):
    q = content.questions[qid]
    if q.type == "estimate":
        return [], q.estimate.answer
    return [c.id for c in q.choices if c.correct], None


def answer_check(app) -> None:
    """The check on screen, from its intro: « Commencer », then every item and post answered
    (the flow's intents, as the screens send them), the next screen built by the screen itself."""
    flow = app.top.flow
    tap(app, "start")
    while flow.current.kind in (ITEM, RATE):
        scene = app.top
        if flow.current.kind == ITEM:
            flow.answer(*right(app.content, flow.current.item.id))
        else:
            flow.rate(4)
        scene.go_on()
        app.step([], 0)


def test_the_option_is_off_by_default_and_off_goes_straight_to_the_first_item(app):
    assert ClassConfig(default_teams(2)).measure is False
    scene = setup(app)
    assert scene.widget("measure").label == "Mesure avant/après\u00a0: non"
    tap(app, "start")
    assert isinstance(app.top, ClassItemScene) and app.top.run.step_index == 0


def test_on_the_check_before_then_the_game_then_the_check_after_the_progress_and_the_debrief(app, tmp_path):
    app.results = ResultsStore(tmp_path / FILE_NAME)
    setup(app)
    tap(app, "measure")
    assert app.top.widget("measure").label == "Mesure avant/après\u00a0: oui"
    tap(app, "start")
    assert app.class_config.measure
    intro = app.top
    assert isinstance(intro, MeasureIntroScene) and intro.flow.current.kind == INTRO
    assert intro.flow.current.phase == "pre"
    flow = intro.flow
    answer_check(app)
    assert flow.current.kind == GAME
    item = app.top
    assert isinstance(item, ClassItemScene) and item.run.step_index == 0
    run = item.run
    dealt = {s.id for s in run.classroom.session.steps}
    assert not dealt & set(flow.run.plan.item_ids)  # the game deals none of the measure's questions
    run.end(confirmed=True)  # straight to the debrief: the check after it comes first
    app.step([], 0)
    assert isinstance(app.top, MeasureIntroScene) and app.top.flow.current.phase == "post"
    assert not (tmp_path / FILE_NAME).exists() or not sqlite3.connect(tmp_path / FILE_NAME).execute(
        "SELECT * FROM sessions").fetchall()  # kept once, with both checks, after the one after
    answer_check(app)
    assert flow.current.kind == PROGRESS
    assert isinstance(app.top, MeasureProgressScene)
    app.top.ensure_layout(app.screen.get_size())
    said = " ".join(tb.text for tb, _c in app.top.texts)
    assert "la classe" in said.lower() and "Ton chemin" not in said and " tu " not in f" {said} "
    assert "En moyenne, avant" not in said and "1 équipe" not in said  # one class, answering as one
    tap(app, next(w.id for w in app.top.widgets if w.enabled))
    assert isinstance(app.top, DebriefScene) and app.top.run is run
    with sqlite3.connect(tmp_path / FILE_NAME) as conn:
        sessions = conn.execute("SELECT id, mode FROM sessions").fetchall()
        phases = [r[0] for r in conn.execute("SELECT phase FROM measure")]
    assert [m for _i, m in sessions] == ["classroom"]
    assert phases.count("pre") == phases.count("post") > 0 and len(phases) == len(flow.records())


def test_on_a_skipped_check_goes_to_the_first_item(app):
    setup(app)
    tap(app, "measure")
    tap(app, "start")
    assert isinstance(app.top, MeasureIntroScene)
    tap(app, "skip")
    assert isinstance(app.top, ClassItemScene) and app.top.run.step_index == 0


def test_on_with_themes_that_measure_nothing_the_notice_then_the_game(mini_content):
    a = make_app(mini_content, (1024, 600))
    try:
        setup(a)
        tap(a, "measure")
        tap(a, "start")
        assert isinstance(a.top, MeasureIntroScene) and a.top.flow.current.kind == SKIPPED
        tap(a, "start")
        assert isinstance(a.top, ClassItemScene) and a.top.run.step_index == 0
    finally:
        pygame.display.quit()


TU = {"tu", "te", "t'", "ton", "ta", "tes", "toi", "coche-les", "valide", "choisis", "déplace", "réponds"}


def words_of(scene) -> set[str]:
    """The screen's own words (the question's or the post's text is content, read as written)."""
    scene.ensure_layout(scene.ctx.screen.get_size())
    content = scene.ctx.content
    step = scene.step
    own = set()
    if step.item is not None:
        q = content.questions[step.item.id]
        own = {q.prompt, *(c.text for c in q.choices)}
    if step.post_id:
        post = content.posts[step.post_id]
        own = {post.text, post.author}
    texts = [tb.text for tb, _c in scene.texts if tb.text not in own]
    texts += [w.alt for w in scene.widgets if getattr(w, "alt", "") and not any(o and o in w.alt for o in own)]
    text = " ".join(texts)
    return {w.strip(".,:;!?«»()\u00a0").lower() for w in text.replace("\u00a0", " ").replace("'", "' ").split()}


def test_a_class_is_addressed_as_vous_on_every_measure_screen(app):
    """The room reads the checks together: « vous », never « tu » (issue 16 review)."""
    setup(app)
    tap(app, "measure")
    tap(app, "start")
    flow = app.top.flow
    seen = set()
    while True:
        if flow.current.kind == GAME:
            break
        scene = app.top
        seen.add(type(scene).__name__)
        words = words_of(scene)
        assert not words & TU, f"{scene.screen_name}: {sorted(words & TU)}"
        assert words & {"vous", "votre", "vos", "cochez-les", "validez", "choisissez", "déplacez"}, scene.screen_name
        if flow.current.kind == INTRO:
            tap(app, "start")
            continue
        if flow.current.kind == ITEM:
            flow.answer(*right(app.content, flow.current.item.id))
        else:
            flow.rate(4)
        scene.go_on()
        app.step([], 0)
    assert {"MeasureIntroScene", "MeasureItemScene", "MeasureRateScene"} <= seen


def test_a_solo_player_is_still_addressed_as_tu(app):
    from game.flow.measure_flow import MeasureFlow
    from game.scenes.measure import measure_scene

    import random

    flow = MeasureFlow.plan(app.content, None, "college", random.Random(3))
    app.reset_to(measure_scene(app, flow, lambda _f: None))
    app.step([], 0)
    assert {"te", "tu"} & words_of(app.top) and "vous" not in words_of(app.top)
