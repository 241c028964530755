"""The gauges strip: each indicator's label and value, counting up to its new value."""

from __future__ import annotations

import pygame

from game.content.models import Indicator
from game.i18n import fmt_number
from game.ui.layout import Metrics, columns
from game.ui.text import TextBox, TextRenderer
from game.ui.theme import Palette
from game.ui.widgets import draw_arrow

ANIMATION_SECONDS = 0.8


class GaugeAnimator:
    """Shown values ease towards the session's totals; reduced motion jumps at once."""

    def __init__(self, indicators: list[str]) -> None:
        self.shown = {i: 0.0 for i in indicators}
        self.start = dict(self.shown)
        self.target = dict(self.shown)
        self.elapsed = ANIMATION_SECONDS
        self.last_change: dict[str, float] = {i: 0.0 for i in indicators}

    def set_target(self, totals: dict[str, float], animate: bool = True) -> None:
        changed = {i: totals.get(i, 0.0) - self.target.get(i, 0.0) for i in self.target}
        if not any(changed.values()):
            return
        self.last_change = changed
        self.start = dict(self.shown)
        self.target = {i: totals.get(i, 0.0) for i in self.target}
        self.elapsed = 0.0 if animate else ANIMATION_SECONDS
        if not animate:
            self.shown = dict(self.target)

    def update(self, dt: float) -> bool:
        if self.elapsed >= ANIMATION_SECONDS:
            return False
        self.elapsed = min(ANIMATION_SECONDS, self.elapsed + dt)
        t = self.elapsed / ANIMATION_SECONDS
        ease = 1 - (1 - t) ** 3
        self.shown = {i: self.start[i] + (self.target[i] - self.start[i]) * ease for i in self.target}
        return True


def value_text(ind: Indicator, value: float) -> str:
    number = fmt_number(value, 1 if abs(value) < 100 else 0)
    return f"{number}\u00a0{ind.unit}" if ind.unit else number


class GaugeStrip:
    """Chips laid out in a band: label on top, value below, an arrow after a change."""

    def __init__(self, indicators: list[Indicator]) -> None:
        self.indicators = indicators
        self.labels: list[TextBox] = []
        self.value_boxes: list[pygame.Rect] = []
        self.chips: list[pygame.Rect] = []

    def build(self, rect: pygame.Rect, m: Metrics, renderer: TextRenderer) -> list[TextBox]:
        self.chips = columns(rect, len(self.indicators), m.gap) if self.indicators else []
        self.labels, self.value_boxes = [], []
        pad = max(4, m.gap // 3)
        for chip, ind in zip(self.chips, self.indicators):
            inner = chip.inflate(-2 * pad, -pad)
            value_h = min(inner.height // 2, renderer.line_height(m.small, True))
            label = pygame.Rect(inner.x, inner.y, inner.width, inner.height - value_h)
            value = pygame.Rect(inner.x, label.bottom, inner.width - m.small, value_h)
            self.labels.append(TextBox(ind.label, label, m.small, m.min_text, valign="center").layout(renderer))
            self.value_boxes.append(value)
        return self.labels

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics,
             animator: GaugeAnimator) -> None:
        for chip, label, vbox, ind in zip(self.chips, self.labels, self.value_boxes, self.indicators):
            pygame.draw.rect(surface, p.panel, chip, border_radius=max(4, m.gap // 2))
            pygame.draw.rect(surface, p.border, chip, width=1, border_radius=max(4, m.gap // 2))
            label.draw(surface, renderer, p.muted)
            text = value_text(ind, animator.shown.get(ind.id, 0.0))
            box = TextBox(text, vbox, m.small, m.min_text, bold=True, valign="center").layout(renderer)
            box.draw(surface, renderer, p.text)
            delta = animator.last_change.get(ind.id, 0.0)
            if delta:
                s = max(8, m.small // 2)
                arrow = pygame.Rect(vbox.right + 4, vbox.centery - s // 2, s, s)
                draw_arrow(surface, arrow, p.text, up=delta > 0)
