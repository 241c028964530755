"""Kiosk mode: an attract screen, an idle warning that wipes the session, a locked game
that only an admin with the PIN can leave.

Nothing of a player is visible to the next one: at the end of the countdown (or when a
session ends), the whole scene stack is replaced by a new attract screen.
"""

from __future__ import annotations

import math
import re

import pygame

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
from game.ui import icons as icon_mod
from game.ui.art import card_art, theme_chip
from game.ui.layout import Metrics, centered, columns, rows, take_bottom, take_top
from game.ui.logo import draw_logo
from game.ui.theme import type_px
from game.ui.widgets import Button, Widget, draw_hover


FACT_SECONDS = 9.0  # a new fact on the attract screen this often (a fade of TRANSITION_SECONDS, then still)


class KioskController:
    """The kiosk policy (game/flow/kiosk.py: idle timing, the admin code's lock) wired to the
    screens: it tells the policy what is on top, and shows what the policy decides."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.fact_cursor = 0  # the attract loop's next fact (a session wipe does not start it again)
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


FIGURE_UNITS = r"%|kg|TWh|millions?|milliards?|billions?|\$|ans|years"
_NUMBER = r"\d+(?:[ \u00a0\u202f,.]\d+)*"
_FIGURE = re.compile(rf"(?<![\w$])(\$\s?{_NUMBER}|{_NUMBER}(?:\s?(?:à|to)\s?{_NUMBER})?\s?(?:{FIGURE_UNITS})?)(?![\w])")


def headline_figure(text: str) -> str | None:
    """The figure a fact is about, to show large above its sentence: the last number with a unit
    (« 200 kg », « 9 % », « 131 TWh », « $2 »), else the first span of years (« 2 à 3 ans »), else
    the first number that is not a year; None when the sentence has none. Always a piece of the
    sentence itself, never a new figure."""
    found = [m.group(1).strip() for m in _FIGURE.finditer(text)]
    strong = [f for f in found if re.search(rf"(?:{FIGURE_UNITS})$", f) and not re.search(r"(?:ans|years)$", f)
              or f.startswith("$")]
    if strong:
        return strong[-1]
    spans = [f for f in found if re.search(r"(?:ans|years)$", f)]  # « tous les 2 à 3 ans », not an age
    if spans:
        return spans[0]
    plain = [f for f in found if not re.fullmatch(r"(?:19|20)\d\d", f)]
    return plain[0] if plain else None


# Art direction §4. Each frame shown costs the same whatever changed (about 7 ms of CPU for a
# window under X11 here), so the attract loop counts frames, not pixels: the fade and the pulse
# are drawn at the rate the resting loop wakes up (10 a second at most), never at 60 fps.
TRANSITION_SECONDS = 0.6  # a fact fades into the next one (≤ 600 ms), then stays still
PULSE_PERIOD = 2.0  # « Touche l'écran pour jouer » pulses once every two seconds...
PULSE_FPS = 4  # ...drawn four times a second (eight steps a cycle); the loop sleeps in between


class AttractScene(Scene):
    """The kiosk's attract loop: a fact from the content at a time on a card (its theme's picture
    and colour, the figure large, the sentence, its source), a gentle fade from one to the next,
    then stillness; « Touche l'écran pour jouer » pulses slowly. With reduced motion, the facts
    change without a fade and nothing pulses. Any touch or key starts; the language buttons keep
    their job."""

    name = "attract"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        # The loop goes on where the last attract screen left it: a new player, a new fact.
        self.fact_index = getattr(ctx.kiosk, "fact_cursor", 0)
        self.fact_since = ctx.now()
        self.card = pygame.Rect(0, 0, 0, 0)
        self.art_rect = pygame.Rect(0, 0, 0, 0)
        self.chip_rect = pygame.Rect(0, 0, 0, 0)
        self.logo_rect = pygame.Rect(0, 0, 0, 0)
        self.call_rect = pygame.Rect(0, 0, 0, 0)
        self.call_icon = pygame.Rect(0, 0, 0, 0)
        self.figure_box = None
        self._still: pygame.Surface | None = None  # the page without the pulse, painted once per layout
        self._fading: pygame.Surface | None = None  # the card that fades out, and where
        self._fade_rect = pygame.Rect(0, 0, 0, 0)
        self._fade_start = 0.0
        self._pulse_step: int | None = None
        self._halos: dict[int, pygame.Surface] = {}
        self.show_focus = False  # no ring until a key or the pad moves to a language button

    @property
    def icons(self) -> icon_mod.Icons:
        return icon_mod.shared()

    def fact_entries(self) -> list[tuple[str, str, list[str]]]:
        """(fact id, fact, its sources) from the content's « facts »: each written to read alone,
        its subject named and its acronyms spelt out (issue 13.10), in the current language."""
        content = self.ctx.content
        out = []
        for fact in content.facts.values():
            named = content.sources_of(fact)
            if named:
                out.append((fact.id, fact.text, list(dict.fromkeys(s.short_label for s in named))))
        return out or [("", _("Ce que coûte vraiment le numérique, et les métiers qui le changent."), [])]

    def facts(self) -> list[tuple[str, list[str]]]:
        return [(text, sources) for _id, text, sources in self.fact_entries()]

    def current(self) -> tuple[str, str, list[str]]:
        facts = self.fact_entries()
        return facts[self.fact_index % len(facts)]

    def theme_of(self, fact_id: str) -> str | None:
        return self.icons.theme_of_fact(fact_id) if fact_id else None

    def build(self, m: Metrics) -> None:
        from game.scenes.title import IconButton  # the title's look for the language buttons

        fid, fact, source = self.current()
        theme = self.theme_of(fid)
        r = self.ctx.renderer
        area = m.content
        # Top: the logo on the left, the languages (each named in its own language) on the right.
        langs = list(i18n.SUPPORTED)
        pad = 2 * max(8, m.gap) + m.gap
        lang_w = max(max(r.measure(i18n.LANGUAGE_NAMES[c], m.body) + pad + round(m.body * 1.5) for c in langs),
                     round(m.body * 5))
        lang_w = min(lang_w, (area.width - m.gap) // len(langs))
        band = pygame.Rect(area.right - len(langs) * lang_w - m.gap * (len(langs) - 1), area.y,
                           len(langs) * lang_w + m.gap * (len(langs) - 1), m.button_h)
        for code, cell in zip(langs, columns(band, len(langs), m.gap)):
            # The one in use is filled and ticked, and said so by read aloud; not a check box (issue 13.10).
            current = code == self.ctx.language
            self.widgets.append(IconButton(f"lang:{code}", cell, role="lang", label=i18n.LANGUAGE_NAMES[code],
                                           icon="check" if current else None, icons=self.icons, selected=current,
                                           style="primary" if current else "secondary",
                                           status=_("langue choisie") if current else ""))
        logo_h = max(m.button_h, round(m.heading * (3 if m.portrait else 1.7)))
        logo_w = min(band.x - m.gap - area.x, round(logo_h * 3.6))
        self.logo_rect = pygame.Rect(area.x, area.y, max(0, logo_w), logo_h)
        if logo_w < logo_h * 2:  # no room beside the languages: the emblem alone
            self.logo_rect = pygame.Rect(area.x, area.y, logo_h, logo_h) if band.x - area.x > logo_h else \
                pygame.Rect(0, 0, 0, 0)
        top = max(band.bottom, self.logo_rect.bottom) + m.gap * 2

        # Bottom: the call to play, in a green pill that pulses (room kept around it for the halo).
        call = _("Touche l'écran pour jouer")
        halo = m.gap * 2
        size = round(m.heading * (1.3 if not m.portrait else 1.35))
        icon_side = round(size * 1.1)
        room = area.width - 2 * halo - icon_side - 5 * m.gap
        fitted = r.fit(call, room, 10_000, size, m.heading, True)
        call_w = min(area.width - 2 * halo, fitted.width + icon_side + 5 * m.gap)
        call_h = fitted.height + 2 * m.gap
        self.call_rect = pygame.Rect(area.centerx - call_w // 2, area.bottom - halo - call_h, call_w, call_h)
        self.call_icon = pygame.Rect(self.call_rect.x + 2 * m.gap, self.call_rect.centery - icon_side // 2,
                                     icon_side, icon_side)
        text_x = self.call_icon.right + m.gap
        self.text(call, pygame.Rect(text_x, self.call_rect.y + m.gap, self.call_rect.right - 2 * m.gap - text_x,
                                    call_h - 2 * m.gap), size, color="on_primary", bold=True, valign="center",
                  min_size=m.heading)

        # Middle: the fact's card: its theme's picture, the figure large, the sentence, its source.
        free = pygame.Rect(area.x, top, area.width, self.call_rect.y - halo - m.gap * 2 - top)
        card_w = min(free.width, round(m.body * (44 if not m.portrait else 30)))
        inner_pad = m.gap * 2
        figure = headline_figure(fact)
        display = type_px("display", m.unit, text_scale=self.ctx.settings.text_scale)
        if source:
            source_text = (_("Sources\u00a0: {sources}").format(sources=i18n.list_sep().join(source))
                           if len(source) > 1 else _("Source\u00a0: {source}").format(source=source[0]))
        else:
            source_text = ""
        chip_h = round(m.small * 2) if theme else 0
        if m.portrait:
            art_h = min(round(card_w * 0.5), free.height // 3)
            text_w = card_w - 2 * inner_pad
        else:
            art_h = 0
            text_w = card_w - 2 * inner_pad - round(card_w * 0.3) - inner_pad
        room_h = free.height - 2 * inner_pad - (art_h + inner_pad if art_h else 0) - (chip_h + m.gap if chip_h else 0)

        def stack(display_px: int, fact_px: int) -> tuple[list, int]:
            pieces = [(figure, display_px, "text", True)] if figure else []
            pieces.append((fact, fact_px, "text", False))
            if source_text:
                pieces.append((source_text, m.small, "muted", False))
            return pieces, sum(r.fit(t, text_w, 10_000, sz, sz, b).height for t, sz, _c, b in pieces) \
                + m.gap * (len(pieces) - 1)

        # The figure and the sentence as large as the card allows: smaller steps before they shrink.
        steps = ((display, m.heading), (round(display * 0.8), m.heading), (round(display * 0.66), m.body))
        if m.portrait:  # a standing kiosk has height to spare: larger first
            steps = ((round(display * 1.5), round(m.heading * 1.2)),) + steps
        for display_px, fact_px in steps:
            pieces, needs = stack(display_px, fact_px)
            if needs <= room_h:
                break
        card_h = min(free.height, art_h + (inner_pad if art_h else 0) + chip_h + (m.gap if chip_h else 0) + needs
                     + 2 * inner_pad)
        if not m.portrait:
            card_h = max(card_h, min(free.height, round(card_w * 0.3)))
        self.card = pygame.Rect(free.centerx - card_w // 2, free.y + (free.height - card_h) // 2, card_w, card_h)
        inner = self.card.inflate(-2 * inner_pad, -2 * inner_pad)
        if m.portrait:
            self.art_rect = pygame.Rect(inner.x, inner.y, inner.width, art_h)
            column = pygame.Rect(inner.x, self.art_rect.bottom + inner_pad, inner.width,
                                 inner.bottom - self.art_rect.bottom - inner_pad)
        else:
            self.art_rect = pygame.Rect(inner.x, inner.y, round(card_w * 0.3), inner.height)
            column = pygame.Rect(self.art_rect.right + inner_pad, inner.y, inner.right - self.art_rect.right - inner_pad,
                                 inner.height)
        if chip_h:
            self.chip_rect = pygame.Rect(column.x, column.y, column.width, chip_h)
            column = pygame.Rect(column.x, column.y + chip_h + m.gap, column.width, column.height - chip_h - m.gap)
        else:
            self.chip_rect = pygame.Rect(0, 0, 0, 0)
        n_before = len(self.texts)
        self.text_stack(pieces, column, m.gap)
        self.figure_box = self.texts[n_before][0] if figure else None

    # -- drawing: a still page, a fade between two facts, a slow pulse ----------------------
    def draw_background(self, surface: pygame.Surface) -> None:
        p = self.ctx.palette
        fid = self.current()[0]
        theme = self.theme_of(fid)
        colour = p.theme_color(theme) if theme else p.primary
        if self.logo_rect.width:
            draw_logo(surface, self.logo_rect, p, self.ctx.renderer, self.icons,
                      name=self.logo_rect.width > self.logo_rect.height * 2)
        m = self.metrics
        radius = max(8, m.gap)
        pygame.draw.rect(surface, p.panel, self.card, border_radius=radius)
        pygame.draw.rect(surface, p.border, self.card, width=2, border_radius=radius)
        strip = pygame.Rect(self.card.x, self.card.y, self.card.width, max(6, m.gap // 2))
        pygame.draw.rect(surface, colour, strip, border_top_left_radius=radius, border_top_right_radius=radius)
        if self.art_rect.width > 8 and self.art_rect.height > 8:
            card_art(surface, self.art_rect, fid or "fact", theme or "", p, self.icons)
        if theme and self.chip_rect.width:
            title = self.ctx.content.themes[theme].title if theme in self.ctx.content.themes else theme
            theme_chip(surface, self.chip_rect, theme, title, p, self.ctx.renderer, self.icons, m.small)
        pygame.draw.rect(surface, p.primary, self.call_rect, border_radius=self.call_rect.height // 2)
        self.icons.blit(surface, self.icons.for_button("kiosk") or "hand-click", self.call_icon, p.on_primary,
                        stroke=2)

    def paint(self, surface: pygame.Surface) -> None:
        """As every scene paints, with the figure in its theme's colour (5:1 on the card, checked
        with the palette)."""
        p = self.ctx.palette
        surface.fill(p.background)
        self.draw_background(surface)
        theme = self.theme_of(self.current()[0])
        for box, color in self.texts:
            rgb = p.theme_color(theme) if (box is self.figure_box and theme) else getattr(p, color)
            box.draw(surface, self.ctx.renderer, rgb)
        for w in self.widgets:
            focused = self.show_focus and w.id == self.focus_id
            w.draw(surface, self.ctx.renderer, p, self.metrics, focused and not self.hovered)  # type: ignore[attr-defined]
            if focused and self.hovered:
                draw_hover(surface, w.rect, p, self.metrics)

    def invalidate(self) -> None:
        self._still = None
        self._halos = {}
        super().invalidate()

    def draw(self, surface: pygame.Surface) -> None:
        self.ensure_layout(surface.get_size())
        if self.page_height > surface.get_height():
            super().draw(surface)  # very large text: a page that scrolls, drawn as every scene is
            return
        if self._still is None or self._still.get_size() != surface.get_size():
            self._still = pygame.Surface(surface.get_size())
            self.paint(self._still)
        surface.blit(self._still, (0, 0))
        if self._fading is not None:
            t = min(1.0, (self.ctx.now() - self._fade_start) / TRANSITION_SECONDS)
            if t < 1.0:
                self._fading.set_alpha(round(255 * (1 - t) ** 2))
                surface.blit(self._fading, self._fade_rect)
            else:
                self._fading = None
        if self.ctx.animations and self._pulse_step is not None:
            surface.blit(self._halo(self._pulse_step), self.call_rect.inflate(self.metrics.gap * 4,
                                                                              self.metrics.gap * 4))

    def _halo(self, step: int) -> pygame.Surface:
        """A soft ring around the call, as wide as the pulse is at that step (a few, cached)."""
        halo = self._halos.get(step)
        if halo is None:
            m = self.metrics
            room = m.gap * 2
            outer = self.call_rect.inflate(room * 2, room * 2)
            halo = pygame.Surface(outer.size, pygame.SRCALPHA)
            phase = 0.5 - 0.5 * math.cos(2 * math.pi * step / (PULSE_FPS * PULSE_PERIOD))
            grow = max(1, round(room * phase))
            ring = pygame.Rect(room - grow, room - grow, self.call_rect.width + 2 * grow, self.call_rect.height + 2 * grow)
            colour = (*self.ctx.palette.primary[:3], round(90 * (1 - 0.6 * phase)))
            pygame.draw.rect(halo, colour, ring, border_radius=ring.height // 2)
            hole = pygame.Rect(room, room, self.call_rect.width, self.call_rect.height)
            pygame.draw.rect(halo, (0, 0, 0, 0), hole, border_radius=hole.height // 2)
            self._halos[step] = halo
        return halo

    def update(self, dt: float) -> bool:
        """Never « animating » (that would draw at 60 fps): a frame is asked for when the fade or
        the pulse has moved on, at the pace the resting loop wakes up."""
        now = self.ctx.now()
        if now - self.fact_since >= FACT_SECONDS:
            self.fact_since = now
            self.next_fact()
        if self._fading is not None:
            self.ctx.request_redraw()  # a step of the fade; the last one shows the new card alone
        if self.ctx.animations:
            step = int(now * PULSE_FPS) % round(PULSE_FPS * PULSE_PERIOD)
            if step != self._pulse_step:
                self._pulse_step = step
                self.ctx.request_redraw()
        elif self._pulse_step is not None:
            self._pulse_step = None
            self.ctx.request_redraw()
        return False

    def next_fact(self) -> None:
        """The next fact; the card it replaces fades out over it (unless motion is reduced)."""
        old = self.card.copy()
        if self.ctx.animations and self._still is not None and old.width and self.page_height <= self.view_size[1]:
            self._fade_rect = old
            self._fading = self._still.subsurface(old.clip(self._still.get_rect())).copy()
            self._fade_start = self.ctx.now()
        self.fact_index += 1
        if isinstance(self.ctx.kiosk, KioskController):
            self.ctx.kiosk.fact_cursor = self.fact_index % max(1, len(self.ctx.content.facts))
        self.invalidate()

    def speech(self) -> str:
        """The call, then the fact with its theme and what its picture shows (``icons.alt``)."""
        fid, fact, _src = self.current()
        theme = self.theme_of(fid)
        said = [tb.text for tb, _c in self.texts if tb is not self.figure_box]
        if theme:
            title = self.ctx.content.themes[theme].title if theme in self.ctx.content.themes else theme
            said.insert(1, f"{title} ({self.icons.alt(self.icons.for_fact(fid))}).")
        return " ".join(said)

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
    """For the person in charge of the kiosk: today's figures, the players' level, the pre/post
    measure (off unless the admin turns it on), restart, quit."""

    name = "admin"

    def measure_label(self) -> str:
        return _("Mesure avant/après\u00a0: oui") if self.ctx.settings.kiosk_measure \
            else _("Mesure avant/après\u00a0: non")

    def build(self, m: Metrics) -> None:
        area = centered(m.content, min(m.content.width, m.body * 34))
        head, area = take_top(area, round(m.heading * 1.6), m.gap)
        self.text(_("Administration de la borne"), head, m.heading, bold=True, valign="center")
        actions = (_("Retour au jeu"), _("Redémarrer"), _("Quitter le jeu"))
        third = (area.width - 2 * m.gap) // 3 - 2 * max(8, m.gap)
        side_by_side = all(self.ctx.renderer.measure(label, m.body, True) <= third for label in actions)
        n_rows = 1 if side_by_side else 3  # large text: a row each, never a cut word
        buttons, area = take_bottom(area, n_rows * m.button_h + (n_rows - 1) * m.gap, m.gap * 2)
        # The kiosk's own settings, kept in its settings file: the players' level, the measure.
        labels = (level_label(self.ctx.settings.level), self.measure_label())
        half = (area.width - m.gap) // 2 - 2 * max(8, m.gap)
        if all(self.ctx.renderer.measure(label, m.body) <= half for label in labels):
            option_row, area = take_bottom(area, m.button_h, m.gap * 2)
            level_box, measure_box = columns(option_row, 2, m.gap)
        else:
            measure_box, area = take_bottom(area, m.button_h, m.gap)
            level_box, area = take_bottom(area, m.button_h, m.gap * 2)
        self.text(self.today_text(), area, m.body)
        back, restart, quit_ = columns(buttons, 3, m.gap) if side_by_side else rows(buttons, 3, m.gap)
        self.widgets = [
            Button("level", level_box, role="adjust", label=labels[0]),
            Button("measure", measure_box, role="adjust", label=labels[1]),
            Button("back", back, role="back", label=actions[0]),
            Button("restart", restart, role="next", label=actions[1], style="primary"),
            Button("quit", quit_, role="quit", label=actions[2]),
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
        elif widget.id == "measure":
            on = not self.ctx.settings.kiosk_measure
            self.ctx.apply_settings(self.ctx.settings.with_value("kiosk_measure", on), save=False)
            if self.ctx.store is not None:
                self.ctx.store.save_value("kiosk_measure", on)
            self.invalidate()
        elif widget.id == "restart":
            self.ctx.kiosk.reset("admin")
        elif widget.id == "quit":
            self.ctx.quit(force=True)

    def on_back(self) -> None:
        self.ctx.pop()
