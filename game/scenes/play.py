"""A solo game's view state (the run it shows) and the header every item shows. The game itself is a ``SoloRun`` (game/flow/solorun.py): scenes send it intents and draw
its state; the next screen is built by name through the context (``ctx.make``).

With the measure on (the ``measure`` setting; ``kiosk_measure`` at a kiosk), a game is a
``MeasuredRun`` (game/flow/measured.py): the check before it, the game, the check after it,
the player's progress (``MeasureProgressScene``), then the results."""

from __future__ import annotations

import pygame

from game.flow.kiosk import SESSION_LENGTH as KIOSK_LENGTH
from game.flow.measured import MeasuredRun
from game.flow.solorun import Shortage, SoloRun
from game.i18n import _, ngettext
from game.scenes.base import Scene
from game.scenes.context import Context
from game.scenes.measure_progress import MeasureProgressScene
from game.scenes.overlays import PauseScene
from game.session import Session
from game.ui.layout import Metrics, take_top
from game.ui.widgets import Button


class Play:
    """One solo game in progress, shared by the scenes that show its items: its run (the rules;
    its indicators are the totals a scenario card's meters start from)."""

    def __init__(self, run: SoloRun | Session, measured: MeasuredRun | None = None) -> None:
        self.run = run if isinstance(run, SoloRun) else SoloRun(run)
        self.measured = measured  # the checks before and after the game, when the measure is on

    @property
    def session(self) -> Session:
        return self.run.session

    @property
    def recorded(self) -> bool:
        return self.run.recorded

    def notice(self) -> str:
        """Said on the first item when the level left items out: a shorter session, never harder
        items. It names how many questions are left and at which level."""
        short = self.run.shortage
        return notice_text(short) if short is not None else ""


def notice_text(short: Shortage) -> str:
    n = short.questions
    level = level_words(short.level)
    if short.one_theme:
        text = ngettext("Ce thème a seulement {n}\u00a0question de niveau {level}\u00a0: la partie est plus courte.",
                        "Ce thème a seulement {n}\u00a0questions de niveau {level}\u00a0: la partie est plus courte.", n)
    else:
        text = ngettext("Ces thèmes ont seulement {n}\u00a0question de niveau {level}\u00a0: la partie est plus courte.",
                        "Ces thèmes ont seulement {n}\u00a0questions de niveau {level}\u00a0: la partie est plus courte.", n)
    return text.format(n=n, level=level)


def level_words(level: str) -> str:
    """The level inside a sentence: « de niveau collège », « de niveau collège ou lycée »."""
    return {"college": _("collège"), "lycee": _("collège ou lycée")}.get(level, _("tous niveaux"))


def measure_on(ctx: Context) -> bool:
    """A solo player's choice (``measure``); at a kiosk, its admin's (``kiosk_measure``)."""
    return ctx.settings.kiosk_measure if ctx.kiosk is not None else ctx.settings.measure


def start_session(ctx: Context, path: str) -> None:
    """A new solo game on ``path`` (a kiosk's is of kiosk length), kept in the context's results;
    with the measure on, its check before the game comes first."""
    seed = ctx.rng.randrange(2**31)
    kiosk = ctx.kiosk is not None
    length = KIOSK_LENGTH if kiosk else ctx.settings.length
    mode = "kiosk" if kiosk else "solo"
    if measure_on(ctx):
        measured = MeasuredRun.start(ctx.content, path, seed, length, level=ctx.settings.level, mode=mode,
                                     store=ctx.results)
        if measured.run.finished:
            return
        play = Play(measured.run, measured)
        ctx.reset_to(_measure_screen(ctx, play))
        return
    run = SoloRun.start(ctx.content, path, seed, length, level=ctx.settings.level, mode=mode, store=ctx.results)
    if run.finished:  # a theme with nothing left to play
        return
    play = Play(run)
    ctx.reset_to(scene_for_current(ctx, play))


def _measure_screen(ctx: Context, play: Play) -> Scene:
    """The measure's screen for its current step (built by name: the measure's screens import the
    question screen, which imports this module)."""
    measured = play.measured
    assert measured is not None
    scene = ctx.make("measure", measured.flow, lambda _flow: _measure_done(ctx, play), measured.abandon)
    assert scene is not None  # called on an intro (or the notice), never at the game or the progress
    return scene  # type: ignore[return-value]


def _measure_done(ctx: Context, play: Play) -> None:
    """The measure hands back: at the game (its first item), or at the progress (then the results)."""
    measured = play.measured
    assert measured is not None
    if measured.in_game:
        ctx.replace(scene_for_current(ctx, play))
        return
    measured.finish()
    ctx.replace(_after_measure(ctx, play))


def _after_measure(ctx: Context, play: Play) -> Scene:
    """The player's progress, when both checks were answered; then (or else) the results."""
    measured = play.measured
    assert measured is not None
    result = measured.result()
    if measured.shows_progress and result is not None:
        return MeasureProgressScene(ctx, [result], lambda: ctx.replace(ctx.make("results", play)))
    return ctx.make("results", play)


def measure_after_game(ctx: Context, play: Play) -> Scene:
    """The run has finished: the check after the game (its intro), or what follows it."""
    measured = play.measured
    assert measured is not None
    measured.game_over()
    if measured.at_progress:  # no check after this game: kept already, on to what follows
        return _after_measure(ctx, play)
    return _measure_screen(ctx, play)


def scene_for_current(ctx: Context, play: Play) -> Scene:
    """The screen of the run's current item, or (the measure's check after the game, then) its
    results."""
    run = play.run
    if run.finished:
        if play.measured is not None and not play.measured.recorded:
            return measure_after_game(ctx, play)
        return ctx.make("results", play)
    step = run.step
    items = ctx.content.questions if step.kind == "question" else ctx.content.scenarios
    return ctx.make(step.kind, play, items[step.id])  # in the current language


def advance(ctx: Context, play: Play) -> None:
    """« Continuer »: the run goes on, and the next item's screen replaces this one."""
    if play.run.next():
        ctx.replace(scene_for_current(ctx, play))


class PlayScene(Scene):
    """Base of the question and scenario screens: header with progress and menu (a scenario card
    lays its meters out itself, under this header or beside its consequence)."""

    def __init__(self, ctx: Context, play: Play) -> None:
        super().__init__(ctx)
        self.play = play

    def abandon(self) -> bool:
        self.play.run.abandon()  # kept in the results as abandoned, by the run's recorder
        return True

    def resume(self) -> None:
        if self.play.run.paused:  # back from the pause menu
            self.play.run.resume()
        super().resume()

    def progress_label(self) -> str:
        n, total = self.play.run.position()
        if self.play.run.step.kind == "question":
            return _("Question {n} / {total}").format(n=n, total=total)
        return _("Situation {n} / {total}").format(n=n, total=total)

    def build_header(self, m: Metrics) -> pygame.Rect:
        """Lay out the header (the progress, the menu, a notice, the theme); returns the area left
        for the item."""
        top, area = take_top(m.content, m.button_h, m.gap * 2)
        menu_w = max(m.body * 5, 88)
        progress = pygame.Rect(top.x, top.y, top.width - menu_w - m.gap, top.height)
        self.text(self.progress_label(), progress, m.small, bold=True, valign="center")
        self.widgets.append(Button("menu", pygame.Rect(top.right - menu_w, top.y, menu_w, m.button_h),
                                   role="back", label=_("Menu")))
        return self._theme_line(m, area)

    def _theme_line(self, m: Metrics, area: pygame.Rect) -> pygame.Rect:
        notice = self.play.notice()
        if notice:
            need = self.ctx.renderer.fit(notice, area.width, 10_000, m.small, m.small, True).height
            line, area = take_top(area, min(need, area.height // 4), m.gap)
            self.text(notice, line, m.small, bold=True, valign="center")
        theme = self.ctx.content.themes.get(self.item_theme())
        if theme is not None:  # the theme on a line of its own: long titles need the width
            label = _("Thème\u00a0: {title}").format(title=theme.title)
            need = self.ctx.renderer.fit(label, area.width, 10_000, m.small, m.small).height
            line, area = take_top(area, min(need, area.height // 5), m.gap)
            self.text(label, line, m.small, color="muted", valign="center")
        return area

    def item_theme(self) -> str:
        return ""

    def on_back(self) -> None:
        if self.play.run.back():
            self.ctx.push(PauseScene(self.ctx))

    def menu_pressed(self, widget_id: str) -> bool:
        if widget_id == "menu":
            self.on_back()
            return True
        return False
