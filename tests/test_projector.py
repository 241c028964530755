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


# -- ordering in class ------------------------------------------------------------------------------
ORDER_SHOWN = ("telephone", "dechets", "ressources", "matieres")  # ord_q01, right: ressources dechets matieres telephone


def ordering_run(content, n: int = 2):
    from game.classroom import Classroom
    from game.flow.classrun import ClassRun
    from game.session import Session, Step

    config = ClassConfig(default_teams(n))
    single = next(q.id for q in content.questions.values() if q.type == "single")
    steps = [Step("question", "ord_q01", ORDER_SHOWN), Step("question", single)]
    classroom = Classroom(content, config, Session(content, "all", steps, seed=0))
    return ClassRun(classroom, lambda: 0.0)


def test_the_facilitator_keys_a_teams_order_in_rank_order(real_content):
    """Keys in rank order (the item at that place on screen goes next); the last item goes last by
    itself and the order is the team's answer: the hand passes on. A half-keyed order is no answer."""
    from game.flow import classrun as flow

    run = ordering_run(real_content)
    assert run.kind == "ordering"
    run.pick(2)  # « ressources », first
    assert not run.answered(0) and run.current == 0
    assert run.draft(0) == ("ressources",)
    run.pick(1)  # « dechets »
    run.pick(3)  # « matieres »: the last one (telephone) goes last by itself
    assert run.answered(0) and run.entry(0).answer.choice_ids == ("ressources", "dechets", "matieres", "telephone")
    assert run.entry(0).answer.correct and run.current == 1 and run.draft(0) == ()
    run.pick(0)  # team 2: telephone first: a wrong order
    run.pick(1)
    assert [e for e in run.events if isinstance(e, flow.OrderKeyed)][-1].choice_ids == ("telephone", "dechets")
    run.pick(1)  # a key on an item already placed takes it out
    assert run.draft(1) == ("telephone",)
    run.pick(2)
    run.pick(1)
    assert run.answered(1) and not run.entry(1).answer.correct
    run.reveal()
    credits = run.credits()
    assert credits[0] == (6, 6) and credits[1][1] == 6 and credits[1][0] < 6


def test_a_class_game_with_an_ordering_item_plays_by_keys_to_the_debrief(real_content):
    from conftest import make_app

    from game.scenes.classroom.debrief import DebriefScene

    app = make_app(real_content, (1024, 600))
    try:
        app.reset_to(TitleScene(app))
        run = ordering_run(real_content)
        scene = ClassItemScene(app, run)
        app.push(scene)
        app.step([], 0)
        assert scene.widget("ordering") is not None and not scene.widget("ordering").enabled
        for k in (pygame.K_3, pygame.K_2, pygame.K_4, pygame.K_1, pygame.K_2, pygame.K_3):
            app.step([key(k)], 0)
        assert run.answered(0) and run.answered(1)
        assert run.entry(0).answer.correct and not run.entry(1).answer.correct
        app.step([pygame.event.Event(pygame.TEXTINPUT, text="r")], 0)
        top = app.top
        assert top.phase == "reveal"
        top.ensure_layout((1024, 600))  # the answer page is the list's: its rows, in the right order
        assert top._problems() == 0 and top.max_scroll == 0
        words = " ".join(t.text for t, _c in top.texts)
        shown = top.widget("ordering")
        assert "Le bon ordre\u00a0: 1.\u00a0Les ressources" in words or (
            shown is not None and shown.answer == ("ressources", "dechets", "matieres", "telephone"))
        assert "paires dans l'ordre" in words and "juste" in words  # team 2's credit, team 1 right
        top.invalidate()
        top.ensure_layout((1080, 1920))  # the list, in the right order
        shown = top.widget("ordering")
        assert shown is not None and shown.answer == ("ressources", "dechets", "matieres", "telephone")
        assert top._problems() == 0 and top.max_scroll == 0
        for _ in range(10):
            if isinstance(app.top, DebriefScene):
                break
            app.step([pygame.event.Event(pygame.TEXTINPUT, text="s")], 0)
            if isinstance(app.top, ClassItemScene) and app.top.phase == "ask":
                for k in (pygame.K_1, pygame.K_1):
                    app.step([key(k)], 0)
                app.step([pygame.event.Event(pygame.TEXTINPUT, text="r")], 0)
        assert isinstance(app.top, DebriefScene)
        assert [a.correct for a in run.classroom.answers(0) if a.item_id == "ord_q01"] == [True]
        assert [a.correct for a in run.classroom.answers(1) if a.item_id == "ord_q01"] == [False]
    finally:
        pygame.display.quit()


# -- the podium -------------------------------------------------------------------------------------
def test_the_podium_celebrates_every_team_and_never_shows_a_last_place(real_content):
    """Three steps at most, the lowest score never on one (no last place), ties share a step,
    every other team named below with its strength; nothing ranked below 3 is written; it fits."""
    from conftest import make_app

    from game.flow.classrun import ClassRun
    from game.scenes.classroom.debrief import DebriefScene

    app = make_app(real_content, (1024, 600))
    try:
        run = ClassRun.start(app.content, ClassConfig(default_teams(8)), 3, lambda: 0.0)
        import random

        rng = random.Random(4)
        while not run.finished:  # team i is right with a chance of i/8: scores apart, some tied
            if run.phase != "ask":
                run.next()
            elif run.kind not in ("single", "truefalse"):
                run.skip(confirmed=True)
            else:
                right = next(c.id for c in run.item.choices if c.correct)
                wrong = next(c.id for c in run.item.choices if not c.correct)
                for t in run.teams_for_current():
                    run.enter(t, [right if rng.random() < t / 8 else wrong])
                run.reveal(confirmed=True)
        app.reset_to(TitleScene(app))
        scene = DebriefScene(app, run)
        app.push(scene)
        assert scene.pages[0] == "podium"
        steps = scene.podium()
        points = {t.index: run.classroom.points(t.index) for t in run.teams}
        lowest = min(points.values())
        assert 1 <= len(steps) <= 3
        assert all(points[t] > lowest for s in steps for t in s) or len(set(points.values())) == 1
        assert all(len({points[t] for t in s}) == 1 for s in steps)  # a step: one score
        for size in ((1280, 720), (1024, 600), (1080, 1920)):
            scene.invalidate()
            scene.ensure_layout(size)
            assert scene._problems() == 0 and scene.max_scroll == 0, size
            words = [t.text for t, _c in scene.texts]
            assert not [w for w in words if w.strip() in {str(n) for n in range(4, 9)}]  # no rank below 3
            named = {team.index for _r, team in scene.symbols}
            assert named == {t.index for t in run.teams}  # every team is on the page
            others = [t.index for t in run.teams if all(t.index not in s for s in steps)]
            assert all(any(w.startswith(("Point fort", "Des questions", "Pas de")) for w in words) for _ in others)
    finally:
        pygame.display.quit()
