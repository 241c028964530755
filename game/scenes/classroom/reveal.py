"""The class item once revealed: a question's right answer, why, and each team's result (a mark
and a word, never a colour alone); a situation's choices with who chose them and one consequence
at a time; the debate, with the facilitator's notes on demand."""

from __future__ import annotations


import pygame

from game.i18n import _, list_sep, ngettext
from game.pads import team_spread
from game.qtypes import qtype
from game.scenes.classroom.ask import list_metrics
from game.scenes.classroom.common import text_h
from game.scenes.classroom.marks import draw_mark, letter_of, mark_of, marked
from game.scenes.question import AnswerGrid
from game.ui.layout import Metrics, columns, take_bottom, take_top
from game.ui.widgets import Button, draw_check, draw_cross


class RevealView:
    """Mixin of ClassItemScene: the « reveal » and « debate » phases' layout."""

    def _build_reveal(self, m: Metrics, area: pygame.Rect) -> None:
        """A question's reveal in two pages, each as large as it can be: « answer » (the prompt,
        the right answer, the class's spread as bars, or the estimate's histogram, or the right
        order, and every team's result in a compact grid), then « why » (the theme, the
        explanation and its source). A situation card has its own pages."""
        self.marks: list[tuple[pygame.Rect, bool | None]] = []
        self.spread_bars: list = []
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

    def _build_answer(self, m: Metrics, area: pygame.Rect) -> None:
        item = self.item
        teams = self.run.teams_for_current()
        answer = self.answer_words()
        # The prompt was read on the asking screen: here it heads the page at the text's size.
        head_size = round(m.body * 1.1)
        head_h = text_h(self, item.prompt, area.width, head_size, True)
        head_box, area = take_top(area, min(head_h, area.height // 3), m.gap * 2)
        self.text(item.prompt, head_box, head_size, bold=True, valign="center")
        words = {}
        credits = self.run.credits() if item.type == "ordering" else {}
        for t in teams:
            entry = self.classroom.entry(t)
            word = (_("juste") if entry.answer.correct else _("pas cette fois")) if entry else _("pas de réponse")
            if t in credits and entry is not None and not entry.answer.correct:
                word = _("{good}/{total} paires dans l'ordre").format(good=credits[t][0], total=credits[t][1])
            if entry and self.classroom.speed_bonus(t, self.classroom.step):
                word += " " + _("(+1\u00a0rapidité)")
            words[t] = word
        per_row, name_h, word_h = self._results_grid(m, area.width, teams, words)
        n_rows = -(-len(teams) // per_row)
        cell_h = name_h + word_h
        res, area = take_bottom(area, n_rows * cell_h + (n_rows - 1) * m.gap, m.gap * 2)
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
            bars = self._spread_height(m, area.width, len(self.choices))
            for said in (answer, short):
                answer_h = text_h(self, said, area.width, m.body, True)
                if answer_h + m.gap * 2 + bars <= area.height:
                    break
            top, rest = take_top(area, answer_h, m.gap * 2)
            self.text(said, top, m.body, bold=True)
            self._build_spread(m, rest, self.choices, lambda c: c.correct)
        cols = columns(res, per_row, m.gap * 2)
        mark = m.body
        for i, t in enumerate(teams):
            col = cols[i % per_row]
            cell = pygame.Rect(col.x, res.y + (i // per_row) * (cell_h + m.gap), col.width, cell_h)
            entry = self.classroom.entry(t)
            icon = pygame.Rect(cell.x, cell.centery - mark // 2, mark, mark)
            self.marks.append((icon, entry.answer.correct if entry else None))
            rest = pygame.Rect(icon.right + m.gap // 2, cell.y, cell.right - icon.right - m.gap // 2, cell_h)
            self.team_text(self.team(t), pygame.Rect(rest.x, rest.y, rest.width, name_h), m.small)
            self.text(words[t], pygame.Rect(rest.x, rest.y + name_h, rest.width, word_h), m.small, valign="center")

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

    def _spread_height(self, m: Metrics, width: int, n: int) -> int:
        """The height of the spread's bars for ``n`` choices (as ``_build_spread`` lays them)."""
        ncols = 2 if n > 2 and width > m.body * 30 else 1
        nrows = -(-n // ncols)
        unit = ngettext("{n} téléphone", "{n} téléphones", 88).format(n=88)
        row_h = max(round(m.small * 1.5), text_h(self, unit + " " + _("(bonne réponse)"), width, m.small))
        return nrows * row_h + (nrows - 1) * (m.gap // 2)

    def _build_spread(self, m: Metrics, area: pygame.Rect, shown: list, is_right,  # noqa: ANN001
                      counts: dict[str, int] | None = None) -> pygame.Rect:
        """The class's spread as bars at the top of ``area``, one per choice of ``shown`` (its
        shape, letter, a bar, the number in words) and the right ones (``is_right``) marked by a
        tick and words: pads per choice when pads answered, else teams per choice (``counts``
        when given). Returns the room left below."""
        pads = getattr(self, "pads", None)
        phones = pads.spread() if pads is not None and pads.server is not None else {}
        if sum(phones.values()):
            counts = phones
            unit = lambda n: ngettext("{n} téléphone", "{n} téléphones", n).format(n=n)  # noqa: E731
        else:
            counts = team_spread(self.classroom) if counts is None else counts
            unit = lambda n: ngettext("{n} équipe", "{n} équipes", n).format(n=n)  # noqa: E731
        r = self.ctx.renderer
        words = {c.id: unit(counts.get(c.id, 0)) + (" " + _("(bonne réponse)") if is_right(c) else "") for c in shown}
        widest = max(r.measure(w, m.small, is_right(c)) for c, w in zip(shown, words.values())) + m.gap
        row_h = max(round(m.small * 1.5), text_h(self, unit(88) + " " + _("(bonne réponse)"), area.width, m.small))
        # Two columns when the counts stand whole beside bars of a fair length, else one.
        for ncols in ((2, 1) if len(shown) > 2 and area.width > m.body * 24 else (1,)):
            col_w = (area.width - (ncols - 1) * m.gap * 3) // ncols
            if widest <= col_w * 7 // 10:
                break
        else:  # large text: the counts would not stand whole beside their bars
            self.drop()
            return area
        nrows = -(-len(shown) // ncols)
        block_h = nrows * row_h + (nrows - 1) * (m.gap // 2)
        if block_h > area.height:  # no room: the team results say it already
            self.drop()
            return area
        block, rest = take_top(area, block_h, m.gap * 2)
        cols = columns(block, ncols, m.gap * 3)
        top = max(1, max(counts.values(), default=0))
        words_w = widest
        for i, c in enumerate(shown):
            col = cols[i // nrows]
            row = pygame.Rect(col.x, block.y + (i % nrows) * (row_h + m.gap // 2), col.width, row_h)
            tile = pygame.Rect(row.x, row.centery - round(m.small * 0.65), round(m.small * 1.3), round(m.small * 1.3))
            letter = pygame.Rect(tile.right + m.gap // 2, row.y, round(m.small * 1.2), row_h)
            self.text(letter_of(i), letter, m.small, bold=True, valign="center")
            words_box = pygame.Rect(row.right - words_w, row.y, words_w, row_h)
            self.text(words[c.id], words_box, m.small, bold=is_right(c), valign="center")
            tick = pygame.Rect(letter.right, row.centery - m.small // 2, m.small, m.small)
            track = pygame.Rect(tick.right + m.gap // 2, row.centery - row_h // 4,
                                max(1, words_box.x - tick.right - m.gap), row_h // 2)
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
        for v, n in sorted(values.items()):
            h = max(4, round(plot.height * n / top))
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
            draw_mark(surface, tile, i, p.border)
            pygame.draw.rect(surface, p.bar_track, track, border_radius=3)
            if share > 0:
                fill = pygame.Rect(track.x, track.y, max(3, round(track.width * share)), track.height)
                pygame.draw.rect(surface, mark_of(i)[2], fill, border_radius=3)
            if tick is not None:
                draw_check(surface, tick, p.right, max(3, tick.width // 7))

    def _results_grid(self, m: Metrics, width: int, teams: list[int], words: dict[int, str]) -> tuple[int, int, int]:
        """How many team results side by side (up to four, each name and word on one line when
        they can be), and the height of a name line and of a word line."""
        r = self.ctx.renderer
        sym = round(m.small * 1.1)
        lead = m.body + m.gap // 2 + sym + max(6, sym // 3)  # the mark, then the team's symbol

        def col_w(per_row: int) -> int:
            return (width - (per_row - 1) * m.gap * 2) // per_row - lead

        names = [self.team(t).name for t in teams]
        per_row = 1
        for n in range(min(4, len(teams)), 0, -1):
            w = col_w(n)
            if all(r.measure(x, m.small, True) <= w for x in names) and all(
                    r.measure(x, m.small) <= w for x in words.values()):
                per_row = n
                break
        w = col_w(per_row)
        name_h = max(max(text_h(self, x, w, m.small, True) for x in names), sym + 4)
        word_h = max(text_h(self, x, w, m.small) for x in words.values())
        return per_row, name_h, word_h

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
        by = self.run.chosen_by()
        chosen_by = {cid: [self.team(t).name for t in ts] for cid, ts in by.items()}
        labels = [c.text + "\n" + (_("choisi par\u00a0: {teams}").format(teams=", ".join(chosen_by[c.id]))
                                    if chosen_by[c.id] else _("choisi par personne")) for c in item.choices]
        grid = AnswerGrid(r, m, area, labels, size=m.small)
        grid_area, rest = take_top(area, grid.height, m.gap * 2)
        public = getattr(self, "public", False)
        for i, (c, cell) in enumerate(zip(item.choices, grid.cells(grid_area))):
            self.widgets.insert(i, Button(f"card:{c.id}", cell, role="open", label=labels[i], style="choice",
                                          pick_index=i, text_size=m.small, selected=c.id == shown and not public,
                                          enabled=not public))
        self._build_spread(m, rest, list(item.choices), lambda c: False, {cid: len(ts) for cid, ts in by.items()})

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
