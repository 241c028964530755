"""Pushed scenes drawn over another: pause, confirmation, a career's sheet."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game import input as inp
from game.i18n import N_, _
from game.scenes.base import Scene, sources_line
from game.scenes.context import Context
from game.ui.layout import Metrics, centered, columns, rows, take_bottom, take_top
from game.ui.text import TextBox
from game.ui.widgets import Button, Widget


def capitalize(text: str) -> str:
    """« ingénieur·e » -> « Ingénieur·e »: names are stored as they read inside a sentence."""
    return text[:1].upper() + text[1:]


class Overlay(Scene):
    transparent = True
    scrollable = False  # a small panel over the game: its text shrinks to fit instead

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.panel = pygame.Rect(0, 0, 0, 0)
        self._veil: pygame.Surface | None = None

    def panel_rect(self, m: Metrics, width_em: float, height: int) -> pygame.Rect:
        w = min(m.width - 2 * m.margin, round(m.body * width_em))
        h = min(m.height - 2 * m.margin, height)
        self.panel = pygame.Rect((m.width - w) // 2, (m.height - h) // 2, w, h)
        return self.panel.inflate(-2 * m.margin, -2 * m.margin)

    def draw_background(self, surface: pygame.Surface) -> None:
        if self._veil is None or self._veil.get_size() != surface.get_size():
            self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._veil.fill((0, 0, 0, 150))
        surface.blit(self._veil, (0, 0))
        p = self.ctx.palette
        radius = max(8, self.metrics.gap if self.metrics else 8)
        pygame.draw.rect(surface, p.background, self.panel, border_radius=radius)
        pygame.draw.rect(surface, p.border, self.panel, width=2, border_radius=radius)


class PauseScene(Overlay):
    name = "pause"

    def build(self, m: Metrics) -> None:
        inner = self.panel_rect(m, 22, round(m.heading * 1.8) + 3 * m.button_h + 4 * m.gap + 2 * m.margin)
        head, rest = take_top(inner, round(m.heading * 1.8), m.gap)
        self.text(_("Pause"), head, m.heading, bold=True, align="center", valign="center")
        r = rows(rest, 3, m.gap)
        self.widgets = [
            Button("resume", r[0], role="next", label=_("Reprendre"), style="primary"),
            Button("settings", r[1], role="open", label=_("Réglages")),
            Button("abandon", r[2], role="quit", label=_("Abandonner la partie")),
        ]

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "resume":
            self.ctx.pop()
        elif widget.id == "settings":
            self.ctx.open_settings()
        elif widget.id == "abandon":
            self.ctx.push(ConfirmScene(self.ctx, N_("Abandonner la partie\u00a0? Tu reviendras à l'accueil."),
                                       on_yes=self._abandon))

    def _abandon(self) -> None:
        self.ctx.abandon_current()  # kept in the anonymous results as abandoned
        self.ctx.home()

    def on_back(self) -> None:
        self.ctx.pop()

    def default_focus(self) -> str:
        return "resume"


class ConfirmScene(Overlay):
    name = "confirm"

    def __init__(self, ctx: Context, question: str, on_yes) -> None:
        super().__init__(ctx)
        self.question = question
        self.on_yes = on_yes

    def build(self, m: Metrics) -> None:
        question = _(self.question)  # a msgid: translated when shown, so a language switch follows
        text_h = self.ctx.renderer.fit(question, round(m.body * 24) - 2 * m.margin, 10_000, m.body,
                                       m.body).height
        inner = self.panel_rect(m, 26, text_h + m.button_h + 3 * m.gap + 2 * m.margin)
        buttons, head = take_bottom(inner, m.button_h, m.gap * 2)
        self.text(question, head, m.body, align="center", valign="center")
        no, yes = columns(buttons, 2, m.gap)
        self.widgets = [
            Button("no", no, role="back", label=_("Non, continuer"), style="primary"),
            Button("yes", yes, role="quit", label=_("Oui")),
        ]

    def default_focus(self) -> str:
        return "no"  # the safe answer is the one under Enter

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.id == "no"]  # a bot that lands here by chance goes on

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "yes":
            self.on_yes()
        else:
            self.ctx.pop()

    def on_back(self) -> None:
        self.ctx.pop()


class CareerScene(Scene):
    """A career's sheet: the issue it acts on, the job, how to get there.

    « Retour » and « Réglages » stay at the foot of the window whatever the text size: when the
    sheet is taller than the room left (large text), only the sheet's text scrolls, in its own
    frame (wheel, Up / Down, a finger's drag), never the buttons (issue 13.9)."""

    name = "career"
    scrollable = False  # the page never grows: the text scrolls inside its frame

    def __init__(self, ctx: Context, career_id: str) -> None:
        super().__init__(ctx)
        self.career_id = career_id
        self.view = pygame.Rect(0, 0, 0, 0)  # the frame the sheet's text scrolls in
        self.body: list[TextBox] = []  # the sheet's text when it scrolls (kept apart from self.texts)
        self.body_height = 0
        self.text_scroll = 0
        self._drag_y: int | None = None

    @property
    def text_max_scroll(self) -> int:
        return max(0, self.body_height - self.view.height)

    def build(self, m: Metrics) -> None:
        career = self.ctx.content.careers[self.career_id]
        r = self.ctx.renderer
        two = not m.portrait and m.content.width > m.body * 44
        area = centered(m.content, m.body * (70 if two else 44))
        back, area = take_bottom(area, m.button_h, m.gap * 2)
        src_text = sources_line(self.ctx.content, career.source_ids)
        src_need = r.fit(src_text, area.width, 10_000, m.small, m.small).height if src_text else 0
        src, area = take_bottom(area, src_need, m.gap)  # one line, never cut
        name = capitalize(career.name)
        need = r.fit(name, area.width, 10_000, m.title, m.title, True).height
        for floor in (m.heading, m.body, m.small):  # the name shrinks before it takes the sheet's room
            least = r.fit(name, area.width, 10_000, floor, floor, True).height  # never cut the name
            if least <= area.height // 3:
                break
        head, area = take_top(area, max(least, min(need, area.height // 4)), m.gap)
        self.text(name, head, m.title, bold=True, valign="center", min_size=floor)
        what = "\n".join([_("L'enjeu sur lequel ce métier agit\u00a0:"), career.issue, "", career.description])
        how = "\n".join([*([_("Une journée dans ce métier\u00a0:"), career.day, ""] if career.day else []),
                         _("Pour y arriver\u00a0:"), career.path])
        # Landscape: the job on the left, its day and the way there on the right; the text shrinks
        # a little to fit, and past that it scrolls in its frame at the size asked for.
        if two:
            size = max(m.small, round(m.body * 0.9))
            pieces = list(zip((what, how), columns(area, 2, m.gap * 3)))
        else:
            size = m.body
            pieces = [(what + "\n\n" + how, area)]
        floor = max(m.min_text, round(size * 0.82))
        self.view = area
        self.body = []
        self.body_height = 0
        fits = all(not r.fit(t, box.width, box.height, size, floor).truncated for t, box in pieces)
        if fits:
            for t, box in pieces:
                self.text(t, box, size, min_size=floor)
            self.text_scroll = 0
        else:
            bar = max(6, m.gap // 2) + m.gap  # room for the frame's scroll bar on the right
            for t, box in pieces:
                width = box.width - (bar if box is pieces[-1][1] else 0)
                h = r.fit(t, width, 10_000, size, size).height
                self.body.append(TextBox(t, pygame.Rect(box.x, box.y, width, h), size, size).layout(r))
                self.body_height = max(self.body_height, h)
            self.text_scroll = min(self.text_scroll, self.text_max_scroll)
        self.text(src_text, src, m.small, color="muted", valign="center")
        left, right = columns(pygame.Rect(back.x, back.y, min(back.width, m.body * 22), back.height), 2, m.gap)
        self.widgets = [Button("back", left, role="back", label=_("Retour")),
                        Button("settings", right, role="open", label=_("Réglages"))]

    def speech(self) -> str:
        return " ".join([super().speech(), *(tb.text for tb in self.body)])

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        if not self.body:
            return
        p = self.ctx.palette
        clip = surface.get_clip()
        surface.set_clip(self.view)
        for tb in self.body:
            shifted = replace(tb, box=tb.box.move(0, -self.text_scroll), bounds=tb.bounds.move(0, -self.text_scroll))
            shifted.draw(surface, self.ctx.renderer, p.text)
        surface.set_clip(clip)
        if not self.text_max_scroll:
            return
        # The frame's scroll bar: where the view is in the sheet.
        m = self.metrics
        w = max(6, m.gap // 2)
        track = pygame.Rect(self.view.right - w, self.view.y, w, self.view.height)
        thumb_h = max(24, track.height * self.view.height // max(1, self.body_height))
        thumb_y = track.y + (track.height - thumb_h) * self.text_scroll // max(1, self.text_max_scroll)
        pygame.draw.rect(surface, p.bar_track, track, border_radius=w // 2)
        pygame.draw.rect(surface, p.text, pygame.Rect(track.x, thumb_y, w, thumb_h), border_radius=w // 2)

    def scroll_text(self, dy: int) -> None:
        new = min(self.text_max_scroll, max(0, self.text_scroll + dy))
        if new != self.text_scroll:
            self.text_scroll = new
            self.ctx.request_redraw()

    def handle(self, intent: inp.Intent) -> None:
        self.ensure_layout(self.ctx.surface_size())
        if self.body:
            step = max(40, self.view.height // 6)
            if intent.kind == inp.SCROLL:
                self.scroll_text((intent.index or 0) * step)
                return
            if intent.kind in (inp.UP, inp.DOWN):  # the buttons are one row: Up and Down read on
                self.scroll_text(step if intent.kind == inp.DOWN else -step)
                if intent.device in ("keyboard", "gamepad"):
                    self.show_focus = True
                return
            pos = intent.pos
            if intent.kind == inp.POINTER_DOWN and pos is not None and self.view.collidepoint(pos):
                self._drag_y = pos[1]
            elif intent.kind == inp.POINTER_MOVE and intent.pressed and self._drag_y is not None and pos:
                self.scroll_text(self._drag_y - pos[1])
                self._drag_y = pos[1]
                return
            elif intent.kind == inp.POINTER_UP:
                self._drag_y = None
        super().handle(intent)

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "settings":
            self.ctx.open_settings()
        else:
            self.ctx.pop()

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.widgets if w.id == "back"]

    def on_back(self) -> None:
        self.ctx.pop()
