"""The results screen (issue 16.5): the gauges as large meters at rest, the profile as a chart,
careers with their pictogram, the missed questions with their right answers (pages if long),
the action then the closing take-away last; at a kiosk only, a QR code that carries the recap
as plain text and nothing personal. Fit at 1024x600, 1280x720, 1080x1920, French and English,
100 % and 200 % text."""

import random

import pygame
import pytest

from conftest import make_app
from game.flow.solorun import SoloRun
from game.scenes.play import Play
from game.scenes.results import ResultsScene
from game.settings import Settings

SIZES = [(1024, 600), (1280, 720), (1080, 1920)]


class Kiosk:
    def on_input(self):
        pass

    def reset(self):
        pass

    def tick(self):
        pass


@pytest.fixture(scope="module")
def app(real_content):
    a = make_app(real_content)
    yield a
    a.set_language("fr")
    a.kiosk = None
    pygame.display.quit()


def finished_run(content, seed=3, right_share=0.3):
    """A full game played without a screen: some answers right, most wrong, each card's first choice."""
    run = SoloRun.start(content, "all", seed=seed)
    rng = random.Random(seed)
    while not run.finished:
        item = run.item
        ok = rng.random() < right_share
        if run.step.kind == "scenario":
            run.choose(item.choices[-1].id)
        elif item.type == "estimate":
            run.answer_question([], item.estimate.answer if ok else item.estimate.min)
        elif item.type == "ordering":
            run.answer_question(list(item.right_ids) if ok else list(reversed(item.right_ids)))
        else:
            right = [c.id for c in item.choices if c.correct]
            wrong = [c.id for c in item.choices if not c.correct]
            run.answer_question(right if ok else wrong[:1])
        run.next()
    return run


def results_scene(app, run):
    scene = ResultsScene(app, Play(run))
    app.replace(scene)
    return scene


def pages_of(scene, size):
    scene.ensure_layout(size)
    for i in range(len(scene.pages)):
        scene.page = i
        scene.invalidate()
        surface = pygame.Surface(size)
        scene.draw(surface)
        yield scene.screen_name, surface


def texts(scene):
    return " ".join(tb.text for tb, _c in scene.texts)


@pytest.mark.parametrize("lang, scale", [("fr", 1.0), ("en", 1.0), ("fr", 2.0)])  # 200 %: the longer texts
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_fits_and_keeps_its_buttons_in_view(app, size, lang, scale):
    app.set_language(lang)
    app.apply_settings(Settings(text_scale=scale), save=False)
    app.kiosk = Kiosk()  # the most pages: the QR page too
    scene = results_scene(app, finished_run(app.content))
    problems = []
    try:
        for name, _surface in pages_of(scene, size):
            window = pygame.Rect(0, scene.scroll, *size)
            cut = [tb.text[:30] for tb, _c in scene.texts if tb.fitted.truncated]
            cut += [tb.text[:30] for w in scene.widgets for tb in getattr(w, "text_boxes", []) if tb.fitted.truncated]
            if scale == 1.0 and scene.page_height > size[1]:
                problems.append(f"{name}: scrolls ({scene.page_height})")
            if cut:
                problems.append(f"{name}: cut {cut}")
            for wid in ("next", "replay", "previous"):
                w = scene.widget(wid)
                if w is not None and scale == 1.0 and not window.contains(w.rect):
                    problems.append(f"{name}: {wid} out of view")
    finally:
        app.kiosk = None
        app.apply_settings(Settings(), save=False)
        app.set_language("fr")
    assert not problems, problems


def test_the_pages_in_order_end_on_the_closing_take_away(app):
    run = finished_run(app.content)
    scene = results_scene(app, run)
    names = [name for name, _s in pages_of(scene, (1280, 720))]
    assert names[:3] == ["results_summary", "results_profile", "results_careers"]
    assert names[3].startswith("results_recap") and names[-1] == "results_actions"
    closing = next(t for t in app.content.takeaways.values() if t.closing)
    shown = texts(scene)
    assert closing.title in shown and shown.index(closing.title) > shown.index(scene.action_card().title)
    assert scene.widget("replay") is not None


def test_the_meters_show_the_totals_at_rest(app):
    run = finished_run(app.content)
    scene = results_scene(app, run)
    scene.ensure_layout((1280, 720))
    scene.draw(pygame.Surface((1280, 720)))
    assert scene.meters is not None and scene.meters_rect is not None
    values = {mt.indicator.id: mt.value for mt in scene.meters.meters}
    assert values == {k: pytest.approx(v) for k, v in run.results.indicators.items()}
    assert not scene.meters.moving and not scene.update(0.1)  # a result: nothing eases, nothing redraws
    basis = [tb.text for mt in scene.meters.meters for tb in mt.drawn if "≈" in tb.text and "(" in tb.text]
    assert basis, "each comparison names where its unit comes from"


def test_the_profile_is_a_chart_and_careers_have_their_pictogram(app):
    scene = results_scene(app, finished_run(app.content))
    scene.ensure_layout((1280, 720))
    scene.page = 1
    scene.invalidate()
    scene.draw(pygame.Surface((1280, 720)))
    assert scene.chart is not None and scene.chart_rect is not None
    assert scene.chart.choose_style(scene.chart_rect) in ("bars", "radar")
    scene.page = 2
    scene.invalidate()
    scene.draw(pygame.Surface((1280, 720)))
    careers = [w for w in scene.widgets if w.id.startswith("career:")]
    assert careers and len(scene.badges) == len(careers)
    for (rect, name), w in zip(scene.badges, careers):
        assert name and not rect.colliderect(w.rect) and rect.height >= 44


def test_the_recap_lists_each_missed_question_with_its_right_answer(app):
    run = finished_run(app.content, right_share=0.0)
    scene = results_scene(app, run)
    missed = scene.missed()
    wrong = [a for a in run.answers if a.kind == "question" and not a.correct]
    assert len(missed) == len(wrong) > 5
    seen = []
    for name, _s in pages_of(scene, (1024, 600)):
        if name.startswith("results_recap"):
            seen.append(texts(scene))
    assert len(seen) > 1  # long: on several pages, never cut
    for prompt, right in missed:
        assert any(prompt in page and right in page for page in seen), prompt


def test_a_qr_code_only_at_a_kiosk_carrying_the_recap_and_no_name(app):
    run = finished_run(app.content)
    plain = results_scene(app, run)
    assert not any(name == "results_keep" for name, _s in pages_of(plain, (1280, 720)))
    assert plain.qr_rect is None
    app.kiosk = Kiosk()
    try:
        scene = results_scene(app, run)
        names = [name for name, _s in pages_of(scene, (1280, 720))]
        assert names[-2:] == ["results_keep", "results_actions"]
        scene.page = names.index("results_keep")
        scene.invalidate()
        surface = pygame.Surface((1280, 720))
        scene.draw(surface)
        assert scene.qr_rect is not None and scene.qr_rect.width >= 200
        assert "ni ton nom" in texts(scene)  # a sentence says what it holds
        text = scene.recap_text()
        right, total = run.results.score
        assert f"{right} / {total}" in text and scene.action_card().title in text
        assert len(text) <= 700
        # What the code holds: the recap, and nothing of the player's.
        from game.pads.qr import qr_matrix

        assert qr_matrix(text, error="l").data == text
        for personal in ("http", "@", run.started_at.isoformat()[:10], *(a.item_id for a in run.answers)):
            assert personal not in text  # no address, no date, no id that could tie it to a record
        # The drawn code is the QR of that text: its picture, pixel for pixel, where it was drawn.
        assert scene._qr_for[0] == text
        img = scene._qr(scene.qr_rect.width)
        where = img.get_rect(center=scene.qr_rect.center)
        drawn = surface.subsurface(where)
        for x, y in ((1, 1), (where.width // 2, where.height // 2), (where.width // 3, where.height // 5)):
            assert drawn.get_at((x, y)) == img.get_at((x, y))
        assert drawn.get_at((1, 1))[:3] == (255, 255, 255)  # the quiet zone, light
    finally:
        app.kiosk = None
