"""Gauges as meters: pictogram, label, value and unit, a graduated bar, a comparison, and
what the last change means for the planet or for people, in words and shapes as well as colour.

    meter = Meter(indicator, renderer, icons, high=120, basis="1 smartphone neuf ≈ 58 kg CO₂e (…)")
    meter.set_value(58)            # after a choice: eases to 58 over 0.4 s
    moving = meter.update(dt)      # False at rest: the loop may sleep
    meter.draw(surface, rect, palette)

``MeterPanel`` lays several meters out in a rect (a row, or a grid when narrow) and explains
itself while every gauge is still at 0 (« Tes choix feront bouger ces jauges »).
Nothing here scores or reads content files: values come from the session.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.content.models import Indicator
from game.explain import comparison_units
from game.i18n import _, fmt_number, fmt_signed, with_unit
from game.ui.icons import Icons, badge
from game.ui.text import TextBox, TextRenderer
from game.ui.theme import Palette

DURATION = 0.4  # s: a gauge eases to its new value in this time, then stops


def ease_out(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return 1 - (1 - t) ** 3


@dataclass
class Eased:
    """A number that eases to its target over ``duration``; ``moving`` is False at rest."""

    value: float = 0.0
    duration: float = DURATION
    start: float = 0.0
    target: float = 0.0
    elapsed: float = 0.0
    moving: bool = False

    def __post_init__(self) -> None:
        self.start = self.target = self.value

    def set(self, target: float, animate: bool = True) -> None:
        if target == self.target and (self.moving or self.value == target):
            return
        self.start, self.target, self.elapsed = self.value, float(target), 0.0
        self.moving = animate and self.duration > 0 and self.start != self.target
        if not self.moving:
            self.value = self.target

    def update(self, dt: float) -> bool:
        """Advance by ``dt`` seconds; returns whether it is still moving (to redraw again)."""
        if not self.moving:
            return False
        self.elapsed = min(self.duration, self.elapsed + max(0.0, dt))
        self.value = self.start + (self.target - self.start) * ease_out(self.elapsed / self.duration)
        if self.elapsed >= self.duration:
            self.value, self.moving = self.target, False
        return True  # one more frame to draw the value it reached


def value_text(ind: Indicator, value: float) -> str:
    number = fmt_number(value, 1 if abs(value) < 100 else 0)
    return with_unit(number, ind.unit)


def short_comparison(ind: Indicator, value: float) -> str:
    """« ≈ 1,2 smartphone neuf » for a meter (the unit's source is the meter's ``basis``)."""
    units = comparison_units(ind, value)
    if units is None:
        return ""
    n, noun = units
    if n is None:
        return _("moins d'un {thing}").format(thing=noun)
    return _("≈ {n} {thing}").format(n=fmt_number(n, 1), thing=noun)


def nice_ceiling(x: float) -> float:
    """The next round number above x (1, 2, 5 × 10^k): a scale that grows in readable steps."""
    if x <= 0:
        return 1.0
    exp = math.floor(math.log10(x))
    for m in (1, 2, 2.5, 5, 10):
        if m * 10 ** exp >= x:
            return m * 10 ** exp
    return 10 ** (exp + 1)


def verdict(ind: Indicator, delta: float, domain: str | None = None) -> tuple[bool, str]:
    """(good, words) for a change of ``delta``: better or worse for the planet or for people."""
    good = delta < 0 if ind.lower_is_better else delta > 0
    domain = domain or ("planet" if ind.lower_is_better else "people")
    if domain == "planet":
        return good, _("bon pour la planète") if good else _("plus lourd pour la planète")
    return good, _("bon pour les personnes") if good else _("moins bien pour les personnes")


def _box(surface: pygame.Surface, renderer: TextRenderer, text: str, rect: pygame.Rect, size: int, color,
         bold: bool = False, align: str = "left", valign: str = "center", min_size: int | None = None) -> TextBox:
    box = TextBox(text, rect, size, min_size or max(10, round(size * 0.72)), bold=bold, align=align,
                  valign=valign).layout(renderer)
    box.draw(surface, renderer, color)
    return box


class Meter:
    """One gauge. ``high`` is the top of the scale (e.g. the heaviest total the dealt cards can
    reach); without it the scale grows in round steps as the value does."""

    def __init__(self, indicator: Indicator, renderer: TextRenderer, icons: Icons, *, value: float = 0.0,
                 high: float | None = None, basis: str = "", domain: str | None = None,
                 comparison: Callable[[float], str] | None = None, icon: str | None = None,
                 text_size: int | None = None) -> None:
        self.indicator = indicator
        self.renderer = renderer
        self.icons = icons
        self.high = high
        self.basis = basis  # where the comparison unit comes from, shown when there is room
        self.domain = domain
        self.comparison = comparison or (lambda v: short_comparison(indicator, v))
        self.icon = icon or icons.for_gauge(indicator.id)
        self.text_size = text_size
        self.eased = Eased(value)
        self.last_change = 0.0
        self.palette: Palette | None = None
        self.drawn: list[TextBox] = []  # the text boxes of the last draw (tests check they fit)
        self.zero_note = True  # « Pas encore bougé » at 0 (a panel's hint says it once for all)
        self.centred = False  # True: the lines in the card's middle (the results' meters, at rest)

    # -- state ----------------------------------------------------------------------------
    @property
    def value(self) -> float:
        return self.eased.target

    @property
    def shown(self) -> float:
        return self.eased.value

    @property
    def moving(self) -> bool:
        return self.eased.moving

    def set_value(self, total: float, animate: bool = True) -> None:
        delta = total - self.eased.target
        if delta:
            self.last_change = delta
        self.eased.set(total, animate)

    def update(self, dt: float) -> bool:
        return self.eased.update(dt)

    def scale_top(self) -> float:
        top = self.high if self.high and self.high > 0 else 0.0
        return max(top, nice_ceiling(max(self.value, self.shown)))

    def alt(self) -> str:
        """What self-voicing says: « Carbone : 58 kg CO₂e, ≈ 1 smartphone neuf ; +58, plus lourd… »."""
        ind = self.indicator
        parts = [_("{label}\u00a0: {value}").format(label=ind.label, value=value_text(ind, self.value))]
        comp = self.comparison(self.value)
        if comp:
            parts.append(comp)
        text = ", ".join(parts)
        if self.last_change:
            _good, words = verdict(ind, self.last_change, self.domain)
            text += _("\u00a0; ") + f"{fmt_signed(self.last_change)}, {words}"
        return text

    # -- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, rect: pygame.Rect, palette: Palette | None = None) -> None:
        """Draw inside ``rect`` (never outside it): a card with the meter, laid out for its size."""
        p = palette or self.palette
        assert p is not None, "a palette is needed to draw"
        old_clip = surface.get_clip()
        surface.set_clip(rect.clip(old_clip) if old_clip else rect)
        self.drawn = []
        try:
            self._draw(surface, rect, p)
        finally:
            surface.set_clip(old_clip)

    def _text(self, surface: pygame.Surface, *args, **kwargs) -> TextBox:  # noqa: ANN002, ANN003
        box = _box(surface, self.renderer, *args, **kwargs)
        self.drawn.append(box)
        return box

    def _fh(self, size: int, bold: bool = False) -> int:
        return self.renderer.fonts.font(size, bold).get_height()

    def height_for(self, body: int | None = None, lines: int = 2) -> int:
        """The card height that shows the head, the bar and ``lines`` lines under it at ``body`` px
        (the text size given, or 26): what a screen reserves for the strip."""
        body = body or self.text_size or 26
        small = max(13, round(body * 0.8))
        pad = max(4, round(body * 0.45))
        head = self._fh(small) + self._fh(round(body * 1.2), True)
        bar = max(6, round(body * 0.45))
        under = sum(self._fh(small, k == 0) + max(2, pad // 4) for k in range(lines))
        under += self.renderer.line_height(small, True)  # the change may take two lines
        return 2 * pad + head + pad // 2 + bar + pad // 2 + under

    def _sizes(self, rect: pygame.Rect) -> tuple[int, int]:
        if self.text_size:
            body = self.text_size
        else:  # a full card is about 7 body sizes high; a compact one about 3.5
            body = max(14, min(round(rect.height / 7.2), round(rect.width / 12), 48))
            if rect.height < body * 5:
                body = max(14, min(round(rect.height / 3.6), round(rect.width / 14), 48))
        return body, max(13, round(body * 0.8))

    def _draw(self, surface: pygame.Surface, rect: pygame.Rect, p: Palette) -> None:
        ind = self.indicator
        body, small = self._sizes(rect)
        radius = max(4, body // 2)
        pygame.draw.rect(surface, p.panel, rect, border_radius=radius)
        pygame.draw.rect(surface, p.border, rect, width=max(1, body // 14), border_radius=radius)
        pad = max(4, round(body * 0.45))
        inner = rect.inflate(-2 * pad, -2 * pad)
        if inner.width < 8 or inner.height < 8:
            return
        big = round(body * 1.2)
        bar_h = max(6, round(body * 0.45))
        line_h = self._fh(small, True)
        full_head = self._fh(small) + self._fh(big, True)
        compact = inner.height < full_head + bar_h + line_h + 2 * (pad // 2)
        head_h = min(inner.height, max(self._fh(body, True), self._fh(small)) if compact else full_head)
        plan = self._plan_lines(inner, inner.y + head_h + bar_h + 2 * (pad // 2), small, pad)
        shift = 0
        if self.centred and not compact:  # the card's lines as a group in its middle, not at its top
            end = plan[-1][3] + plan[-1][4] if plan else inner.y + head_h + bar_h + pad // 2
            shift = max(0, (inner.bottom - end) // 2)
        head = pygame.Rect(inner.x, inner.y + shift, inner.width, head_h)
        value = value_text(ind, self.shown)
        if compact:  # one line: pictogram, label, value at the right
            icon_side = min(head_h, inner.width // 4)
            badge(surface, self.icons, self.icon, pygame.Rect(head.x, head.y + (head_h - icon_side) // 2, icon_side,
                                                              icon_side), p.bar, p.on_primary)
            text_x = head.x + icon_side + pad // 2
            text_area = pygame.Rect(text_x, head.y, max(1, head.right - text_x), head.height)
            vw = min(text_area.width // 2, self.renderer.measure(value, body, True) + 2)
            label_r = pygame.Rect(text_area.x, text_area.y, text_area.width - vw - pad // 2, text_area.height)
            self._text(surface, ind.label, label_r, small, p.muted, min_size=small - 2)
            self._text(surface, value, pygame.Rect(label_r.right + pad // 2, text_area.y, vw, text_area.height), body,
                       p.text, bold=True, align="right")
        else:  # the label across the card, then the pictogram beside the value
            lab_h = self._fh(small)
            self._text(surface, ind.label, pygame.Rect(head.x, head.y, head.width, lab_h), small, p.muted,
                       min_size=small - 2)
            row = pygame.Rect(head.x, head.y + lab_h, head.width, head.height - lab_h)
            icon_side = min(row.height, inner.width // 4)
            badge(surface, self.icons, self.icon, pygame.Rect(row.x, row.y + (row.height - icon_side) // 2, icon_side,
                                                              icon_side), p.bar, p.on_primary)
            vx = row.x + icon_side + pad // 2
            self._text(surface, value, pygame.Rect(vx, row.y, max(1, row.right - vx), row.height), big, p.text,
                       bold=True)
        y = head.bottom + pad // 2
        # The bar: a track, the fill, a tick at each comparison unit (one per smartphone).
        bar = pygame.Rect(inner.x, y, inner.width, bar_h)
        if bar.bottom > inner.bottom:
            return
        self._draw_bar(surface, bar, p)
        for kind, text, size, ly, h in plan:
            r = pygame.Rect(inner.x, ly + shift, inner.width, h)
            if kind == "change":
                self._draw_change(surface, r, p, size)
            else:
                self._text(surface, text, r, size, p.muted if kind in ("muted", "basis") else p.text,
                           min_size=size - 3, valign="top")

    def _plan_lines(self, inner: pygame.Rect, y: int, small: int, pad: int) -> list[tuple[str, str, int, int, int]]:
        """The lines under the bar that fit from ``y`` down to the card's inner bottom, as (kind,
        text, size, top, height): the change (arrow, ✓ or !, words), the comparison, its source."""
        comp = self.comparison(self.value)
        lines: list[tuple[str, str]] = []
        if self.last_change:
            lines.append(("change", ""))
            if comp:
                lines.append(("comp", comp))
        else:
            if comp:
                lines.append(("comp", comp))
            elif self.zero_note and not self.value:  # « not moved yet » only at 0
                lines.append(("muted", _("Pas encore bougé")))
        tiny = max(12, round(small * 0.85))
        if self.basis and (comp or not self.value):  # at 0 the unit of comparison says what is coming
            lines.append(("basis", self.basis))
        plan = []
        for kind, text in lines:
            size = tiny if kind == "basis" else small
            h = self._fh(size, kind == "change")
            if kind == "change" and not self._change_fits(inner.width, size):
                two = h + self.renderer.line_height(size, True) - self.renderer.fonts.font(size, True).get_height()
                h = two + self._fh(size, True) if y + two + self._fh(size, True) <= inner.bottom + 1 else h
            if kind == "basis":  # a source is shown whole, on two lines if need be, or not at all
                room_h = inner.bottom + 1 - y
                fitted = self.renderer.fit(text, inner.width, room_h, size, size - 3)
                if fitted.truncated:
                    break
                h = fitted.height
            if y + h > inner.bottom + 1:
                break
            plan.append((kind, text, size, y, h))
            y += h + max(2, pad // 4)
        return plan

    def _draw_bar(self, surface: pygame.Surface, bar: pygame.Rect, p: Palette) -> None:
        r = bar.height // 2
        pygame.draw.rect(surface, p.bar_track, bar, border_radius=r)
        top = self.scale_top()
        frac = max(0.0, min(1.0, self.shown / top)) if top else 0.0
        if frac > 0:
            fill = pygame.Rect(bar.x, bar.y, max(bar.height, round(bar.width * frac)), bar.height)
            pygame.draw.rect(surface, p.bar, fill, border_radius=r)
        comp = self.indicator.comparison
        if comp is not None and comp.per > 0:
            n = int(top // comp.per)
            if 1 <= n <= 16:
                for k in range(1, n + 1):
                    x = bar.x + round(bar.width * k * comp.per / top)
                    if bar.x < x < bar.right - 1:
                        pygame.draw.line(surface, p.panel, (x, bar.y), (x, bar.bottom - 1), max(1, bar.height // 5))

    def _change_parts(self, width: int, size: int, lines: int = 1) -> tuple[int, str]:
        """(width of the two marks, the words): the signed change and the words, always on two
        lines; on a single line only when they fit there, else the words alone (they matter more)."""
        _good, words = verdict(self.indicator, self.last_change, self.domain)
        marks = 2 * round(size * 1.2) + max(2, size // 4)
        text = f"{fmt_signed(self.last_change)}, {words}"
        if lines < 2 and self.renderer.measure(text, size, True) > width - marks:
            text = words
        return marks, text

    def _change_fits(self, width: int, size: int) -> bool:
        """Whether the signed change and its words fit on one line (never the shortened words:
        measuring those hid that the figure was dropped, so the second line was never asked for)."""
        _good, words = verdict(self.indicator, self.last_change, self.domain)
        marks = 2 * round(size * 1.2) + max(2, size // 4)
        return self.renderer.measure(f"{fmt_signed(self.last_change)}, {words}", size, True) <= width - marks

    def _draw_change(self, surface: pygame.Surface, line: pygame.Rect, p: Palette, size: int) -> None:
        """An arrow (up / down), a mark (✓ good, ! bad) and the words, in good or bad colour;
        the words go on two lines when one is not enough."""
        good, _words = verdict(self.indicator, self.last_change, self.domain)
        color = p.good if good else p.bad
        first = self._fh(size, True)
        side = max(8, min(first, round(size * 1.2)))
        x = line.x
        top = line.y + (first - side) // 2
        arrow = self.icons.for_button("up" if self.last_change > 0 else "down") or "arrow-up"
        self.icons.blit(surface, arrow, pygame.Rect(x, top, side, side), color, stroke=2.5)
        x += side
        mark = self.icons.for_button("right" if good else "warning") or "check"
        self.icons.blit(surface, mark, pygame.Rect(x, top, side, side), color, stroke=2.5)
        x += side + max(2, size // 4)
        lines = 2 if line.height >= first + self.renderer.line_height(size, True) else 1
        _marks, text = self._change_parts(line.width, size, lines)
        room = pygame.Rect(x, line.y, max(1, line.right - x), line.height)
        self._text(surface, text, room, size, color, bold=True, min_size=max(13, size - 2), valign="top")


class MeterPanel:
    """Several meters in one rect: a row when wide, a grid when narrow; a hint while all are 0."""

    def __init__(self, meters: Sequence[Meter], renderer: TextRenderer, text_size: int | None = None) -> None:
        self.meters = list(meters)
        self.renderer = renderer
        self.text_size = text_size  # px of the labels (the screen's « small »); None: from the room
        self.zero_note = True  # False: a meter at 0 says nothing of « not moved yet » (a game's end)
        for m in self.meters:
            m.text_size = m.text_size or (round(text_size * 1.2) if text_size else None)

    @property
    def moving(self) -> bool:
        return any(m.moving for m in self.meters)

    def update(self, dt: float) -> bool:
        moved = False
        for m in self.meters:
            moved = m.update(dt) or moved
        return moved

    def set_values(self, totals: dict[str, float], animate: bool = True) -> None:
        for m in self.meters:
            m.set_value(totals.get(m.indicator.id, 0.0), animate)

    @property
    def empty(self) -> bool:
        return all(m.value == 0 and not m.last_change for m in self.meters)

    def needed_height(self, width: int, gap: int, lines: int = 1) -> int:
        """The strip height for these meters in ``width`` (hint line included while all are at 0)."""
        if not self.meters:
            return 0
        card = max(m.height_for(lines=lines) for m in self.meters)
        n = len(self.meters)
        cols = n
        while cols > 1 and (width - gap * (cols - 1)) / cols < card * 1.4:  # keep cards wider than high
            cols = min(cols - 1, math.ceil(n / (math.ceil(n / cols) + 1)))  # always fewer: 4, 2, 1 for four
        rows_n = math.ceil(n / cols)
        hint = self.renderer.fonts.font(self.text_size or 21, True).get_height() + gap // 2 if self.empty else 0
        return hint + rows_n * card + (rows_n - 1) * gap

    def hint_size(self, rect: pygame.Rect) -> int:
        return self.text_size or max(13, min(round(rect.height / 9), 30))

    def hint(self) -> str:
        return _("Tes choix feront bouger ces jauges")

    def layout(self, rect: pygame.Rect, gap: int) -> tuple[pygame.Rect | None, list[pygame.Rect]]:
        """(hint line or None, one rect per meter)."""
        n = len(self.meters)
        if not n:
            return None, []
        hint_r = None
        if self.empty:
            hint_h = self.renderer.fonts.font(self.hint_size(rect), True).get_height()
            hint_r = pygame.Rect(rect.x, rect.y, rect.width, hint_h)
            rect = pygame.Rect(rect.x, rect.y + hint_h + gap // 2, rect.width, rect.height - hint_h - gap // 2)
        # The grid whose cells are closest to a card's shape (about 2.4 times as wide as high),
        # no card narrower than 150 px unless there is no other way.
        def shape(cols: int) -> tuple[bool, float]:
            rows_n = math.ceil(n / cols)
            w = (rect.width - gap * (cols - 1)) / cols
            h = max(1.0, (rect.height - gap * (rows_n - 1)) / rows_n)
            return w < 150, abs(math.log(max(w, 1.0) / h / 2.4))

        # Full rows only where possible: 4 meters go 4 × 1, 2 × 2 or 1 × 4, never 3 + 1.
        cols = min(sorted({math.ceil(n / r) for r in range(1, n + 1)}), key=shape)
        rows_n = math.ceil(n / cols)
        w = (rect.width - gap * (cols - 1)) // cols
        h = (rect.height - gap * (rows_n - 1)) // rows_n
        h = max(1, min(h, round(w / 1.4)))  # never a card taller than it is wide
        rects = [pygame.Rect(rect.x + (i % cols) * (w + gap), rect.y + (i // cols) * (h + gap), w, h)
                 for i in range(n)]
        return hint_r, rects

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, palette: Palette, gap: int = 8) -> None:
        hint_r, rects = self.layout(rect, gap)
        old = surface.get_clip()
        surface.set_clip(rect.clip(old) if old else rect)
        try:
            if hint_r is not None:
                size = self.hint_size(rect)
                _box(surface, self.renderer, self.hint(), hint_r, size, palette.muted, bold=True)
            for m, r in zip(self.meters, rects):
                m.zero_note = hint_r is None and self.zero_note
                m.draw(surface, r, palette)
        finally:
            surface.set_clip(old)


def meters_for(content, renderer: TextRenderer, icons: Icons, scenario_ids: Sequence[str] = (),  # noqa: ANN001
               totals: dict[str, float] | None = None, text_size: int | None = None) -> MeterPanel:
    """The panel a screen mounts: one meter per indicator (content order), scaled to the heaviest
    totals the dealt cards can reach, each comparison with its source."""
    from game import explain, scoring

    ranges = scoring.indicator_range(content, scenario_ids) if scenario_ids else {}
    meters = []
    for ind in content.indicators.values():
        high = ranges.get(ind.id, (0.0, 0.0))[1] or None
        meters.append(Meter(ind, renderer, icons, value=(totals or {}).get(ind.id, 0.0), high=high,
                            basis=explain.comparison_basis(content, ind.id)))
    return MeterPanel(meters, renderer, text_size)
