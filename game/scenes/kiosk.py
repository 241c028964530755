"""Kiosk mode: an attract screen, an idle warning that wipes the session, a locked game
that only an admin with the PIN can leave.

Nothing of a player is visible to the next one: at the end of the countdown (or when a
session ends), the whole scene stack is replaced by a new attract screen.
"""

from __future__ import annotations

from game import i18n
from game import input as inp
from game.i18n import _
from game.scenes.base import Scene
from game.scenes.context import Context
from game.scenes.overlays import Overlay
from game.flow.choices import level_label, next_level
from game.flow.kiosk import PIN_LOCK_SECONDS, PIN_TRIES, START_PATH, Event, IdleWarning, KioskPolicy, Reset  # noqa: F401
from game.scenes.play import start_session
from game.scenes.results import ResultsScene
from game.scenes.today import today_text
from game.ui.layout import Metrics, center_block, centered, columns, rows, take_bottom, take_top
from game.ui.widgets import Button, Widget


FACT_SECONDS = 9.0  # a new fact on the attract screen this often (one redraw, no animation)


class KioskController:
    """The kiosk policy (game/flow/kiosk.py: idle timing, the admin code's lock) wired to the
    screens: it tells the policy what is on top, and shows what the policy decides."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.policy = KioskPolicy.from_settings(ctx.settings, self._code_matches, ctx.now())
        self.policy.subscribe(self._show)

    def _code_matches(self, typed: str) -> bool:
        return self.ctx.settings.check_admin_code(typed)

    # What the screens and older callers read of the policy.
    @property
    def idle(self) -> float:
        return self.policy.idle_seconds

    @property
    def results_idle(self) -> float:
        return self.policy.results_idle_seconds

    @property
    def countdown(self) -> float:
        return self.policy.countdown_seconds

    @property
    def last_input(self) -> float:
        return self.policy.last_input

    @property
    def locked_until(self) -> float:
        return self.policy.locked_until

    def screen(self) -> str:
        """What is on top, in the policy's words (``flow.kiosk.SCREENS``)."""
        top = self.ctx.top
        if top is None or isinstance(top, (AttractScene, PinScene, AdminScene)):
            return "guarded"
        return "results" if any(isinstance(s, ResultsScene) for s in self.ctx.stack) else "play"

    def idle_limit(self) -> float:
        return self.policy.idle_limit(self.screen())

    def on_input(self) -> None:
        self.policy.on_input(self.ctx.now())

    def tick(self) -> None:
        if self.ctx.top is not None:
            self.policy.tick(self.ctx.now(), self.screen())

    def reset(self, reason: str = "end") -> None:
        """End whatever was played (kept as abandoned in the results) and wipe it from the screen:
        at the end of a game (« Rejouer », « Abandonner »), or from the admin screen."""
        self.policy.reset(self.ctx.now(), reason)

    def _show(self, event: Event) -> None:
        if isinstance(event, IdleWarning):
            self.ctx.push(IdleScene(self.ctx, event.deadline))
        elif isinstance(event, Reset):
            self.ctx.abandon_current()
            self.ctx.set_language(event.language)
            self.ctx.reset_to(AttractScene(self.ctx))

    def check_pin(self, typed: str) -> bool:
        return self.policy.check_pin(typed, self.ctx.now())

    def lock_remaining(self) -> int:
        return self.policy.lock_remaining(self.ctx.now())

    def remaining(self) -> int:
        return self.policy.remaining(self.ctx.now())


class AttractScene(Scene):
    """« Touche l'écran pour jouer », with a fact from the content that changes now and then."""

    name = "attract"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.fact_index = 0
        self.fact_since = ctx.now()

    def facts(self) -> list[tuple[str, list[str]]]:
        """(fact, its sources) from the content's « facts »: each written to read alone, its subject
        named and its acronyms spelt out (issue 13.10), in the current language."""
        content = self.ctx.content
        out = []
        for fact in content.facts.values():
            named = content.sources_of(fact)
            if named:
                out.append((fact.text, list(dict.fromkeys(s.short_label for s in named))))
        return out or [(_("Ce que coûte vraiment le numérique, et les métiers qui le changent."), [])]

    def build(self, m: Metrics) -> None:
        facts = self.facts()
        fact, source = facts[self.fact_index % len(facts)]
        area = m.content
        langs = [c for c in i18n.SUPPORTED]
        lang_row, area = take_bottom(area, m.button_h, m.gap * 2)
        band = centered(lang_row, min(lang_row.width, m.body * 8 * len(langs)))
        for code, cell in zip(langs, columns(band, len(langs), m.gap)):
            # Language buttons, each named in its own language; the one in use is filled (and said
            # so by read aloud), not a check box (issue 13.10).
            current = code == self.ctx.language
            self.widgets.append(Button(f"lang:{code}", cell, role="lang", label=i18n.LANGUAGE_NAMES[code],
                                       style="primary" if current else "secondary", selected=current,
                                       status=_("langue choisie") if current else ""))
        r = self.ctx.renderer
        call = _("Touche l'écran pour jouer")
        width = min(area.width, m.body * 36)
        group_h = (r.fit(_("Numérique en jeu"), width, 10_000, m.title, m.title, True).height
                   + r.fit(call, width, 10_000, m.title, m.title, True).height
                   + r.fit(fact, width, 10_000, m.heading, m.heading).height + m.small * 2 + m.gap * 8)
        group = centered(center_block(area, group_h), width)
        if len(source) > 1:
            source_text = _("Sources\u00a0: {sources}").format(sources=i18n.list_sep().join(source))
        else:
            source_text = _("Source\u00a0: {source}").format(source=source[0]) if source else ""
        pieces = [(_("Numérique en jeu"), m.heading, "muted", True), (call, m.title, "text", True),
                  (fact, m.heading, "text", False)]
        if source_text:
            pieces.append((source_text, m.small, "muted", False))
        self.text_stack(pieces, group, m.gap * 3)

    def update(self, dt: float) -> bool:
        if self.ctx.now() - self.fact_since >= FACT_SECONDS and not self.ctx.settings.reduced_motion:
            self.fact_since = self.ctx.now()
            self.fact_index += 1
            self.invalidate()
        return False

    def handle(self, intent: inp.Intent) -> None:
        """The language buttons keep their job; any other touch, click, key or button starts."""
        kind = intent.kind
        if kind in (inp.POINTER_DOWN, inp.POINTER_MOVE, inp.DIGIT, inp.SCROLL, inp.SETTINGS):
            super().handle(intent)
        elif kind == inp.POINTER_UP:
            self.ensure_layout(self.ctx.surface_size())
            if any(w.contains(intent.pos or (0, 0)) for w in self.widgets):
                super().handle(intent)
            else:
                self.start()
        elif kind in (inp.NEXT, inp.PREV, inp.LEFT, inp.RIGHT):
            self._navigated = True  # moving to a language button, then Enter, picks it
            super().handle(intent)
        elif kind == inp.CONFIRM and self._navigated:
            super().handle(intent)
        elif kind != inp.BACK:
            self.start()

    _navigated = False

    def start(self) -> None:
        start_session(self.ctx, START_PATH)

    def on_activate(self, widget: Widget) -> None:
        if widget.id.startswith("lang:"):
            self.ctx.set_language(widget.id.split(":", 1)[1])
            self.invalidate()

    def on_back(self) -> None:
        pass

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.role == "lang"]


class IdleScene(Overlay):
    """« Tu es toujours là ? » with a visible countdown; any input dismisses it."""

    name = "idle"

    def __init__(self, ctx: Context, deadline: float) -> None:
        super().__init__(ctx)
        self.deadline = deadline
        self.shown = self.remaining()

    def remaining(self) -> int:
        return max(0, int(self.deadline - self.ctx.now() + 0.999))

    def build(self, m: Metrics) -> None:
        inner = self.panel_rect(m, 24, round(m.title * 4) + m.button_h + 3 * m.gap + 2 * m.margin)
        button, rest = take_bottom(inner, m.button_h, m.gap * 2)
        head, count = take_top(rest, rest.height // 2, m.gap)
        self.text(_("Tu es toujours là\u00a0?"), head, m.heading, bold=True, align="center", valign="center")
        n = self.shown
        self.text(i18n.ngettext("Retour à l'accueil dans {n} seconde.", "Retour à l'accueil dans {n} secondes.",
                                n).format(n=n), count, m.body, align="center", valign="center")
        self.widgets = [Button("stay", button, role="next", label=_("Je continue"), style="primary")]

    def update(self, dt: float) -> bool:
        # The kiosk policy wipes the game when the countdown ends; this screen only counts down.
        kiosk = self.ctx.kiosk
        if kiosk is not None and kiosk.policy.warning_until is None:
            self.ctx.pop()  # dismissed while a screen was above this one (the admin's code pad)
            return False
        left = self.remaining()
        if left != self.shown:  # one redraw a second, not an animation
            self.shown = left
            self.invalidate()
        return False

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind in (inp.POINTER_MOVE,) and intent.device == "mouse" and not intent.pressed:
            return
        self.ctx.pop()  # any touch, key or button: the player is back, the session goes on
        self.ctx.kiosk.on_input()


class PinScene(Scene):
    """Digits, erase, OK. Three wrong PINs lock the pad for a minute."""

    name = "pin"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.typed = ""
        self.message = ""

    def build(self, m: Metrics) -> None:
        kiosk = self.ctx.kiosk
        area = centered(m.content, min(m.content.width, m.body * 20))
        cancel_row, area = take_bottom(area, m.button_h, m.gap * 2)
        head, area = take_top(area, round(m.heading * 1.6), m.gap)
        self.text(_("Code administrateur"), head, m.heading, bold=True, align="center", valign="center")
        shown, area = take_top(area, round(m.title * 1.3), m.gap)
        locked = kiosk.lock_remaining()
        if locked:
            status = i18n.ngettext("Trop d'essais\u00a0: réessaie dans {n}\u00a0seconde.",
                                   "Trop d'essais\u00a0: réessaie dans {n}\u00a0secondes.", locked).format(n=locked)
        else:
            status = "•" * len(self.typed) or self.message or _("Tape le code")
        self.text(status, shown, m.heading if not locked else m.body, align="center", valign="center")
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok"]
        grid_rows = rows(area, 4, m.gap)
        for r_i, row in enumerate(grid_rows):
            for c_i, cell in enumerate(columns(row, 3, m.gap)):
                key = keys[r_i * 3 + c_i]
                label = {"erase": _("Effacer"), "ok": _("Valider")}.get(key, key)
                self.widgets.append(Button(f"key:{key}", cell, role="adjust", label=label,
                                           style="primary" if key == "ok" else "secondary", enabled=not locked))
        self.widgets.append(Button("cancel", cancel_row, role="back", label=_("Annuler")))

    def update(self, dt: float) -> bool:
        if self.ctx.kiosk.locked_until and self.ctx.kiosk.lock_remaining() != getattr(self, "_lock_shown", -1):
            self._lock_shown = self.ctx.kiosk.lock_remaining()
            self.invalidate()
        return False

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.DIGIT:
            self.press(str(intent.index))
        elif intent.kind == inp.PICK:
            return  # the DIGIT intent of the same key types it
        elif intent.kind == inp.CONFIRM and intent.device == "keyboard":
            self.press("ok")  # typed on a keyboard: Enter validates (a pad's A presses the focused key)
        else:
            super().handle(intent)

    def press(self, key: str) -> None:
        if self.ctx.kiosk.lock_remaining():
            return
        if key == "erase":
            self.typed = self.typed[:-1]
        elif key == "ok":
            if self.ctx.kiosk.check_pin(self.typed):
                self.ctx.replace(AdminScene(self.ctx))
                return
            self.typed = ""
            self.message = _("Code incorrect")
        elif len(self.typed) < 12:
            self.typed += key
        self.invalidate()

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "cancel":
            self.ctx.pop()
        elif widget.id.startswith("key:"):
            self.press(widget.id.split(":", 1)[1])

    def on_back(self) -> None:
        self.ctx.pop()


class AdminScene(Scene):
    """For the person in charge of the kiosk: today's figures, restart, quit."""

    name = "admin"

    def build(self, m: Metrics) -> None:
        area = centered(m.content, min(m.content.width, m.body * 34))
        head, area = take_top(area, round(m.heading * 1.6), m.gap)
        self.text(_("Administration de la borne"), head, m.heading, bold=True, valign="center")
        buttons, area = take_bottom(area, m.button_h, m.gap * 2)
        level_row, area = take_bottom(area, m.button_h, m.gap * 2)  # the players' level, kept in the settings
        self.text(self.today_text(), area, m.body)
        back, restart, quit_ = columns(buttons, 3, m.gap)
        self.widgets = [
            Button("level", level_row, role="adjust", label=level_label(self.ctx.settings.level)),
            Button("back", back, role="back", label=_("Retour au jeu")),
            Button("restart", restart, role="next", label=_("Redémarrer"), style="primary"),
            Button("quit", quit_, role="quit", label=_("Quitter le jeu")),
        ]

    def today_text(self) -> str:
        return today_text(self.ctx)

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "back":
            self.ctx.pop()
        elif widget.id == "level":
            level = next_level(self.ctx.settings.level)
            self.ctx.apply_settings(self.ctx.settings.with_value("level", level), save=False)
            if self.ctx.store is not None:  # the kiosk's own setting: kept for its next start
                self.ctx.store.save_value("level", level)
            self.invalidate()
        elif widget.id == "restart":
            self.ctx.kiosk.reset("admin")
        elif widget.id == "quit":
            self.ctx.quit(force=True)

    def on_back(self) -> None:
        self.ctx.pop()
