"""The title's level choice reaches the session (issue 14.4); after a language change, Enter plays
(issue 13.8)."""

import pygame
import pytest

from conftest import make_app
from game import input as inp
from game.scenes.play import PlayScene
from game.scenes.title import TitleScene


@pytest.fixture
def app(real_content, tmp_path, monkeypatch):
    monkeypatch.setenv("NEJ_CONFIG_DIR", str(tmp_path))
    a = make_app(real_content)
    a.reset_to(TitleScene(a))
    yield a
    a.set_language("fr")
    pygame.display.quit()


def press(app, wid):
    scene = app.top
    scene.ensure_layout(app.screen.get_size())
    scene.on_activate(scene.widget(wid))


def test_the_level_cycles_and_deals_that_level_only(app):
    assert app.settings.level == "adulte"
    press(app, "level")
    assert app.settings.level == "college"
    app.top.ensure_layout(app.screen.get_size())
    assert "collège" in app.top.widget("level").label
    press(app, "play_all")
    scene = app.top
    assert isinstance(scene, PlayScene)
    session = scene.play.session
    assert session.level == "college"
    dealt = [app.content.questions[s.id].difficulty for s in session.steps if s.kind == "question"]
    assert dealt and set(dealt) == {"college"}


def test_a_level_short_of_items_says_so_on_the_first_item(app):
    # One theme at collège level: fewer collège questions than a theme session asks for.
    theme = min(app.content.themes, key=lambda t: sum(
        q.theme == t and q.difficulty == "college" for q in app.content.questions.values()))
    app.apply_settings(app.settings.with_value("level", "college"), save=False)
    from game.scenes.play import start_session

    start_session(app, theme)
    scene = app.top
    scene.ensure_layout(app.screen.get_size())
    texts = " ".join(tb.text for tb, _c in scene.texts)
    if scene.play.session.short_by:
        assert "la partie est plus courte" in texts
    else:
        pytest.skip(f"every theme has enough collège questions (smallest: {theme})")


def test_after_a_language_change_enter_plays(app):
    press(app, "lang:en")
    assert app.language == "en" and app.top.focus_id == "play_all"
    app.top.handle(inp.Intent(inp.CONFIRM))
    assert isinstance(app.top, PlayScene) and app.language == "en"


def test_the_mouse_hover_is_drawn_unlike_the_keyboard_focus(app):
    from game.scenes.settings import SettingsScene

    scene = SettingsScene(app)
    app.push(scene)
    size = app.screen.get_size()
    scene.ensure_layout(size)
    target = scene.focusables()[1]
    scene.handle(inp.Intent(inp.NEXT))  # keyboard: the ring
    assert scene.show_focus and not scene.hovered
    scene.handle(inp.Intent(inp.POINTER_MOVE, device="mouse", pos=target.rect.center))
    assert scene.focus_id == target.id and scene.hovered

    def ring_pixels(surface):
        m = scene.metrics
        gap = max(2, m.ring // 2)  # where draw_focus_ring puts its outline
        outer = target.rect.inflate(2 * (gap + m.ring), 2 * (gap + m.ring))
        focus = tuple(app.palette.focus[:3])
        row = outer.top + m.ring // 2
        return sum(tuple(surface.get_at((x, row))[:3]) == focus for x in range(outer.left + 20, outer.right - 20))

    hover = pygame.Surface(size)
    scene.paint(hover)
    scene.handle(inp.Intent(inp.NEXT))
    scene.handle(inp.Intent(inp.PREV))  # the keyboard back on the same widget: the ring again
    assert scene.focus_id == target.id and not scene.hovered
    ring = pygame.Surface(size)
    scene.paint(ring)
    assert ring_pixels(ring) > 10 and ring_pixels(hover) == 0


def test_the_pad_reaches_both_halves_of_a_shared_row(app):
    """Length and level share a row under « Jouer »: the D-pad reaches each of them (before, down from
    « Mode classe » jumped to « Réglages », and right from « Durée » went back up), and down from
    them goes on to the modes, up back to « Jouer »."""
    scene = app.top
    scene.ensure_layout(app.screen.get_size())
    if scene.widget("length").rect.y != scene.widget("level").rect.y:
        pytest.skip("length and level have a row each at this size")
    scene.focus_id = "play_all"
    scene.handle(inp.Intent(inp.DOWN, device="gamepad"))
    assert scene.focus_id in ("length", "level")
    scene.focus_id = "length"
    scene.handle(inp.Intent(inp.RIGHT, device="gamepad"))
    assert scene.focus_id == "level"
    scene.handle(inp.Intent(inp.LEFT, device="gamepad"))
    assert scene.focus_id == "length"
    scene.handle(inp.Intent(inp.DOWN, device="gamepad"))
    below = scene.widget(scene.focus_id).rect
    assert scene.focus_id in ("choose_theme", "classroom", "today") and below.y > scene.widget("length").rect.bottom
    scene.focus_id = "level"
    scene.handle(inp.Intent(inp.UP, device="gamepad"))
    assert scene.focus_id == "play_all"
