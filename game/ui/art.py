"""Small pieces of the visual identity that several screens draw the same way.

    theme_chip(surface, rect, theme_id, title, palette, renderer, icons)   # pill: pictogram + name
    card_art(surface, rect, card_id, theme_id, palette, icons)              # a card's illustration
    icon_label(surface, rect, icon, text, color, renderer, icons, size)    # a button's icon and label

A theme is always shown by its colour *and* its pictogram *and* its name (art direction §1).
Everything is drawn inside the rect given, and returns the rect it covered.
"""

from __future__ import annotations

import random
import zlib

import pygame

from game.ui.icons import Icons
from game.ui.text import TextBox, TextRenderer
from game.ui.theme import RGB, Palette


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """a moved towards b by t (0 = a, 1 = b)."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def _clipped(surface: pygame.Surface, rect: pygame.Rect):  # noqa: ANN202
    old = surface.get_clip()
    surface.set_clip(rect.clip(old) if old else rect)
    return old


def theme_chip(surface: pygame.Surface, rect: pygame.Rect, theme_id: str, title: str, palette: Palette,
               renderer: TextRenderer, icons: Icons, size: int | None = None) -> pygame.Rect:
    """A pill in the theme's colour with its pictogram and its name (white or black on it)."""
    old = _clipped(surface, rect)
    try:
        h = rect.height
        size = size or max(13, round(h * 0.5))
        fill = palette.theme_color(theme_id)
        fg = palette.on_theme
        pad = max(4, h // 4)
        icon_side = round(h * 0.62)
        room = rect.width - pad * 2 - icon_side - pad // 2
        box = TextBox(title, pygame.Rect(0, 0, max(1, room), h), size, max(12, size - 4), bold=True,
                      valign="center").layout(renderer)
        w = min(rect.width, pad * 2 + icon_side + pad // 2 + box.bounds.width)
        pill = pygame.Rect(rect.x, rect.y, w, h)
        pygame.draw.rect(surface, fill, pill, border_radius=h // 2)
        icons.blit(surface, icons.for_theme(theme_id), pygame.Rect(pill.x + pad, pill.centery - icon_side // 2,
                                                                   icon_side, icon_side), fg)
        box.box = pygame.Rect(pill.x + pad + icon_side + pad // 2, pill.y, max(1, room), h)
        box.layout(renderer).draw(surface, renderer, fg)
        return pill
    finally:
        surface.set_clip(old)


def card_art(surface: pygame.Surface, rect: pygame.Rect, card_id: str, theme_id: str, palette: Palette,
             icons: Icons) -> pygame.Rect:
    """A scenario card's picture: a panel tinted with the theme's colour, scattered dots of it
    (the same for the same card), the card's pictogram large in a disc, the theme's small in a
    corner. Decoration only: the card's text says everything the picture does."""
    old = _clipped(surface, rect)
    try:
        colour = palette.theme_color(theme_id)
        tint = mix(palette.panel, colour, 0.14 if palette.background[0] > 128 else 0.22)
        radius = max(6, min(rect.width, rect.height) // 10)
        pygame.draw.rect(surface, tint, rect, border_radius=radius)
        rng = random.Random(zlib.crc32(card_id.encode("utf-8")))
        side = min(rect.width, rect.height)
        dot = mix(tint, colour, 0.35)
        disc = round(side * 0.62)
        centre = rect.center
        placed = 0
        for _ in range(40):  # nine dots, none under the big disc
            r = max(2, round(side * rng.uniform(0.02, 0.06)))
            x = rect.x + round(rect.width * rng.uniform(0.05, 0.95))
            y = rect.y + round(rect.height * rng.uniform(0.08, 0.92))
            if (x - centre[0]) ** 2 + (y - centre[1]) ** 2 < (disc * 0.62 + r + side * 0.03) ** 2:
                continue
            pygame.draw.circle(surface, dot, (x, y), r)
            placed += 1
            if placed == 9:
                break
        pygame.draw.circle(surface, mix(tint, colour, 0.25), centre, round(disc * 0.62))
        pygame.draw.circle(surface, colour, centre, disc // 2)
        pic = round(disc * 0.56)
        icons.blit(surface, icons.for_card(card_id, theme_id), pygame.Rect(centre[0] - pic // 2, centre[1] - pic // 2,
                                                                           pic, pic), palette.on_theme,
                   stroke=1.75 if pic >= 64 else 2)
        small = max(12, round(side * 0.16))
        corner = pygame.Rect(rect.right - small - radius // 2, rect.y + radius // 2, small, small)
        pygame.draw.circle(surface, colour, corner.center, small // 2)
        inner = round(small * 0.6)
        icons.blit(surface, icons.for_theme(theme_id), pygame.Rect(corner.centerx - inner // 2,
                                                                   corner.centery - inner // 2, inner, inner),
                   palette.on_theme)
        return rect
    finally:
        surface.set_clip(old)


def icon_label(surface: pygame.Surface, rect: pygame.Rect, icon: str | None, text: str, color: RGB,
               renderer: TextRenderer, icons: Icons, size: int, bold: bool = True) -> pygame.Rect:
    """A button's face: its icon then its label, centred together in rect (label alone without icon)."""
    old = _clipped(surface, rect)
    try:
        icon_side = round(size * 1.15) if icon else 0
        gap = max(4, size // 3) if icon else 0
        box = TextBox(text, pygame.Rect(0, 0, max(1, rect.width - icon_side - gap), rect.height), size,
                      max(12, size - 4), bold=bold, valign="center").layout(renderer)
        total = icon_side + gap + box.bounds.width
        x = rect.centerx - total // 2
        if icon:
            icons.blit(surface, icon, pygame.Rect(x, rect.centery - icon_side // 2, icon_side, icon_side), color,
                       stroke=2.2)
        box.box = pygame.Rect(x + icon_side + gap, rect.y, max(1, rect.right - x - icon_side - gap), rect.height)
        box.layout(renderer).draw(surface, renderer, color)
        return pygame.Rect(x, rect.y, total, rect.height).clip(rect)
    finally:
        surface.set_clip(old)
