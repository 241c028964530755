"""The measure's screens (issue 18.1-18.2): they draw at 1024×600, 1280×720 and 1080×1920 without
cutting a text, the 1-7 scale works by keys, arrows, Enter and touch, the rating reaches the flow,
the scale's colours have contrast, and everything fits at the largest text size."""

import random

import pygame
import pytest
from conftest import make_app
from game import input as inp
from game.flow.measure_flow import GAME, INTRO, ITEM, PROGRESS, RATE, SKIPPED, MeasureFlow
from game.measure import MeasureResult
from game.scenes.measure import MeasureIntroScene, MeasureItemScene, measure_scene
from game.scenes.measure_progress import MeasureProgressScene, mount_progress, progress_pieces
from game.scenes.measure_rate import RATINGS, MeasureRateScene, scale_colors
from game.ui.layout import MIN_TARGET
from game.ui.theme import PALETTES, contrast

SIZES = [(1024, 600), (1280, 720), (1080, 1920)]


@pytest.fixture(scope="module")
def app(real_content):
    a = make_app(real_content, (1280, 720))
    yield a
    a.set_language("fr")
    pygame.display.quit()


@pytest.fixture(autouse=True)
def fresh(app):
    app.apply_settings(app.settings.with_value("text_scale", 1.0), save=False)
    app.set_language("fr")
    app.stack.clear()
    yield


def key(scene, kind, index=None, device="keyboard"):
    scene.handle(inp.Intent(kind, device, index=index))


def digit(scene, n):
    """What a key 1-7 sends: PICK then DIGIT for 1-4 (answers), DIGIT alone for 5-7."""
    if n <= 4:
        key(scene, inp.PICK, n - 1)
    key(scene, inp.DIGIT, n)


def flow_at(content, kind, seed=3, qtype=None):
    """A flow of the whole bank moved to its first step of ``kind`` (and question type)."""
    for s in range(seed, seed + 40):
        flow = MeasureFlow.plan(content, None, "adulte", random.Random(s))
        while flow.current.kind != GAME:
            step = flow.current
            if step.kind == kind and (qtype is None or content.questions[step.item.id].type == qtype):
                return flow
            if step.kind == INTRO:
                flow.next()
            elif step.kind == ITEM:
                q = content.questions[step.item.id]
                flow.answer([], q.estimate.min) if q.type == "estimate" else flow.answer([q.choices[0].id])
            else:
                flow.rate(4)
    pytest.skip(f"no {kind} {qtype or ''} step in these plans")


def cut_texts(scene, size):
    scene.draw(pygame.Surface(size))
    boxes = [tb for tb, _c in scene.texts]
    for w in scene.widgets:
        boxes.extend(getattr(w, "text_boxes", []))
    return [tb.text for tb in boxes if tb.fitted is not None and tb.fitted.truncated]


def screens(app):
    content = app.content
    made = [("intro", lambda: MeasureIntroScene(app, flow_at(content, INTRO), lambda f: None)),
            ("skipped", lambda: MeasureIntroScene(app, MeasureFlow(content, None), lambda f: None))]
    for qtype in ("single", "multiple", "truefalse", "estimate"):
        made.append((qtype, lambda t=qtype: MeasureItemScene(app, flow_at(content, ITEM, qtype=t), lambda f: None)))
    made.append(("rate", lambda: MeasureRateScene(app, flow_at(content, RATE), lambda f: None, measure_scene)))
    res = [MeasureResult(5, 2, 4, True, -0.5, 3.5), MeasureResult(5, 3.5, 3, True, 1.0, 1.0)]
    made.append(("progress", lambda: MeasureProgressScene(app, res[:1], lambda: None)))
    made.append(("class progress", lambda: MeasureProgressScene(app, res, lambda: None, group=True)))
    return made


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_screen_draws_at_every_size_without_cutting_a_text_on_one_screen(app, lang):
    app.set_language(lang)
    problems = []
    for size in SIZES:
        for name, make in screens(app):
            scene = make()
            scene.scrollable = False  # at the normal text size it all fits one screen, unscrolled
            cut = cut_texts(scene, size)
            if cut or scene._problems():
                problems.append((size, name, cut, scene._problems()))
    assert not problems


def test_everything_fits_at_the_largest_text_size(app):
    app.apply_settings(app.settings.with_value("text_scale", 2.0), save=False)
    for size in ((1024, 600), (1080, 1920)):
        for name, make in screens(app):
            scene = make()
            assert not cut_texts(scene, size), (size, name)
            assert scene._problems() == 0, (size, name)  # a taller page that scrolls, nothing cut or on top


def test_keys_1_to_7_choose_a_rating_and_enter_stores_it(app):
    for n in RATINGS:
        flow = flow_at(app.content, RATE)
        post_id = flow.current.post_id
        scene = MeasureRateScene(app, flow, lambda f: None, measure_scene)
        app.stack.append(scene)
        scene.ensure_layout((1280, 720))
        assert scene.widget("submit").enabled is False
        key(scene, inp.CONFIRM)  # Enter on the middle number before any choice: chooses it
        assert scene.choice == 4
        digit(scene, n)
        assert scene.choice == n and scene.focus_id == "submit"
        assert flow.run.ratings["pre"] == {}  # chosen, not yet stored
        key(scene, inp.CONFIRM)
        assert flow.run.ratings["pre"][post_id] == n
        app.stack.clear()


def test_arrows_enter_touch_and_pad_reach_the_scale(app):
    flow = flow_at(app.content, RATE)
    scene = MeasureRateScene(app, flow, lambda f: None, measure_scene)
    app.stack.append(scene)
    scene.ensure_layout((1024, 600))
    assert scene.focus_id == "rate:4"
    key(scene, inp.RIGHT)
    key(scene, inp.RIGHT)
    assert scene.focus_id == "rate:6"
    key(scene, inp.CONFIRM, device="gamepad")
    assert scene.choice == 6
    # A finger on 2 changes the choice; nothing is stored until « Valider ».
    two = scene.widget("rate:2").rect.center
    key_pos = dict(device="touch")
    scene.handle(inp.Intent(inp.POINTER_DOWN, pos=two, **key_pos))
    scene.handle(inp.Intent(inp.POINTER_UP, pos=two, **key_pos))
    assert scene.choice == 2 and not flow.run.ratings["pre"]
    submit = scene.widget("submit").rect.center
    scene.handle(inp.Intent(inp.POINTER_DOWN, pos=submit, **key_pos))
    scene.handle(inp.Intent(inp.POINTER_UP, pos=submit, **key_pos))
    assert list(flow.run.ratings["pre"].values()) == [2]


def test_the_scale_is_seven_large_buttons_labelled_at_both_ends_and_the_post_marked_made_up(app):
    for lang, words in (("fr", ("pas du tout fiable", "tout à fait fiable", "Exemple inventé pour le jeu")),
                        ("en", ("not reliable at all", "completely reliable", "Made-up example for the game"))):
        app.set_language(lang)
        for size in SIZES:
            scene = MeasureRateScene(app, flow_at(app.content, RATE), lambda f: None, measure_scene)
            scene.ensure_layout(size)
            buttons = [scene.widget(f"rate:{n}") for n in RATINGS]
            assert all(b.rect.width >= MIN_TARGET and b.rect.height >= MIN_TARGET for b in buttons)
            assert [b.label for b in buttons] == [str(n) for n in RATINGS]
            assert all(a.rect.right < b.rect.left for a, b in zip(buttons, buttons[1:]))  # one row, in order
            shown = [tb.text for tb, _c in scene.texts]
            assert all(w in shown for w in words)
            assert app.content.posts[scene.post_id].text in shown
            low = next(tb for tb, _c in scene.texts if tb.text == words[0])
            assert low.bounds.left == buttons[0].rect.left and low.bounds.top >= buttons[0].rect.bottom


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_the_scale_colours_have_contrast(name):
    p = PALETTES[name]
    for selected in (False, True):
        fill, number = scale_colors(p, selected)
        assert contrast(number, fill) >= 4.5
    chosen, plain = scale_colors(p, True)[0], scale_colors(p, False)[0]
    assert contrast(chosen, plain) >= 3  # the chosen number stands out by lightness, not hue alone


def test_an_item_gives_no_feedback_and_moves_on(app):
    flow = flow_at(app.content, ITEM, qtype="single")
    step = flow.current
    scene = MeasureItemScene(app, flow, lambda f: None)
    app.stack.append(scene)
    scene.ensure_layout((1280, 720))
    key(scene, inp.PICK, 0)
    assert step.item.id in flow.run.scores["pre"]
    assert flow.current.index == step.index + 1 or flow.current.kind == RATE
    assert app.stack[-1] is not scene  # the next screen, no verdict in between
    assert not any(w.id == "continue" for w in app.stack[-1].widgets)


def test_an_estimate_needs_the_slider_moved(app):
    flow = flow_at(app.content, ITEM, qtype="estimate")
    qid = flow.current.item.id
    scene = MeasureItemScene(app, flow, lambda f: None)
    app.stack.append(scene)
    scene.ensure_layout((1280, 720))
    assert scene.focus_id == "slider" and not scene.widget("submit").enabled
    key(scene, inp.CONFIRM)
    assert qid not in flow.run.scores["pre"]  # the drawn start is not an answer
    key(scene, inp.RIGHT)
    if not scene.moved:  # the start was drawn at the top of the scale
        key(scene, inp.LEFT)
    scene.ensure_layout((1280, 720))
    assert scene.moved and scene.widget("submit").enabled
    key(scene, inp.CONFIRM)
    assert qid in flow.run.scores["pre"]


def test_done_is_called_when_the_game_may_start_and_at_the_progress(app):
    calls = []
    flow = flow_at(app.content, RATE)
    while flow.current.index < flow.current.count - 1:
        flow.rate(3)
    scene = measure_scene(app, flow, calls.append)
    app.stack.append(scene)
    digit(scene, 6)
    key(scene, inp.CONFIRM)
    assert calls == [flow] and flow.current.kind == GAME
    flow.game_over()
    assert isinstance(measure_scene(app, flow, calls.append), MeasureIntroScene)
    flow.skip()
    assert flow.current.kind == PROGRESS and measure_scene(app, flow, calls.append) is None
    assert len(calls) == 2


def test_themes_without_twins_show_a_notice_then_hand_back(app):
    calls = []
    flow = MeasureFlow.plan(app.content, ["no_such_theme"], "college", random.Random(1))
    scene = measure_scene(app, flow, calls.append)
    assert flow.current.kind == SKIPPED and isinstance(scene, MeasureIntroScene)
    app.stack.append(scene)
    scene.ensure_layout((1280, 720))
    assert "On joue sans la mesure" in [tb.text for tb, _c in scene.texts]
    key(scene, inp.CONFIRM)
    assert calls == [flow]


def test_the_progress_says_before_and_after_in_plain_words(app):
    r = MeasureResult(items=5, before=2, after=4, complete=True, discernment_before=1.0, discernment_after=3.5)
    lines = [t for _role, t in progress_pieces([r])]
    assert "Avant\u00a0: 2 sur 5. Après\u00a0: 4 sur 5." in lines
    assert "Il te manquait 3\u00a0réponses avant\u00a0: tu en as trouvé 2 de plus." in lines  # the normalised gain
    assert "Tu fais mieux la différence qu'avant\u00a0!" in lines
    group = [t for _role, t in progress_pieces([r, MeasureResult(5, 3, 4, True, 0.0, 1.0)], group=True)]
    assert "En moyenne, avant\u00a0: 2,5 sur 5. Après\u00a0: 4 sur 5." in group
    assert any("tendance, pas une preuve" in t for t in group)
    unfinished = [t for _r, t in progress_pieces([MeasureResult(5, 2, 0, False)])]
    assert not any("Après\u00a0:" in t for t in unfinished)


def test_a_results_screen_can_mount_the_progress(app):
    from game.scenes.base import Scene

    class Host(Scene):
        def build(self, m):
            self.used = mount_progress(self, m.content, [MeasureResult(5, 1, 3, True, 0.5, 2.0)])

    host = Host(app)
    host.ensure_layout((1280, 720))
    texts = [tb.text for tb, _c in host.texts]
    assert texts[0] == "Ton chemin" and "Avant\u00a0: 1 sur 5. Après\u00a0: 3 sur 5." in texts
    assert host.used.height <= 720 and not cut_texts(host, (1280, 720))


def test_the_discernment_is_said_as_points_more_or_fewer_for_the_reliable_posts(app):
    lines = [t for _r, t in progress_pieces([MeasureResult(5, 1, 5, True, -2, 2.5)])]
    assert "Avant la partie\u00a0: tu as donné en moyenne 2\u00a0points de moins aux posts fiables qu'aux posts " \
           "trompeurs." in lines
    assert "Après la partie\u00a0: tu as donné en moyenne 2,5\u00a0points de plus aux posts fiables qu'aux posts " \
           "trompeurs." in lines
    same = [t for _r, t in progress_pieces([MeasureResult(5, 1, 5, True, 0, 0)])]
    assert any("les mêmes notes aux posts fiables et aux posts trompeurs" in t for t in same)
    # The screen that asks for a rating never says « pas de note » (it asks the player to « noter »).
    scene = MeasureRateScene(app, flow_at(app.content, RATE), lambda f: None, measure_scene)
    scene.ensure_layout((1280, 720))
    assert not any("note" in tb.text.lower() and "pas" in tb.text.lower() for tb, _c in scene.texts)
