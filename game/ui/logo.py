"""The game's logo, drawn by code at any size: a wheel of the ten theme colours around a game
controller (the tabler « device-gamepad-2 » pictogram), beside or above the name.

    draw_logo(surface, rect, palette, renderer, icons)       # emblem and name, fitted to rect
    draw_logo(surface, rect, palette, renderer, icons, name=False)   # the emblem alone

The wheel is drawn three times larger and scaled down (smooth edges), once per (size,
palette), and kept; the name is drawn as text at the final size, so it stays sharp.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import pygame

from game.i18n import _
from game.ui.icons import Icons
from game.ui.text import TextRenderer
from game.ui.theme import RGB, Palette

SUPERSAMPLE = 3
_emblems: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_MAX_EMBLEMS = 6


def _sector(cx: float, cy: float, r_out: float, r_in: float, a0: float, a1: float) -> list[tuple[float, float]]:
    steps = max(4, int(abs(a1 - a0) / math.radians(3)))
    outer = [(cx + r_out * math.cos(a0 + (a1 - a0) * i / steps), cy + r_out * math.sin(a0 + (a1 - a0) * i / steps))
             for i in range(steps + 1)]
    inner = [(cx + r_in * math.cos(a1 - (a1 - a0) * i / steps), cy + r_in * math.sin(a1 - (a1 - a0) * i / steps))
             for i in range(steps + 1)]
    return outer + inner


def emblem(side: int, palette: Palette, icons: Icons) -> pygame.Surface:
    """The round emblem, ``side`` px square, transparent around it (cached)."""
    side = max(8, int(side))
    key = (side, palette)
    hit = _emblems.get(key)
    if hit is not None:
        _emblems.move_to_end(key)
        return hit
    big = side * SUPERSAMPLE
    surf = pygame.Surface((big, big), pygame.SRCALPHA)
    c = big / 2
    colours: list[RGB] = [rgb for _tid, rgb in palette.themes] or [palette.primary]
    n = len(colours)
    gap = math.radians(4 if n > 1 else 0)
    r_out, r_in = c * 0.98, c * 0.70
    for i, rgb in enumerate(colours):
        a0 = -math.pi / 2 + 2 * math.pi * i / n + gap / 2
        a1 = -math.pi / 2 + 2 * math.pi * (i + 1) / n - gap / 2
        pygame.draw.polygon(surf, rgb, _sector(c, c, r_out, r_in, a0, a1))
    pygame.draw.circle(surf, palette.panel, (c, c), c * 0.64)
    pygame.draw.circle(surf, palette.primary, (c, c), c * 0.56)
    surf = pygame.transform.smoothscale(surf, (side, side))
    pic = round(side * 0.56)
    icons.blit(surf, "device-gamepad-2", pygame.Rect((side - pic) // 2, (side - pic) // 2, pic, pic),
               palette.on_primary, stroke=1.6 if side >= 96 else 2)
    _emblems[key] = surf
    while len(_emblems) > _MAX_EMBLEMS:
        _emblems.popitem(last=False)
    return surf


def _fit_size(renderer: TextRenderer, text: str, width: int, height: int, bold: bool = True) -> int:
    """The largest font size at which ``text`` fits on one line in width × height."""
    size = max(8, height)
    while size > 8:
        if renderer.measure(text, size, bold) <= width and renderer.line_height(size, bold) / 1.25 <= height:
            return size
        size = max(8, int(size * 0.92))
    return size


def draw_logo(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, renderer: TextRenderer, icons: Icons,
              name: bool = True, tagline: str | None = None) -> pygame.Rect:
    """Draw the logo as large as fits in ``rect``, centred; returns the rect it covers."""
    old = surface.get_clip()
    surface.set_clip(rect.clip(old) if old else rect)
    try:
        return _draw(surface, rect, palette, renderer, icons, name, tagline)
    finally:
        surface.set_clip(old)


def _draw(surface, rect, palette, renderer, icons, name, tagline):  # noqa: ANN001, ANN202
    if not name:
        side = min(rect.width, rect.height)
        pic = emblem(side, palette, icons)
        where = pic.get_rect(center=rect.center)
        surface.blit(pic, where)
        return where
    # The game's name as the title screen says it, in two parts: « Numérique » / « en jeu ».
    first, _sp, rest = _("Numérique en jeu").partition(" ")
    title, sub = first, rest or first
    wide = rect.width >= rect.height * 1.9
    if wide:
        side = min(rect.height, rect.width // 3)
        gap = max(4, side // 8)
        t_size = _fit_size(renderer, title, rect.width - side - gap, round(side * 0.5))
    else:
        t_size = _fit_size(renderer, title, rect.width, round(rect.height * 0.2))
    s_size = max(8, round(t_size * 0.58))
    title_w = renderer.measure(title, t_size, True)
    pill_pad = max(3, s_size // 3)
    sub_w = renderer.measure(sub, s_size, True) + 2 * pill_pad
    t_h = round(renderer.line_height(t_size, True) / 1.25)
    s_h = round(renderer.line_height(s_size, True) / 1.25) + pill_pad
    if wide:  # the name beside the emblem must fit its height too
        while t_size > 8 and t_h + s_h > side:
            t_size = max(8, int(t_size * 0.92))
            s_size = max(8, round(t_size * 0.58))
            title_w = renderer.measure(title, t_size, True)
            pill_pad = max(3, s_size // 3)
            sub_w = renderer.measure(sub, s_size, True) + 2 * pill_pad
            t_h = round(renderer.line_height(t_size, True) / 1.25)
            s_h = round(renderer.line_height(s_size, True) / 1.25) + pill_pad
    else:
        side = max(8, min(rect.width, int((rect.height - t_h - s_h - 4) / 1.1)))
        gap = max(4, side // 10)
    block_w = max(title_w, sub_w)
    if wide:
        total_w = side + gap + block_w
        x0 = rect.centerx - total_w // 2
        em = pygame.Rect(x0, rect.centery - side // 2, side, side)
        tx = em.right + gap
        ty = rect.centery - (t_h + s_h) // 2
    else:
        total_h = side + gap + t_h + s_h
        y0 = rect.centery - total_h // 2
        em = pygame.Rect(rect.centerx - side // 2, y0, side, side)
        tx = rect.centerx - block_w // 2
        ty = em.bottom + gap
    surface.blit(emblem(side, palette, icons), em)
    surface.blit(renderer.render(title, t_size, palette.text, True), (tx + (0 if wide else (block_w - title_w) // 2), ty))
    pill = pygame.Rect(0, 0, sub_w, s_h)
    pill.topleft = (tx + (0 if wide else (block_w - sub_w) // 2), ty + t_h)
    pygame.draw.rect(surface, palette.primary, pill, border_radius=pill.height // 2)
    img = renderer.render(sub, s_size, palette.on_primary, True)
    surface.blit(img, img.get_rect(center=pill.center))
    covered = em.union(pygame.Rect(tx, ty, block_w, t_h + s_h))
    if tagline:
        from game.ui.text import TextBox

        box = pygame.Rect(rect.x, covered.bottom + gap, rect.width, rect.bottom - covered.bottom - gap)
        if box.height > 10:
            tb = TextBox(tagline, box, max(10, round(s_size * 0.6)), 10, align="center").layout(renderer)
            tb.draw(surface, renderer, palette.muted)
            covered = covered.union(tb.bounds)
    return covered
