"""Title screen as a hub: the logo, one big « Jouer », then smaller: the level and the length of
that game, the other modes (themes, class, today's figures, sources, settings, quit) and the
language, each language named in its own language.

Every button has an icon beside its words (docs/direction-artistique.md); the arrows move row
by row over whatever layout the window gave (a pad reaches every button), and the focus is on
« Jouer » at the start and after a language change, so Enter plays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from game import i18n
from game.flow.choices import length_label, level_label, next_length, next_level
from game.i18n import N_, _, ngettext
from game.scenes.base import Scene
from game.scenes.context import Context
from game.scenes.play import start_session
from game.scenes.sources import SourcesScene
from game.scenes.themes import ThemeScene
from game.session import FULL_PATH
from game.ui import icons as icon_mod
from game.ui.layout import Metrics, columns
from game.ui.logo import draw_logo
from game.ui.text import TextBox, TextRenderer
from game.ui.theme import Palette
from game.ui.widgets import Button, Widget, draw_focus_ring

LOGO_PICTURE = "device-gamepad-2"


@dataclass
class IconButton(Button):
    """A button whose face is an icon and its label, centred together (``art.icon_label``'s look),
    with a rounder shape for the big « Jouer ». The label is a TextBox like any button's, so the
    layout checks see it; the icon is decoration (the label says it all)."""

    icon: str | None = None
    icons: Any = None  # game.ui.icons.Icons
    bold: bool = False
    radius: int | None = None
    icon_rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))

    def layout(self, renderer: TextRenderer, m: Metrics, size: int | None = None) -> None:
        size = size or self.text_size or m.body
        pad = max(8, m.gap) + (self.radius or 0) // 3
        inner = self.rect.inflate(-2 * pad, -max(6, m.gap // 2) * 2)
        side = round(size * 1.15) if self.icon else 0
        gap = max(4, size // 3) if self.icon else 0
        if self.selected and self.icon:
            side = round(size * 0.9)
        bold = self.bold or self.style == "primary"
        room = max(1, inner.width - side - gap)
        tb = TextBox(self.label, pygame.Rect(0, 0, room, inner.height), size, m.min_text, bold=bold,
                     valign="center").layout(renderer)
        total = side + gap + tb.bounds.width
        x = inner.x + max(0, (inner.width - total) // 2)
        tb.box = pygame.Rect(x + side + gap, inner.y, max(1, inner.right - x - side - gap), inner.height)
        tb.layout(renderer)
        self.icon_rect = pygame.Rect(x, inner.centery - side // 2, side, side)
        self.text_boxes = [tb]

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics, focused: bool) -> None:
        radius = self.radius or max(6, m.gap)
        if self.style == "primary":
            fill, fg, border = p.primary, p.on_primary, p.primary
        else:
            fill, fg, border = p.choice, p.text, p.border
        if self.selected and self.style != "primary":
            border = p.selected
        pygame.draw.rect(surface, fill, self.rect, border_radius=radius)
        pygame.draw.rect(surface, border, self.rect, width=max(4, m.ring) if border == p.selected else 2,
                         border_radius=radius)
        if focused:
            draw_focus_ring(surface, self.rect, p, m, radius)
        if self.icon and self.icons is not None and self.icon_rect.width:
            tick = self.selected and self.style != "primary"
            self.icons.blit(surface, self.icon, self.icon_rect, p.selected if tick else fg, stroke=2.4 if tick else 2.2)
        for box in self.text_boxes:
            box.draw(surface, renderer, fg)


# The modes under « Jouer »: (widget id, label msgid, picture of the button).
MODES = (
    ("choose_theme", N_("Thèmes"), "chart-pie"),
    ("classroom", N_("En classe"), "school"),
    ("today", N_("Chiffres du jour"), "chart-bar"),
    ("sources", N_("Sources"), "book"),
    ("settings", N_("Réglages"), "settings"),
    ("quit", N_("Quitter"), "x"),
)


class TitleScene(Scene):
    name = "title"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.logo_rect = pygame.Rect(0, 0, 0, 0)

    @property
    def icons(self) -> icon_mod.Icons:
        return icon_mod.shared()  # made on first use, SVGs read only when drawn (start-up speed)

    def footer_text(self) -> str:
        lines = [_("Sources\u00a0: affiche «\u00a0Numérique\u00a0» et La Mêlée (2025). Clavier, souris, écran tactile ou manette.")]
        if self.ctx.content.skipped:
            n = self.ctx.content.skipped
            lines.append(ngettext(
                "{n} élément écarté du contenu\u00a0: «\u00a0python main.py validate\u00a0» dit pourquoi.",
                "{n} éléments écartés du contenu\u00a0: «\u00a0python main.py validate\u00a0» dit pourquoi.", n).format(n=n))
        return "\n".join(lines)

    def _button(self, wid: str, rect: pygame.Rect, label: str, icon: str | None, role: str = "open",
                **kw: Any) -> IconButton:
        b = IconButton(wid, rect, role=role, label=label, icon=icon, icons=self.icons, **kw)
        self.widgets.append(b)
        return b

    def build(self, m: Metrics) -> None:
        r = self.ctx.renderer
        area = m.content
        pad = 2 * max(8, m.gap)

        def one_line(label: str, size: int, bold: bool, icon: bool = True) -> int:
            """Width a button needs for its icon and label on one line."""
            return r.measure(label, size, bold) + (round(size * 1.15) + max(4, size // 3) if icon else 0) + pad + m.gap

        # The languages, each named in its own language: a band at the top right.
        langs = list(i18n.SUPPORTED)
        lang_w = max(max(one_line(i18n.LANGUAGE_NAMES[c], m.small, False, c == self.ctx.language) for c in langs),
                     round(m.body * 4.5))
        lang_w = min(lang_w, (area.width - m.gap * (len(langs) - 1)) // len(langs))
        lang_band = pygame.Rect(area.right - len(langs) * lang_w - (len(langs) - 1) * m.gap, area.y,
                                len(langs) * lang_w + (len(langs) - 1) * m.gap, m.button_h)

        # Under « Jouer »: its level and length (a row), then the modes in as many columns as fit.
        band_w = min(area.width, round(m.body * (26 if m.portrait else 34)))
        labels = [_(label) for _wid, label, _icon in MODES]
        ncols = next((c for c in (3, 2) if max(one_line(lb, m.body, True) for lb in labels)
                      <= (band_w - (c - 1) * m.gap) // c), 1)
        if m.portrait and ncols == 3:
            ncols = 2
        mode_rows = -(-len(MODES) // ncols)
        pair = (length_label(self.ctx.settings.length), level_label(self.ctx.settings.level))
        share = all(one_line(lb, m.body, False, False) <= (band_w - m.gap) // 2 for lb in pair)
        pair_h = m.button_h if share else 2 * m.button_h + m.gap
        play_size = round(m.heading * 1.2)
        play_h = max(m.button_h, min(round(play_size * 2.6), round(m.button_h * 1.6)))
        play_w = min(band_w, max(round(m.body * 16), band_w * 2 // 3, one_line(_("Jouer"), play_size, True) + play_size))
        below = play_h + m.gap * 2 + pair_h + m.gap * 2 + mode_rows * m.button_h + (mode_rows - 1) * m.gap

        footer = self.footer_text()
        footer_h = r.fit(footer, area.width, 10_000, m.small, m.small).height
        tagline = _("Ce que coûte vraiment le numérique, et les métiers qui le changent.")
        tag_w = min(area.width, round(m.body * 40))
        tag_h = r.fit(tagline, tag_w, 10_000, m.body, m.body).height

        # The logo takes what is left of the window (not of a taller page: « Jouer » stays in the
        # first screen at large text), within bounds; beside the language band when there is room.
        view = pygame.Rect(area.x, area.y, area.width, min(m.height, self.view_size[1]) - 2 * m.margin)
        min_logo = round(m.heading * 2)
        room = view.height - below - footer_h - m.gap * 2 - tag_h - m.gap
        if room < min_logo * 2:  # short of room: the tagline goes first (the logo says the name)
            room += tag_h + m.gap
            tag_h = 0
        max_logo = round(m.title * (10 if m.portrait else 3))
        logo_h = max(min_logo, min(max_logo, room))
        beside = not m.portrait and area.width - 2 * (lang_band.width + m.gap) >= logo_h * 2.8
        if not beside:
            logo_h = max(min_logo, min(logo_h, room - m.button_h - m.gap))
        group_h = logo_h + m.gap + (tag_h + m.gap if tag_h else 0) + m.gap + below
        top = area.y if beside else lang_band.bottom + m.gap
        free = view.bottom - footer_h - m.gap - top
        y = top + max(0, (free - group_h) // 2)
        logo_w = area.width - 2 * (lang_band.width + m.gap) if beside and y < lang_band.bottom else area.width
        self.logo_rect = pygame.Rect(area.centerx - logo_w // 2, y, logo_w, logo_h)
        y += logo_h + m.gap
        if tag_h:
            self.text(tagline, pygame.Rect(area.centerx - tag_w // 2, y, tag_w, tag_h), m.body, color="muted",
                      align="center")
            y += tag_h + m.gap
        y += m.gap

        self._button("play_all", pygame.Rect(area.centerx - play_w // 2, y, play_w, play_h), _("Jouer"),
                     self.icons.for_button("play"), role="start", style="primary", text_size=play_size,
                     radius=play_h // 2)
        y += play_h + m.gap * 2
        band = pygame.Rect(area.centerx - band_w // 2, y, band_w, pair_h)
        if share:
            length_box, level_box = columns(band, 2, m.gap)
        else:
            length_box = pygame.Rect(band.x, band.y, band.width, m.button_h)
            level_box = length_box.move(0, m.button_h + m.gap)
        self._button("level", level_box, pair[1], None, role="adjust")
        self._button("length", length_box, pair[0], None, role="adjust")
        y += pair_h + m.gap * 2
        for i, (wid, label, icon) in enumerate(MODES):
            row, col = divmod(i, ncols)
            cells = columns(pygame.Rect(band.x, y + row * (m.button_h + m.gap), band.width, m.button_h), ncols, m.gap)
            self._button(wid, cells[col], _(label), icon, role="quit" if wid == "quit" else "open", bold=True)

        for code, cell in zip(langs, columns(lang_band, len(langs), m.gap)):
            current = code == self.ctx.language
            self._button(f"lang:{code}", cell, i18n.LANGUAGE_NAMES[code], "check" if current else None, role="lang",
                         selected=current, text_size=m.small, status=_("langue choisie") if current else "")
        self.text(footer, pygame.Rect(area.x, area.bottom - footer_h, area.width, footer_h), m.small, color="muted",
                  align="center", valign="center")

    def draw_background(self, surface: pygame.Surface) -> None:
        if self.logo_rect.width > 8 and self.logo_rect.height > 8:
            draw_logo(surface, self.logo_rect, self.ctx.palette, self.ctx.renderer, self.icons)

    def speech(self) -> str:
        """The logo is a picture: read aloud says the game's name and what the picture shows."""
        return f"{_('Numérique en jeu')} ({self.icons.alt(LOGO_PICTURE)}). " + super().speech()

    def default_focus(self) -> str:
        return "play_all"

    def _move_spatial(self, direction: str) -> None:
        """Rows as the window laid them out: up and down go to the next row (the button nearest
        across), left and right along the row; past the first or last, on round the list."""
        current = self.focused()
        items = self.focusables()
        if current is None:
            super()._move_spatial(direction)
            return
        rows_: list[list[Widget]] = []
        for w in sorted(items, key=lambda w: (w.rect.centery, w.rect.x)):
            if rows_ and w.rect.centery < rows_[-1][0].rect.bottom and w.rect.centery > rows_[-1][0].rect.top:
                rows_[-1].append(w)
            else:
                rows_.append([w])
        for row in rows_:
            row.sort(key=lambda w: w.rect.x)
        i = next(k for k, row in enumerate(rows_) if current in row)
        row = rows_[i]
        if direction in ("left", "right"):
            j = row.index(current) + (1 if direction == "right" else -1)
            if 0 <= j < len(row):
                self.set_focus(row[j].id)
            else:
                self._move_linear(1 if direction == "right" else -1)
            return
        k = i + (1 if direction == "down" else -1)
        target = rows_[k % len(rows_)]
        best = min(target, key=lambda w: abs(w.rect.centerx - current.rect.centerx))
        self.set_focus(best.id)

    def length_label(self) -> str:
        return length_label(self.ctx.settings.length)

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "play_all":
            start_session(self.ctx, FULL_PATH)
        elif widget.id == "choose_theme":
            self.ctx.push(ThemeScene(self.ctx))
        elif widget.id == "classroom":
            self.ctx.push(self.ctx.make("class_setup"))  # another mode's screens: built by name
        elif widget.id == "today":
            self.ctx.push(self.ctx.make("today"))
        elif widget.id == "length":
            self.ctx.apply_settings(self.ctx.settings.with_value("length", next_length(self.ctx.settings.length)))
            self.invalidate()
        elif widget.id == "level":
            self.ctx.apply_settings(self.ctx.settings.with_value("level", next_level(self.ctx.settings.level)))
            self.invalidate()
        elif widget.id == "settings":
            self.ctx.open_settings()
        elif widget.id == "sources":
            self.ctx.push(SourcesScene(self.ctx))
        elif widget.id == "quit":
            self.ctx.quit()
        elif widget.id.startswith("lang:"):
            code = widget.id.split(":", 1)[1]
            if code != self.ctx.language:
                self.ctx.set_language(code)
                self.invalidate()
            self.focus_id = "play_all"  # Enter, the natural « play » key, then plays (it does not switch back)

    def bot_targets(self) -> list[Widget]:
        # The solo bot plays a solo session; classroom autoplay starts from the set-up screen.
        return [w for w in super().bot_targets() if w.id not in ("classroom", "today")]

    def on_back(self) -> None:
        pass  # Esc on the title does not quit by surprise: « Quitter » does
