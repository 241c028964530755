"""Title screen: the game's name, a tagline, « Jouer » (full path) or one theme."""

from __future__ import annotations

import pygame

from game import i18n
from game.flow.choices import length_label, level_label, next_length, next_level
from game.i18n import _, ngettext
from game.scenes.base import Scene
from game.scenes.context import Context
from game.scenes.play import start_session
from game.scenes.sources import SourcesScene
from game.scenes.themes import ThemeScene
from game.session import FULL_PATH
from game.ui.layout import Metrics, center_block, centered, columns, rows, take_bottom, take_top
from game.ui.widgets import Button, Widget


class TitleScene(Scene):
    name = "title"

    def build(self, m: Metrics) -> None:
        area = centered(m.content, max(m.body * 30, m.content.width * 2 // 3))
        lines = [_("Sources\u00a0: affiche «\u00a0Numérique\u00a0» et La Mêlée (2025). Clavier, souris, écran tactile ou manette.")]
        if self.ctx.content.skipped:
            n = self.ctx.content.skipped
            lines.append(ngettext(
                "{n} élément écarté du contenu\u00a0: «\u00a0python main.py validate\u00a0» dit pourquoi.",
                "{n} éléments écartés du contenu\u00a0: «\u00a0python main.py validate\u00a0» dit pourquoi.", n).format(n=n))
        footer_text = "\n".join(lines)
        footer_h = self.ctx.renderer.fit(footer_text, area.width, 10_000, m.small, m.small).height
        footer, area = take_bottom(area, min(footer_h, area.height // 4), m.gap)
        band_w = min(area.width, m.body * 26)
        half_w = (band_w - m.gap) // 2 - 2 * max(8, m.gap)
        share = all(self.ctx.renderer.measure(label, m.body) <= half_w
                    for label in (self.length_label(), level_label(self.ctx.settings.level)))
        n_buttons = 6 if share else 7  # length and level share a row when their labels fit
        buttons_h = n_buttons * m.button_h + (n_buttons - 1) * m.gap
        title = _("Numérique en jeu")
        tagline = _("Ce que coûte vraiment le numérique, et les métiers qui le changent.")
        r_ = self.ctx.renderer
        title_h = r_.fit(title, area.width, 10_000, m.title, m.title, True).height + m.gap
        sub_h = r_.fit(tagline, area.width, 10_000, m.heading, m.heading).height
        group = center_block(area, title_h + sub_h + buttons_h + m.gap * 5)
        title_box, group = take_top(group, min(title_h, group.height // 3), m.gap)
        rest, sub = take_bottom(group, buttons_h, m.gap * 3)
        self.text(title, title_box, m.title, bold=True, align="center", valign="center", min_size=m.heading)
        self.text(tagline, sub, m.heading, color="muted", align="center", valign="center")
        band = centered(rest, min(rest.width, band_w))
        band.height = buttons_h
        r = rows(band, n_buttons, m.gap)
        if share:
            length_box, level_box = columns(r[3], 2, m.gap)
        else:  # large text: a row each
            length_box, level_box = r[3], r[4]
            r = r[:4] + r[5:]
        self.widgets = [
            Button("play_all", r[0], role="start", label=_("Jouer\u00a0: parcours complet"), style="primary"),
            Button("choose_theme", r[1], role="open", label=_("Choisir les thèmes")),
            Button("classroom", r[2], role="open", label=_("Mode classe (animation)")),
            Button("length", length_box, role="adjust", label=self.length_label()),
            Button("level", level_box, role="adjust", label=level_label(self.ctx.settings.level)),
            Button("settings", r[4], role="open", label=_("Réglages (accessibilité)")),
            Button("quit", r[5], role="quit", label=_("Quitter")),
        ]
        self.text(footer_text, footer, m.small, color="muted", align="center", valign="center")
        # The other language, named in that language, in the top corner: found without reading French.
        other = next(code for code in i18n.SUPPORTED if code != self.ctx.language)
        lang_w = max(m.body * 6, 96)
        lang_rect = pygame.Rect(m.content.right - lang_w, m.content.y, lang_w, m.button_h)
        self.widgets.append(Button(f"lang:{other}", lang_rect, role="lang", label=i18n.LANGUAGE_NAMES[other]))
        # Where every figure comes from, and what each source supports (issue 14.6): the other corner.
        sources_label = _("Sources")
        src_w = max(lang_w, self.button_width(sources_label, m.content.width // 3, min_em=5))
        self.widgets.append(Button("sources", pygame.Rect(m.content.x, m.content.y, src_w, m.button_h), role="open",
                                   label=sources_label))

    def default_focus(self) -> str:
        return "play_all"

    def _move_spatial(self, direction: str) -> None:
        """The title is a column of rows, one of them shared by length and level: up and down go
        row by row (keeping the side in the shared row), left and right within a row."""
        rows_ = [["play_all"], ["choose_theme"], ["classroom"], ["length", "level"], ["settings"], ["quit"]]
        where = next(((i, row.index(self.focus_id)) for i, row in enumerate(rows_) if self.focus_id in row), None)
        if where is None or self.widget("level") is None or \
                self.widget("length").rect.y != self.widget("level").rect.y:
            super()._move_spatial(direction)
            return
        i, j = where
        if direction in ("left", "right"):
            row = rows_[i]
            if len(row) > 1:
                self.set_focus(row[(j + (1 if direction == "right" else -1)) % len(row)])
            return
        step = 1 if direction == "down" else -1
        if not 0 <= i + step < len(rows_):
            super()._move_spatial(direction)  # past the top or the bottom: the language button, as before
            return
        row = rows_[i + step]
        self.set_focus(row[min(j, len(row) - 1)])

    def length_label(self) -> str:
        return length_label(self.ctx.settings.length)

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "play_all":
            start_session(self.ctx, FULL_PATH)
        elif widget.id == "choose_theme":
            self.ctx.push(ThemeScene(self.ctx))
        elif widget.id == "classroom":
            self.ctx.push(self.ctx.make("class_setup"))  # another mode's screens: built by name
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
            self.ctx.set_language(widget.id.split(":", 1)[1])
            self.focus_id = "play_all"  # Enter, the natural « play » key, then plays (it does not switch back)

    def bot_targets(self) -> list[Widget]:
        # The solo bot plays a solo session; classroom autoplay starts from the set-up screen.
        return [w for w in super().bot_targets() if w.id != "classroom"]

    def on_back(self) -> None:
        pass  # Esc on the title does not quit by surprise: « Quitter » does
