"""The facilitator's own window (issue 17): on the computer's second screen, while the projector
shows the public view. It shows what only the facilitator should see — the item's right answer,
the notes and the source, what comes next, who has answered (never what) — and holds the
controls: the keyed answers of the teams, reveal, next, skip, the debate, the scores, the menu.

It draws a ``ConsoleScene`` into a ``pygame.Window`` of its own. Its buttons carry the ids of the
item screen's (``choice:<id>``, ``team:<n>``, ``reveal``, ``next``…) and are handed to that screen's
``on_activate``, so both windows play through the same intents of the class run; over any other
class screen (the scores, the menu, a confirmation, the debrief) it offers that screen's buttons.
Letters, digits and Échap typed on it go to the game as if typed on the projector's window.

The App opens it (``wanted``) when a class game on the stack asks for it (``ClassConfig.console``:
« auto » with two screens or more, « on » always) and closes it once no class game is on the
stack, or when its own close button was used (not again for that game).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pygame

from game import input as inp
from game.flow.classrun import ClassRun
from game.i18n import _, ngettext
from game.qtypes import qtype
from game.scenes.base import Scene
from game.scenes.classroom.common import TeamLabels, band_height, button_band, rows_for, team_color, text_h
from game.scenes.classroom.marks import letter_of
from game.scenes.question import slider_start
from game.session import ordered_choices
from game.ui.layout import Metrics, take_bottom, take_left, take_top
from game.ui.widgets import Button, Widget

if TYPE_CHECKING:
    from game.scenes.context import Context

SIZE = (1280, 800)  # a laptop's screen; the window is resizable and goes full screen with F11
# Intents that mean the same on either window: the item's keys (A–D, 1–4, R, N…), Échap, F1.
FORWARDED = (inp.TEXT, inp.PICK, inp.DIGIT, inp.ERASE, inp.HELP, inp.BACK, inp.SETTINGS)


def class_run(stack: Sequence[Any]) -> ClassRun | None:
    """The class run of the top-most class screen of ``stack``, if any."""
    for scene in reversed(stack):
        run = getattr(scene, "run", None)
        if isinstance(run, ClassRun) and not run.finished:
            return run
    return None


def wanted(stack: Sequence[Any], displays: Callable[[], int]) -> ClassRun | None:
    """The class run whose game asks for the facilitator's window now, given how many screens
    the computer has (asked only for a game set to « auto »); None when no window should be open."""
    run = class_run(stack)
    if run is None:
        return None
    mode = getattr(run.config, "console", "off")
    return run if mode == "on" or (mode == "auto" and displays() >= 2) else None


class _ConsoleContext:
    """The App as the console's scene sees it: its own window's size; everything else shared."""

    def __init__(self, app: Any, console: Console) -> None:
        self._app = app
        self._console = console

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)

    def surface_size(self) -> tuple[int, int]:
        return self._console.size

    def game_size(self) -> tuple[int, int]:
        """The projector's window (the screen whose buttons are offered here is laid out for it)."""
        return self._app.surface_size()

    def speak(self, text: str) -> None:
        """Read aloud stays the projector's (one voice in the room)."""


class Console:
    """The facilitator's window and the scene it draws."""

    def __init__(self, app: Any, run: ClassRun, window: Any) -> None:
        self.app = app
        self.run = run
        self.window = window
        self.closed = False
        self.fullscreen = False
        self.scene = ConsoleScene(_ConsoleContext(app, self), self)
        app.mapper.window_sizes[self.window_id] = self.size

    @classmethod
    def open(cls, app: Any, run: ClassRun) -> Console:
        """A window on another screen than the game's when there is one, else beside it."""
        position: Any = pygame.WINDOWPOS_CENTERED
        displays = pygame.display.get_num_displays()  # the real ones (app.screens may pretend)
        if displays >= 2:
            # The game's window is on the screen whose left edge its position passes (screens side
            # by side, as SDL numbers them): the facilitator's goes on the first other one.
            x = pygame.display.get_window_position()[0]
            widths = [w for w, _h in pygame.display.get_desktop_sizes()]
            edges = [sum(widths[:i]) for i in range(len(widths))]
            game_display = max((i for i, e in enumerate(edges) if x >= e), default=0)
            other = next(i for i in range(displays) if i != game_display)
            centred = 0x2FFF0000 | other  # SDL_WINDOWPOS_CENTERED_DISPLAY(other)
            position = (centred, centred)
        window = pygame.Window(_("Numérique en jeu — animateur·trice"), SIZE, position=position, resizable=True)
        return cls(app, run, window)

    @property
    def window_id(self) -> int:
        return self.window.id

    @property
    def size(self) -> tuple[int, int]:
        return tuple(self.window.size)  # type: ignore[return-value]

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.CLOSE:
            self.closed = True  # the App closes it at the end of the frame
        elif intent.kind == inp.FULLSCREEN:
            # Full screen only on a screen of its own: on the game's screen it would cover the
            # projector's view (and SDL changes the game window's surface under it).
            if self.fullscreen or pygame.display.get_num_displays() >= 2:
                self.fullscreen = not self.fullscreen
                if self.fullscreen:
                    self.window.set_fullscreen(desktop=True)
                else:
                    self.window.set_windowed()
                self.app.screen = pygame.display.get_surface() or self.app.screen
            else:
                self.window.maximize()
        elif intent.kind in (inp.RESIZE, inp.REDRAW):
            self.app.mapper.window_sizes[self.window_id] = self.size
            self.scene.invalidate()
        elif intent.kind in FORWARDED:
            self.app.dispatch(intent)  # as if typed on the projector's window
        elif intent.kind != inp.QUIT:
            self.scene.handle(intent)
        self.app.request_redraw()

    def draw(self) -> None:
        surface = self.window.get_surface()
        self.scene.refresh()
        self.scene.draw(surface)
        self.window.flip()

    def close(self) -> None:
        self.app.mapper.window_sizes.pop(self.window_id, None)
        self.window.destroy()


class ConsoleScene(TeamLabels, Scene):
    """What the facilitator's window shows: over an item, the item as the facilitator needs it;
    over another class screen, that screen's buttons."""

    name = "class_console"

    def __init__(self, ctx: Context, console: Console) -> None:
        super().__init__(ctx)
        self.console = console
        self.symbols: list = []
        self._state: tuple | None = None

    # -- what is shown -------------------------------------------------------------------------
    @property
    def app_stack(self) -> Sequence[Any]:
        return self.ctx.stack

    def target(self) -> Any:
        """The screen the buttons act on: the projector's top screen."""
        return self.app_stack[-1] if self.app_stack else None

    def item_scene(self) -> Any:
        """The class item screen, when it is the projector's top screen."""
        top = self.target()
        return top if getattr(top, "name", "") == "class_item" else None

    def state(self) -> tuple:
        top = self.target()
        item = self.item_scene()
        if item is not None:
            run = item.run
            pads = item.pads.counts() if item.pads is not None else {}
            return ("item", id(top), item.projector_key(), run.current, tuple(run.draft()),
                    tuple(sorted(pads.items())), run.seconds_left() if run.timer.enabled else 0)
        if top is None:
            return ("none",)
        top.ensure_layout(self.ctx.game_size())
        labels = tuple((w.id, getattr(w, "label", ""), w.enabled) for w in top.widgets if isinstance(w, Button))
        return ("other", id(top), labels)

    def refresh(self) -> None:
        """Lay out again when what the projector shows changed."""
        state = self.state()
        if state != self._state:
            self._state = state
            self._built_for = None

    # -- layout ------------------------------------------------------------------------------
    def build(self, m: Metrics) -> None:
        self.symbols = []
        item = self.item_scene()
        if item is not None and item.phase in ("ask", "reveal", "debate"):
            self._build_item(m, item)
        else:
            self._build_mirror(m)

    def _build_item(self, m: Metrics, scene: Any) -> None:
        run: ClassRun = scene.run
        area = m.content
        n, total = run.classroom.session.position_of_current()
        phase = {"ask": _("les équipes répondent"), "debate": _("débat"),
                 "reveal": _("réponse montrée") if run.reveal_page == "answer" else _("pourquoi")}[scene.phase]
        label = (_("Question {n} / {total}") if run.step.kind == "question" else _("Situation {n} / {total}")).format(
            n=n, total=total) + " — " + phase
        if scene.phase == "ask" and run.answering and not run.all_answered():
            label += " — " + _("réponse de\u00a0: {team}").format(team=run.team(run.current).name)
        if run.timer.enabled and scene.phase == "ask":
            label += " — " + _("{s}\u00a0s").format(s=run.seconds_left()) + (
                "" if run.timer.running else " " + _("(en pause)"))
        head, area = take_top(area, text_h(self, label, area.width, m.small, True), m.gap)
        self.text(label, head, m.small, bold=True)
        buttons = scene._nav_buttons() + [("menu", _("Menu"), "secondary")]
        labels = [b[1] for b in buttons]
        nav_rows = rows_for(self, m, labels, area.width)
        nav, area = take_bottom(area, band_height(m, nav_rows), m.gap * 2)
        for (wid, text, style), cell in zip(buttons, button_band(m, nav, len(buttons), nav_rows)):
            self.widgets.append(Button(wid, cell, role="next" if style == "primary" else "open", label=text,
                                       style=style))
        wide = not m.portrait and area.width >= m.body * 30
        if wide:
            left, right = take_left(area, (area.width - m.gap * 3) * 3 // 5, m.gap * 3)
        else:
            left, right = area, None
        y = self._build_answers(m, scene, left)
        teams_box = right if right is not None else pygame.Rect(left.x, y, left.width, left.bottom - y)
        y_teams = self._build_teams(m, scene, teams_box)
        if right is None:
            notes_box = pygame.Rect(left.x, y_teams, left.width, left.bottom - y_teams)
        else:  # under the answers, or under the teams when more room is left there
            notes_box = max(pygame.Rect(left.x, y, left.width, left.bottom - y),
                            pygame.Rect(right.x, y_teams, right.width, right.bottom - y_teams),
                            key=lambda r: r.width * r.height)
        self._build_notes(m, scene, notes_box)

    def _build_answers(self, m: Metrics, scene: Any, box: pygame.Rect) -> int:
        """The item and its choices, the right ones said in words; keyed answers while the teams
        answer. Returns the y under them."""
        run: ClassRun = scene.run
        item = scene.item
        question = run.step.kind == "question"
        prompt = item.prompt if question else item.title
        h = text_h(self, prompt, box.width, m.body, True)
        self.text(prompt, pygame.Rect(box.x, box.y, box.width, h), m.body, bold=True)
        y = box.y + h + m.gap
        if question and item.type == "estimate":
            words = _("La bonne réponse\u00a0: {value}").format(value=scene._fmt(item.estimate.answer))
            h = text_h(self, words, box.width, m.small, True)
            self.text(words, pygame.Rect(box.x, y, box.width, h), m.small, bold=True, color="right")
            y += h + m.gap
            if scene.phase == "ask" and run.answering:
                entry = run.entry(run.current)
                now = (_("Valeur saisie\u00a0: {value}").format(value=scene._fmt(entry.answer.value)) if entry
                       else _("Valeur saisie\u00a0: aucune (le curseur n'a pas bougé)"))
                row = pygame.Rect(box.x, y, box.width, m.button_h)
                for wid, text, cell in zip(("minus", "plus", "validate"), ("−", "+", _("Valider")),
                                           button_band(m, row, 3, 1)):
                    self.widgets.append(Button(wid, cell, role="adjust", label=text))
                y = row.bottom + m.gap
                h = text_h(self, now, box.width, m.small)
                self.text(now, pygame.Rect(box.x, y, box.width, h), m.small)
                y += h + m.gap
            return y
        choices = ordered_choices(item, run.step) if question else list(item.choices)
        keying = scene.phase == "ask" and run.answering
        if question and item.type != "ordering" and scene.phase == "ask":
            legend = _("Coche verte\u00a0: bonne réponse (montrée seulement sur cette fenêtre).")
            h = text_h(self, legend, box.width, m.small)
            self.text(legend, pygame.Rect(box.x, y, box.width, h), m.small, color="muted")
            y += h + m.gap // 2
        for i, c in enumerate(choices):
            right = question and item.type != "ordering" and c.correct
            label = f"{letter_of(i)} — {c.text}"
            status = _("bonne réponse") if right else ""
            cell_h = max(m.button_h, text_h(self, label, box.width - m.body * 3, m.small) + m.gap)
            cell = pygame.Rect(box.x, y, box.width, cell_h)
            wid = f"choice:{c.id}" if scene.phase == "ask" else (f"card:{c.id}" if not question else f"shown:{c.id}")
            self.widgets.append(Button(wid, cell, role="answer" if keying else "open", style="choice", label=label,
                                       text_size=m.small, marker="right" if right else None, status=status,
                                       selected=c.id in run.draft() if keying else False,
                                       enabled=keying or not question))
            y = cell.bottom + m.gap // 2
        if question and item.type == "ordering":
            words = _("Le bon ordre\u00a0:") + " " + qtype("ordering").right_words(item)
            h = text_h(self, words, box.width, m.small)
            self.text(words, pygame.Rect(box.x, y, box.width, h), m.small, color="right")
            y += h + m.gap
        return y + m.gap

    def _build_teams(self, m: Metrics, scene: Any, box: pygame.Rect) -> int:
        """Who has answered (never what): one button per team, to key its answer. Returns the y under."""
        run: ClassRun = scene.run
        title = _("Qui a répondu\u00a0?")
        h = text_h(self, title, box.width, m.small, True)
        self.text(title, pygame.Rect(box.x, box.y, box.width, h), m.small, bold=True)
        y = box.y + h + m.gap // 2
        counts = scene.pads.counts() if scene.pads is not None else {}
        for t in run.teams_for_current():
            team = run.team(t)
            answered = run.answered(t)
            detail = ""
            c = counts.get(t)
            entry = run.entry(t)
            marker = None
            if scene.phase != "ask" and run.step.kind == "question":
                detail = (_("juste") if entry.answer.correct else _("pas cette fois")) if entry else _("pas de réponse")
                marker = ("right" if entry.answer.correct else "wrong") if entry else None
            elif c is not None and c.members:
                detail = ngettext("{n} téléphone sur {total} a répondu", "{n} téléphones sur {total} ont répondu",
                                  c.answered).format(n=c.answered, total=c.members)
            status = (_("a répondu") if answered else _("en attente")) + (", " + detail if detail else "")
            cell_h = max(m.button_h, text_h(self, team.name, box.width - m.body * 4, m.small, True)
                         + (text_h(self, detail, box.width - m.body * 4, m.small) if detail else 0) + m.gap)
            cell = pygame.Rect(box.x, y, box.width, cell_h)
            self.widgets.append(Button(f"team:{t}", cell, role="open", style="choice", label=team.name,
                                       detail=detail, text_size=m.small, trailing_check=answered and scene.phase == "ask",
                                       status=status,
                                       selected=scene.phase == "ask" and t == run.current and not run.all_answered(),
                                       enabled=scene.phase == "ask", team_symbol=team.symbol, marker=marker,
                                       team_color=team_color(self.ctx, team)))
            y = cell.bottom + m.gap // 2
        return y + m.gap

    def _build_notes(self, m: Metrics, scene: Any, box: pygame.Rect) -> None:
        """The facilitator's notes and the source, then what comes next."""
        run: ClassRun = scene.run
        item = scene.item
        pieces = []
        explanation = getattr(item, "explanation", "")
        if explanation and scene.phase == "reveal" and run.reveal_page == "answer":  # what the next page says
            pieces.append((_("Pourquoi\u00a0: {text}").format(text=explanation), m.small, "text", False))
        if item.facilitator_notes:
            pieces.append((_("Notes\u00a0: {notes}").format(notes=item.facilitator_notes), m.small, "text", False))
        source = self.ctx.content.sources.get(item.source or "")
        if source is not None:
            pieces.append((_("Source\u00a0: {source}").format(source=source.short_label), m.small, "muted", False))
        pieces.append((self._next_words(run), m.small, "text", True))
        if box.height > 0:
            self.text_stack(pieces, box, m.gap // 2, valign="top")

    def _next_words(self, run: ClassRun) -> str:
        steps = run.classroom.session.steps
        index = run.step_index + 1
        if index >= len(steps):
            return _("Ensuite\u00a0: le bilan de la partie.")
        step = steps[index]
        content = self.ctx.content
        if step.kind == "question" and step.id in content.questions:
            return _("Ensuite\u00a0: {item}").format(item=content.questions[step.id].prompt)
        if step.id in content.scenarios:
            return _("Ensuite\u00a0: {item}").format(item=content.scenarios[step.id].title)
        return _("Ensuite\u00a0: le bilan de la partie.")

    def _build_mirror(self, m: Metrics) -> None:
        """Over another class screen: its buttons, with a line saying what the projector shows."""
        area = m.content
        top = self.target()
        title = _("Le projecteur montre un autre écran. Ses boutons sont ici.")
        head, area = take_top(area, text_h(self, title, area.width, m.body, True), m.gap * 2)
        self.text(title, head, m.body, bold=True)
        if top is None:
            return
        top.ensure_layout(self.ctx.game_size())
        words = [tb.text for tb, _c in top.texts][:3]
        if words:
            info = " — ".join(words)
            h = min(area.height // 3, text_h(self, info, area.width, m.small))
            box, area = take_top(area, h, m.gap * 2)
            self.text(info, box, m.small, color="muted")
        buttons = [w for w in top.widgets if isinstance(w, Button) and w.enabled and w.label]
        y = area.y
        for w in buttons:
            h = max(m.button_h, text_h(self, w.label, area.width - m.body * 2, m.body, True) + m.gap)
            self.widgets.append(Button(w.id, pygame.Rect(area.x, y, area.width, h), role="open", label=w.label,
                                       style="primary" if w.style == "primary" else "secondary"))
            y += h + m.gap // 2

    def default_focus(self) -> str | None:
        if self.item_scene() is not None:
            return self.item_scene().default_focus()
        top = self.target()
        return getattr(top, "focus_id", None)  # over a confirmation: the same answer ready as on the projector

    def bot_targets(self) -> list[Widget]:
        """What a facilitator would press next here (autoplay): the item screen's rules."""
        targets = super().bot_targets()
        scene = self.item_scene()
        return targets if scene is None else scene.next_presses(targets)

    # -- drawing -----------------------------------------------------------------------------
    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        self.paint_symbols(surface)

    # -- input -------------------------------------------------------------------------------
    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        scene = self.item_scene()
        if scene is not None:
            run: ClassRun = scene.run
            if wid in ("minus", "plus"):
                est = scene.item.estimate
                entry = run.entry(run.current)
                now = entry.answer.value if entry else slider_start(scene.item, run.step)
                run.set_estimate(min(est.max, max(est.min, now + (est.step if wid == "plus" else -est.step))))
                scene.sync()
                scene.invalidate()
            elif not wid.startswith("shown:"):
                scene.on_activate(widget)  # the same ids as the item screen's own buttons
        elif class_run(self.app_stack) is not None:  # never a button of a screen out of the class game
            top = self.target()
            target = top.widget(wid) if top is not None else None
            if target is not None and target.enabled:
                top.activate(target)
        self._state = None
        self.invalidate()
        self.ctx.request_redraw()
