"""What the class screens share: a team's colour and symbol beside its name, bands of buttons,
text heights, the strength line that never shames a team, the confirmation that answers the
run's question, and the end of a class game."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pygame

from game import input as inp
from game.classroom import Classroom, Team
from game.flow.classrun import EXTENDED_TIMER, ClassRun
from game.i18n import _
from game.scenes.base import Scene
from game.scenes.overlays import ConfirmScene
from game.ui.layout import MIN_TARGET, Metrics, columns
from game.ui.theme import TYPE_SCALE
from game.ui.text import TextBox, TextRenderer
from game.ui.widgets import Button, Widget, draw_check, draw_focus_ring, draw_symbol

if TYPE_CHECKING:
    from game.scenes.context import Context


# The projector's type scale (theme.TYPE_SCALE, « projector »: about twice the solo one, read at
# 8 m), reached in steps from the solo scale while the page still fits: a class screen is as large
# as its content allows, and never cut (step 0 is the solo layout, which may still grow a page).
PROJECTOR_STEPS = (0.0, 0.3, 0.6, 1.0)
_ROLES = {"title": "title", "heading": "heading", "body": "body", "small": "small", "min_text": "min"}


def projector_metrics(m: Metrics, t: float) -> Metrics:
    """``m``'s text sizes moved a share ``t`` of the way to the projector scale (0: solo, 1: the
    projector's); buttons follow the body size, margins and gaps stay."""
    if t <= 0:
        return m
    sizes = {}
    for attr, role in _ROLES.items():
        ratio = TYPE_SCALE[role]["projector"] / TYPE_SCALE[role]["solo"]
        sizes[attr] = round(getattr(m, attr) * (1 + (ratio - 1) * t))
    return replace(m, **sizes, button_h=max(MIN_TARGET, round(sizes["body"] * 2.1)))


class PadsWake:
    """An overlay over a class game with phones: the wake-up a phone's message sends (``PADS``)
    reads the pads at once, through the overlay's own ``update``."""

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.PADS:
            self.update(0)  # type: ignore[attr-defined]
            return
        super().handle(intent)  # type: ignore[misc]


class ProjectorType:
    """Mixin of a class screen: laid out at the largest step of PROJECTOR_STEPS at which nothing
    is cut, shrunk, hidden or overlapping (``Scene._problems``); the step found is kept for the
    same screen, size and state (``projector_key``): an answer keyed does not search again."""

    projector_t = 0.0

    def projector_key(self) -> tuple:
        return ()

    def ensure_layout(self, size: tuple[int, int]) -> None:
        key = (size, self.ctx.layout_key())
        if key == self._built_for:
            return
        cache = self.__dict__.setdefault("_projector_cache", {})
        state = (key, self.projector_key())
        base = self.ctx.metrics_for(size)
        chosen = cache.get(state)
        if chosen is None:
            chosen = self._largest_step(base)
            cache[state] = chosen
        self.projector_t = chosen
        super().ensure_layout(size)

    def _fits(self, base: Metrics, t: float) -> bool:
        self.projector_t = t
        self._layout_at(base)
        return not self._problems()

    def _largest_step(self, base: Metrics) -> float:
        """The top step first (most pages reach it: one layout), else up the steps from the
        bottom while the page fits (the first that does not stops it)."""
        if self._fits(base, PROJECTOR_STEPS[-1]):
            return PROJECTOR_STEPS[-1]
        chosen = 0.0
        for t in PROJECTOR_STEPS[1:-1]:
            if not self._fits(base, t):
                break
            chosen = t
        return chosen

    def _layout_at(self, metrics: Metrics) -> None:
        self.dropped = 0
        self.solo_metrics = metrics  # the facilitator's controls keep the solo scale
        super()._layout_at(projector_metrics(metrics, self.projector_t))

    def drop(self) -> None:
        """A view left a part out for want of room (the class's spread, say): at a projector step
        that is a page that does not fit, and the step below is tried; at the solo scale, the
        page goes without it."""
        self.dropped += 1

    def _problems(self) -> int:
        return super()._problems() + (self.dropped if self.projector_t > 0 else 0)


@dataclass(eq=False)
class SizedButton(Button):
    """A button laid out and drawn at its own metrics whatever the page's scale: a facilitator's
    control at the solo scale (the room does not read « Menu »), a team chip at the chips' size."""

    own: Metrics | None = None

    def layout(self, renderer: TextRenderer, m: Metrics, size: int | None = None) -> None:
        super().layout(renderer, self.own or m, size)

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, p, m: Metrics, focused: bool) -> None:  # noqa: ANN001
        super().draw(surface, renderer, p, self.own or m, focused)


@dataclass(eq=False)
class TeamChip(SizedButton):
    """A team's chip on the ask screen, as compact as its name allows: a frame, the team's symbol,
    its name on one line and a slot for the check once it has answered (``trailing_check``), the
    name at ``text_size`` whatever the page's scale (four English names stand in one row at
    1280×720 at a projector step; before: the solo button's 1.5-em badge and 1.3-em check)."""

    @staticmethod
    def parts(size: int) -> tuple[int, int, int, int]:
        """(padding, symbol, space between the pieces, check) for a name at ``size`` px."""
        return max(8, size // 4), size, max(4, size // 5), round(size * 0.85)

    @classmethod
    def width_for(cls, renderer: TextRenderer, name: str, size: int) -> int:
        pad, sym, space, check = cls.parts(size)
        return 2 * pad + sym + 2 * space + check + renderer.measure(name, size) + 2

    @staticmethod
    def height_for(renderer: TextRenderer, size: int) -> int:
        """One line's glyphs (not the paragraph spacing) and a margin: at least a touch target."""
        return max(MIN_TARGET, renderer.fonts.font(size, False).get_linesize() + 2 * max(5, size // 6))

    def _boxes(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        size = self.text_size or 16
        pad, sym, space, check = self.parts(size)
        r = self.rect
        icon = pygame.Rect(r.x + pad, r.centery - sym // 2, sym, sym)
        tick = pygame.Rect(r.right - pad - check, r.centery - check // 2, check, check)
        name = pygame.Rect(icon.right + space, r.y + 2, tick.x - space - icon.right - space, r.height - 4)
        return icon, name, tick

    def layout(self, renderer: TextRenderer, m: Metrics, size: int | None = None) -> None:
        own = self.own or m
        _icon, name, _tick = self._boxes()
        self.text_boxes = [TextBox(self.label, name, self.text_size or own.body, own.min_text,
                                   valign="center").layout(renderer)]

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, p, m: Metrics, focused: bool) -> None:  # noqa: ANN001
        own = self.own or m
        radius = max(6, own.gap)
        pygame.draw.rect(surface, p.choice, self.rect, border_radius=radius)
        bw = max(4, own.ring) if self.selected else 2  # the team whose turn it is: twice as thick
        pygame.draw.rect(surface, p.selected if self.selected else p.border, self.rect, width=bw, border_radius=radius)
        if focused:
            draw_focus_ring(surface, self.rect, p, own, radius)
        icon, _name, tick = self._boxes()
        draw_symbol(surface, icon, self.team_symbol or "circle", self.team_color or p.text)
        if self.trailing_check:
            draw_check(surface, tick, p.right, max(3, tick.width // 7))
        for box in self.text_boxes:
            box.draw(surface, renderer, p.text)


def public_view(ctx: Context) -> bool:
    """The facilitator has their own window (``ctx.console``): the projector shows only what the
    room should see (no controls, no team buttons, never what a team answered)."""
    return getattr(ctx, "console", None) is not None


def run_of(ctx: Context, game: ClassRun | Classroom) -> ClassRun:
    """The run a class screen shows: ``game`` itself, or a run over a Classroom built by hand (a
    test, the fit check), on the context's clock and results, with the settings that apply."""
    if isinstance(game, ClassRun):
        return game
    scale = EXTENDED_TIMER if ctx.settings.timer == "extended" else 1.0
    return ClassRun(game, ctx.now, scale, ctx.results)


def new_run(ctx: Context, config) -> ClassRun:  # noqa: ANN001 - a ClassConfig
    scale = EXTENDED_TIMER if ctx.settings.timer == "extended" else 1.0
    return ClassRun.start(ctx.content, config, ctx.rng.randrange(2**31), ctx.now, scale, ctx.results)


def team_color(ctx: Context, team: Team):  # noqa: ANN201
    colors = ctx.palette.teams
    return colors[team.index % len(colors)] if colors else ctx.palette.text


class TeamLabels:
    """Mixin: texts drawn with a team's symbol in front (rect of the symbol, team)."""

    def team_text(self, team: Team, box: pygame.Rect, size: int, extra: str = "", bold: bool = True) -> None:
        s = round(size * 1.1)
        icon = pygame.Rect(box.x, box.centery - s // 2, s, s)
        self.symbols.append((icon, team))
        label = team.name + (f" — {extra}" if extra else "")
        rest = pygame.Rect(icon.right + max(6, s // 3), box.y, box.right - icon.right - max(6, s // 3), box.height)
        self.text(label, rest, size, bold=bold, valign="center")

    def paint_symbols(self, surface: pygame.Surface) -> None:
        for rect, team in self.symbols:
            draw_symbol(surface, rect, team.symbol, team_color(self.ctx, team))


def rows_for(scene: Scene, m: Metrics, labels: list[str], width: int) -> int:
    """How many rows a band of buttons needs so that each label fits on one line."""
    n = len(labels)
    widest = max(scene.button_width(t, width, 0) for t in labels)
    for nrows in range(1, n + 1):
        per_row = -(-n // nrows)
        if widest * per_row + (per_row - 1) * m.gap <= width:
            return nrows
    return n


def button_band(m: Metrics, area: pygame.Rect, n: int, nrows: int) -> list[pygame.Rect]:
    """``n`` cells in ``nrows`` rows filling ``area`` (the last row may hold fewer)."""
    per_row = -(-n // nrows)
    cells = []
    for i in range(n):
        r, c = divmod(i, per_row)
        row = pygame.Rect(area.x, area.y + r * (m.button_h + m.gap), area.width, m.button_h)
        cells.append(columns(row, per_row, m.gap)[c])
    return cells


def text_h(scene: Scene, text: str, width: int, size: int, bold: bool = False, minimum: int = 0) -> int:
    """Height ``text`` needs when wrapped to ``width`` (at least ``minimum``)."""
    return max(minimum, scene.ctx.renderer.fit(text, width, 10_000, size, size, bold).height)


def heading_h(scene: Scene, m: Metrics, text: str, width: int) -> int:
    return text_h(scene, text, width, m.heading, True, round(m.heading * 1.6))


def tall_button_h(scene: Scene, m: Metrics, label: str, width: int) -> int:
    """A button's height: a touch target at least, more when its label wraps (large text)."""
    inner = width - 2 * max(8, m.gap)
    return max(m.button_h, text_h(scene, label, inner, m.body, True) + 2 * max(6, m.gap // 2) + 4)


def band_height(m: Metrics, nrows: int) -> int:
    return nrows * m.button_h + (nrows - 1) * m.gap


def strength_line(ctx: Context, classroom: Classroom, team: int) -> str:
    """A team's best theme, said only when it has one: never a score to be ashamed of."""
    strengths = classroom.strengths(team)
    if not classroom.answers():
        return _("Pas encore de question révélée.")
    if not strengths:
        return _("Pas de question pour cette équipe.")
    theme, right, asked = strengths[0]
    if right == 0:
        return _("Des questions à revoir ensemble.")
    title = ctx.content.themes[theme].title if theme in ctx.content.themes else theme
    return _("Point fort\u00a0: {theme} ({right}/{asked})").format(theme=title, right=right, asked=asked)


class RunConfirm(ConfirmScene):
    """The run's pending question (``ClassRun.pending``), asked over the screen that sent the
    intent: « Oui » confirms it, « Non, continuer » (or Échap) cancels it; ``after`` lets the
    screen below draw what followed."""

    def __init__(self, ctx: Context, run: ClassRun, question: str, after) -> None:  # noqa: ANN001
        super().__init__(ctx, question, on_yes=self._yes)
        self.run = run
        self.after = after

    def _yes(self) -> None:
        self.ctx.pop()
        self.run.confirm()
        self.after()

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "yes":
            self._yes()
        else:
            self.on_back()

    def on_back(self) -> None:
        self.ctx.pop()
        self.run.cancel()
        self.after()


def end_class_game(ctx: Context) -> None:
    """A class game ends on the class set-up, ready for the next group (its « Retour » leads to the
    title), never on the solo title where Enter would start a solo game."""
    if ctx.kiosk is not None:
        ctx.home()
        return
    ctx.reset_to(ctx.make("title"))
    ctx.push(ctx.make("class_setup"))
