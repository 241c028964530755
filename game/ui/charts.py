"""The player's profile on the six axes, drawn by code: a radar, or bars when the room is narrow.

    chart = ProfileChart([(axis_id, label), ...], {axis_id: weight}, renderer, icons)
    chart.draw(surface, rect, palette)      # never draws outside rect

Each axis has its pictogram and its label; the values are shown by length (bars) or by
distance from the centre (radar), never by colour alone, and the strongest axis is marked
with a star and « ton point fort ». With nothing yet, the chart says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.i18n import _
from game.ui.icons import Icons
from game.ui.text import TextBox, TextRenderer
from game.ui.theme import Palette


def _mix(a, b, t: float):  # noqa: ANN001, ANN202
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


class ProfileChart:
    def __init__(self, axes: Sequence[tuple[str, str]], values: dict[str, float], renderer: TextRenderer,
                 icons: Icons, style: str = "auto", text_size: int | None = None) -> None:
        self.axes = list(axes)
        self.values = dict(values)
        self.renderer = renderer
        self.icons = icons
        self.style = style  # auto | radar | bars
        self.text_size = text_size
        self.drawn: list[TextBox] = []  # the text boxes of the last draw (tests check they fit)
        self.stars: list[pygame.Rect] = []  # where the last draw put each strong point's star
        self.bar_rects: list[pygame.Rect] = []  # the bars' tracks of the last draw (style « bars »)

    def _text(self, surface: pygame.Surface, box: TextBox, color) -> None:  # noqa: ANN001
        box.layout(self.renderer).draw(surface, self.renderer, color)
        self.drawn.append(box)

    def shares(self) -> dict[str, float]:
        """Each axis from 0 to 1, relative to the strongest (the shape, not a mark out of ten)."""
        top = max((max(0.0, self.values.get(a, 0.0)) for a, _l in self.axes), default=0.0)
        return {a: (max(0.0, self.values.get(a, 0.0)) / top if top > 0 else 0.0) for a, _l in self.axes}

    def strongest_axes(self) -> set[str]:
        """The player's strong points: every axis at the top, so that two equal bars are marked
        alike (marking one of them looked unfair); none when every axis is level (nothing stands
        out) or nothing has grown yet."""
        shares = self.shares()
        top = {a for a, v in shares.items() if v > 0 and v >= 1 - 1e-9}
        return set() if len(top) == len(shares) > 1 else top

    def strongest(self) -> str | None:
        """The first strong point in the axes' order (None when there is none)."""
        top = self.strongest_axes()
        return next((a for a, _l in self.axes if a in top), None)

    def choose_style(self, rect: pygame.Rect) -> str:
        if self.style != "auto":
            return self.style
        body = self._body(rect)
        # A radar needs room for its labels round it: square-ish and at least ~14 lines high.
        ratio = rect.width / max(1, rect.height)
        return "radar" if 0.75 <= ratio <= 1.9 and rect.height >= body * 14 and rect.width >= body * 22 else "bars"

    def _body(self, rect: pygame.Rect) -> int:
        if self.text_size:
            return self.text_size
        return max(13, min(40, round(min(rect.height / 16, rect.width / 26))))

    def alt(self) -> str:
        """What self-voicing says: the axes from strongest to weakest."""
        shares = self.shares()
        order = sorted(self.axes, key=lambda al: -shares[al[0]])
        if not any(shares.values()):
            return self.empty_text()
        return _("Ton profil, de ton point fort au plus faible\u00a0: ") + _("\u00a0; ").join(
            label for _a, label in order)

    def empty_text(self) -> str:
        return _("Tes réponses dessineront ton profil ici.")

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, palette: Palette) -> None:
        old = surface.get_clip()
        surface.set_clip(rect.clip(old) if old else rect)
        self.drawn, self.stars, self.bar_rects = [], [], []
        try:
            if self.choose_style(rect) == "radar":
                self._radar(surface, rect, palette)
            else:
                self._bars(surface, rect, palette)
        finally:
            surface.set_clip(old)

    # -- bars -----------------------------------------------------------------------------
    def _bars(self, surface: pygame.Surface, rect: pygame.Rect, p: Palette) -> None:
        n = len(self.axes)
        if not n:
            return
        body = self._body(rect)
        small = max(12, round(body * 0.85))
        shares = self.shares()
        best = self.strongest_axes()
        gap = max(4, body // 2)
        empty = not any(shares.values())
        area = rect
        if empty:
            note_h = self.renderer.line_height(small) + gap
            self._text(surface, TextBox(self.empty_text(), pygame.Rect(rect.x, rect.y, rect.width, note_h), small, 11,
                    bold=True), p.muted)
            area = pygame.Rect(rect.x, rect.y + note_h, rect.width, rect.height - note_h)
        row_h = (area.height - gap * (n - 1)) // n
        stacked = area.width < body * 26  # narrow: label above its bar
        for i, (axis, label) in enumerate(self.axes):
            row = pygame.Rect(area.x, area.y + i * (row_h + gap), area.width, row_h)
            icon_side = max(10, min(row_h, round(body * 1.9)))
            if stacked:
                icon_side = max(10, min(row_h // 2 + body // 2, round(body * 1.7)))
            ic = pygame.Rect(row.x, row.y + (row.height - icon_side) // 2, icon_side, icon_side)
            strong = axis in best
            fill = p.primary if strong else p.bar
            pygame.draw.circle(surface, fill, ic.center, icon_side // 2)
            inner = round(icon_side * 0.6)
            self.icons.blit(surface, self.icons.use("axis", axis) or "bulb",
                            pygame.Rect(ic.centerx - inner // 2, ic.centery - inner // 2, inner, inner),
                            p.on_primary)
            x = ic.right + gap
            label_text = label + (_(" — ton point fort") if strong else "")
            bar_h = max(6, round(min(row_h * 0.32, body * 0.9)))
            # The star's own slot at the right of every bar (all bars end at the same x, so their
            # lengths still compare): it never sits on the end of a full bar.
            star_side = max(10, min(round(bar_h * 2.2), round(body * 1.1), max(10, row_h)))
            slot = star_side + gap // 2
            if stacked:
                label_r = pygame.Rect(x, row.y, row.right - x, row_h - bar_h - gap // 2)
                bar = pygame.Rect(x, label_r.bottom + gap // 2, max(1, row.right - x - slot), bar_h)
            else:
                label_w = round((row.right - x) * 0.45)
                label_r = pygame.Rect(x, row.y, label_w, row_h)
                bar = pygame.Rect(label_r.right + gap, row.centery - bar_h // 2,
                                  max(1, row.right - label_r.right - gap - slot), bar_h)
            self.bar_rects.append(bar)
            self._text(surface, TextBox(label_text, label_r, small, max(11, small - 4), bold=strong,
                    valign="center"), p.text)
            r = bar.height // 2
            pygame.draw.rect(surface, p.bar_track, bar, border_radius=r)
            share = shares[axis]
            if share > 0:
                pygame.draw.rect(surface, fill, pygame.Rect(bar.x, bar.y, max(bar.height, round(bar.width * share)),
                                                            bar.height), border_radius=r)
            if strong:
                star = pygame.Rect(bar.right + gap // 2, bar.centery - star_side // 2, star_side, star_side)
                star = star.clamp(row) if row.height >= star_side else star
                self.icons.blit(surface, "star", star, p.text, stroke=2.5)
                self.stars.append(star)

    # -- radar ----------------------------------------------------------------------------
    def _radar(self, surface: pygame.Surface, rect: pygame.Rect, p: Palette) -> None:
        n = len(self.axes)
        if n < 3:
            self._bars(surface, rect, p)
            return
        body = self._body(rect)
        small = max(12, round(body * 0.85))
        shares = self.shares()
        best = self.strongest_axes()
        lh = self.renderer.line_height(small)
        icon_side = round(body * 1.8)
        label_h = icon_side + 2 * lh  # a pictogram and two lines of label (three at the sides)
        label_w = max(round(rect.width * 0.25), body * 7)
        r = min((rect.width / 2 - label_w - body * 0.5) / math.cos(math.radians(30)),
                rect.height / 2 - label_h - body * 0.3)
        r = max(10.0, r)
        cx, cy = rect.centerx, rect.centery
        angles = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)]

        def point(i: int, t: float) -> tuple[float, float]:
            return cx + r * t * math.cos(angles[i]), cy + r * t * math.sin(angles[i])

        # Rings at quarter steps, spokes; then the shape.
        ring_col = _mix(p.bar_track, p.background, 0.0)
        pygame.draw.polygon(surface, p.panel, [point(i, 1) for i in range(n)])
        for t in (0.25, 0.5, 0.75, 1.0):
            pygame.draw.polygon(surface, ring_col, [point(i, t) for i in range(n)], 1 if t < 1 else 2)
        for i in range(n):
            pygame.draw.line(surface, ring_col, (cx, cy), point(i, 1), 1)
        if any(shares.values()):
            pts = [point(i, max(0.04, shares[a])) for i, (a, _l) in enumerate(self.axes)]
            layer = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.polygon(layer, (*p.bar, 90), [(x - rect.x, y - rect.y) for x, y in pts])
            surface.blit(layer, rect.topleft)
            pygame.draw.polygon(surface, p.bar, pts, max(2, body // 8))
            dot = max(3, body // 4)
            for i, (a, _l) in enumerate(self.axes):
                pygame.draw.circle(surface, p.primary if a in best else p.bar, point(i, max(0.04, shares[a])), dot)
        else:
            self._text(surface, TextBox(self.empty_text(), pygame.Rect(cx - r * 0.8, cy - lh * 1.5, r * 1.6, lh * 3), small, 11,
                    align="center", valign="center"), p.muted)
        # Labels round it: a pictogram and the label, outside each corner.
        for i, (axis, label) in enumerate(self.axes):
            ax, ay = point(i, 1)
            cos_a, sin_a = math.cos(angles[i]), math.sin(angles[i])
            strong = axis in best
            text = label + ("\n" + _("ton point fort") if strong else "")
            if abs(cos_a) < 0.3:  # top or bottom: centred above / below the corner
                box = pygame.Rect(0, 0, min(rect.width, label_w * 2), label_h)
                box.centerx = round(ax)
                if sin_a < 0:
                    box.bottom = round(ay) - body // 3
                else:
                    box.top = round(ay) + body // 3
                align = "center"
            else:
                box = pygame.Rect(0, 0, label_w, label_h + lh)
                box.centery = round(ay)
                if cos_a > 0:
                    box.left = round(ax) + body // 2
                    align = "left"
                else:
                    box.right = round(ax) - body // 2
                    align = "right"
            box = box.clamp(rect)
            if align == "center":
                ic = pygame.Rect(box.centerx - icon_side // 2, box.y if sin_a < 0 else box.y, icon_side, icon_side)
            elif align == "left":
                ic = pygame.Rect(box.x, box.y, icon_side, icon_side)
            else:
                ic = pygame.Rect(box.right - icon_side, box.y, icon_side, icon_side)
            pygame.draw.circle(surface, p.primary if strong else p.bar, ic.center, icon_side // 2)
            inner = round(icon_side * 0.6)
            self.icons.blit(surface, self.icons.use("axis", axis) or "bulb",
                            pygame.Rect(ic.centerx - inner // 2, ic.centery - inner // 2, inner, inner), p.on_primary)
            if strong:
                st = round(icon_side * 0.55)
                star = pygame.Rect(ic.right - st // 2, ic.y - st // 4, st, st)
                self.icons.blit(surface, "star", star, p.text, stroke=2.5)
                self.stars.append(star)
            tb = pygame.Rect(box.x, ic.bottom + 2, box.width, box.bottom - ic.bottom - 2)
            self._text(surface, TextBox(text, tb, small, max(11, small - 4), bold=strong, align=align), p.text)
