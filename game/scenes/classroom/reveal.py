"""The class item once revealed: a question's right answer, why, and each team's result (a mark
and a word, never a colour alone); a situation's choices with who chose them and one consequence
at a time; the debate, with the facilitator's notes on demand."""

from __future__ import annotations


import pygame

from game.i18n import _, list_sep, ngettext
from game.pads import team_spread
from game.qtypes import qtype
from game.scenes.classroom.ask import list_metrics
from game.scenes.classroom.common import team_color, text_h
from game.scenes.classroom.marks import TILE, draw_mark, letter_of, mark_of, marked
from game.ui.layout import Metrics, columns, take_bottom, take_top
from game.ui.widgets import Button, draw_check, draw_cross, draw_symbol


BAR_SHARE = 0.4  # a spread bar keeps at least this share of its row


class RevealView:
    """Mixin of ClassItemScene: the « reveal » and « debate » phases' layout."""

    def _build_reveal(self, m: Metrics, area: pygame.Rect) -> None:
        """A question's reveal in two pages, each as large as it can be: « answer » (the prompt,
        the right answer, the class's spread as bars, or the estimate's histogram, or the right
        order, and every team's result in a compact grid), then « why » (the theme, the
        explanation and its source). A situation card has its own pages."""
        self.marks: list[tuple[pygame.Rect, bool | None]] = []
        self.spread_bars: list = []
        self.bar_teams: list = []  # (box, team): a team's symbol on the bar of the choice it made
        self.histogram = None
        if self.step.kind != "question":
            self._build_card_reveal(m, area, self.run.teams_for_current())
        elif self.run.reveal_page == "why":
            self._build_why(m, area)
        else:
            self._build_answer(m, area)

    def answer_words(self) -> str:
        item = self.item
        if item.type == "estimate":
            return _("La bonne réponse\u00a0: {value}").format(value=self._fmt(item.estimate.answer))
        if item.type == "ordering":
            return _("Le bon ordre\u00a0:")
        right = [marked(i, c.text) for i, c in enumerate(self.choices) if c.correct]
        return (_("Les bonnes réponses\u00a0: {answer}") if len(right) > 1
                else _("La bonne réponse\u00a0: {answer}")).format(answer=list_sep().join(right))

    def _theme_line(self, m: Metrics, area: pygame.Rect) -> pygame.Rect:
        theme = self.ctx.content.themes.get(self.item.theme)
        if theme is None:
            return area
        label = _("Thème\u00a0: {title}").format(title=theme.title)
        line, area = take_top(area, text_h(self, label, area.width, m.small), m.gap)
        self.text(label, line, m.small, color="muted")
        return area

    def _source_line(self, m: Metrics, area: pygame.Rect) -> pygame.Rect:
        source = self.ctx.content.sources.get(self.item.source or "")
        if source is None:
            return area
        src = _("Source\u00a0: {source}").format(source=source.short_label)
        box, area = take_bottom(area, text_h(self, src, area.width, m.small), m.gap * 2)
        self.text(src, box, m.small, color="muted")
        return area

    def _build_why(self, m: Metrics, area: pygame.Rect) -> None:
        """The « why » page: the theme, the right answer again when there is room for it (not an
        ordering's: its list was the page before), the explanation, the source."""
        item = self.item
        area = self._theme_line(m, area)
        area = self._source_line(m, area)
        pieces = [(item.explanation, m.body, "text", False)]
        if item.type != "ordering":
            answer = self.answer_words()
            need = text_h(self, answer, area.width, m.body, True) + m.gap * 2 + text_h(self, item.explanation,
                                                                                     area.width, m.body)
            if need <= area.height:
                pieces.insert(0, (answer, m.body, "text", True))
        self.text_stack(pieces, area, m.gap * 2, valign="top")

    def result_words(self, teams: list[int]) -> dict[int, str]:
        """Each team's result in words: « juste », « pas cette fois », « pas de réponse », an
        ordering's pairs in order, and the speed point when the timer gave one."""
        credits = self.run.credits() if self.item.type == "ordering" else {}
        words = {}
        for t in teams:
            entry = self.classroom.entry(t)
            word = (_("juste") if entry.answer.correct else _("pas cette fois")) if entry else _("pas de réponse")
            if t in credits and entry is not None and not entry.answer.correct:
                word = _("{good}/{total} paires dans l'ordre").format(good=credits[t][0], total=credits[t][1])
            if entry and self.classroom.speed_bonus(t, self.classroom.step):
                word += " " + _("(+1\u00a0rapidité)")
            words[t] = word
        return words

    def result_groups(self, teams: list[int]) -> list[tuple[bool | None, str, list[int]]]:
        """The teams grouped by their result (right first, then the others, then no answer): each
        group's mark (True, False, None), its words and its teams, in the teams' order."""
        words = self.result_words(teams)
        groups: dict[tuple[bool | None, str], list[int]] = {}
        for t in teams:
            entry = self.classroom.entry(t)
            groups.setdefault((entry.answer.correct if entry else None, words[t]), []).append(t)
        rank = {True: 0, False: 1, None: 2}
        return [(ok, word, ts) for (ok, word), ts in sorted(groups.items(), key=lambda kv: (rank[kv[0][0]], kv[1][0]))]

    def _plan_results(self, m: Metrics, width: int, teams: list[int]):  # noqa: ANN202
        """Where the team results go in a band ``width`` wide: a line per result (its mark, its
        words in bold, then the chips of the teams that got it: symbol and name, wrapping under
        the first chip). Returns (height, [(mark box, ok, head box, head, [(chip box, team)])]),
        boxes relative to the band's top left."""
        r = self.ctx.renderer
        size = m.small
        sym = round(size * 1.1)
        mark = round(size * 1.1)
        line_h = max(r.line_height(size, True), sym) + 4
        chip_gap = m.gap * 2
        plan = []
        y = 0
        for ok, word, ts in self.result_groups(teams):
            head = _("{result}\u00a0:").format(result=word)
            head_w = min(width - mark - m.gap // 2, r.measure(head, size, True) + 2)
            chips = [(t, sym + max(6, sym // 3) + r.measure(self.team(t).name, size, True) + 2) for t in ts]
            widest = max(w for _t, w in chips)
            x0 = mark + m.gap // 2 + head_w + m.gap
            head_h = text_h(self, head, head_w, size, True, line_h)
            if x0 + widest > width:  # no room beside the words: the chips on the lines below
                x0, y_chips = mark + m.gap // 2, y + head_h + m.gap // 2
            else:
                y_chips = y
            placed, x, cy = [], x0, y_chips
            for t, w in chips:
                w = min(w, width - x0)
                if x > x0 and x + w > width:
                    x, cy = x0, cy + line_h + m.gap // 2
                placed.append((pygame.Rect(x, cy, w, line_h), t))
                x += w + chip_gap
            plan.append((pygame.Rect(0, y + (line_h - mark) // 2, mark, mark), ok,
                         pygame.Rect(mark + m.gap // 2, y, head_w, head_h), head, placed))
            y = max(y + head_h, cy + line_h) + m.gap // 2
        return y - m.gap // 2, plan

    def _place_results(self, plan, band: pygame.Rect, m: Metrics) -> None:  # noqa: ANN001
        for mark, ok, head_box, head, chips in plan:
            self.marks.append((mark.move(band.topleft), ok))
            self.text(head, head_box.move(band.topleft), m.small, bold=True, valign="center")
            for box, t in chips:
                self.team_text(self.team(t), box.move(band.topleft), m.small)

    def _build_answer(self, m: Metrics, area: pygame.Rect) -> None:
        """The answer page: the right answer with the class's spread (bars, the estimate's
        histogram or the right order), every team's result grouped by result, and the prompt as a
        reminder above when there is room for it (the room read it on the asking screen)."""
        item = self.item
        teams = self.run.teams_for_current()
        answer = self.answer_words()
        res_h, plan = self._plan_results(m, area.width, teams)
        res, area = take_bottom(area, res_h, m.gap * 2)
        self._place_results(plan, res, m)
        # The prompt heads the page in small muted type when the rest leaves it room.
        prompt_h = text_h(self, item.prompt, area.width, m.small, True)
        if item.type == "estimate":
            need = self._histogram_need(m, area.width, answer)
        elif item.type == "ordering":
            need = self._right_order_need(m, area.width, answer)
        else:
            answer_h = text_h(self, answer, area.width, m.body, True)
            need = answer_h + m.gap * 2 + self._spread_height(
                m, area.width, self.choices, lambda c: c.correct, height=area.height - answer_h - m.gap * 2)
        if need is not None and prompt_h + m.gap * 2 + need <= area.height:
            head_box, area = take_top(area, prompt_h, m.gap * 2)
            self.text(item.prompt, head_box, m.small, color="muted", bold=True)
        if item.type == "estimate":
            self._build_histogram(m, area, answer)
            if self.histogram is None:  # no estimate given: the right value in words
                self.text_stack([(answer, m.body, "text", True)], area, m.gap, valign="top")
        elif item.type == "ordering":
            if self._build_right_order(m, area, answer) is None:  # no room for its rows: in words
                self.text_stack([(qtype("ordering").right_words(item), m.small, "text", True)], area, m.gap,
                                valign="top")
        else:
            # The right answers in full when the bars leave room for them, else by their letters
            # (their words were on the asking page, and « why » says them again).
            letters = [letter_of(i) for i, c in enumerate(self.choices) if c.correct]
            short = (_("Les bonnes réponses\u00a0: {answer}") if len(letters) > 1
                     else _("La bonne réponse\u00a0: {answer}")).format(answer=list_sep().join(letters))
            for said in (answer, short):
                answer_h = text_h(self, said, area.width, m.body, True)
                bars = self._spread_height(m, area.width, self.choices, lambda c: c.correct,
                                           height=area.height - answer_h - m.gap * 2)
                if answer_h + m.gap * 2 + bars <= area.height:
                    break
            top, rest = take_top(area, answer_h, m.gap * 2)
            self.text(said, top, m.body, bold=True)
            self._build_spread(m, rest, self.choices, lambda c: c.correct, grow=True)

    def _histogram_need(self, m: Metrics, width: int, answer: str) -> int:
        """The least height the estimate's histogram takes (as ``_build_histogram`` lays it)."""
        est_unit = ngettext("{n} équipe", "{n} équipes", 8).format(n=8)
        legend = _("barre la plus haute\u00a0: {count}").format(count=est_unit)
        return text_h(self, answer, width, m.body, True) + max(round(m.body * 1.6), 24) \
            + text_h(self, legend, width // 2, m.small) + m.gap

    def _right_order_need(self, m: Metrics, width: int, label: str) -> int:
        """The height of « Le bon ordre : » and the list at the page's size."""
        widget = self.order_list(qtype("ordering").right_ids(self.item))
        return text_h(self, label, width, m.body, True) + m.gap + widget.needed_height(self.ctx.renderer, m, width)

    def _build_right_order(self, m: Metrics, area: pygame.Rect, label: str) -> pygame.Rect | None:
        """An ordering's reveal: « Le bon ordre : » and the list in the right order (display-only),
        beside the explanation when the screen is wide, above it otherwise. Returns the room left,
        or None (nothing placed) when the list cannot fit."""
        from_top = qtype("ordering").right_ids(self.item)
        widget = self.order_list(from_top)
        r = self.ctx.renderer
        side = False  # the answer page is the list's: the explanation has a page of its own
        col = area
        label_h = text_h(self, label, col.width, m.body, True)
        for lm in list_metrics(m):
            need = widget.needed_height(r, lm, col.width)
            if label_h + m.gap + need <= col.height:
                break
        else:  # no room for the rows beside eight teams' results: the right order in words
            if self.projector_t <= 0:
                return None
        widget.keep_metrics = lm is not m
        label_box, rest = take_top(col, label_h, m.gap)
        self.text(label, label_box, m.body, bold=True)
        box = pygame.Rect(rest.x, rest.y, rest.width, need)  # too tall at a projector step: the step below
        rest = pygame.Rect(rest.x, box.bottom + m.gap * 2, rest.width, max(0, rest.bottom - box.bottom - m.gap * 2))
        widget.layout(r, lm, box)
        self.widgets.insert(0, widget)
        if side:
            return pygame.Rect(col.right + m.gap * 3, area.y, area.right - col.right - m.gap * 3, area.height)
        return rest

    def _spread_counts(self, counts: dict[str, int] | None = None):  # noqa: ANN202
        """The spread's counts and their unit: pads per choice when pads answered, else teams per
        choice (``counts`` when given)."""
        pads = getattr(self, "pads", None)
        phones = pads.spread() if pads is not None and pads.server is not None else {}
        if sum(phones.values()):
            return phones, lambda n: ngettext("{n} téléphone", "{n} téléphones", n).format(n=n)
        counts = team_spread(self.classroom) if counts is None else counts
        return counts, lambda n: ngettext("{n} équipe", "{n} équipes", n).format(n=n)

    def _spread_plan(self, m: Metrics, width: int, shown: list, is_right, counts=None,  # noqa: ANN001, ANN202
                     height: int = 10_000):
        """How the bars go in ``width``: (columns, row height, each choice's words, the words'
        width, the counts, whether the words go under the bar), or None when no bar can keep
        ``BAR_SHARE`` of its row. Each bar keeps at least that share (before: the words took
        the room and left a 20 px bar). In order: two columns, then one, with the words
        « (bonne réponse) »; then without them (the right bar keeps its tick and bold count);
        then the count under its bar. The first that fits ``height`` wins, else the first that
        keeps its bars long."""
        counts, unit = self._spread_counts(counts)
        r = self.ctx.renderer
        full = {c.id: unit(counts.get(c.id, 0)) + (" " + _("(bonne réponse)") if is_right(c) else "") for c in shown}
        bare = {c.id: unit(counts.get(c.id, 0)) for c in shown}
        two = len(shown) > 2 and width > m.body * 24
        found = None
        for ncols, words, under in [(2, full, False), (1, full, False), (2, bare, False), (1, bare, False),
                                    (2, bare, True), (1, bare, True)]:
            if ncols == 2 and not two:
                continue
            col_w = (width - (ncols - 1) * m.gap * 3) // ncols
            widest = max(r.measure(words[c.id], m.small, is_right(c)) for c in shown) + m.gap
            track = self._track_width(m, col_w, 0 if under else widest)
            if track < col_w * BAR_SHARE or (under and widest > col_w - self._bar_lead(m)):
                continue
            words_h = max(text_h(self, w, widest, m.small, True) for w in words.values())
            row_h = (round(m.small * 1.3) + m.gap // 4 + words_h) if under else max(round(m.small * 1.5), words_h)
            nrows = -(-len(shown) // ncols)
            found = found or (ncols, row_h, words, widest, counts, under)
            if nrows * row_h + (nrows - 1) * (m.gap // 2) <= height:
                return ncols, row_h, words, widest, counts, under
        return found

    @staticmethod
    def _bar_lead(m: Metrics) -> int:
        """What stands before a spread bar in its row: the choice's shape, its letter, the tick's slot."""
        return round(m.small * 1.3) + m.gap // 2 + round(m.small * 1.2) + m.small + m.gap // 2

    def _track_width(self, m: Metrics, col_w: int, words_w: int) -> int:
        """A spread bar's length in a row ``col_w`` wide whose words take ``words_w`` beside it."""
        return col_w - self._bar_lead(m) - words_w - (m.gap // 2 if words_w else 0)

    def _spread_height(self, m: Metrics, width: int, shown: list, is_right, counts=None,  # noqa: ANN001
                       height: int = 10_000) -> int:
        """The height of the spread's bars (as ``_build_spread`` lays them in ``height``), 0 when
        they cannot."""
        plan = self._spread_plan(m, width, shown, is_right, counts, height)
        if plan is None:
            return 0
        ncols, row_h = plan[0], plan[1]
        nrows = -(-len(shown) // ncols)
        return nrows * row_h + (nrows - 1) * (m.gap // 2)

    def _build_spread(self, m: Metrics, area: pygame.Rect, shown: list, is_right,  # noqa: ANN001
                      counts: dict[str, int] | None = None, grow: bool = False) -> pygame.Rect:
        """The class's spread as bars at the top of ``area``, one per choice of ``shown`` (its
        shape, letter, a bar, the number in words) and the right ones (``is_right``) marked by a
        tick and words. With ``grow``, the rows share the room left (up to twice their height),
        so the bars are as thick as the page allows. Returns the room left below."""
        plan = self._spread_plan(m, area.width, shown, is_right, counts, area.height)
        if plan is None:  # large text: the counts would not stand whole beside their bars
            self.drop()
            return area
        ncols, row_h, words, words_w, counts, under = plan
        nrows = -(-len(shown) // ncols)
        block_h = nrows * row_h + (nrows - 1) * (m.gap // 2)
        if block_h > area.height:  # no room: the team results say it already
            self.drop()
            return area
        if grow:
            row_h = min(row_h * 2, (area.height - (nrows - 1) * (m.gap // 2)) // nrows)
            block_h = nrows * row_h + (nrows - 1) * (m.gap // 2)
        block, rest = take_top(area, block_h, m.gap * 2)
        cols = columns(block, ncols, m.gap * 3)
        top = max(1, max(counts.values(), default=0))
        words_h = plan[1] - round(m.small * 1.3) - m.gap // 4 if under else 0  # the count's line, under its bar
        bar_h = max(row_h // 2, min(row_h - 8, round(m.small * 1.3)))
        if under:
            bar_h = max(round(m.small * 1.3), row_h - words_h - m.gap // 4)
        for i, c in enumerate(shown):
            col = cols[i // nrows]
            row = pygame.Rect(col.x, block.y + (i % nrows) * (row_h + m.gap // 2), col.width, row_h)
            line = pygame.Rect(row.x, row.y, row.width, bar_h) if under else row  # the shape, letter, tick, bar
            tile = pygame.Rect(row.x, line.centery - round(m.small * 0.65), round(m.small * 1.3), round(m.small * 1.3))
            letter = pygame.Rect(tile.right + m.gap // 2, line.y, round(m.small * 1.2), line.height)
            self.text(letter_of(i), letter, m.small, bold=True, valign="center")
            tick = pygame.Rect(letter.right, line.centery - m.small // 2, m.small, m.small)
            track = pygame.Rect(tick.right + m.gap // 2, line.centery - bar_h // 2,
                                max(1, self._track_width(m, row.width, 0 if under else words_w)), bar_h)
            if under:  # the count under its bar: the bar as long as the row allows
                words_box = pygame.Rect(track.x, track.bottom + m.gap // 4, track.width,
                                        row.bottom - track.bottom - m.gap // 4)
            else:
                words_box = pygame.Rect(row.right - words_w, row.y, words_w, row_h)
            self.text(words[c.id], words_box, m.small, bold=is_right(c), valign="top" if under else "center")
            self.spread_bars.append((tile, i, track, counts.get(c.id, 0) / top, tick if is_right(c) else None,
                                     counts.get(c.id, 0)))
        return rest

    def _build_histogram(self, m: Metrics, area: pygame.Rect, answer: str) -> pygame.Rect:
        """An estimate's spread: the slider's range as an axis, a bar per value given (its height:
        how many teams, or pads, gave it; a tick on those within the tolerance), the right value
        as a line with ``answer`` above it and the tolerance as a shaded band. Returns the room
        left above (the explanation's)."""
        est = self.item.estimate
        pads = getattr(self, "pads", None)
        counts = pads.spread() if pads is not None and pads.server is not None else {}
        phones = bool(sum(counts.values()))
        if not phones:
            counts = team_spread(self.classroom)
        values = {float(k): n for k, n in counts.items() if n}
        if not values:
            return area
        r = self.ctx.renderer
        top = max(values.values())
        unit = ngettext("{n} téléphone", "{n} téléphones", top) if phones else ngettext("{n} équipe", "{n} équipes", top)
        legend = _("barre la plus haute\u00a0: {count}").format(count=unit.format(n=top))
        label_h = text_h(self, answer, area.width, m.body, True)
        scale_h = text_h(self, legend, area.width // 2, m.small)
        plot_h = max(round(m.body * 1.6), 24, min(round(m.body * 4), area.height - label_h - scale_h - m.gap * 2))
        need = label_h + plot_h + scale_h + m.gap
        if need > area.height:
            self.drop()
            return area
        block, rest = take_top(area, need, m.gap * 2)
        plot = pygame.Rect(block.x + m.gap, block.y + label_h + m.gap // 2, block.width - 2 * m.gap, plot_h)
        span = max(1e-9, est.max - est.min)

        def x_of(v: float) -> int:
            return plot.x + round((min(est.max, max(est.min, v)) - est.min) / span * plot.width)

        slack = max(est.tolerance, est.step / 2)
        band = pygame.Rect(x_of(est.answer - slack), plot.y, max(4, x_of(est.answer + slack) - x_of(est.answer - slack)),
                           plot.height)
        bar_w = max(6, min(m.body, plot.width // 40))
        bars = []
        tick_room = min(plot.height // 3, bar_w * 2 + 4)  # the tick over the tallest bar stays under the words
        for v, n in sorted(values.items()):
            h = max(4, round((plot.height - tick_room) * n / top))
            bars.append((pygame.Rect(x_of(v) - bar_w // 2, plot.bottom - h, bar_w, h), abs(v - est.answer) <= slack, n))
        ax = x_of(est.answer)
        words_w = min(block.width, r.measure(answer, m.body, True) + 2)
        words_x = min(max(block.x, ax - words_w // 2), block.right - words_w)
        self.text(answer, pygame.Rect(words_x, block.y, words_w, label_h), m.body, bold=True)
        scale = pygame.Rect(plot.x, plot.bottom + m.gap // 2, plot.width, scale_h)
        third = scale.width // 3
        self.text(self._fmt(est.min), pygame.Rect(scale.x, scale.y, third, scale_h), m.small, color="muted")
        if r.measure(legend, m.small) <= scale.width - 2 * third:  # else the bars' heights say it alone
            self.text(legend, pygame.Rect(scale.x + third, scale.y, scale.width - 2 * third, scale_h), m.small,
                      color="muted", align="center")
        self.text(self._fmt(est.max), pygame.Rect(scale.right - third, scale.y, third, scale_h), m.small,
                  color="muted", align="right")
        self.histogram = (plot, band, ax, bars)
        return rest

    def paint_histogram(self, surface: pygame.Surface) -> None:
        if not getattr(self, "histogram", None):
            return
        p = self.ctx.palette
        plot, band, ax, bars = self.histogram
        shade = pygame.Surface(band.size, pygame.SRCALPHA)
        shade.fill((*p.right[:3], 60))
        surface.blit(shade, band.topleft)
        pygame.draw.line(surface, p.border, plot.bottomleft, plot.bottomright, 2)
        for rect, inside, _n in bars:
            pygame.draw.rect(surface, p.primary if inside else p.muted, rect, border_radius=2)
            if inside:  # inside the band: a tick on top, as well as the colour
                tick = pygame.Rect(rect.centerx - rect.width, rect.y - rect.width * 2 - 2, rect.width * 2, rect.width * 2)
                draw_check(surface, tick, p.right, max(2, rect.width // 3))
        pygame.draw.line(surface, p.right, (ax, plot.y - 2), (ax, plot.bottom), max(3, plot.height // 30))

    def paint_spread(self, surface: pygame.Surface) -> None:
        p = self.ctx.palette
        self.paint_histogram(surface)
        for tile, i, track, share, tick, _n in getattr(self, "spread_bars", []):
            if tile.width:
                draw_mark(surface, tile, i, p.border)
            pygame.draw.rect(surface, p.bar_track, track, border_radius=3)
            if share > 0:
                fill = pygame.Rect(track.x, track.y, max(3, round(track.width * share)), track.height)
                pygame.draw.rect(surface, mark_of(i)[2], fill, border_radius=3)
            if tick is not None:
                draw_check(surface, tick, p.right, max(3, tick.width // 7))
        for box, team in getattr(self, "bar_teams", []):  # on a light tile: read on any bar colour
            pygame.draw.rect(surface, TILE, box.inflate(4, 4), border_radius=max(3, box.width // 5))
            pygame.draw.rect(surface, p.border, box.inflate(4, 4), width=1, border_radius=max(3, box.width // 5))
            draw_symbol(surface, box.inflate(-4, -4), team.symbol, team_color(self.ctx, team))

    def _build_card_reveal(self, m: Metrics, area: pygame.Rect, teams: list[int]) -> None:
        """A situation's reveal in two pages: « answer », each choice with the teams that chose it
        and the class's spread as bars (a touch on a choice, or 1–4, shows its consequence);
        « why », the consequence of one choice (the facilitator's, else the most chosen)."""
        item = self.item
        r = self.ctx.renderer
        shown = self.run.shown_choice()  # the facilitator's pick, else the most chosen
        if self.run.reveal_page == "why":
            area = self._theme_line(m, area)
            area = self._source_line(m, area)
            picked = next(c for c in item.choices if c.id == shown)
            number = [c.id for c in item.choices].index(picked.id) + 1
            self.text_stack([(item.title, round(m.body * 1.1), "text", True),
                             (_("Si l'on choisit {n}\u00a0:").format(n=number) + " " + picked.text, m.body, "text", True),
                             (picked.consequence, m.body, "text", False)], area, m.gap * 2, valign="top")
            return
        head_h = r.fit(item.title, area.width, 10_000, m.heading, m.heading, True).height
        head_box, area = take_top(area, min(head_h, area.height // 4), m.gap * 2)
        self.text(item.title, head_box, m.heading, bold=True, valign="center")
        self._build_card_rows(m, area, shown)

    def _build_card_rows(self, m: Metrics, area: pygame.Rect, shown: str | None) -> None:
        """A situation's answer page, one row per choice: its card (its number and words; a touch,
        or 1–4, shows its consequence) and beside it the class's spread as a bar, the symbols of
        the teams that chose it drawn on the bar and their number in words (« 2 équipes »). Each
        team's symbol and full name stand once below, when there is room; each card's read-aloud
        words name the teams that chose it (before: a « choisi par : … » line in each card, and
        the bars under the cards, which did not fit beside them at a projector step)."""
        item = self.item
        r = self.ctx.renderer
        by = self.run.chosen_by()
        counts, unit = self._spread_counts({cid: len(ts) for cid, ts in by.items()})
        choices = list(item.choices)
        teams = self.run.teams_for_current()
        sym = round(m.small * 1.1)
        words = {c.id: unit(counts.get(c.id, 0)) for c in choices}
        words_w = max(r.measure(w, m.small) for w in words.values()) + m.gap
        chosen_w = max([len(by.get(c.id, [])) for c in choices] + [1]) * (sym + 4) + m.gap
        bar_w = max(area.width * 2 // 5, chosen_w + words_w + m.gap * 2)
        card_w = area.width - bar_w - m.gap * 2
        pad = max(8, m.gap)
        text_w = card_w - 2 * pad - round(m.body * 1.5) - pad // 2
        row_h = max(m.button_h, sym + 12, max(text_h(self, c.text, text_w, m.small) for c in choices)
                    + 2 * max(6, m.gap // 2) + 4)
        rows_h = len(choices) * row_h + (len(choices) - 1) * m.gap
        legend_w = [sym + max(6, sym // 3) + r.measure(self.team(t).name, m.small, True) + 2 for t in teams]
        legend = self._chip_rows(legend_w, area.width, m.gap * 2)
        line_h = max(r.fonts.font(m.small, True).get_linesize(), sym) + 4
        legend_h = len(legend) * line_h + (len(legend) - 1) * (m.gap // 2)
        if card_w < m.body * 8 or rows_h > area.height:
            self.drop()  # no room for the cards beside their bars: the step below
        if rows_h + m.gap * 2 + legend_h <= area.height:
            band, _rest = take_bottom(area, legend_h, m.gap * 2)
            for k, row in enumerate(legend):
                used = sum(legend_w[i] for i in row) + m.gap * 2 * (len(row) - 1)
                x = band.x + (band.width - used) // 2
                for i in row:
                    self.team_text(self.team(teams[i]), pygame.Rect(x, band.y + k * (line_h + m.gap // 2),
                                                                    legend_w[i], line_h), m.small)
                    x += legend_w[i] + m.gap * 2
            area = pygame.Rect(area.x, area.y, area.width, band.y - m.gap * 2 - area.y)
        extra = max(0, min(row_h, (area.height - rows_h) // len(choices)))  # the rows share the room left
        row_h += extra
        public = getattr(self, "public", False)
        top = max(1, max(counts.values(), default=0))
        bar_h = max(sym + 8, round(m.small * 1.5))
        y = area.y
        for i, c in enumerate(choices):
            names = [self.team(t).name for t in by.get(c.id, [])]
            status = (_("choisi par\u00a0: {teams}").format(teams=", ".join(names)) if names
                      else _("choisi par personne")) + ", " + words[c.id]
            card = pygame.Rect(area.x, y, card_w, row_h)
            self.widgets.insert(i, Button(f"card:{c.id}", card, role="open", label=c.text, style="choice",
                                          pick_index=i, text_size=m.small, selected=c.id == shown and not public,
                                          enabled=not public, status=status))
            words_box = pygame.Rect(area.right - words_w, y, words_w, row_h)
            self.text(words[c.id], words_box, m.small, bold=True, align="right", valign="center")
            track = pygame.Rect(card.right + m.gap * 2, y + (row_h - bar_h) // 2,
                                words_box.x - card.right - m.gap * 3, bar_h)
            n = counts.get(c.id, 0)
            self.spread_bars.append((pygame.Rect(track.x, track.y, 0, 0), i, track, n / top, None, n))
            for k, t in enumerate(by.get(c.id, [])):  # the teams that chose it, on their bar
                box = pygame.Rect(track.x + 4 + k * (sym + 4), track.centery - sym // 2, sym, sym)
                self.bar_teams.append((box, self.team(t)))
            y += row_h + m.gap

    def _build_debate(self, m: Metrics, area: pygame.Rect) -> None:
        item = self.item
        label = _("Débat\u00a0: {question}").format(question=item.debate)
        if self.notes_shown and item.facilitator_notes:
            source = self.ctx.content.sources.get(item.source or "")
            notes = _("Notes pour l'animateur·trice\u00a0: {notes}").format(notes=item.facilitator_notes)
            if source:
                notes += " " + _("Source\u00a0: {source}").format(source=source.short_label)
            self.text_stack([(label, round(m.heading * 1.2), "text", True), (notes, m.body, "muted", False)],
                            area, m.gap * 3)
        else:
            self.text_stack([(label, round(m.heading * 1.2), "text", True),
                             (_("Les notes pour l'animateur·trice restent cachées\u00a0: touche N ou bouton «\u00a0Notes\u00a0»."),
                              m.small, "muted", False)], area, m.gap * 3)


    def paint_marks(self, surface: pygame.Surface) -> None:
        """Each team's mark on a question's reveal: a tick, a cross, or a dash for no answer."""
        p = self.ctx.palette
        for rect, correct in self.marks:
            if correct is None:
                pygame.draw.line(surface, p.muted, rect.midleft, rect.midright, max(3, rect.width // 7))
            else:
                (draw_check if correct else draw_cross)(surface, rect, p.right if correct else p.wrong,
                                                        max(3, rect.width // 7))
