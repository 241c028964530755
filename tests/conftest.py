"""Shared fixtures: headless SDL (no display, no sound card), content, an app with a window."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("NEJ_LANG", "fr")
# Never read or write the real user's settings and results during tests.
import tempfile  # noqa: E402

_TMP = tempfile.mkdtemp(prefix="nej-tests-")
os.environ["NEJ_CONFIG_DIR"] = os.path.join(_TMP, "config")
os.environ["NEJ_DATA_DIR"] = os.path.join(_TMP, "data")
os.environ["NEJ_CACHE_DIR"] = os.path.join(_TMP, "cache")

from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.app import App  # noqa: E402
from game.content.loader import Content, load_content  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"

SIZES = [(1920, 1080), (1280, 720), (1024, 600), (1080, 1920)]


@pytest.fixture(scope="session")
def real_content() -> Content:
    return load_content(QUESTIONS)


@pytest.fixture(scope="session")
def mini_content() -> Content:
    return load_content(MINI)


def make_app(content: Content, size: tuple[int, int] = (1280, 720), seed: int = 1) -> App:
    app = App(content, size=size, seed=seed, sound=False)
    # The pre/post measure is on by default for a player; tests that play it turn it on.
    app.settings = app.settings.with_value("measure", False)
    app.open_window()
    return app


@pytest.fixture
def app(mini_content: Content):
    a = make_app(mini_content)
    yield a
    pygame.display.quit()


@pytest.fixture(autouse=True)
def _french_again():
    """Every test starts in French, the game's first language, whatever the test before it did
    (tests share a process: one worker of ``-n auto`` runs many of them, in any order)."""
    from game import i18n

    if i18n.current_language() != "fr":
        i18n.set_language("fr")
    yield
