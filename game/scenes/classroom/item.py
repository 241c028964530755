"""One class item at the projector: the header (progress, whose turn, the timer), the buttons of
its phase, and the facilitator's input turned into the run's intents. What the phases draw is in
ask.py and reveal.py; what changed is read from the run's events (``sync``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game import input as inp
from game.classroom import Classroom, Team
from game.flow import classrun as flow
from game.flow.classrun import ClassRun
from game.i18n import _
from game.scenes.base import Scene
from game.scenes.classroom.ask import AskView
from game.scenes.classroom.common import (
    ProjectorType, RunConfirm, SizedButton, TeamLabels, end_class_game, public_view, run_of,
)
from game.scenes.classroom.debrief import DebriefScene
from game.scenes.classroom.marks import CHOICE_LETTERS, badge_box, draw_mark
from game.scenes.classroom.pads import link_of
from game.scenes.classroom.overlays import KEYS, ClassMenuScene, HelpScene, ScoresScene
from game.scenes.classroom.reveal import RevealView
from game.session import ordered_choices
from game.ui.layout import Metrics, take_bottom, take_top
from game.ui.widgets import Slider, Widget, draw_check

if TYPE_CHECKING:
    from game.scenes.context import Context


def next_scene(ctx: Context, run: ClassRun) -> Scene:
    if not run.finished:
        return ClassItemScene(ctx, run)
    if run.before_debrief is not None:  # the measure's check after the game, then the debrief
        return run.before_debrief(ctx)
    return DebriefScene(ctx, run)


class ClassItemScene(ProjectorType, AskView, RevealView, TeamLabels, Scene):
    """One item for the whole class: ask (teams answer), reveal, then an optional debate."""

    name = "class_item"

    def __init__(self, ctx: Context, game: ClassRun | Classroom) -> None:
        super().__init__(ctx)
        self.run = run_of(ctx, game)
        self._seen = len(self.run.events)  # the run's events this screen has drawn
        self.symbols: list = []
        self.marks: list[tuple[pygame.Rect, bool | None]] = []
        self._shown_seconds = -1
        self.timer_rect = pygame.Rect(0, 0, 0, 0)
        self.pads = link_of(self.run)  # the class's answer pads, when the game plays with them
        if self.pads is not None:
            self.pads.attach()  # before the screen it replaces leaves: the server goes on

    # -- the run's state, as the views and the tests read it -----------------------------
    @property
    def classroom(self) -> Classroom:
        return self.run.classroom

    @property
    def phase(self) -> str:
        return self.run.phase

    @phase.setter
    def phase(self, phase: str) -> None:  # a layout check shows a phase without playing to it
        self.run.preview(phase, self.run.notes_shown)
        self.sync()

    @property
    def notes_shown(self) -> bool:
        return self.run.notes_shown

    @notes_shown.setter
    def notes_shown(self, shown: bool) -> None:
        self.run.preview(self.run.phase, shown)
        self.sync()

    @property
    def reveal_page(self) -> str:
        return self.run.reveal_page

    @reveal_page.setter
    def reveal_page(self, page: str) -> None:  # a layout check shows a page without playing to it
        self.run.preview(self.run.phase, self.run.notes_shown, page)
        self.sync()

    @property
    def current(self) -> int:
        return self.run.current

    @current.setter
    def current(self, team: int) -> None:
        self.run.select_team(team)
        self.sync()

    @property
    def timer(self):  # noqa: ANN201 - the run's Timer
        return self.run.timer

    @property
    def screen_name(self) -> str:
        return f"class_{self.phase}"

    @property
    def step(self):  # noqa: ANN201
        return self.run.step

    @property
    def item(self):  # noqa: ANN201 - in the language shown now (the run keys on ids)
        c = self.ctx.content
        return c.questions[self.step.id] if self.step.kind == "question" else c.scenarios[self.step.id]

    @property
    def choices(self) -> list:  # noqa: ANN201
        """The item's choices in the order the projector shows them: the session's, for a question."""
        return ordered_choices(self.item, self.step) if self.step.kind == "question" else list(self.item.choices)

    def all_answered(self) -> bool:
        return self.run.all_answered()

    def team(self, index: int) -> Team:
        return self.run.team(index)

    def projector_key(self) -> tuple:
        run = self.run
        if run.finished:
            return (self.phase,)
        return (self.phase, run.reveal_page, public_view(self.ctx), run.timer.running, run.step_index, self.notes_shown, run.card_choice,
                len(run.classroom.entries.get(run.step_index, {})), len(run.draft()), run.all_in)

    def abandon(self) -> bool:
        self.run.abandon(confirmed=True)  # what was revealed is kept as an abandoned game
        return True

    def exit(self) -> None:
        if self.pads is not None:
            self.pads.detach()  # the last class screen of the run gone (back to the title): stop

    # -- the pads --------------------------------------------------------------------------
    def pump_pads(self) -> None:
        """Read the pads (each frame, and when their wake-up event arrives): majorities in through
        the run, the facilitator pad's controls for this item, the state out."""
        pads = self.pads
        if pads is None or pads.server is None:
            return
        changed = pads.pump(self.ctx.language)
        for action in pads.controls():
            if action == "reveal":
                self.run.reveal(confirmed=True)  # pressed on the facilitator's own pad: no question
            elif action == "next":
                self.run.next() if self.phase != "ask" else self.run.reveal(confirmed=True)
            elif action == "pause":
                self.ctx.push(ClassMenuScene(self.ctx, self))
            changed = True
        if changed:
            self.sync()
            self.invalidate()
            self.ctx.request_redraw()
        pads.publish()

    def pad_resume(self) -> bool:
        """The menu is open over this item: did the facilitator pad ask to resume?"""
        pads = self.pads
        if pads is None or pads.server is None:
            return False
        pads.pump(self.ctx.language)
        return "resume" in pads.controls()

    # -- what changed ----------------------------------------------------------------------
    def sync(self) -> None:
        """Draw what the run's new events say: a turn, an answer, a phase, a question to ask,
        the next item, the end."""
        if self not in self.ctx.stack:  # a screen built for a check, or one already replaced
            return
        events = self.run.events[self._seen:]
        self._seen = len(self.run.events)
        for e in events:
            if isinstance(e, flow.TurnChanged) and e.passed:
                if e.team is None:
                    self.focus_id = "reveal"
                elif self.focus_id and self.focus_id.startswith("choice:"):
                    # Still among the answers for the next team, but back on the first one: the ring
                    # must not mark the answer the last team chose.
                    self.focus_id = f"choice:{self.choices[0].id}"
                elif self.focus_id and not self.focus_id.startswith(("slider", "minus", "plus")):
                    self.focus_id = None  # keep the focus on the answers while keying them in
            elif isinstance(e, flow.Revealed):
                self.ctx.audio.play("right")
            elif isinstance(e, flow.PhaseChanged) and e.phase in ("ask", "reveal", "debate") \
                    or isinstance(e, flow.RevealPageChanged):
                self.dragging = None  # a finger still on the slider must not answer after the reveal
                self.pressed_id = None
                self.focus_id = None
                self.scroll = 0
            elif isinstance(e, flow.TimerChanged):
                self._shown_seconds = -1
            elif isinstance(e, flow.ConfirmationAsked):
                self.ctx.push(RunConfirm(self.ctx, self.run, e.question, self.sync))
                return  # the rest is drawn once it is answered
            elif isinstance(e, (flow.ItemStarted, flow.DebriefStarted)):
                self._seen = len(self.run.events)
                self.ctx.replace(next_scene(self.ctx, self.run))
                return
            elif isinstance(e, flow.GameOver):
                end_class_game(self.ctx)
                return
        if events:
            self.invalidate()
            self.ctx.request_redraw()

    # -- layout ------------------------------------------------------------------------
    def build(self, m: Metrics) -> None:
        self.symbols = []
        self.marks = []
        self.spread_bars = []
        self.ticks = []
        if self.phase not in ("ask", "reveal", "debate"):
            # The game is over (a quit or a kiosk reset abandoned it) while this screen is still on
            # the stack: a redraw before it goes shows a plain page, nothing left to answer.
            self.text(_("Partie terminée."), m.content, m.heading, bold=True, align="center", valign="center")
            return
        # With the facilitator's own window (ctx.console), the projector is the room's: no control.
        self.public = public_view(self.ctx)
        area = self._header(m, [] if self.public else self._nav_buttons())
        getattr(self, f"_build_{self.phase}")(m, area)

    def _control_metrics(self, m: Metrics) -> Metrics:
        """The facilitator's buttons keep the solo scale: the room reads the item, not « Menu »."""
        solo = getattr(self, "solo_metrics", m)
        return solo if solo.body < m.body else m

    def _header(self, m: Metrics, buttons: list[tuple[str, str, str]]) -> pygame.Rect:
        """One line on top: the progress (and whose answer is keyed, when it fits), the timer and
        the facilitator's buttons at the solo scale; when they do not fit beside the progress, the
        buttons go to a band at the bottom. Returns the room left for the phase."""
        r = self.ctx.renderer
        cm = self._control_metrics(m)
        area = m.content
        controls = buttons + [("help", _("Aide"), "secondary"), ("menu", _("Menu"), "secondary")] if buttons else []
        widths = [max(round(cm.body * 4), r.measure(label, cm.body, True) + 2 * max(8, cm.gap) + cm.gap)
                  for _w, label, _s in controls]
        n, total = self.classroom.session.position_of_current()
        label = (_("Question {n} / {total}") if self.step.kind == "question" else _("Situation {n} / {total}")).format(
            n=n, total=total)
        # Whose answer is keyed next; once every team has answered, nobody's (the room must not learn
        # which team chose what before the reveal). Not on the room's view: the console says it.
        who = ""
        if self.phase == "ask" and not self.public:
            alone = len(self.run.teams_for_current()) == 1  # in turns: the one team whose turn it is
            who = ((_("L'équipe a répondu.") if alone else _("Toutes les équipes ont répondu.")) if self.all_answered()
                   else _("réponse de\u00a0: {team}").format(team=self.team(self.current).name))
            if self.run.kind == "ordering" and self.run.draft() and not self.all_answered():
                who = self.order_keyed()  # « Classement de … : 3, 1… »: whose order, and the keys so far
        timer_on = self.timer.enabled and self.phase == "ask"
        paused = "" if self.timer.running else " " + _("(en pause)")  # a pause lays the page out again
        timer_w = r.measure(_("{s}\u00a0s").format(s="000") + paused, m.body, True) if timer_on else 0
        row_h = max(cm.button_h if controls else 0, r.line_height(m.small, True) + 4,
                    r.line_height(m.body, True) if timer_on else 0)
        top, area = take_top(area, row_h, m.gap)
        label_w = r.measure(label, m.small, True)
        controls_w = sum(widths) + cm.gap * max(0, len(controls) - 1)
        in_row = label_w + (timer_w + m.gap if timer_w else 0) + controls_w + m.gap <= top.width
        if controls and not in_row:  # a band at the bottom, right-aligned, wrapped in rows as needed
            rows_: list[list[int]] = [[]]
            for i, w in enumerate(widths):
                used = sum(widths[j] for j in rows_[-1]) + cm.gap * len(rows_[-1])
                if rows_[-1] and used + w > area.width:
                    rows_.append([])
                rows_[-1].append(i)
            band_h = len(rows_) * cm.button_h + (len(rows_) - 1) * cm.gap
            band, area = take_bottom(area, band_h, m.gap * 2)
            for k, row in enumerate(rows_):
                x = band.right - (sum(widths[j] for j in row) + cm.gap * (len(row) - 1))
                for j in row:
                    self._control(controls[j], pygame.Rect(x, band.y + k * (cm.button_h + cm.gap), widths[j],
                                                           cm.button_h), cm)
                    x += widths[j] + cm.gap
            controls_w = 0
        else:
            x = top.right - controls_w
            for c, w in zip(controls, widths):
                self._control(c, pygame.Rect(x, top.y + (row_h - cm.button_h) // 2, w, cm.button_h), cm)
                x += w + cm.gap
        right = top.right - controls_w - (m.gap if controls_w else 0)
        self.timer_rect = pygame.Rect(right - timer_w, top.y, timer_w, row_h)
        label_box = pygame.Rect(top.x, top.y, self.timer_rect.x - top.x - m.gap, row_h)
        # A several-answer question says so beside the progress when the row has room (the room's
        # view has no buttons there), else on a line of its own above the answers (ask.py).
        self.hint_in_header = False
        hint = self.multiple_hint() if self.phase == "ask" else ""
        if hint and r.measure(label + " — " + hint, m.small, True) <= label_box.width:
            label, self.hint_in_header = label + " — " + hint, True
        if who and r.measure(label + " — " + who, m.small, True) <= label_box.width:
            label, who = label + " — " + who, ""
        self.text(label, label_box, m.small, bold=True, valign="center")
        if who and self.run.kind == "ordering" and self.run.draft():
            # The order keyed so far has no other place: a line of its own. Whose turn it is, the
            # team's chip says (it is marked).
            line, area = take_top(area, r.fit(who, area.width, 10_000, m.small, m.small, True).height, m.gap)
            self.text(who, line, m.small, bold=True)
        return area

    def _control(self, spec: tuple[str, str, str], rect: pygame.Rect, cm: Metrics) -> None:
        wid, label, style = spec
        role = "next" if style == "primary" else {"help": "open", "menu": "back"}.get(wid, "open")
        self.widgets.append(SizedButton(wid, rect, role=role, label=label, style=style, own=cm))

    def _nav_buttons(self) -> list[tuple[str, str, str]]:
        if self.phase == "ask":
            if self.run.kind == "multiple":  # ticks, then « Valider »
                return [("skip", _("Passer"), "secondary"), ("validate", _("Valider"), "secondary"),
                        ("reveal", _("Révéler"), "primary")]
            return [("skip", _("Passer"), "secondary"), ("reveal", _("Révéler"), "primary")]
        if self.phase == "reveal":
            why = self.run.reveal_page == "why"
            # The answer page leads to « Pourquoi ? » (the explanation); « why » to what follows,
            # and back to the answer page (« Retour ») rather than to the answers (« Corriger »).
            buttons = [("correct", _("Retour") if why else _("Corriger"), "secondary"),
                       ("scores", _("Scores"), "secondary")]
            if self.item.debate:
                buttons.append(("debate", _("Débat"), "secondary"))
            return buttons + [("next", _("Suivant") if why else _("Pourquoi\u00a0?"), "primary")]
        return [("back", _("Retour"), "secondary"),
                ("notes", _("Cacher les notes") if self.notes_shown else _("Notes"), "secondary"),
                ("next", _("Suivant"), "primary")]

    def default_focus(self) -> str | None:
        if public_view(self.ctx):
            return None  # the room's view: nothing to press, and no ring that could point at an answer
        if self.phase == "ask":  # never an answer: Enter or Space must not answer for a team
            return "reveal" if self.run.all_entered() else f"team:{self.current}"
        return "next"

    # -- drawing -----------------------------------------------------------------------
    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        self.paint_symbols(surface)
        p = self.ctx.palette
        m = self.metrics
        for w in self.widgets:  # each choice's shape and colour, as on the pads
            if w.id.startswith("choice:") and w.pick_index is not None:
                draw_mark(surface, badge_box(w.rect, m.body, m.gap), w.pick_index, p.border)
        if self.phase == "reveal":
            self.paint_marks(surface)
            self.paint_spread(surface)
        for rect in getattr(self, "ticks", []):  # the room's view: a team has answered
            draw_check(surface, rect, p.right, max(3, rect.width // 7))
        if self.timer.enabled and self.phase == "ask" and self.timer_rect.width:
            text = _("{s}\u00a0s").format(s=self.run.seconds_left()) + (
                "" if self.timer.running else " " + _("(en pause)"))
            img = self.ctx.renderer.render(text, self.metrics.body, p.text, True)
            surface.blit(img, img.get_rect(midright=self.timer_rect.midright))

    def update(self, dt: float) -> bool:
        self.pump_pads()
        self.run.tick()  # at zero, the item reveals itself
        self.sync()
        if self.phase == "ask" and self.timer.enabled:
            shown = self.run.seconds_left()
            if shown != self._shown_seconds:
                self._shown_seconds = shown
                self.ctx.request_redraw()
        return False

    def pause(self) -> None:
        self.run.pause()
        if self.pads is not None:
            self.pads.paused = True  # the facilitator pad offers « resume »
            self.pads.publish()

    def resume(self) -> None:
        super().resume()
        self.run.resume()
        if self.pads is not None:
            self.pads.paused = False
        self.pump_pads()
        self.sync()

    # -- input: intents for the run ----------------------------------------------------------
    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.PADS:
            self.pump_pads()
            return
        if intent.kind == inp.CONFIRM and public_view(self.ctx) and self.phase in ("reveal", "debate"):
            self.command("next")  # the room's view has no button: Enter goes on, as « Suivant » does
            return
        if intent.kind == inp.HELP:
            self.ctx.push(HelpScene(self.ctx))
        elif intent.kind == inp.ERASE:
            self.command("back")
        elif intent.kind == inp.TEXT:
            letter = intent.text.upper()
            if self.phase == "ask" and letter in CHOICE_LETTERS[:min(4, len(self.choices))]:
                self.run.pick(CHOICE_LETTERS.index(letter))  # A–D: the choice with that letter, as on the pads
            else:
                command = KEYS.get(intent.text.lower())
                if command:
                    self.command(command)
        elif intent.kind == inp.DIGIT and self.phase == "ask" and self.run.kind == "ordering" \
                and 5 <= (intent.index or 0) <= len(self.choices):
            self.run.pick(intent.index - 1)  # an ordering of 5 or 6 items: keys 5 and 6 (1–4 come as PICK)
        elif intent.kind == inp.PICK and self.phase in ("ask", "reveal"):
            self.run.pick(intent.index or 0)  # keys 1–4: by the place on screen, the run keys on ids
        else:
            super().handle(intent)
        self.sync()

    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        if wid.startswith("choice:"):
            self.run.choose(wid.split(":", 1)[1])
        elif wid.startswith("team:"):
            self.run.select_team(int(wid.split(":")[1]))
        elif wid.startswith("card:"):
            self.run.show_choice(wid.split(":", 1)[1])
        elif wid in ("minus", "plus"):
            slider = self.widget("slider")
            if isinstance(slider, Slider) and self.run.answering:
                slider.nudge(-1 if wid == "minus" else 1)
                self.on_slider(slider)
        elif wid in ("slider", "validate"):
            self.run.validate()  # an estimate whose slider never moved is refused
        else:
            self.command({"correct": "back", "help": "help", "menu": "pause"}.get(wid, wid))
        self.sync()

    def on_slider(self, slider: Slider) -> None:
        self.run.set_estimate(slider.value)
        self.sync()

    def on_back(self) -> None:
        self.command("pause")

    def command(self, name: str) -> None:
        """A facilitator action, from a key, a button or the menu."""
        run = self.run
        if name == "help":
            self.ctx.push(HelpScene(self.ctx))
        elif name == "pause":
            self.ctx.push(ClassMenuScene(self.ctx, self))
        elif name == "scores":
            self.ctx.push(ScoresScene(self.ctx, run))
        else:
            action = {"reveal": run.reveal, "next": run.next, "debate": run.debate, "notes": run.toggle_notes,
                      "back": run.back, "extend": run.extend, "skip": run.skip, "end": run.end,
                      "abandon": run.abandon}.get(name)
            if action is not None:
                action()
        self.sync()

    def bot_targets(self) -> list[Widget]:
        return self.next_presses(super().bot_targets())

    def next_presses(self, targets: list[Widget]) -> list[Widget]:
        """Of ``targets`` (this screen's widgets, or the facilitator's window's with the same ids),
        those a facilitator would press next (autoplay)."""
        if self.phase == "ask":
            if self.run.all_entered():
                return [w for w in targets if w.id == "reveal"]
            if self.run.answered(self.current):  # several answers ticked, an estimate moved: on
                keep = ("validate",) if self.run.kind == "estimate" else ()
                return [w for w in targets if w.id in keep or (w.id.startswith("team:")
                        and not self.run.answered(int(w.id.split(":")[1])))]
            return [w for w in targets if w.id.startswith("choice:") or w.id in ("plus", "minus")]
        return [w for w in targets if w.id in ("next", "debate", "notes", "scores")]
