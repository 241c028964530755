"""Fonts, text wrapping by font metrics, and a bounded cache of rendered text.

Wrapping breaks only at ASCII spaces and newlines: U+00A0 and U+202F never break a line
(``str.split()`` would treat them as spaces). A word wider than the line is cut by
characters, after a hyphen or slash when there is one.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import pygame

log = logging.getLogger(__name__)

FONT_DIR = Path(__file__).resolve().parent.parent.parent / "assets" / "fonts"
REGULAR = "AtkinsonHyperlegibleNext-Regular.ttf"
BOLD = "AtkinsonHyperlegibleNext-Bold.ttf"
DYSLEXIA_REGULAR = "OpenDyslexic-Regular.woff"
DYSLEXIA_BOLD = "OpenDyslexic-Bold.woff"

# Characters the bundled font may lack, and what to draw instead (same meaning, same role
# in wrapping: the substitution happens after the line breaks are chosen).
SUBSTITUTES = {
    "\u202f": ("\u2009", " "),  # narrow no-break space -> thin space (same width class), or a space
    "\u2082": ("2",),  # CO₂ subscript
    "\u2011": ("-",),
    "\u00a0": (" ",),  # no-break space (OpenDyslexic lacks it): drawn as a space, still unbreakable
    "\u2212": ("-",),  # minus sign
}

ELLIPSIS = "…"

# Subscript digits (« CO₂e »): a font without them draws them smaller and lower, not as a full-size
# digit (``TextRenderer`` composes the line; wrapping and measuring see the same widths).
SUBSCRIPTS = {chr(0x2080 + d): str(d) for d in range(10)}
SUB_SCALE = 0.62  # of the text size
SUB_DROP = 0.1  # of the text size: how far the subscript's baseline sits below the line's


class FontBook:
    """Loads the bundled fonts once per (size, bold); falls back to pygame's font with a warning."""

    def __init__(self, font_dir: Path = FONT_DIR, regular: str = REGULAR, bold: str = BOLD) -> None:
        self._paths = {False: font_dir / regular, True: font_dir / bold}
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._subst: dict[bool, dict[int, str]] = {}
        self._lowered: dict[bool, frozenset[str]] = {}
        self.warnings: list[str] = []

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (max(6, int(size)), bold)
        font = self._fonts.get(key)
        if font is None:
            if len(self._fonts) > 96:  # sizes follow the window: keep the set bounded
                self._fonts.clear()
            font = self._load(*key)
            self._fonts[key] = font
        return font

    def _load(self, size: int, bold: bool) -> pygame.font.Font:
        path = self._paths[bold]
        try:
            font = pygame.font.Font(path, size)
            font.size("Aé")  # a corrupted file may load and fail only when used: try it now
        except (OSError, FileNotFoundError, pygame.error) as exc:
            message = f"police introuvable ou illisible : {path} ({exc}); police de secours utilisée"
            if message not in self.warnings:
                self.warnings.append(message)
                log.warning(message)
            font = pygame.font.Font(None, round(size * 1.15))
            font.bold = bold
        if bold not in self._subst:
            table: dict[int, str] = {}
            for ch, candidates in SUBSTITUTES.items():
                if not _has_glyph(font, ch):
                    table[ord(ch)] = next((c for c in candidates if _has_glyph(font, c)), candidates[-1])
            self._subst[bold] = table
            self._lowered[bold] = frozenset(ch for ch in SUBSCRIPTS if not _has_glyph(font, ch))
        return font

    def lowered(self, bold: bool = False) -> frozenset[str]:
        """The subscript digits this weight lacks: drawn as small lowered digits."""
        return self._lowered.get(bold, frozenset())

    def shape(self, text: str, bold: bool = False) -> str:
        """The text as it will be drawn (missing glyphs replaced)."""
        table = self._subst.get(bold)
        return text.translate(table) if table else text


def _has_glyph(font: pygame.font.Font, ch: str) -> bool:
    """FreeType gives a missing character the metrics of the « notdef » box: compare with a
    private-use code point that no text font draws."""
    try:
        metrics = font.metrics(ch)
        notdef = font.metrics("\U0010fffd")
    except pygame.error:
        return False
    return bool(metrics) and metrics[0] is not None and metrics != notdef


def wrap(text: str, width: int, measure) -> list[str]:  # noqa: ANN001 - measure(str) -> int
    """Break ``text`` into lines no wider than ``width`` pixels."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")  # only ASCII spaces: U+00A0 / U+202F hold words together
        current = ""
        for word in words:
            if word == "" and current == "":
                continue
            candidate = f"{current} {word}" if current else word
            if measure(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            # The word alone does not fit: cut it.
            while measure(word) > width and len(word) > 1:
                cut = _cut_point(word, width, measure)
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def _cut_point(word: str, width: int, measure) -> int:  # noqa: ANN001
    lo, hi = 1, len(word)
    while lo < hi:  # longest prefix that fits
        mid = (lo + hi + 1) // 2
        if measure(word[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    for sep in ("-", "/"):
        pos = word.rfind(sep, 0, lo)
        if pos > 0:
            return pos + 1
    # No line may start with a no-break space or with the punctuation it holds in place.
    cut = lo
    while cut > 1 and word[cut] in _NO_LINE_START:
        cut -= 1
    return max(1, cut)


MEASURE_CACHE = 6000  # widths kept (text, size, bold)
_NO_LINE_START = "\u00a0\u202f:;!?»%,."


@dataclass
class FittedText:
    lines: list[str]
    size: int
    line_height: int
    width: int
    height: int
    truncated: bool = False


class TextRenderer:
    """Measures, fits and renders text; rendered lines are kept in a bounded LRU cache."""

    def __init__(self, fonts: FontBook, cache_size: int = 768, cache_bytes: int = 12 * 1024 * 1024) -> None:
        self.fonts = fonts
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.cache_bytes = cache_bytes  # rendered lines are big at 4K: bounded by memory, not only count
        self._bytes = 0
        self._fit_cache: OrderedDict[tuple, FittedText] = OrderedDict()
        # Widths of the strings the wrapper tries (a line's words one by one): a layout measures the
        # same prefixes again at each size it tries. Emptied whole when full (a few hundred kB).
        self._widths: dict[tuple[str, int, bool], int] = {}
        self.cache_size = cache_size
        self.line_spacing = 1.25
        self.hits = 0
        self.misses = 0

    def measure(self, text: str, size: int, bold: bool = False) -> int:
        key = (text, size, bold)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= MEASURE_CACHE:
                self._widths.clear()
            width = self._widths[key] = self._measure(text, size, bold)
        return width

    def _measure(self, text: str, size: int, bold: bool) -> int:
        font = self.fonts.font(size, bold)
        runs = self._runs(text, bold)
        if runs is None:
            return font.size(self.fonts.shape(text, bold))[0]
        sub = self._sub_font(size, bold)
        return sum((sub if low else font).size(self.fonts.shape(seg, bold))[0] for seg, low in runs)

    def _runs(self, text: str, bold: bool) -> list[tuple[str, bool]] | None:
        """The text cut into (piece, lowered) runs when it has a subscript the font lacks; else None."""
        missing = self.fonts.lowered(bold)
        if not missing or missing.isdisjoint(text):
            return None
        runs: list[tuple[str, bool]] = []
        for ch in text:
            low = ch in missing
            piece = SUBSCRIPTS[ch] if low else ch
            if runs and runs[-1][1] == low:
                runs[-1] = (runs[-1][0] + piece, low)
            else:
                runs.append((piece, low))
        return runs

    def _sub_font(self, size: int, bold: bool) -> pygame.font.Font:
        return self.fonts.font(max(6, round(size * SUB_SCALE)), bold)

    def line_height(self, size: int, bold: bool = False) -> int:
        return round(self.fonts.font(size, bold).get_linesize() * self.line_spacing)

    def fit(self, text: str, width: int, height: int, size: int, min_size: int, bold: bool = False) -> FittedText:
        """Wrap at the largest size from ``size`` down to ``min_size`` that fits the box."""
        key = (text, width, height, size, min_size, bold, self.line_spacing)
        hit = self._fit_cache.get(key)
        if hit is not None:
            self._fit_cache.move_to_end(key)
            return hit
        width = max(1, width)
        s = max(min_size, size)
        while True:
            fitted = self._wrap_at(text, width, s, bold)
            if fitted.height <= height or s <= min_size:
                break
            s = max(min_size, int(s * 0.92))
        if fitted.height > height:
            fitted = self._truncate(fitted, width, height, bold)
        self._fit_cache[key] = fitted
        if len(self._fit_cache) > self.cache_size:
            self._fit_cache.popitem(last=False)
        return fitted

    def _wrap_at(self, text: str, width: int, size: int, bold: bool) -> FittedText:
        font = self.fonts.font(size, bold)

        def measure(s: str) -> int:
            return self.measure(s, size, bold)

        lines = wrap(text, width, measure)
        lh = self.line_height(size, bold)
        widest = max((measure(line) for line in lines), default=0)
        # The last line needs only the glyph height, not the spacing below it.
        height = lh * (len(lines) - 1) + font.get_height() if lines else 0
        return FittedText(lines, size, lh, widest, height)

    def _truncate(self, fitted: FittedText, width: int, height: int, bold: bool) -> FittedText:
        font = self.fonts.font(fitted.size, bold)
        # At least one line, even in a box lower than the font: an empty box says nothing.
        keep = max(1, (height - font.get_height()) // fitted.line_height + 1)
        lines = fitted.lines[:keep]
        if lines:
            last = lines[-1]
            while last and self.measure(last + ELLIPSIS, fitted.size, bold) > width:
                last = last[:-1]
            lines[-1] = last.rstrip() + ELLIPSIS
        log.debug("text truncated to fit a %dx%d box: %r", width, height, fitted.lines[0][:40] if fitted.lines else "")
        h = fitted.line_height * (len(lines) - 1) + font.get_height() if lines else 0
        return FittedText(lines, fitted.size, fitted.line_height, min(width, fitted.width), h, truncated=True)

    def render(self, text: str, size: int, color: tuple[int, int, int], bold: bool = False) -> pygame.Surface:
        key = (text, size, color, bold)
        surf = self._cache.get(key)
        if surf is not None:
            self.hits += 1
            self._cache.move_to_end(key)
            return surf
        self.misses += 1
        font = self.fonts.font(size, bold)
        runs = self._runs(text, bold)
        if runs is None:
            surf = font.render(self.fonts.shape(text, bold) or " ", True, color)
        else:
            surf = self._compose(runs, size, color, bold)
        self._cache[key] = surf
        self._bytes += surf.get_width() * surf.get_height() * surf.get_bytesize()
        while self._cache and (len(self._cache) > self.cache_size or self._bytes > self.cache_bytes):
            _key, old = self._cache.popitem(last=False)
            self._bytes -= old.get_width() * old.get_height() * old.get_bytesize()
        return surf

    def _compose(self, runs: list[tuple[str, bool]], size: int, color: tuple[int, int, int],
                 bold: bool) -> pygame.Surface:
        """One line whose subscripts are drawn small and lowered, as wide as ``measure`` says."""
        font, sub = self.fonts.font(size, bold), self._sub_font(size, bold)
        pieces = [((sub if low else font).render(self.fonts.shape(seg, bold), True, color), low) for seg, low in runs]
        width = sum(img.get_width() for img, _low in pieces)
        surf = pygame.Surface((max(1, width), font.get_height()), pygame.SRCALPHA)
        surf.fill((*color, 0))  # the text's colour, transparent: no dark fringe where edges blend
        x = 0
        drop = font.get_ascent() + round(size * SUB_DROP) - sub.get_ascent()
        for img, low in pieces:
            surf.blit(img, (x, drop if low else 0))
            x += img.get_width()
        return surf

    def clear(self) -> None:
        self._cache.clear()
        self._bytes = 0
        self._fit_cache.clear()
        self._widths.clear()


@dataclass
class TextBox:
    """A piece of text laid out in a box: what tests check (``bounds`` inside ``box``)."""

    text: str
    box: pygame.Rect
    size: int
    min_size: int
    bold: bool = False
    align: str = "left"  # left | center | right
    valign: str = "top"  # top | center
    fitted: FittedText | None = None
    bounds: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))

    def layout(self, renderer: TextRenderer) -> TextBox:
        self.fitted = renderer.fit(self.text, self.box.width, self.box.height, self.size, self.min_size, self.bold)
        f = self.fitted
        x = self.box.x
        if self.align == "center":
            x = self.box.x + (self.box.width - f.width) // 2
        elif self.align == "right":
            x = self.box.right - f.width
        y = self.box.y
        if self.valign == "center":
            y = self.box.y + max(0, (self.box.height - f.height) // 2)
        self.bounds = pygame.Rect(x, y, f.width, f.height)
        return self

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, color: tuple[int, int, int]) -> None:
        if self.fitted is None:
            self.layout(renderer)
        f = self.fitted
        assert f is not None
        y = self.bounds.y
        for line in f.lines:
            img = renderer.render(line, f.size, color, self.bold)
            if self.align == "center":
                x = self.box.x + (self.box.width - img.get_width()) // 2
            elif self.align == "right":
                x = self.box.right - img.get_width()
            else:
                x = self.box.x
            surface.blit(img, (x, y))
            y += f.line_height
