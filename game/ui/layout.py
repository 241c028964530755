"""Sizes derived from the window: no pixel constant is tied to one resolution."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

MIN_TARGET = 44  # px: the smallest touch target on any screen


@dataclass(frozen=True)
class Metrics:
    width: int
    height: int
    unit: float
    portrait: bool
    margin: int
    gap: int
    title: int
    heading: int
    body: int
    small: int
    min_text: int
    button_h: int
    ring: int

    @property
    def screen(self) -> pygame.Rect:
        return pygame.Rect(0, 0, self.width, self.height)

    @property
    def content(self) -> pygame.Rect:
        return self.screen.inflate(-2 * self.margin, -2 * self.margin)


def metrics_for(size: tuple[int, int], text_scale: float = 1.0) -> Metrics:
    """Text sizes follow the shorter side, so a projector at 1080p and a laptop at 720p
    show the same layout, only larger; a portrait kiosk is sized by its width."""
    w, h = max(1, size[0]), max(1, size[1])
    portrait = h > w * 1.1
    # A portrait kiosk has height to spare: its text is sized by the width, and larger.
    unit = min(w / 800, h / 1280) if portrait else min(w / 1280, h / 720)
    unit = max(0.3, unit)
    body = max(15, round(26 * unit * text_scale))
    small = max(14, round(21 * unit * text_scale))
    return Metrics(
        width=w,
        height=h,
        unit=unit,
        portrait=portrait,
        margin=max(8, round(28 * unit)),
        gap=max(6, round(14 * unit)),
        title=max(22, round(60 * unit * text_scale)),
        heading=max(17, round(32 * unit * text_scale)),
        body=body,
        small=small,
        min_text=max(13, round(min(body, 18 * unit * text_scale))),
        button_h=max(MIN_TARGET, round(body * 2.1)),
        ring=max(3, round(4 * unit)),
    )


def take_top(rect: pygame.Rect, height: int, gap: int = 0) -> tuple[pygame.Rect, pygame.Rect]:
    """Split ``rect`` into a band of ``height`` at the top and what remains below it."""
    height = max(0, min(height, rect.height))
    top = pygame.Rect(rect.x, rect.y, rect.width, height)
    rest_y = min(rect.bottom, top.bottom + gap)
    return top, pygame.Rect(rect.x, rest_y, rect.width, rect.bottom - rest_y)


def take_bottom(rect: pygame.Rect, height: int, gap: int = 0) -> tuple[pygame.Rect, pygame.Rect]:
    """Split ``rect`` into a band of ``height`` at the bottom and what remains above it."""
    height = max(0, min(height, rect.height))
    bottom = pygame.Rect(rect.x, rect.bottom - height, rect.width, height)
    rest_h = max(0, bottom.y - gap - rect.y)
    return bottom, pygame.Rect(rect.x, rect.y, rect.width, rest_h)


def take_left(rect: pygame.Rect, width: int, gap: int = 0) -> tuple[pygame.Rect, pygame.Rect]:
    """Split ``rect`` into a band of ``width`` on the left and what remains on its right."""
    width = max(0, min(width, rect.width))
    left = pygame.Rect(rect.x, rect.y, width, rect.height)
    rest_x = min(rect.right, left.right + gap)
    return left, pygame.Rect(rest_x, rect.y, rect.right - rest_x, rect.height)


def columns(rect: pygame.Rect, n: int, gap: int) -> list[pygame.Rect]:
    n = max(1, n)
    w = (rect.width - gap * (n - 1)) // n
    return [pygame.Rect(rect.x + i * (w + gap), rect.y, w, rect.height) for i in range(n)]


def rows(rect: pygame.Rect, n: int, gap: int) -> list[pygame.Rect]:
    n = max(1, n)
    h = (rect.height - gap * (n - 1)) // n
    return [pygame.Rect(rect.x, rect.y + i * (h + gap), rect.width, h) for i in range(n)]


def centered(rect: pygame.Rect, width: int) -> pygame.Rect:
    """A band of at most ``width`` centred in ``rect`` (readable line lengths on wide screens)."""
    width = min(width, rect.width)
    return pygame.Rect(rect.x + (rect.width - width) // 2, rect.y, width, rect.height)


def center_block(area: pygame.Rect, needed: int) -> pygame.Rect:
    """The part of ``area`` a block of height ``needed`` takes when centred vertically
    (all of ``area`` when the block needs more): prompt and answers stay together."""
    if needed >= area.height:
        return area
    return pygame.Rect(area.x, area.y + (area.height - needed) // 2, area.width, needed)
