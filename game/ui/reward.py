"""The « +1 » and streak pop after a right answer: pure timing here, drawn by ``draw_pop``.

    pop = RewardPop()
    pop.start(points=1, streak=3)        # after a right answer (streak: right answers in a row)
    moving = pop.update(dt)              # True for about 0.35 s, then False: the chip stays, still
    draw_pop(surface, pop, rect, palette, renderer, icons)

The chip grows in with a small overshoot and then stays where it is until ``clear()``: it
never fades away before a slow reader has seen it, and nothing in it depends on time taken
to answer (no speed points, no countdown). With reduced motion it appears at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.i18n import _
from game.ui.icons import Icons
from game.ui.text import TextRenderer
from game.ui.theme import Palette

POP_SECONDS = 0.28  # the « +1 » grows in
STREAK_DELAY = 0.08  # the streak chip follows a moment later
STREAK_MIN = 2  # a streak is said from two right answers in a row


def ease_out_back(t: float) -> float:
    """0 -> 1 with a small overshoot (about 8 %) before settling."""
    t = min(1.0, max(0.0, t))
    c1 = 1.4
    c3 = c1 + 1
    return 1 + c3 * (t - 1) ** 3 + c1 * (t - 1) ** 2


@dataclass
class RewardPop:
    points: int = 0
    streak: int = 0
    elapsed: float = 0.0
    visible: bool = False
    moving: bool = False

    def start(self, points: int = 1, streak: int = 0, animate: bool = True) -> None:
        self.points, self.streak = points, streak
        self.visible = points > 0 or streak >= STREAK_MIN
        self.elapsed = 0.0 if animate else self.duration
        self.moving = animate and self.visible

    def clear(self) -> None:
        self.visible = self.moving = False
        self.points = self.streak = 0

    @property
    def duration(self) -> float:
        return POP_SECONDS + (STREAK_DELAY if self.streak >= STREAK_MIN else 0.0)

    def update(self, dt: float) -> bool:
        if not self.moving:
            return False
        self.elapsed = min(self.duration, self.elapsed + max(0.0, dt))
        if self.elapsed >= self.duration:
            self.moving = False
        return True  # one more frame to draw the settled chip

    def scale(self, delay: float = 0.0) -> float:
        """The chip's size factor now (0 before it starts, about 1.08 at the top, then 1)."""
        t = (self.elapsed - delay) / POP_SECONDS
        if t <= 0:
            return 0.0
        return 1.0 if t >= 1 else max(0.0, ease_out_back(t))

    def texts(self) -> list[tuple[str, str]]:
        """(icon role, words) for each chip: « +1 », « Série de 3 ! »."""
        out = []
        if self.points > 0:
            out.append(("point", f"+{self.points}"))
        if self.streak >= STREAK_MIN:
            out.append(("streak", _("Série de {n}\u00a0!").format(n=self.streak)))
        return out

    def alt(self) -> str:
        return ", ".join(text for _role, text in self.texts())


def _chip(renderer: TextRenderer, icons: Icons, role: str, text: str, size: int, fill, fg,  # noqa: ANN001
          outline=None) -> pygame.Surface:  # noqa: ANN001
    pad = max(4, size // 3)
    icon_side = round(size * 1.1)
    img = renderer.render(text, size, fg, True)
    h = max(icon_side, img.get_height()) + 2 * pad
    w = pad * 2 + icon_side + pad // 2 + img.get_width() + pad // 2
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(surf, fill, surf.get_rect(), border_radius=h // 2)
    if outline is not None:
        pygame.draw.rect(surf, outline, surf.get_rect(), width=max(2, size // 14), border_radius=h // 2)
    name = icons.for_button(role) or "star"
    icons.blit(surf, name, pygame.Rect(pad + pad // 2, (h - icon_side) // 2, icon_side, icon_side), fg, stroke=2.2)
    surf.blit(img, (pad + pad // 2 + icon_side + pad // 2, (h - img.get_height()) // 2))
    return surf


def draw_pop(surface: pygame.Surface, pop: RewardPop, rect: pygame.Rect, palette: Palette, renderer: TextRenderer,
             icons: Icons, size: int | None = None) -> list[pygame.Rect]:
    """Draw the chips side by side, centred in ``rect`` (inside it); returns their rects."""
    if not pop.visible:
        return []
    size = size or max(12, min(round(rect.height / 2.2), 64))
    chips = []
    for i, (role, text) in enumerate(pop.texts()):
        if role == "point":
            chip = _chip(renderer, icons, role, text, size, palette.primary, palette.on_primary)
        else:  # gold, outlined in the text colour (gold alone is too light on the background)
            chip = _chip(renderer, icons, role, text, size, palette.streak, palette.on_streak, palette.on_streak)
        chips.append((chip, i * STREAK_DELAY))
    gap = max(4, size // 2)
    total = sum(c.get_width() for c, _d in chips) + gap * (len(chips) - 1)
    x = rect.centerx - total // 2
    placed = []
    old = surface.get_clip()
    surface.set_clip(rect.clip(old) if old else rect)
    try:
        for chip, delay in chips:
            s = pop.scale(delay)
            home = chip.get_rect(midleft=(x, rect.centery))
            x += chip.get_width() + gap
            placed.append(home)
            if s <= 0:
                continue
            img = chip if abs(s - 1) < 1e-3 else pygame.transform.smoothscale(
                chip, (max(1, round(chip.get_width() * s)), max(1, round(chip.get_height() * s))))
            surface.blit(img, img.get_rect(center=home.center))
    finally:
        surface.set_clip(old)
    return placed
