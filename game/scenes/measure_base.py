"""What the measure's screens share (issue 18): the flow, the way back to whoever started it, the
header band, the main button, and the way out when the player leaves.

The screens themselves are in ``measure`` (intro, question) and ``measure_rate`` (a post to
rate); ``measure.measure_scene`` picks the one for the flow's current step. A screen never
imports that chooser (it imports this module and is imported by it): it gets it as ``screens``
and asks it for the next screen after each intent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.scenes.base import Scene
from game.ui.layout import Metrics, take_top
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.flow.measure_flow import MeasureFlow
    from game.scenes.context import Context

Done = Callable[["MeasureFlow"], None]  # the flow reached the game, or the progress after it
Keep = Callable[[], bool]  # the player leaves: keep what was answered (``Scene.abandon``)
Screens = Callable[["Context", "MeasureFlow", Done, "Keep | None"], "Scene | None"]


def read_by_a_room(keep: Keep | None) -> bool:
    """Whether a whole class reads the check on the projector (« vous ») rather than one player
    (« tu »): a class game's check is kept by its ``ClassMeasure``, whose run is a ``ClassRun``."""
    from game.flow.classrun import ClassRun  # the flow only: no scene imported

    return isinstance(getattr(getattr(keep, "__self__", None), "run", None), ClassRun)


def phase_words(phase: str) -> str:
    return _("Avant la partie") if phase == "pre" else _("Après la partie")


class MeasureScene(Scene):
    """What the measure's screens share: the flow, ``done``, the header line, the way out.
    ``screens`` builds the next screen (``measure.measure_scene``); ``keep`` keeps the answers
    when the player leaves (a quit, a kiosk's reset): without it, nothing is kept."""

    name = "measure"

    def __init__(self, ctx: Context, flow: MeasureFlow, done: Done, screens: Screens,
                 keep: Keep | None = None) -> None:
        super().__init__(ctx)
        self.flow = flow
        self.done = done
        self.screens = screens
        self.keep = keep
        self.step = flow.current
        self.group = read_by_a_room(keep)  # a class reads it together: « vous »

    @property
    def screen_name(self) -> str:
        return f"measure_{self.step.kind}_{self.step.phase or 'none'}"

    def go_on(self) -> None:
        """After an intent: the next screen of the measure, or ``done`` when it hands back."""
        scene = self.screens(self.ctx, self.flow, self.done, self.keep)
        if scene is not None:
            self.ctx.replace(scene)

    def abandon(self) -> bool:
        return self.keep() if self.keep is not None else False

    def build_header(self, m: Metrics, label: str) -> pygame.Rect:
        """« Avant la partie · Question 2 sur 5 » and « Pas de note » on one band; the area below."""
        area = m.content
        r = self.ctx.renderer
        left = f"{phase_words(self.step.phase)} \u00b7 {label}"
        # not « Pas de note »: the posts are rated (« noter ») here
        right = _("Personne ne vous juge") if self.group else _("Personne ne te juge")
        fits = r.measure(left, m.small, True) + r.measure(right, m.small) + 3 * m.gap <= area.width
        if fits:
            band, area = take_top(area, r.line_height(m.small, True) + m.gap, m.gap * 2)
            self.text(left, band, m.small, bold=True, valign="center")
            self.text(right, band, m.small, color="muted", align="right", valign="center")
        else:  # portrait or large text: one under the other
            need = r.fit(left, area.width, 10_000, m.small, m.small, True).height
            band, area = take_top(area, need, m.gap // 2)
            self.text(left, band, m.small, bold=True, valign="center")
            need = r.fit(right, area.width, 10_000, m.small, m.small).height
            band, area = take_top(area, need, m.gap * 2)
            self.text(right, band, m.small, color="muted", valign="center")
        return area

    def on_back(self) -> None:
        pass  # Escape does not leave a check half-answered; the intro's « Passer » does

    def primary(self, wid: str, label: str, band: pygame.Rect, enabled: bool = True) -> Button:
        """The screen's main button, at the right end of its band."""
        rect = pygame.Rect(0, 0, self.button_width(label, band.width, 12), self.metrics.button_h)
        rect.midright = band.midright
        button = Button(wid, rect, role="next", label=label, style="primary", enabled=enabled)
        self.widgets.append(button)
        return button
