"""The answer widget of an « ordering » question: the items as one vertical list to put in order.

One row per item (rank « 1. », « 2. »… on each), the caller's words for each end above and below
the list (« le plus lourd » / « le plus léger »). The same reorder by every device:

- keyboard and pad (the same intents): Up/Down move the focus; Confirm picks the focused row or
  drops it; while a row is picked, Up/Down move it one place, FIRST/LAST (Ctrl+Up/Down, Home/End)
  to the top/bottom; Back drops it. Every move is said through ``speak``.
- mouse and touch: drag a row to its new place (the others slide aside while it moves), or tap
  one row then another to swap them (tap it again to let it go).

The widget never reads pygame events: the scene hands it intents (``handle``), with pointer
positions in the scene's page coordinates. It keeps its state across layouts (``order``,
``picked``, ``moved``), so a scene builds it once per question and calls ``layout`` at each
build. ``dirty`` says that something changed since the last ``draw`` (redraw), ``moving`` that
rows are sliding (call ``update(dt)`` each frame until it returns False).

After the answer, ``show_result(right_order)`` marks each row in place: a tick and « Bien placé »,
or a cross, the words « Pas à sa place » with the right rank, and the right rank in a badge;
the colour only repeats what the shape and the words say.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pygame

from game import input as inp
from game.i18n import _
from game.ui.layout import MIN_TARGET, Metrics
from game.ui.text import TextBox, TextRenderer
from game.ui.theme import Palette
from game.ui.widgets import Widget, draw_arrow, draw_check, draw_cross, draw_focus_ring, draw_hover

# Intents to the ends of the list. game/input.py does not send them yet: Ctrl+Up / Home should
# give FIRST and Ctrl+Down / End LAST (see the module's report); until then Up/Down reach every place.
FIRST = getattr(inp, "FIRST", "first")
LAST = getattr(inp, "LAST", "last")

DRAG_THRESHOLD = 10  # px a pressed pointer moves before a tap becomes a drag
EASE = 18.0  # 1/s: how fast a row slides to its new place while another is dragged


@dataclass
class Row:
    """One item as laid out in its place (its slot): what tests and the scene's fit check read."""

    id: str
    rect: pygame.Rect
    text_boxes: list[TextBox] = field(default_factory=list)
    badge: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    zone: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))  # grip / result icon


class OrderingList(Widget):
    """The list to put in order. ``items``: (choice id, text) in the order the step shows them."""

    def __init__(self, items: Sequence[tuple[str, str]], top_label: str | None = None,
                 bottom_label: str | None = None, speak: Callable[[str], None] | None = None,
                 wid: str = "ordering", reduced_motion: bool = False) -> None:
        super().__init__(wid, pygame.Rect(0, 0, 0, 0), role="adjust")
        if len({cid for cid, _t in items}) != len(items):
            raise ValueError("two items have the same id")
        self.texts: dict[str, str] = dict(items)
        self.order: list[str] = [cid for cid, _t in items]
        self.start: tuple[str, ...] = tuple(self.order)
        self.top_label = top_label if top_label is not None else _("Premier")
        self.bottom_label = bottom_label if bottom_label is not None else _("Dernier")
        self.speak = speak or (lambda _text: None)
        self.reduced_motion = reduced_motion
        self.keep_metrics = False  # True: draw with the metrics of the last layout, not the scene's
        self.focus_index = 0
        self.picked: str | None = None  # the row lifted by Confirm or by a first tap
        self.moved = False  # the player changed the order at least once
        self.dirty = True  # something changed since the last draw
        self.result: tuple[str, ...] | None = None
        self.notes: dict[str, str] = {}
        self.hover: str | None = None
        self.dragging: str | None = None
        self.rows: list[Row] = []  # in the current order, at their slots
        self.text_boxes: list[TextBox] = []  # every text drawn, for the scene's fit check
        self.top_box: TextBox | None = None
        self.bottom_box: TextBox | None = None
        self._m: Metrics | None = None
        self._renderer: TextRenderer | None = None
        self._by_id: dict[str, Row] = {}
        self._shown: dict[str, float] = {}  # where each row is drawn (y), sliding to its slot
        self._press: str | None = None  # the row a pointer went down on
        self._press_pos: tuple[int, int] = (0, 0)
        self._grab_dy = 0  # pointer y - row top, while dragging
        self._drag_top = 0.0

    # ------------------------------------------------------------------ state

    @property
    def answer(self) -> tuple[str, ...]:
        """The order to score: choice ids from top to bottom (an order: never sort it)."""
        return tuple(self.order)

    @property
    def moving(self) -> bool:
        """Rows are being dragged or are still sliding to their places."""
        if self.dragging is not None:
            return True
        return any(abs(self._shown.get(r.id, r.rect.y) - r.rect.y) >= 0.5 for r in self.rows)

    @property
    def n(self) -> int:
        return len(self.order)

    @property
    def display_only(self) -> bool:
        """Shown, never moved (a class projector's list: keys and pads give the order): no grip
        is drawn and no input is taken; a result shown is not this (its marks take the place)."""
        return not self.enabled and self.result is None

    def set_texts(self, texts: Mapping[str, str]) -> None:
        """New words for the same ids (a language switch); call ``layout`` again after it."""
        self.texts.update({cid: t for cid, t in texts.items() if cid in self.texts})
        self.dirty = True

    def focus_row(self, index: int) -> None:
        """Put the focus on row ``index`` (e.g. the last one when the focus comes up from below)."""
        index = max(0, min(self.n - 1, index))
        if index != self.focus_index:
            self.focus_index = index
            self.dirty = True

    def blur(self) -> None:
        """The scene's focus left the list: a picked row is put down where it is."""
        if self.picked is not None:
            self._drop(say=False)

    def show_result(self, right_order: Iterable[str], notes: Mapping[str, str] | None = None) -> None:
        """Mark each row in place (right place / wrong place, with the right rank); ``notes``:
        choice id -> a line shown under it (the item's figure). Call ``layout`` again after it:
        the rows grow to take the words."""
        right = tuple(right_order)
        if set(right) != set(self.order) or len(right) != self.n:
            raise ValueError("the right order must order the same items")
        self.result = right
        self.notes = {cid: t for cid, t in (notes or {}).items() if t}
        self.picked = None
        self.dragging = None
        self._press = None
        self.hover = None
        self.enabled = False  # shown, no longer answered: the focus goes past it
        self.dirty = True

    def mark(self, cid: str) -> tuple[bool, str]:
        """After the result: (in its right place, the words that say so)."""
        assert self.result is not None
        right_rank = self.result.index(cid) + 1
        if self.order.index(cid) + 1 == right_rank:
            return True, _("Bien placé")
        return False, _("Pas à sa place\u00a0: il va au rang {rank}").format(rank=right_rank)

    # ------------------------------------------------------------------ words

    def row_words(self, index: int) -> str:
        cid = self.order[index]
        words = _("Rang {rank} sur {n}\u00a0: {item}").format(rank=index + 1, n=self.n, item=self.texts[cid])
        if self.result is not None:
            words += ". " + self.mark(cid)[1]
        return words

    @property
    def alt(self) -> str:
        """What read aloud says when the list takes the focus: its ends, how to use it, the row."""
        head = _("Liste à classer\u00a0: en haut, {top}\u00a0; en bas, {bottom}.").format(
            top=self.top_label, bottom=self.bottom_label)
        if self.result is None:
            head += " " + _("Entrée prend un élément, les flèches le déplacent, Entrée le pose.")
        return head + " " + self.row_words(self.focus_index)

    def speech_text(self) -> str:
        """The whole list in words, top to bottom (for the screen's summary)."""
        return " ".join(self.row_words(i) + "." for i in range(self.n))

    def hint_text(self) -> str:
        """A line a screen may show above the list: how to reorder with each device."""
        return _("Glisse les éléments pour les classer, ou touche-en deux pour les échanger. "
                 "Au clavier\u00a0: Entrée, puis les flèches.")

    # ------------------------------------------------------------------ layout

    def _sizes(self, m: Metrics) -> list[int]:
        sizes, s = [], m.body
        while s > m.min_text:
            sizes.append(s)
            s = max(m.min_text, int(s * 0.92))
        return sizes + [m.min_text]

    def _geometry(self, m: Metrics, renderer: TextRenderer) -> dict[str, int]:
        pad = max(8, m.gap)
        badge_w = max(round(m.body * 1.7), renderer.measure(f"{self.n}.", m.body, True) + pad)
        icon = round(m.body * 1.3)
        zone_w = 0 if self.display_only else icon  # no grip: the text takes its room
        if self.result is not None and any(not self.mark(c)[0] for c in self.order):
            zone_w = icon + max(4, m.gap // 2) + badge_w  # the cross and the right rank beside it
        return {"pad": pad, "vpad": max(6, m.gap // 2), "badge_w": badge_w, "icon": icon, "zone_w": zone_w,
                "gap": max(6, m.gap // 2)}

    def _text_width(self, m: Metrics, renderer: TextRenderer, width: int) -> int:
        g = self._geometry(m, renderer)
        return max(20, width - 4 * g["pad"] - g["badge_w"] - g["zone_w"])

    def _label_h(self, renderer: TextRenderer, m: Metrics, width: int, text: str) -> int:
        arrow = round(m.small * 0.9)
        return max(arrow, renderer.fit(text, max(20, width - arrow - m.gap), 10_000, m.small, m.small,
                                       True).height) + max(4, m.gap // 2)

    def _row_need(self, renderer: TextRenderer, m: Metrics, cid: str, tw: int, size: int,
                  small: int) -> int:
        need = renderer.fit(self.texts[cid], tw, 10_000, size, size).height
        if self.result is not None:
            need += max(2, m.gap // 3) + renderer.fit(self.mark(cid)[1], tw, 10_000, small, small, True).height
            if cid in self.notes:
                need += max(2, m.gap // 3) + renderer.fit(self.notes[cid], tw, 10_000, small, small).height
        return need

    def needed_height(self, renderer: TextRenderer, m: Metrics, width: int) -> int:
        """The height the list takes at ``width`` with its text at full size (rows ≥ a touch target)."""
        g = self._geometry(m, renderer)
        tw = self._text_width(m, renderer, width)
        rows_h = sum(max(m.button_h, self._row_need(renderer, m, c, tw, m.body, m.small) + 2 * g["vpad"])
                     for c in self.order)
        return (self._label_h(renderer, m, width, self.top_label) + self._label_h(renderer, m, width, self.bottom_label)
                + rows_h + g["gap"] * (self.n + 1))

    def layout(self, renderer: TextRenderer, m: Metrics, rect: pygame.Rect | None = None) -> None:
        """Place the list in ``rect`` (the one it had when None). The text keeps its size when
        the rect is as tall as ``needed_height``; in a lower rect it shrinks (rows stay ≥ 44 px),
        which the scene's fit check counts as a problem, so that a page can grow instead."""
        if rect is not None:
            self.rect = pygame.Rect(rect)
        self._m, self._renderer = m, renderer
        g = self._geometry(m, renderer)
        r = self.rect
        top_h = self._label_h(renderer, m, r.width, self.top_label)
        bottom_h = self._label_h(renderer, m, r.width, self.bottom_label)
        avail = r.height - top_h - bottom_h - g["gap"] * (self.n + 1)
        tw = self._text_width(m, renderer, r.width)
        floor = MIN_TARGET
        chosen = None
        for s in self._sizes(m):
            small = max(m.min_text, min(m.small, s))
            floor = m.button_h if s == m.body else MIN_TARGET
            heights = {c: max(floor, self._row_need(renderer, m, c, tw, s, small) + 2 * g["vpad"])
                       for c in self.order}
            chosen = (s, small, heights)
            if sum(heights.values()) <= avail:
                break
        assert chosen is not None
        size, small, heights = chosen
        total = sum(heights.values())
        if total > avail:  # even the smallest text does not fit: share the height, cut the item texts
            spare = max(self.n * MIN_TARGET, avail)
            floor = 2 * g["vpad"] + renderer.line_height(size)  # one line of each item at least...
            if self.result is not None:  # ...and the words of its mark, never cut (the notes go first)
                floor += max(2, m.gap // 3) + renderer.line_height(small, True)
            floor = max(MIN_TARGET, floor)
            heights = {c: max(floor, h * spare // max(1, total)) for c, h in heights.items()}
        self.heights = heights
        self._size, self._small = size, small
        label_w = r.width - round(m.small * 0.9) - m.gap
        self.top_box = TextBox(self.top_label, pygame.Rect(r.x + round(m.small * 0.9) + m.gap, r.y, label_w,
                                                           top_h - max(4, m.gap // 2)),
                               m.small, m.min_text, bold=True, valign="center").layout(renderer)
        self._rows_top = r.y + top_h + g["gap"]
        self._place_rows()
        # The bottom end right under the last row (a shrunk list leaves its spare height below).
        bottom_y = self.rows[-1].rect.bottom + g["gap"] if self.rows else r.bottom - bottom_h
        self.bottom_box = TextBox(self.bottom_label, pygame.Rect(r.x + round(m.small * 0.9) + m.gap,
                                                                 bottom_y + max(4, m.gap // 2), label_w,
                                                                 bottom_h - max(4, m.gap // 2)),
                                  m.small, m.min_text, bold=True, valign="center").layout(renderer)
        self._collect_boxes()
        for row in self.rows:
            if self.dragging != row.id and (row.id not in self._shown or self.reduced_motion or self.dragging is None):
                self._shown[row.id] = row.rect.y
        self.dirty = True

    def _place_rows(self) -> None:
        """Slots in the current order, and the text of each row laid out in its slot."""
        m, renderer = self._m, self._renderer
        assert m is not None and renderer is not None
        g = self._geometry(m, renderer)
        r = self.rect
        y = self._rows_top
        self.rows, self._by_id = [], {}
        for cid in self.order:
            h = self.heights[cid]
            rect = pygame.Rect(r.x, y, r.width, h)
            row = Row(cid, rect)
            inner = rect.inflate(0, -2 * g["vpad"])
            row.badge = pygame.Rect(rect.x + g["pad"], rect.centery - min(inner.height, round(m.body * 1.5)) // 2,
                                    g["badge_w"], min(inner.height, round(m.body * 1.5)))
            row.zone = pygame.Rect(rect.right - g["pad"] - g["zone_w"], rect.centery - g["icon"] // 2,
                                   g["zone_w"], g["icon"])
            tx = row.badge.right + g["pad"]
            tw = row.zone.x - g["pad"] - tx
            boxes = [(self.texts[cid], self._size, False)]
            if self.result is not None:
                boxes.append((self.mark(cid)[1], self._small, True))
                if cid in self.notes:
                    boxes.append((self.notes[cid], self._small, False))
            needs = [renderer.fit(t, tw, 10_000, s, s, b).height for t, s, b in boxes]
            sep = max(2, m.gap // 3)
            block = sum(needs) + sep * (len(needs) - 1)
            if block > inner.height and len(boxes) == 3:  # too low a row: the note goes first
                boxes, needs = boxes[:2], needs[:2]
                block = sum(needs) + sep
            if block > inner.height:  # then the item's text is cut, the mark's words kept whole
                needs[0] = max(1, inner.height - (block - needs[0]))
                block = inner.height
            ty = inner.y + max(0, (inner.height - block) // 2)
            for (text, s, bold), need in zip(boxes, needs):
                h_box = max(1, min(need, inner.bottom - ty))
                tb = TextBox(text, pygame.Rect(tx, ty, tw, h_box), m.body if s == self._size else m.small, s, bold=bold)
                tb.fitted = renderer.fit(text, tw, h_box, s, s, bold)
                tb.bounds = pygame.Rect(tx, ty, tb.fitted.width, tb.fitted.height)
                row.text_boxes.append(tb)
                ty += need + sep
            self.rows.append(row)
            self._by_id[cid] = row
            y += h + g["gap"]
        self._collect_boxes()

    def _collect_boxes(self) -> None:
        self.text_boxes = [b for b in (self.top_box, self.bottom_box) if b is not None] + \
            [tb for row in self.rows for tb in row.text_boxes]

    @property
    def used_rect(self) -> pygame.Rect:
        """Where the list draws: within ``rect`` (a shrunk list leaves spare height below), or
        taller when even its smallest text cannot fit (the scene's fit check then sees text cut)."""
        bottom = self.bottom_box.box.bottom if self.bottom_box is not None else self.rect.bottom
        return pygame.Rect(self.rect.x, self.rect.y, self.rect.width, bottom - self.rect.y)

    def row(self, cid: str) -> Row:
        return self._by_id[cid]

    # ------------------------------------------------------------------ input

    def handle(self, intent: inp.Intent, pos: tuple[int, int] | None = None) -> bool:
        """One intent; True when the list used it (the scene does nothing more with it). ``pos``:
        the pointer in page coordinates (the intent's own position when None). Up at the top row
        and Down at the bottom one are not used, when no row is picked: the focus leaves the list."""
        if self.result is not None or not self.enabled or self.display_only or not self.order:
            return False
        kind = intent.kind
        if kind in (inp.POINTER_DOWN, inp.POINTER_MOVE, inp.POINTER_UP):
            return self._pointer(intent, pos if pos is not None else intent.pos)
        if kind in (inp.UP, inp.DOWN):
            step = -1 if kind == inp.UP else 1
            if self.picked is not None:
                self._move_picked(self.focus_index + step)
                return True
            target = self.focus_index + step
            if not 0 <= target < self.n:
                return False
            self._focus(target)
            return True
        if kind in (FIRST, LAST):
            target = 0 if kind == FIRST else self.n - 1
            if self.picked is not None:
                self._move_picked(target)
            else:
                self._focus(target)
            return True
        if kind == inp.CONFIRM:
            if self.picked is not None:
                self._drop()
            else:
                self._pick(self.order[self.focus_index])
            return True
        if kind == inp.BACK and self.picked is not None:
            self._drop()
            return True
        if kind in (inp.NEXT, inp.PREV):
            self.blur()  # Tab leaves the list: the picked row stays where it is
        return False

    def _focus(self, index: int) -> None:
        self.focus_index = index
        self.dirty = True
        self.speak(self.row_words(index))

    def _pick(self, cid: str) -> None:
        self.picked = cid
        self.focus_index = self.order.index(cid)
        self.dirty = True
        self.speak(_("Élément pris\u00a0: {item}. Haut et bas pour le déplacer, Entrée pour le poser.").format(
            item=self.texts[cid]))

    def _drop(self, say: bool = True) -> None:
        cid = self.picked
        self.picked = None
        self.dirty = True
        if say and cid is not None:
            self.speak(_("Posé au rang {rank} sur {n}\u00a0: {item}").format(
                rank=self.order.index(cid) + 1, n=self.n, item=self.texts[cid]))

    def _set_order(self, order: list[str]) -> None:
        if order != self.order:
            self.order = order
            self.moved = True
            self.dirty = True
            if self._m is not None:
                self._place_rows()

    def _move_picked(self, target: int) -> None:
        cid = self.picked
        assert cid is not None
        i = self.order.index(cid)
        target = max(0, min(self.n - 1, target))
        if target == i:
            self.speak(_("Déjà en haut") if i == 0 else _("Déjà en bas"))
            return
        order = [c for c in self.order if c != cid]
        order.insert(target, cid)
        self._set_order(order)
        self.focus_index = target
        for row in self.rows:  # a key moves at once: nothing slides
            self._shown[row.id] = row.rect.y
        self.speak(_("{item}\u00a0: rang {rank} sur {n}").format(item=self.texts[cid], rank=target + 1, n=self.n))

    def _hit(self, pos: tuple[int, int] | None) -> str | None:
        if pos is None:
            return None
        return next((r.id for r in self.rows if r.rect.collidepoint(pos)), None)

    def _pointer(self, intent: inp.Intent, pos: tuple[int, int] | None) -> bool:
        kind = intent.kind
        hit = self._hit(pos)
        if kind == inp.POINTER_DOWN:
            if hit is None:
                return False
            self._press, self._press_pos = hit, pos or (0, 0)
            self.focus_index = self.order.index(hit)
            self.hover = None
            self.dirty = True
            return True
        if kind == inp.POINTER_MOVE:
            if self.dragging is not None and pos is not None:
                self._drag_to(pos[1])
                return True
            if self._press is not None and intent.pressed and pos is not None:
                if abs(pos[1] - self._press_pos[1]) >= DRAG_THRESHOLD:
                    self._start_drag(self._press, self._press_pos)
                    self._drag_to(pos[1])
                return True
            if intent.device == "mouse" and not intent.pressed:
                if hit != self.hover:
                    self.hover = hit
                    self.dirty = True
                return hit is not None
            return self._press is not None
        # POINTER_UP
        if self.dragging is not None:
            cid = self.dragging
            self.dragging = None
            self._press = None
            self._shown[cid] = self._drag_top
            if self.reduced_motion:
                self._shown[cid] = self.row(cid).rect.y
            self.focus_index = self.order.index(cid)
            self.dirty = True
            self.speak(_("Posé au rang {rank} sur {n}\u00a0: {item}").format(
                rank=self.focus_index + 1, n=self.n, item=self.texts[cid]))
            return True
        pressed, self._press = self._press, None
        if pressed is None:
            return False
        if hit == pressed:
            self._tap(hit)
        return True

    def _tap(self, cid: str) -> None:
        if self.picked is None:
            self._pick(cid)
        elif self.picked == cid:
            self._drop()
        else:
            a, b = self.picked, cid
            order = list(self.order)
            ia, ib = order.index(a), order.index(b)
            order[ia], order[ib] = b, a
            self.picked = None
            self._set_order(order)
            for row in self.rows:
                self._shown[row.id] = row.rect.y
            self.focus_index = ib
            self.speak(_("Échangés\u00a0: {first} au rang {a}, {second} au rang {b}").format(
                first=self.texts[a], a=ib + 1, second=self.texts[b], b=ia + 1))

    def _start_drag(self, cid: str, pos: tuple[int, int]) -> None:
        self.dragging = cid
        self.picked = None
        row = self.row(cid)
        self._grab_dy = pos[1] - row.rect.y
        self._drag_top = float(row.rect.y)
        self.dirty = True

    def _drag_to(self, y: int) -> None:
        cid = self.dragging
        assert cid is not None
        h = self.heights[cid]
        first, last = self.rows[0].rect, self.rows[-1].rect
        top = max(first.y - h // 2, min(last.bottom - h // 2, y - self._grab_dy))
        if top != self._drag_top:
            self._drag_top = float(top)
            self.dirty = True
        centre = top + h / 2
        order = list(self.order)
        i = order.index(cid)
        slots = {r.id: r.rect.centery for r in self.rows}
        changed = False
        while i > 0 and centre < slots[order[i - 1]]:
            order[i - 1], order[i] = order[i], order[i - 1]
            i -= 1
            changed = True
            self._set_order(list(order))
            slots = {r.id: r.rect.centery for r in self.rows}
        while i < len(order) - 1 and centre > slots[order[i + 1]]:
            order[i + 1], order[i] = order[i], order[i + 1]
            i += 1
            changed = True
            self._set_order(list(order))
            slots = {r.id: r.rect.centery for r in self.rows}
        if changed:
            self.focus_index = i
            if self.reduced_motion:
                for row in self.rows:
                    self._shown[row.id] = row.rect.y

    def update(self, dt: float) -> bool:
        """Slide the rows toward their places; True while something still moves."""
        if not self.moving:
            return False
        k = min(1.0, max(0.0, dt) * EASE)
        for row in self.rows:
            if row.id == self.dragging:
                continue
            y = self._shown.get(row.id, row.rect.y)
            d = row.rect.y - y
            if abs(d) < 0.5:
                continue
            y = row.rect.y if abs(d) < 1.5 or self.reduced_motion else y + d * k
            self._shown[row.id] = y
            self.dirty = True
        return self.moving

    def shown_rect(self, cid: str) -> pygame.Rect:
        """Where row ``cid`` is drawn now (its slot, unless it is dragged or still sliding)."""
        row = self.row(cid)
        y = self._drag_top if cid == self.dragging else self._shown.get(cid, row.rect.y)
        return pygame.Rect(row.rect.x, round(y), row.rect.width, row.rect.height)

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics, focused: bool) -> None:
        if self._m is None or (self._m != m and not self.keep_metrics):
            self.layout(renderer, m)
        m = self._m  # the metrics it was laid out with (a scene may lay it out at a smaller size)
        self._draw_end(surface, renderer, p, m, self.top_box, up=True)
        self._draw_end(surface, renderer, p, m, self.bottom_box, up=False)
        focus_id = self.order[self.focus_index] if focused and self.result is None else None
        for row in self.rows:
            if row.id != self.dragging:
                self._draw_row(surface, renderer, p, m, row, focus_id == row.id)
        if self.dragging is not None:
            self._draw_row(surface, renderer, p, m, self.row(self.dragging), False)
        self.dirty = False

    def _draw_end(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics,
                  box: TextBox | None, up: bool) -> None:
        if box is None:
            return
        s = round(m.small * 0.9)
        arrow = pygame.Rect(self.rect.x + max(2, m.gap // 3), 0, s - max(2, m.gap // 3), round(s * 0.7))
        arrow.centery = box.bounds.centery
        draw_arrow(surface, arrow, p.text, up)
        box.draw(surface, renderer, p.text)

    def _draw_row(self, surface: pygame.Surface, renderer: TextRenderer, p: Palette, m: Metrics, row: Row,
                  focused: bool) -> None:
        rect = self.shown_rect(row.id)
        dy = rect.y - row.rect.y
        radius = max(6, m.gap)
        lifted = row.id in (self.picked, self.dragging)
        border, bw = p.border, 2
        ok = None
        if self.result is not None:
            ok = self.mark(row.id)[0]
            border, bw = (p.right if ok else p.wrong), max(4, m.ring)
        elif lifted:
            border, bw = p.selected, max(4, m.ring)
        if lifted:  # raised: a shadow under it, as a card held above the others
            off = max(3, m.ring)
            pygame.draw.rect(surface, p.border, rect.move(off, off), border_radius=radius)
        pygame.draw.rect(surface, p.choice, rect, border_radius=radius)
        pygame.draw.rect(surface, border, rect, width=bw, border_radius=radius)
        if focused:
            draw_focus_ring(surface, rect, p, m, radius)
        elif row.id == self.hover and self.dragging is None:
            draw_hover(surface, rect, p, m)
        # The rank, in a badge.
        badge = row.badge.move(0, dy)
        rank = self.order.index(row.id) + 1
        pygame.draw.rect(surface, p.border, badge, width=2, border_radius=max(3, badge.height // 5))
        img = renderer.render(f"{rank}.", max(m.min_text, min(self._size, round(m.body * 0.9))), p.text, True)
        surface.blit(img, img.get_rect(center=badge.center))
        # The text.
        colors = [p.text]
        if ok is not None:
            colors += [p.right if ok else p.wrong, p.muted]
        for tb, color in zip(row.text_boxes, colors):
            _draw_box(surface, renderer, tb, color, dy)
        # The right end: a grip, the arrows of a picked row, or the result.
        zone = row.zone.move(0, dy)
        icon = pygame.Rect(zone.right - zone.height, zone.y, zone.height, zone.height)
        if ok is not None:
            (draw_check if ok else draw_cross)(surface, icon, p.right if ok else p.wrong, max(3, icon.width // 7))
            if not ok:
                assert self.result is not None
                rb = pygame.Rect(zone.x, zone.y, row.badge.width, zone.height)
                pygame.draw.rect(surface, p.right, rb, width=max(2, m.ring // 2 + 1), border_radius=max(3, rb.height // 5))
                img = renderer.render(f"{self.result.index(row.id) + 1}.", max(m.min_text, round(self._small * 0.9)),
                                      p.right, True)
                surface.blit(img, img.get_rect(center=rb.center))
        elif self.display_only:
            pass  # nothing to grab
        elif lifted:
            half = icon.height * 2 // 5
            draw_arrow(surface, pygame.Rect(icon.x, icon.y, icon.width, half), p.selected, True)
            draw_arrow(surface, pygame.Rect(icon.x, icon.bottom - half, icon.width, half), p.selected, False)
        else:
            t = max(2, icon.height // 9)
            for k in (0.25, 0.5, 0.75):
                y = icon.y + round(icon.height * k)
                pygame.draw.line(surface, p.muted, (icon.x + icon.width // 6, y), (icon.right - icon.width // 6, y), t)


def _draw_box(surface: pygame.Surface, renderer: TextRenderer, tb: TextBox, color, dy: int) -> None:  # noqa: ANN001
    """A left-aligned text box drawn ``dy`` pixels below its place (a row that slides)."""
    f = tb.fitted
    if f is None:
        return
    y = tb.bounds.y + dy
    for line in f.lines:
        surface.blit(renderer.render(line, f.size, color, tb.bold), (tb.box.x, y))
        y += f.line_height
