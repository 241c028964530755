"""The title as a hub (issue 16.2): the logo, one big « Jouer », the modes and the languages smaller;
every button by keyboard, pad and touch; it fits at every size, in both languages, at 100 % and
200 % text. The theme list shows each theme's pictogram in its colour, its name in words."""

import pygame
import pytest

from conftest import SIZES, make_app
from game import input as inp
from game.scenes.themes import ThemeButton, ThemeScene
from game.scenes.title import TitleScene
from game.settings import Settings
from game.ui.layout import MIN_TARGET
from layout_check import check_layout

MODES = ("choose_theme", "classroom", "today", "sources", "settings", "quit")


@pytest.fixture(scope="module")
def app(real_content):
    a = make_app(real_content)
    yield a
    a.set_language("fr")
    a.apply_settings(Settings(), save=False)
    pygame.display.quit()


def laid_out(app, size, lang="fr", scale=1.0, scene_type=TitleScene):
    app.set_language(lang)
    app.apply_settings(Settings(text_scale=scale, language=lang), save=False)
    scene = scene_type(app)
    app.reset_to(scene)
    scene.draw(pygame.Surface(size))
    return scene


CASES = [(size, lang, scale) for size in SIZES for lang in ("fr", "en") for scale in (1.0, 2.0)]
IDS = [f"{w}x{h}-{lang}-{int(scale * 100)}" for (w, h), lang, scale in CASES]


@pytest.mark.parametrize("size,lang,scale", CASES, ids=IDS)
def test_the_hub_fits_with_play_first_and_largest(app, size, lang, scale):
    scene = laid_out(app, size, lang, scale)
    assert not check_layout(scene, size)
    ids = {w.id for w in scene.focusables()}
    assert {"play_all", "length", "level", "lang:fr", "lang:en", *MODES} <= ids
    play = scene.widget("play_all")
    assert play.style == "primary" and play.label in ("Jouer", "Play")
    assert play.rect.bottom <= size[1], "« Jouer » is in the first screen, even at large text"
    others = [w for w in scene.widgets if w is not play]
    assert all(play.rect.width * play.rect.height > w.rect.width * w.rect.height for w in others)
    assert all(min(w.rect.size) >= MIN_TARGET for w in scene.widgets)
    # The logo is drawn on its own: inside the page, on nothing else.
    logo = scene.logo_rect
    assert logo.height >= scene.metrics.heading * 2 and pygame.Rect(0, 0, size[0], scene.page_height).contains(logo)
    assert not any(logo.colliderect(w.rect) for w in scene.widgets)
    assert not any(tb.bounds.width and logo.colliderect(tb.bounds) for tb, _c in scene.texts)
    assert scene.focus_id == "play_all"
    if scale == 1.0:
        assert scene.page_height == size[1], "at 100 % text the hub is one screen"


@pytest.mark.parametrize("size,lang,scale", CASES[::3], ids=IDS[::3])
def test_the_arrows_reach_every_button(app, size, lang, scale):
    """A pad's D-pad (or the arrow keys) alone reaches every button from « Jouer »."""
    scene = laid_out(app, size, lang, scale)
    seen, todo = set(), ["play_all"]
    while todo:
        wid = todo.pop()
        if wid in seen:
            continue
        seen.add(wid)
        for kind in (inp.UP, inp.DOWN, inp.LEFT, inp.RIGHT):
            scene.focus_id = wid
            scene.handle(inp.Intent(kind, device="gamepad"))
            todo.append(scene.focus_id)
    assert seen == {w.id for w in scene.focusables()}


def test_the_languages_are_buttons_named_in_their_own_language(app):
    scene = laid_out(app, (1280, 720))
    fr, en = scene.widget("lang:fr"), scene.widget("lang:en")
    assert (fr.label, en.label) == ("Français", "English") and not fr.toggle and not en.toggle
    assert fr.selected and not en.selected and "langue choisie" in fr.alt
    assert max(fr.rect.height, en.rect.height) < scene.widget("play_all").rect.height


def test_a_tap_on_english_switches_and_leaves_the_focus_on_play(app):
    scene = laid_out(app, (1280, 720))
    scene.focus_id = "today"
    en = scene.widget("lang:en")
    app.step([pygame.event.Event(pygame.FINGERDOWN, x=en.rect.centerx / 1280, y=en.rect.centery / 720, dx=0, dy=0,
                                 touch_id=1, finger_id=0, pressure=1),
              pygame.event.Event(pygame.FINGERUP, x=en.rect.centerx / 1280, y=en.rect.centery / 720, dx=0, dy=0,
                                 touch_id=1, finger_id=0, pressure=0)], 0)
    assert app.language == "en" and app.top is scene and scene.focus_id == "play_all"
    scene.ensure_layout((1280, 720))
    assert scene.widget("lang:en").selected and scene.widget("play_all").label == "Play"
    app.set_language("fr")


@pytest.mark.parametrize("wid,scene_name", [("choose_theme", "themes"), ("today", "today"), ("sources", "sources"),
                                            ("settings", "settings")])
def test_each_mode_opens_its_screen_by_touch(app, wid, scene_name):
    size = app.screen.get_size()
    scene = laid_out(app, size)
    w = scene.widget(wid)
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=w.rect.center, button=1),
              pygame.event.Event(pygame.MOUSEBUTTONUP, pos=w.rect.center, button=1)], 0)
    assert app.top is not scene and app.top.name == scene_name, (size, w.rect)


def test_read_aloud_names_the_logo_picture(app):
    scene = laid_out(app, (1280, 720))
    from game.ui.icons import shared

    said = scene.speech()
    assert said.startswith("Numérique en jeu") and shared().alt("device-gamepad-2") in said


def test_the_logo_is_drawn(app):
    scene = laid_out(app, (1280, 720))
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)
    logo = scene.logo_rect
    colours = {surface.get_at((x, y))[:3] for x in range(logo.x, logo.right, 4) for y in range(logo.y, logo.bottom, 4)}

    def near(rgb):
        return any(max(abs(a - b) for a, b in zip(rgb, c)) <= 3 for c in colours)

    assert sum(near(rgb) for _tid, rgb in app.palette.themes) >= 8  # the wheel of the themes' colours
    assert app.palette.primary in colours  # « en jeu » in its pill


def test_the_theme_list_shows_each_pictogram_in_its_colour(app):
    scene = laid_out(app, (1280, 720), scene_type=ThemeScene)
    surface = pygame.Surface((1280, scene.page_height))
    scene.paint(surface)
    from game.ui.icons import shared
    from game.scenes.themes import badge_side

    buttons = [w for w in scene.widgets if w.id.startswith("theme:")]
    assert buttons and all(isinstance(b, ThemeButton) for b in buttons)
    for b in buttons:
        colour = app.palette.theme_color(b.theme_id)
        side = badge_side(scene.metrics)
        disc_left = b.rect.x + max(8, scene.metrics.gap)
        ring = [(disc_left + 2 + dx, b.rect.centery) for dx in range(3)]
        assert any(surface.get_at(p)[:3] == colour for p in ring), b.id
        assert b.label == app.content.themes[b.theme_id].title  # the name, in words
        assert shared().alt(shared().for_theme(b.theme_id)) in b.alt
        assert side < b.text_boxes[0].box.x - b.rect.x  # the words start after the disc
    chosen = buttons[0]
    scene.on_activate(chosen)
    scene.ensure_layout((1280, 720))
    assert next(w for w in scene.widgets if w.id == chosen.id).alt.endswith("choisi")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hub_themes_and_attract_keep_every_word_with_the_reading_settings(app, lang):
    """Large text, wide line spacing, the dyslexia font and high contrast together: the theme list's
    heading and its « Commencer » row, and the kiosk's « Touch the screen to play », were cut."""
    from game.scenes.kiosk import AttractScene, KioskController

    app.set_language(lang)
    problems = []
    try:
        for scale in (1.5, 2.0):
            app.apply_settings(Settings(text_scale=scale, line_spacing=1.5, dyslexia_font=True, high_contrast=True,
                                        kiosk_admin_pin="739154", language=lang), save=False)
            app.kiosk = KioskController(app)
            for size in [(1080, 1920), (1280, 720), (1024, 600)]:
                for make in (TitleScene, ThemeScene, lambda a: ThemeScene(a, on_done=lambda t: None), AttractScene):
                    scene = make(app)
                    problems += [f"{scale} {size} {scene.name}: {p}" for p in check_layout(scene, size)]
                    problems += [f"{scale} {size} {scene.name}: {w.id} too small" for w in scene.widgets
                                 if min(w.rect.size) < MIN_TARGET]
    finally:
        app.kiosk = None
        app.apply_settings(Settings(), save=False)
        app.set_language("fr")
    assert not problems, "\n".join(problems[:20])


def test_every_button_of_the_hub_is_translated(app):
    """In English, no label of the hub stays French (the modes' labels are a module constant:
    they must be marked for the catalog, or the extraction drops their translations)."""
    french = {w.id: w.label for w in laid_out(app, (1280, 720), "fr").focusables()}
    english = {w.id: w.label for w in laid_out(app, (1280, 720), "en").focusables()}
    same_words = {"sources", "lang:fr", "lang:en"}  # « Sources » is the same word; language names
    unchanged = sorted(wid for wid in french if wid not in same_words and french[wid] == english.get(wid))
    assert not unchanged, unchanged
    assert english["quit"] == "Quit" and english["choose_theme"] == "Themes"
