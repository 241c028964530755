"""Kiosk: attract screen, idle warning and reset with a fake clock, locked quit, PIN pad."""

import pygame
import pytest

from conftest import make_app
from game.scenes.kiosk import PIN_LOCK_SECONDS, AdminScene, AttractScene, IdleScene, KioskController, PinScene
from game.scenes.question import QuestionScene
from game.scenes.results import ResultsScene
from game.settings import Settings


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


@pytest.fixture
def kiosk(real_content):
    app = make_app(real_content)
    clock = FakeClock()
    app.clock = clock
    app.apply_settings(Settings(kiosk_idle_seconds=90, kiosk_results_idle_seconds=30,
                                kiosk_countdown_seconds=20, kiosk_admin_pin="2468"), save=False)
    app.kiosk = KioskController(app)
    app.push(AttractScene(app))
    app.step([], 0)
    yield app, clock
    pygame.display.quit()


def tap(x, y, size=(1280, 720)):
    return [pygame.event.Event(pygame.FINGERDOWN, x=x / size[0], y=y / size[1], dx=0, dy=0, touch_id=1,
                               finger_id=0, pressure=1),
            pygame.event.Event(pygame.FINGERUP, x=x / size[0], y=y / size[1], dx=0, dy=0, touch_id=1,
                               finger_id=0, pressure=0)]


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def test_a_touch_anywhere_starts_a_kiosk_session(kiosk):
    app, _ = kiosk
    app.step(tap(640, 300), 0)
    assert isinstance(app.top, QuestionScene)
    assert len(app.top.play.session.steps) == 11  # the kiosk length: 8 questions, 3 cards


def test_idle_warning_then_reset_wipes_the_session(kiosk):
    app, clock = kiosk
    app.step(tap(640, 300), 0)
    scene = app.top
    q = scene.question
    scene._submit([c.id for c in q.choices if c.correct][:1], q.estimate.answer if q.estimate else None)
    assert scene.play.session.answers
    clock.t += 89
    app.step([], 0)
    assert not isinstance(app.top, IdleScene)
    clock.t += 2
    app.step([], 0)
    assert isinstance(app.top, IdleScene)
    assert "20" in " ".join(tb.text for tb, _ in app.top.texts) or app.top.remaining() == 20
    clock.t += 19
    app.step([], 0)
    assert isinstance(app.top, IdleScene) and app.top.remaining() == 1
    clock.t += 1.5
    app.step([], 0)
    assert isinstance(app.top, AttractScene) and len(app.stack) == 1
    # nothing of the previous player is reachable any more
    assert not any(hasattr(s, "play") for s in app.stack)


def test_any_touch_dismisses_the_idle_warning(kiosk):
    app, clock = kiosk
    app.step(tap(640, 300), 0)
    question = app.top
    clock.t += 95
    app.step([], 0)
    assert isinstance(app.top, IdleScene)
    app.step(tap(10, 700), 0)
    assert app.top is question
    clock.t += 60
    app.step([], 0)
    assert app.top is question  # the idle time starts again from that touch


def test_results_screen_times_out_sooner(kiosk):
    from game.scenes.play import Play
    from game.session import Session

    app, clock = kiosk
    session = Session.start(app.content, "all", seed=1, length="kiosk")
    session.index = len(session.steps)  # played to the end: the results screen shows
    play = Play(session)
    app.reset_to(ResultsScene(app, play))
    app.kiosk.on_input()
    clock.t += 31
    app.step([], 0)
    assert isinstance(app.top, IdleScene)


def test_quit_shortcuts_do_nothing_in_kiosk(kiosk):
    app, _ = kiosk
    app.running = True
    app.step([pygame.event.Event(pygame.QUIT)], 0)
    app.step([key(pygame.K_ESCAPE)], 0)
    app.step([key(pygame.K_F4, pygame.KMOD_ALT)], 0)
    app.step([key(pygame.K_F11)], 0)
    assert app.running and app.top is not None


def test_pin_pad_and_its_lockout(kiosk):
    app, clock = kiosk
    app.step([key(pygame.K_a, pygame.KMOD_LCTRL | pygame.KMOD_LALT)], 0)
    assert isinstance(app.top, PinScene)
    for attempt in range(3):
        app.step([key(pygame.K_1), key(pygame.K_1), key(pygame.K_1), key(pygame.K_1), key(pygame.K_RETURN)], 0)
    assert app.kiosk.lock_remaining() == PIN_LOCK_SECONDS
    app.step([key(pygame.K_2), key(pygame.K_4), key(pygame.K_6), key(pygame.K_8)], 0)
    app.top.press("ok")
    assert isinstance(app.top, PinScene)  # locked: even the right PIN waits
    clock.t += PIN_LOCK_SECONDS + 1
    app.step([key(pygame.K_2), key(pygame.K_4), key(pygame.K_6), key(pygame.K_8)], 0)
    app.top.press("ok")
    assert isinstance(app.top, AdminScene)
    app.running = True
    app.top.draw(pygame.Surface((1280, 720)))
    app.top.on_activate(app.top.widget("quit"))
    assert not app.running


def test_admin_corner_gesture_opens_the_pin_pad(kiosk):
    app, clock = kiosk
    app.step([pygame.event.Event(pygame.FINGERDOWN, x=0.01, y=0.01, dx=0, dy=0, touch_id=1, finger_id=0,
                                 pressure=1)], 0)
    clock.t += 5.1
    app.step([], 0)
    assert isinstance(app.top, PinScene)


def test_the_pin_pad_is_usable_by_touch(kiosk):
    app, _ = kiosk
    app.push(PinScene(app))
    scene = app.top
    scene.draw(pygame.Surface((1280, 720)))
    for digit in "2468":
        w = scene.widget(f"key:{digit}")
        app.step(tap(*w.rect.center), 0)
    app.step(tap(*scene.widget("key:ok").rect.center), 0)
    assert isinstance(app.top, AdminScene)


def test_attract_language_buttons_do_not_start(kiosk):
    app, _ = kiosk
    scene = app.top
    scene.draw(pygame.Surface((1280, 720)))
    en = scene.widget("lang:en")
    app.step(tap(*en.rect.center), 0)
    assert isinstance(app.top, AttractScene) and app.language == "en"
    app.set_language("fr")


def test_with_reduced_motion_the_attract_screen_changes_its_fact_without_animating(kiosk):
    app, clock = kiosk
    app.apply_settings(app.settings.with_value("reduced_motion", True), save=False)
    scene = app.top
    app.step([], 0.1)
    first = scene.fact_index
    drawn = app.frames_drawn
    clock.t += 3
    assert not app.step([], 0.1)
    assert app.frames_drawn == drawn  # nothing pulses
    clock.t += 7
    assert not app.step([], 0.1)  # the next fact at once, no fade
    assert scene.fact_index == first + 1 and app.frames_drawn == drawn + 1
    clock.t += 0.3
    assert not app.step([], 0.1) and app.frames_drawn == drawn + 1


def run_attract(app, clock, seconds, hz=10):
    """The loop as it runs at rest: woken ``hz`` times a second. Returns the time of each frame
    drawn and how many steps asked to animate (the loop's 60 fps)."""
    times, animated = [], 0
    app.on_frame = lambda a: times.append(clock.t)
    for _ in range(round(seconds * hz)):
        clock.t += 1 / hz
        animated += bool(app.step([], 1 / hz))
    app.on_frame = None
    return times, animated


def test_the_attract_loop_fades_then_stays_still_but_for_the_pulse(kiosk):
    from game.scenes.kiosk import FACT_SECONDS, PULSE_FPS, TRANSITION_SECONDS

    app, clock = kiosk
    scene = app.top
    app.step([], 0)
    first, start = scene.fact_index, clock.t
    times, animated = run_attract(app, clock, FACT_SECONDS * 2 + 0.5)
    assert scene.fact_index == first + 2 and TRANSITION_SECONDS <= 0.6
    assert animated == 0  # never the 60 fps loop: frames come at the resting loop's pace
    assert len(times) <= (FACT_SECONDS * 2 + 1) * PULSE_FPS + 2 * (TRANSITION_SECONDS * 10 + 1)
    # Between the fades, the pulse only: PULSE_FPS frames a second, no more.
    calm = [t for t in times if start + TRANSITION_SECONDS + 0.2 < t < start + FACT_SECONDS - 0.1]
    assert len(calm) <= (FACT_SECONDS - TRANSITION_SECONDS) * PULSE_FPS + 1
    # During a fade, the card changes from one frame to the next; then it is still.
    scene.next_fact()
    frames = []
    for _ in range(8):
        clock.t += 0.1
        app.step([], 0.1)
        frames.append(app.screen.subsurface(scene.card).copy())
    def same(a, b):
        return all(a.get_at((x, y)) == b.get_at((x, y)) for x in range(0, a.get_width(), 7)
                   for y in range(0, a.get_height(), 7))
    assert not same(frames[0], frames[2])
    assert same(frames[6], frames[7]) and scene._fading is None
    # Far from a change, two frames differ only around the call to play: the pulse.
    clock.t = scene.fact_since + 3
    app.step([], 0.1)
    a = app.screen.copy()
    clock.t += 0.5
    app.step([], 0.1)
    b = app.screen.copy()
    halo = scene.call_rect.inflate(scene.metrics.gap * 4, scene.metrics.gap * 4)
    changed = [(x, y) for x in range(0, 1280, 6) for y in range(0, 720, 6) if a.get_at((x, y)) != b.get_at((x, y))]
    assert changed and all(halo.collidepoint(p) for p in changed)
    call = next(tb for tb, _c in scene.texts if tb.text == "Touche l'écran pour jouer")
    assert not any(call.bounds.collidepoint(p) or scene.call_icon.collidepoint(p) for p in changed)  # words stay


def test_a_fact_shows_its_theme_picture_colour_figure_and_source(kiosk):
    from game.ui.icons import shared

    app, _ = kiosk
    scene = app.top
    facts = scene.fact_entries()
    scene.fact_index = next(i for i, (fid, _t, _s) in enumerate(facts) if fid == "f_phone_200kg")
    scene.invalidate()
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)
    theme = shared().theme_of_fact("f_phone_200kg")
    colour = app.palette.theme_color(theme)
    texts = [tb.text for tb, _c in scene.texts]
    assert "200\u00a0kg" in texts and any(t.startswith("Source") for t in texts)
    box = scene.figure_box.bounds
    assert any(surface.get_at((x, y))[:3] == colour for x in range(box.x, box.right, 2) for y in range(box.y, box.bottom, 2))
    art = scene.art_rect  # the theme's picture on a tint of its colour, in its disc
    assert surface.get_at(art.center)[:3] != app.palette.panel
    said = scene.speech()
    assert app.content.themes[theme].title in said and shared().alt(shared().for_fact("f_phone_200kg")) in said
    assert said.count("200") == 2  # the sentence (twice: 200 g, 200 kg), never the figure read again


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_big_figure_is_always_a_piece_of_its_sentence(real_content, lang):
    import re

    from game.content.translate import apply
    from game.scenes.kiosk import headline_figure

    content = apply(real_content, lang) if lang != "fr" else real_content
    figures = {f.id: headline_figure(f.text) for f in content.facts.values()}
    for fid, figure in figures.items():
        text = content.facts[fid].text
        assert figure and figure in text and not re.fullmatch(r"(19|20)\d\d", figure), (fid, figure)
    assert figures["f_phone_200kg"].endswith("kg") and "62" in figures["f_illectronism_75"]


def test_the_admin_sets_the_kiosks_level_and_the_next_player_gets_it(kiosk):
    app, _ = kiosk
    app.push(AdminScene(app))
    scene = app.top
    scene.draw(pygame.Surface((1280, 720)))
    while app.settings.level != "college":
        scene.on_activate(scene.widget("level"))
        scene.draw(pygame.Surface((1280, 720)))
    assert "collège" in scene.widget("level").label
    from game.scenes.play import PlayScene, start_session

    start_session(app, "all")
    assert isinstance(app.top, PlayScene)
    steps = app.top.play.session.steps
    assert {app.content.questions[s.id].difficulty for s in steps if s.kind == "question"} == {"college"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_fact_fits_one_screen_at_every_size(kiosk, lang):
    from conftest import SIZES
    from layout_check import check_layout

    app, _ = kiosk
    app.set_language(lang)
    problems = []
    try:
        for size in SIZES:
            for i in range(len(app.content.facts)):
                scene = AttractScene(app)
                scene.fact_index = i
                problems += [f"{size} fact {i}: {p}" for p in check_layout(scene, size)]
                if scene.page_height != size[1]:
                    problems.append(f"{size} fact {i}: the page scrolls")
                if not pygame.Rect(0, 0, *size).contains(scene.card):
                    problems.append(f"{size} fact {i}: the card leaves the screen")
    finally:
        app.set_language("fr")
    assert not problems, "\n".join(problems[:20])


def test_the_admin_turns_the_measure_on_and_keeps_it(kiosk, tmp_path):
    from game.settings import SettingsStore

    app, _ = kiosk
    assert app.settings.kiosk_measure is False  # off at a kiosk unless its admin turns it on
    app.store = SettingsStore(tmp_path / "settings.toml")
    app.push(AdminScene(app))
    scene = app.top
    scene.draw(pygame.Surface((1280, 720)))
    assert scene.widget("measure").label == "Mesure avant/après\u00a0: non"
    scene.on_activate(scene.widget("measure"))
    scene.draw(pygame.Surface((1280, 720)))
    assert app.settings.kiosk_measure is True and scene.widget("measure").label == "Mesure avant/après\u00a0: oui"
    assert "kiosk_measure = true" in (tmp_path / "settings.toml").read_text(encoding="utf-8")
    for size in [(1024, 600), (1080, 1920)]:
        scene.draw(pygame.Surface(size))
        assert min(scene.widget("measure").rect.size) >= 44
    scene.on_activate(scene.widget("measure"))
    assert app.settings.kiosk_measure is False


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_admin_screen_keeps_its_words_whole_at_large_text(kiosk, lang):
    """At 150 and 200 % text « Quitter le jeu » and « Retour au jeu » were cut in a third of the row."""
    from layout_check import check_layout

    app, _ = kiosk
    app.set_language(lang)
    try:
        for scale in (1.5, 2.0):
            app.apply_settings(Settings(kiosk_admin_pin="2468", text_scale=scale, language=lang), save=False)
            for size in [(1280, 720), (1080, 1920)]:
                assert not check_layout(AdminScene(app), size), (scale, size)
    finally:
        app.set_language("fr")


def test_the_next_player_sees_the_loop_go_on_not_start_again(kiosk):
    app, clock = kiosk
    scene = app.top
    start = scene.fact_index
    clock.t += 10
    app.step([], 0.1)
    assert scene.fact_index == start + 1
    app.step(tap(640, 300), 0)  # a player, then the kiosk wipes the game
    app.kiosk.reset()
    assert isinstance(app.top, AttractScene) and app.top is not scene
    assert app.top.fact_index == start + 1
