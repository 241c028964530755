"""A kiosk's first start: the person setting it up chooses the admin code, typed twice.

Shown over the attract screen when the settings hold no code (``kiosk_admin_hash``). A code that
is empty, too short, a repeated digit, a run (1234) or a well-known one is refused with a sentence
that says why; only the salted hash of the code is kept (``SettingsStore.set_admin_code``). The
pad works with digit keys, Backspace and Enter, a finger or a mouse, and a gamepad (arrows and A);
its keys are at least 44 px. « vous »: the reader is the facilitator, not a player.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game import input as inp
from game.i18n import _
from game.scenes.overlays import Overlay
from game.settings import CODE_MAX, code_problem, hash_code
from game.ui.layout import Metrics, columns, rows, take_bottom, take_left, take_top
from game.ui.widgets import Button, Widget

if TYPE_CHECKING:
    from game.scenes.context import Context

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok")


class KioskCodeScene(Overlay):
    """Stages: « first » (type a code), « again » (type it again), « done » (kept, or said why not)."""

    name = "kiosk_code"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.stage = "first"
        self.typed = ""
        self.first = ""
        self.message = ""  # why the last code was refused, or what happened
        self.saved_to: str | None = None  # the file the hash went to (None: kept for this run only)

    # -- what is said ----------------------------------------------------------------
    def instruction(self) -> str:
        if self.stage == "again":
            return _("Retapez le même code pour le confirmer.")
        if self.stage == "done":
            if self.saved_to:
                return _("Code enregistré. Seule son empreinte est gardée, dans {path}.").format(path=self.saved_to)
            return _("Code gardé pour cette séance seulement\u00a0: le fichier de réglages n'a pas pu être "
                     "écrit. Vous pourrez le choisir plus tard avec «\u00a0python main.py kiosk-code\u00a0».")
        return _("Choisissez le code qui ouvrira l'administration de la borne\u00a0: de 4 à 12\u00a0chiffres, "
                 "ni chiffres répétés, ni suite comme 1234.")

    def build(self, m: Metrics) -> None:
        wide = m.width >= m.body * 40  # text beside the pad; else the text above it
        done_h = round(m.heading * 1.6) + m.body * 10 + m.button_h + 4 * m.gap + 2 * m.margin
        inner = self.panel_rect(m, 46 if wide else 26, done_h if self.stage == "done" else m.height)
        head, rest = take_top(inner, round(m.heading * 1.6), m.gap)
        self.text(_("Code administrateur de la borne"), head, m.heading, bold=True,
                  align="left" if wide else "center", valign="center")
        if self.stage == "done":
            self._build_done(m, rest)
            return
        if wide:
            side, pad = take_left(rest, (rest.width - 2 * m.gap) // 2, m.gap * 2)
        else:
            side, pad = take_top(rest, round(rest.height * 0.42), m.gap)
        quit_row, side = take_bottom(side, m.button_h, m.gap)
        shown, side = take_bottom(side, round(m.title * 1.4), m.gap)
        text_area = side
        if self.message:
            msg_area, text_area = take_bottom(side, max(m.body * 3, side.height // 2), m.gap)
            self.text(self.message, msg_area, m.body, bold=True)  # not by colour: a sentence, in bold
        self.text(self.instruction(), text_area, m.body)
        dots = "•" * len(self.typed) or (_("(aucun chiffre)") if self.stage == "first" else _("(à retaper)"))
        self.text(dots, shown, m.title if self.typed else m.body, color="text" if self.typed else "muted",
                  valign="center")
        for r_i, row in enumerate(rows(pad, 4, m.gap)):
            for c_i, cell in enumerate(columns(row, 3, m.gap)):
                key = KEYS[r_i * 3 + c_i]
                label = {"erase": _("Effacer"), "ok": _("Valider")}.get(key, key)
                self.widgets.append(Button(f"key:{key}", cell, role="adjust", label=label,
                                           style="primary" if key == "ok" else "secondary"))
        self.widgets.append(Button("quit", quit_row, role="quit", label=_("Quitter sans code")))

    def _build_done(self, m: Metrics, rest) -> None:  # noqa: ANN001
        button, rest = take_bottom(rest, m.button_h, m.gap * 2)
        self.text(self.instruction() + "\n\n" + _(
            "Pour ouvrir l'administration\u00a0: gardez le doigt 5\u00a0secondes dans le coin en haut à gauche, "
            "ou tapez Ctrl+Alt+A, puis le code."), rest, m.body)
        self.widgets.append(Button("start", button, role="next", label=_("Ouvrir la borne"), style="primary"))

    def default_focus(self) -> str | None:
        return "start" if self.stage == "done" else "key:1"

    # -- input -----------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        kiosk = getattr(self.ctx, "kiosk", None)
        if kiosk is not None:
            kiosk.on_input()  # setting the kiosk up takes the time it takes: no idle reset here
        return False

    def handle(self, intent: inp.Intent) -> None:
        if self.stage != "done":
            if intent.kind == inp.DIGIT:
                self.press(str(intent.index))
                return
            if intent.kind == inp.PICK:
                return  # the DIGIT intent of the same key types it
            if intent.kind == inp.ERASE:
                self.press("erase")
                return
            if intent.kind == inp.CONFIRM and intent.device == "keyboard":
                self.press("ok")  # Enter validates; a pad's A presses the focused key
                return
        super().handle(intent)

    def press(self, key: str) -> None:
        if key == "erase":
            self.typed = self.typed[:-1]
        elif key == "ok":
            self._validate()
        elif len(self.typed) < CODE_MAX:
            self.typed += key
        self.invalidate()

    def _validate(self) -> None:
        if self.stage == "first":
            problem = code_problem(self.typed)
            if problem:
                self.message = problem
            else:
                self.first, self.stage, self.message = self.typed, "again", ""
        else:
            problem = code_problem(self.first, self.typed)
            if problem:  # the two differ: start again from the first one
                self.message = problem + " " + _("Recommencez.")
                self.first, self.stage = "", "first"
            else:
                self._keep(self.first)
        self.typed = ""
        self.focus_id = None  # the stage's default focus

    def _keep(self, code: str) -> None:
        store = self.ctx.store
        if store is not None:
            hashed, saved = store.set_admin_code(code)
            self.saved_to = str(store.path) if saved else None
        else:
            hashed = hash_code(code)
        self.ctx.apply_settings(self.ctx.settings.with_value("kiosk_admin_hash", hashed), save=False)
        self.first, self.stage, self.message = "", "done", ""

    def on_activate(self, widget: Widget) -> None:
        if widget.id.startswith("key:"):
            self.press(widget.id.split(":", 1)[1])
        elif widget.id == "start":
            self.ctx.pop()
        elif widget.id == "quit":
            self.ctx.quit(force=True)

    def on_back(self) -> None:
        if self.stage != "done":
            self.press("erase")  # Escape never leaves a kiosk; here it only erases
