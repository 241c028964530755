"""Gauges as meters: at rest they do not move, a change eases in about 0.4 s then stops, a change
is said good or bad in words and shapes, an empty panel explains itself, nothing drawn outside."""

from __future__ import annotations

import pygame
import pytest

from game.i18n import set_language
from game.ui import meter as meter_mod
from game.ui.icons import Icons
from game.ui.meter import DURATION, Eased, Meter, MeterPanel, meters_for, short_comparison, verdict
from game.ui.text import FontBook, TextRenderer
from game.ui.theme import DEFAULT, HIGH_CONTRAST

SENTINEL = (1, 2, 3)


@pytest.fixture(scope="module")
def kit():
    pygame.display.init()
    pygame.font.init()
    return TextRenderer(FontBook()), Icons()


def drawn_outside(surface: pygame.Surface, rect: pygame.Rect) -> tuple[int, int]:
    """(pixels changed outside rect, pixels changed inside it) on a sentinel-filled surface."""
    inside = pygame.mask.from_threshold(surface.subsurface(rect), SENTINEL, (1, 1, 1, 255))
    inside_changed = rect.width * rect.height - inside.count()
    surface.fill(SENTINEL, rect)
    untouched = pygame.mask.from_threshold(surface, SENTINEL, (1, 1, 1, 255)).count()
    return surface.get_width() * surface.get_height() - untouched, inside_changed


def test_eased_value_moves_for_its_duration_then_rests():
    e = Eased(0.0)
    assert not e.moving and not e.update(0.016)
    e.set(58)
    assert e.moving
    steps = 0
    while e.update(1 / 60):
        steps += 1
        assert steps < 60, "never stopped"
    assert e.value == 58 and not e.moving
    assert DURATION * 60 - 2 <= steps <= DURATION * 60 + 2
    e.set(58)  # the same target again: nothing to animate
    assert not e.moving
    e.set(100, animate=False)  # reduced motion: jumps
    assert e.value == 100 and not e.moving


def test_meter_at_rest_is_not_moving_and_a_change_settles(real_content, kit):
    renderer, icons = kit
    m = Meter(real_content.indicators["co2e"], renderer, icons)
    assert not m.moving and not m.update(0.1)
    m.set_value(58)
    assert m.moving and m.last_change == 58
    for _ in range(30):
        m.update(1 / 60)
    assert not m.moving and m.shown == 58
    assert not m.update(1 / 60), "a meter at rest asks for no frame"


def test_verdict_in_words_for_planet_and_people(real_content):
    set_language("fr")
    co2 = real_content.indicators["co2e"]
    people = real_content.indicators["people"]
    assert verdict(co2, 58) == (False, "plus lourd pour la planète")
    assert verdict(co2, -10) == (True, "bon pour la planète")
    assert verdict(people, 3) == (True, "bon pour les personnes")
    assert verdict(people, -1) == (False, "moins bien pour les personnes")


def test_short_comparison_from_the_content(real_content):
    set_language("fr")
    co2 = real_content.indicators["co2e"]
    assert short_comparison(co2, 0) == ""
    assert short_comparison(co2, 58) == "≈ 1 smartphone neuf"
    assert short_comparison(co2, 116) == "≈ 2 smartphones neufs"
    assert short_comparison(co2, 20) == "moins d'un smartphone neuf"
    assert short_comparison(real_content.indicators["people"], 3) == ""


def test_alt_says_value_comparison_and_verdict(real_content, kit):
    renderer, icons = kit
    set_language("fr")
    m = Meter(real_content.indicators["co2e"], renderer, icons)
    m.set_value(58, animate=False)
    alt = m.alt()
    assert "Carbone" in alt and "58" in alt and "smartphone" in alt and "plus lourd pour la planète" in alt


def test_panel_explains_itself_at_zero_then_not(real_content, kit):
    renderer, icons = kit
    set_language("fr")
    panel = meters_for(real_content, renderer, icons, scenario_ids=list(real_content.scenarios))
    assert [m.indicator.id for m in panel.meters] == list(real_content.indicators)
    assert panel.empty and panel.hint() == "Tes choix feront bouger ces jauges"
    hint, rects = panel.layout(pygame.Rect(0, 0, 1200, 200), 10)
    assert hint is not None and len(rects) == len(panel.meters)
    assert all(m.high and m.high > 0 for m in panel.meters)  # scaled to the dealt cards
    assert panel.meters[0].basis.startswith("1 smartphone neuf")  # the comparison names its source
    panel.set_values({"co2e": 58, "people": 2})
    assert not panel.empty and panel.moving
    while panel.update(1 / 30):
        pass
    assert not panel.moving
    assert panel.layout(pygame.Rect(0, 0, 1200, 200), 10)[0] is None


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=["default", "hc"])
@pytest.mark.parametrize("size", [(180, 60), (300, 120), (420, 160), (640, 220), (900, 420)])
def test_meter_draws_inside_its_rect(real_content, kit, size, palette):
    renderer, icons = kit
    m = Meter(real_content.indicators["co2e"], renderer, icons, high=200, basis="1 smartphone neuf ≈ 58 kg CO₂e")
    m.set_value(58)
    m.update(0.2)  # mid-animation
    surf = pygame.Surface((size[0] + 40, size[1] + 40))
    surf.fill(SENTINEL)
    rect = pygame.Rect((20, 20), size)
    m.draw(surf, rect, palette)
    outside, inside = drawn_outside(surf, rect)
    assert outside == 0 and inside > 0


@pytest.mark.parametrize("screen", [(1280, 720), (1024, 600), (1080, 1920)])
def test_panel_draws_inside_its_rect_at_each_screen(real_content, kit, screen):
    from game.ui.layout import metrics_for

    renderer, icons = kit
    m = metrics_for(screen)
    panel = meters_for(real_content, renderer, icons)
    for totals in ({}, {"co2e": 58, "resources": 70, "people": 3, "new_devices": 1}):
        panel.set_values(totals, animate=False)
        surf = pygame.Surface(screen)
        surf.fill(SENTINEL)
        rect = pygame.Rect(m.margin, m.margin, screen[0] - 2 * m.margin, round(m.body * 5.5))
        panel.draw(surf, rect, DEFAULT, m.gap)
        outside, inside = drawn_outside(surf, rect)
        assert outside == 0 and inside > 0
        _hint, rects = panel.layout(rect, m.gap)
        assert all(rect.contains(r) for r in rects)


def test_meter_text_keeps_a_readable_size(real_content, kit):
    renderer, icons = kit
    m = Meter(real_content.indicators["co2e"], renderer, icons)
    body, small = m._sizes(pygame.Rect(0, 0, 230, 90))  # a strip's meter at 1024×600
    assert small >= 13 and body >= 14


def test_nice_ceiling_grows_in_round_steps():
    assert [meter_mod.nice_ceiling(x) for x in (0, 0.4, 3, 58, 116, 290)] == [1.0, 0.5, 5, 100, 200, 500]


def test_panel_of_no_meter_draws_nothing(kit):
    renderer, _icons = kit
    panel = MeterPanel([], renderer)
    assert panel.layout(pygame.Rect(0, 0, 100, 50), 4) == (None, [])
    assert not panel.update(0.1)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("screen", [(1280, 720), (1024, 600), (1080, 1920), (1920, 1080)])
def test_meter_texts_fit_uncut_in_the_strip_at_each_screen(real_content, kit, screen, lang):
    """Without the clip's help: every line of every meter lies inside its card and is not cut."""
    from game.ui.layout import metrics_for

    renderer, icons = kit
    set_language(lang)
    m = metrics_for(screen)
    panel = meters_for(real_content, renderer, icons, scenario_ids=list(real_content.scenarios))
    panel.set_values({"co2e": 116, "resources": 140, "people": 3, "new_devices": 50}, animate=False)
    rect = pygame.Rect(m.margin, m.margin, screen[0] - 2 * m.margin, round(m.body * (5.5 if not m.portrait else 11)))
    surf = pygame.Surface(screen)
    _hint, rects = panel.layout(rect, m.gap)
    for meter, r in zip(panel.meters, rects):
        meter.draw(surf, r, DEFAULT)
        assert len(meter.drawn) >= 3, meter.indicator.id  # label, value and at least the change line
        for box in meter.drawn:
            assert r.contains(box.bounds), (meter.indicator.id, box.text)
            assert not box.fitted.truncated, (meter.indicator.id, box.text, box.box.size)
            assert box.fitted.size >= 13, (meter.indicator.id, box.text)
    set_language("fr")


@pytest.mark.parametrize("screen", [(1280, 720), (1024, 600), (1080, 1920)])
def test_needed_height_holds_the_meters_at_the_screens_text_size(real_content, kit, screen):
    from game.ui.layout import metrics_for

    renderer, icons = kit
    set_language("fr")
    m = metrics_for(screen)
    panel = meters_for(real_content, renderer, icons, scenario_ids=list(real_content.scenarios), text_size=m.small)
    for totals in ({}, {"co2e": 116, "resources": 140, "people": 3, "new_devices": 50}):
        panel.set_values(totals, animate=False)
        width = screen[0] - 2 * m.margin
        rect = pygame.Rect(m.margin, m.margin, width, panel.needed_height(width, m.gap))
        assert rect.height < screen[1] // 3
        surf = pygame.Surface(screen)
        _hint, rects = panel.layout(rect, m.gap)
        for meter, r in zip(panel.meters, rects):
            meter.draw(surf, r, DEFAULT)
            assert len(meter.drawn) >= (3 if totals else 2), (meter.indicator.id, r.size)
            for box in meter.drawn:
                assert r.contains(box.bounds) and not box.fitted.truncated, (meter.indicator.id, box.text)
                # The source line under it is the one smaller text (never under 13 px).
                assert box.fitted.size >= (max(13, round(m.small * 0.7)) if box.text == meter.basis else m.small - 3)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [430, 460, 492, 520])
def test_a_change_keeps_its_figure_when_the_words_need_two_lines(real_content, kit, lang, width):
    """« +58, plus lourd pour la planète » too wide for one line goes on two, figure kept: the card
    (1080×1920's strip: 492×233 at 34 px) has the room; dropping « +58 » there lost the number."""
    renderer, icons = kit
    set_language(lang)
    try:
        m = Meter(real_content.indicators["co2e"], renderer, icons, high=200, text_size=34)
        m.set_value(58, animate=False)
        surf = pygame.Surface((width + 40, 300))
        rect = pygame.Rect(20, 20, width, 233)
        m.draw(surf, rect, DEFAULT)
        change = [b for b in m.drawn if verdict(m.indicator, 58)[1] in b.text]
        assert change, [b.text for b in m.drawn]
        assert change[0].text.startswith("+58"), change[0].text
        assert not change[0].fitted.truncated and rect.contains(change[0].bounds)
    finally:
        set_language("fr")


def test_a_change_drops_its_figure_only_on_a_single_line_card(real_content, kit):
    """A compact card with room for one line only: the words (with arrow and mark) rather than a cut text."""
    renderer, icons = kit
    set_language("fr")
    m = Meter(real_content.indicators["co2e"], renderer, icons, text_size=34)
    m.set_value(58, animate=False)
    surf = pygame.Surface((500, 200))
    m.draw(surf, pygame.Rect(10, 10, 420, 150), DEFAULT)
    change = [b for b in m.drawn if "planète" in b.text]
    assert len(change) == 1 and not change[0].fitted.truncated, [b.text for b in m.drawn]
    assert len(change[0].fitted.lines) == 1
