"""« CO₂e » keeps its subscript: Atkinson Hyperlegible Next has no U+2082 (in either weight), so
the renderer draws the digit smaller and lower instead of a full-size « 2 » (issue 16 review)."""

from __future__ import annotations

import pygame
import pytest

from game.ui.text import FontBook, TextRenderer

INK = (20, 20, 20)


@pytest.fixture(scope="module")
def renderer():
    pygame.display.init()
    pygame.font.init()
    return TextRenderer(FontBook())


def ink_rows(surf: pygame.Surface, x0: int, x1: int) -> tuple[int, int]:
    """(top, bottom) rows with ink between columns x0 and x1."""
    rows = [y for y in range(surf.get_height())
            if any(surf.get_at((x, y)).a > 96 for x in range(max(0, x0), min(surf.get_width(), x1)))]
    assert rows, "no ink"
    return rows[0], rows[-1]


@pytest.mark.parametrize("bold", [True, False])
def test_the_subscript_is_drawn_smaller_and_lower_than_the_letters(renderer, bold):
    size = 48
    surf = renderer.render("CO\u2082e", size, INK, bold)
    plain = renderer.render("CO2e", size, INK, bold)
    assert pygame.image.tobytes(surf, "RGBA") != pygame.image.tobytes(plain, "RGBA"), "drawn as a plain 2"
    co = renderer.measure("CO", size, bold)
    co2 = renderer.measure("CO\u2082", size, bold)
    o_top, o_bottom = ink_rows(surf, 0, co)
    two_top, two_bottom = ink_rows(surf, co + 1, co2 - 1)
    assert two_top > o_top + size // 5, "the subscript starts well below the capitals' top"
    assert two_bottom >= o_bottom, "and reaches the baseline or below it"
    assert (two_bottom - two_top) < (o_bottom - o_top) * 0.8, "and is smaller"
    # What is measured is what is drawn: the line's width matches the surface (alignment, fitting).
    assert abs(renderer.measure("CO\u2082e", size, bold) - surf.get_width()) <= 1
    assert surf.get_height() == plain.get_height()


def test_the_unit_in_a_meter_keeps_its_subscript(renderer, real_content):
    """The meter's bold value and its basis line say « kg CO₂e »: the unit from the content."""
    from game.ui.icons import Icons
    from game.ui.meter import meters_for
    from game.ui.theme import DEFAULT

    panel = meters_for(real_content, renderer, Icons(), totals={"co2e": 58})
    carbon = next(m for m in panel.meters if m.indicator.id == "co2e")
    surface = pygame.Surface((420, 240))
    carbon.draw(surface, pygame.Rect(0, 0, 420, 240), DEFAULT)
    texts = [b.text for b in carbon.drawn]
    assert any("CO\u2082e" in t for t in texts), texts
    value = next(b for b in carbon.drawn if b.bold and "CO\u2082e" in b.text)
    line = value.fitted.lines[0]
    drawn = renderer.render(line, value.fitted.size, INK, True)
    assert pygame.image.tobytes(drawn, "RGBA") != pygame.image.tobytes(
        renderer.render(line.replace("\u2082", "2"), value.fitted.size, INK, True), "RGBA")
