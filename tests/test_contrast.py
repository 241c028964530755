"""Contrast computed, not guessed: every text/background pair of every palette (WCAG 2.1)."""

import pytest

from game.ui.theme import DEFAULT, HIGH_CONTRAST, component_pairs, contrast, text_pairs


def test_contrast_formula_on_known_pairs():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", sorted(text_pairs(DEFAULT)))
def test_default_text_is_at_least_4_5(name):
    fg, bg = text_pairs(DEFAULT)[name]
    assert contrast(fg, bg) >= 4.5, f"{name}: {contrast(fg, bg):.2f}"


@pytest.mark.parametrize("name", sorted(component_pairs(DEFAULT)))
def test_default_components_are_at_least_3(name):
    fg, bg = component_pairs(DEFAULT)[name]
    assert contrast(fg, bg) >= 3.0, f"{name}: {contrast(fg, bg):.2f}"


@pytest.mark.parametrize("name", sorted(text_pairs(HIGH_CONTRAST)))
def test_high_contrast_text_is_at_least_7(name):
    fg, bg = text_pairs(HIGH_CONTRAST)[name]
    assert contrast(fg, bg) >= 7.0, f"{name}: {contrast(fg, bg):.2f}"


@pytest.mark.parametrize("name", sorted(component_pairs(HIGH_CONTRAST)))
def test_high_contrast_components_are_at_least_3(name):
    fg, bg = component_pairs(HIGH_CONTRAST)[name]
    assert contrast(fg, bg) >= 3.0, f"{name}: {contrast(fg, bg):.2f}"
