"""The answer moment (issue 16.3) and ordering in solo (issue 15.3): the reward after a right
answer (« +1 », a running score, a streak from two in a row, the chime), nothing for a wrong one
and nothing that depends on time; the technique an item teaches named after the answer (18.3);
an ordering question played by keys to full and to partial credit; the scenario card's meters
moving after a choice, then still."""

import pygame
import pytest

from conftest import make_app
from game import input as inp
from game.qtypes.ordering import pairs_right
from game.scenes.play import Play
from game.scenes.question import QuestionScene, technique_label
from game.scenes.scenario import ScenarioScene
from game.session import FULL_PATH, Session, Step
from game.ui.widgets import Button

SIZE = (1280, 720)


class Sounds:
    def __init__(self):
        self.played = []

    def play(self, name):
        self.played.append(name)


@pytest.fixture(scope="module")
def app(real_content):
    a = make_app(real_content)
    a.audio = Sounds()
    yield a
    a.set_language("fr")
    pygame.display.quit()


def texts(scene):
    return [tb.text for tb, _c in scene.texts]


def singles(app, n):
    qs = [q for q in app.content.questions.values() if q.type == "single"][:n]
    assert len(qs) == n
    return qs


def right_of(q):
    return next(c.id for c in q.choices if c.correct)


def wrong_of(q):
    return next(c.id for c in q.choices if not c.correct)


def play_through(app, picks):
    """Answer a session of single-choice questions, one (question, choice id) after another;
    yields each question's screen once answered."""
    qs = [q for q, _cid in picks]
    play = Play(Session(app.content, FULL_PATH, [Step("question", q.id) for q in qs], seed=0))
    for q, cid in picks:
        scene = QuestionScene(app, play, app.content.questions[q.id])
        app.replace(scene)
        scene.ensure_layout(SIZE)
        scene._submit([cid], None)
        scene.ensure_layout(SIZE)
        yield scene
        play.run.next()


def test_a_right_answer_pops_plus_one_and_a_streak_from_two_in_a_row(app):
    a, b, c, d = singles(app, 4)
    app.audio.played.clear()
    shown = list(play_through(app, [(a, right_of(a)), (b, right_of(b)), (c, wrong_of(c)), (d, right_of(d))]))
    first, second, third, fourth = shown
    assert [t for _r, t in first.pop.texts()] == ["+1"]
    assert [t for _r, t in second.pop.texts()] == ["+1", "Série de 2\u00a0!"]
    assert third.pop.texts() == [] and not third.pop.visible  # a wrong answer: no chip, never a penalty
    assert [t for _r, t in fourth.pop.texts()] == ["+1"]  # the streak starts again, quietly
    assert app.audio.played == ["reward", "streak", "wrong", "reward"]
    assert "2 bonnes réponses sur 2" in texts(second)
    assert "2 bonnes réponses sur 3" in texts(third) and "3 bonnes réponses sur 4" in texts(fourth)


def test_the_chip_pops_then_stays_still_and_nothing_depends_on_time(app):
    a, b = singles(app, 2)
    scene = list(play_through(app, [(a, right_of(a)), (b, right_of(b))]))[1]
    assert scene.pop.moving and scene.update(0.05)
    for _ in range(20):
        scene.update(0.05)
    assert not scene.pop.moving and scene.pop.visible and not scene.update(0.05)  # still, and it stays
    scene.draw(pygame.Surface(SIZE))
    assert scene.pop_rect is not None and pygame.Rect(0, 0, *SIZE).contains(scene.pop_rect)
    # Slow or fast, the same reward: the pop never reads a clock.
    slow = list(play_through(app, [(a, right_of(a))]))[0]
    assert slow.pop.texts() == [("point", "+1")]


@pytest.mark.parametrize("lang, want", [("fr", "Technique\u00a0: l'usurpation d'identité"),
                                        ("en", "Technique: impersonation")])
def test_the_technique_is_named_after_the_answer_and_not_before(app, lang, want):
    app.set_language(lang)
    q = next(q for q in app.content.questions.values() if q.technique == "impersonation" and q.type != "ordering")
    play = Play(Session(app.content, FULL_PATH, [Step("question", q.id)], seed=0))
    scene = QuestionScene(app, play, q)
    app.replace(scene)
    scene.ensure_layout(SIZE)
    assert not any(want in t for t in texts(scene))
    scene._submit([q.choices[0].id] if q.type != "estimate" else [], q.estimate.answer if q.estimate else None)
    scene.ensure_layout(SIZE)
    assert want in texts(scene)
    app.set_language("fr")


def test_every_technique_has_a_label_in_both_languages(app):
    from game.content.models import TECHNIQUES

    for lang in ("fr", "en"):
        app.set_language(lang)
        labels = {t: technique_label(t) for t in TECHNIQUES}
        assert all(labels.values()) and len(set(labels.values())) == len(TECHNIQUES), labels
    app.set_language("fr")
    assert technique_label(None) == ""


def test_a_several_answer_question_marks_each_box_right_missed_or_wrong(app):
    q = next(q for q in app.content.questions.values() if q.type == "multiple" and len(q.correct_ids) >= 2
             and len(q.choices) - len(q.correct_ids) >= 1)
    hit = sorted(q.correct_ids)[0]
    wrong = wrong_of(q)
    play = Play(Session(app.content, FULL_PATH, [Step("question", q.id)], seed=0))
    scene = QuestionScene(app, play, q)
    app.replace(scene)
    scene._submit([hit, wrong], None)
    scene.ensure_layout(SIZE)
    marks = {w.id.split(":", 1)[1]: w.marker for w in scene.widgets if w.id.startswith("shown:")}
    assert marks[hit] == "right" and marks[wrong] == "wrong"
    assert all(marks[c] == "missed" for c in q.correct_ids - {hit})
    assert all(marks[c.id] is None for c in q.choices if not c.correct and c.id != wrong)


# -- ordering ------------------------------------------------------------------------------------
def ordering_scene(app, order):
    q = app.content.questions["ord_q01"]
    play = Play(Session(app.content, FULL_PATH, [Step("question", q.id, tuple(order))], seed=0))
    scene = QuestionScene(app, play, q)
    app.replace(scene)
    scene.ensure_layout(SIZE)
    return scene, q


def keys(scene, *kinds):
    for k in kinds:
        scene.handle(inp.Intent(k, device="keyboard"))
        scene.ensure_layout(SIZE)


def test_ordering_is_played_by_keys_to_full_credit(app):
    q = app.content.questions["ord_q01"]
    right = list(q.right_ids)  # ressources, dechets, matieres, telephone
    scene, _ = ordering_scene(app, [right[1], right[0], right[2], right[3]])
    assert scene.focus_id == "ordering" and not scene.widget("submit").enabled  # the dealt order is not an answer
    keys(scene, inp.DOWN, inp.CONFIRM, inp.FIRST, inp.CONFIRM)  # take the second row to the top
    assert list(scene.ordering.answer) == right and scene.widget("submit").enabled
    keys(scene, inp.NEXT)  # Tab leaves the list for « Valider »
    assert scene.focus_id == "submit"
    keys(scene, inp.CONFIRM)
    assert scene.phase == "feedback" and scene.answer.correct
    assert scene.answer.choice_ids == tuple(right)  # submitted as ordered, never sorted
    assert all(scene.ordering.mark(c)[0] for c in right)
    assert [t for _r, t in scene.pop.texts()] == ["+1"]


def test_ordering_with_one_pair_swapped_gets_partial_credit_in_words(app):
    q = app.content.questions["ord_q01"]
    right = list(q.right_ids)
    dealt = [right[3], right[0], right[1], right[2]]  # the lightest on top
    scene, _ = ordering_scene(app, dealt)
    keys(scene, inp.CONFIRM, inp.LAST, inp.CONFIRM)  # it goes to the bottom: right order...
    keys(scene, inp.UP, inp.UP, inp.CONFIRM, inp.UP, inp.CONFIRM)  # ...then swap the first two back
    answer = list(scene.ordering.answer)
    good, total = pairs_right(right, answer)
    assert answer == [right[1], right[0], right[2], right[3]] and (good, total) == (5, 6)
    scene.on_activate(scene.widget("submit"))
    scene.ensure_layout(SIZE)
    assert scene.phase == "feedback" and not scene.answer.correct and scene.answer.choice_ids == tuple(answer)
    said = " ".join(texts(scene))
    assert "5 paires sur 6 sont dans le bon ordre." in said and "83\u00a0%" in said
    assert not scene.pop.visible  # partial credit: said in words, no « +1 »
    rows = {cid: scene.ordering.mark(cid)[0] for cid in right}
    assert rows == {right[0]: False, right[1]: False, right[2]: True, right[3]: True}


def test_ordering_feedback_fits_every_size(app):
    q = app.content.questions["ord_q01"]
    for size in ((1280, 720), (1024, 600), (1080, 1920)):
        scene, _ = ordering_scene(app, list(reversed(q.right_ids)))
        scene._submit(list(reversed(q.right_ids)), None)
        scene.draw(pygame.Surface(size))
        cut = [tb.text[:30] for tb in scene.ordering.text_boxes + [tb for tb, _c in scene.texts]
               if tb.fitted is not None and tb.fitted.truncated]
        assert not cut, (size, cut)
        assert scene.continue_on_screen() is not None and pygame.Rect(0, 0, *size).contains(scene.continue_on_screen())


def test_the_bot_reorders_before_it_submits(app):
    """Autoplay's bot must move a row (the shown order is never the answer) with every device."""
    import random

    from game.autoplay import Bot

    q = app.content.questions["ord_q01"]
    for device in ("mouse", "touch", "keyboard", "gamepad"):
        scene, _ = ordering_scene(app, list(reversed(q.right_ids)))
        app.draw(app.screen)
        bot = Bot(app, random.Random(4), device)
        for _ in range(12):
            if scene.phase == "feedback":
                break
            bot.act()
        assert scene.phase == "feedback", device
        assert scene.answer.choice_ids != tuple(reversed(q.right_ids)), device


# -- scenario meters -------------------------------------------------------------------------------
def test_a_choice_moves_the_meters_which_then_stand_still(app):
    card = next(s for s in app.content.scenarios.values()
                if any(sum(1 for v in c.effects.values() if v) >= 2 for c in s.choices))
    choice = next(c for c in card.choices if sum(1 for v in c.effects.values() if v) >= 2)
    play = Play(Session(app.content, FULL_PATH, [Step("scenario", card.id)], seed=0))
    scene = ScenarioScene(app, play, card)
    app.replace(scene)
    scene.draw(pygame.Surface(SIZE))
    assert scene.meters.empty and not scene.update(0.1)  # at rest before the choice: nothing to redraw
    assert scene.art_rect is not None and scene.chip_rect is not None  # the card's picture and theme chip
    scene.on_activate(Button(f"choice:{choice.id}", pygame.Rect(0, 0, 1, 1)))
    assert scene.update(0.1)  # easing to the new totals
    for _ in range(10):
        scene.update(0.1)
    assert not scene.meters.moving and not scene.update(0.1)
    moved = {mt.indicator.id: mt.value for mt in scene.meters.meters if mt.last_change}
    assert moved == {k: v for k, v in choice.effects.items() if v}
