"""Classroom mode, for a facilitator at a projector: set-up, items answered by teams, debates,
scores without shaming, and a debrief.

Teams are told apart by a name, a symbol and a colour (never the colour alone). The facilitator
enters each team's answer with the keys 1-4 or a click, or teams take turns; the facilitator
keys are listed in a help overlay (F1 or ?).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game import input as inp
from game.classroom import (
    DEFAULT_TEAMS, FUN_NAMES, MAX_TEAMS, MIN_TEAMS, NAME_MAX, TIMER_CHOICES, ClassConfig, Classroom, Team,
    Timer, default_teams,
)
from game.i18n import N_, _, fmt_percent, list_sep, ngettext
from game.scenes.base import Scene
from game.scenes.overlays import ConfirmScene, Overlay
from game.scenes.question import AnswerGrid, fmt_estimate, slider_start
from game.session import ordered_choices
from game.scenes.title import length_label, level_label, next_length, next_level, solo_length
from game.ui.layout import Metrics, center_block, columns, rows, take_bottom, take_left, take_top
from game.ui.widgets import Button, Slider, Widget, draw_check, draw_cross, draw_symbol

if TYPE_CHECKING:
    from game.app import App



def team_color(app: App, team: Team):  # noqa: ANN201
    colors = app.palette.teams
    return colors[team.index % len(colors)] if colors else app.palette.text


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
            draw_symbol(surface, rect, team.symbol, team_color(self.app, team))


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
    return max(minimum, scene.app.renderer.fit(text, width, 10_000, size, size, bold).height)


def heading_h(scene: Scene, m: Metrics, text: str, width: int) -> int:
    return text_h(scene, text, width, m.heading, True, round(m.heading * 1.6))


def tall_button_h(scene: Scene, m: Metrics, label: str, width: int) -> int:
    """A button's height: a touch target at least, more when its label wraps (large text)."""
    inner = width - 2 * max(8, m.gap)
    return max(m.button_h, text_h(scene, label, inner, m.body, True) + 2 * max(6, m.gap // 2) + 4)


def band_height(m: Metrics, nrows: int) -> int:
    return nrows * m.button_h + (nrows - 1) * m.gap


# -- set-up ------------------------------------------------------------------------------
class ClassSetupScene(Scene):
    """Teams (2-8, named), answering mode, timer, speed, length and themes."""

    name = "class_setup"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        last: ClassConfig | None = getattr(app, "class_config", None)
        if last is not None:
            self.teams = [Team(t.index, t.custom, t.key) for t in last.teams]
            self.answering, self.timer, self.speed = last.answering, last.timer, last.speed
            self.themes: tuple[str, ...] = last.themes
        else:
            self.teams = default_teams(DEFAULT_TEAMS)
            self.answering, self.timer, self.speed, self.themes = "all", 0, False, ()
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
                                       team_symbol=t.symbol, team_color=team_color(self.app, t)))
        hint = _("Touchez une équipe pour changer son nom.")
        hint_h = self.app.renderer.fit(hint, left.width, 10_000, m.small, m.small).height
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
            ("length", length_label(self.app.settings.length), True),
            ("level", level_label(self.app.settings.level), True),
            ("themes", self.themes_label(), True),
        ]
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
        from game.session import LENGTHS

        return self._count(self.app.settings.level)

    def _count(self, level: str) -> int:
        from game.session import LENGTHS, levels_up_to

        full, one = LENGTHS[solo_length(self.app.settings.length)]
        allowed = levels_up_to(level)
        content = self.app.content
        if len(self.themes) == 1:
            return min(one[0], sum(q.difficulty in allowed for q in content.items_of_theme(self.themes[0])[0]))
        available = sum(1 for q in content.questions.values()
                        if (not self.themes or q.theme in self.themes) and q.difficulty in allowed)
        return min(full[0], available)

    def short_by(self) -> int:
        """Questions the level leaves out of the chosen length and themes: the game is that much shorter."""
        return max(0, self._count("adulte") - self.question_count())

    def themes_label(self) -> str:
        if not self.themes:
            return _("Thèmes\u00a0: tous")
        n = len(self.themes)
        return ngettext("Thèmes\u00a0: {n} choisi", "Thèmes\u00a0: {n} choisis", n).format(n=n)

    def default_focus(self) -> str:
        return "start"

    def config(self) -> ClassConfig:
        return ClassConfig(teams=[Team(t.index, t.custom, t.key) for t in self.teams], answering=self.answering,
                           timer=self.timer, speed=self.speed and self.timer > 0 and self.answering == "turns",
                           length=solo_length(self.app.settings.length),
                           themes=self.themes, level=self.app.settings.level)

    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        if wid == "fewer" and len(self.teams) > MIN_TEAMS:
            self.teams.pop()
        elif wid == "more" and len(self.teams) < MAX_TEAMS:
            used = {t.name for t in self.teams}
            key = next((n for n in FUN_NAMES if _(n) not in used), "")
            self.teams.append(Team(len(self.teams), key=key))
        elif wid.startswith("team:"):
            self.app.push(NameScene(self.app, self, int(wid.split(":")[1])))
            return
        elif wid == "answering":
            self.answering = "turns" if self.answering == "all" else "all"
        elif wid == "timer":
            self.timer = TIMER_CHOICES[(TIMER_CHOICES.index(self.timer) + 1) % len(TIMER_CHOICES)]
        elif wid == "speed":
            self.speed = not self.speed
        elif wid == "length":
            self.app.apply_settings(self.app.settings.with_value("length", next_length(self.app.settings.length)))
        elif wid == "level":
            self.app.apply_settings(self.app.settings.with_value("level", next_level(self.app.settings.level)))
        elif wid == "themes":
            from game.scenes.themes import ThemeScene

            self.app.push(ThemeScene(self.app, self.themes, self.set_themes))
            return
        elif wid == "settings":
            self.app.open_settings()
            return
        elif wid == "today":
            from game.scenes.today import TodayScene

            self.app.push(TodayScene(self.app))
            return
        elif wid == "back":
            self.app.pop()
            return
        elif wid == "start":
            config = self.config()
            self.app.class_config = config
            start_class(self.app, config)
            return
        self.invalidate()

    def bot_targets(self) -> list[Widget]:
        return [w for w in super().bot_targets() if w.id != "settings"]

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
        self.app.pop()


class NameScene(Overlay):
    """A team's name: typed on a keyboard, or picked from fun names (touch, gamepad)."""

    name = "class_name"
    scrollable = True  # large text: the panel grows and the page scrolls
    wants_text = True  # Shift+A types an A here; it does not open the settings

    def __init__(self, app: App, setup: ClassSetupScene, index: int) -> None:
        super().__init__(app)
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
        p = self.app.palette
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
        self.app.pop()
        self.setup.rename(self.index, self.buffer)

    def on_back(self) -> None:
        self.app.pop()


# -- the session -------------------------------------------------------------------------
def start_class(app: App, config: ClassConfig) -> None:
    classroom = Classroom.start(app.content, config, app.rng.randrange(2**31))
    if classroom.finished:
        return
    app.reset_to(ClassItemScene(app, classroom))


def next_scene(app: App, classroom: Classroom) -> Scene:
    if classroom.finished:
        return DebriefScene(app, classroom)
    return ClassItemScene(app, classroom)


def end_class_game(app: App) -> None:
    """A class game ends on the class set-up, ready for the next group (its « Retour » leads to the
    title), never on the solo title where Enter would start a solo game."""
    from game.scenes.title import TitleScene

    if app.kiosk is not None:
        app.home()
        return
    app.reset_to(TitleScene(app))
    app.push(ClassSetupScene(app))


def record_class(app: App, classroom: Classroom, finished: bool) -> None:
    """Every counted answer, each with its team's index (never a name), in the anonymous results."""
    if classroom.recorded or app.results is None or not classroom.answers():
        return
    from game.storage import record_from_session

    classroom.recorded = True
    app.results.record_session(record_from_session(classroom.session_for_record(), "classroom", classroom.started_at,
                                                   finished, careers=[]))


# Facilitator keys: typed letter -> command (the help overlay lists them).
KEYS = {"s": "next", "r": "reveal", "p": "pause", "x": "skip", "+": "extend", "f": "end",
        "d": "debate", "t": "scores", "n": "notes"}
HELP_LINES = (
    ("1\u20134", N_("la réponse de l'équipe dont c'est le tour (choisir une autre équipe\u00a0: son bouton en bas)")),
    ("R", N_("révéler la bonne réponse")),
    ("S", N_("suivant\u00a0: révéler, puis débat, puis question suivante")),
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
    (N_("Échap"), N_("menu (pause)")),
    ("F1 / ?", N_("cette aide")),
)


class ClassItemScene(TeamLabels, Scene):
    """One item for the whole class: ask (teams answer), reveal, then an optional debate."""

    name = "class_item"

    def __init__(self, app: App, classroom: Classroom) -> None:
        super().__init__(app)
        self.classroom = classroom
        self.phase = "ask"
        self.notes_shown = False
        extended = 1.5 if app.settings.timer == "extended" else 1.0  # accessibility: more time
        self.timer = Timer(classroom.config.timer * extended, app.now)
        self.symbols: list = []
        self._shown_seconds = -1
        self.timer_rect = pygame.Rect(0, 0, 0, 0)
        self.current = classroom.teams_for_current()[0]  # the team the next answer goes to
        self.all_in = False  # the last answer was keyed and the hand went to « Révéler »
        self.card_choice: str | None = None  # a situation's reveal: the choice whose consequence shows
        self.correcting = False  # back from the reveal: the timer stays stopped until « + » or the reveal

    @property
    def screen_name(self) -> str:
        return f"class_{self.phase}"

    @property
    def step(self):  # noqa: ANN201
        return self.classroom.session.current

    @property
    def item(self):  # noqa: ANN201
        c = self.app.content
        return c.questions[self.step.id] if self.step.kind == "question" else c.scenarios[self.step.id]

    @property
    def choices(self) -> list:  # noqa: ANN201
        """The item's choices in the order the projector shows them: the session's, for a question."""
        return ordered_choices(self.item, self.step) if self.step.kind == "question" else list(self.item.choices)

    def all_answered(self) -> bool:
        """Every team's answer is in and the hand has passed on: the projector then shows no team's
        choice (a facilitator who picks a team's button to correct it sees that team's again)."""
        return self.all_in and all(self.classroom.entry(t) is not None for t in self.classroom.teams_for_current())

    def team(self, index: int) -> Team:
        return next(t for t in self.classroom.teams if t.index == index)

    # -- layout ------------------------------------------------------------------------
    def build(self, m: Metrics) -> None:
        self.symbols = []
        area = self._header(m)
        buttons = self._nav_buttons()
        nav_rows = rows_for(self, m, [label for _w, label, _s in buttons], area.width)
        nav, area = take_bottom(area, band_height(m, nav_rows), m.gap * 2)
        getattr(self, f"_build_{self.phase}")(m, area)
        self._nav(m, nav, buttons, nav_rows)

    def _header(self, m: Metrics) -> pygame.Rect:
        area = m.content
        top, area = take_top(area, m.button_h, m.gap)
        menu_w, help_w = max(m.body * 5, 88), max(m.body * 5, 88)
        menu = pygame.Rect(top.right - menu_w, top.y, menu_w, m.button_h)
        helpb = pygame.Rect(menu.x - m.gap - help_w, top.y, help_w, m.button_h)
        session = self.classroom.session
        n, total = session.position_of_current()
        label = (_("Question {n} / {total}") if self.step.kind == "question" else _("Situation {n} / {total}")).format(
            n=n, total=total)
        # Whose answer is keyed next; once every team has answered, nobody's (the room must not learn
        # which team chose what before the reveal).
        who = ""
        if self.phase == "ask":
            alone = len(self.classroom.teams_for_current()) == 1  # in turns: the one team whose turn it is
            who = ((_("L'équipe a répondu.") if alone else _("Toutes les équipes ont répondu.")) if self.all_answered()
                   else _("réponse de\u00a0: {team}").format(team=self.team(self.current).name))
        timer_w = (self.app.renderer.measure("000\u00a0s " + _("(en pause)"), m.heading, True)
                   if self.timer.enabled and self.phase == "ask" else 0)
        self.timer_rect = pygame.Rect(helpb.x - m.gap - timer_w, top.y, timer_w, m.button_h)
        label_box = pygame.Rect(top.x, top.y, self.timer_rect.x - top.x - m.gap, m.button_h)
        r = self.app.renderer
        if who and r.measure(label + " — " + who, m.small, True) <= label_box.width:
            label, who = label + " — " + who, ""
        if r.measure(label, m.small, True) > label_box.width:  # large text: under the buttons
            who = label + (" — " + who if who else "")
        else:
            self.text(label, label_box, m.small, bold=True, valign="center")
        if who:  # no room beside the progress: a line of its own
            line, area = take_top(area, r.fit(who, area.width, 10_000, m.small, m.small, True).height, m.gap)
            self.text(who, line, m.small, bold=True)
        self.widgets += [Button("help", helpb, role="open", label=_("Aide")),
                         Button("menu", menu, role="back", label=_("Menu"))]
        theme = self.app.content.themes.get(self.item.theme)
        if theme is not None and self.phase != "ask":  # during the answers, room for the item
            label = _("Thème\u00a0: {title}").format(title=theme.title)
            line_h = self.app.renderer.fit(label, area.width, 10_000, m.small, m.small).height
            line, area = take_top(area, line_h, m.gap)
            self.text(label, line, m.small, color="muted")
        return area

    def _nav_buttons(self) -> list[tuple[str, str, str]]:
        if self.phase == "ask":
            if self.step.kind == "question" and self.item.type == "multiple":  # ticks, then « Valider »
                return [("skip", _("Passer"), "secondary"), ("validate", _("Valider"), "secondary"),
                        ("reveal", _("Révéler"), "primary")]
            return [("skip", _("Passer"), "secondary"), ("reveal", _("Révéler"), "primary")]
        if self.phase == "reveal":
            buttons = [("correct", _("Corriger"), "secondary"), ("scores", _("Scores"), "secondary")]
            if self.item.debate:
                buttons.append(("debate", _("Débat"), "secondary"))
            return buttons + [("next", _("Suivant"), "primary")]
        return [("back", _("Retour"), "secondary"),
                ("notes", _("Cacher les notes") if self.notes_shown else _("Notes"), "secondary"),
                ("next", _("Suivant"), "primary")]

    def _nav(self, m: Metrics, nav: pygame.Rect, buttons: list[tuple[str, str, str]], nav_rows: int) -> None:
        per_row = -(-len(buttons) // nav_rows)
        width = min(nav.width, max(per_row * m.body * 9,
                                   max(self.button_width(b[1], nav.width, 0) for b in buttons) * per_row + (per_row - 1) * m.gap))
        cells = button_band(m, pygame.Rect(nav.right - width, nav.y, width, nav.height), len(buttons), nav_rows)
        for (wid, label, style), cell in zip(buttons, cells):
            self.widgets.append(Button(wid, cell, role="next" if style == "primary" else "open", label=label,
                                       style=style))

    def _build_ask(self, m: Metrics, area: pygame.Rect) -> None:
        """The item and one set of answers; below, a chip per team. An answer goes to the team
        whose turn it is (« Réponse de … »), then the next team waiting gets it."""
        item = self.item
        teams = self.classroom.teams_for_current()
        if self.current not in teams:
            self.current = teams[0]
        r = self.app.renderer
        pad = max(8, m.gap)  # as Button lays a chip out: padding, the symbol, the name, the check
        chip_w = max(r.measure(self.team(t).name, m.small) for t in teams) + 2 * pad \
            + round(m.body * 1.5) + round(m.small * 1.3) + 2 * (pad // 2) + 4
        per_row = max(1, min(len(teams), 4, (area.width + m.gap) // (chip_w + m.gap)))
        nrows = -(-len(teams) // per_row)
        strip_h = nrows * m.button_h + (nrows - 1) * m.gap
        strip, area = take_bottom(area, strip_h, m.gap * 2)
        cols = columns(strip, per_row, m.gap)
        for i, t in enumerate(teams):
            cell = pygame.Rect(cols[i % per_row].x, strip.y + (i // per_row) * (m.button_h + m.gap),
                               cols[i % per_row].width, m.button_h)
            team = self.team(t)
            answered = self.classroom.entry(t) is not None
            self.widgets.append(Button(f"team:{t}", cell, role="open", style="choice", label=team.name,
                                       selected=t == self.current and not self.all_answered(),
                                       trailing_check=answered, text_size=m.small,
                                       status=_("a répondu") if answered else _("en attente"),
                                       team_symbol=team.symbol, team_color=team_color(self.app, team)))
        r = self.app.renderer
        prompt = item.prompt if self.step.kind == "question" else item.title + "\n" + item.situation
        big = round(m.heading * 1.1)
        if self.step.kind == "question" and item.type == "estimate":
            self._build_estimate(m, area, prompt, big)
            return
        shown = self.choices
        answers = AnswerGrid(r, m, area, [c.text for c in shown])
        choices_h = answers.height
        hint = _("Plusieurs réponses sont justes\u00a0: cochez-les toutes.") \
            if self.step.kind == "question" and item.type == "multiple" else ""
        hint_h = r.fit(hint, area.width, 10_000, m.small, m.small).height + m.gap // 2 if hint else 0
        room = area.height - choices_h - hint_h - m.gap * 3
        # As big as the room allows: a long prompt (English is longer) steps down a size or two
        # rather than making the page scroll.
        for title_size, text_size in ((big, m.body), (m.heading, m.body), (round(m.body * 1.1), m.body),
                                      (m.body, m.small)):
            if self.step.kind == "scenario":  # the title in bold, the situation in plain text
                pieces = [(item.title, title_size, "text", True), (item.situation, text_size, "text", False)]
            else:
                pieces = [(prompt, title_size, "text", True)]
            prompt_need = sum(r.fit(t, area.width, 10_000, sz, sz, b).height for t, sz, _c, b in pieces) \
                + m.gap * (len(pieces) - 1)
            if prompt_need <= room:
                break
        area = center_block(area, prompt_need + hint_h + choices_h + m.gap * 3)
        choices_area, top = take_bottom(area, choices_h, m.gap * 2)
        if hint:
            hint_box, top = take_bottom(top, hint_h, m.gap // 2)
            self.text(hint, hint_box, m.small, color="muted", valign="center")
        self.text_stack(pieces, top, m.gap)
        entry = self.classroom.entry(self.current)
        multiple = self.step.kind == "question" and item.type == "multiple"
        # Only boxes being ticked for the team whose turn it is show; a keyed single answer never
        # stays outlined, and nothing shows once every team has answered.
        chosen = set(entry.answer.choice_ids) if entry and multiple and not self.all_answered() else set()
        for i, (c, cell) in enumerate(zip(shown, answers.cells(choices_area))):
            self.widgets.insert(i, Button(f"choice:{c.id}", cell, role="answer", label=c.text, style="choice",
                                          pick_index=i, toggle=multiple, selected=c.id in chosen))

    def _build_estimate(self, m: Metrics, area: pygame.Rect, prompt: str, size: int) -> None:
        est = self.item.estimate
        entry = self.classroom.entry(self.current)
        closed = self.all_answered()  # every team has answered: no team's figure, and nothing to nudge
        if closed:
            entry = None
        value = entry.answer.value if entry else slider_start(self.item, self.step)
        shown = self._fmt(value) if entry else _("{value} (pas encore validé)").format(value=self._fmt(value))
        if closed:
            shown = _("Pour corriger une réponse, choisissez l'équipe en bas.")
        value_h = max(round(m.title * 1.2),
                      self.app.renderer.fit(shown, area.width, 10_000, m.heading, m.heading, True).height)
        slider_h = max(m.button_h, round(m.body * 2.2))
        nudge = max(m.button_h, m.body * 2)
        ok_w = self.button_width(_("Valider"), area.width // 3, 6)
        track_w = area.width - 2 * nudge - ok_w - 4 * m.gap
        scale_h = max(text_h(self, self._fmt(v), track_w // 2, m.small) for v in (est.min, est.max))
        block, top = take_bottom(area, value_h + slider_h + scale_h + 2 * m.gap, m.gap * 2)
        for size in (size, m.heading, round(m.body * 1.1), m.body):  # a long prompt steps down, never scrolls
            if text_h(self, prompt, top.width, size, True) <= top.height:
                break
        self.text(prompt, top, size, bold=True, valign="center")
        value_box, rest = take_top(block, value_h, m.gap)
        self.text(shown, value_box, m.heading, bold=True, align="center", valign="center")
        row, scale = take_top(rest, slider_h, m.gap)
        minus = pygame.Rect(row.x, row.y, nudge, slider_h)
        ok = pygame.Rect(row.right - ok_w, row.y, ok_w, slider_h)
        plus = pygame.Rect(ok.x - m.gap - nudge, row.y, nudge, slider_h)
        track = pygame.Rect(minus.right + m.gap, row.y, plus.x - minus.right - 2 * m.gap, slider_h)
        self.widgets[0:0] = [
            Slider("slider", track, low=est.min, high=est.max, step=est.step, value=value, enabled=not closed),
            Button("minus", minus, role="adjust", label="\u2212", style="choice", enabled=not closed),
            Button("plus", plus, role="adjust", label="+", style="choice", enabled=not closed),
            Button("validate", ok, role="submit", label=_("Valider"), enabled=not closed),
        ]
        left = pygame.Rect(track.x, scale.y, track.width // 2, scale.height)
        right = pygame.Rect(track.centerx, scale.y, track.width - track.width // 2, scale.height)
        self.text(self._fmt(est.min), left, m.small, color="muted")
        self.text(self._fmt(est.max), right, m.small, color="muted", align="right")

    def _fmt(self, value: float) -> str:
        return fmt_estimate(self.item.estimate, value)

    def _build_reveal(self, m: Metrics, area: pygame.Rect) -> None:
        """A question's reveal on one screen: the prompt, the right answer and why, then every
        team's result in a compact grid (a mark, its symbol and name, the word), the source and
        the buttons. A situation card has its own reveal."""
        item = self.item
        teams = self.classroom.teams_for_current()
        self.marks: list[tuple[pygame.Rect, bool | None]] = []
        if self.step.kind != "question":
            self._build_card_reveal(m, area, teams)
            return
        r = self.app.renderer
        if item.type == "estimate":
            answer = _("La bonne réponse\u00a0: {value}").format(value=self._fmt(item.estimate.answer))
        else:
            right = [f"{i + 1}. {c.text}" for i, c in enumerate(self.choices) if c.correct]
            answer = (_("Les bonnes réponses\u00a0: {answer}") if len(right) > 1
                      else _("La bonne réponse\u00a0: {answer}")).format(answer=list_sep().join(right))
        source = self.app.content.sources.get(item.source or "")
        src = _("Source\u00a0: {source}").format(source=source.short_label) if source else ""
        # The prompt was read on the asking screen: here it heads the page at the text's size,
        # leaving the room to the answer and why.
        head_size = round(m.body * 1.1)
        head_h = text_h(self, item.prompt, area.width, head_size, True)
        head_box, area = take_top(area, min(head_h, area.height // 4), m.gap)
        self.text(item.prompt, head_box, head_size, bold=True, valign="center")
        if src:
            src_box, area = take_bottom(area, text_h(self, src, area.width, m.small), m.gap)
            self.text(src, src_box, m.small, color="muted")
        words = {}
        for t in teams:
            entry = self.classroom.entry(t)
            word = (_("juste") if entry.answer.correct else _("pas cette fois")) if entry else _("pas de réponse")
            if entry and self.classroom.speed_bonus(t, self.classroom.step):
                word += " " + _("(+1\u00a0rapidité)")
            words[t] = word
        per_row, name_h, word_h = self._results_grid(m, area.width, teams, words)
        n_rows = -(-len(teams) // per_row)
        cell_h = name_h + word_h
        res, area = take_bottom(area, n_rows * cell_h + (n_rows - 1) * m.gap, m.gap * 2)
        cols = columns(res, per_row, m.gap * 2)
        mark = m.body
        for i, t in enumerate(teams):
            col = cols[i % per_row]
            cell = pygame.Rect(col.x, res.y + (i // per_row) * (cell_h + m.gap), col.width, cell_h)
            entry = self.classroom.entry(t)
            icon = pygame.Rect(cell.x, cell.centery - mark // 2, mark, mark)
            self.marks.append((icon, entry.answer.correct if entry else None))
            rest = pygame.Rect(icon.right + m.gap // 2, cell.y, cell.right - icon.right - m.gap // 2, cell_h)
            self.team_text(self.team(t), pygame.Rect(rest.x, rest.y, rest.width, name_h), m.small)
            self.text(words[t], pygame.Rect(rest.x, rest.y + name_h, rest.width, word_h), m.small, valign="center")
        self.text_stack([(answer, m.body, "text", True), (item.explanation, m.body, "text", False)], area,
                        max(4, m.gap // 2), valign="top")

    def _results_grid(self, m: Metrics, width: int, teams: list[int], words: dict[int, str]) -> tuple[int, int, int]:
        """How many team results side by side (up to four, each name and word on one line when
        they can be), and the height of a name line and of a word line."""
        r = self.app.renderer
        sym = round(m.small * 1.1)
        lead = m.body + m.gap // 2 + sym + max(6, sym // 3)  # the mark, then the team's symbol

        def col_w(per_row: int) -> int:
            return (width - (per_row - 1) * m.gap * 2) // per_row - lead

        names = [self.team(t).name for t in teams]
        per_row = 1
        for n in range(min(4, len(teams)), 0, -1):
            w = col_w(n)
            if all(r.measure(x, m.small, True) <= w for x in names) and all(
                    r.measure(x, m.small) <= w for x in words.values()):
                per_row = n
                break
        w = col_w(per_row)
        name_h = max(max(text_h(self, x, w, m.small, True) for x in names), sym + 4)
        word_h = max(text_h(self, x, w, m.small) for x in words.values())
        return per_row, name_h, word_h

    def _build_card_reveal(self, m: Metrics, area: pygame.Rect, teams: list[int]) -> None:
        """A situation's reveal: each choice with the teams that chose it, and the consequence of
        one choice at a time (1–4, a touch or the pad picks which), so that it fits with its buttons."""
        item = self.item
        r = self.app.renderer
        head_h = r.fit(item.title, area.width, 10_000, m.heading, m.heading, True).height
        head_box, area = take_top(area, min(head_h, area.height // 4), m.gap)
        self.text(item.title, head_box, m.heading, bold=True, valign="center")
        source = self.app.content.sources.get(item.source)
        src = _("Source\u00a0: {source}").format(source=source.short_label) if source else ""
        if src:
            src_box, area = take_bottom(area, text_h(self, src, area.width, m.small), m.gap)
            self.text(src, src_box, m.small, color="muted")
        chosen_by = {c.id: [self.team(t).name for t in teams
                            if (e := self.classroom.entry(t)) is not None and c.id in e.answer.choice_ids]
                     for c in item.choices}
        if self.card_choice not in chosen_by:  # the most chosen first
            self.card_choice = max(item.choices, key=lambda c: len(chosen_by[c.id])).id
        side = not m.portrait and area.width > m.body * 36
        if side:  # the list a little wider: its labels carry who chose them
            list_box, text_box = take_left(area, (area.width - m.gap * 3) * 11 // 20, m.gap * 3)
        else:
            list_box, text_box = area, area
        labels = [c.text + "\n" + (_("choisi par\u00a0: {teams}").format(teams=", ".join(chosen_by[c.id]))
                                    if chosen_by[c.id] else _("choisi par personne")) for c in item.choices]
        grid = AnswerGrid(r, m, list_box, labels, ncols=1, size=m.small)
        grid_area, rest = take_top(list_box, grid.height, m.gap * 2)
        for i, (c, cell) in enumerate(zip(item.choices, grid.cells(grid_area))):
            self.widgets.insert(i, Button(f"card:{c.id}", cell, role="open", label=labels[i], style="choice",
                                          pick_index=i, text_size=m.small, selected=c.id == self.card_choice))
        if not side:
            text_box = rest
        picked = next(c for c in item.choices if c.id == self.card_choice)
        number = [c.id for c in item.choices].index(picked.id) + 1
        self.text_stack([(_("Si l'on choisit {n}\u00a0:").format(n=number), m.body, "text", True),
                         (picked.consequence, m.body, "text", False)], text_box, m.gap, valign="top")

    def _build_debate(self, m: Metrics, area: pygame.Rect) -> None:
        item = self.item
        label = _("Débat\u00a0: {question}").format(question=item.debate)
        if self.notes_shown and item.facilitator_notes:
            source = self.app.content.sources.get(item.source or "")
            notes = _("Notes pour l'animateur·trice\u00a0: {notes}").format(notes=item.facilitator_notes)
            if source:
                notes += " " + _("Source\u00a0: {source}").format(source=source.short_label)
            self.text_stack([(label, round(m.heading * 1.2), "text", True), (notes, m.body, "muted", False)],
                            area, m.gap * 3)
        else:
            self.text_stack([(label, round(m.heading * 1.2), "text", True),
                             (_("Les notes pour l'animateur·trice restent cachées\u00a0: touche N ou bouton «\u00a0Notes\u00a0»."),
                              m.small, "muted", False)], area, m.gap * 3)

    def default_focus(self) -> str | None:
        if self.phase == "ask":  # never an answer: Enter or Space must not answer for a team
            return "reveal" if self.classroom.all_entered() else f"team:{self.current}"
        return "next"

    # -- drawing -----------------------------------------------------------------------
    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        self.paint_symbols(surface)
        p = self.app.palette
        if self.phase == "reveal":
            for rect, correct in getattr(self, "marks", []):
                if correct is None:
                    pygame.draw.line(surface, p.muted, rect.midleft, rect.midright, max(3, rect.width // 7))
                else:
                    (draw_check if correct else draw_cross)(surface, rect, p.right if correct else p.wrong,
                                                            max(3, rect.width // 7))
        if self.timer.enabled and self.phase == "ask" and self.timer_rect.width:
            left = self.timer.remaining()
            text = _("{s}\u00a0s").format(s=int(left + 0.999)) + ("" if self.timer.running else " " + _("(en pause)"))
            img = self.app.renderer.render(text, self.metrics.heading, p.text, True)
            surface.blit(img, img.get_rect(midright=self.timer_rect.midright))

    def update(self, dt: float) -> bool:
        if self.phase == "ask" and self.timer.enabled and not self.correcting:
            if self.timer.expired():
                self._reveal()
            else:
                shown = int(self.timer.remaining() + 0.999)
                if shown != self._shown_seconds:
                    self._shown_seconds = shown
                    self.app.request_redraw()
        return False

    def pause(self) -> None:
        self.timer.pause()

    def resume(self) -> None:
        super().resume()
        if self.phase == "ask" and not self.correcting:
            self.timer.resume()

    # -- input -------------------------------------------------------------------------
    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.HELP:
            self.app.push(HelpScene(self.app))
            return
        if intent.kind == inp.ERASE:
            self.command("back")
            return
        if intent.kind == inp.TEXT:
            command = KEYS.get(intent.text.lower())
            if command:
                self.command(command)
            return
        if intent.kind == inp.PICK and self.phase == "ask":
            self._pick(intent.index or 0)
            return
        if intent.kind == inp.PICK and self.phase == "reveal" and self.step.kind == "scenario":
            choices = self.item.choices
            if (intent.index or 0) < len(choices):  # 1–4: that choice's consequence
                self.card_choice = choices[intent.index or 0].id
                self.invalidate()
            return
        super().handle(intent)

    def _pick(self, index: int) -> None:
        """Key 1-4: that answer for the team whose turn it is."""
        item = self.item
        if self.step.kind == "question" and item.type == "estimate":
            return
        shown = self.choices
        if index < len(shown):
            self._choose(shown[index].id)

    def _choose(self, choice_id: str) -> None:
        if not self.answering():
            return
        item = self.item
        team = self.current
        entry = self.classroom.entry(team)
        if self.step.kind == "question" and item.type == "multiple":
            chosen = set(entry.answer.choice_ids) if entry else set()
            chosen ^= {choice_id}
            if chosen:
                self._enter(sorted(chosen))
            else:
                self.classroom.clear(team)
            self.invalidate()
            return
        self._enter([choice_id])
        self._next_team()

    def _next_team(self) -> None:
        """The next team still waiting (after this one), or the reveal button when all answered."""
        teams = self.classroom.teams_for_current()
        i = teams.index(self.current)
        waiting = [t for t in teams[i + 1:] + teams[:i] if self.classroom.entry(t) is None]
        if waiting:
            self.current = waiting[0]
            if self.focus_id and self.focus_id.startswith("choice:"):
                # Still among the answers for the next team, but back on the first one: the ring
                # must not mark the answer the last team chose.
                self.focus_id = f"choice:{self.choices[0].id}"
            elif self.focus_id and not self.focus_id.startswith(("slider", "minus", "plus")):
                self.focus_id = None  # keep the focus on the answers while keying them in
        else:
            self.focus_id = "reveal"
            self.all_in = True
        self.invalidate()

    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        if wid.startswith("choice:"):
            self._choose(wid.split(":", 1)[1])
        elif wid.startswith("team:"):
            self.current = int(wid.split(":")[1])
            self.all_in = False
            self.invalidate()
        elif wid.startswith("card:"):
            self.card_choice = wid.split(":", 1)[1]
            self.invalidate()
        elif wid in ("minus", "plus"):
            slider = self.widget("slider")
            if isinstance(slider, Slider):
                slider.nudge(-1 if wid == "minus" else 1)
                self.on_slider(slider)
        elif wid in ("slider", "validate") and self.answering():
            slider = self.widget("slider")
            if isinstance(slider, Slider):  # an estimate: this value for the current team
                self._enter([], slider.value)
                self._next_team()
            elif self.classroom.entry(self.current) is not None:  # several answers ticked: next team
                self._next_team()
        else:
            self.command({"correct": "back", "help": "help", "menu": "pause"}.get(wid, wid))

    def answering(self) -> bool:
        return self.phase == "ask" and self.classroom.step not in self.classroom.revealed

    def _enter(self, choice_ids: list[str], value: float | None = None) -> None:
        """The current team's answer; one entered during a correction earns no speed bonus."""
        seconds = float("inf") if self.correcting else self.timer.elapsed()
        self.classroom.enter(self.current, choice_ids, value, seconds=seconds, limit=self.timer.total)

    def on_slider(self, slider: Slider) -> None:
        if not self.answering():
            return
        self._enter([], slider.value)
        self.invalidate()

    def on_back(self) -> None:
        self.command("pause")

    def command(self, name: str) -> None:
        """A facilitator action, from a key, a button or the menu."""
        app = self.app
        if name == "help":
            app.push(HelpScene(app))
        elif name == "pause":
            app.push(ClassMenuScene(app, self))
        elif name == "scores":
            app.push(ScoresScene(app, self.classroom))
        elif name == "reveal" and self.phase == "ask":
            self._ask_reveal()
        elif name == "next":
            if self.phase == "ask":
                self._ask_reveal()
            elif self.phase == "reveal" and self.item.debate:
                self._set_phase("debate")
            else:
                self._advance()
        elif name == "debate" and self.phase == "reveal" and self.item.debate:
            self._set_phase("debate")
        elif name == "notes" and self.phase == "debate":
            self.notes_shown = not self.notes_shown
            self.invalidate()
        elif name == "back":
            if self.phase == "debate":
                self._set_phase("reveal")
            elif self.phase == "reveal":
                self.classroom.unreveal()
                self.correcting = True  # the timer stays stopped: the facilitator corrects, then reveals
                self._set_phase("ask")
        elif name == "extend" and self.phase == "ask" and self.timer.enabled:
            self.correcting = False  # more time: the countdown runs again
            self.timer.extend()
            self._shown_seconds = -1
            app.request_redraw()
        elif name == "skip" and self.phase == "ask":
            app.push(ConfirmScene(app, N_("Passer cette question\u00a0? Elle ne comptera pour personne."),
                                  on_yes=self._skip))
        elif name == "end":
            app.push(ConfirmScene(app, N_("Finir maintenant et aller au bilan\u00a0?"), on_yes=self._end))

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        self.dragging = None  # a finger still on the slider must not answer after the reveal
        self.pressed_id = None
        self.focus_id = None
        self.scroll = 0
        self.invalidate()

    def _ask_reveal(self) -> None:
        """« Révéler » before any team has answered would show « choisi par personne » everywhere: ask."""
        if any(self.classroom.entry(t) is not None for t in self.classroom.teams_for_current()):
            self._reveal()
            return
        self.app.push(ConfirmScene(self.app, N_("Aucune équipe n'a encore répondu. Révéler quand même\u00a0?"),
                                   on_yes=self._reveal_confirmed))

    def _reveal_confirmed(self) -> None:
        self.app.pop()  # the confirmation
        self._reveal()

    def _reveal(self) -> None:
        self.timer.pause()
        self.classroom.reveal()
        self.app.audio.play("right")
        self._set_phase("reveal")

    def _advance(self) -> None:
        self.classroom.advance()
        self.app.replace(next_scene(self.app, self.classroom))

    def _skip(self) -> None:
        self.app.pop()  # the confirmation
        self.classroom.skip()
        self.app.replace(next_scene(self.app, self.classroom))

    def _end(self) -> None:
        self.app.pop()
        self.classroom.end_now()
        self.app.replace(next_scene(self.app, self.classroom))

    def bot_targets(self) -> list[Widget]:
        targets = super().bot_targets()
        if self.phase == "ask":
            if self.classroom.all_entered():
                return [w for w in targets if w.id == "reveal"]
            if self.classroom.entry(self.current) is not None:  # several answers ticked: the next team
                return [w for w in targets if w.id.startswith("team:")
                        and self.classroom.entry(int(w.id.split(":")[1])) is None]
            return [w for w in targets if w.id.startswith("choice:") or w.id in ("plus", "minus", "validate")]
        return [w for w in targets if w.id in ("next", "debate", "notes", "scores")]


# -- overlays ----------------------------------------------------------------------------
class ToggleKey:
    """An overlay that the facilitator key which opened it closes again (T for scores, P for pause)."""

    toggle_key = ""

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.TEXT:
            if intent.text.lower() == self.toggle_key:
                self.app.pop()
            return
        super().handle(intent)


class HelpScene(Overlay):
    """The facilitator keys (F1 or ?)."""

    name = "class_help"
    scrollable = True

    def build(self, m: Metrics) -> None:
        lines = [(_(key), _(text)) for key, text in HELP_LINES]
        r = self.app.renderer
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
            self.app.pop()
            return
        super().handle(intent)

    def on_activate(self, widget: Widget) -> None:
        self.app.pop()

    def on_back(self) -> None:
        self.app.pop()

    def default_focus(self) -> str:
        return "close"


class ClassMenuScene(ToggleKey, Overlay):
    """Pause: the facilitator's actions for touch, mouse and gamepad (the timer stops meanwhile)."""

    name = "class_menu"
    toggle_key = "p"
    scrollable = True  # large text: the panel grows and the page scrolls

    def __init__(self, app: App, item: ClassItemScene) -> None:
        super().__init__(app)
        self.item = item

    def actions(self) -> list[tuple[str, str]]:
        out = [("resume", _("Reprendre")), ("scores", _("Tableau des scores"))]
        if self.item.phase == "ask":
            if self.item.timer.enabled:
                out.append(("extend", _("15\u00a0secondes de plus")))
            out.append(("skip", _("Passer cette question")))
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

    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        if wid == "resume":
            self.app.pop()
        elif wid == "settings":
            self.app.open_settings()
        elif wid == "abandon":
            self.app.push(ConfirmScene(self.app, N_("Abandonner la partie\u00a0? Vous reviendrez à l'accueil."),
                                       on_yes=self._abandon))
        else:
            self.app.pop()
            self.item.command(wid)

    def _abandon(self) -> None:
        record_class(self.app, self.item.classroom, finished=False)
        end_class_game(self.app)

    def on_back(self) -> None:
        self.app.pop()


class ScoresScene(ToggleKey, TeamLabels, Overlay):
    """Every team, in its set-up order (not a ranking): points and its strongest theme."""

    name = "class_scores"
    toggle_key = "t"
    scrollable = True

    def __init__(self, app: App, classroom: Classroom) -> None:
        super().__init__(app)
        self.classroom = classroom
        self.symbols: list = []

    def build(self, m: Metrics) -> None:
        self.symbols = []
        teams = self.classroom.teams
        # More than four teams in landscape: two columns, so that eight fit with « Fermer ».
        ncols = 2 if len(teams) > 4 and not m.portrait else 1
        width_em = 36 if ncols == 1 else 60
        inner_w = min(m.width - 2 * m.margin, round(m.body * width_em)) - 2 * m.margin
        col_w = (inner_w - (ncols - 1) * m.gap * 2) // ncols
        lines = {t.index: strength_line(self.app, self.classroom, t.index) for t in teams}
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
        self.app.pop()

    def on_back(self) -> None:
        self.app.pop()


def strength_line(app: App, classroom: Classroom, team: int) -> str:
    """A team's best theme, said only when it has one: never a score to be ashamed of."""
    strengths = classroom.strengths(team)
    if not classroom.answers():
        return _("Pas encore de question révélée.")
    if not strengths:
        return _("Pas de question pour cette équipe.")
    theme, right, asked = strengths[0]
    if right == 0:
        return _("Des questions à revoir ensemble.")
    title = app.content.themes[theme].title if theme in app.content.themes else theme
    return _("Point fort\u00a0: {theme} ({right}/{asked})").format(theme=title, right=right, asked=asked)


# -- debrief -----------------------------------------------------------------------------
DEBRIEF_PAGES = ("teams", "themes", "missed", "practices", "commitments")


class DebriefScene(TeamLabels, Scene):
    """The class's results: every team, per theme, the most-missed items, the seven good
    practices, and a commitment card each team chooses."""

    name = "class_debrief"

    def __init__(self, app: App, classroom: Classroom) -> None:
        super().__init__(app)
        self.classroom = classroom
        self.page = 0
        self.symbols: list = []
        self.bars: list[tuple[pygame.Rect, float]] = []

    def enter(self) -> None:
        record_class(self.app, self.classroom, finished=not self.classroom.ended_early)

    @property
    def screen_name(self) -> str:
        return f"class_debrief_{self.pages[self.page]}"

    @property
    def pages(self) -> tuple[str, ...]:
        """The debrief's pages; a class that played one theme (or none) has no page of themes to
        compare: its one figure is the teams page's."""
        if len(self.classroom.class_themes()) > 1:
            return DEBRIEF_PAGES
        return tuple(p for p in DEBRIEF_PAGES if p != "themes")

    def build(self, m: Metrics) -> None:
        self.symbols, self.bars = [], []
        area = m.content
        titles = {"teams": _("Bilan\u00a0: les équipes"), "themes": _("Bilan\u00a0: la classe, thème par thème"),
                  "missed": _("Bilan\u00a0: les questions les plus ratées"),
                  "practices": _("Les sept bonnes pratiques"), "commitments": _("Nos engagements")}
        page = self.pages[self.page]
        title = titles[page] + f"  ({self.page + 1}/{len(self.pages)})"
        head, area = take_top(area, heading_h(self, m, title, area.width), m.gap)
        self.text(title, head, m.heading, bold=True, valign="center")
        last = self.page == len(self.pages) - 1
        labels = [_("Précédent"), _("Réglages"), _("Terminer") if last else _("Suivant")]
        nav_rows = rows_for(self, m, labels, area.width)
        nav, area = take_bottom(area, band_height(m, nav_rows), m.gap * 2)
        getattr(self, f"_page_{page}")(m, area)
        left, middle, right = button_band(m, nav, 3, nav_rows)
        if self.page > 0:
            self.widgets.append(Button("previous", left, role="back", label=_("Précédent")))
        self.widgets.append(Button("settings", middle, role="open", label=_("Réglages")))
        self.widgets.append(Button("finish" if last else "next", right, role="next",
                                   label=_("Terminer") if last else _("Suivant"), style="primary"))

    def _page_teams(self, m: Metrics, area: pygame.Rect) -> None:
        teams = self.classroom.teams
        r = self.app.renderer
        stats = self.classroom.class_themes()
        right, asked = sum(s[1] for s in stats), sum(s[2] for s in stats)
        # The whole class first, in big type: every team counts, none is last.
        summary = _("Bravo à toutes les équipes\u00a0!")
        if asked:
            summary += "\n" + ngettext("Ensemble, la classe a donné {right} bonne réponse sur {asked}.",
                                        "Ensemble, la classe a donné {right} bonnes réponses sur {asked}.",
                                        right).format(right=right, asked=asked)
        lines = {t.index: strength_line(self.app, self.classroom, t.index) for t in teams}
        widest = ngettext("{n} point", "{n} points", 88).format(n=88)
        # As big as the page allows: a few teams in large type, eight in two columns.
        for big, size, detail in ((round(m.heading * 1.25), round(m.heading * 1.25), m.body),
                                  (m.heading, m.heading, m.body), (m.heading, m.body, m.small)):
            head_h = text_h(self, summary, area.width, big, True)
            rest = area.height - min(head_h, area.height // 3) - m.gap * 3
            longest = max(r.measure(t.name + " — " + widest, size, True) for t in teams) + round(size * 1.6)
            ncols = 2 if len(teams) > 4 and not m.portrait and 2 * longest + 2 * m.gap <= area.width else 1
            nrows = -(-len(teams) // ncols)
            col_w = (area.width - (ncols - 1) * m.gap * 2) // ncols
            line_h = max(text_h(self, t.name + " — " + widest, col_w - round(size * 1.6), size, True) for t in teams)
            detail_h = max(text_h(self, text, col_w, detail) for text in lines.values())
            row_h = line_h + detail_h + m.gap
            if nrows * (row_h + m.gap * 2) <= rest:
                break
        head, area = take_top(area, min(head_h, area.height // 3), m.gap * 3)
        self.text(summary, head, big, bold=True, valign="center")
        cols = columns(area, ncols, m.gap * 2)
        for t in teams:
            col = cols[t.index // nrows] if ncols > 1 else cols[0]
            cell = pygame.Rect(col.x, col.y + (t.index % nrows) * (row_h + m.gap * 2), col.width, row_h)
            line, detail_box = take_top(cell, line_h, m.gap // 2)
            pts = self.classroom.points(t.index)
            self.team_text(t, line, size, extra=ngettext("{n} point", "{n} points", pts).format(n=pts))
            self.text(lines[t.index], detail_box, detail, color="muted")

    def _page_themes(self, m: Metrics, area: pygame.Rect) -> None:
        stats = self.classroom.class_themes()
        if not stats:
            self.text(_("Aucune question révélée."), area, m.body)
            return
        titles = {t: self.app.content.themes[t].title if t in self.app.content.themes else t for t, _r, _a in stats}
        figures = {t: _("{rate} juste ({right}/{asked})").format(rate=fmt_percent(r / a), right=r, asked=a)
                   for t, r, a in stats}
        lead = self._themes_lead(stats, titles)
        stacked = m.portrait or area.width < m.body * 30  # narrow: the title above its bar
        label_w = area.width if stacked else area.width * 11 // 20
        bar_w = area.width if stacked else area.width - label_w - m.gap
        # As big as the page allows: a few themes in large type, all ten in small type.
        for lead_size, size, tall, gap in ((m.heading, m.heading, 2.0, m.gap * 2), (m.body, m.body, 2.0, m.gap * 2),
                                           (m.body, m.small, 2.0, m.gap), (m.body, m.small, 1.5, m.gap // 2)):
            lead_h = text_h(self, lead, area.width, lead_size, True)
            title_h = max(text_h(self, t, label_w, size) for t in titles.values())
            figure_h = max(text_h(self, f, bar_w * 2 // 5 - m.gap, size) for f in figures.values())
            row_h = (title_h + m.gap // 2 if stacked else 0) + max(figure_h, round(size * tall))
            if not stacked:
                row_h = max(title_h, row_h)
            if lead_h + m.gap * 3 + len(stats) * (row_h + gap) <= area.height:
                break
        lead_box, area = take_top(area, lead_h, m.gap * 3)
        self.text(lead, lead_box, lead_size, bold=True)
        y = area.y
        for theme, right, asked in stats:
            cell = pygame.Rect(area.x, y, area.width, row_h)
            if stacked:
                label, bar = take_top(cell, title_h, m.gap // 2)
            else:
                label, bar = take_left(cell, label_w, m.gap)
            self.text(titles[theme], label, size, valign="center")
            bar_box, figure = take_left(bar, bar.width * 3 // 5, m.gap)
            self.bars.append((pygame.Rect(bar_box.x, bar_box.centery - size // 2, bar_box.width, size), right / asked))
            self.text(figures[theme], figure, size, valign="center")
            y += row_h + gap

    @staticmethod
    def _themes_lead(stats: list[tuple[str, int, int]], titles: dict[str, str]) -> str:
        """What the class did best and what to go over together (themes sharing a rate are
        named together, or counted when there are more than two)."""
        rates = {t: r / a for t, r, a in stats}
        top, low = max(rates.values()), min(rates.values())
        if top == low:
            return _("Tous les thèmes à égalité\u00a0: {rate} juste.").format(rate=fmt_percent(top))

        def named(rate: float) -> tuple[int, str]:
            themes = [titles[t] for t, _r, _a in stats if rates[t] == rate]
            return len(themes), list_sep().join(themes)

        n, best = named(top)
        k, worst = named(low)
        best_text = (ngettext("Le mieux réussi\u00a0: {themes} ({rate} juste).",
                              "Les mieux réussis\u00a0: {themes} ({rate} juste).", n).format(themes=best, rate=fmt_percent(top))
                     if n <= 2 else _("{n} thèmes réussis à {rate}, le mieux de la classe.").format(n=n, rate=fmt_percent(top)))
        worst_text = (_("À revoir ensemble\u00a0: {themes} ({rate} juste).").format(themes=worst, rate=fmt_percent(low))
                      if k <= 2 else _("{n} thèmes à revoir ensemble ({rate} juste).").format(n=k, rate=fmt_percent(low)))
        return best_text + " " + worst_text

    def _page_missed(self, m: Metrics, area: pygame.Rect) -> None:
        missed = self.classroom.most_missed(3)
        if not missed:
            self.text(_("Aucune question ratée\u00a0: bravo à toute la classe."), area, m.heading, bold=True,
                      valign="center")
            return
        rows_ = []
        for qid, wrong, asked in missed:
            q = self.app.content.questions[qid]
            if q.type == "estimate":
                answer = _("La bonne réponse\u00a0: {answer}").format(answer=fmt_estimate(q.estimate, q.estimate.answer))
            else:
                right = [c.text for c in q.choices if c.correct]
                answer = (_("Les bonnes réponses\u00a0: {answer}") if len(right) > 1
                          else _("La bonne réponse\u00a0: {answer}")).format(answer=list_sep().join(right))
            said = ngettext("{wrong} équipe sur {asked} s'est trompée. ", "{wrong} équipes sur {asked} se sont trompées. ",
                            wrong).format(wrong=wrong, asked=asked)
            rows_.append((q.prompt, said + answer))
        gap = m.gap
        for size, detail in ((m.heading, m.body), (round(m.body * 1.1), m.body), (m.body, m.small)):
            items = [x for prompt, said in rows_ for x in ((prompt, size, "text", True), (said, detail, "muted", False))]
            gap = m.gap * 2 if size > m.body else m.gap
            need = sum(text_h(self, t, area.width, sz, b) for t, sz, _c, b in items) + gap * (len(items) - 1)
            if need <= area.height:
                break
        self.text_stack(items, area, gap, valign="top")

    def _page_practices(self, m: Metrics, area: pygame.Rect) -> None:
        practices = sorted(self.app.content.practices.values(), key=lambda p: p.rank)
        source = self.app.content.sources.get(practices[0].source) if practices else None
        if source is not None:
            src = _("Source\u00a0: {source}").format(source=source.short_label)
            src_box, area = take_bottom(area, text_h(self, src, area.width, m.small), m.gap)
            self.text(src, src_box, m.small, color="muted")
        # Seven practices: two columns in landscape (four, then three), so that all seven show.
        ncols = 2 if not m.portrait and area.width > m.body * 36 else 1
        boxes = columns(area, ncols, m.gap * 3)
        title_size = max(m.small, round(m.body * 0.85))

        def pieces(p) -> list:  # noqa: ANN001 - a Practice
            return [(f"{p.rank}. {p.title}", title_size, "text", True), (p.how, m.small, "muted", False)]

        def height(p) -> int:  # noqa: ANN001
            return sum(text_h(self, t, boxes[0].width, s, b) for t, s, _c, b in pieces(p)) + m.gap
        # Split where the two columns are closest in height, the order kept (1–3 | 4–7, say).
        heights = [height(p) for p in practices]
        cut = len(practices)
        if ncols == 2 and len(practices) > 1:
            cut = min(range(1, len(practices)), key=lambda k: abs(sum(heights[:k]) - sum(heights[k:])))
        for box, part in zip(boxes, (practices[:cut], practices[cut:])):
            self.text_stack([x for p in part for x in pieces(p)], box, max(4, m.gap // 2), valign="top")

    def _page_commitments(self, m: Metrics, area: pygame.Rect) -> None:
        teams = self.classroom.teams
        intro_h = self.app.renderer.fit(_("Chaque équipe choisit une carte d'engagement."), area.width, 10_000,
                                        m.body, m.body).height
        intro, area = take_top(area, intro_h, m.gap)
        self.text(_("Chaque équipe choisit une carte d'engagement."), intro, m.body, color="muted")
        ncols = 2 if len(teams) > 4 and not m.portrait else 1
        nrows = -(-len(teams) // ncols)
        cols = columns(area, ncols, m.gap * 2)
        r = self.app.renderer
        cards = self.app.content.takeaways
        text_w = cols[0].width - 2 * max(8, m.gap) - round(m.body * 1.5) - max(8, m.gap) // 2
        row_h = max(m.button_h, max(
            r.fit(t.name, text_w, 10_000, m.body, m.body, True).height
            + r.fit(cards[c].title if (c := self.classroom.commitments.get(t.index)) in cards else _("à choisir"),
                    text_w, 10_000, m.small, m.small).height for t in teams) + 2 * max(6, m.gap // 2) + 8)
        # Under the teams, when there is room, the cards offered: the class reads them while each
        # team makes up its mind.
        offered = [cards[c] for c in self.classroom.commitment_choices(4) if c in cards]
        teams_h = nrows * (row_h + m.gap)
        for full in (True, False):  # each card with its text, or its title alone
            pieces = [(_("Les cartes proposées\u00a0:"), m.body, "text", True)] + [
                ("\u2022 " + (_("{label}\u00a0: {value}").format(label=c.title, value=c.text) if full else c.title),
                 m.small, "muted", False)
                for c in offered]
            list_h = sum(text_h(self, t, area.width, sz, b) for t, sz, _c, b in pieces) + m.gap * (len(pieces) - 1)
            if offered and teams_h + m.gap * 2 + list_h <= area.height:
                self.text_stack(pieces, pygame.Rect(area.x, area.y + teams_h + m.gap * 2, area.width, list_h),
                                m.gap, valign="top")
                break
        for t in teams:
            col = cols[t.index // nrows] if ncols > 1 else cols[0]
            cell = pygame.Rect(col.x, col.y + (t.index % nrows) * (row_h + m.gap), col.width, row_h)
            card = self.classroom.commitments.get(t.index)
            label = cards[card].title if card in cards else _("à choisir")
            self.widgets.append(Button(f"commit:{t.index}", cell, role="open", label=t.name, detail=label,
                                       style="choice", team_symbol=t.symbol, team_color=team_color(self.app, t)))

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        self.paint_symbols(surface)
        p = self.app.palette
        for rect, rate in self.bars:
            pygame.draw.rect(surface, p.bar_track, rect, border_radius=3)
            filled = pygame.Rect(rect.x, rect.y, round(rect.width * rate), rect.height)
            pygame.draw.rect(surface, p.bar, filled, border_radius=3)
            pygame.draw.rect(surface, p.border, rect, width=1, border_radius=3)

    def default_focus(self) -> str:
        return "finish" if self.page == len(self.pages) - 1 else "next"

    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        if wid == "next":
            self._go(self.page + 1)
        elif wid == "previous":
            self._go(self.page - 1)
        elif wid == "settings":
            self.app.open_settings()
        elif wid == "finish":
            waiting = [t for t in self.classroom.teams if t.index not in self.classroom.commitments]
            if waiting:  # a team still « à choisir »: say so before ending; « Non » leads to the first of them
                self.focus_id = f"commit:{waiting[0].index}"
                self.app.push(ConfirmScene(self.app, N_(
                    "Certaines équipes n'ont pas choisi d'engagement. Terminer quand même\u00a0?"), on_yes=self._end))
            else:
                self._end()
        elif wid.startswith("commit:"):
            self.app.push(CommitScene(self.app, self.classroom, int(wid.split(":")[1]), self.invalidate))

    def _end(self) -> None:
        end_class_game(self.app)

    def _go(self, page: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, page))
        self.focus_id = None
        self.scroll = 0
        self.invalidate()

    def on_back(self) -> None:
        if self.page > 0:
            self._go(self.page - 1)

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.id in ("next", "finish") or w.id.startswith("commit:")]


class CommitScene(TeamLabels, Scene):
    """One team picks its commitment among the cards of the class's weakest themes."""

    name = "class_commit"

    def __init__(self, app: App, classroom: Classroom, team: int, done) -> None:  # noqa: ANN001
        super().__init__(app)
        self.classroom = classroom
        self.team_index = team
        self.done = done
        self.symbols: list = []

    def build(self, m: Metrics) -> None:
        self.symbols = []
        team = next(t for t in self.classroom.teams if t.index == self.team_index)
        area = m.content
        head, area = take_top(area, heading_h(self, m, team.name + " — " + _("votre engagement"),
                                              area.width - round(m.heading * 1.6)), m.gap)
        self.team_text(team, head, m.heading, extra=_("votre engagement"))
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        cards = [self.app.content.takeaways[c] for c in self.classroom.commitment_choices(4)]
        ncols = 2 if not m.portrait and len(cards) > 2 else 1
        nrows = -(-len(cards) // ncols)
        cols = columns(area, ncols, m.gap * 2)
        for i, card in enumerate(cards):
            cell = rows(cols[i % ncols], nrows, m.gap * 2)[i // ncols]
            scope = _("Ce que tu peux faire dès demain") if card.scope == "me" else _("Ce que ta classe, ta commune peut faire")
            self.widgets.append(Button(f"card:{card.id}", cell, role="answer", label=card.title,
                                       detail=f"{scope}. {card.text}", style="choice", pick_index=i,
                                       selected=self.classroom.commitments.get(self.team_index) == card.id))
        back = pygame.Rect(nav.x, nav.y, min(nav.width, m.body * 10), nav.height)
        self.widgets.append(Button("back", back, role="back", label=_("Retour")))

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        self.paint_symbols(surface)

    def on_activate(self, widget: Widget) -> None:
        if widget.id.startswith("card:"):
            self.classroom.commitments[self.team_index] = widget.id.split(":", 1)[1]
        self.app.pop()
        self.done()

    def on_back(self) -> None:
        self.app.pop()
