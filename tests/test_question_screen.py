"""The solo question screen: the session's choice order, a slider that reveals nothing, and the
answer marked in place (issues 13.11, 14.1, 14.3)."""

import pygame
import pytest

from conftest import make_app
from game import input as inp
from game.i18n import fmt_percent
from game.scenes.play import Play
from game.scenes.question import QuestionScene
from game.session import FULL_PATH, Session, Step
from game.ui.widgets import Button

SIZE = (1280, 720)


@pytest.fixture(scope="module")
def app(real_content):
    a = make_app(real_content)
    yield a
    pygame.display.quit()


def scene_for(app, step):
    play = Play(Session(app.content, FULL_PATH, [step], seed=0))
    scene = QuestionScene(app, play, app.content.questions[step.id])
    app.replace(scene)
    scene.ensure_layout(SIZE)
    return scene


def first_of(app, kind, n=4):
    return next(q for q in app.content.questions.values() if q.type == kind and len(q.choices) in (n, 0)
                and (kind != "multiple" or len(q.correct_ids) >= 2))


def shown_ids(scene, prefix="choice:"):
    return [w.id.split(":", 1)[1] for w in scene.widgets if w.id.startswith(prefix)]


def test_choices_stand_in_the_sessions_order_and_keys_pick_what_is_shown(app):
    q = first_of(app, "single")
    order = tuple(reversed([c.id for c in q.choices]))
    scene = scene_for(app, Step("question", q.id, order))
    assert tuple(shown_ids(scene)) == order
    scene.handle(inp.Intent(inp.PICK, index=0))  # key 1: the first choice on screen
    assert scene.answer is not None and scene.answer.choice_ids == (order[0],)
    # The feedback keeps the same places.
    scene.ensure_layout(SIZE)
    assert tuple(shown_ids(scene, "shown:")) == order


def test_sessions_deal_different_orders_for_the_same_question(app):
    q = first_of(app, "single")
    seen = set()
    for seed in range(40):
        s = Session.start(app.content, q.theme, seed=seed)
        for step in s.steps:
            if step.id == q.id:
                seen.add(step.order)
    assert len(seen) > 1


def test_the_slider_starts_where_the_session_drew_it_and_must_move(app):
    q = first_of(app, "estimate")
    start = q.estimate.min if abs(q.estimate.min - q.estimate.answer) > 4 * q.estimate.tolerance else q.estimate.max
    scene = scene_for(app, Step("question", q.id, (), start))
    assert scene.value == start and scene.widget("slider").value == start
    assert not scene.widget("submit").enabled
    scene.focus_id = "slider"
    scene.handle(inp.Intent(inp.CONFIRM))  # Enter without moving: nothing is answered
    scene.on_activate(scene.widget("submit"))
    assert scene.answer is None and scene.phase == "ask"
    scene.on_activate(scene.widget("plus" if start < q.estimate.max else "minus"))
    scene.ensure_layout(SIZE)
    assert scene.moved and scene.widget("submit").enabled
    scene.on_activate(scene.widget("submit"))
    assert scene.answer is not None and scene.answer.value == scene.value != start


def test_a_partly_right_several_answer_question_marks_each_box_in_place(app):
    q = first_of(app, "multiple")
    right = sorted(q.correct_ids)
    wrong = sorted(c.id for c in q.choices if not c.correct)
    scene = scene_for(app, Step("question", q.id, tuple(c.id for c in q.choices)))
    picked = [right[0]] + wrong[:1]
    for cid in picked:
        scene.on_activate(scene.widget(f"choice:{cid}"))
    scene.ensure_layout(SIZE)
    scene.on_activate(scene.widget("submit"))
    scene.ensure_layout(SIZE)
    marks = {w.id.split(":", 1)[1]: w for w in scene.widgets if w.id.startswith("shown:")}
    assert marks[right[0]].marker == "right" and "Ta réponse\u00a0: juste" in marks[right[0]].label
    assert marks[right[1]].marker == "missed" and "Oubliée" in marks[right[1]].label
    assert marks[wrong[0]].marker == "wrong" and "fausse" in marks[wrong[0]].label
    texts = " ".join(tb.text for tb, _c in scene.texts)
    assert f"Tu as trouvé 1 bonne réponse sur {len(right)}." in texts
    assert "Chaque case fausse cochée annule une case juste." in texts
    assert all(not w.enabled for w in marks.values())  # shown, not pressable
    assert isinstance(scene.widget("continue"), Button) and scene.max_scroll == 0


def test_the_chosen_and_the_right_answer_are_marked_on_a_single_choice(app):
    q = first_of(app, "single")
    wrong = next(c.id for c in q.choices if not c.correct)
    scene = scene_for(app, Step("question", q.id, tuple(c.id for c in q.choices)))
    scene.on_activate(scene.widget(f"choice:{wrong}"))
    scene.ensure_layout(SIZE)
    marks = {w.id.split(":", 1)[1]: w.marker for w in scene.widgets if w.id.startswith("shown:")}
    assert marks[wrong] == "wrong" and marks[next(iter(q.correct_ids))] == "right"
    assert sum(m is None for m in marks.values()) == len(q.choices) - 2


def estimate_scene(app, size=SIZE):
    q = first_of(app, "estimate")
    est = q.estimate
    start = est.min if abs(est.min - est.answer) > 4 * est.tolerance else est.max
    scene = scene_for(app, Step("question", q.id, (), start))
    scene.ensure_layout(size)
    return q, scene


def test_a_drag_moves_the_knob_all_the_way_not_only_its_first_step(app):
    q, scene = estimate_scene(app)
    est = q.estimate
    track = scene.widget("slider").track
    y = scene.widget("slider").rect.centery
    scene.handle(inp.Intent(inp.POINTER_DOWN, device="touch", pos=(track.x + track.width // 10, y)))
    scene.ensure_layout(SIZE)  # the first move wakes « Valider » up: a new layout
    end = track.x + track.width * 9 // 10
    scene.handle(inp.Intent(inp.POINTER_MOVE, device="touch", pos=(end, y), pressed=True))
    scene.ensure_layout(SIZE)
    scene.handle(inp.Intent(inp.POINTER_UP, device="touch", pos=(end, y)))
    scene.ensure_layout(SIZE)
    shown = scene.widget("slider").value
    assert scene.moved and scene.widget("submit").enabled
    assert shown == scene.value and shown > est.min + (est.max - est.min) * 0.7


def test_the_pad_and_the_arrows_move_the_slider_and_wake_the_button(app):
    q, scene = estimate_scene(app)
    scene.focus_id = "slider"
    direction = inp.RIGHT if scene.value < q.estimate.max else inp.LEFT
    scene.handle(inp.Intent(direction, device="gamepad"))
    scene.ensure_layout(SIZE)
    assert scene.moved and scene.widget("submit").enabled and scene.widget("slider").value == scene.value
    assert "Déplace le curseur" not in " ".join(tb.text for tb, _c in scene.texts)


@pytest.mark.parametrize("device", ["mouse", "touch"])
def test_a_tap_picks_the_choice_drawn_under_it(app, device):
    q = first_of(app, "single")
    order = tuple(reversed([c.id for c in q.choices]))
    scene = scene_for(app, Step("question", q.id, order))
    target = scene.widget(f"choice:{order[1]}")
    scene.handle(inp.Intent(inp.POINTER_DOWN, device=device, pos=target.rect.center))
    scene.handle(inp.Intent(inp.POINTER_UP, device=device, pos=target.rect.center))
    assert scene.answer.choice_ids == (order[1],)


def test_the_pad_reaches_the_choices_in_the_order_shown(app):
    q = first_of(app, "single")
    order = tuple(reversed([c.id for c in q.choices]))
    scene = scene_for(app, Step("question", q.id, order))
    assert scene.focus_id is None or scene.focus_id == f"choice:{order[0]}" or scene.focus_id == "menu"
    scene.focus_id = f"choice:{order[0]}"
    scene.handle(inp.Intent(inp.NEXT, device="gamepad"))
    scene.handle(inp.Intent(inp.CONFIRM, device="gamepad"))
    assert scene.answer.choice_ids == (order[1],)


def test_missed_boxes_have_their_own_shape_and_the_partial_credit_is_said(app):
    q = next(q for q in app.content.questions.values() if q.type == "multiple" and len(q.correct_ids) >= 2
             and len(q.choices) > len(q.correct_ids))
    right = sorted(q.correct_ids)
    wrong = sorted(c.id for c in q.choices if not c.correct)
    scene = scene_for(app, Step("question", q.id, tuple(c.id for c in q.choices)))
    for cid in right[:-1]:
        scene.on_activate(scene.widget(f"choice:{cid}"))
    scene.ensure_layout(SIZE)
    scene.on_activate(scene.widget("submit"))
    scene.ensure_layout(SIZE)
    marks = {w.id.split(":", 1)[1]: w.marker for w in scene.widgets if w.id.startswith("shown:")}
    assert {marks[c] for c in right[:-1]} == {"right"} and marks[right[-1]] == "missed"
    assert all(marks[c] is None for c in wrong)
    texts = " ".join(tb.text for tb, _c in scene.texts)
    hits = len(right) - 1
    assert f"Crédit partiel\u00a0: {fmt_percent(hits / len(right))}." in texts
    # The three marks look different on screen, not only by their words.
    surface = pygame.Surface(SIZE)
    scene.draw(surface)
    hit, missed = scene.widget(f"shown:{right[0]}"), scene.widget(f"shown:{right[-1]}")
    def badge(w):
        s = round(scene.metrics.body * 1.3)
        box = pygame.Rect(w.rect.x + max(8, scene.metrics.gap), w.rect.centery - s // 2, s, s)
        return [tuple(surface.get_at((box.x + i, box.y + j)))[:3] for i in range(s) for j in range(s)]
    assert badge(hit) != badge(missed)


def test_a_wrong_tick_takes_the_credit_down(app):
    q = next(q for q in app.content.questions.values() if q.type == "multiple" and len(q.correct_ids) >= 2
             and len(q.choices) > len(q.correct_ids))
    right = sorted(q.correct_ids)
    wrong = sorted(c.id for c in q.choices if not c.correct)
    scene = scene_for(app, Step("question", q.id, tuple(c.id for c in q.choices)))
    for cid in right + wrong[:1]:
        scene.on_activate(scene.widget(f"choice:{cid}"))
    scene.ensure_layout(SIZE)
    scene.on_activate(scene.widget("submit"))
    scene.ensure_layout(SIZE)
    texts = " ".join(tb.text for tb, _c in scene.texts)
    assert f"Crédit partiel\u00a0: {fmt_percent((len(right) - 1) / len(right))}." in texts
    assert "annule une case juste" in texts


def test_an_estimate_keeps_its_scale_with_both_answers_marked_in_place(app):
    q, scene = estimate_scene(app)
    scene.on_activate(scene.widget("plus" if scene.value < q.estimate.max else "minus"))
    scene.ensure_layout(SIZE)
    scene.on_activate(scene.widget("submit"))
    scene.ensure_layout(SIZE)
    assert scene.phase == "feedback"
    marks = scene.estimate_marks
    assert set(marks) == {"mine", "answer"}
    assert marks["answer"].centerx > marks["mine"].centerx if q.estimate.answer > scene.answer.value \
        else marks["answer"].centerx < marks["mine"].centerx
    texts = [tb.text for tb, _c in scene.texts]
    assert any("Ta réponse" in t for t in texts) and any("La bonne réponse" in t for t in texts)


@pytest.mark.parametrize("scale", [1.5, 2.0])
@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080), (1080, 1920)],
                         ids=["1024x600", "1280x720", "1920x1080", "1080x1920"])
def test_continuer_stays_in_view_at_large_text_wherever_the_page_is_scrolled(app, size, scale):
    from game.settings import Settings

    app.apply_settings(Settings(text_scale=scale), save=False)
    window = app.screen
    app.screen = surface = pygame.Surface(size)  # the window at that size: input is laid out for it
    try:
        hidden = []
        for q in list(app.content.questions.values())[::7]:
            for scroll in (0, 0.5):  # the top of the page, then half-way down
                play = Play(Session(app.content, FULL_PATH, [Step("question", q.id)], seed=0))
                scene = QuestionScene(app, play, q)
                app.replace(scene)
                if q.type == "estimate":
                    scene.moved = True
                    scene._submit([], q.estimate.min)
                else:
                    scene._submit([c.id for c in q.choices if not c.correct][:1], None)
                scene.draw(surface)
                if scroll and not scene.max_scroll:
                    continue
                scene.scroll = round(scene.max_scroll * scroll)
                scene.draw(surface)
                spot = scene.continue_on_screen()
                if spot is None or not surface.get_rect().contains(spot) \
                        or tuple(surface.get_at(spot.midleft))[:3] == tuple(app.palette.background):
                    hidden.append(f"{q.id} scroll {scroll}")
                    continue
                scene.handle(inp.Intent(inp.POINTER_DOWN, device="touch", pos=spot.center))
                scene.handle(inp.Intent(inp.POINTER_UP, device="touch", pos=spot.center))
                if play.session.index != 1:
                    hidden.append(f"{q.id} scroll {scroll}: the tap did not continue")
        assert not hidden, hidden[:10]
    finally:
        app.screen = window
        app.apply_settings(Settings(), save=False)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_several_answer_prompt_is_not_told_twice_that_there_are_several(app, lang):
    """« …? Plusieurs réponses possibles. » was followed by « Plusieurs réponses sont justes :
    coche-les toutes, puis valide. » (« More than one answer possible. » + « More than one answer
    is right… »). A prompt that says there may be several gets only « tick them all » (« possibles »
    does not say every right one must be ticked), one that says « Choose all that apply. »
    nothing more; a prompt that says neither still gets the whole hint."""
    app.set_language(lang)
    full = {"fr": "Plusieurs réponses sont justes\u00a0: coche-les toutes, puis valide.",
            "en": "More than one answer is right: tick them all, then check."}[lang]
    short = {"fr": "Coche toutes les bonnes réponses, puis valide.", "en": "Tick all the right answers, then check."}[lang]
    try:
        for q in [q for q in app.content.questions.values() if q.type == "multiple"][:12]:
            texts = [tb.text for tb, _c in scene_for(app, Step("question", q.id)).texts]
            assert q.prompt in texts and full not in texts, (q.id, texts)
            assert (short in texts) == ("all that apply" not in q.prompt), (q.id, q.prompt, texts)
        bare = q.model_copy(update={"prompt": q.prompt.split("?")[0] + "?"})  # a teacher's prompt that says nothing
        app.content.questions[q.id] = bare
        try:
            texts = [tb.text for tb, _c in scene_for(app, Step("question", q.id)).texts]
            assert full in texts and short not in texts, texts
        finally:
            app.content.questions[q.id] = q
    finally:
        app.set_language("fr")
