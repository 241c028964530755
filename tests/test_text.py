"""Text wrapping by font metrics, glyph substitution, fitting and the render cache."""

import pygame
import pytest

from game.ui.text import FontBook, TextRenderer, wrap


def measure_chars(s: str) -> int:
    return len(s) * 10  # 10 px per character: easy to reason about


def test_wrap_breaks_at_ascii_spaces_only():
    text = "il y a 40\u202f000 enfants\u00a0! vraiment"
    lines = wrap(text, 120, measure_chars)
    assert all(len(line) * 10 <= 120 or " " not in line for line in lines)
    # the number and the « ! » stay glued to their word
    assert any("40\u202f000" in line for line in lines)
    assert any("enfants\u00a0!" in line for line in lines)
    assert " ".join(lines) == text


def test_wrap_never_starts_a_line_with_a_no_break_space():
    text = "Question\u00a0: " + "mot " * 30
    for width in range(60, 400, 10):
        for line in wrap(text, width, measure_chars):
            assert not line.startswith(("\u00a0", "\u202f", ":"))


def test_word_longer_than_the_line_is_cut_after_a_hyphen_when_possible():
    lines = wrap("anticonstitutionnellement", 120, measure_chars)
    assert all(len(line) * 10 <= 120 for line in lines)
    assert "".join(lines) == "anticonstitutionnellement"
    assert wrap("porte-monnaie-électronique", 150, measure_chars) == ["porte-monnaie-", "électronique"]


def test_paragraphs_are_kept():
    assert wrap("un\ndeux", 1000, measure_chars) == ["un", "deux"]


@pytest.fixture
def renderer():
    pygame.font.init()
    return TextRenderer(FontBook())


def test_missing_glyphs_are_substituted(renderer):
    # The bundled font has no U+202F: it is drawn as a thin space, never as a box.
    renderer.fonts.font(20)
    shaped = renderer.fonts.shape("40\u202f000")
    assert shaped in ("40\u202f000", "40\u2009000")
    box = renderer.measure("40\u202f000", 20)
    assert box < renderer.measure("40 000", 20) + 2


def test_fit_shrinks_then_truncates(renderer):
    text = "Une phrase assez longue pour ne pas tenir. " * 5
    fitted = renderer.fit(text, 300, 60, 30, 12)
    assert fitted.height <= 60
    assert fitted.size < 30
    one_line = renderer.line_height(16)
    tiny = renderer.fit(text, 100, one_line, 30, 16)
    assert tiny.truncated and len(tiny.lines) == 1 and tiny.lines[0].endswith("…")
    assert tiny.height <= one_line


def test_render_cache_is_bounded_and_reused(renderer):
    renderer.cache_size = 10
    first = renderer.render("bonjour", 20, (0, 0, 0))
    assert renderer.render("bonjour", 20, (0, 0, 0)) is first
    for i in range(50):
        renderer.render(f"texte {i}", 20, (0, 0, 0))
    assert len(renderer._cache) <= 10


def test_missing_font_falls_back_with_a_warning(tmp_path):
    pygame.font.init()
    book = FontBook(font_dir=tmp_path)
    font = book.font(20)
    assert font.size("abc")[0] > 0
    assert book.warnings and str(tmp_path) in book.warnings[0]
