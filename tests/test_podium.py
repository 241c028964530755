"""The class podium shows every step the same way: its number, then its points, or a kind word
when the step's teams have no point (issue 16 review: the third step had no points, it was too
short for them)."""

from __future__ import annotations

import pygame
import pytest
from conftest import make_app

from game.classroom import ClassConfig, default_teams
from game.flow.classrun import ClassRun
from game.scenes.classroom.debrief import DebriefScene
from game.scenes.title import TitleScene

SIZES = ((1280, 720), (1024, 600), (1080, 1920), (1920, 1080))


def podium_scene(content, size, points):
    app = make_app(content, size)
    run = ClassRun.start(app.content, ClassConfig(default_teams(len(points))), 3, lambda: 0.0)
    run.classroom.points = lambda team: points[team]  # the scores a game would have given
    app.reset_to(TitleScene(app))
    scene = DebriefScene(app, run)
    app.push(scene)
    scene.ensure_layout(size)
    return app, scene


def texts_in(scene, rect):
    return [tb.text for tb, _c in scene.texts if rect.contains(tb.bounds)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("points", [(4, 3, 1, 0), (5, 5, 3, 1, 0, 0, 2, 4), (3, 2, 1)])
def test_every_step_shows_its_points(real_content, size, points):
    app, scene = podium_scene(real_content, size, points)
    try:
        steps = scene.podium()
        assert len(scene.steps) == len(steps)
        for rect, rank in scene.steps:
            n = points[steps[rank][0]]
            inside = texts_in(scene, rect)
            assert str(rank + 1) in inside, (size, rank, inside)
            assert f"{n} point" + ("s" if n > 1 else "") in inside, (size, rank, inside)
        assert scene._problems() == 0 and scene.max_scroll == 0
    finally:
        pygame.display.quit()


@pytest.mark.parametrize("size", SIZES)
def test_a_step_with_no_point_says_a_kind_word(real_content, size):
    app, scene = podium_scene(real_content, size, (0, 0, 0, 0))
    try:
        (rect, rank), = scene.steps
        inside = texts_in(scene, rect)
        assert "0 point" not in inside and "Belle participation\u00a0!" in inside, inside
        assert scene._problems() == 0
    finally:
        pygame.display.quit()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_number_follows_the_title_after_one_no_break_space(real_content, lang):
    """« Bravo à toutes les équipes !  (1/6) » had two plain spaces before its number."""
    app, scene = podium_scene(real_content, (1280, 720), (4, 3, 1, 0))
    try:
        app.set_language(lang)
        scene.invalidate()
        scene.ensure_layout((1280, 720))
        paged = [tb.text for tb, _c in scene.texts if "(1/" in tb.text]
        assert paged, [tb.text for tb, _c in scene.texts][:5]
        assert all("  (" not in t and " (1/" not in t and "\u00a0(1/" in t for t in paged), paged
    finally:
        app.set_language("fr")
        pygame.display.quit()


@pytest.mark.parametrize("points", [(3, 1, 0), (4, 3, 1, 0), (5, 5, 3, 1, 0, 0, 2, 4)])
def test_the_portrait_podium_uses_the_height(real_content, points):
    """1080×1920: the podium left the bottom 60 % of the screen empty (a landscape step of 3.5
    titles' height, names at the heading's size). Now the top step is at least a quarter of the
    screen's height, the steps' names larger than the heading and never cut inside a word, and
    the empty band above the buttons at most a fifth of the screen."""
    size = (1080, 1920)
    app, scene = podium_scene(real_content, size, points)
    try:
        m = scene.metrics
        top = next(rect for rect, rank in scene.steps if rank == 0)
        assert top.height >= size[1] // 4, top
        on_steps = {scene.team(t).name for step in scene.podium() for t in step}
        names = [tb for tb, _c in scene.texts if tb.text in on_steps]
        assert names and all(tb.size > m.heading for tb in names), [(tb.text, tb.size) for tb in names]
        assert all(" ".join(tb.fitted.lines).split() == tb.text.split() for tb in names)  # whole words
        nav_top = min(w.rect.y for w in scene.widgets)
        lowest = max([tb.bounds.bottom for tb, _c in scene.texts if tb.bounds.bottom <= nav_top]
                     + [rect.bottom for rect, _r in scene.steps])
        assert nav_top - lowest <= size[1] // 5, (nav_top, lowest)
        assert scene._problems() == 0 and scene.max_scroll == 0
    finally:
        pygame.display.quit()
