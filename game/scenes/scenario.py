"""Scenario card: a situation and 2-4 choices; then the consequence, and the gauges move.

The card has its illustration (``art.card_art``) and its theme chip (``art.theme_chip``); the
gauges are meters (``ui.meter.MeterPanel``): they explain themselves while all are at 0, ease to
their new values after the choice (then stand still) and say in words and shapes whether the
change is good or bad. A card that teaches a manipulation technique names it in the consequence.
"""

from __future__ import annotations

import pygame

from game.content.models import Scenario
from game.i18n import _
from game.scenes.base import sources_line
from game.scenes.context import Context
from game.scenes.play import Play, PlayScene, advance
from game.scenes.question import technique_label
from game.ui.art import card_art, theme_chip
from game.ui.icons import shared as shared_icons
from game.ui.layout import Metrics, center_block, centered, columns, rows, take_bottom, take_left, take_top
from game.ui.meter import MeterPanel, meters_for
from game.ui.widgets import Button, Widget


class ScenarioScene(PlayScene):
    name = "scenario"

    def __init__(self, ctx: Context, play: Play, scenario: Scenario) -> None:
        super().__init__(ctx, play)
        self.scenario_id = scenario.id
        self.phase = "ask"
        self.choice_id: str | None = None
        self.meters = self._make_meters()
        self.meters_rect: pygame.Rect | None = None
        self.art_rect: pygame.Rect | None = None
        self.chip_rect: pygame.Rect | None = None

    def _make_meters(self) -> MeterPanel:
        """The meters at the totals before this card's choice, scaled to what the dealt cards reach."""
        dealt = [s.id for s in self.play.session.steps if s.kind == "scenario"]
        return meters_for(self.ctx.content, self.ctx.renderer, shared_icons(), dealt, dict(self.play.run.indicators))

    @property
    def scenario(self) -> Scenario:
        return self.ctx.content.scenarios[self.scenario_id]  # in the current language

    @property
    def screen_name(self) -> str:
        return f"scenario_{self.phase}"

    def item_theme(self) -> str:
        return ""  # the theme is the card's chip, not a line of text

    # -- layout --------------------------------------------------------------------------
    def build(self, m: Metrics) -> None:
        area = self.build_header(m)
        self._rebuild_meters_if_language_changed()
        for meter in self.meters.meters:
            meter.text_size = round(m.small * 1.2)
        self.meters.text_size = m.small
        beside = self.phase == "consequence" and not m.portrait and area.width >= m.body * 34
        area = self._build_meters(m, area) if not beside else area  # beside: the consequence places them
        if self.phase == "ask":
            self._build_ask(m, area)
        else:
            self._build_consequence(m, area)
        self.widgets.sort(key=lambda w: w.id == "menu")

    def _rebuild_meters_if_language_changed(self) -> None:
        content = self.ctx.content
        if any(mt.indicator is not content.indicators.get(mt.indicator.id) for mt in self.meters.meters):
            old = {mt.indicator.id: mt for mt in self.meters.meters}
            self.meters = self._make_meters()
            for mt in self.meters.meters:  # the same state, the labels in the new language
                if mt.indicator.id in old:
                    mt.eased, mt.last_change = old[mt.indicator.id].eased, old[mt.indicator.id].last_change

    def _build_meters(self, m: Metrics, area: pygame.Rect) -> pygame.Rect:
        """The meters across the top: full cards (value, bar, change, comparison) where the window
        has the height, one line each with the bar under it on a low landscape window."""
        panel = self.meters
        if not panel.meters:
            self.meters_rect = None
            return area
        full = panel.needed_height(area.width, m.gap, lines=1)
        low = not m.portrait and area.height < full * 4.5
        if low:  # compact cards: the head on one line, the bar, the change or the comparison
            r = self.ctx.renderer
            body = round(m.small * 1.2)
            pad = max(4, round(body * 0.45))
            card = 2 * pad + r.fonts.font(body, True).get_height() + pad + max(6, round(body * 0.45)) \
                + r.line_height(m.small, True) + pad // 2
            hint = r.fonts.font(m.small, True).get_height() + m.gap // 2 if panel.empty else 0
            n = len(panel.meters)
            rows_n = 1 if area.width / n >= 150 else 2
            need = hint + rows_n * card + (rows_n - 1) * m.gap
        else:
            need = full
        self.meters_rect, area = take_top(area, min(need, area.height // 2), m.gap * 2)
        return area

    def _art_side(self, m: Metrics, area: pygame.Rect) -> int:
        return max(0, min(round(m.body * (7 if m.portrait else 5.5)), area.width // 4, area.height // 2))

    def _build_ask(self, m: Metrics, area: pygame.Rect) -> None:
        sc = self.scenario
        n = len(sc.choices)
        ncols = 2 if (not m.portrait and n == 4 and area.width > m.body * 30) else 1
        nrows = -(-n // ncols)
        col_w = (area.width - (ncols - 1) * m.gap) // ncols
        text_w = col_w - 2 * max(8, m.gap) - round(m.body * 1.5) - max(8, m.gap) // 2
        need = max(
            self.ctx.renderer.fit(c.text, text_w, 10_000, m.body, m.body).height for c in sc.choices
        ) + 2 * max(6, m.gap // 2) + 4
        row_h = max(m.button_h, need)
        choices_h = min(nrows * row_h + (nrows - 1) * m.gap, area.height * 3 // 5)
        row_h = max(m.button_h, (choices_h - (nrows - 1) * m.gap) // nrows)
        choices_h = nrows * row_h + (nrows - 1) * m.gap
        story_w = centered(area, m.body * 48).width
        art = self._art_side(m, area)
        text_w = story_w - art - 2 * m.gap if art else story_w
        r = self.ctx.renderer
        chip_h = self._chip_h(m)
        for size in (round(m.body * 1.1), m.body):  # the situation a little larger when there is room
            story_need = (chip_h + m.gap + r.fit(sc.title, text_w, 10_000, m.heading, m.heading, True).height
                          + m.gap + r.fit(sc.situation, text_w, 10_000, size, size).height)
            story_need = max(story_need, art)
            if story_need + choices_h + m.gap * 3 <= area.height:
                break
        area = center_block(area, story_need + choices_h + m.gap * 3)
        choices_area, story = take_bottom(area, choices_h, m.gap * 2)
        story = self._place_art(m, centered(story, m.body * 48), art)
        chip, story = take_top(story, chip_h, m.gap)
        self.chip_rect = chip
        self.text_stack([(sc.title, m.heading, "text", True), (sc.situation, size, "text", False)],
                        story, m.gap, valign="top")
        grid = columns(choices_area, ncols, m.gap)
        for i, c in enumerate(sc.choices):
            col = grid[i % ncols] if ncols > 1 else grid[0]
            cell = rows(col, nrows, m.gap)[i // ncols if ncols > 1 else i]
            self.widgets.append(Button(f"choice:{c.id}", cell, role="answer", label=c.text, style="choice",
                                       pick_index=i))

    def _chip_h(self, m: Metrics) -> int:
        return max(self.ctx.renderer.line_height(m.small, True), round(m.small * 1.9))

    def _place_art(self, m: Metrics, story: pygame.Rect, art: int) -> pygame.Rect:
        """The card's picture on the left of its text (a square of ``art``); the text's rect."""
        if not art:
            self.art_rect = None
            return story
        square, story = take_left(story, art, m.gap * 2)
        self.art_rect = pygame.Rect(square.x, square.y, art, art)
        return story

    def sources_text(self) -> str:
        """Every source of the choice, then the card's own (issue 14.6): « Sources : A ; B »."""
        sc = self.scenario
        choice = next(c for c in sc.choices if c.id == self.choice_id)
        return sources_line(self.ctx.content, (*choice.source_ids, *sc.source_ids))

    def _build_consequence(self, m: Metrics, area: pygame.Rect) -> None:
        sc = self.scenario
        choice = next(c for c in sc.choices if c.id == self.choice_id)
        buttons, area = take_bottom(area, m.button_h, m.gap * 2)
        cont = pygame.Rect(0, 0, self.button_width(_("Continuer"), buttons.width), m.button_h)
        cont.midright = buttons.midright
        self.widgets.append(Button("continue", cont, role="next", label=_("Continuer"), style="primary"))
        if not m.portrait and area.width >= m.body * 34 and self.meters.meters:
            # Landscape: the meters beside the text, two by two, where the eye goes after reading.
            meters_w = (area.width - m.gap * 3) * 2 // 5
            area, side = take_left(area, area.width - meters_w - m.gap * 3, m.gap * 3)
            cards = 2 if len(self.meters.meters) > 1 else 1
            need = self.meters.needed_height(meters_w, m.gap, lines=2)
            one = max(mt.height_for(lines=2) for mt in self.meters.meters)
            rows_n = -(-len(self.meters.meters) // cards)
            hint = need - (need // max(1, one)) * one if self.meters.empty else 0
            need = min(side.height, max(need, rows_n * one + (rows_n - 1) * m.gap + hint))
            self.meters_rect = pygame.Rect(side.x, side.y, side.width, need)
        area = centered(area, m.body * 48)
        art = min(self._art_side(m, area), round(m.body * 4))
        r = self.ctx.renderer
        mine = _("Ton choix\u00a0: {choice}").format(choice=choice.text)
        technique = technique_label(sc.technique)
        moved = any(choice.effects.values())
        src_text = "\n".join(t for t in (choice.basis or "", self.sources_text()) if t)
        text_area = self._place_art(m, area, art)
        chip_h = self._chip_h(m)
        chip, text_area = take_top(text_area, chip_h, m.gap)
        self.chip_rect = chip
        # The choice, the consequence (with the technique it teaches), then the basis and every
        # source; at 1.1x the body size when they fit, else at the body size; past that the page scrolls.
        pieces = []
        for size in (round(m.body * 1.1), m.body):
            pieces = [(mine, size, "text", True), (choice.consequence, size, "text", False)]
            if technique:
                pieces.append((technique, size, "text", True))
            if not moved:
                pieces.append((_("Pas d'effet sur les jauges."), m.small, "muted", True))
            if src_text:
                pieces.append((src_text, m.small, "muted", False))
            need = sum(r.fit(t, text_area.width, 10_000, s, s, b).height for t, s, _c, b in pieces)
            if need + m.gap * (len(pieces) - 1) <= text_area.height:
                break
        y = text_area.y
        for text, size, color, bold in pieces:
            h = r.fit(text, text_area.width, 10_000, size, size, bold).height
            self.text(text, pygame.Rect(text_area.x, y, text_area.width, h), size, color=color, bold=bold)
            y += h + m.gap

    # -- drawing -------------------------------------------------------------------------
    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        p, m = self.ctx.palette, self.metrics
        icons = shared_icons()
        sc = self.scenario
        if self.meters_rect is not None:
            self.meters.draw(surface, self.meters_rect, p, m.gap)
        if self.art_rect is not None:
            card_art(surface, self.art_rect, sc.id, sc.theme, p, icons)
        theme = self.ctx.content.themes.get(sc.theme)
        if self.chip_rect is not None and theme is not None:
            theme_chip(surface, self.chip_rect, sc.theme, theme.title, p, self.ctx.renderer, icons, size=m.small)

    def update(self, dt: float) -> bool:
        moving = self.meters.update(dt)
        if moving:
            self.ctx.request_redraw()
        return moving

    # -- input ---------------------------------------------------------------------------
    def on_activate(self, widget: Widget) -> None:
        if self.menu_pressed(widget.id):
            return
        if self.phase == "consequence":
            if widget.id == "continue":
                advance(self.ctx, self.play)
            return
        if widget.id.startswith("choice:"):
            run = self.play.run
            if not run.choose(widget.id.split(":", 1)[1], self.scenario_id):
                return
            self.choice_id = run.answer.choice_ids[0]
            self.meters.set_values(run.indicators, animate=self.ctx.animations)
            self.ctx.audio.play("choice")
            self.phase = "consequence"
            self.focus_id = None
            self.invalidate()

    def default_focus(self) -> str | None:
        return "continue" if self.phase == "consequence" else None

    def speech(self) -> str:
        """The texts, the meters (value, comparison, the change in words), then the answers."""
        return super().speech() + " " + " ".join(mt.alt() for mt in self.meters.meters)
