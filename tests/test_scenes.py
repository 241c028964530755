"""Every screen at the four reference sizes: text stays in its box, nothing overlaps,
touch targets are large enough. Scenes are drawn on a plain Surface and driven by intents."""

import pygame
import pytest

from conftest import SIZES, make_app
from layout_check import check_layout
from game import input as inp
from game.scenes.overlays import CareerScene, ConfirmScene, PauseScene
from game.scenes.play import Play, scene_for_current
from game.scenes.question import QuestionScene
from game.scenes.results import PAGES, ResultsScene
from game.scenes.scenario import ScenarioScene
from game.scenes.themes import ThemeIntroScene, ThemeScene
from game.scenes.title import TitleScene
from game.session import FULL_PATH, Session, Step
from game.ui.layout import MIN_TARGET
from game.ui.widgets import Button


@pytest.fixture(scope="module")
def app(real_content):
    a = make_app(real_content)
    yield a
    pygame.display.quit()


def single_step_play(content, step: Step) -> Play:
    session = Session(content, FULL_PATH, [step], seed=0)
    return Play(session)


def _longest(items: dict, share: int, text, kind) -> list:
    """The ``1/share`` of the items with the longest texts (where a layout breaks first), plus the
    longest of each kind, so that every type of screen stays covered."""
    ranked = sorted(items.values(), key=lambda i: (-len(text(i)), i.id))
    keep = ranked[: -(-len(ranked) // share)]
    for k in {kind(i) for i in ranked}:
        first = next(i for i in ranked if kind(i) == k)
        if first not in keep:
            keep.append(first)
    return keep


def all_screens(app, share: int = 1):
    """(label, scene) for every screen the game can show, with the real content; with ``share``,
    only that fraction of the questions and cards, the longest ones (the slowest tests)."""
    c = app.content
    questions = _longest(c.questions, share, lambda q: q.prompt + q.explanation + "".join(
        ch.text + (ch.feedback or "") for ch in q.choices), lambda q: q.type)
    cards = _longest(c.scenarios, share, lambda s: s.title + s.situation + "".join(
        ch.text + ch.consequence + (ch.basis or "") for ch in s.choices), lambda s: len(s.choices))
    yield "title", TitleScene(app)
    yield "themes", ThemeScene(app)
    for tid in c.themes:
        yield f"intro:{tid}", ThemeIntroScene(app, tid)
    for q in questions:
        qid = q.id
        yield f"ask:{qid}", QuestionScene(app, single_step_play(c, Step("question", qid)), q)
        scene = QuestionScene(app, single_step_play(c, Step("question", qid)), q)
        wrong = [ch.id for ch in q.choices if not ch.correct][:1] or [ch.id for ch in q.choices][:1]
        # the longest feedback: a wrong answer (both « ta réponse » and « la bonne réponse »)
        if q.type == "estimate":
            scene.moved = True  # a player has moved the slider before confirming
            scene._submit([], q.estimate.min)
        else:
            scene._submit(wrong, None)
        yield f"feedback:{qid}", scene
    for sc in cards:
        sid = sc.id
        yield f"scenario:{sid}", ScenarioScene(app, single_step_play(c, Step("scenario", sid)), sc)
        for ch in sc.choices:
            scene = ScenarioScene(app, single_step_play(c, Step("scenario", sid)), sc)
            scene.on_activate(Button(f"choice:{ch.id}", pygame.Rect(0, 0, 1, 1)))
            yield f"consequence:{sid}:{ch.id}", scene
    session = Session.start(c, FULL_PATH, seed=5)
    play = Play(session)
    for step in list(session.steps):
        scene = scene_for_current(app, play)
        if isinstance(scene, QuestionScene):
            q = scene.question
            scene._submit([ch.id for ch in q.choices if ch.correct][:1], q.estimate.answer if q.estimate else None)
        else:
            scene.on_activate(Button(f"choice:{scene.scenario.choices[0].id}", pygame.Rect(0, 0, 1, 1)))
        session.advance()
    for page in range(len(PAGES)):
        results = ResultsScene(app, play)
        results.page = page
        yield f"results:{PAGES[page]}", results
    for cid in c.careers:
        yield f"career:{cid}", CareerScene(app, cid)
    yield "pause", PauseScene(app)
    from game.scenes.kiosk import AdminScene, AttractScene, IdleScene, KioskController, PinScene
    from game.scenes.settings import SettingsScene

    for page in range(3):
        settings = SettingsScene(app)
        settings.page = page
        yield f"settings:{page}", settings
    app.kiosk = KioskController(app)
    try:
        yield "attract", AttractScene(app)
        yield "idle", IdleScene(app, app.now() + 20)
        yield "pin", PinScene(app)
        yield "admin", AdminScene(app)
    finally:
        app.kiosk = None
    yield "confirm", ConfirmScene(app, "Abandonner la partie\u00a0? Tu reviendras à l'accueil.", lambda: None)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits(app, size, lang):
    app.set_language(lang)
    problems = []
    for label, scene in all_screens(app):
        problems += [f"{label}: {p}" for p in check_layout(scene, size)]
    app.set_language("fr")
    assert not problems, "\n".join(problems[:40])


def test_touch_targets_at_1280x720(app):
    small = []
    for label, scene in all_screens(app):
        scene.draw(pygame.Surface((1280, 720)))
        for wdg in scene.widgets:
            if wdg.rect.width < MIN_TARGET or wdg.rect.height < MIN_TARGET:
                small.append(f"{label}: {wdg.id} {wdg.rect.size}")
    assert not small, small[:20]


def test_every_focusable_widget_has_a_label(app):
    for label, scene in all_screens(app):
        scene.draw(pygame.Surface((1280, 720)))
        for wdg in scene.focusables():
            assert wdg.alt.strip(), f"{label}: {wdg.id} has no text"


def test_keyboard_focus_reaches_every_widget(app):
    scene = TitleScene(app)
    scene.draw(pygame.Surface((1280, 720)))
    seen = set()
    for _ in range(len(scene.focusables())):
        seen.add(scene.focus_id)
        scene.handle(inp.Intent(inp.NEXT))
    assert seen == {w.id for w in scene.focusables()}
    scene.handle(inp.Intent(inp.PREV))
    assert scene.focus_id == scene.focusables()[-1].id


def test_focus_ring_is_drawn_on_the_focused_widget(app):
    scene = TitleScene(app)
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)
    w = scene.focused()
    ring_y = w.rect.top - scene.metrics.ring // 2 - max(2, scene.metrics.ring // 2) - 1
    assert surface.get_at((w.rect.centerx, ring_y))[:3] == app.palette.focus


def test_any_size_even_tiny_draws_without_error(app):
    for size in [(320, 240), (400, 900), (3840, 2160), (2000, 300)]:
        for label, scene in all_screens(app, share=5):  # the longest fifth: drawing never fails on length
            scene.draw(pygame.Surface(size))


@pytest.mark.parametrize("scale", [1.5, 2.0])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)], ids=["1280x720", "1024x600"])
def test_every_screen_fits_at_large_text(app, size, scale):
    from game.settings import Settings

    app.apply_settings(Settings(text_scale=scale, line_spacing=1.5, dyslexia_font=True, high_contrast=True),
                       save=False)
    try:
        problems = []
        for label, scene in all_screens(app, share=2):  # the longest half: the others fit if they do
            problems += [f"{label}: {p}" for p in check_layout(scene, size)]
            small = [w.id for w in scene.widgets if min(w.rect.size) < MIN_TARGET]
            problems += [f"{label}: {wid} smaller than {MIN_TARGET} px" for wid in small]
    finally:
        app.apply_settings(Settings(), save=False)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


def test_a_still_pointer_leaves_the_title_focus_on_play(app):
    """The window may open under a mouse resting on « Mode classe » (the screen's centre):
    SDL's report of it must not move the focus, or Enter would start a class instead."""
    title = TitleScene(app)
    app.reset_to(title)
    app.step([], 0)  # laid out and drawn
    play = title.focus_id
    classroom = next(w for w in title.focusables() if w.id != play and "class" in w.id)
    still = pygame.event.Event(pygame.MOUSEMOTION, pos=classroom.rect.center, rel=(0, 0), buttons=(0, 0, 0),
                               touch=False)
    app.step([still], 0)
    assert title.focus_id == play
    moved = pygame.event.Event(pygame.MOUSEMOTION, pos=classroom.rect.center, rel=(2, 1), buttons=(0, 0, 0),
                               touch=False)
    app.step([moved], 0)
    assert title.focus_id == classroom.id  # a real move still points


def test_every_scene_name_of_the_context_is_registered(app):
    """``ctx.make(name)`` knows exactly the names the context documents, and builds that scene."""
    from game.app import scene_types
    from game.scenes.context import SCENE_NAMES

    assert set(scene_types()) == set(SCENE_NAMES)
    assert type(app.make("title")).__name__ == "TitleScene"
    assert type(app.make("career", next(iter(app.content.careers)))).__name__ == "CareerScene"
