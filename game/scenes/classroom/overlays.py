"""The facilitator's overlays over a class item: the keys (help), the pause menu with every
action for touch, mouse and pad, and the teams' scores (set-up order, never a ranking)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

import pygame

from game import input as inp
from game.classroom import Classroom
from game.flow.classrun import ClassRun
from game.i18n import N_, _, ngettext
from game.scenes.classroom.common import PadsWake, TeamLabels, heading_h, strength_line, tall_button_h, text_h
from game.scenes.classroom.join import JoinScene
from game.scenes.overlays import Overlay
from game.ui.layout import Metrics, columns, rows, take_bottom, take_top
from game.ui.widgets import Button, Widget

if TYPE_CHECKING:
    from game.scenes.context import Context


class Commands(Protocol):
    """What the pause menu needs of the item below it (ClassItemScene): its phase, its timer and
    the facilitator's commands."""

    phase: str
    timer: Any

    def command(self, name: str) -> None: ...

# Facilitator keys: typed letter -> command (the help overlay lists them).
KEYS = {"s": "next", "r": "reveal", "p": "pause", "x": "skip", "+": "extend", "f": "end",
        "d": "debate", "t": "scores", "n": "notes"}
HELP_LINES = (
    (N_("1\u20134 ou A\u2013D"), N_("la réponse de l'équipe dont c'est le tour, A à D avec la lettre, la forme et la "
                                  "couleur des téléphones (choisir une autre équipe\u00a0: son bouton en bas)")),
    ("R", N_("révéler la bonne réponse")),
    ("S", N_("suivant\u00a0: révéler la réponse, puis la page «\u00a0Pourquoi\u00a0?\u00a0», "
             "puis le débat, puis la question suivante")),
    (N_("Retour arrière"), N_("retour\u00a0: revenir à l'étape d'avant (corriger une réponse)")),
    ("D", N_("débat\u00a0: la question à discuter en classe")),
    ("N", N_("notes pour l'animateur·trice (pendant le débat)")),
    ("T", N_("tableau des scores")),
    ("P", N_("pause")),
    ("X", N_("passer cette question (elle ne compte pas)")),
    ("+", N_("15\u00a0secondes de plus au minuteur")),
    ("F", N_("finir maintenant et aller au bilan")),
    (N_("Plusieurs réponses"), N_("cocher les réponses de l'équipe, puis «\u00a0Valider\u00a0»")),
    (N_("Estimation"), N_("flèches sur le curseur, puis «\u00a0Valider\u00a0» ou Entrée")),
    (N_("Échap"), N_("menu (pause)\u00a0; avec les téléphones, aussi le code pour les rejoindre")),
    ("F1 / ?", N_("cette aide")),
)


class ToggleKey:
    """An overlay that the facilitator key which opened it closes again (T for scores, P for pause)."""

    toggle_key = ""

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.TEXT:
            if intent.text.lower() == self.toggle_key:
                self.ctx.pop()
            return
        super().handle(intent)


class HelpScene(Overlay):
    """The facilitator keys (F1 or ?)."""

    name = "class_help"
    scrollable = True

    def build(self, m: Metrics) -> None:
        lines = [(_(key), _(text)) for key, text in HELP_LINES]
        r = self.ctx.renderer
        inner_w = min(m.width - 4 * m.margin, round(m.body * 38) - 2 * m.margin)
        head_h = heading_h(self, m, _("Touches de l'animateur·trice"), inner_w)
        room = m.height - 4 * m.margin - head_h - m.button_h - 3 * m.gap
        for size in (m.body, m.small, m.min_text):  # the whole list on one panel: smaller text if needed
            key_w = min(inner_w // 3, max(r.measure(k, size, True) for k, _t in lines) + m.gap)
            heights = [r.fit(t, inner_w - key_w - m.gap, 10_000, size, size).height for _k, t in lines]
            gap = max(2, m.gap // 2)
            if sum(heights) + gap * len(lines) <= room:
                break
        height = head_h + sum(heights) + gap * len(lines) + m.button_h + 3 * m.gap + 2 * m.margin
        inner = self.panel_rect(m, 38, height)
        head, inner = take_top(inner, head_h, m.gap)
        self.text(_("Touches de l'animateur·trice"), head, m.heading, bold=True, valign="center")
        close, inner = take_bottom(inner, m.button_h, m.gap * 2)
        y = inner.y
        for (key, text), h in zip(lines, heights):
            self.text(key, pygame.Rect(inner.x, y, key_w, h), size, bold=True)
            self.text(text, pygame.Rect(inner.x + key_w + m.gap, y, inner.width - key_w - m.gap, h), size)
            y += h + gap
        close.width = min(close.width, m.body * 10)
        close.right = inner.right
        self.widgets = [Button("close", close, role="next", label=_("Fermer"), style="primary")]

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.HELP:
            self.ctx.pop()
            return
        super().handle(intent)

    def on_activate(self, widget: Widget) -> None:
        self.ctx.pop()

    def on_back(self) -> None:
        self.ctx.pop()

    def default_focus(self) -> str:
        return "close"


class ClassMenuScene(PadsWake, ToggleKey, Overlay):
    """Pause: the facilitator's actions for touch, mouse and gamepad (the timer stops meanwhile)."""

    name = "class_menu"
    toggle_key = "p"
    scrollable = True  # large text: the panel grows and the page scrolls

    def __init__(self, ctx: Context, item: Commands) -> None:
        super().__init__(ctx)
        self.item = item

    def actions(self) -> list[tuple[str, str]]:
        out = [("resume", _("Reprendre")), ("scores", _("Tableau des scores"))]
        if self.item.phase == "ask":
            if self.item.timer.enabled:
                out.append(("extend", _("15\u00a0secondes de plus")))
            out.append(("skip", _("Passer cette question")))
        pads = getattr(self.item, "pads", None)
        if pads is not None:
            out.append(("join", _("Rejoindre avec un téléphone")))
            if pads.server is not None:
                out.append(("admin_pad", _("Téléphone de l'animateur·trice")))
        out += [("end", _("Finir maintenant (bilan)")), ("help", _("Touches de l'animateur·trice")),
                ("settings", _("Réglages")), ("abandon", _("Abandonner la partie"))]
        return out

    def build(self, m: Metrics) -> None:
        acts = self.actions()
        inner_w = min(m.width - 2 * m.margin, round(m.body * 24)) - 2 * m.margin
        heights = [tall_button_h(self, m, label, inner_w) for _w, label in acts]
        inner = self.panel_rect(m, 24, round(m.heading * 1.8) + sum(heights) + len(acts) * m.gap + 2 * m.margin)
        head, rest = take_top(inner, round(m.heading * 1.8), m.gap)
        self.text(_("Pause"), head, m.heading, bold=True, align="center", valign="center")
        self.widgets = []
        y = rest.y
        for (wid, label), h in zip(acts, heights):
            self.widgets.append(Button(wid, pygame.Rect(rest.x, y, rest.width, h), label=label,
                                       role="quit" if wid == "abandon" else "open",
                                       style="primary" if wid == "resume" else "secondary"))
            y += h + m.gap

    def default_focus(self) -> str:
        return "resume"

    def update(self, dt: float) -> bool:
        """The facilitator pad's « resume » closes the menu, as « Reprendre » does."""
        resume = getattr(self.item, "pad_resume", None)
        if resume is not None and resume():
            self.ctx.pop()
        return False

    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        if wid == "resume":
            self.ctx.pop()
        elif wid == "settings":
            self.ctx.open_settings()
        elif wid == "abandon":  # asked first (the run's question), over this menu
            self.item.command("abandon")
        elif wid in ("join", "admin_pad"):  # over this menu: « Fermer » comes back to it
            self.ctx.push(JoinScene(self.ctx, self.item.pads, admin=wid == "admin_pad"))
        else:
            self.ctx.pop()
            self.item.command(wid)

    def on_back(self) -> None:
        self.ctx.pop()


class ScoresScene(ToggleKey, TeamLabels, Overlay):
    """Every team, in its set-up order (not a ranking): points and its strongest theme."""

    name = "class_scores"
    toggle_key = "t"
    scrollable = True

    def __init__(self, ctx: Context, game: ClassRun | Classroom) -> None:
        super().__init__(ctx)
        self.classroom = game.classroom if isinstance(game, ClassRun) else game
        self.symbols: list = []

    def build(self, m: Metrics) -> None:
        self.symbols = []
        teams = self.classroom.teams
        # More than four teams in landscape: two columns, so that eight fit with « Fermer ».
        ncols = 2 if len(teams) > 4 and not m.portrait else 1
        width_em = 36 if ncols == 1 else 60
        inner_w = min(m.width - 2 * m.margin, round(m.body * width_em)) - 2 * m.margin
        col_w = (inner_w - (ncols - 1) * m.gap * 2) // ncols
        lines = {t.index: strength_line(self.ctx, self.classroom, t.index) for t in teams}
        line_h = max(text_h(self, t.name + " — " + ngettext("{n} point", "{n} points", 88).format(n=88),
                            col_w - round(m.body * 1.6), m.body, True) for t in teams)
        detail_h = max(text_h(self, text, col_w, m.small) for text in lines.values())
        row_h = max(m.button_h, line_h + detail_h + m.gap // 2)
        nrows = -(-len(teams) // ncols)
        head_h = heading_h(self, m, _("Les équipes"), inner_w)
        inner = self.panel_rect(m, width_em, head_h + nrows * (row_h + m.gap) + m.button_h + 3 * m.gap
                                + 2 * m.margin)
        head, inner = take_top(inner, head_h, m.gap)
        self.text(_("Les équipes"), head, m.heading, bold=True, valign="center")
        close, inner = take_bottom(inner, m.button_h, m.gap * 2)
        cols = columns(inner, ncols, m.gap * 2)
        for i, t in enumerate(teams):  # in set-up order, down the first column then the second
            cell = rows(cols[i // nrows], nrows, m.gap)[i % nrows]
            line, detail = take_top(cell, line_h, m.gap // 2)
            pts = self.classroom.points(t.index)
            self.team_text(t, line, m.body, extra=ngettext("{n} point", "{n} points", pts).format(n=pts))
            self.text(lines[t.index], detail, m.small, color="muted", valign="top")
        close.width = min(close.width, m.body * 10)
        close.right = inner.right
        self.widgets = [Button("close", close, role="next", label=_("Fermer"), style="primary")]

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        self.paint_symbols(surface)

    def on_activate(self, widget: Widget) -> None:
        self.ctx.pop()

    def on_back(self) -> None:
        self.ctx.pop()

