"""The results use the room (issue 16 review): no page leaves a large empty band between its
title and its buttons, at 1280x720, 1024x600, 1920x1080 and in portrait (1080x1920), where the
meters are larger, the profile is a radar and the careers' pictures are bigger."""

from __future__ import annotations

import pygame
import pytest
from conftest import make_app
from test_results_screen import finished_run

from game.scenes.play import Play
from game.scenes.results import ResultsScene

SIZES = [(1280, 720), (1024, 600), (1920, 1080), (1080, 1920)]


@pytest.fixture(scope="module")
def app(real_content):
    a = make_app(real_content)
    yield a
    pygame.display.quit()


def shown(app, size, page):
    scene = ResultsScene(app, Play(finished_run(app.content)))
    app.reset_to(scene)
    scene.page = page
    scene.invalidate()
    surface = pygame.Surface(size)
    scene.draw(surface)
    return scene


def ink_bands(scene) -> list[tuple[int, int]]:
    """The rows where something is drawn between the title and the buttons: texts, the meters'
    texts and bars, the chart's labels, the pictures, the career cards' texts."""
    rects = [tb.bounds for tb, _c in scene.texts]
    for w in scene.widgets:
        rects += [tb.bounds for tb in getattr(w, "text_boxes", [])]
    if scene.meters is not None and scene.meters_rect is not None:
        for mt in scene.meters.meters:
            rects += [tb.bounds for tb in mt.drawn]
    if scene.chart is not None and scene.chart_rect is not None:
        rects += [tb.bounds for tb in scene.chart.drawn]
    if scene.bars is not None and scene.bars_rect is not None:
        rects += [tb.bounds for tb in scene.bars.drawn]
    rects += [r for r, _n in scene.badges]
    return sorted((r.top, r.bottom) for r in rects if r.height)


def largest_gap(scene, size) -> int:
    m = scene.metrics
    nav_top = min(w.rect.top for w in scene.widgets if w.id in ("next", "replay", "settings"))
    title_bottom = min(r.bottom for r in (tb.bounds for tb, _c in scene.texts))
    gap, y = 0, title_bottom
    for top, bottom in ink_bands(scene):
        if top >= nav_top:
            continue
        gap = max(gap, top - y)
        y = max(y, bottom)
    return max(gap, nav_top - y - m.gap * 2)


@pytest.mark.parametrize("size", SIZES)
def test_no_results_page_leaves_a_large_empty_band(app, size):
    scene = shown(app, size, 0)
    for page, (kind, _part) in enumerate(scene.pages):
        if kind == "recap":
            continue  # a list that takes as many pages as it needs: its last page may be short
        scene = shown(app, size, page)
        assert largest_gap(scene, size) <= size[1] * 0.14, (size, kind, largest_gap(scene, size))
        assert scene._problems() == 0 and scene.max_scroll == 0, (size, kind)


def test_portrait_has_larger_meters_a_radar_and_larger_pictures(app):
    land, tall = shown(app, (1280, 720), 0), shown(app, (1080, 1920), 0)
    assert tall.meters.meters[0].text_size >= land.meters.meters[0].text_size * 1.2
    tall = shown(app, (1080, 1920), 1)
    assert tall.chart.choose_style(tall.chart_rect) == "radar"
    land, tall = shown(app, (1280, 720), 2), shown(app, (1080, 1920), 2)
    assert min(r.width for r, _n in tall.badges) >= max(r.width for r, _n in land.badges) * 1.3


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", SIZES + [(1024, 600)])
def test_the_career_cards_set_their_texts_at_one_size(app, size, lang):
    """The three cards' lines under the names at one shared size (card 1, the longest, was set
    smaller than cards 2 and 3), none cut."""
    app.set_language(lang)
    try:
        for seed, share in ((3, 0.3), (5, 0.9), (11, 0.6)):
            scene = ResultsScene(app, Play(finished_run(app.content, seed=seed, right_share=share)))
            app.reset_to(scene)
            scene.page = [k for k, _p in scene.pages].index("careers")
            scene.invalidate()
            scene.draw(pygame.Surface(size))
            cards = [w for w in scene.widgets if w.id.startswith("career:")]
            assert len(cards) == 3
            details = [w.text_boxes[1] for w in cards]
            assert len({d.fitted.size for d in details}) == 1, [(d.fitted.size, d.text[:30]) for d in details]
            names = [w.text_boxes[0] for w in cards]
            assert len({b.fitted.size for b in names}) == 1
            assert not any(d.fitted.truncated for d in details + names)
    finally:
        app.set_language("fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_results_title_has_one_no_break_space_before_its_page_number(app, lang):
    """« Ton bilan  (1/6) » had two plain spaces: one no-break space, the number never alone on a line."""
    app.set_language(lang)
    try:
        scene = ResultsScene(app, Play(finished_run(app.content)))
        app.reset_to(scene)
        for page in range(len(scene.pages)):
            scene.page = page
            scene.invalidate()
            scene.draw(pygame.Surface((1280, 720)))
            title = scene.texts[0][0].text
            assert title.endswith(f"\u00a0({page + 1}/{len(scene.pages)})") and "  " not in title, title
    finally:
        app.set_language("fr")
