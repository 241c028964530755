"""The discernment task of the measure (issue 18.2): a made-up post, and how reliable it looks.

One post at a time, marked « Exemple inventé pour le jeu », then the 1–7 scale as seven big
buttons with words at both ends. A number is chosen (a tap, keys 1–7, arrows and Enter, the
pad), then « Valider » records it; the choice can change until then. No timer, no feedback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game import input as inp
from game.i18n import _
from game.measure import RATING_MAX, RATING_MIN
from game.scenes.measure_base import Done, Keep, MeasureScene, Screens
from game.ui.layout import Metrics, center_block, centered, take_bottom, take_top
from game.ui.text import TextBox, TextRenderer
from game.ui.theme import Palette
from game.ui.widgets import Button, Widget, draw_focus_ring

if TYPE_CHECKING:
    from game.flow.measure_flow import MeasureFlow
    from game.scenes.context import Context

RATINGS = tuple(range(RATING_MIN, RATING_MAX + 1))


def scale_colors(p: Palette, selected: bool) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(fill, number) of a scale button: the chosen one filled in the selection colour, its number
    in the panel colour; the others as answers are. Told apart by lightness and a thick border,
    not by hue, and the same for every number so that the scale suggests no answer."""
    return (p.selected, p.panel) if selected else (p.choice, p.text)


def end_words() -> tuple[str, str]:
    return _("pas du tout fiable"), _("tout à fait fiable")


@dataclass
class ScaleButton(Button):
    """One number of the scale: large, centred, filled when chosen."""

    rating: int = 0

    def layout(self, renderer: TextRenderer, m: Metrics, size: int | None = None) -> None:
        inner = self.rect.inflate(-4, -4)
        self.text_boxes = [TextBox(self.label, inner, size or self.text_size or m.heading, m.min_text, bold=True,
                                   align="center", valign="center").layout(renderer)]

    @property
    def alt(self) -> str:
        low, high = end_words()
        words = {RATING_MIN: low, RATING_MAX: high}.get(self.rating)
        text = _("{n} sur {top}").format(n=self.rating, top=RATING_MAX)
        text += f", {words}" if words else ""
        return text + (", " + _("choisi") if self.selected else "")

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics, focused: bool) -> None:
        radius = max(6, m.gap)
        fill, fg = scale_colors(p, self.selected)
        pygame.draw.rect(surface, fill, self.rect, border_radius=radius)
        border = p.selected if self.selected else p.border
        pygame.draw.rect(surface, border, self.rect, width=max(4, m.ring) if self.selected else 2, border_radius=radius)
        if focused:
            draw_focus_ring(surface, self.rect, p, m, radius)
        for box in self.text_boxes:
            box.draw(surface, renderer, fg)


class MeasureRateScene(MeasureScene):
    """One post and the 1-7 scale. ``screens`` builds the next screen (``measure.measure_scene``,
    which builds this one: it is handed over, not imported)."""

    def __init__(self, ctx: Context, flow: MeasureFlow, done: Done, screens: Screens,
                 keep: Keep | None = None) -> None:
        super().__init__(ctx, flow, done, screens, keep)
        self.post_id = self.step.post_id
        self.choice: int | None = None
        self.card = pygame.Rect(0, 0, 0, 0)
        self.tag = pygame.Rect(0, 0, 0, 0)

    @property
    def post(self):  # noqa: ANN201 - the post in the current language
        return self.ctx.content.posts[self.post_id]

    def build(self, m: Metrics) -> None:
        label = _("Post {n} sur {total}").format(n=self.step.index + 1, total=self.step.count)
        area = self.build_header(m, label)
        r = self.ctx.renderer
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        self.primary("submit", _("Valider"), nav, enabled=self.choice is not None)
        hint = _("Choisissez un nombre de 1 à 7, puis validez.") if self.group else _("Choisis un nombre de 1 à 7, puis valide.")
        hint_box = pygame.Rect(nav.x, nav.y, nav.width - self.widget("submit").rect.width - m.gap * 2, nav.height)
        if hint_box.width < m.small * 8 or r.fit(hint, hint_box.width, 10_000, m.small, m.small).height > nav.height:
            need = r.fit(hint, area.width, 10_000, m.small, m.small).height  # no room beside: a line of its own
            hint_box, area = take_bottom(area, need, m.gap)
        self.text(hint, hint_box, m.small, color="muted", valign="center")

        question = _("Ce post a-t-il l'air fiable\u00a0?")
        col = centered(area, m.body * 38)
        pad = max(10, m.gap)
        tag_text = _("Exemple inventé pour le jeu")
        inner_w = col.width - 2 * pad
        tag_h = r.fit(tag_text, inner_w - 2 * pad, 10_000, m.small, m.small, True).height + pad // 2
        author_h = r.fit(self.post.author, inner_w, 10_000, m.body, m.body, True).height
        text_h = r.fit(self.post.text, inner_w, 10_000, m.body, m.body).height
        card_h = tag_h + author_h + text_h + 2 * pad + 2 * m.gap
        question_h = r.fit(question, col.width, 10_000, m.heading, m.heading, True).height
        cell = min(round(m.body * 3.4), (area.width - 6 * m.gap) // 7)
        button_h = max(m.button_h, round(m.body * 2.4))
        low, high = end_words()
        words_w = cell * 3 + m.gap * 2
        words_h = max(r.fit(w, words_w, 10_000, m.small, m.small).height for w in (low, high))
        block = center_block(area, card_h + question_h + button_h + words_h + m.gap * 5)

        card, rest = take_top(block, min(card_h, block.height), m.gap * 2)
        self.card = pygame.Rect(col.x, card.y, col.width, card.height)
        inner = self.card.inflate(-2 * pad, -2 * pad)
        tag, inner = take_top(inner, tag_h, m.gap)
        tag_w = min(inner.width, r.measure(tag_text, m.small, True) + 2 * pad)
        self.tag = pygame.Rect(tag.x, tag.y, tag_w, tag.height)
        self.text(tag_text, self.tag.inflate(-pad, 0), m.small, color="muted", bold=True, align="center",
                  valign="center")
        author, inner = take_top(inner, author_h, m.gap)
        self.text(self.post.author, author, m.body, bold=True, valign="center")
        self.text(self.post.text, inner, m.body)

        q_box, rest = take_top(rest, question_h, m.gap)
        self.text(question, centered(q_box, col.width), m.heading, bold=True, align="center", valign="center")
        row_w = cell * 7 + m.gap * 6
        row, rest = take_top(rest, button_h, m.gap)
        x = row.x + (row.width - row_w) // 2
        for i, n in enumerate(RATINGS):
            b = ScaleButton(f"rate:{n}", pygame.Rect(x + i * (cell + m.gap), row.y, cell, button_h), role="answer",
                            label=str(n), text_size=m.heading, selected=self.choice == n, rating=n)
            self.widgets.insert(i, b)
        words, _rest = take_top(rest, words_h, 0)
        self.text(low, pygame.Rect(x, words.y, words_w, words.height), m.small, bold=True, valign="top")
        self.text(high, pygame.Rect(x + row_w - words_w, words.y, words_w, words.height), m.small, bold=True,
                  align="right", valign="top")

    def draw_background(self, surface: pygame.Surface) -> None:
        p, m = self.ctx.palette, self.metrics
        radius = max(6, m.gap)
        pygame.draw.rect(surface, p.panel, self.card, border_radius=radius)
        pygame.draw.rect(surface, p.border, self.card, width=2, border_radius=radius)
        pygame.draw.rect(surface, p.background, self.tag, border_radius=self.tag.height // 2)
        pygame.draw.rect(surface, p.muted, self.tag, width=2, border_radius=self.tag.height // 2)

    def choose(self, n: int) -> None:
        self.choice = n
        self.focus_id = "submit"  # Enter now validates; the arrows still reach the numbers
        self.invalidate()
        self.ctx.speak(_("{n} sur {top}").format(n=n, top=RATING_MAX) + ", " + _("choisi"))

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.PICK:
            return  # keys 1-4 also send a DIGIT, which picks every number of the scale alike
        if intent.kind == inp.DIGIT and intent.index in RATINGS:
            self.ensure_layout(self.ctx.surface_size())
            if intent.device in ("keyboard", "gamepad"):
                self.show_focus = True
            self.choose(intent.index)
            return
        super().handle(intent)

    def on_activate(self, widget: Widget) -> None:
        if widget.id.startswith("rate:"):
            self.choose(int(widget.id.split(":", 1)[1]))
        elif widget.id == "submit" and self.choice is not None:
            self.flow.rate(self.choice)
            self.go_on()

    def default_focus(self) -> str:
        return f"rate:{self.choice}" if self.choice else f"rate:{(RATING_MIN + RATING_MAX) // 2}"

    def bot_targets(self) -> list[Widget]:
        if self.choice is None:
            return [w for w in self.focusables() if w.id.startswith("rate:")]
        return [w for w in self.focusables() if w.id == "submit"]
