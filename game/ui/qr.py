"""Draws a pads' join QR code (game.pads.qr) on a pygame Surface.

Always dark modules on a light ground with the standard's quiet zone, whatever the palette (a
phone's camera reads dark on light; on the high-contrast palette's black background the light
quiet zone also frames the symbol). The contrast of the default colours is far above 4.5:1.
"""

from __future__ import annotations

import pygame

from game.pads.qr import QUIET_ZONE, QRMatrix
from game.ui.theme import RGB

DARK: RGB = (0, 0, 0)
LIGHT: RGB = (255, 255, 255)


def qr_side(matrix: QRMatrix, module: int, quiet: int = QUIET_ZONE) -> int:
    """The side in pixels of the drawn code, quiet zone included."""
    return (matrix.size + 2 * quiet) * module


def module_for(matrix: QRMatrix, room: int, quiet: int = QUIET_ZONE, minimum: int = 2) -> int:
    """The largest whole module size (pixels) that fits the code in a square of ``room`` pixels
    (whole pixels: a module of 3.5 px blurs on a projector); at least ``minimum``."""
    return max(minimum, room // (matrix.size + 2 * quiet))


def qr_surface(matrix: QRMatrix, module: int, quiet: int = QUIET_ZONE,
               dark: RGB = DARK, light: RGB = LIGHT) -> pygame.Surface:
    """The code, ``module`` pixels a module, with ``quiet`` modules of light margin."""
    if module < 1:
        raise ValueError("module must be at least one pixel")
    side = qr_side(matrix, module, quiet)
    surf = pygame.Surface((side, side))
    surf.fill(light)
    for r, row in enumerate(matrix.modules):
        y = (r + quiet) * module
        c = 0
        while c < len(row):  # one rectangle per run of dark modules
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            surf.fill(dark, pygame.Rect((start + quiet) * module, y, (c - start) * module, module))
    return surf
