"""The class game at the projector (issue 16.6): a screen whose game was abandoned still draws,
the pads' server loads only when a room opens, the projector's type scale, the class's spread
for every type, the podium that celebrates every team, ordering items keyed by the facilitator,
and the set-up's measure toggle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.classroom import ClassConfig, default_teams
from game.scenes.classroom import ClassItemScene, start_class
from game.scenes.title import TitleScene

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def french():
    from game import i18n

    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def class_item(app, n: int = 3) -> ClassItemScene:
    app.reset_to(TitleScene(app))
    start_class(app, ClassConfig(default_teams(n)))
    scene = app.top
    assert isinstance(scene, ClassItemScene)
    app.step([], 0)
    return scene


# -- known bugs -------------------------------------------------------------------------------
def test_an_item_screen_whose_game_was_abandoned_still_draws(app):
    """A quit abandons the run (phase « over ») while the item screen is still on the stack: a
    redraw (the window exposed, a resize) must not crash on a missing ``_build_over``."""
    scene = class_item(app)
    app.abandon_current()
    assert scene.run.phase == "over"
    scene.invalidate()
    scene.ensure_layout((1024, 600))
    scene.draw(app.screen)
    assert not [w for w in scene.widgets if w.id.startswith("choice:")]  # nothing left to answer


def test_the_class_screens_load_the_pads_server_only_when_a_room_opens():
    """Importing every class screen (the autoplay and the bench do) leaves aiohttp unloaded: its
    ~19 MiB come only with a game that plays with phones (game.bench's peak memory)."""
    code = ("import sys, game.scenes.classroom, game.scenes.classroom.join, game.autoplay; "
            "print(' '.join(m for m in ('aiohttp', 'game.pads.server', 'segno') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [], f"loaded without a room: {done.stdout}"
