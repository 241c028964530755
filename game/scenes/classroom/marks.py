"""The marks of a class item's choices, the same on the projector as on the pads
(game.pads.protocol.CHOICE_MARKS): a letter, a shape and a colour by the choice's place, so that
a choice is never told by its colour alone. The letter heads the choice's label; the shape, in
its colour, stands on a light tile in the place of the answer's number."""

from __future__ import annotations

import pygame

from game.pads.protocol import CHOICE_MARKS
from game.ui.widgets import draw_symbol

CHOICE_LETTERS = "".join(letter for letter, _shape, _color in CHOICE_MARKS)  # "ABCDEFGH"
TILE = (255, 255, 255)  # the pads' white tile under the shape: the shapes' colours read on it (>= 4.5:1)


def mark_of(index: int) -> tuple[str, str, tuple[int, int, int]]:
    """The letter, shape name and colour of the choice at ``index`` (0-based) on screen."""
    letter, shape, color = CHOICE_MARKS[index % len(CHOICE_MARKS)]
    rgb = tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))
    return letter, shape, rgb  # type: ignore[return-value]


def letter_of(index: int) -> str:
    return mark_of(index)[0]


def marked(index: int, text: str) -> str:
    """A choice's label with its letter first (« A — … »), as the pads read it."""
    return f"{letter_of(index)} \u2014 {text}"


def draw_mark(surface: pygame.Surface, box: pygame.Rect, index: int, border=None) -> None:  # noqa: ANN001
    """The choice's shape in its colour on a light rounded tile filling ``box``."""
    _letter, shape, color = mark_of(index)
    radius = max(3, box.width // 5)
    pygame.draw.rect(surface, TILE, box, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, box, width=2, border_radius=radius)
    inner = box.inflate(-max(4, box.width // 4), -max(4, box.height // 4))
    draw_symbol(surface, inner, shape, color)


def badge_box(button_rect: pygame.Rect, body: int, gap: int) -> pygame.Rect:
    """Where a choice button draws its number (game.ui.widgets.Button._draw_badge)."""
    pad = max(8, gap)
    s = round(body * 1.3)
    return pygame.Rect(button_rect.x + pad, button_rect.centery - s // 2, s, s)
