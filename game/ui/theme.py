"""Colour palettes and the WCAG contrast ratio used to check them."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    background: RGB
    panel: RGB
    text: RGB
    muted: RGB
    primary: RGB
    on_primary: RGB
    choice: RGB
    border: RGB
    focus: RGB
    right: RGB
    wrong: RGB
    selected: RGB
    bar: RGB
    bar_track: RGB
    teams: tuple[RGB, ...] = ()  # classroom: one colour per team, always beside a symbol and a name
    # One colour per theme (its pictogram always beside it), and the colour of what is drawn on it.
    themes: tuple[tuple[str, RGB], ...] = ()
    on_theme: RGB = (255, 255, 255)
    # A gauge change: better or worse for the planet or for people (always with a word and a shape).
    good: RGB = (0, 108, 52)
    bad: RGB = (176, 32, 40)
    # The reward chips (« +1 », « Série de 3 ! »): gold with dark text, outlined.
    streak: RGB = (255, 196, 0)
    on_streak: RGB = (28, 28, 30)

    def theme_color(self, theme_id: str) -> RGB:
        """The theme's colour; a theme the palette does not know (a teacher's own bank) gets one
        of the palette's colours, always the same for the same id."""
        for tid, rgb in self.themes:
            if tid == theme_id:
                return rgb
        if not self.themes:
            return self.primary
        return self.themes[zlib.crc32(theme_id.encode("utf-8")) % len(self.themes)][1]


DEFAULT = Palette(
    background=(246, 244, 238),
    panel=(255, 255, 255),
    text=(28, 28, 30),
    muted=(72, 72, 78),
    primary=(12, 92, 74),
    on_primary=(255, 255, 255),
    choice=(255, 255, 255),
    border=(96, 96, 104),
    focus=(24, 64, 176),
    right=(0, 108, 52),
    wrong=(176, 32, 40),
    selected=(24, 64, 176),
    bar=(12, 92, 74),
    bar_track=(214, 214, 206),
    teams=((0, 90, 180), (176, 78, 0), (118, 52, 160), (0, 116, 116),
           (178, 28, 72), (58, 108, 18), (166, 38, 138), (72, 80, 100)),
    # Same lightness (5:1 on the background, 5.5:1 under white text), hues spread round the wheel.
    themes=(("fake_news", (190, 56, 56)), ("obsolescence", (174, 75, 0)), ("dechets", (143, 95, 2)),
            ("energie", (76, 116, 16)), ("souverainete", (72, 109, 136)), ("ia", (0, 116, 128)),
            ("cobalt", (4, 103, 200)), ("accessibilite", (93, 95, 186)), ("fracture", (136, 80, 174)),
            ("harcelement", (175, 62, 124))),
    on_theme=(255, 255, 255),
    good=(0, 108, 52),
    bad=(176, 32, 40),
)


HIGH_CONTRAST = Palette(
    background=(0, 0, 0),
    panel=(0, 0, 0),
    text=(255, 255, 255),
    muted=(235, 235, 235),
    primary=(255, 221, 0),
    on_primary=(0, 0, 0),
    choice=(0, 0, 0),
    border=(255, 255, 255),
    focus=(0, 230, 255),
    right=(120, 255, 140),
    wrong=(255, 150, 150),
    selected=(0, 230, 255),
    bar=(255, 221, 0),
    bar_track=(80, 80, 80),
    teams=((110, 184, 255), (255, 172, 64), (204, 156, 255), (64, 224, 212),
           (255, 128, 156), (168, 232, 96), (255, 136, 232), (224, 224, 224)),
    # The same hues, light (8:1 on black, black drawn on them).
    themes=(("fake_news", (238, 129, 121)), ("obsolescence", (223, 140, 91)), ("dechets", (194, 153, 97)),
            ("energie", (136, 171, 100)), ("souverainete", (132, 164, 186)), ("ia", (91, 172, 181)),
            ("cobalt", (99, 163, 243)), ("accessibilite", (148, 154, 230)), ("fracture", (187, 142, 220)),
            ("harcelement", (225, 130, 176))),
    on_theme=(0, 0, 0),
    good=(120, 255, 140),
    bad=(255, 150, 150),
    streak=(255, 221, 0),
    on_streak=(0, 0, 0),
)

PALETTES = {"default": DEFAULT, "high_contrast": HIGH_CONTRAST}


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    r, g, b = (_channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2.1 contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(p: Palette) -> dict[str, tuple[RGB, RGB]]:
    """Every (foreground, background) pair the screens draw text with."""
    return {
        "text/background": (p.text, p.background),
        "muted/background": (p.muted, p.background),
        "text/panel": (p.text, p.panel),
        "muted/panel": (p.muted, p.panel),
        "on_primary/primary": (p.on_primary, p.primary),
        "text/choice": (p.text, p.choice),
        "right/panel": (p.right, p.panel),
        "wrong/panel": (p.wrong, p.panel),
        "right/background": (p.right, p.background),
        "wrong/background": (p.wrong, p.background),
        "selected/choice": (p.selected, p.choice),
        "good/panel": (p.good, p.panel),
        "bad/panel": (p.bad, p.panel),
        "good/background": (p.good, p.background),
        "bad/background": (p.bad, p.background),
        "on_streak/streak": (p.on_streak, p.streak),
    } | {f"on_theme/{tid}": (p.on_theme, rgb) for tid, rgb in p.themes} \
      | {f"{tid}/background": (rgb, p.background) for tid, rgb in p.themes} \
      | {f"{tid}/panel": (rgb, p.panel) for tid, rgb in p.themes}


def component_pairs(p: Palette) -> dict[str, tuple[RGB, RGB]]:
    """Non-text UI parts that must be told apart from what surrounds them (3:1)."""
    return {
        "focus/background": (p.focus, p.background),
        "focus/panel": (p.focus, p.panel),
        "border/choice": (p.border, p.background),
        "bar/track": (p.bar, p.bar_track),
        "bar/panel": (p.bar, p.panel),
        "primary/background": (p.primary, p.background),
    } | {f"team{i + 1}/background": (c, p.background) for i, c in enumerate(p.teams)} \
      | {f"team{i + 1}/panel": (c, p.panel) for i, c in enumerate(p.teams)}


# Type scale (docs/direction-artistique.md): px at unit 1 (a 1280×720 window; layout.metrics_for
# gives the unit). The projector column is about twice the solo one, for a room read at 8 m.
TYPE_SCALE: dict[str, dict[str, int]] = {
    #            solo  projector
    "display": {"solo": 96, "projector": 160},  # the kiosk's big number, the logo's name
    "title": {"solo": 60, "projector": 96},
    "heading": {"solo": 32, "projector": 64},  # a question, a card's title
    "body": {"solo": 26, "projector": 48},  # answers, consequences, explanations
    "small": {"solo": 21, "projector": 40},  # sources, gauge labels, team chips
    "min": {"solo": 18, "projector": 36},  # nothing smaller, ever
}


def type_px(role: str, unit: float, projector: bool = False, text_scale: float = 1.0) -> int:
    """A text size in px for a role of the type scale, in a window of ``unit`` (see layout.Metrics)."""
    px = TYPE_SCALE[role]["projector" if projector else "solo"] * unit * text_scale
    return max(14 if projector or role != "min" else 13, round(px))
