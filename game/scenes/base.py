"""The scene lifecycle and what every screen shares: focus, pointer, layout on resize.

A scene is handed a ``Context`` (game/scenes/context.py), never the App. Lifecycle, driven by
the context's scene stack:
  enter()  when pushed;  pause() when another scene is pushed above;
  resume() when it is on top again;  exit() when popped.
Each frame: handle(intent) for each intent, update(dt) -> still animating?, draw(surface).
A scene lays itself out for the size of the surface it draws on (``build``), so the same
scene draws at any window size and on a plain Surface in tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from dataclasses import replace

from game import input as inp
from game.i18n import _, list_sep
from game.ui.layout import Metrics, columns
from game.ui.text import TextBox
from game.ui.widgets import Button, Slider, Widget, draw_hover

if TYPE_CHECKING:
    from game.scenes.context import Context


PAGE_FACTORS = (1, 1.5, 2, 3, 4, 6, 8)  # how much taller than the window a page may grow
SHRINK_LIMIT = 0.8  # text fitted below 80 % of the size asked for: make the page taller instead
DRAG_THRESHOLD = 12  # px a finger moves before a tap becomes a scroll


def sources_line(content, ids, notes: bool = False) -> str:  # noqa: ANN001 - a Content, source ids
    """« Source : A » or « Sources : A ; B » for every source an item names (``source_ids``, issue
    14.6), in the author's order, each document once; with ``notes``, what each note says of it
    (« Affiche « Numérique » (note (6)) »). '' when none of the ids is known."""
    found: dict[str, list[str]] = {}
    for sid in ids:
        src = content.sources.get(sid)
        if src is not None:
            kept = found.setdefault(src.short_label, [])
            if notes and src.note and src.note not in kept:
                kept.append(src.note)
    labels = [label + (f" ({', '.join(n)})" if n else "") for label, n in found.items()]
    if not labels:
        return ""
    if len(labels) == 1:
        return _("Source\u00a0: {source}").format(source=labels[0])
    return _("Sources\u00a0: {sources}").format(sources=list_sep().join(labels))


class Scene:
    transparent = False  # overlays let the scene below show through
    scrollable = True
    name = "scene"

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.widgets: list[Widget] = []
        self.texts: list[tuple[TextBox, str]] = []  # (box, palette colour name)
        self.focus_id: str | None = None
        self.pressed_id: str | None = None
        self.hovered = False  # the focus follows the mouse: drawn as a hover, unlike the keyboard's ring
        self.dragging: Slider | None = None
        self.metrics: Metrics | None = None
        self.show_focus = True
        self._built_for: tuple | None = None
        self._spoken = ""
        self.view_size = (1, 1)
        self.page_height = 1
        self.scroll = 0
        self._canvas: pygame.Surface | None = None
        self._drag_from: tuple[int, int] | None = None

    # -- lifecycle -------------------------------------------------------------------
    def abandon(self) -> bool:
        """Record the game this scene shows as abandoned; True when it shows one. The app asks
        each scene of its stack, bottom first, when the player leaves (quit, a kiosk's reset)."""
        return False

    def enter(self) -> None:
        pass

    def exit(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def resume(self) -> None:
        self.invalidate()

    # -- layout ------------------------------------------------------------------------
    def invalidate(self) -> None:
        """Lay out again before the next draw (content, state or settings changed)."""
        self._built_for = None
        self.ctx.request_redraw()

    def ensure_layout(self, size: tuple[int, int]) -> None:
        key = (size, self.ctx.layout_key())
        if key != self._built_for:
            self.view_size = size
            base = self.ctx.metrics_for(size)
            # Large text may not fit one screen: lay the page out taller, and let it scroll.
            best = None
            for factor in PAGE_FACTORS if self.scrollable else (1,):
                self._layout_at(replace(base, height=round(size[1] * factor)))
                problems = self._problems()
                if problems == 0:
                    break
                if best is None or problems < best[0]:
                    best = (problems, factor)
            else:
                if best is not None and self.scrollable:  # nothing fits everything: the least bad page
                    self._layout_at(replace(base, height=round(size[1] * best[1])))
            self.page_height = self.metrics.height
            self.scroll = min(self.scroll, self.max_scroll)
            ids = [w.id for w in self.focusables()]
            if self.focus_id not in ids:
                self.focus_id = self.default_focus() or (ids[0] if ids else None)
            self._built_for = key
            summary = self.speech()
            if summary != self._spoken:
                self._spoken = summary
                focused = self.focused()
                self.ctx.speak(summary + (" — " + focused.alt if focused is not None else ""))

    def _layout_at(self, metrics: Metrics) -> None:
        self.metrics = metrics
        self.widgets = []
        self.texts = []
        self.build(metrics)
        for w in self.widgets:
            if isinstance(w, Button):
                w.layout(self.ctx.renderer, metrics)

    def _problems(self) -> int:
        """How far the layout is from fitting the page: texts cut or shrunk much below the size
        asked for, anything below the page, widgets on top of each other or of a text."""
        assert self.metrics is not None
        page = pygame.Rect(0, 0, self.metrics.width, self.metrics.height)
        boxes = [tb for tb, _c in self.texts]
        n = 0
        for w in self.widgets:
            boxes.extend(getattr(w, "text_boxes", []))
            n += not page.contains(w.rect)
        n += sum(a.rect.colliderect(b.rect) for i, a in enumerate(self.widgets) for b in self.widgets[i + 1:])
        n += sum(bool(tb.bounds.width and tb.bounds.colliderect(w.rect)) for tb, _c in self.texts for w in self.widgets)
        n += sum(tb.fitted is not None and (tb.fitted.truncated or tb.fitted.size < tb.size * SHRINK_LIMIT
                                            or not page.contains(tb.bounds)) for tb in boxes)
        return n

    @property
    def max_scroll(self) -> int:
        return max(0, self.page_height - self.view_size[1])

    def scroll_by(self, dy: int) -> None:
        new = min(self.max_scroll, max(0, self.scroll + dy))
        if new != self.scroll:
            self.scroll = new
            self.ctx.request_redraw()

    def scroll_to_show(self, widget: Widget) -> None:
        top, bottom = widget.rect.top - self.metrics.gap * 2, widget.rect.bottom + self.metrics.gap * 2
        if top < self.scroll:
            self.scroll_by(top - self.scroll)
        elif bottom > self.scroll + self.view_size[1]:
            self.scroll_by(bottom - self.scroll - self.view_size[1])

    def build(self, m: Metrics) -> None:
        """Fill ``self.widgets`` and ``self.texts`` for metrics ``m``."""

    def text(self, text: str, box: pygame.Rect, size: int, color: str = "text", **kw) -> TextBox:  # noqa: ANN003
        """Lay out a text box and remember it for drawing (and for the overflow tests)."""
        assert self.metrics is not None
        tb = TextBox(text, box, size, kw.pop("min_size", self.metrics.min_text), **kw).layout(self.ctx.renderer)
        self.texts.append((tb, color))
        return tb

    def text_stack(self, items: list[tuple[str, int, str, bool]], area: pygame.Rect, gap: int,
                   valign: str = "center") -> pygame.Rect:
        """Lay out (text, size, colour, bold) pieces one under the other, as a group centred in
        ``area`` when they fit; when they do not, each gets a share of the height and shrinks.
        Returns the rectangle the group uses."""
        assert self.metrics is not None
        r = self.ctx.renderer
        needs = [r.fit(t, area.width, 10_000, size, size, bold).height for t, size, _c, bold in items]
        total = sum(needs) + gap * (len(items) - 1)
        if total > area.height:
            scale = max(0.0, area.height - gap * (len(items) - 1)) / max(1, sum(needs))
            needs = [int(n * scale) for n in needs]
            total = sum(needs) + gap * (len(items) - 1)
        y = area.y + (max(0, area.height - total) // 2 if valign == "center" else 0)
        for (t, size, color, bold), h in zip(items, needs):
            self.text(t, pygame.Rect(area.x, y, area.width, h), size, color=color, bold=bold)
            y += h + gap
        return pygame.Rect(area.x, area.y, area.width, total)

    def button_width(self, label: str, available: int, min_em: float = 10) -> int:
        """Wide enough for its label on one line at the current text size, within ``available``."""
        assert self.metrics is not None
        m = self.metrics
        need = self.ctx.renderer.measure(label, m.body, True) + 2 * max(8, m.gap) + m.gap
        return min(available, max(round(m.body * min_em), need))

    def default_focus(self) -> str | None:
        return None

    # -- drawing -----------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        self.ensure_layout(surface.get_size())
        if self.page_height <= surface.get_height():
            self.paint(surface)
            return
        # A page taller than the window: paint it whole once, show the part scrolled to.
        if self._canvas is None or self._canvas.get_size() != (surface.get_width(), self.page_height):
            self._canvas = pygame.Surface((surface.get_width(), self.page_height))
        self.paint(self._canvas)
        surface.blit(self._canvas, (0, 0), pygame.Rect(0, self.scroll, surface.get_width(), surface.get_height()))
        self._draw_scrollbar(surface)

    def _draw_scrollbar(self, surface: pygame.Surface) -> None:
        """A bar on the right edge: where the view is in the page (the arrows say there is more)."""
        p, m = self.ctx.palette, self.metrics
        h = surface.get_height()
        w = max(6, m.gap // 2)
        track = pygame.Rect(surface.get_width() - w - 2, 2, w, h - 4)
        thumb_h = max(24, track.height * h // self.page_height)
        thumb_y = track.y + (track.height - thumb_h) * self.scroll // max(1, self.max_scroll)
        pygame.draw.rect(surface, p.bar_track, track, border_radius=w // 2)
        pygame.draw.rect(surface, p.text, pygame.Rect(track.x, thumb_y, w, thumb_h), border_radius=w // 2)

    def paint(self, surface: pygame.Surface) -> None:
        """Draw the laid-out page on ``surface`` (the window, or the tall page when it scrolls)."""
        p = self.ctx.palette
        if not self.transparent:
            surface.fill(p.background)
        self.draw_background(surface)
        for box, color in self.texts:
            box.draw(surface, self.ctx.renderer, getattr(p, color))
        for w in self.widgets:
            focused = self.show_focus and w.id == self.focus_id
            w.draw(surface, self.ctx.renderer, p, self.metrics, focused and not self.hovered)  # type: ignore[attr-defined]
            if focused and self.hovered:
                draw_hover(surface, w.rect, p, self.metrics)
        self.draw_foreground(surface)

    def draw_background(self, surface: pygame.Surface) -> None:
        pass

    def draw_foreground(self, surface: pygame.Surface) -> None:
        pass

    # -- input -------------------------------------------------------------------------
    def focusables(self) -> list[Widget]:
        return [w for w in self.widgets if w.enabled]

    def focused(self) -> Widget | None:
        return next((w for w in self.focusables() if w.id == self.focus_id), None)

    def widget(self, wid: str) -> Widget | None:
        return next((w for w in self.widgets if w.id == wid), None)

    def set_focus(self, wid: str | None) -> None:
        if wid != self.focus_id:
            self.focus_id = wid
            self.ctx.request_redraw()
            focused = self.focused()
            if focused is not None:
                self.scroll_to_show(focused)
                self.ctx.speak(focused.alt)
            self.on_focus(wid)

    def speech(self) -> str:
        """What read aloud says when the screen appears: its texts, then the numbered answers."""
        parts = [tb.text for tb, _c in self.texts]
        parts += [f"{w.pick_index + 1}. {w.alt}" for w in self.widgets if w.role == "answer" and w.pick_index is not None]
        return " ".join(parts)

    def on_focus(self, wid: str | None) -> None:
        pass

    def handle(self, intent: inp.Intent) -> None:
        # A key pressed before the first draw of a new scene must still find its widgets.
        self.ensure_layout(self.ctx.surface_size())
        kind = intent.kind
        if intent.device in ("keyboard", "gamepad") and not self.show_focus:
            self.show_focus = True
            self.ctx.request_redraw()
        if intent.device in ("keyboard", "gamepad") and self.hovered:
            self.hovered = False  # the keyboard takes the focus back: its ring again
            self.ctx.request_redraw()
        if kind in (inp.POINTER_DOWN, inp.POINTER_UP, inp.POINTER_MOVE):
            if intent.device == "touch" and self.show_focus:
                self.show_focus = False  # no ring under a finger; it returns with a key
                self.ctx.request_redraw()
            self._pointer(intent)
        elif kind == inp.CONFIRM:
            w = self.focused()
            if w is not None:
                self.activate(w)
        elif kind == inp.BACK:
            self.on_back()
        elif kind == inp.SCROLL:
            self.scroll_by((intent.index or 0) * max(40, self.view_size[1] // 8))
        elif kind == inp.PICK:
            w = next((w for w in self.focusables() if w.pick_index == intent.index), None)
            if w is not None:
                self.set_focus(w.id)
                self.activate(w)
        elif kind in (inp.LEFT, inp.RIGHT) and isinstance(self.focused(), Slider):
            slider = self.focused()
            assert isinstance(slider, Slider)
            if slider.nudge(1 if kind == inp.RIGHT else -1):
                self.on_slider(slider)
        elif kind in (inp.NEXT, inp.PREV):
            self._move_linear(1 if kind == inp.NEXT else -1)
        elif kind in (inp.UP, inp.DOWN, inp.LEFT, inp.RIGHT):
            self._move_spatial(kind)

    def _pointer(self, intent: inp.Intent) -> None:
        screen_pos = intent.pos or (0, 0)
        pos = (screen_pos[0], screen_pos[1] + self.scroll)  # page coordinates
        hit = next((w for w in reversed(self.focusables()) if w.contains(pos)), None)
        if intent.kind == inp.POINTER_MOVE and intent.pressed and self._drag_from is not None \
                and self.dragging is None and self.max_scroll:
            dy = screen_pos[1] - self._drag_from[1]
            if abs(dy) >= DRAG_THRESHOLD or self.pressed_id is None:
                self.pressed_id = None  # a drag scrolls the page; it presses nothing
                self.scroll_by(-dy)
                self._drag_from = screen_pos
            return
        if intent.kind == inp.POINTER_DOWN:
            self._drag_from = screen_pos
            self.pressed_id = hit.id if hit else None
            if hit is not None:
                self.set_focus(hit.id)
                if isinstance(hit, Slider):
                    self.dragging = hit
                    if hit.set_value(hit.value_at(pos[0])):
                        self.on_slider(hit)
        elif intent.kind == inp.POINTER_MOVE:
            if self.dragging is not None and intent.pressed:
                if self.dragging.set_value(self.dragging.value_at(pos[0])):
                    self.on_slider(self.dragging)
            elif intent.device == "mouse" and hit is not None and not intent.pressed:
                self.set_focus(hit.id)
                if not self.hovered:
                    self.hovered = True  # under the mouse: a tint, not the keyboard's ring
                    self.ctx.request_redraw()
        else:  # POINTER_UP: a tap or click activates what it started on
            was_dragging = self.dragging is not None
            self.dragging = None
            self._drag_from = None
            if hit is not None and hit.id == self.pressed_id and not was_dragging:
                self.activate(hit)
            self.pressed_id = None

    def _move_linear(self, step: int) -> None:
        ids = [w.id for w in self.focusables()]
        if not ids:
            return
        i = ids.index(self.focus_id) if self.focus_id in ids else -step
        self.set_focus(ids[(i + step) % len(ids)])

    def _move_spatial(self, direction: str) -> None:
        """Arrows go to the nearest widget that way; past the edge, to the next in order."""
        current = self.focused()
        items = self.focusables()
        if current is None:
            if items:
                self.set_focus(items[0].id)
            return
        cx, cy = current.rect.center
        best, best_d = None, None
        for w in items:
            if w is current:
                continue
            dx, dy = w.rect.centerx - cx, w.rect.centery - cy
            along, across = {"up": (-dy, dx), "down": (dy, dx), "left": (-dx, dy), "right": (dx, dy)}[direction]
            if along <= 0:
                continue
            d = along + 2 * abs(across)
            if best_d is None or d < best_d:
                best, best_d = w, d
        if best is not None:
            self.set_focus(best.id)
        else:
            self._move_linear(1 if direction in ("down", "right") else -1)

    def activate(self, widget: Widget) -> None:
        self.ctx.request_redraw()
        self.on_activate(widget)

    def on_activate(self, widget: Widget) -> None:
        pass

    def on_slider(self, slider: Slider) -> None:
        self.ctx.request_redraw()

    def on_back(self) -> None:
        pass

    # -- autoplay ----------------------------------------------------------------------
    def bot_targets(self) -> list[Widget]:
        """What a bot may press to move the game forward (never quit)."""
        return [w for w in self.focusables() if w.role not in ("quit", "back")]


class Paged:
    """A scene shown a page at a time (``page``, ``pages``): « Retour » at the left of its button
    band, « Précédent » and « Suivant » at the right when there is more than one page."""

    page = 0
    pages = 1

    def pager_buttons(self, m: Metrics, nav: pygame.Rect) -> None:
        back_w = min(nav.width // 3, m.body * 10)
        self.widgets.append(Button("back", pygame.Rect(nav.x, nav.y, back_w, nav.height), role="back",
                                   label=_("Retour"), style="primary"))
        if self.pages > 1:
            band = pygame.Rect(nav.right - 2 * back_w - m.gap, nav.y, 2 * back_w + m.gap, nav.height)
            prev, nxt = columns(band, 2, m.gap)
            self.widgets.append(Button("previous", prev, role="next", label=_("Précédent"), enabled=self.page > 0))
            self.widgets.append(Button("next", nxt, role="next", label=_("Suivant"),
                                       enabled=self.page < self.pages - 1))

    def turn_page(self, wid: str) -> bool:
        """« Retour », « Précédent » or « Suivant » pressed: done here (True), else False."""
        if wid == "back":
            self.ctx.pop()
        elif wid in ("previous", "next"):
            self.page += 1 if wid == "next" else -1
            self.focus_id = wid
            self.invalidate()
        else:
            return False
        return True
