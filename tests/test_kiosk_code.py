"""The first kiosk start: the admin code chosen on a pad, typed twice, kept as a hash (issue 15.5)."""

import pygame
import pytest

from conftest import make_app
from game import i18n
from game.scenes.kiosk import AttractScene, KioskController
from game.scenes.kiosk_code import KioskCodeScene
from game.settings import Settings, SettingsStore
from game.ui.theme import DEFAULT, HIGH_CONTRAST, contrast


@pytest.fixture
def setup(mini_content, tmp_path):
    app = make_app(mini_content)
    app.store = SettingsStore(path=tmp_path / "settings.toml", writable=False)  # a kiosk's store
    app.apply_settings(Settings(), save=False)
    app.kiosk = KioskController(app)
    app.push(AttractScene(app))
    app.push(KioskCodeScene(app))
    app.step([], 0)
    yield app
    i18n.set_language("fr")
    pygame.display.quit()


def key(k):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def digits(text):
    return [key(getattr(pygame, f"K_{d}")) for d in text]


def tap(x, y, size=(1280, 720)):
    return [pygame.event.Event(t, x=x / size[0], y=y / size[1], dx=0, dy=0, touch_id=1, finger_id=0,
                               pressure=p) for t, p in ((pygame.FINGERDOWN, 1), (pygame.FINGERUP, 0))]


def pad_button(button=0):
    return pygame.event.Event(pygame.JOYBUTTONDOWN, button=button, joy=0, instance_id=0)


def pad_hat(x, y):
    return pygame.event.Event(pygame.JOYHATMOTION, value=(x, y), hat=0, joy=0, instance_id=0)


def test_by_keyboard_a_code_typed_twice_is_kept_as_a_hash(setup):
    app = setup
    scene = app.top
    app.step(digits("5821") + [key(pygame.K_RETURN)], 0)
    assert scene.stage == "again"
    app.step(digits("5821") + [key(pygame.K_RETURN)], 0)
    assert scene.stage == "done" and app.settings.check_admin_code("5821")
    text = app.store.path.read_text(encoding="utf-8")
    assert "kiosk_admin_hash" in text and "5821" not in text
    assert str(app.store.path) in scene.instruction()
    app.step([key(pygame.K_RETURN)], 0)  # « Ouvrir la borne »
    assert isinstance(app.top, AttractScene)


def test_by_touch(setup):
    app = setup
    scene = app.top
    for _round in range(2):
        scene.draw(pygame.Surface((1280, 720)))
        for d in "80417":
            app.step(tap(*scene.widget(f"key:{d}").rect.center), 0)
        app.step(tap(*scene.widget("key:erase").rect.center), 0)  # 8041
        app.step(tap(*scene.widget("key:ok").rect.center), 0)
    assert scene.stage == "done" and app.settings.check_admin_code("8041")


def test_by_gamepad(setup):
    """The focus starts on 1; the hat moves it over the pad and A presses the focused key."""
    app = setup
    scene = app.top
    scene.draw(pygame.Surface((1280, 720)))
    assert scene.focus_id == "key:1"
    for _round in range(2):
        scene.draw(pygame.Surface((1280, 720)))
        scene.set_focus("key:1")
        # 1, 5 (down-right), 9 (down-right), then 0 (down, left... ) and Valider
        events = [pad_button(), pad_hat(0, -1), pad_hat(1, 0), pad_button(), pad_hat(0, -1), pad_hat(1, 0),
                  pad_button(), pad_hat(0, -1), pad_hat(-1, 0), pad_button(), pad_hat(1, 0), pad_button()]
        for event in events:
            app.step([event], 0)
            scene.draw(pygame.Surface((1280, 720)))
    assert scene.stage == "done" and app.settings.check_admin_code("1590")


@pytest.mark.parametrize("first,second,why", [("1234", None, "deviner"), ("0000", None, "deviner"),
                                              ("2468", None, "connu"), ("12", None, "court"), ("", None, "vide"),
                                              ("5821", "5812", "différents")])
def test_a_weak_short_empty_default_or_different_code_is_refused_with_a_reason(setup, first, second, why):
    app = setup
    scene = app.top
    app.step(digits(first) + [key(pygame.K_RETURN)], 0)
    if second is not None:
        app.step(digits(second) + [key(pygame.K_RETURN)], 0)
    assert scene.stage == "first" and why in scene.message
    scene.draw(pygame.Surface((1280, 720)))
    assert any(why in tb.text for tb, _c in scene.texts)  # said on the screen, not by a colour
    assert not app.settings.kiosk_admin_hash and not app.store.path.exists()


def test_escape_only_erases_and_idle_never_resets_the_set_up(setup):
    app = setup
    scene = app.top
    app.step(digits("58") + [key(pygame.K_ESCAPE)], 0)
    assert app.top is scene and scene.typed == "5"
    app.step([key(pygame.K_BACKSPACE)], 0)
    assert scene.typed == ""
    app.clock = lambda: 10_000.0  # long after the idle limit
    app.step([], 0)
    assert app.top is scene


def test_an_unwritable_settings_file_keeps_the_code_for_this_run_and_says_so(setup, tmp_path):
    app = setup
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    app.store = SettingsStore(path=blocker / "settings.toml", writable=False)
    scene = app.top
    app.step(digits("5821") + [key(pygame.K_RETURN)] + digits("5821") + [key(pygame.K_RETURN)], 0)
    assert scene.stage == "done" and app.settings.check_admin_code("5821")
    assert "kiosk-code" in scene.instruction()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)], ids=["1024x600", "1280x720"])
@pytest.mark.parametrize("stage", ["first", "refused", "done"])
def test_the_pad_fits_with_big_targets_in_both_languages(setup, lang, size, stage):
    app = setup
    app.set_language(lang)
    scene = app.top
    if stage == "refused":
        scene.press("1"), scene.press("ok")
    elif stage == "done":
        for code in ("5821", "5821"):
            for d in code:
                scene.press(d)
            scene.press("ok")
    scene.draw(pygame.Surface(size))
    assert scene._problems() == 0  # nothing cut, overlapping or off the panel
    assert scene.widgets and all(w.rect.width >= 44 and w.rect.height >= 44 for w in scene.widgets)
    if stage != "done":
        assert {w.id for w in scene.widgets} >= {f"key:{d}" for d in "0123456789"} | {"key:ok", "key:erase"}
    if lang == "en":
        said = " ".join(tb.text for tb, _c in scene.texts) + " ".join(w.label for w in scene.widgets)
        assert "borne" not in said and "Valider" not in said  # translated


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=["default", "high_contrast"])
def test_its_texts_have_at_least_4_5_to_1_contrast(palette):
    for colour in (palette.text, palette.muted):
        assert contrast(colour, palette.background) >= 4.5
    assert contrast(palette.on_primary, palette.primary) >= 4.5
