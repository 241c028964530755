"""Whole sessions, played through raw events with each device alone, and the overlays."""

import io
import json
import random

import pygame
import pytest

from conftest import make_app
from game import autoplay
from game.autoplay import Bot
from game.scenes.overlays import ConfirmScene, PauseScene
from game.scenes.play import Play, start_session
from game.scenes.question import QuestionScene
from game.scenes.results import ResultsScene
from game.scenes.scenario import ScenarioScene
from game.scenes.title import TitleScene
from game.session import Session, Step


@pytest.fixture
def real_app(real_content):
    a = make_app(real_content)
    a.push(TitleScene(a))
    a.step([], 0)
    yield a
    pygame.display.quit()


@pytest.mark.parametrize("device", autoplay.DEVICES)
def test_full_session_with_one_device(real_app, device):
    bot = Bot(real_app, random.Random(11), device)
    assert bot.play_to_the_end(), f"{device}: the session did not end"


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def show(app, step, content):
    play = Play(Session(content, "all", [step], seed=0))
    scene = (QuestionScene if step.kind == "question" else ScenarioScene)(
        app, play, (content.questions if step.kind == "question" else content.scenarios)[step.id])
    app.reset_to(scene)
    app.step([], 0)
    return scene, play


def test_number_keys_answer_directly(app, mini_content):
    scene, play = show(app, Step("question", "q_single"), mini_content)
    app.step([key(pygame.K_2)], 0)
    assert scene.phase == "feedback"
    assert play.session.answers[0].choice_ids == ("b",) and play.session.answers[0].correct
    app.step([key(pygame.K_RETURN)], 0)  # « Continuer » has the focus
    assert isinstance(app.top, ResultsScene)


def test_several_answers_need_toggles_then_validate(app, mini_content):
    scene, play = show(app, Step("question", "q_multi"), mini_content)
    submit = scene.widget("submit")
    assert submit is not None and not submit.enabled  # nothing ticked yet
    app.step([key(pygame.K_1), key(pygame.K_2)], 0)
    assert scene.phase == "ask" and scene.selected == {"a", "b"}
    assert scene.widget("submit").enabled
    app.step([key(pygame.K_2), key(pygame.K_2)], 0)  # untick, tick again
    scene.set_focus("submit")
    app.step([key(pygame.K_SPACE)], 0)
    assert scene.phase == "feedback" and play.session.answers[0].correct


def test_estimate_with_arrows_and_with_a_drag(app, mini_content):
    scene, play = show(app, Step("question", "q_est"), mini_content)
    assert scene.focus_id == "slider" and scene.value == 100
    app.step([key(pygame.K_LEFT)] * 4, 0)
    assert scene.value == 60
    slider = scene.widget("slider")
    track = slider.track
    x0 = track.x + track.width * 150 // 200
    app.step([pygame.event.Event(pygame.FINGERDOWN, x=x0 / 1280, y=slider.rect.centery / 720, dx=0, dy=0,
                                 touch_id=1, finger_id=0, pressure=1)], 0)
    assert scene.value == 150
    app.step([pygame.event.Event(pygame.FINGERMOTION, x=track.x / 1280, y=slider.rect.centery / 720, dx=0, dy=0,
                                 touch_id=1, finger_id=0, pressure=1),
              pygame.event.Event(pygame.FINGERUP, x=track.x / 1280, y=slider.rect.centery / 720, dx=0, dy=0,
                                 touch_id=1, finger_id=0, pressure=0)], 0)
    assert scene.value == 0 and scene.phase == "ask"  # a drag does not validate
    app.step([key(pygame.K_RETURN)], 0)
    assert scene.phase == "feedback" and play.session.answers[0].value == 0
    assert not play.session.answers[0].correct


def test_scenario_choice_moves_the_gauges(app, mini_content):
    scene, play = show(app, Step("scenario", "s_phone"), mini_content)
    app.step([key(pygame.K_1)], 0)
    assert scene.phase == "consequence"
    assert play.run.indicators["co2e"] == 58  # the run's totals, carried to the next card
    carbon = next(mt for mt in scene.meters.meters if mt.indicator.id == "co2e")  # the card's meters (issue 16.4)
    assert carbon.value == 58
    assert app.step([], 0.1)  # still animating
    assert 0 < carbon.shown < 58
    app.step([], 1.0)
    assert carbon.shown == pytest.approx(58)
    assert not app.step([], 0.1)  # the animation has ended: nothing more to draw


def test_the_meters_are_the_only_gauges(app, mini_content):
    """The card's meters draw the run's totals: no second copy of them (the old strip's animator)
    and no strip built in the header that nothing draws (issue 16 review)."""
    import importlib.util

    scene, play = show(app, Step("scenario", "s_phone"), mini_content)
    assert not hasattr(play, "gauges") and not hasattr(scene, "strip")
    assert importlib.util.find_spec("game.ui.hud") is None
    app.step([key(pygame.K_1)], 0)
    app.step([], 1.0)
    nxt = ScenarioScene(app, play, mini_content.scenarios["s_phone"])  # the next card starts where this one ended
    assert next(mt for mt in nxt.meters.meters if mt.indicator.id == "co2e").value == 58


def test_escape_opens_pause_and_confirm_keeps_answers_safe(app, mini_content):
    scene, play = show(app, Step("question", "q_single"), mini_content)
    app.step([key(pygame.K_ESCAPE)], 0)
    assert isinstance(app.top, PauseScene)
    app.step([key(pygame.K_ESCAPE)], 0)  # Esc again resumes
    assert app.top is scene
    app.step([key(pygame.K_ESCAPE), key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_RETURN)], 0)
    assert isinstance(app.top, ConfirmScene)
    app.step([key(pygame.K_RETURN)], 0)  # the focused, safe answer is « Non »
    assert isinstance(app.top, PauseScene) and app.top.focus_id == "abandon"  # focus kept
    app.step([key(pygame.K_RETURN)], 0)
    confirm = app.top
    assert isinstance(confirm, ConfirmScene)
    confirm.set_focus("yes")
    app.step([key(pygame.K_RETURN)], 0)
    assert isinstance(app.top, TitleScene) and len(app.stack) == 1


def test_menu_button_pauses_by_touch(app, mini_content):
    scene, _play = show(app, Step("question", "q_single"), mini_content)
    menu = scene.widget("menu")
    x, y = menu.rect.center
    app.step([pygame.event.Event(pygame.FINGERDOWN, x=x / 1280, y=y / 720, dx=0, dy=0, touch_id=1, finger_id=0,
                                 pressure=1),
              pygame.event.Event(pygame.FINGERUP, x=x / 1280, y=y / 720, dx=0, dy=0, touch_id=1, finger_id=0,
                                 pressure=0)], 0)
    assert isinstance(app.top, PauseScene)


def test_a_click_released_elsewhere_does_nothing(app, mini_content):
    scene, play = show(app, Step("question", "q_single"), mini_content)
    first = scene.widget("choice:a")
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=first.rect.center, button=1, touch=False),
              pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(1, 1), button=1, touch=False)], 0)
    assert scene.phase == "ask" and not play.session.answers


def test_resize_relayouts(app, mini_content):
    scene, _ = show(app, Step("question", "q_single"), mini_content)
    pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    app.step([pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=600, size=(1024, 600))], 0)
    assert scene.metrics.width == 1024 and all(w.rect.right <= 1024 for w in scene.widgets)


def test_static_screen_draws_nothing(app):
    app.reset_to(TitleScene(app))
    app.step([], 0)
    drawn = app.frames_drawn
    for _ in range(20):
        app.step([], 0.1)
    assert app.frames_drawn == drawn
    app.step([key(pygame.K_TAB)], 0)
    assert app.frames_drawn == drawn + 1


def test_start_session_and_replay_wipes_the_session(real_app):
    start_session(real_app, "all")
    assert isinstance(real_app.top, QuestionScene) and len(real_app.stack) == 1


def test_autoplay_is_reproducible(real_content):
    out1, out2 = io.StringIO(), io.StringIO()
    autoplay.run(real_content, 3, 42, (1024, 600), out=out1)
    autoplay.run(real_content, 3, 42, (1024, 600), out=out2)
    assert out1.getvalue() == out2.getvalue()
    lines = [json.loads(line) for line in out1.getvalue().splitlines()]
    assert len(lines) == 3
    for line in lines:
        assert {"seed", "score", "indicators", "profile", "careers"} <= set(line)
        assert len(line["careers"]) == 3 and set(line["careers"]) <= set(real_content.careers)


def test_autoplay_cli_with_screenshots(tmp_path, capsys):
    from game.cli import main

    assert main(["autoplay", "--sessions", "2", "--seed", "5", "--size", "1080x1920",
                 "--screenshots", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(x)["seed"] for x in lines] == [5, 6]
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert any("results_careers" in s for s in shots) and any("question_feedback" in s for s in shots)
    assert pygame.image.load(str(tmp_path / shots[0])).get_size() == (1080, 1920)


def test_unexpected_error_returns_to_title_without_crashing(real_app):
    class Broken(TitleScene):
        def update(self, dt):
            raise RuntimeError("boom")

    real_app.reset_to(Broken(real_app))
    real_app.running = True
    real_app.on_frame = lambda a: a.quit()  # stop after the first frame drawn after recovery
    real_app.run()
    assert type(real_app.top) is TitleScene


def test_finished_and_abandoned_sessions_are_recorded(real_content, tmp_path):
    from game.scenes.overlays import PauseScene
    from game.storage import ResultsStore

    app = make_app(real_content)
    try:
        app.results = ResultsStore(tmp_path / "results.sqlite")
        app.push(TitleScene(app))
        assert Bot(app, random.Random(3), "keyboard").play_to_the_end()
        start_session(app, "all")
        scene = app.top
        q = scene.question
        scene.moved = True  # an estimate is confirmed once the slider has moved
        scene._submit([c.id for c in q.choices if c.correct][:1], q.estimate.answer if q.estimate else None)
        assert scene.phase == "feedback"
        app.push(PauseScene(app))
        app.top._abandon()
        stats = app.results.stats()
        assert (stats.sessions, stats.finished, stats.abandoned) == (2, 1, 1)
        assert sum(asked for _right, asked in stats.per_theme.values()) >= 2
    finally:
        pygame.display.quit()


def test_session_length_is_chosen_on_the_title(real_app):
    title = real_app.top
    title.draw(pygame.Surface((1280, 720)))
    lengths = []
    for _ in range(3):
        title.activate(title.widget("length"))
        title.draw(pygame.Surface((1280, 720)))
        start_session(real_app, "all")
        lengths.append(real_app.top.play.session.question_count)
        real_app.reset_to(title)
    assert sorted(lengths) == [6, 12, 18]
    real_app.apply_settings(type(real_app.settings)(), save=False)


@pytest.mark.parametrize("device", autoplay.DEVICES)
@pytest.mark.parametrize("start", [60, 0], ids=["starts-on-the-goal", "starts-away"])
def test_the_bot_moves_the_slider_before_it_confirms(app, mini_content, device, start):
    """A bot aiming at the right answer from a slider that starts on it (or away from it) moves the
    slider first, with its own device, and is never refused: « Valider » waits for a move."""
    scene, play = show(app, Step("question", "q_est", (), start), mini_content)
    assert scene.value == start and not scene.widget("submit").enabled
    bot = Bot(app, random.Random(2), device, bias=("eco_design",))
    for _ in range(80):
        if scene.phase == "feedback":
            break
        bot.act()
    assert scene.phase == "feedback" and scene.moved
    assert play.session.answers[0].value == 60 and play.session.answers[0].correct
