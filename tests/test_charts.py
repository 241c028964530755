"""Profile chart, reward pop, logo and reward sound: shapes from the values, labels readable and
inside the rect at 1024×600, 1280×720 and 1080×1920, the pop settles and stays, nothing outside."""

from __future__ import annotations

import pygame
import pytest

from game.i18n import set_language
from game.ui import logo
from game.ui.charts import ProfileChart
from game.ui.icons import Icons
from game.ui.layout import metrics_for
from game.ui.reward import POP_SECONDS, RewardPop, draw_pop
from game.ui.text import FontBook, TextRenderer
from game.ui.theme import DEFAULT, HIGH_CONTRAST

SENTINEL = (1, 2, 3)
SCREENS = [(1024, 600), (1280, 720), (1080, 1920)]
PROFILE = {"eco_design": 3.0, "repair": 5.0, "inclusion": 2.0, "ai_ethics": 0.5, "information": 4.0, "security": 1.0}


@pytest.fixture(scope="module")
def kit():
    pygame.display.init()
    pygame.font.init()
    return TextRenderer(FontBook()), Icons()


@pytest.fixture(scope="module")
def axes(real_content):
    return [(a.id, a.label) for a in real_content.axes.values()]


def changed(surface: pygame.Surface, rect: pygame.Rect) -> tuple[int, int]:
    inside = pygame.mask.from_threshold(surface.subsurface(rect), SENTINEL, (1, 1, 1, 255))
    inside_changed = rect.width * rect.height - inside.count()
    surface.fill(SENTINEL, rect)
    untouched = pygame.mask.from_threshold(surface, SENTINEL, (1, 1, 1, 255)).count()
    return surface.get_width() * surface.get_height() - untouched, inside_changed


@pytest.fixture(scope="module")
def en_axes():
    """The English labels, from the content translation."""
    from game.content.loader import load_content
    from game.content.translate import apply

    return [(a.id, a.label) for a in apply(load_content(real_content_dir()), "en").axes.values()]


def real_content_dir():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "questions"


def chart_rect(screen: tuple[int, int]) -> pygame.Rect:
    """The room a results screen gives the chart: half the width in landscape, half the height in portrait."""
    m = metrics_for(screen)
    w, h = screen
    if m.portrait:
        return pygame.Rect(m.margin, m.margin, w - 2 * m.margin, (h - 3 * m.margin) // 2)
    return pygame.Rect(m.margin, m.margin, (w - 3 * m.margin) // 2, h - 2 * m.margin)


def test_shares_are_relative_to_the_strongest_axis(kit, axes):
    renderer, icons = kit
    chart = ProfileChart(axes, PROFILE, renderer, icons)
    shares = chart.shares()
    assert shares["repair"] == 1.0 and shares["eco_design"] == pytest.approx(0.6)
    assert chart.strongest() == "repair"
    empty = ProfileChart(axes, {}, renderer, icons)
    assert empty.strongest() is None and not any(empty.shares().values())
    set_language("fr")
    assert "Réparation" in chart.alt().split(":", 1)[1].split(";")[0]
    assert empty.alt() == empty.empty_text()


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=["default", "hc"])
@pytest.mark.parametrize("style", ["radar", "bars", "auto"])
@pytest.mark.parametrize("screen", SCREENS)
def test_chart_draws_inside_its_rect(kit, axes, screen, style, palette):
    renderer, icons = kit
    rect = chart_rect(screen)
    for values in (PROFILE, {}):
        surf = pygame.Surface(screen)
        surf.fill(SENTINEL)
        ProfileChart(axes, values, renderer, icons, style=style).draw(surf, rect, palette)
        outside, inside = changed(surf, rect)
        assert outside == 0 and inside > rect.width * rect.height // 50


@pytest.mark.parametrize("screen", SCREENS)
def test_chart_labels_are_readable(kit, axes, screen):
    renderer, icons = kit
    chart = ProfileChart(axes, PROFILE, renderer, icons)
    rect = chart_rect(screen)
    assert chart._body(rect) >= 14
    assert chart.choose_style(rect) in ("radar", "bars")
    # A strip too low for a radar gets bars.
    assert chart.choose_style(pygame.Rect(0, 0, 900, 260)) == "bars"


def test_reward_pop_grows_in_then_stays_still_and_visible(kit):
    pop = RewardPop()
    assert not pop.visible and not pop.update(0.1)
    pop.start(points=1, streak=3)
    assert pop.moving and pop.visible
    assert pop.scale() == 0.0
    peak = 0.0
    frames = 0
    while pop.update(1 / 60):
        peak = max(peak, pop.scale())
        frames += 1
        assert frames < 60
    assert 1.0 < peak < 1.15, "a small overshoot, not a jump"
    assert frames <= (POP_SECONDS + 0.1) * 60 + 2
    # Never taken away from a slow reader: after a minute it is still there, unchanged, still.
    texts = pop.texts()
    for _ in range(60):
        assert not pop.update(1.0)
    assert pop.visible and pop.texts() == texts and pop.scale() == 1.0
    set_language("fr")
    assert texts == [("point", "+1"), ("streak", "Série de 3\u00a0!")]
    pop.clear()
    assert not pop.visible


def test_reward_pop_without_motion_and_without_streak():
    pop = RewardPop()
    pop.start(points=1, streak=1, animate=False)
    assert pop.visible and not pop.moving and pop.scale() == 1.0
    assert [role for role, _t in pop.texts()] == ["point"]


@pytest.mark.parametrize("screen", SCREENS)
def test_reward_pop_draws_inside_its_rect(kit, screen):
    renderer, icons = kit
    m = metrics_for(screen)
    pop = RewardPop()
    pop.start(points=1, streak=4)
    pop.update(POP_SECONDS * 0.7)  # at the overshoot
    rect = pygame.Rect(m.margin, m.margin, screen[0] - 2 * m.margin, m.body * 3)
    surf = pygame.Surface(screen)
    surf.fill(SENTINEL)
    placed = draw_pop(surf, pop, rect, DEFAULT, renderer, icons)
    outside, inside = changed(surf, rect)
    assert outside == 0 and inside > 0 and len(placed) == 2
    assert all(rect.contains(r) for r in placed), "chips laid out beyond the room"


@pytest.mark.parametrize("size", [(120, 60), (400, 140), (1000, 300), (600, 700), (1080, 600)])
def test_logo_fits_at_any_size_and_its_emblem_cache_is_bounded(kit, size):
    renderer, icons = kit
    surf = pygame.Surface((size[0] + 20, size[1] + 20))
    surf.fill(SENTINEL)
    rect = pygame.Rect((10, 10), size)
    covered = logo.draw_logo(surf, rect, DEFAULT, renderer, icons)
    outside, inside = changed(surf, rect)
    assert outside == 0 and inside > 0
    assert rect.contains(covered), f"logo laid out beyond {size}: {covered}"
    assert len(logo._emblems) <= logo._MAX_EMBLEMS


def test_reward_sound_is_made_by_code_without_opening_the_device():
    from game import audio

    pygame.mixer.quit()
    buf = audio.synth_reward()
    longer = audio.synth_reward(streak=3)
    assert len(buf) % 2 == 0 and 0.25 < len(buf) / 2 / audio.RATE < 0.5
    assert len(longer) > len(buf)
    assert pygame.mixer.get_init() is None, "making the sound opened the audio device"
    assert {"reward", "streak"} <= set(audio.BUFFERS)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("style", ["radar", "bars", "auto"])
@pytest.mark.parametrize("screen", SCREENS)
def test_chart_labels_are_whole_and_inside(kit, axes, en_axes, screen, style, lang):
    renderer, icons = kit
    set_language(lang)
    axes = en_axes if lang == "en" else axes
    rect = chart_rect(screen)
    chart = ProfileChart(axes, PROFILE, renderer, icons, style=style)
    chart.draw(pygame.Surface(screen), rect, DEFAULT)
    assert len(chart.drawn) == len(axes)
    for box in chart.drawn:
        assert rect.contains(box.bounds), box.text
        assert not box.fitted.truncated, (box.text, box.box.size, box.fitted.lines)
        assert box.fitted.size >= 13, box.text
    set_language("fr")


def test_type_scale_projector_is_about_twice_solo():
    from game.ui.theme import TYPE_SCALE, type_px

    for role, sizes in TYPE_SCALE.items():
        assert 1.6 <= sizes["projector"] / sizes["solo"] <= 2.1, role
    assert type_px("body", 1.0) == 26 and type_px("body", 1.0, projector=True) == 48
    assert type_px("min", 0.3) >= 13


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=["default", "hc"])
@pytest.mark.parametrize("size", [(60, 40), (240, 300), (400, 560), (1000, 320)])
def test_card_art_and_theme_chip_draw_inside(kit, real_content, size, palette):
    from game.ui import art

    renderer, icons = kit
    for card in list(real_content.scenarios.values())[:3]:
        surf = pygame.Surface((size[0] + 20, size[1] + 20))
        surf.fill(SENTINEL)
        rect = pygame.Rect((10, 10), size)
        art.card_art(surf, rect, card.id, card.theme, palette, icons)
        outside, inside = changed(surf, rect)
        assert outside == 0 and inside > 0
    surf = pygame.Surface((size[0] + 20, 80))
    surf.fill(SENTINEL)
    rect = pygame.Rect(10, 10, size[0], 44)
    pill = art.theme_chip(surf, rect, "cobalt", "Cobalt et chaîne de production", palette, renderer, icons)
    # The chip is in the theme's colour.
    assert tuple(surf.get_at((pill.x + pill.height // 2, pill.y + 2)))[:3] == palette.theme_color("cobalt")
    outside, inside = changed(surf, rect)
    assert outside == 0 and inside > 0 and rect.contains(pill)


def test_icon_label_centres_icon_and_text(kit):
    from game.ui import art

    renderer, icons = kit
    surf = pygame.Surface((400, 80))
    surf.fill(SENTINEL)
    rect = pygame.Rect(20, 10, 360, 60)
    got = art.icon_label(surf, rect, "player-play", "Jouer", (0, 0, 0), renderer, icons, 28)
    outside, inside = changed(surf, rect)
    assert outside == 0 and inside > 0 and rect.contains(got)
    assert abs(got.centerx - rect.centerx) <= 2


TIE = {"eco_design": 1.0, "repair": 0.5, "inclusion": 3.5, "ai_ethics": 0.0, "information": 3.5, "security": 2.0}


@pytest.mark.parametrize("style", ["bars", "radar"])
@pytest.mark.parametrize("size", [(1224, 480), (600, 520), (900, 900)])
def test_a_tie_for_the_strongest_axis_marks_both(kit, axes, style, size):
    """« Information et modération » and « Inclusion » at 3.5 each: both are the player's strong
    point (marking one of two equal bars looked unfair), each with its star and its words."""
    renderer, icons = kit
    set_language("fr")
    chart = ProfileChart(axes, TIE, renderer, icons, style=style, text_size=26)
    assert chart.strongest_axes() == {"inclusion", "information"}
    surf = pygame.Surface(size)
    chart.draw(surf, pygame.Rect((0, 0), size), DEFAULT)
    marked = [b.text for b in chart.drawn if "point fort" in b.text]
    assert len(marked) == 2, marked
    assert len(chart.stars) == 2


def test_no_strong_point_when_every_axis_is_level(kit, axes):
    renderer, icons = kit
    chart = ProfileChart(axes, {a: 2.0 for a, _l in axes}, renderer, icons, style="bars", text_size=26)
    assert chart.strongest_axes() == set() and chart.strongest() is None


@pytest.mark.parametrize("size", [(1224, 480), (600, 520)])
def test_the_star_has_its_own_place_beside_the_bars(kit, axes, size):
    """The star sat on the end of the full bar: now in a slot of its own at the bars' right, which
    no bar enters (every bar ends before it, so their lengths still compare)."""
    renderer, icons = kit
    chart = ProfileChart(axes, TIE, renderer, icons, style="bars", text_size=26)
    chart.draw(pygame.Surface(size), pygame.Rect((0, 0), size), DEFAULT)
    assert chart.stars and chart.bar_rects
    for star in chart.stars:
        assert not any(star.colliderect(bar) for bar in chart.bar_rects), (star, chart.bar_rects)
        assert pygame.Rect((0, 0), size).contains(star)
    assert len({bar.right for bar in chart.bar_rects}) == 1 and len({bar.width for bar in chart.bar_rects}) == 1
