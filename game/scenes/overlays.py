"""Pushed scenes drawn over another: pause, confirmation, a career's sheet."""

from __future__ import annotations

import pygame

from game.i18n import N_, _
from game.scenes.base import Scene
from game.scenes.results import capitalize
from game.ui.layout import Metrics, centered, columns, rows, take_bottom, take_top
from game.ui.widgets import Button, Widget


class Overlay(Scene):
    transparent = True
    scrollable = False  # a small panel over the game: its text shrinks to fit instead

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
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
        p = self.app.palette
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
            self.app.pop()
        elif widget.id == "settings":
            self.app.open_settings()
        elif widget.id == "abandon":
            self.app.push(ConfirmScene(self.app, N_("Abandonner la partie\u00a0? Tu reviendras à l'accueil."),
                                       on_yes=self._abandon))

    def _abandon(self) -> None:
        from game.scenes.play import abandon_current

        abandon_current(self.app)  # kept in the anonymous results as abandoned
        self.app.home()

    def on_back(self) -> None:
        self.app.pop()

    def default_focus(self) -> str:
        return "resume"


class ConfirmScene(Overlay):
    name = "confirm"

    def __init__(self, app, question: str, on_yes) -> None:  # noqa: ANN001
        super().__init__(app)
        self.question = question
        self.on_yes = on_yes

    def build(self, m: Metrics) -> None:
        question = _(self.question)  # a msgid: translated when shown, so a language switch follows
        text_h = self.app.renderer.fit(question, round(m.body * 24) - 2 * m.margin, 10_000, m.body,
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
            self.app.pop()

    def on_back(self) -> None:
        self.app.pop()


class CareerScene(Scene):
    """A career's sheet: the issue it acts on, the job, how to get there."""

    name = "career"

    def __init__(self, app, career_id: str) -> None:  # noqa: ANN001
        super().__init__(app)
        self.career_id = career_id

    def build(self, m: Metrics) -> None:
        career = self.app.content.careers[self.career_id]
        two = not m.portrait and m.content.width > m.body * 44
        area = centered(m.content, m.body * (70 if two else 44))
        back, area = take_bottom(area, m.button_h, m.gap * 2)
        back.width = min(back.width, m.body * 10)
        name = capitalize(career.name)
        need = self.app.renderer.fit(name, area.width, 10_000, m.title, m.title, True).height
        head, area = take_top(area, min(need, area.height // 3), m.gap)
        self.text(name, head, m.title, bold=True, valign="center", min_size=m.heading)
        source = self.app.content.sources.get(career.source)
        src_text = _("Source\u00a0: {source}").format(source=source.short_label) if source else ""
        src, area = take_bottom(area, m.small * 2, m.gap)
        what = "\n".join([_("L'enjeu sur lequel ce métier agit\u00a0:"), career.issue, "", career.description])
        how = "\n".join([*([_("Une journée dans ce métier\u00a0:"), career.day, ""] if career.day else []),
                         _("Pour y arriver\u00a0:"), career.path])
        # Landscape: the job on the left, its day and the way there on the right, so that the sheet
        # and « Retour » fit on one screen (issue 13.9); the text shrinks a little before it scrolls.
        if two:
            size = max(m.small, round(m.body * 0.9))
            for text, box in zip((what, how), columns(area, 2, m.gap * 3)):
                self.text(text, box, size, min_size=max(m.min_text, round(size * 0.82)))
        else:
            self.text(what + "\n\n" + how, area, m.body, min_size=max(m.min_text, round(m.body * 0.82)))
        self.text(src_text, src, m.small, color="muted", valign="center")
        left, right = columns(pygame.Rect(back.x, back.y, min(area.width, m.body * 22), back.height), 2, m.gap)
        self.widgets = [Button("back", left, role="back", label=_("Retour")),
                        Button("settings", right, role="open", label=_("Réglages"))]

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "settings":
            self.app.open_settings()
        else:
            self.app.pop()

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.widgets if w.id == "back"]

    def on_back(self) -> None:
        self.app.pop()
