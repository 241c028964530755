"""The class set-up: teams (2-8, each named, typed or picked from fun names), answering mode,
timer, speed, length, level, themes and the pre/post measure; « Commencer » starts the run.

With the measure on (``ClassConfig.measure``, issue 18), the whole class answers the check before
the game together (the facilitator enters the class's answer on the solo measure screens), then
plays; when the game reaches its debrief, the check after it, the class's progress, then the
debrief (``ClassRun.before_debrief``). The game is kept with both checks in one record.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pygame

from game import input as inp
from game.classroom import (
    DEFAULT_TEAMS, FUN_NAMES, MAX_TEAMS, MIN_TEAMS, NAME_MAX, TIMER_CHOICES, ClassConfig, Team, default_teams,
)
from game.flow.choices import length_label, level_label, next_length, next_level, solo_length
from game.flow.classrun import EXTENDED_TIMER, ClassRun, DebriefStarted, GameOver, Recorded, planned_questions
from game.flow.measure_flow import GAME, INTRO, PROGRESS, MeasureFlow
from game.i18n import _, ngettext
from game.scenes.base import Scene
from game.scenes.classroom.common import (
    band_height, button_band, heading_h, new_run, rows_for, tall_button_h, team_color, text_h,
)
from game.scenes.classroom.debrief import DebriefScene
from game.scenes.classroom.item import ClassItemScene
from game.scenes.classroom.join import JoinScene
from game.scenes.classroom.pads import PAD_MODES, PadLink, PadOptions, remember, remembered
from game.scenes.measure_progress import MeasureProgressScene
from game.scenes.overlays import Overlay
from game.ui.layout import Metrics, columns, rows, take_bottom, take_top
from game.ui.widgets import Button, Widget

if TYPE_CHECKING:
    from game.scenes.context import Context


def start_class(ctx: Context, config: ClassConfig, pads: PadOptions | None = None) -> None:
    """The class game; with the pads on, their server first (on the LAN address), then the join
    panel over the first item (or, when the server could not start, why, in words). With the
    measure on, its check before the game comes first (the pads start with the game)."""
    if config.measure:
        measured = ClassMeasure.start(ctx, config, pads)
        if measured.run.finished:
            return
        ctx.reset_to(measured.screen(ctx))
        return
    run = new_run(ctx, config)
    if run.finished:
        return
    _begin(ctx, run, pads, ctx.reset_to)


def _begin(ctx: Context, run: ClassRun, pads: PadOptions | None, show: Any) -> None:
    """The first item on screen (``show``: reset_to or replace), with the pads' join panel over it."""
    link = PadLink.start(run, pads, ctx.palette.teams, ctx.language) if pads is not None and pads.on else None
    show(ClassItemScene(ctx, run))
    if link is not None:
        ctx.push(JoinScene(ctx, link))


@dataclass(eq=False)
class ClassMeasure:
    """A class game with the measure around it: the class answers as one (no team index). The run
    records nothing itself (no store): this keeps the game with both checks, once."""

    run: ClassRun
    flow: MeasureFlow
    store: Any = None
    pads: PadOptions | None = None
    recorded: bool = False

    @classmethod
    def start(cls, ctx: Context, config: ClassConfig, pads: PadOptions | None = None) -> ClassMeasure:
        content = ctx.content
        flow = MeasureFlow.plan(content, config.themes or None, config.level, random.Random(ctx.rng.randrange(2**31)))
        dealt = content
        if flow.run is not None:  # the game deals none of the measure's questions (they would give them away)
            kept = flow.run.plan.item_ids
            dealt = replace(content, questions={k: q for k, q in content.questions.items() if k not in kept})
        scale = EXTENDED_TIMER if ctx.settings.timer == "extended" else 1.0
        run = ClassRun.start(dealt, config, ctx.rng.randrange(2**31), ctx.now, scale, store=None)
        run.classroom.content = run.classroom.session.content = content
        measured = cls(run, flow, ctx.results, pads)
        run.subscribe(measured._on_event)
        run.before_debrief = measured.after_game
        return measured

    def screen(self, ctx: Context) -> Scene:
        scene = ctx.make("measure", self.flow, lambda _flow: self._done(ctx), self.keep)
        assert scene is not None  # called on an intro (or the notice), never at the game or the progress
        return scene  # type: ignore[return-value]

    def _done(self, ctx: Context) -> None:
        if self.flow.current.kind == GAME:
            _begin(ctx, self.run, self.pads, ctx.replace)
            return
        ctx.replace(self._after_checks(ctx))

    def after_game(self, ctx: Context) -> Scene:
        if self.flow.current.kind == GAME:
            self.flow.game_over()
            if self.flow.current.kind == INTRO and "pre" in self.flow.skipped_phases:
                self.flow.skip()  # no check before: nothing to compare the one after with
        if self.flow.current.kind == PROGRESS:
            return self._after_checks(ctx)
        return self.screen(ctx)

    def _after_checks(self, ctx: Context) -> Scene:
        self.record(not self.run.classroom.ended_early)
        result = self.flow.result()
        if result is not None and result.complete:
            return MeasureProgressScene(ctx, [result], lambda: ctx.replace(DebriefScene(ctx, self.run)),
                                        group=True)
        return DebriefScene(ctx, self.run)

    def keep(self) -> bool:
        """Left during a check: what was answered is kept (the game as finished after it)."""
        self.record(self.run.finished and not self.run.classroom.ended_early)
        return True

    def _on_event(self, event: object) -> None:
        if isinstance(event, GameOver):
            self.record(not event.abandoned and not self.run.classroom.ended_early)
        elif isinstance(event, DebriefStarted) and (self.flow.skipped or "pre" in self.flow.skipped_phases):
            self.record(not event.ended_early)  # no check after it: kept now, as without the measure

    def record(self, finished: bool) -> bool:
        classroom = self.run.classroom
        measure = self.flow.records()
        if self.recorded or classroom.recorded or self.store is None or not (classroom.answers() or measure):
            return False
        self.recorded = classroom.recorded = True
        from game.storage import record_from_session  # start-up speed, as in record_classroom

        self.store.record_session(record_from_session(classroom.session_for_record(), "classroom",
                                                      classroom.started_at, finished, careers=[], measure=measure))
        self.run.emit(Recorded(finished))
        return True


class ClassSetupScene(Scene):
    """Teams (2-8, named), answering mode, timer, speed, length and themes."""

    name = "class_setup"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        last: ClassConfig | None = ctx.class_config
        if last is not None:
            self.teams = [Team(t.index, t.custom, t.key) for t in last.teams]
            self.answering, self.timer, self.speed = last.answering, last.timer, last.speed
            self.themes: tuple[str, ...] = last.themes
            self.measure = last.measure
            self.console = last.console
        else:
            self.teams = default_teams(DEFAULT_TEAMS)
            self.answering, self.timer, self.speed, self.themes = "all", 0, False, ()
            self.measure = False  # the pre/post measure: off unless the facilitator turns it on
            self.console = "auto"  # the facilitator's window: on a second screen when there is one
        self.pads = remembered(ctx)  # the players' phones: off until the facilitator turns them on
        self.symbols: list = []

    def build(self, m: Metrics) -> None:
        self.symbols = []
        area = m.content
        title = _("Mode classe\u00a0: préparer la partie")
        head, area = take_top(area, heading_h(self, m, title, area.width), m.gap)
        self.text(title, head, m.heading, bold=True, valign="center")
        nav_labels = [_("Retour"), _("Réglages"), _("Chiffres du jour"), _("Commencer")]
        nav_rows = rows_for(self, m, nav_labels, area.width)
        nav, area = take_bottom(area, band_height(m, nav_rows), m.gap * 2)
        back, settings, today, start = button_band(m, nav, 4, nav_rows)
        two = not m.portrait and area.width > m.body * 30
        left, right = columns(area, 2, m.gap * 3) if two else (area, area)
        # Teams: how many, then one button per team (its name; Enter renames it).
        count_row, left = take_top(left, m.button_h, m.gap)
        small_w = max(m.button_h, m.body * 2)
        minus = pygame.Rect(count_row.right - 2 * small_w - m.gap, count_row.y, small_w, m.button_h)
        plus = pygame.Rect(count_row.right - small_w, count_row.y, small_w, m.button_h)
        n = len(self.teams)
        self.text(ngettext("{n} équipe", "{n} équipes", n).format(n=n),
                  pygame.Rect(count_row.x, count_row.y, minus.x - count_row.x - m.gap, m.button_h), m.body,
                  bold=True, valign="center")
        self.widgets += [
            Button("fewer", minus, role="adjust", label="\u2212", enabled=n > MIN_TEAMS),
            Button("more", plus, role="adjust", label="+", enabled=n < MAX_TEAMS),
        ]
        ncols = 2 if n > 4 and left.width > m.body * 20 else 1
        nrows = -(-n // ncols)
        team_h = m.button_h
        block = pygame.Rect(left.x, left.y, left.width, nrows * team_h + (nrows - 1) * m.gap)
        cols = columns(block, ncols, m.gap)
        for t in self.teams:
            col = cols[t.index // nrows] if ncols > 1 else cols[0]
            cell = rows(col, nrows, m.gap)[t.index % nrows]
            self.widgets.append(Button(f"team:{t.index}", cell, role="open", label=t.name, style="choice",
                                       team_symbol=t.symbol, team_color=team_color(self.ctx, t)))
        hint = _("Touchez une équipe pour changer son nom.")
        hint_h = self.ctx.renderer.fit(hint, left.width, 10_000, m.small, m.small).height
        self.text(hint, pygame.Rect(left.x, block.bottom + m.gap, left.width, hint_h), m.small, color="muted")
        block.height += hint_h + m.gap
        if not two:
            right = pygame.Rect(area.x, block.bottom + m.gap * 2, area.width, area.bottom - block.bottom - m.gap * 2)
        opts = [
            ("answering", _("Réponses\u00a0: toutes les équipes") if self.answering == "all"
             else _("Réponses\u00a0: chacune son tour"), True),
            ("timer", _("Minuteur\u00a0: aucun") if not self.timer
             else _("Minuteur\u00a0: {n}\u00a0s par question").format(n=self.timer), True),
            ("speed", _("Rapidité\u00a0: compte (+1\u00a0point)") if self.speed and self.timer and self.answering == "turns"
             else _("Rapidité\u00a0: ne compte pas"), bool(self.timer) and self.answering == "turns"),
            ("length", length_label(self.ctx.settings.length), True),
            ("level", level_label(self.ctx.settings.level), True),
            ("themes", self.themes_label(), True),
            ("measure", _("Mesure avant/après\u00a0: oui") if self.measure else _("Mesure avant/après\u00a0: non"), True),
            ("pads", self.pads_label(), True),
        ]
        if self.ctx.screen_count() >= 2:  # one screen: no window of its own (the facilitator pad does it from a phone)
            opts.append(("console", self.console_label(), True))
        y = right.y
        for wid, label, enabled in opts:
            h = tall_button_h(self, m, label, right.width)
            self.widgets.append(Button(wid, pygame.Rect(right.x, y, right.width, h), role="adjust", label=label,
                                       enabled=enabled))
            y += h + m.gap
        questions = self.question_count()
        if self.short_by():
            short = ngettext("À ce niveau, ces thèmes donnent {q} question\u00a0: la partie sera plus courte.",
                             "À ce niveau, ces thèmes donnent {q} questions\u00a0: la partie sera plus courte.",
                             questions).format(q=questions)
            short_h = text_h(self, short, right.width, m.small)
            self.text(short, pygame.Rect(right.x, y, right.width, short_h), m.small)
            y += short_h + m.gap
        if self.answering == "turns" and questions < len(self.teams):
            warn = ngettext("Chacune son tour\u00a0: {q} question pour {t} équipes. Choisissez une durée plus longue.",
                            "Chacune son tour\u00a0: {q} questions pour {t} équipes. Choisissez une durée plus longue.",
                            questions).format(q=questions, t=len(self.teams))
            self.text(warn, pygame.Rect(right.x, y, right.width, text_h(self, warn, right.width, m.small)), m.small)
        self.widgets += [
            Button("back", back, role="back", label=_("Retour")),
            Button("settings", settings, role="open", label=_("Réglages")),
            Button("today", today, role="open", label=_("Chiffres du jour")),
            Button("start", start, role="start", label=_("Commencer"), style="primary"),
        ]

    def question_count(self) -> int:
        """How many questions the chosen length and themes give (as the session will plan them)."""
        return self._count(self.ctx.settings.level)

    def _count(self, level: str) -> int:
        return planned_questions(self.ctx.content, solo_length(self.ctx.settings.length), self.themes, level)

    def short_by(self) -> int:
        """Questions the level leaves out of the chosen length and themes: the game is that much shorter."""
        return max(0, self._count("adulte") - self.question_count())

    def themes_label(self) -> str:
        if not self.themes:
            return _("Thèmes\u00a0: tous")
        n = len(self.themes)
        return ngettext("Thèmes\u00a0: {n} choisi", "Thèmes\u00a0: {n} choisis", n).format(n=n)

    def pads_label(self) -> str:
        return {"off": _("Téléphones des joueur·ses\u00a0: non"),
                "auto": _("Téléphones des joueur·ses\u00a0: oui, le jeu fait les équipes"),
                "player": _("Téléphones des joueur·ses\u00a0: oui, chacun·e choisit son équipe")}[self.pads.mode]

    def console_label(self) -> str:
        if self.console == "off":
            return _("Fenêtre animateur·trice\u00a0: non")
        return _("Fenêtre animateur·trice\u00a0: oui, sur le second écran")

    def default_focus(self) -> str:
        return "start"

    def config(self) -> ClassConfig:
        return ClassConfig(teams=[Team(t.index, t.custom, t.key) for t in self.teams], answering=self.answering,
                           timer=self.timer, speed=self.speed and self.timer > 0 and self.answering == "turns",
                           length=solo_length(self.ctx.settings.length),
                           themes=self.themes, level=self.ctx.settings.level, measure=self.measure,
                           console=self.console)

    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        if wid == "fewer" and len(self.teams) > MIN_TEAMS:
            self.teams.pop()
        elif wid == "more" and len(self.teams) < MAX_TEAMS:
            used = {t.name for t in self.teams}
            key = next((n for n in FUN_NAMES if _(n) not in used), "")
            self.teams.append(Team(len(self.teams), key=key))
        elif wid.startswith("team:"):
            self.ctx.push(NameScene(self.ctx, self, int(wid.split(":")[1])))
            return
        elif wid == "answering":
            self.answering = "turns" if self.answering == "all" else "all"
        elif wid == "timer":
            self.timer = TIMER_CHOICES[(TIMER_CHOICES.index(self.timer) + 1) % len(TIMER_CHOICES)]
        elif wid == "speed":
            self.speed = not self.speed
        elif wid == "measure":
            self.measure = not self.measure
        elif wid == "console":
            self.console = "auto" if self.console == "off" else "off"
        elif wid == "pads":
            self.pads = PadOptions(PAD_MODES[(PAD_MODES.index(self.pads.mode) + 1) % len(PAD_MODES)])
            remember(self.ctx, self.pads)
        elif wid == "length":
            self.ctx.apply_settings(self.ctx.settings.with_value("length", next_length(self.ctx.settings.length)))
        elif wid == "level":
            self.ctx.apply_settings(self.ctx.settings.with_value("level", next_level(self.ctx.settings.level)))
        elif wid == "themes":
            self.ctx.push(self.ctx.make("themes", self.themes, self.set_themes))
            return
        elif wid == "settings":
            self.ctx.open_settings()
            return
        elif wid == "today":
            self.ctx.push(self.ctx.make("today"))
            return
        elif wid == "back":
            self.ctx.pop()
            return
        elif wid == "start":
            config = self.config()
            self.ctx.class_config = config
            start_class(self.ctx, config, self.pads)
            return
        self.invalidate()

    def bot_targets(self) -> list[Widget]:
        # No server from a bot; the measure stays as set (its own tests play it).
        return [w for w in super().bot_targets() if w.id not in ("settings", "pads", "measure", "console")]

    def set_themes(self, themes: tuple[str, ...]) -> None:
        self.themes = themes
        self.invalidate()

    def rename(self, index: int, name: str) -> None:
        name = " ".join(name.split())[:NAME_MAX]
        team = self.teams[index]
        if name and name != team.name:
            key = next((n for n in FUN_NAMES if _(n) == name), "")
            team.custom, team.key = ("", key) if key else (name, "")  # a fun name follows the language
        self.invalidate()

    def on_back(self) -> None:
        self.ctx.pop()


class NameScene(Overlay):
    """A team's name: typed on a keyboard, or picked from fun names (touch, gamepad)."""

    name = "class_name"
    scrollable = True  # large text: the panel grows and the page scrolls
    wants_text = True  # Shift+A types an A here; it does not open the settings

    def __init__(self, ctx: Context, setup: ClassSetupScene, index: int) -> None:
        super().__init__(ctx)
        self.setup = setup
        self.index = index
        self.buffer = setup.teams[index].name

    def suggestions(self) -> list[str]:
        used = {t.name for t in self.setup.teams if t.index != self.index}
        return [_(n) for n in FUN_NAMES if _(n) not in used][:6]

    def build(self, m: Metrics) -> None:
        names = self.suggestions()
        ncols = 2 if not m.portrait else 1
        nrows = -(-len(names) // ncols)
        hint_text = _("Tapez un nom au clavier, ou choisissez-en un.")
        inner_w = min(m.width - 2 * m.margin, round(m.body * 30)) - 2 * m.margin
        hint_h = text_h(self, hint_text, inner_w, m.small)
        head_h = heading_h(self, m, _("Nom de l'équipe"), inner_w)
        height = head_h + m.button_h * (2 + nrows) + hint_h + m.gap * (5 + nrows) + 2 * m.margin
        inner = self.panel_rect(m, 30, height)
        head, inner = take_top(inner, head_h, m.gap)
        self.text(_("Nom de l'équipe"), head, m.heading, bold=True, valign="center")
        field, inner = take_top(inner, m.button_h, m.gap)
        self.field_rect = field
        self.text(self.buffer + "|", field.inflate(-2 * m.gap, 0), m.body, valign="center")
        hint, inner = take_top(inner, hint_h, m.gap)
        self.text(hint_text, hint, m.small, color="muted", valign="center")
        nav, inner = take_bottom(inner, m.button_h, m.gap * 2)
        grid = pygame.Rect(inner.x, inner.y, inner.width, nrows * m.button_h + (nrows - 1) * m.gap)
        cols = columns(grid, ncols, m.gap)
        for i, name in enumerate(names):
            cell = rows(cols[i % ncols], nrows, m.gap)[i // ncols]
            self.widgets.append(Button(f"name:{i}", cell, role="answer", label=name, style="choice"))
        erase, ok = columns(nav, 2, m.gap)
        self.widgets += [Button("erase", erase, role="adjust", label=_("Effacer")),
                         Button("ok", ok, role="next", label=_("Valider"), style="primary")]

    def draw_background(self, surface: pygame.Surface) -> None:
        super().draw_background(surface)
        p = self.ctx.palette
        pygame.draw.rect(surface, p.panel, self.field_rect, border_radius=4)
        pygame.draw.rect(surface, p.border, self.field_rect, width=2, border_radius=4)

    def default_focus(self) -> str:
        return "ok"

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.TEXT:
            if len(self.buffer) < NAME_MAX:
                self.buffer += intent.text
                self.invalidate()
            return
        if intent.kind == inp.ERASE:
            self.buffer = self.buffer[:-1]
            self.invalidate()
            return
        if intent.kind in (inp.PICK, inp.DIGIT, inp.HELP, inp.SETTINGS) or (
                intent.kind == inp.CONFIRM and intent.text == " "):
            return  # typed as text
        super().handle(intent)

    def on_activate(self, widget: Widget) -> None:
        if widget.id.startswith("name:"):
            self.buffer = self.suggestions()[int(widget.id.split(":")[1])]
            self._done()
        elif widget.id == "erase":
            self.buffer = ""
            self.invalidate()
        elif widget.id == "ok":
            self._done()

    def _done(self) -> None:
        self.ctx.pop()
        self.setup.rename(self.index, self.buffer)

    def on_back(self) -> None:
        self.ctx.pop()

