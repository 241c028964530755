"""Settings: saved and read back, applied at once; broken or unwritable files never stop the game."""

import shutil

import pygame
import pytest

from conftest import MINI, make_app
from game import input as inp
from game.scenes.settings import SettingsScene
from game.scenes.title import TitleScene
from game.settings import MENU, Settings, SettingsStore, dumps


def test_round_trip(tmp_path):
    store = SettingsStore(tmp_path / "settings.toml")
    s = Settings(text_scale=1.5, high_contrast=True, language="en", kiosk_admin_pin="9911")
    assert store.save(s)
    again = SettingsStore(tmp_path / "settings.toml")
    assert again.load() == s and again.messages == []
    assert again.load().check_admin_code("9911")
    assert "9911" not in (tmp_path / "settings.toml").read_text(encoding="utf-8")  # only its hash


def test_example_file_is_valid():
    from conftest import ROOT

    store = SettingsStore(ROOT / "docs" / "settings.example.toml")
    assert store.load() == Settings()
    assert store.messages == []


def test_corrupted_file_gives_defaults_and_says_so(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("text_scale = = 2\n", encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.messages and str(path) in store.messages[0]
    path.write_text('text_scale = "big"\nhigh_contrast = true\nnonsense = 1\n', encoding="utf-8")
    store = SettingsStore(path)
    loaded = store.load()
    assert loaded.high_contrast and loaded.text_scale == 1.0  # the good values are kept
    assert len(store.messages) == 2


def test_unwritable_folder_means_playing_without_saving(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = SettingsStore(blocker / "sub" / "settings.toml")
    assert not store.save(Settings())
    assert not store.writable and store.messages


def test_kiosk_never_writes(tmp_path):
    store = SettingsStore(tmp_path / "settings.toml", writable=False)
    assert not store.save(Settings(text_scale=2.0))
    assert not (tmp_path / "settings.toml").exists()


def test_dumps_is_flat_toml():
    import tomllib

    want = {k: v for k, v in Settings().__dict__.items() if k != "kiosk_admin_pin"}  # never written
    assert tomllib.loads(dumps(Settings())) == want


@pytest.fixture
def app(mini_content, tmp_path):
    a = make_app(mini_content)
    a.store = SettingsStore(tmp_path / "settings.toml")
    a.push(TitleScene(a))
    a.step([], 0)
    yield a
    a.apply_settings(Settings(), save=False)
    pygame.display.quit()


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def test_shift_a_opens_settings_from_any_screen_and_values_apply_at_once(app):
    app.step([key(pygame.K_a, pygame.KMOD_LSHIFT)], 0)
    scene = app.top
    assert isinstance(scene, SettingsScene)
    app.step([key(pygame.K_a, pygame.KMOD_LSHIFT)], 0)
    assert sum(isinstance(s, SettingsScene) for s in app.stack) == 1  # not opened twice
    scene.draw(pygame.Surface((1280, 720)))
    body_before = scene.metrics.body
    scene.set_focus("set:text_scale")
    app.step([key(pygame.K_RETURN)], 0)
    assert app.settings.text_scale == 1.25
    scene.draw(pygame.Surface((1280, 720)))
    assert scene.metrics.body > body_before
    assert SettingsStore(app.store.path).load().text_scale == 1.25  # saved
    scene.set_focus("set:high_contrast")
    app.step([key(pygame.K_RETURN)], 0)
    assert app.palette.background == (0, 0, 0)
    app.step([key(pygame.K_ESCAPE)], 0)
    assert isinstance(app.top, TitleScene)


def test_every_setting_cycles_through_its_values(app):
    scene = SettingsScene(app)
    app.push(scene)
    for choice in MENU:
        if choice.key == "read_aloud" and not app.speaker.available:
            continue
        seen = []
        for _ in choice.values:
            scene.draw(pygame.Surface((1280, 720)))
            while scene.widget(f"set:{choice.key}") is None:  # on another page
                scene.page = (scene.page + 1) % scene.pages
                scene.invalidate()
                scene.draw(pygame.Surface((1280, 720)))
            scene.activate(scene.widget(f"set:{choice.key}"))
            seen.append(getattr(app.settings, choice.key))
        assert sorted(map(str, seen)) == sorted(map(str, choice.values)), choice.key


class FakeSpeaker:
    available = True

    def __init__(self):
        self.spoken = []

    def say(self, text, lang):
        self.spoken.append((lang, text))

    def stop(self):
        pass


def test_read_aloud_says_the_question_then_the_focused_answer(app, mini_content):
    from game.scenes.play import Play
    from game.scenes.question import QuestionScene
    from game.session import Session, Step

    app.speaker = FakeSpeaker()
    app.apply_settings(Settings(read_aloud=True), save=False)
    q = mini_content.questions["q_single"]
    scene = QuestionScene(app, Play(Session(mini_content, "all", [Step("question", q.id)])), q)
    app.reset_to(scene)
    app.step([], 0)
    lang, first = app.speaker.spoken[-1]
    assert lang == "fr" and q.prompt in first and "1. Environ 20 %" in first
    app.step([key(pygame.K_TAB)], 0)
    assert app.speaker.spoken[-1][1] == scene.focused().alt


def test_read_aloud_without_espeak_says_so_and_stays_off(app):
    from game.speech import Speaker

    app.speaker = Speaker(command="")
    scene = SettingsScene(app)
    app.push(scene)
    scene.draw(pygame.Surface((1280, 720)))
    while scene.widget("set:read_aloud") is None:
        scene.page += 1
        scene.invalidate()
        scene.draw(pygame.Surface((1280, 720)))
    button = scene.widget("set:read_aloud")
    assert not button.enabled and "indisponible" in button.label
    assert any("espeak-ng" in tb.text for tb, _ in scene.texts)


def test_reduced_motion_jumps_the_gauges(app, mini_content):
    from game.scenes.play import Play
    from game.scenes.scenario import ScenarioScene
    from game.session import Session, Step

    app.apply_settings(Settings(reduced_motion=True), save=False)
    sc = mini_content.scenarios["s_phone"]
    play = Play(Session(mini_content, "all", [Step("scenario", sc.id)]))
    app.reset_to(ScenarioScene(app, play, sc))
    app.step([key(pygame.K_1)], 0)
    carbon = next(mt for mt in app.top.meters.meters if mt.indicator.id == "co2e")
    assert carbon.shown == 58 and not app.step([], 0.01)


def test_a_corrupted_font_falls_back(tmp_path):
    from game.ui.text import FontBook

    pygame.font.init()
    for name in ("AtkinsonHyperlegibleNext-Regular.ttf", "AtkinsonHyperlegibleNext-Bold.ttf"):
        (tmp_path / name).write_bytes(b"this is not a font")
    book = FontBook(tmp_path)
    assert book.font(24).size("Numérique")[0] > 0
    assert book.warnings


def test_content_folder_removed_while_running(tmp_path, capsys):
    from game import autoplay
    from game.content.loader import load_content

    folder = tmp_path / "content"
    shutil.copytree(MINI, folder)
    content = load_content(folder)
    shutil.rmtree(folder)
    out = __import__("io").StringIO()
    autoplay.run(content, 2, 1, (800, 600), out=out)
    assert len(out.getvalue().splitlines()) == 2


def test_scroll_intents_move_a_tall_page(app):
    app.apply_settings(Settings(text_scale=2.0, line_spacing=1.75), save=False)
    scene = SettingsScene(app)
    app.push(scene)
    scene.draw(pygame.Surface((1024, 600)))
    if scene.max_scroll == 0:
        pytest.skip("the page fits at this size")
    scene.handle(inp.Intent(inp.SCROLL, index=1))
    assert scene.scroll > 0


@pytest.mark.parametrize("device", ["touch", "keyboard"])
def test_full_session_at_200_percent_high_contrast_dyslexia_font_and_read_aloud(real_content, device):
    import random

    from game import autoplay

    app = make_app(real_content, size=(1024, 600))
    try:
        app.speaker = FakeSpeaker()
        app.apply_settings(Settings(text_scale=2.0, high_contrast=True, dyslexia_font=True, read_aloud=True,
                                    line_spacing=1.5), save=False)
        app.push(TitleScene(app))
        app.step([], 0)
        assert autoplay.Bot(app, random.Random(5), device).play_to_the_end(), "the session did not end"
        assert len(app.speaker.spoken) > 20  # every screen and focus change was read
    finally:
        app.apply_settings(Settings(), save=False)
        pygame.display.quit()


BAD_VALUES = [
    ("text_scale", "5.0", "1.0", "de 1 à 2"),
    ("text_scale", '"big"', "1.0", "de 1 à 2"),
    ("line_spacing", "0.2", "1.25", "de 1 à 2"),
    ("volume", "nan", "0.6", "de 0 à 1"),
    ("kiosk_idle_seconds", "-5", "90.0", "de 15 à 1800"),
    ("kiosk_countdown_seconds", "100000", "20.0", "de 5 à 120"),
    ("mode", '"arcade"', '"solo"', '"solo", "classroom", "kiosk"'),
    ("language", '"de"', '"fr"', '"fr", "en"'),
    ("level", '"expert"', '"adulte"', '"college", "lycee", "adulte"'),
    ("length", '"huge"', '"normal"', '"short", "normal", "long"'),
    ("timer", '"on"', '"off"', '"off", "extended"'),
    ("high_contrast", '"yes"', "false", "true ou false"),
    ("kiosk_admin_hash", '"plain1234"', "aucune", "kiosk-code"),
]


@pytest.mark.parametrize("key,bad,default,allowed", BAD_VALUES, ids=[f"{k}={v}" for k, v, _d, _a in BAD_VALUES])
def test_a_bad_value_is_named_and_replaced_by_its_default(tmp_path, key, bad, default, allowed):
    """Issue 15.5: file, key, bad value and what is allowed in one message; the other lines kept."""
    from game import i18n

    i18n.set_language("fr")
    path = tmp_path / "settings.toml"
    path.write_text(f"{key} = {bad}\ndyslexia_font = true\n", encoding="utf-8")
    store = SettingsStore(path)
    s = store.load()
    assert getattr(s, key) == getattr(Settings(), key)
    assert s.dyslexia_font  # the good line is kept
    assert len(store.messages) == 1
    message = store.messages[0]
    assert str(path) in message and f"{key} = " in message and allowed in message, message
    assert (bad.strip('"') if bad != "nan" else "nan") in message and f"défaut\u00a0: {default}" in message, message


def test_an_unknown_key_is_named_with_the_closest_known_one(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("text_scal = 1.5\n", encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert "text_scal" in store.messages[0] and "text_scale" in store.messages[0]


@pytest.mark.parametrize("code,again,why", [
    ("", None, "vide"), ("12a4", None, "chiffres"), ("975", None, "court"), ("1" * 13, None, "long"),
    ("0000", None, "deviner"), ("1234", None, "deviner"), ("98765", None, "deviner"), ("7890", None, "deviner"),
    ("2468", None, "connu"), ("2580", None, "connu"), ("5821", "5812", "différents"),
])
def test_weak_empty_or_default_codes_are_refused(code, again, why):
    from game import i18n
    from game.settings import code_problem

    i18n.set_language("fr")
    assert why in (code_problem(code, again) or "")


def test_a_good_code_is_accepted_and_only_its_salted_hash_is_kept():
    from game.settings import code_problem, hash_code, verify_code

    assert code_problem("5821", "5821") is None and code_problem("80417236") is None
    one, two = hash_code("5821"), hash_code("5821")
    assert one != two and "5821" not in one  # a random salt each time
    assert verify_code("5821", one) and verify_code("5821", two)
    assert not verify_code("5812", one) and not verify_code("", one) and not verify_code("5821", "garbage")
    assert not Settings().check_admin_code("")  # no code set: nothing opens the admin screen


def test_an_old_plain_code_is_hashed_on_load_and_said_once(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('kiosk_admin_pin = "5821"\nlevel = "lycee"\n', encoding="utf-8")
    store = SettingsStore(path)
    s = store.load()
    assert s.check_admin_code("5821") and not s.check_admin_code("2468") and s.level == "lycee"
    assert len(store.messages) == 1 and "kiosk_admin_hash" in store.messages[0]
    text = path.read_text(encoding="utf-8")
    assert "5821" not in text and "kiosk_admin_pin" not in text and 'level = "lycee"' in text
    again = SettingsStore(path)
    assert again.load().check_admin_code("5821") and again.messages == []  # said once


@pytest.mark.parametrize("plain", ["2468", "1234", "abc", "12"])
def test_an_old_weak_or_shipped_code_is_refused_with_how_to_set_one(tmp_path, plain):
    path = tmp_path / "settings.toml"
    path.write_text(f'kiosk_admin_pin = "{plain}"\n', encoding="utf-8")
    store = SettingsStore(path)
    s = store.load()
    assert s.kiosk_admin_hash == "" and not s.check_admin_code(plain)
    assert len(store.messages) == 1 and "kiosk-code" in store.messages[0]


def test_the_measure_settings_default_and_are_checked_like_the_others(tmp_path):
    """The pre/post measure: on for a solo player, off at a kiosk unless its admin turns it on;
    a value that is not true or false is refused with a message, and the default is kept."""
    assert Settings().measure is True and Settings().kiosk_measure is False
    path = tmp_path / "settings.toml"
    path.write_text("measure = false\nkiosk_measure = true\n", encoding="utf-8")
    loaded = SettingsStore(path).load()
    assert loaded.measure is False and loaded.kiosk_measure is True
    path.write_text('measure = "non"\nkiosk_measure = 1\n', encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert len(store.messages) == 2 and all("true ou false" in m for m in store.messages)
    assert SettingsStore(path).load() == Settings()
    assert store.save(Settings(measure=False)) and SettingsStore(path).load().measure is False


def test_the_settings_screen_offers_the_measure_in_french_and_english_but_not_at_a_kiosk(app):
    scene = SettingsScene(app)
    app.push(scene)

    def labels():
        found = []
        scene.page = 0
        for _ in range(5):
            scene.invalidate()
            scene.draw(pygame.Surface((1280, 720)))
            found += [w.label for w in scene.widgets if w.id.startswith("set:")]
            if scene.page + 1 >= scene.pages:
                break
            scene.page += 1
        return found

    app.apply_settings(app.settings.with_value("measure", True), save=False)
    assert "Mesurer mes progrès (avant/après)\u00a0: oui" in labels()
    app.set_language("en")
    try:
        assert any(x.startswith("Measure my progress (before/after)") and x.endswith(": on") for x in labels())
    finally:
        app.set_language("fr")
    app.kiosk = object()  # a kiosk: the admin decides (kiosk_measure), not a passer-by
    try:
        assert not any("Mesurer" in x for x in labels())
    finally:
        app.kiosk = None
