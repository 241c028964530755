"""Theme choice: one toggle per theme (title and one line), then their introductions.

Solo players pick one theme or several and start; the classroom set-up uses the same screen
to choose the themes of a class session (none chosen: every theme).
"""

from __future__ import annotations

import pygame

from game.i18n import _
from game.scenes.base import Scene
from game.scenes.context import Context
from game.scenes.play import start_session
from game.session import path_of
from dataclasses import dataclass
from typing import Any

from game.ui import icons as icon_mod
from game.ui.layout import Metrics, centered, columns, rows, take_bottom, take_top
from game.ui.text import TextRenderer
from game.ui.theme import Palette
from game.ui.widgets import Button, Widget, draw_check


def badge_side(m: Metrics) -> int:
    """The theme's pictogram disc on its button (where a toggle's check box would be)."""
    return round(m.body * 1.7)


@dataclass
class ThemeButton(Button):
    """A theme's toggle: its pictogram in a disc of its colour, its name and its line in words (the
    colour is never alone: art direction §1), a band of its colour on the left. Chosen, a tick in a
    ring sits on the disc and the border is thick, as a toggle's box would say it."""

    theme_id: str = ""
    icons: Any = None  # game.ui.icons.Icons

    @property
    def alt(self) -> str:
        """Its name, what its pictogram shows (``icons.alt``), and whether it is chosen."""
        picture = self.icons.alt(self.icons.for_theme(self.theme_id)) if self.icons is not None else ""
        said = f"{self.label} ({picture})" if picture else self.label
        return f"{said}, {_('choisi')}" if self.selected else said

    def layout(self, renderer: TextRenderer, m: Metrics, size: int | None = None) -> None:
        extra = max(0, badge_side(m) - round(m.body * 1.5))  # the disc is a little wider than a check box
        real = self.rect
        self.rect = pygame.Rect(real.x + extra, real.y, real.width - extra, real.height)
        try:
            super().layout(renderer, m, size)
        finally:
            self.rect = real

    def _draw_badge(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics, fg) -> None:  # noqa: ANN001
        colour = p.theme_color(self.theme_id)
        radius = max(6, m.gap)
        band = pygame.Rect(self.rect.x, self.rect.y, max(4, m.gap // 2), self.rect.height)
        pygame.draw.rect(surface, colour, band.inflate(0, -2 * radius), border_radius=band.width // 2)
        pad = max(8, m.gap)
        side = badge_side(m)
        disc = pygame.Rect(self.rect.x + pad, self.rect.centery - side // 2, side, side)
        if self.icons is not None:
            icon_mod.badge(surface, self.icons, self.icons.for_theme(self.theme_id), disc, colour, p.on_theme)
        if self.selected:  # a tick in a ring on the disc's corner: chosen, said by a shape too
            r = max(7, side // 5)
            c = (disc.right - r * 3 // 4, disc.bottom - r // 2)
            pygame.draw.circle(surface, p.panel, c, r + max(2, r // 4))
            pygame.draw.circle(surface, p.selected, c, r)
            draw_check(surface, pygame.Rect(c[0] - r * 2 // 3, c[1] - r * 2 // 3, r * 4 // 3, r * 4 // 3),
                       p.panel, max(2, r // 3))


class ThemeScene(Scene):
    name = "themes"

    def __init__(self, ctx: Context, selected: tuple[str, ...] = (), on_done=None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.selected = [t for t in selected]
        self.on_done = on_done  # classroom: called with the chosen themes; solo: None

    @property
    def icons(self) -> icon_mod.Icons:
        return icon_mod.shared()  # made on first use, SVGs read only when drawn (start-up speed)

    def playable_themes(self):  # noqa: ANN201
        content = self.ctx.content
        return [t for t in content.themes.values() if any(content.items_of_theme(t.id))]

    def build(self, m: Metrics) -> None:
        area = m.content
        heading = _("Choisis un ou plusieurs thèmes")
        need = self.ctx.renderer.fit(heading, area.width, 10_000, m.heading, m.heading, True).height
        head, area = take_top(area, max(round(m.heading * 1.6), need), m.gap)  # two lines at large text
        self.text(heading, head, m.heading, bold=True, valign="center")
        labels = (_("Retour"), _("Réglages"), _("Commencer") if self.on_done is None else _("Valider\u00a0: tous"))
        nav_w = min(area.width, m.body * 36)
        third = (nav_w - 2 * m.gap) // 3 - 2 * max(8, m.gap)
        if all(self.ctx.renderer.measure(label, m.body, True) <= third for label in labels):
            nav, area = take_bottom(area, m.button_h, m.gap)
            back, settings, start = columns(pygame.Rect(nav.x, nav.y, nav_w, nav.height), 3, m.gap)
        else:  # large text on a narrow screen: a row each, never a cut word
            nav, area = take_bottom(area, 3 * m.button_h + 2 * m.gap, m.gap)
            start, settings, back = rows(pygame.Rect(nav.x, nav.y, nav_w, nav.height), 3, m.gap)
        themes = self.playable_themes()
        r = self.ctx.renderer

        pad = 2 * max(6, m.gap // 2) + 4

        def needs(ncols: int) -> list[int]:
            """Height each theme's button needs (its title and its line) at this column width."""
            col_w = (area.width - (ncols - 1) * m.gap * 2) // ncols - 2 * max(8, m.gap) \
                - max(badge_side(m), round(m.body * 1.5)) - max(8, m.gap) // 2
            return [max(m.button_h, r.fit(t.title, col_w, 10_000, m.body, m.body, True).height
                        + r.fit(t.short, col_w, 10_000, m.small, m.small).height + pad) for t in themes]

        def row_heights(ncols: int) -> list[int]:
            h = needs(ncols)
            return [max(h[i:i + ncols]) for i in range(0, len(h), ncols)]

        # Two columns when that makes the list shorter (large text wraps less on one wide column);
        # each row as tall as its own longest title, so one long title does not stretch them all.
        ncols = 1 if m.portrait or len(themes) < 4 else 2
        if ncols == 2 and sum(row_heights(2)) > sum(row_heights(1)) + m.gap * len(themes) // 2:
            ncols = 1
        heights = row_heights(ncols)
        col_w = (area.width - (ncols - 1) * m.gap * 2) // ncols
        y = area.y
        for row, height in enumerate(heights):
            for c in range(ncols):
                i = row * ncols + c
                if i >= len(themes):
                    break
                theme = themes[i]
                cell = pygame.Rect(area.x + c * (col_w + m.gap * 2), y, col_w, height)
                self.widgets.append(ThemeButton(f"theme:{theme.id}", cell, role="adjust", label=theme.title,
                                                detail=theme.short, toggle=True, selected=theme.id in self.selected,
                                                theme_id=theme.id, icons=self.icons))
            y += height + m.gap
        self.widgets.append(Button("back", back, role="back", label=_("Retour")))
        self.widgets.append(Button("settings", settings, role="open", label=_("Réglages")))
        if self.on_done is None:
            self.widgets.append(Button("start", start, role="start", label=_("Commencer"), style="primary",
                                       enabled=bool(self.selected)))
        else:
            self.widgets.append(Button("done", start, role="start", style="primary",
                                       label=_("Valider") if self.selected else _("Valider : tous")))

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "settings":
            self.ctx.open_settings()
        elif widget.id == "back":
            self.ctx.pop()
        elif widget.id.startswith("theme:"):
            theme = widget.id.split(":", 1)[1]
            if theme in self.selected:
                self.selected.remove(theme)
            else:
                self.selected.append(theme)
            self.invalidate()
        elif widget.id == "start" and self.selected:
            self.ctx.push(ThemeIntroScene(self.ctx, tuple(self.selected)))
        elif widget.id == "done" and self.on_done is not None:
            self.ctx.pop()
            self.on_done(tuple(sorted(self.selected)))

    def bot_targets(self) -> list[Widget]:
        targets = super().bot_targets()
        if self.selected:  # a bot picks a theme or two, then starts
            return [w for w in targets if w.id in ("start", "done")] or targets
        return [w for w in targets if w.id.startswith("theme:")]

    def on_back(self) -> None:
        self.ctx.pop()


class ThemeIntroScene(Scene):
    name = "theme_intro"

    def __init__(self, ctx: Context, themes: str | tuple[str, ...]) -> None:
        super().__init__(ctx)
        self.themes = (themes,) if isinstance(themes, str) else tuple(themes)

    @property
    def theme_id(self) -> str:
        return self.themes[0]

    def build(self, m: Metrics) -> None:
        area = centered(m.content, m.body * 34)
        buttons, area = take_bottom(area, m.button_h, m.gap * 2)
        pieces = []
        for tid in self.themes:
            theme = self.ctx.content.themes[tid]
            pieces += [(theme.title, m.heading, "text", True), (theme.intro, round(m.body * 1.1), "text", False)]
        self.text_stack(pieces, area, m.gap * 2)
        left, middle, right = columns(buttons, 3, m.gap)
        self.widgets = [
            Button("back", left, role="back", label=_("Retour")),
            Button("settings", middle, role="open", label=_("Réglages")),
            Button("start", right, role="start", label=_("Commencer"), style="primary"),
        ]

    def default_focus(self) -> str:
        return "start"

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "start":
            start_session(self.ctx, path_of(self.themes))
        elif widget.id == "settings":
            self.ctx.open_settings()
        else:
            self.ctx.pop()

    def on_back(self) -> None:
        self.ctx.pop()
