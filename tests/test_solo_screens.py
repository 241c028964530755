"""Solo and kiosk screens: the level's shorter game said in words (issue 14.4), the settings'
punctuation from the catalog (13.2), the kiosk's admin level kept in the file, the careers sheet's
pinned buttons (13.9), the attract loop's facts and language buttons (13.10), the sources screen (14.6)."""

import tomllib

import pygame
import pytest

from conftest import make_app
from game.settings import Settings, SettingsStore


@pytest.fixture
def app(real_content, tmp_path, monkeypatch):
    monkeypatch.setenv("NEJ_CONFIG_DIR", str(tmp_path))
    a = make_app(real_content)
    yield a
    a.set_language("fr")
    pygame.display.quit()


def texts(scene):
    return " ".join(tb.text for tb, _c in scene.texts)


def first_short_theme(content, level="college"):
    from game.session import Session

    for t in sorted(content.themes):
        if Session.start(content, t, 1, "normal", level).short_by:
            return t
    pytest.skip("no theme is short of collège questions")


@pytest.mark.parametrize("lang, want", [
    ("fr", "Ce thème a seulement 7\u00a0questions de niveau collège\u00a0: la partie est plus courte."),
    ("en", "This theme has only 7 middle-school questions: the game is shorter."),
])
def test_a_short_level_names_the_questions_left_and_the_level(app, lang, want):
    from game.scenes.play import Play
    from game.scenes.question import QuestionScene
    from game.session import Session

    theme = first_short_theme(app.content)
    app.set_language(lang)
    session = Session.start(app.content, theme, 1, "normal", "college")
    assert session.short_by and session.question_count == 7
    step = session.current
    scene = QuestionScene(app, Play(session), app.content.questions[step.id])
    app.replace(scene)
    scene.ensure_layout((1280, 720))
    assert want in texts(scene)


@pytest.mark.parametrize("lang, want, wrong", [
    ("fr", "Taille du texte\u00a0: 100\u00a0%", "Text size"),
    ("en", "Text size: 100%", "\u00a0:"),
])
def test_settings_labels_take_their_punctuation_from_the_catalog(app, lang, want, wrong):
    from game.scenes.settings import SettingsScene

    app.set_language(lang)
    scene = SettingsScene(app)
    app.push(scene)
    scene.ensure_layout((1280, 720))
    labels = " ".join(w.label for w in scene.widgets)
    assert want in labels and wrong not in labels
    assert scene.widget_label("text_scale") == want


def test_the_kiosk_admin_level_is_saved_although_a_kiosk_never_writes_players_settings(app, tmp_path):
    from game.scenes.kiosk import AdminScene, KioskController

    store = SettingsStore(path=tmp_path / "settings.toml", writable=False)
    store.path.write_text('kiosk_admin_pin = "2468"\n', encoding="utf-8")
    app.store = store
    app.apply_settings(store.load().with_value("text_scale", 1.5), save=False)  # a player's choice
    app.kiosk = KioskController(app)
    scene = AdminScene(app)
    app.push(scene)
    scene.ensure_layout((1280, 720))
    scene.on_activate(scene.widget("level"))
    assert app.settings.level == "college"
    saved = tomllib.loads(store.path.read_text(encoding="utf-8"))
    assert saved == {"kiosk_admin_pin": "2468", "level": "college"}  # the player's text size not kept
    assert SettingsStore(path=store.path).load().level == "college"
