"""Scenario card: a situation and 2-4 choices; then the consequence, and the gauges move."""

from __future__ import annotations

import pygame

from game.content.models import Scenario
from game.i18n import _, fmt_signed, with_unit
from game.scenes.base import sources_line
from game.scenes.context import Context
from game.scenes.play import Play, PlayScene, advance
from game.ui.layout import Metrics, center_block, centered, columns, rows, take_bottom, take_top
from game.ui.widgets import Button, Widget


class ScenarioScene(PlayScene):
    name = "scenario"

    def __init__(self, ctx: Context, play: Play, scenario: Scenario) -> None:
        super().__init__(ctx, play)
        self.scenario_id = scenario.id
        self.phase = "ask"
        self.choice_id: str | None = None

    @property
    def scenario(self) -> Scenario:
        return self.ctx.content.scenarios[self.scenario_id]  # in the current language

    @property
    def screen_name(self) -> str:
        return f"scenario_{self.phase}"

    def item_theme(self) -> str:
        return self.scenario.theme

    def build(self, m: Metrics) -> None:
        area = self.build_header(m)
        if self.phase == "ask":
            self._build_ask(m, area)
        else:
            self._build_consequence(m, area)
        self.widgets.sort(key=lambda w: w.id == "menu")

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
        story_w = centered(area, m.body * 40).width
        r = self.ctx.renderer
        story_need = (r.fit(sc.title, story_w, 10_000, m.heading, m.heading, True).height + m.gap
                      + r.fit(sc.situation, story_w, 10_000, round(m.body * 1.1), round(m.body * 1.1)).height)
        area = center_block(area, story_need + choices_h + m.gap * 3)
        choices_area, story = take_bottom(area, choices_h, m.gap * 2)
        story = centered(story, m.body * 40)
        self.text_stack([(sc.title, m.heading, "text", True), (sc.situation, round(m.body * 1.1), "text", False)],
                        story, m.gap)
        grid = columns(choices_area, ncols, m.gap)
        for i, c in enumerate(sc.choices):
            col = grid[i % ncols] if ncols > 1 else grid[0]
            cell = rows(col, nrows, m.gap)[i // ncols if ncols > 1 else i]
            self.widgets.append(Button(f"choice:{c.id}", cell, role="answer", label=c.text, style="choice",
                                       pick_index=i))

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
        area = centered(area, m.body * 44)
        lines = []
        for ind_id, delta in sorted(choice.effects.items()):
            if not delta:
                continue
            ind = self.ctx.content.indicators[ind_id]
            word = _("en hausse") if delta > 0 else _("en baisse")
            lines.append(_("{label}\u00a0: {value} ({word})").format(
                label=ind.label, value=with_unit(fmt_signed(delta), ind.unit), word=word))
        lines = lines or [_("Pas d'effet sur les jauges.")]
        src_text = "\n".join(t for t in (choice.basis or "", self.sources_text()) if t)
        r = self.ctx.renderer
        mine = _("Ton choix\u00a0: {choice}").format(choice=choice.text)
        head_h = r.fit(mine, area.width, 10_000, m.body, m.body, True).height
        head, area = take_top(area, min(head_h, area.height // 4), m.gap * 2)
        self.text(mine, head, m.body, bold=True, valign="center")
        # The consequence, the gauges' lines right under it (two columns when there are more than
        # two and they fit: at 1024x600 a fourth line used to be squeezed out), then the basis and
        # every source. When they do not all fit at the size asked for, the consequence and the
        # gauges' lines come down to the body size together; past that the page scrolls.
        col_gap = m.gap * 3
        half = (area.width - col_gap) // 2
        src_need = r.fit(src_text, area.width, 10_000, m.small, m.small).height if src_text else 0
        for size in (round(m.body * 1.1), m.body):
            cons_need = r.fit(choice.consequence, area.width, 10_000, size, size).height
            line_h = [r.fit(t, half, 10_000, size, size, bold=True) for t in lines]
            ncols = 2 if len(lines) > 2 and not any(f.height > r.line_height(size, True) * 1.5 for f in line_h) else 1
            width = half if ncols == 2 else area.width
            heights = [r.fit(t, width, 10_000, size, size, bold=True).height for t in lines]
            rows_h = [max(heights[i:i + ncols]) for i in range(0, len(heights), ncols)]
            eff_need = sum(rows_h) + m.gap // 2 * (len(rows_h) - 1)
            total = cons_need + 2 * m.gap + eff_need + (2 * m.gap + src_need if src_text else 0)
            if total <= area.height:
                break
        # Still too tall (large text): each text is laid out whole, and the page grows and scrolls.
        cons, rest = take_top(area, cons_need, 2 * m.gap)
        self.text(choice.consequence, cons, size)
        y = rest.y
        for row, row_h in enumerate(rows_h):
            for col in range(ncols):
                i = row * ncols + col
                if i < len(lines):
                    box = pygame.Rect(rest.x + col * (width + col_gap), y, width, row_h)
                    self.text(lines[i], box, size, bold=True)
            y += row_h + m.gap // 2
        if src_text:
            top = y - m.gap // 2 + 2 * m.gap
            self.text(src_text, pygame.Rect(rest.x, top, rest.width, src_need), m.small, color="muted")

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
            self.play.gauges.set_target(run.indicators, animate=self.ctx.animations)
            self.ctx.audio.play("choice")
            self.phase = "consequence"
            self.focus_id = None
            self.invalidate()

    def default_focus(self) -> str | None:
        return "continue" if self.phase == "consequence" else None
