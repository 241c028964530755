"""The facilitator's window (issue 17.4): a second pygame window during a class game, with the
notes, what comes next, who has answered and the controls, while the projector shows the public
view. Driven with SDL's dummy video driver, which opens real windows off screen."""

from __future__ import annotations

import pygame
import pytest

from game import input as inp
from game.classroom import ClassConfig, default_teams
from game.scenes.classroom import console as console_mod
from game.scenes.classroom.item import ClassItemScene
from game.scenes.classroom.setup import ClassSetupScene, start_class
from game.scenes.title import TitleScene
from layout_check import check_layout
from conftest import make_app


@pytest.fixture
def app(real_content):
    a = make_app(real_content)
    yield a
    if a.console is not None:  # before SDL goes: a window freed after pygame.display.quit() crashes
        a.console.close()
        a.console = None
    pygame.display.quit()


def class_game(app, console="on", teams=3):
    app.reset_to(TitleScene(app))
    start_class(app, ClassConfig(default_teams(teams), console=console))
    app.class_config = app.top.run.config
    app.step([], 0)
    return app.top


def click(app, widget, window):
    x, y = widget.rect.center
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.step([pygame.event.Event(kind, pos=(x, y), button=1, window=window)], 0)


def console_widget(app, wid):
    scene = app.console.scene
    scene.draw(app.console.window.get_surface())
    w = scene.widget(wid)
    assert w is not None, f"no {wid} on the facilitator's window: {[x.id for x in scene.widgets]}"
    return w


def test_a_class_game_set_to_on_opens_a_second_window_and_the_projector_knows(app):
    scene = class_game(app)
    assert isinstance(scene, ClassItemScene)
    assert app.console is not None
    assert app.console.window.size == console_mod.SIZE
    assert scene.ctx.console is app.console  # the projector's public view keys on it
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1, window=app.console.window)], 0)
    assert app.mapper.translate(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(5, 5), button=1,
                                                   window=app.console.window))[0].window == app.console.window_id


def test_auto_opens_it_only_with_two_screens(app, monkeypatch):
    class_game(app, console="auto")
    assert app.console is None  # the dummy driver has one screen
    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 2)
    app.step([], 0)
    assert app.console is not None
    app.reset_to(TitleScene(app))
    app.step([], 0)
    assert app.console is None  # no class game on the stack: closed


def test_off_never_opens_it(app, monkeypatch):
    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 2)
    class_game(app, console="off")
    assert app.console is None


def test_its_buttons_key_a_teams_answer_and_reveal_through_the_run(app):
    scene = class_game(app)
    run = scene.run
    window = app.console.window
    while run.kind not in ("single", "truefalse"):
        run.skip(confirmed=True)
        scene = app.top
        app.step([], 0)
    choices = scene.choices
    click(app, console_widget(app, "team:1"), window)
    assert run.current == 1
    click(app, console_widget(app, f"choice:{choices[1].id}"), window)
    assert run.entry(1) is not None and tuple(run.entry(1).answer.choice_ids) == (choices[1].id,)
    assert run.entry(0) is None  # only the team chosen on the facilitator's window
    click(app, console_widget(app, "reveal"), window)
    if run.phase != "reveal":  # the run asks before revealing with teams missing: « Oui »
        click(app, console_widget(app, "yes"), window)
    assert run.phase == "reveal"


def test_a_click_on_the_projector_at_the_same_place_does_not_act_for_the_console(app):
    scene = class_game(app)
    run = scene.run
    reveal = console_widget(app, "reveal")
    x, y = reveal.rect.center
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):  # no window: the game's own
        app.step([pygame.event.Event(kind, pos=(x, y), button=1)], 0)
    hit = next((w for w in app.top.widgets if w.rect.collidepoint(x, y)), None)
    assert run.phase == "ask" or (hit is not None and hit.id == "reveal")


def test_it_shows_the_right_answer_the_notes_the_source_and_what_comes_next(app):
    scene = class_game(app)
    run = scene.run
    last = len(run.classroom.session.steps) - 1
    while not (run.step.kind == "question" and scene.item.facilitator_notes) and run.step_index < last - 1:
        run.skip(confirmed=True)
        scene = app.top
        app.step([], 0)
    assert scene.item.facilitator_notes, "the deal has no question with notes"
    console_widget(app, "menu")
    cscene = app.console.scene
    words = " ".join(tb.text for tb, _c in cscene.texts)
    assert scene.item.facilitator_notes in words
    source = app.content.sources.get(scene.item.source or "")
    assert source is None or source.short_label in words
    nxt = run.classroom.session.steps[run.step_index + 1]
    nxt_item = app.content.questions.get(nxt.id) or app.content.scenarios[nxt.id]
    assert (getattr(nxt_item, "prompt", None) or nxt_item.title) in words
    if scene.item.type in ("single", "multiple", "truefalse"):
        right = [w for w in cscene.widgets if w.id.startswith("choice:") and w.marker == "right"]
        assert {w.id.split(":", 1)[1] for w in right} == {c.id for c in scene.item.choices if c.correct}
        assert all("bonne réponse" in w.status for w in right)  # in words, not only the tick's colour


def test_who_answered_is_shown_never_what(app):
    scene = class_game(app)
    run = scene.run
    while run.kind != "single":
        run.skip(confirmed=True)
        scene = app.top
        app.step([], 0)
    run.select_team(0)
    run.choose(scene.choices[0].id)
    app.step([], 0)
    team0 = console_widget(app, "team:0")
    assert team0.trailing_check and "a répondu" in team0.status
    assert scene.choices[0].text not in team0.status + team0.label
    assert not console_widget(app, "team:1").trailing_check


def test_over_the_scores_it_offers_that_screens_buttons(app):
    scene = class_game(app)
    scene.command("scores")
    top = app.top
    assert top is not scene
    app.step([], 0)
    cscene = app.console.scene
    cscene.draw(app.console.window.get_surface())
    ids = {w.id for w in cscene.widgets}
    top_ids = {w.id for w in top.widgets if getattr(w, "label", "") and w.enabled}
    assert ids == top_ids and ids
    back = next(w for w in cscene.widgets)
    click(app, back, app.console.window)
    assert app.top is not top or app.top is scene


def test_keys_typed_on_it_act_as_on_the_projector(app):
    scene = class_game(app)
    run = scene.run
    wid = app.console.window_id
    app.step([], 0)
    for i in app.mapper.translate(pygame.event.Event(pygame.TEXTINPUT, text="r", window=app.console.window)):
        assert i.window == wid
    before = run.phase
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="r", window=app.console.window)], 0)
    if app.top is not scene:  # a confirmation over the item: it asks before revealing
        app.step([], 0)
        assert app.console.scene.focus_id == app.top.focus_id  # the same answer is ready on both
        click(app, console_widget(app, "yes"), app.console.window)
    assert before == "ask" and run.phase == "reveal"


def test_closing_it_keeps_the_game_and_does_not_reopen_it(app):
    scene = class_game(app)
    app.step([pygame.event.Event(pygame.WINDOWCLOSE, window=app.console.window)], 0)
    assert app.console is None
    assert app.running is False or app.top is scene  # the game goes on
    app.step([], 0)
    assert app.console is None  # closed by hand: not again for this game
    assert scene.ctx.console is None


def test_closing_the_game_window_with_the_console_open_quits(app):
    class_game(app)
    app.running = True
    app.step([pygame.event.Event(pygame.WINDOWCLOSE)], 0)
    assert app.running is False


@pytest.mark.parametrize("size", [(1280, 800), (1024, 600), (1920, 1080), (800, 1280)])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_its_pages_fit(app, size, lang):
    app.set_language(lang)
    scene = class_game(app, teams=8)
    app.console.window.size = size
    cscene = app.console.scene
    for _ in range(4):
        cscene.refresh()
        problems = check_layout(cscene, size)
        assert not problems, (size, lang, scene.run.kind, problems[:3])
        scene.run.skip(confirmed=True)
        scene = app.top
        app.step([], 0)


def test_wanted_reads_the_top_most_class_game():
    assert console_mod.wanted([], lambda: 2) is None
    assert console_mod.wanted([ClassSetupScene.__new__(ClassSetupScene)], lambda: 2) is None


def test_the_set_up_offers_the_window_only_with_two_screens(app, monkeypatch):
    setup = ClassSetupScene(app)
    app.push(setup)
    app.step([], 0)
    assert setup.widget("console") is None  # one screen: the facilitator pad is the way
    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 2)
    setup.invalidate()
    app.step([], 0)
    button = setup.widget("console")
    assert button is not None and setup.config().console == "auto"
    setup.activate(button)
    assert setup.config().console == "off"
    app.step([], 0)
    assert "non" in setup.widget("console").label


def test_autoplay_plays_a_class_game_through_the_facilitators_window(app, tmp_path):
    """The bot has no button on the projector's public view: every press goes through the window."""
    import io

    from game import autoplay

    app.settings = app.settings.with_value("length", "short")
    app.screens = 2  # as ``autoplay --console`` does
    pressed = []
    original = autoplay.FacilitatorBot._on_console
    monkey = pytest.MonkeyPatch()
    monkey.setattr(autoplay.FacilitatorBot, "_on_console", lambda bot: (pressed.append(1), original(bot)))
    try:
        row = autoplay.play_class_session(app, 0, 5, None, io.StringIO())
    finally:
        monkey.undo()
    assert row["mode"] == "classroom" and len(pressed) >= row["items"] * 2  # answers, reveal, pages, next


def test_f11_on_it_goes_full_screen_only_on_a_screen_of_its_own(app, monkeypatch):
    """On the game's own screen a full-screen facilitator's window would cover the projector's
    view (and SDL swaps the game window's surface under it): it is only maximised."""
    class_game(app)
    f11 = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0,
                             window=app.console.window)
    app.step([f11], 0)
    assert not app.console.fullscreen and not app.fullscreen  # nor the game's window
    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 2)
    app.step([f11], 0)
    assert app.console.fullscreen and not app.fullscreen
    assert app.screen is pygame.display.get_surface()
    app.step([f11], 0)
    assert not app.console.fullscreen
