"""The class item while teams answer: the prompt, the answers in the session's order (keys 1–4
pick them by place, the logic by id), a chip per team saying who has answered but never what,
and for an estimate a slider that must move before a team's figure is taken."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.i18n import _, ngettext
from game.scenes.classroom.common import SizedButton, TeamChip, team_color, text_h
from game.scenes.classroom.marks import marked
from game.scenes.question import AnswerGrid, fmt_estimate, slider_start
from game.scenes.several import multiple_hint
from game.ui.layout import MIN_TARGET, Metrics, center_block, centered, columns, take_bottom, take_top
from game.ui.ordering import OrderingList
from game.ui.widgets import Button, Slider


def list_metrics(m: Metrics) -> list[Metrics]:
    """An ordering list's sizes, largest first: the screen's, then a size down, then the smallest
    text (rows stay touch targets), for a list that must share the page with eight teams."""
    return [m, replace(m, body=m.small, small=m.min_text, button_h=max(44, round(m.small * 2.1))),
            replace(m, body=m.min_text, small=m.min_text, button_h=44)]


class AskView:
    """Mixin of ClassItemScene: the « ask » phase's layout."""

    def _build_ask(self, m: Metrics, area: pygame.Rect) -> None:
        """The item and one set of answers; below, a chip per team. An answer goes to the team
        whose turn it is (« Réponse de … »), then the next team waiting gets it."""
        item = self.item
        teams = self.run.teams_for_current()
        r = self.ctx.renderer
        area = self._team_row(m, area, teams)
        prompt = item.prompt if self.step.kind == "question" else item.title + "\n" + item.situation
        big = round(m.heading * 1.1)
        if self.step.kind == "question" and item.type == "estimate":
            self._build_estimate(m, area, prompt, big)
            return
        if self.step.kind == "question" and item.type == "ordering" and self._build_order_ask(m, area, prompt):
            return
        shown = self.choices
        public = getattr(self, "public", False)
        # At a projector step a one-line answer needs no more than its text and a margin.
        grid_m = m if self.projector_t <= 0 else replace(m, button_h=max(MIN_TARGET, round(m.body * 1.6)))
        labels = [marked(i, c.text) for i, c in enumerate(shown)]
        answers = AnswerGrid(r, grid_m, area, labels)
        if answers.ncols == 2:  # one answer a row when that is shorter (long answers wrap in two columns)
            single = AnswerGrid(r, grid_m, area, labels, ncols=1)
            if single.height < answers.height:
                answers = single
        choices_h = answers.height
        hint = "" if getattr(self, "hint_in_header", False) else self.multiple_hint()
        if self.step.kind == "question" and item.type == "ordering":  # no room for the list: the grid
            hint = ""  # the order keyed so far goes in the header, beside whose answer it is
        hint_h = r.fit(hint, area.width, 10_000, m.small, m.small).height + m.gap // 2 if hint else 0
        room = area.height - choices_h - hint_h - m.gap * 2
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
        area = center_block(area, prompt_need + hint_h + choices_h + m.gap * 2)
        choices_area, top = take_bottom(area, choices_h, m.gap * 2)
        if hint:
            hint_box, top = take_bottom(top, hint_h, m.gap // 2)
            self.text(hint, hint_box, m.small, color="muted", valign="center")
        self.text_stack(pieces, top, m.gap)
        entry = self.run.entry(self.current)
        multiple = self.step.kind == "question" and item.type == "multiple"
        # Only boxes being ticked for the team whose turn it is show; a keyed single answer never
        # stays outlined, and nothing shows once every team has answered.
        chosen = set(entry.answer.choice_ids) if entry and multiple and not self.all_answered() and not public else set()
        for i, (c, cell) in enumerate(zip(shown, answers.cells(choices_area))):
            self.widgets.insert(i, Button(f"choice:{c.id}", cell, role="answer", label=marked(i, c.text), style="choice",
                                          pick_index=i, toggle=multiple, selected=c.id in chosen, enabled=not public))

    def _team_row(self, m: Metrics, area: pygame.Rect, teams: list[int]) -> pygame.Rect:
        """A chip per team at the bottom, its symbol and name at the chips' size (``small``) in
        one row that wraps into two (or more) when the names are long: the team's button (to key
        its answer) for the facilitator, or on the room's view a line that only says whether it
        has answered (a tick and a word), never what. Returns the room left above."""
        r = self.ctx.renderer
        public = getattr(self, "public", False)
        # A chip's padding is half the page's gap: four names stand in one row at a projector step.
        chip_m = replace(m, body=m.small, gap=max(6, m.gap // 2),
                         button_h=max(MIN_TARGET, r.line_height(m.small) + 2 * max(6, m.gap // 2) + 6))
        pad = max(8, chip_m.gap)  # as Button lays a chip out: padding, the symbol, the name, the check
        icon_w = round(chip_m.body * 1.5) + pad // 2
        check_w = round(m.small * 1.3) + pad // 2
        details = {} if public else self.pad_details(teams)  # with pads: « 3/5 ont répondu », a tie to decide
        words = {t: _("a répondu") if self.run.answered(t) else _("en attente") for t in teams}
        labels = {t: self.team(t).name for t in teams}
        chip_w = max(max(r.measure(x, m.small, public) for x in labels.values()),
                     max((r.measure(d, m.small) for d in details.values()), default=0)) + 2 * pad + icon_w + check_w + 4
        if public:  # no frame: the symbol, the name, a tick once it has answered
            chip_w = round(m.small * 1.1) + max(6, m.small // 3) + max(r.measure(x, m.small, True)
                                                                       for x in labels.values()) \
                + m.gap // 2 + round(m.small * 1.2) + m.gap
        fit = max(1, min(len(teams), (area.width + m.gap) // (chip_w + m.gap)))
        nrows = -(-len(teams) // fit)
        per_row = -(-len(teams) // nrows)  # rows as even as they can be
        chip_h = chip_m.button_h
        if public:
            chip_h = max(r.fonts.font(m.small, False).get_linesize(), round(m.small * 1.1)) + 4
        if not details:  # each chip as wide as its name (TeamChip): more of them in a row
            space = max(6, m.gap * 3 // 4)  # between two chips, less than the page's gap
            if public:  # no frame: more room between two teams, so that a tick goes with its team
                widths = [self._public_chip_width(labels[t], m.small) for t in teams]
                space, row_gap = m.gap * 3 // 2, m.gap // 2
            else:
                widths = [TeamChip.width_for(r, labels[t], m.small) for t in teams]
                chip_h = TeamChip.height_for(r, m.small)
                row_gap = space
            flow = self._chip_rows(widths, area.width, space)
            if flow:
                strip_h = len(flow) * chip_h + (len(flow) - 1) * row_gap
                strip, area = take_bottom(area, strip_h, m.gap * 3 // 2)
                for k, row in enumerate(flow):
                    used = sum(widths[i] for i in row) + space * (len(row) - 1)
                    x = strip.x + (strip.width - used) // 2
                    for i in row:
                        cell = pygame.Rect(x, strip.y + k * (chip_h + row_gap), widths[i], chip_h)
                        if public:
                            self._public_chip(teams[i], cell, m)
                        else:
                            self._team_chip(teams[i], cell, m, chip_m, words, "", compact=True)
                        x += widths[i] + space
                return area
        if details:  # the name and the count, each on its line
            col_w = (area.width - (per_row - 1) * m.gap) // per_row
            inner = col_w - 2 * pad - icon_w - check_w
            need = max(text_h(self, self.team(t).name, inner, m.small, True) for t in teams) \
                + max(text_h(self, d, inner, m.small) for d in details.values())
            chip_h = max(chip_h, need + 2 * max(6, m.gap // 2) + 4)
        elif public:
            chip_h = max(r.line_height(m.small, True), round(m.small * 1.3)) + 4
        strip_h = nrows * chip_h + (nrows - 1) * m.gap
        strip, area = take_bottom(area, strip_h, m.gap * 3 // 2)
        cols = columns(strip, per_row, m.gap)
        for i, t in enumerate(teams):
            cell = pygame.Rect(cols[i % per_row].x, strip.y + (i // per_row) * (chip_h + m.gap),
                               cols[i % per_row].width, chip_h)
            if public:
                self._public_chip(t, cell, m)
                continue
            self._team_chip(t, cell, m, chip_m, words, details.get(t, ""))
        return area

    def _public_chip_width(self, name: str, size: int) -> int:
        """A team on the room's view (``_public_chip``): its symbol, its name in bold, the tick's slot."""
        return size + max(6, size // 4) + self.ctx.renderer.measure(name, size) + 2 + max(4, size // 5) \
            + round(size * 0.85)

    def _public_chip(self, t: int, cell: pygame.Rect, m: Metrics) -> None:
        """The room's view of a team: its symbol and name, and a tick once it has answered."""
        s = round(m.small * 0.85)
        tick = pygame.Rect(cell.right - s, cell.centery - s // 2, s, s)
        if self.run.answered(t):
            self.ticks.append(tick)
        team, icon = self.team(t), pygame.Rect(cell.x, cell.centery - m.small // 2, m.small, m.small)
        self.symbols.append((icon, team))
        name = pygame.Rect(icon.right + max(6, m.small // 4), cell.y, 0, cell.height)
        name.width = tick.x - max(4, m.small // 5) - name.x
        self.text(team.name, name, m.small, valign="center")

    @staticmethod
    def _chip_rows(widths: list[int], width: int, gap: int) -> list[list[int]]:
        """Chips of ``widths`` in as few rows as fit ``width``, as even as they can be."""
        n = len(widths)
        for nrows in range(1, n + 1):
            per_row = -(-n // nrows)
            rows_ = [list(range(i, min(n, i + per_row))) for i in range(0, n, per_row)]
            if all(sum(widths[i] for i in row) + gap * (len(row) - 1) <= width for row in rows_):
                return rows_
            greedy: list[list[int]] = [[]]  # not even, but in as many rows: filled in turn
            for i, w in enumerate(widths):
                if greedy[-1] and sum(widths[j] for j in greedy[-1]) + gap * len(greedy[-1]) + w > width:
                    greedy.append([])
                greedy[-1].append(i)
            if len(greedy) <= nrows and all(sum(widths[i] for i in row) + gap * (len(row) - 1) <= width
                                            for row in greedy):
                return greedy
        return [[i] for i in range(n)]

    def _team_chip(self, t: int, cell: pygame.Rect, m: Metrics, chip_m: Metrics, words: dict[int, str],
                   detail: str, compact: bool = False) -> None:
        team = self.team(t)
        self.widgets.append((TeamChip if compact else SizedButton)(f"team:{t}", cell, role="open", style="choice", label=team.name,
                                        selected=t == self.current and not self.all_answered(),
                                        trailing_check=self.run.answered(t), text_size=m.small, detail=detail,
                                        status=words[t] + (", " + detail if detail else ""),
                                        team_symbol=team.symbol, team_color=team_color(self.ctx, team),
                                        own=chip_m))

    def multiple_hint(self) -> str:
        """What a several-answer question says while teams answer (nothing for another type, nor
        what its prompt already says: ``several.multiple_hint``)."""
        if self.step.kind == "question" and self.item.type == "multiple":
            return multiple_hint(self.item.prompt, group=True)  # never what the prompt already says
        return ""

    def order_list(self, order: list[str] | tuple[str, ...] | None = None):  # noqa: ANN201 - an OrderingList
        """The ordering's list, display-only (the facilitator keys a team's order, the pads send
        theirs): the items in the order on screen, or in ``order`` (the reveal's right order)."""
        texts = {c.id: c.text for c in self.item.choices}
        ids = list(order) if order is not None else [c.id for c in self.choices]
        widget = OrderingList([(cid, texts[cid]) for cid in ids], speak=self.ctx.speak,
                              reduced_motion=not self.ctx.animations)
        widget.enabled = False  # shown, never moved here: keys and pads give the order
        return widget

    def order_hint(self) -> str:
        return _("Tapez les numéros dans l'ordre du classement\u00a0: le premier d'abord.")

    def order_keyed(self) -> str:
        """The order keyed so far for the team whose turn it is, by the numbers on screen."""
        draft = self.run.draft()
        if not draft or self.all_answered():
            return ""
        shown = [c.id for c in self.choices]
        return _("Classement de {team}\u00a0: {order}").format(
            team=self.team(self.current).name, order=", ".join(str(shown.index(cid) + 1) for cid in draft) + "\u2026")

    def _build_order_ask(self, m: Metrics, area: pygame.Rect, prompt: str) -> bool:
        """An ordering while teams answer: the prompt, how to key an order, the list (its rows
        numbered as the keys 1–4 take them) and the order keyed so far for the team whose turn it is.
        False (nothing placed) when the list cannot fit."""
        r = self.ctx.renderer
        hint, keyed = self.order_hint(), ""  # the order keyed so far is in the header
        widget = self.order_list()
        hint_h = text_h(self, hint, area.width, m.small)
        keyed_h = text_h(self, keyed, area.width, m.body, True) if keyed else 0
        width = min(area.width, m.body * 40)
        lists = list_metrics(m)
        for size, lm in [(s, lists[0]) for s in (round(m.heading * 1.1), m.heading)] + [(m.body, x) for x in lists]:
            prompt_h = text_h(self, prompt, area.width, size, True)
            list_h = widget.needed_height(r, lm, width)
            if prompt_h + hint_h + keyed_h + list_h + m.gap * 4 <= area.height:
                break
        else:
            if self.projector_t <= 0:  # eight teams' chips leave no room for the rows: the answers' grid
                return False
            # At a projector step, the list as it is, too tall: the page does not fit, and the
            # step below is tried (the list is preferred to the grid while a size allows it).
        widget.keep_metrics = lm is not m
        block = center_block(area, prompt_h + hint_h + keyed_h + list_h + m.gap * 4)
        top, rest = take_top(block, prompt_h, m.gap)
        self.text(prompt, top, size, bold=True, valign="center")
        hint_box, rest = take_top(rest, hint_h, m.gap)
        self.text(hint, hint_box, m.small, color="muted")
        if keyed:
            keyed_box, rest = take_bottom(rest, keyed_h, m.gap)
            self.text(keyed, keyed_box, m.body, bold=True)
        box = centered(pygame.Rect(rest.x, rest.y, rest.width, list_h), width)
        widget.layout(r, lm, box)
        self.widgets.insert(0, widget)
        return True

    def pad_details(self, teams: list[int]) -> dict[int, str]:
        """A chip's second line when the class plays with pads: how many of the team's pads
        answered (never who, never what), or a tie the facilitator decides; nothing for a team
        without pads (keyed as before)."""
        pads = getattr(self, "pads", None)
        if pads is None or pads.server is None:
            return {}
        out = {}
        for t, c in pads.counts().items():
            if t not in teams:
                continue
            if c.tie and not c.entered:
                out[t] = _("égalité\u00a0: à vous de choisir")
            elif c.keyed:
                out[t] = _("saisie au clavier")
            elif c.members:
                out[t] = ngettext("{n}/{total} a répondu", "{n}/{total} ont répondu", c.answered).format(
                    n=c.answered, total=c.members)
            else:
                out[t] = _("pas de téléphone")
        return out

    def _build_public_estimate(self, m: Metrics, area: pygame.Rect, prompt: str, size: int) -> None:
        """The room's view of an estimate while teams answer: the prompt and the range with its
        unit; the slider and each team's figure are on the facilitator's window only."""
        est = self.item.estimate
        span = _("Un nombre entre {low} et {high}").format(low=self._fmt(est.min), high=self._fmt(est.max))
        span_h = text_h(self, span, area.width, m.heading, True)
        for size in (size, m.heading, round(m.body * 1.1), m.body):  # a long prompt steps down, never scrolls
            prompt_h = text_h(self, prompt, area.width, size, True)
            if prompt_h + span_h + m.gap * 3 <= area.height:
                break
        self.text_stack([(prompt, size, "text", True), (span, m.heading, "muted", True)], area, m.gap * 3)

    def _build_estimate(self, m: Metrics, area: pygame.Rect, prompt: str, size: int) -> None:
        if getattr(self, "public", False):
            self._build_public_estimate(m, area, prompt, size)
            return
        est = self.item.estimate
        entry = self.run.entry(self.current)
        closed = self.all_answered()  # every team has answered: no team's figure, and nothing to nudge
        if closed:
            entry = None
        value = entry.answer.value if entry else slider_start(self.item, self.step)
        # The start was drawn at random: it is no team's estimate until the slider moves (issue 14.3).
        shown = self._fmt(value) if entry else _("{value} (déplacez le curseur)").format(value=self._fmt(value))
        if closed:
            shown = _("Pour corriger une réponse, choisissez l'équipe en bas.")
        value_h = max(round(m.title * 1.2),
                      self.ctx.renderer.fit(shown, area.width, 10_000, m.heading, m.heading, True).height)
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
            Button("validate", ok, role="submit", label=_("Valider"), enabled=not closed and entry is not None),
        ]
        left = pygame.Rect(track.x, scale.y, track.width // 2, scale.height)
        right = pygame.Rect(track.centerx, scale.y, track.width - track.width // 2, scale.height)
        self.text(self._fmt(est.min), left, m.small, color="muted")
        self.text(self._fmt(est.max), right, m.small, color="muted", align="right")

    def _fmt(self, value: float) -> str:
        return fmt_estimate(self.item.estimate, value)

