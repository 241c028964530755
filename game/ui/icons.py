"""Pictures: SVG files from open sets (assets/icons/), drawn at the size a screen asks for.

Nothing is read at import time. The manifest (assets/icons/MANIFEST.json, written by
scripts/fetch_assets.py) says which file each theme, scenario card, career, gauge and button
shows, and gives each picture's alternative text (French msgid, translated through gettext;
the manifest's English is the fallback when the catalog lacks it).

Monochrome icons (tabler) are drawn with ``currentColor``: the colour is written into the SVG
text before pygame-ce rasterises it (``pygame.image.load_sized_svg``), so a pictogram in a
theme's colour is as sharp as text at any size. Rendered pictures are kept in a bounded cache
keyed by (name, size, colour, stroke): only the sizes in use stay in memory.
"""

from __future__ import annotations

import io
import json
import logging
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pygame

from game.i18n import _, current_language

log = logging.getLogger(__name__)

ICONS_DIR = Path(__file__).resolve().parent.parent.parent / "assets" / "icons"
MANIFEST_NAME = "MANIFEST.json"
FALLBACK = "bulb"  # shown for an id the manifest does not map (a teacher's own theme or card)

RGB = tuple[int, int, int]
Size = int | tuple[int, int]


def _hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


class Icons:
    """Loads, recolours and caches the pictures; maps content ids to picture names."""

    def __init__(self, root: Path = ICONS_DIR, max_entries: int = 160, max_bytes: int = 12 * 1024 * 1024) -> None:
        self.root = root
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._manifest: dict[str, Any] | None = None
        self._svg: dict[str, str] = {}  # name -> SVG text, read on first use
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._bytes = 0
        self.misses = 0  # rasterisations done (tests and the benchmark read it)
        self._warned: set[str] = set()

    # -- manifest -------------------------------------------------------------------------
    @property
    def manifest(self) -> dict[str, Any]:
        if self._manifest is None:
            try:
                self._manifest = json.loads((self.root / MANIFEST_NAME).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:  # no pictures is never a crash: shapes stay, text stays
                log.warning("pictures unavailable (%s): screens show no pictograms", exc)
                self._manifest = {"icons": {}, "uses": {}, "sets": {}}
        return self._manifest

    def names(self) -> list[str]:
        return sorted(self.manifest["icons"])

    def entry(self, name: str) -> dict[str, Any] | None:
        return self.manifest["icons"].get(name)

    def use(self, kind: str, key: str, default: str | None = FALLBACK) -> str | None:
        """The picture name for a theme / card / career / gauge / button id."""
        return self.manifest["uses"].get(kind, {}).get(key, default)

    def for_theme(self, theme_id: str) -> str:
        return self.use("theme", theme_id) or FALLBACK

    def for_card(self, card_id: str, theme_id: str | None = None) -> str:
        """A card's own picture; a card the manifest does not know shows its theme's."""
        name = self.use("card", card_id, None)
        if name is None:
            return self.for_theme(theme_id) if theme_id else FALLBACK
        return name

    def for_career(self, career_id: str) -> str:
        return self.use("career", career_id) or FALLBACK

    def for_gauge(self, indicator_id: str) -> str:
        return self.use("gauge", indicator_id) or FALLBACK

    def theme_of_fact(self, fact_id: str) -> str | None:
        """The theme a kiosk fact belongs to (its colour and pictogram), or None."""
        return self.manifest.get("fact_theme", {}).get(fact_id)

    def for_fact(self, fact_id: str) -> str:
        theme = self.theme_of_fact(fact_id)
        return self.for_theme(theme) if theme else FALLBACK

    def for_button(self, role: str) -> str | None:
        """A button's icon, or None: a button without a picture keeps its label alone."""
        return self.use("button", role, None)

    def alt(self, name: str) -> str:
        """The picture's alternative text in the current language (read aloud by self-voicing)."""
        entry = self.entry(name)
        if entry is None:
            return ""
        french = str(entry["alt_fr"])  # marked for the catalog in ui/icon_alts.py
        text = _(french)
        if text == french and current_language() == "en" and entry.get("alt_en"):
            return str(entry["alt_en"])  # the catalog lacks it: the manifest's English
        return text

    # -- pictures -------------------------------------------------------------------------
    def _text(self, name: str) -> str | None:
        text = self._svg.get(name)
        if text is None:
            entry = self.entry(name)
            if entry is None:
                return None
            try:
                text = (self.root / entry["file"]).read_text(encoding="utf-8")
            except OSError as exc:
                self._warn(name, exc)
                return None
            self._svg[name] = text
        return text

    def _warn(self, name: str, exc: object) -> None:
        if name not in self._warned:
            self._warned.add(name)
            log.warning("picture %s unavailable: %s", name, exc)

    def get(self, name: str, size: Size, color: RGB = (0, 0, 0), stroke: float | None = None) -> pygame.Surface:
        """The picture at ``size`` px (an int for a square, or (w, h)), in ``color`` if it is
        monochrome; ``stroke`` replaces the set's line width (in its 24-unit grid). An unknown
        or unreadable picture gives a transparent surface of that size, never an error."""
        w, h = (size, size) if isinstance(size, int) else size
        w, h = max(1, int(w)), max(1, int(h))
        key = (name, w, h, tuple(color[:3]), stroke)
        surf = self._cache.get(key)
        if surf is not None:
            self._cache.move_to_end(key)
            return surf
        surf = self._render(name, (w, h), tuple(color[:3]), stroke)
        self._put(key, surf)
        return surf

    def _render(self, name: str, size: tuple[int, int], color: RGB, stroke: float | None) -> pygame.Surface:
        text = self._text(name)
        if text is not None:
            entry = self.entry(name) or {}
            if entry.get("monochrome", True):
                text = text.replace("currentColor", _hex(color))
            if stroke is not None:
                text = text.replace('stroke-width="2"', f'stroke-width="{stroke:g}"', 1)
            try:
                surf = pygame.image.load_sized_svg(io.BytesIO(text.encode("utf-8")), size)
                self.misses += 1
                if surf.get_size() != size:  # keep the aspect ratio inside the asked box
                    canvas = pygame.Surface(size, pygame.SRCALPHA)
                    canvas.blit(surf, surf.get_rect(center=(size[0] // 2, size[1] // 2)))
                    surf = canvas
                if pygame.display.get_init() and pygame.display.get_surface() is not None:
                    surf = surf.convert_alpha()
                return surf
            except (pygame.error, ValueError) as exc:
                self._warn(name, exc)
        return pygame.Surface(size, pygame.SRCALPHA)

    def _put(self, key: tuple, surf: pygame.Surface) -> None:
        cost = surf.get_width() * surf.get_height() * 4
        self._cache[key] = surf
        self._bytes += cost
        while self._cache and (len(self._cache) > self.max_entries or self._bytes > self.max_bytes):
            _old, dropped = self._cache.popitem(last=False)
            self._bytes -= dropped.get_width() * dropped.get_height() * 4

    def cached(self) -> int:
        return len(self._cache)

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        """Drop the rendered pictures (on a resize or a palette change)."""
        self._cache.clear()
        self._bytes = 0

    def blit(self, surface: pygame.Surface, name: str, rect: pygame.Rect, color: RGB,
             stroke: float | None = None) -> pygame.Rect:
        """Draw the picture as a square centred in ``rect`` (as large as fits); returns where."""
        side = max(1, min(rect.width, rect.height))
        pic = self.get(name, side, color, stroke)
        where = pic.get_rect(center=rect.center)
        surface.blit(pic, where)
        return where


def badge(surface: pygame.Surface, icons: Icons, name: str, rect: pygame.Rect, fill: RGB, fg: RGB,
          ring: RGB | None = None) -> pygame.Rect:
    """A pictogram in a coloured disc (the way a theme, a career or a gauge is shown)."""
    side = max(2, min(rect.width, rect.height))
    disc = pygame.Rect(0, 0, side, side)
    disc.center = rect.center
    r = side // 2
    pygame.draw.circle(surface, fill, disc.center, r)
    if ring is not None:
        pygame.draw.circle(surface, ring, disc.center, r, max(1, side // 24))
    inner = max(1, round(side * 0.58))
    icons.blit(surface, name, pygame.Rect(0, 0, inner, inner).move(disc.centerx - inner // 2,
                                                                     disc.centery - inner // 2), fg,
               stroke=2 if side < 64 else 1.75)
    return disc


_shared: Icons | None = None


def shared() -> Icons:
    """One Icons for the whole game, made on first use (never at import time)."""
    global _shared
    if _shared is None:
        _shared = Icons()
    return _shared
