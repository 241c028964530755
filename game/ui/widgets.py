"""Focusable widgets (buttons, slider), the focus ring and icons drawn by code.

Every widget has a text label; right and wrong are said by an icon and a word as well as
a colour, so nothing depends on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui.layout import Metrics
from game.ui.text import TextBox, TextRenderer
from game.ui.theme import Palette


@dataclass
class Widget:
    id: str
    rect: pygame.Rect
    role: str = "action"  # answer | submit | next | start | back | quit | adjust | open
    enabled: bool = True
    pick_index: int | None = None  # keys 1-4 reach it directly

    def contains(self, pos: tuple[int, int]) -> bool:
        return self.enabled and self.rect.collidepoint(pos)

    @property
    def alt(self) -> str:
        return self.id


@dataclass
class Button(Widget):
    label: str = ""
    style: str = "secondary"  # primary | secondary | choice
    selected: bool = False  # a toggle that is on (several-answers questions)
    toggle: bool = False
    marker: str | None = None  # right | missed | wrong: after the answer (missed: a right box left empty)
    detail: str = ""  # second line under the label (theme list)
    team_symbol: str | None = None  # classroom: the team's shape, drawn before the label
    team_color: tuple[int, int, int] | None = None
    trailing_check: bool = False  # a check mark at the right end (a classroom team has answered)
    text_size: int | None = None  # px; the body size when None
    status: str = ""  # said after the label by read aloud (« en attente », « répondu : 2 »)
    text_boxes: list[TextBox] = field(default_factory=list)

    @property
    def alt(self) -> str:
        return f"{self.label}, {self.status}" if self.status else self.label

    def layout(self, renderer: TextRenderer, m: Metrics, size: int | None = None) -> None:
        pad = max(8, m.gap)
        inner = self.rect.inflate(-2 * pad, -max(6, m.gap // 2) * 2)
        icon_w = 0
        if self.pick_index is not None or self.toggle or self.team_symbol:
            icon_w = round(m.body * 1.5) + pad // 2
        if self.marker:
            icon_w = max(icon_w, round(m.body * 1.5) + pad // 2)
        inner.x += icon_w
        inner.width -= icon_w
        if self.trailing_check:
            inner.width -= round((self.text_size or m.body) * 1.3) + pad // 2
        size = size or self.text_size or m.body
        bold = self.style == "primary"
        if self.detail:
            # The label as tall as it needs (one line, usually), the detail gets the rest.
            need = renderer.fit(self.label, inner.width, 10_000, size, size, True).height
            detail_need = renderer.fit(self.detail, inner.width, 10_000, m.small, m.small).height
            label_h = max(1, min(need + max(2, m.gap // 3), inner.height - detail_need, inner.height * 2 // 3))
            label_h = max(label_h, inner.height // 3)
            top = pygame.Rect(inner.x, inner.y, inner.width, label_h)
            bottom = pygame.Rect(inner.x, inner.y + label_h, inner.width, inner.height - label_h)
            self.text_boxes = [
                TextBox(self.label, top, size, m.min_text, bold=True, valign="center").layout(renderer),
                TextBox(self.detail, bottom, m.small, m.min_text, valign="center").layout(renderer),
            ]
        else:
            align = "center" if self.style == "primary" or (self.style == "secondary" and not icon_w) else "left"
            self.text_boxes = [TextBox(self.label, inner, size, m.min_text, bold=bold, align=align, valign="center").layout(renderer)]

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics, focused: bool) -> None:
        radius = max(6, m.gap)
        if self.style == "primary":
            fill, fg, border = p.primary, p.on_primary, p.primary
        else:
            fill, fg, border = p.choice, p.text, p.border
        if self.marker in ("right", "missed"):
            border = p.right
        elif self.marker == "wrong":
            border = p.wrong
        elif self.selected:
            border = p.selected
        if not self.enabled and self.style == "primary":
            fill, fg, border = p.bar_track, p.text, p.border
        pygame.draw.rect(surface, fill, self.rect, border_radius=radius)
        bw = max(4, m.ring) if (self.marker or self.selected) else 2  # twice as thick: not colour alone
        pygame.draw.rect(surface, border, self.rect, width=bw, border_radius=radius)
        if focused:
            draw_focus_ring(surface, self.rect, p, m, radius)
        self._draw_badge(surface, renderer, p, m, fg)
        if self.trailing_check:
            s = round((self.text_size or m.body) * 1.3)
            box = pygame.Rect(self.rect.right - max(8, m.gap) - s, self.rect.centery - s // 2, s, s)
            draw_check(surface, box, p.right, max(3, s // 7))
        for box in self.text_boxes:
            box.draw(surface, renderer, fg if box is self.text_boxes[0] else (p.muted if fill == p.choice else fg))

    def _draw_badge(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics, fg) -> None:  # noqa: ANN001
        pad = max(8, m.gap)
        s = round(m.body * 1.3)
        box = pygame.Rect(self.rect.x + pad, self.rect.centery - s // 2, s, s)
        if self.team_symbol:
            draw_symbol(surface, box, self.team_symbol, self.team_color or fg)
        elif self.marker == "missed":  # a right box left empty: its own shape, not the tick of a hit
            draw_missed(surface, box, p.right, max(3, s // 9))
        elif self.marker:
            color = p.right if self.marker == "right" else p.wrong
            (draw_check if self.marker == "right" else draw_cross)(surface, box, color, max(3, s // 7))
        elif self.toggle:
            pygame.draw.rect(surface, p.selected if self.selected else p.border, box, width=max(2, s // 12), border_radius=3)
            if self.selected:
                draw_check(surface, box.inflate(-s // 4, -s // 4), p.selected, max(3, s // 8))
        elif self.pick_index is not None:
            pygame.draw.rect(surface, p.border, box, width=2, border_radius=max(3, s // 5))
            img = renderer.render(str(self.pick_index + 1), max(m.min_text, round(m.body * 0.9)), fg, True)
            surface.blit(img, img.get_rect(center=box.center))


@dataclass
class Slider(Widget):
    """A value picked in steps: arrows, drag, or the − and + buttons beside it."""

    low: float = 0
    high: float = 100
    step: float = 1
    value: float = 0
    role: str = "adjust"

    @property
    def steps(self) -> int:
        return max(1, round((self.high - self.low) / self.step))

    def set_value(self, value: float) -> bool:
        n = round((min(self.high, max(self.low, value)) - self.low) / self.step)
        new = self.low + n * self.step
        changed = new != self.value
        self.value = new
        return changed

    def nudge(self, direction: int) -> bool:
        return self.set_value(self.value + direction * self.step)

    def value_at(self, x: int) -> float:
        track = self.track
        frac = (x - track.x) / max(1, track.width)
        return self.low + min(1.0, max(0.0, frac)) * (self.high - self.low)

    @property
    def track(self) -> pygame.Rect:
        pad = self.rect.height // 2
        return pygame.Rect(self.rect.x + pad, self.rect.centery - 3, self.rect.width - 2 * pad, 6)

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics, focused: bool) -> None:
        track = self.track
        pygame.draw.rect(surface, p.bar_track, track.inflate(0, 4), border_radius=5)
        frac = (self.value - self.low) / max(1e-9, self.high - self.low)
        filled = track.copy()
        filled.width = round(track.width * frac)
        pygame.draw.rect(surface, p.bar, filled.inflate(0, 4), border_radius=5)
        # Tick marks at each step when there are few, so the steps can be seen.
        if self.steps <= 20:
            for i in range(self.steps + 1):
                x = track.x + round(track.width * i / self.steps)
                pygame.draw.line(surface, p.border, (x, track.bottom + 6), (x, track.bottom + 12), 2)
        r = max(12, self.rect.height // 3)
        knob = (track.x + filled.width, track.centery)
        pygame.draw.circle(surface, p.panel, knob, r)
        pygame.draw.circle(surface, p.primary, knob, r, width=max(3, r // 3))
        if focused:
            draw_focus_ring(surface, self.rect, p, m, max(6, m.gap))


def draw_focus_ring(surface: pygame.Surface, rect: pygame.Rect, p: Palette, m: Metrics, radius: int) -> None:
    """A thick outline in the focus colour with a light gap, visible on any fill."""
    gap = max(2, m.ring // 2)
    outer = rect.inflate(2 * (gap + m.ring), 2 * (gap + m.ring))
    pygame.draw.rect(surface, p.panel, rect.inflate(2 * gap, 2 * gap), width=gap, border_radius=radius + gap)
    pygame.draw.rect(surface, p.focus, outer, width=m.ring, border_radius=radius + gap + m.ring)


def draw_hover(surface: pygame.Surface, rect: pygame.Rect, p: Palette, m: Metrics) -> None:
    """What is under the mouse: a light tint and a bar along the bottom edge, never a ring, so that
    it cannot be taken for the keyboard's focus."""
    tint = pygame.Surface(rect.size, pygame.SRCALPHA)
    tint.fill((*p.focus[:3], 36))
    surface.blit(tint, rect.topleft)
    bar = max(3, m.ring // 2 + 1)
    pygame.draw.rect(surface, p.focus, pygame.Rect(rect.x + bar * 2, rect.bottom - bar - 2, rect.width - bar * 4, bar),
                     border_radius=bar // 2)


def draw_check(surface: pygame.Surface, box: pygame.Rect, color, width: int) -> None:  # noqa: ANN001
    pts = [
        (box.x + box.width * 0.12, box.y + box.height * 0.55),
        (box.x + box.width * 0.40, box.y + box.height * 0.82),
        (box.x + box.width * 0.90, box.y + box.height * 0.20),
    ]
    pygame.draw.lines(surface, color, False, pts, width)


def draw_missed(surface: pygame.Surface, box: pygame.Rect, color, width: int) -> None:  # noqa: ANN001
    """A ring with an exclamation mark: « this one was right too », told apart from a tick by its shape."""
    r = box.width // 2
    pygame.draw.circle(surface, color, box.center, r, width)
    bar = pygame.Rect(0, 0, width, round(box.height * 0.34))
    bar.midtop = (box.centerx, box.y + round(box.height * 0.2))
    pygame.draw.rect(surface, color, bar)
    pygame.draw.circle(surface, color, (box.centerx, box.y + round(box.height * 0.72)), max(2, width * 2 // 3))


def draw_cross(surface: pygame.Surface, box: pygame.Rect, color, width: int) -> None:  # noqa: ANN001
    a = box.inflate(-box.width // 5, -box.height // 5)
    pygame.draw.line(surface, color, a.topleft, a.bottomright, width)
    pygame.draw.line(surface, color, a.topright, a.bottomleft, width)


def draw_arrow(surface: pygame.Surface, box: pygame.Rect, color, up: bool) -> None:  # noqa: ANN001
    """A triangle pointing up (the figure rose) or down (it fell)."""
    if up:
        pts = [(box.centerx, box.top), (box.right, box.bottom), (box.left, box.bottom)]
    else:
        pts = [(box.left, box.top), (box.right, box.top), (box.centerx, box.bottom)]
    pygame.draw.polygon(surface, color, pts)


def draw_symbol(surface: pygame.Surface, box: pygame.Rect, symbol: str, color) -> None:  # noqa: ANN001
    """A classroom team's shape, filled with its colour: teams differ by shape as well as colour."""
    import math

    r = min(box.width, box.height) / 2
    cx, cy = box.center

    def polygon(n: int, start: float, radius: float = r) -> list[tuple[float, float]]:
        return [(cx + radius * math.cos(start + 2 * math.pi * k / n), cy + radius * math.sin(start + 2 * math.pi * k / n))
                for k in range(n)]

    if symbol == "circle":
        pygame.draw.circle(surface, color, (cx, cy), round(r * 0.92))
    elif symbol == "square":
        side = round(r * 1.6)
        pygame.draw.rect(surface, color, pygame.Rect(cx - side // 2, cy - side // 2, side, side))
    elif symbol == "triangle":
        pygame.draw.polygon(surface, color, polygon(3, -math.pi / 2))
    elif symbol == "down":
        pygame.draw.polygon(surface, color, polygon(3, math.pi / 2))
    elif symbol == "diamond":
        pygame.draw.polygon(surface, color, polygon(4, -math.pi / 2))
    elif symbol == "hexagon":
        pygame.draw.polygon(surface, color, polygon(6, 0, r * 0.95))
    elif symbol == "star":
        outer, inner = polygon(5, -math.pi / 2), polygon(5, -math.pi / 2 + math.pi / 5, r * 0.45)
        pygame.draw.polygon(surface, color, [p for pair in zip(outer, inner) for p in pair])
    else:  # plus
        t = max(3, round(r * 0.6))
        pygame.draw.rect(surface, color, pygame.Rect(cx - t // 2, box.centery - round(r * 0.9), t, round(r * 1.8)))
        pygame.draw.rect(surface, color, pygame.Rect(box.centerx - round(r * 0.9), cy - t // 2, round(r * 1.8), t))
