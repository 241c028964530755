"""The join panel on the projector: the pads' QR code, the address and the room code in large type
(read from the back of a room), how many phones have joined; or, when the pads could not start,
why, in words, and that the game plays with keyed teams. Shown before the first item and again
from the pause menu; the facilitator's own code is never on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import _, ngettext
from game.pads.qr import qr_matrix
from game.scenes.classroom.common import PadsWake, text_h
from game.scenes.classroom.pads import PadLink
from game.scenes.overlays import Overlay
from game.ui.layout import Metrics, take_bottom, take_left, take_top
from game.ui.qr import module_for, qr_side, qr_surface
from game.ui.widgets import Button, Widget

if TYPE_CHECKING:
    from game.scenes.context import Context


def short_address(url: str) -> str:
    """The address as a player types it: without the room code after « # »."""
    return url.split("#", 1)[0].rstrip("/")


class JoinScene(PadsWake, Overlay):
    """« Rejoindre avec un téléphone »: QR code, address, room code, phones joined."""

    name = "class_join"
    transparent = False  # the whole projector: the code must be big and nothing else distract

    def __init__(self, ctx: Context, link: PadLink, admin: bool = False) -> None:
        super().__init__(ctx)
        self.link = link
        self.admin = admin  # the facilitator pad's code (on the facilitator's request only)
        self.qr_rect = pygame.Rect(0, 0, 0, 0)
        self._qr: pygame.Surface | None = None
        self._qr_for: tuple | None = None
        self._seated = -1
        self.shown = not admin  # the facilitator's code: only once the projector is blanked

    @property
    def url(self) -> str:
        server = self.link.server
        if server is None or server.address is None:
            return ""
        return server.admin_url if self.admin else server.url

    def build(self, m: Metrics) -> None:
        area = m.content
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        label = _("Continuer") if self.link.server is None else _("Fermer")
        w = self.button_width(label, nav.width // 2, 10)
        self.widgets = [Button("close", pygame.Rect(nav.right - w, nav.y, w, nav.height), role="next",
                               label=label, style="primary")]
        if not self.shown:  # first the warning, then the code
            show = _("Afficher le code")
            sw = self.button_width(show, nav.width // 2, 10)
            self.widgets.insert(0, Button("show", pygame.Rect(nav.right - w - m.gap - sw, nav.y, sw, nav.height),
                                          role="open", label=show))
            self.qr_rect = pygame.Rect(0, 0, 0, 0)
            self.text_stack([(_("Téléphone de l'animateur·trice"), m.title, "text", True),
                             (_("Ce code ouvre sur votre téléphone les notes, la bonne réponse et les commandes "
                                "(révéler, suivant, pause). Masquez d'abord le projecteur (touche de mise en veille "
                                "de l'image ou cache sur l'objectif), puis affichez le code."), m.heading, "text", False)],
                            area, m.gap * 2)
            return
        message = _(self.link.message).format(**self.link.message_args) if self.link.message else ""
        if self.link.server is None:  # no pads: say why, the game goes on with the keys
            self.qr_rect = pygame.Rect(0, 0, 0, 0)
            self.text_stack([(_("Téléphones des joueur·ses"), m.title, "text", True), (message, m.heading, "text", False)],
                            area, m.gap * 2)
            return
        server = self.link.server
        self._seated = self.link.seated()
        if self.admin:
            title = _("Téléphone de l'animateur·trice")
            lines = [(_("Masquez le projecteur pendant que vous scannez\u00a0: ce code donne les réponses et les commandes."),
                      m.heading, "text", True)]
        else:
            title = _("Rejoignez la partie avec un téléphone")
            lines = [(_("Visez le code avec l'appareil photo, ou tapez l'adresse\u00a0:"), m.body, "text", False),
                     (short_address(server.url), m.heading, "text", True),
                     (_("Code de la salle\u00a0:"), m.body, "text", False)]
        head_h = text_h(self, title, area.width, m.title, True)
        head, area = take_top(area, head_h, m.gap)
        self.text(title, head, m.title, bold=True, valign="center")
        portrait = m.portrait or area.width < area.height * 1.2
        side = min(area.height, area.width // 2) if not portrait else min(area.width, area.height // 2)
        matrix_key = (self.url, side)
        if self._qr_for != matrix_key:
            matrix = qr_matrix(self.url)
            self._qr = qr_surface(matrix, module_for(matrix, side))
            self._qr_for = matrix_key
        qs = self._qr.get_width() if self._qr is not None else side
        if portrait:
            box, rest = take_top(area, qs, m.gap * 2)
            self.qr_rect = pygame.Rect(box.centerx - qs // 2, box.y, qs, qs)
        else:
            box, rest = take_left(area, qs, m.gap * 3)
            self.qr_rect = pygame.Rect(box.x, box.y + (box.height - qs) // 2, qs, qs)
        code_size = min(round(m.title * 1.6), max(m.title, rest.width // 5))
        joined = ngettext("{n} téléphone connecté", "{n} téléphones connectés", self._seated).format(n=self._seated)
        teams = (_("Chaque joueur·se choisit son équipe sur son téléphone.") if self.link.team_mode == "player"
                 else _("Le jeu répartit les téléphones entre les équipes."))
        items = list(lines)
        if self.admin:
            items.append((short_address(server.url), m.body, "text", False))
        else:
            items.append((" ".join(server.room_code), code_size, "text", True))  # spaced: read from afar
            items.append((joined, m.heading, "text", True))
            items.append((teams, m.body, "muted", False))
        if message:
            items.append((message, m.body, "text", False))
        self.text_stack(items, rest, m.gap)

    def draw_background(self, surface: pygame.Surface) -> None:
        if self._qr is not None and self.qr_rect.width:
            surface.blit(self._qr, self.qr_rect.topleft)

    def update(self, dt: float) -> bool:
        """Phones join while the panel is up: read the pads, show the count."""
        if self.link.server is not None:
            self.link.pump(self.ctx.language)
            if self.link.seated() != self._seated:
                self.invalidate()
                self.ctx.request_redraw()
        return False

    def default_focus(self) -> str:
        return "close" if self.shown else "show"

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "show":
            self.shown = True
            self.focus_id = "close"
            self.invalidate()
            return
        self.ctx.pop()

    def on_back(self) -> None:
        self.ctx.pop()


__all__ = ["JoinScene", "qr_side", "short_address"]
