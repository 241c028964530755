"""The language a game starts in applies to its content too, whichever way it was asked for."""

from __future__ import annotations

import pygame
import pytest

from conftest import QUESTIONS
from game import cli, i18n
from game.content.translate import apply
from game.scenes.play import start_session
from game.session import FULL_PATH


@pytest.fixture
def fresh_config(tmp_path, monkeypatch):
    monkeypatch.setenv("NEJ_CONFIG_DIR", str(tmp_path / "config"))
    for var in ("NEJ_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    yield monkeypatch
    i18n.set_language("fr")
    pygame.display.quit()


WAYS = {
    "--lang en": ({}, ["--lang", "en", "--no-sound"]),
    "NEJ_LANG=en": ({"NEJ_LANG": "en"}, ["--no-sound"]),
    "LANG=en_GB.UTF-8": ({"LANG": "en_GB.UTF-8"}, ["--no-sound"]),
}


@pytest.mark.parametrize("way", sorted(WAYS))
def test_the_game_starts_in_english_content_and_all(way, fresh_config):
    env, argv = WAYS[way]
    for key, value in env.items():
        fresh_config.setenv(key, value)
    args = cli.parse_args(argv)
    content = cli.load_playable(QUESTIONS)
    english = apply(content, "en")
    app = cli.build_app(args, content)

    assert app.language == "en" and i18n.current_language() == "en"
    career = next(iter(sorted(content.careers)))
    assert app.content.careers[career].issue == english.careers[career].issue
    assert app.content.careers[career].issue != content.careers[career].issue
    labels = {i: ind.label for i, ind in app.content.indicators.items()}
    assert labels == {i: ind.label for i, ind in english.indicators.items()}
    assert "Carbon" in labels.values()

    # The first item of the game itself (the before/after measure, on by default, has its own tests).
    app.apply_settings(app.settings.with_value("measure", False), save=False)
    start_session(app, FULL_PATH)
    step = app.top.play.session.current
    item = (app.content.questions if step.kind == "question" else app.content.scenarios)[step.id]
    shown = item.prompt if step.kind == "question" else item.situation
    expected = english.questions[step.id].prompt if step.kind == "question" else english.scenarios[step.id].situation
    assert shown == expected
    original = content.questions[step.id].prompt if step.kind == "question" else content.scenarios[step.id].situation
    assert shown != original


def test_a_language_saved_in_the_settings_file_wins_over_the_system(fresh_config, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text('language = "fr"\n', encoding="utf-8")
    fresh_config.setenv("LANG", "en_US.UTF-8")
    app = cli.build_app(cli.parse_args(["--no-sound"]), cli.load_playable(QUESTIONS))
    assert app.language == "fr" and i18n.current_language() == "fr"


def test_the_command_line_wins_over_the_settings_file(fresh_config, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text('language = "fr"\n', encoding="utf-8")
    content = cli.load_playable(QUESTIONS)
    app = cli.build_app(cli.parse_args(["--lang", "en", "--no-sound"]), content)
    assert app.language == "en"
    assert app.content.themes == apply(content, "en").themes
