"""Accessibility settings, reachable from every screen (its button, or Shift+A).

Each setting is one button that says its value in words; pressing it moves to the next
value and applies it at once. Pages follow the room the text size leaves.
"""

from __future__ import annotations

import pygame

from game import i18n
from game.i18n import _, fmt_number, with_unit
from game.scenes.base import Paged, Scene
from game.scenes.context import Context
from game.settings import MENU, Choice, next_value

KIOSK_HIDDEN = frozenset({"measure"})  # set by the kiosk's admin (kiosk_measure), not by a passer-by
from game.ui.layout import Metrics, centered, columns, take_bottom, take_top
from game.ui.widgets import Button, Widget


class SettingsScene(Paged, Scene):
    name = "settings"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.page = 0
        self.pages = 1

    @property
    def screen_name(self) -> str:
        return f"settings_{self.page + 1}"

    def menu(self) -> tuple[Choice, ...]:
        """The settings a player may change here: at a kiosk, the measure is the admin's choice."""
        if self.ctx.kiosk is not None:
            return tuple(c for c in MENU if c.key not in KIOSK_HIDDEN)
        return MENU

    def value_text(self, choice: Choice, value) -> str:
        if choice.key == "read_aloud" and not self.ctx.speaker.available:
            return _("indisponible")
        if isinstance(value, bool):
            return _("oui") if value else _("non")
        if choice.key in ("text_scale", "volume"):
            return with_unit(fmt_number(value * 100, 0), "%")
        if choice.key == "language":
            return i18n.LANGUAGE_NAMES.get(value, value)
        return fmt_number(value, 2)

    def label_for(self, choice: Choice) -> str:
        value = self.value_text(choice, getattr(self.ctx.settings, choice.key))
        return _("{label}\u00a0: {value}").format(label=_(choice.label), value=value)

    def build(self, m: Metrics) -> None:
        area = centered(m.content, max(m.body * 40, m.content.width * 3 // 4))
        head, area = take_top(area, round(m.heading * 1.8), m.gap)
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        if not self.ctx.speaker.available:
            note = _("La lecture à voix haute demande le programme espeak-ng (paquet espeak-ng).")
            need = self.ctx.renderer.fit(note, area.width, 10_000, m.small, m.small).height
            hint, area = take_bottom(area, min(need, area.height // 4), m.gap)
            self.text(note, hint, m.small, color="muted", valign="center")
        ncols = 1 if m.portrait or area.width < m.body * 30 else 2
        col_w = (area.width - (ncols - 1) * m.gap * 2) // ncols
        text_w = col_w - 2 * max(8, m.gap) - round(m.body * 1.5) - max(8, m.gap) // 2
        menu = self.menu()
        labels = [self.label_for(c) for c in menu]
        need = max(self.ctx.renderer.fit(t, text_w, 10_000, m.body, m.body).height for t in labels)
        row_h = max(m.button_h, need + 2 * max(6, m.gap // 2) + 4)
        per_col = max(1, (area.height + m.gap) // (row_h + m.gap))
        per_page = per_col * ncols
        self.pages = -(-len(menu) // per_page)
        self.page = min(self.page, self.pages - 1)
        title = _("Réglages")
        if self.pages > 1:
            title += f"\u00a0({self.page + 1}/{self.pages})"  # one no-break space: the number never alone
        self.text(title, head, m.heading, bold=True, valign="center")
        items = menu[self.page * per_page:(self.page + 1) * per_page]
        cols = columns(area, ncols, m.gap * 2)
        for i, choice in enumerate(items):
            col = cols[i // per_col]
            row = i % per_col
            rect = pygame.Rect(col.x, col.y + row * (row_h + m.gap), col.width, row_h)
            value = getattr(self.ctx.settings, choice.key)
            label = self.label_for(choice)
            toggle = isinstance(value, bool)
            unavailable = choice.key == "read_aloud" and not self.ctx.speaker.available
            self.widgets.append(Button(f"set:{choice.key}", rect, role="adjust", label=label, style="choice",
                                       toggle=toggle, selected=bool(value) if toggle else False,
                                       enabled=not unavailable))
        self.pager_buttons(m, nav)

    def on_activate(self, widget: Widget) -> None:
        if self.turn_page(widget.id):
            return
        if widget.id.startswith("set:"):
            key = widget.id.split(":", 1)[1]
            choice = next((c for c in self.menu() if c.key == key), None)
            if choice is None:
                return
            value = next_value(choice, getattr(self.ctx.settings, key))
            self.ctx.apply_settings(self.ctx.settings.with_value(key, value))
            self.invalidate()
            self.ctx.speak(self.widget_label(key))

    def widget_label(self, key: str) -> str:
        return self.label_for(next(c for c in self.menu() if c.key == key))

    def on_back(self) -> None:
        self.ctx.pop()

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.id == "back"]
