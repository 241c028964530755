"""The class debrief: every team (no ranking, no shame), the class theme by theme, the most-missed
questions, the seven good practices, and a commitment card each team picks (CommitScene). Its
pages fit the window; « Terminer » ends on the class set-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.classroom import Classroom
from game.flow import classrun as flow
from game.flow.classrun import ClassRun
from game.i18n import _, fmt_percent, list_sep, ngettext
from game.scenes.base import Scene
from game.scenes.classroom.pads import link_of
from game.scenes.classroom.common import (
    RunConfirm, TeamLabels, band_height, button_band, end_class_game, heading_h, rows_for, run_of,
    strength_line, team_color, text_h,
)
from game.scenes.question import fmt_estimate
from game.ui.layout import Metrics, columns, rows, take_bottom, take_left, take_top
from game.ui.widgets import Button, Widget

if TYPE_CHECKING:
    from game.scenes.context import Context

DEBRIEF_PAGES = ("podium", "teams", "themes", "missed", "practices", "commitments")


class DebriefScene(TeamLabels, Scene):
    """The class's results: every team, per theme, the most-missed items, the seven good
    practices, and a commitment card each team chooses."""

    name = "class_debrief"

    def __init__(self, ctx: Context, game: ClassRun | Classroom) -> None:
        super().__init__(ctx)
        self.run = run_of(ctx, game)  # a finished game: the run records it as it reaches its debrief
        self.classroom = self.run.classroom
        self._seen = len(self.run.events)
        self.page = 0
        self.symbols: list = []
        self.bars: list[tuple[pygame.Rect, float]] = []
        self.steps: list[tuple[pygame.Rect, int]] = []
        self.pads = link_of(self.run)
        if self.pads is not None:
            self.pads.attach()
            self.pads.publish()  # the pads say the game is over

    def abandon(self) -> bool:
        self.run.abandon(confirmed=True)  # already recorded when the debrief began: nothing more
        return True

    def exit(self) -> None:
        if self.pads is not None:
            self.pads.detach()

    def sync(self) -> None:
        """The run's question (teams still « à choisir »), and the end."""
        if self not in self.ctx.stack:
            return
        events = self.run.events[self._seen:]
        self._seen = len(self.run.events)
        for e in events:
            if isinstance(e, flow.ConfirmationAsked):
                # « Non » leads to the first team still to choose
                self.focus_id = f"commit:{self.run.waiting_commitments()[0]}"
                self.ctx.push(RunConfirm(self.ctx, self.run, e.question, self.sync))
                return
            if isinstance(e, flow.GameOver):
                end_class_game(self.ctx)
                return
        if events:
            self.invalidate()

    @property
    def screen_name(self) -> str:
        return f"class_debrief_{self.pages[self.page]}"

    @property
    def pages(self) -> tuple[str, ...]:
        """The debrief's pages; a class that played one theme (or none) has no page of themes to
        compare: its one figure is the teams page's."""
        if len(self.classroom.class_themes()) > 1:
            return DEBRIEF_PAGES
        return tuple(p for p in DEBRIEF_PAGES if p != "themes")

    def build(self, m: Metrics) -> None:
        self.symbols, self.bars, self.steps = [], [], []
        area = m.content
        titles = {"podium": _("Bravo à toutes les équipes\u00a0!"), "teams": _("Bilan\u00a0: les équipes"), "themes": _("Bilan\u00a0: la classe, thème par thème"),
                  "missed": _("Bilan\u00a0: les questions les plus ratées"),
                  "practices": _("Les sept bonnes pratiques"), "commitments": _("Nos engagements")}
        page = self.pages[self.page]
        title = titles[page] + f"\u00a0({self.page + 1}/{len(self.pages)})"  # one no-break space: the number never alone
        head, area = take_top(area, heading_h(self, m, title, area.width), m.gap)
        self.text(title, head, m.heading, bold=True, valign="center")
        last = self.page == len(self.pages) - 1
        labels = [_("Précédent"), _("Réglages"), _("Terminer") if last else _("Suivant")]
        nav_rows = rows_for(self, m, labels, area.width)
        nav, area = take_bottom(area, band_height(m, nav_rows), m.gap * 2)
        getattr(self, f"_page_{page}")(m, area)
        left, middle, right = button_band(m, nav, 3, nav_rows)
        if self.page > 0:
            self.widgets.append(Button("previous", left, role="back", label=_("Précédent")))
        self.widgets.append(Button("settings", middle, role="open", label=_("Réglages")))
        self.widgets.append(Button("finish" if last else "next", right, role="next",
                                   label=_("Terminer") if last else _("Suivant"), style="primary"))

    def podium(self) -> list[list[int]]:
        """The three steps of the podium, highest first: the teams with the most points, then the
        next score, then the next (ties share a step); the lowest score is never on a step, unless
        every team has it. The other teams stand below, never ranked."""
        by_points: dict[int, list[int]] = {}
        for t in self.classroom.teams:
            by_points.setdefault(self.classroom.points(t.index), []).append(t.index)
        scores = sorted(by_points, reverse=True)
        if len(scores) > 1:
            scores = scores[:-1]  # the lowest score never stands on a step: no last place shown
        return [by_points[p] for p in scores[:3]]

    def _page_podium(self, m: Metrics, area: pygame.Rect) -> None:
        """Every team celebrated: the podium's three steps (1, 2, 3 written on them, the teams'
        symbols and names above), and under it every other team with its strength (« Point fort :
        … »), in the set-up's order: no rank below 3 is ever written, no last place shown."""
        steps = self.podium()
        on_podium = {t for step in steps for t in step}
        others = [t for t in self.classroom.teams if t.index not in on_podium]
        lines = {t.index: strength_line(self.ctx, self.classroom, t.index) for t in self.classroom.teams}
        order = [1, 0, 2][:len(steps)] if len(steps) > 1 else [0]  # 2nd, 1st, 3rd from the left
        if len(steps) == 2:
            order = [1, 0]
        # Portrait has height to spare: a size up (names at the title's size, the points at the
        # heading's), taller steps, the other teams' lines below (before: the bottom 60 % empty).
        tiers = ((m.heading, m.body), (m.body, m.small), (m.small, m.min_text))
        if m.portrait:
            tiers = ((m.title, round(m.heading * 1.25)), (round(m.heading * 1.25), m.heading)) + tiers
        r = self.ctx.renderer
        for k, (name_size, detail) in enumerate(tiers):
            num_size = round(m.title * 1.5) if name_size > m.heading else m.title
            col_w = (area.width - m.gap * 2 * (len(order) - 1)) // len(order)
            name_w = col_w - round(name_size * 1.6)
            if k < len(tiers) - 1 and any(r.measure(word, name_size, True) > name_w
                                          for step in steps for t in step for word in self.team(t).name.split()):
                continue  # a name cut in the middle of a word: a size down
            names_h = max(sum(text_h(self, self.team(t).name, col_w - round(name_size * 1.6), name_size, True)
                              for t in step) + m.gap // 2 * (len(step) - 1) for step in steps)
            num_h = text_h(self, "1", col_w, num_size, True)
            words = [self.step_words(self.classroom.points(step[0])) for step in steps]
            # Every step shows its number and its points (or a kind word at 0): the lowest one too.
            need = [num_h + text_h(self, w, col_w - m.gap, detail) + 3 * (m.gap // 2) for w in words]
            tall = max(round(num_size * 1.9), 3 * name_size, *need)
            other_cols = (3 if len(others) > 4 else 2) if len(others) > 1 and not m.portrait else 1
            ow = (area.width - m.gap * 2 * (other_cols - 1)) // other_cols
            other_h = max((text_h(self, self.team(t.index).name, ow - round(detail * 1.6), detail, True)
                           + text_h(self, lines[t.index], ow, detail) for t in others), default=0)
            nrows = -(-len(others) // other_cols)
            others_h = nrows * (other_h + m.gap) + (text_h(self, "X", area.width, detail, True) + m.gap if others else 0)
            if names_h + tall + m.gap * 2 + others_h <= area.height:
                break
        block_h = area.height - others_h - (m.gap * 2 if others else 0)
        # A step, not a wall; in portrait the top step takes up to half the page's height, and
        # the podium with the other teams below it stands in the middle of the page.
        step_room = min(block_h - names_h - m.gap,
                        max(round(area.height * 0.5) if m.portrait else round(m.title * 3.5), *need))
        if m.portrait:
            used = names_h + m.gap + step_room + (m.gap * 2 + others_h if others else 0)
            shift = max(0, (area.height - used) // 2)
            area = pygame.Rect(area.x, area.y + shift, area.width, area.height - shift)
            block_h -= shift
        block, rest = take_top(area, block_h, m.gap * 2)
        cols = columns(block, len(order), m.gap * 2)
        heights = (1.0, 0.72, 0.5)
        base_y = block.y + names_h + m.gap + step_room  # the podium's floor; the others below it
        for col, rank in zip(cols, order):
            h = min(step_room, max(round(step_room * heights[rank]), need[rank]))
            step_rect = pygame.Rect(col.x, base_y - h, col.width, h)
            y = step_rect.y - m.gap // 2 - sum(text_h(self, self.team(t).name, col.width - round(name_size * 1.6),
                                                       name_size, True) for t in steps[rank])
            for t in steps[rank]:
                th = text_h(self, self.team(t).name, col.width - round(name_size * 1.6), name_size, True)
                self.team_text(self.team(t), pygame.Rect(col.x, y, col.width, th), name_size)
                y += th
            self.steps.append((step_rect, rank))
            color = "on_streak" if rank == 0 else "text"
            num = pygame.Rect(step_rect.x, step_rect.y + m.gap // 2, step_rect.width, num_h)
            self.text(str(rank + 1), num, num_size, bold=True, align="center", color=color)
            self.text(words[rank], pygame.Rect(step_rect.x + m.gap // 2, num.bottom + m.gap // 2,
                                               step_rect.width - m.gap, step_rect.bottom - num.bottom - m.gap // 2),
                      detail, align="center", valign="top", color=color)
        if not others:
            return
        rest = pygame.Rect(rest.x, min(rest.y, base_y + m.gap * 2), rest.width, rest.bottom - min(rest.y, base_y + m.gap * 2))
        head_h = text_h(self, "X", rest.width, detail, True)
        head, rest = take_top(rest, head_h, m.gap)
        self.text(_("Bravo aussi à\u00a0:"), head, detail, bold=True)
        ocols = columns(rest, other_cols, m.gap * 2)
        for i, t in enumerate(others):
            col = ocols[i // nrows] if other_cols > 1 else ocols[0]
            cell = pygame.Rect(col.x, col.y + (i % nrows) * (other_h + m.gap), col.width, other_h)
            nh = text_h(self, t.name, col.width - round(detail * 1.6), detail, True)
            self.team_text(t, pygame.Rect(cell.x, cell.y, cell.width, nh), detail)
            self.text(lines[t.index], pygame.Rect(cell.x, cell.y + nh, cell.width, cell.height - nh), detail,
                      color="muted")

    @staticmethod
    def step_words(points: int) -> str:
        """What a podium step says under its number: its points, or a kind word when it has none
        (every team had 0: they are celebrated too)."""
        if points <= 0:
            return _("Belle participation\u00a0!")
        return ngettext("{n} point", "{n} points", points).format(n=points)

    def team(self, index: int):  # noqa: ANN201 - a Team
        return self.run.team(index)

    def _page_teams(self, m: Metrics, area: pygame.Rect) -> None:
        teams = self.classroom.teams
        r = self.ctx.renderer
        stats = self.classroom.class_themes()
        right, asked = sum(s[1] for s in stats), sum(s[2] for s in stats)
        # The whole class first, in big type: every team counts, none is last.
        summary = _("Bravo à toutes les équipes\u00a0!")
        if asked:
            summary += "\n" + ngettext("Ensemble, la classe a donné {right} bonne réponse sur {asked}.",
                                        "Ensemble, la classe a donné {right} bonnes réponses sur {asked}.",
                                        right).format(right=right, asked=asked)
        lines = {t.index: strength_line(self.ctx, self.classroom, t.index) for t in teams}
        widest = ngettext("{n} point", "{n} points", 88).format(n=88)
        # As big as the page allows: a few teams in large type, eight in two columns.
        # Eight teams whose best themes have long titles: body-size names, rows closer together.
        for big, size, detail, spacing in ((round(m.heading * 1.25), round(m.heading * 1.25), m.body, m.gap * 2),
                                           (m.heading, m.heading, m.body, m.gap * 2),
                                           (m.heading, m.body, m.small, m.gap * 2),
                                           (m.body, m.body, m.small, m.gap // 2)):
            head_h = text_h(self, summary, area.width, big, True)
            rest = area.height - min(head_h, area.height // 3) - m.gap * 3
            longest = max(r.measure(t.name + " — " + widest, size, True) for t in teams) + round(size * 1.6)
            ncols = 2 if len(teams) > 4 and not m.portrait and 2 * longest + 2 * m.gap <= area.width else 1
            nrows = -(-len(teams) // ncols)
            col_w = (area.width - (ncols - 1) * m.gap * 2) // ncols
            line_h = max(text_h(self, t.name + " — " + widest, col_w - round(size * 1.6), size, True) for t in teams)
            detail_h = max(text_h(self, text, col_w, detail) for text in lines.values())
            row_h = line_h + detail_h + m.gap
            if nrows * (row_h + spacing) <= rest:
                break
        head, area = take_top(area, min(head_h, area.height // 3), m.gap * 3)
        self.text(summary, head, big, bold=True, valign="center")
        cols = columns(area, ncols, m.gap * 2)
        for t in teams:
            col = cols[t.index // nrows] if ncols > 1 else cols[0]
            cell = pygame.Rect(col.x, col.y + (t.index % nrows) * (row_h + spacing), col.width, row_h)
            line, detail_box = take_top(cell, line_h, m.gap // 2)
            pts = self.classroom.points(t.index)
            self.team_text(t, line, size, extra=ngettext("{n} point", "{n} points", pts).format(n=pts))
            self.text(lines[t.index], detail_box, detail, color="muted")

    def _page_themes(self, m: Metrics, area: pygame.Rect) -> None:
        stats = self.classroom.class_themes()
        if not stats:
            self.text(_("Aucune question révélée."), area, m.body)
            return
        titles = {t: self.ctx.content.themes[t].title if t in self.ctx.content.themes else t for t, _r, _a in stats}
        figures = {t: _("{rate} juste ({right}/{asked})").format(rate=fmt_percent(r / a), right=r, asked=a)
                   for t, r, a in stats}
        lead = self._themes_lead(stats, titles)
        stacked = m.portrait or area.width < m.body * 30  # narrow: the title above its bar
        label_w = area.width if stacked else area.width * 11 // 20
        bar_w = area.width if stacked else area.width - label_w - m.gap
        # As big as the page allows: a few themes in large type, all ten in small type.
        for lead_size, size, tall, gap in ((m.heading, m.heading, 2.0, m.gap * 2), (m.body, m.body, 2.0, m.gap * 2),
                                           (m.body, m.small, 2.0, m.gap), (m.body, m.small, 1.5, m.gap // 2)):
            lead_h = text_h(self, lead, area.width, lead_size, True)
            title_h = max(text_h(self, t, label_w, size) for t in titles.values())
            figure_h = max(text_h(self, f, bar_w * 2 // 5 - m.gap, size) for f in figures.values())
            row_h = (title_h + m.gap // 2 if stacked else 0) + max(figure_h, round(size * tall))
            if not stacked:
                row_h = max(title_h, row_h)
            if lead_h + m.gap * 3 + len(stats) * (row_h + gap) <= area.height:
                break
        lead_box, area = take_top(area, lead_h, m.gap * 3)
        self.text(lead, lead_box, lead_size, bold=True)
        y = area.y
        for theme, right, asked in stats:
            cell = pygame.Rect(area.x, y, area.width, row_h)
            if stacked:
                label, bar = take_top(cell, title_h, m.gap // 2)
            else:
                label, bar = take_left(cell, label_w, m.gap)
            self.text(titles[theme], label, size, valign="center")
            bar_box, figure = take_left(bar, bar.width * 3 // 5, m.gap)
            self.bars.append((pygame.Rect(bar_box.x, bar_box.centery - size // 2, bar_box.width, size), right / asked))
            self.text(figures[theme], figure, size, valign="center")
            y += row_h + gap

    @staticmethod
    def _themes_lead(stats: list[tuple[str, int, int]], titles: dict[str, str]) -> str:
        """What the class did best and what to go over together (themes sharing a rate are
        named together, or counted when there are more than two)."""
        rates = {t: r / a for t, r, a in stats}
        top, low = max(rates.values()), min(rates.values())
        if top == low:
            return _("Tous les thèmes à égalité\u00a0: {rate} juste.").format(rate=fmt_percent(top))

        def named(rate: float) -> tuple[int, str]:
            themes = [titles[t] for t, _r, _a in stats if rates[t] == rate]
            return len(themes), list_sep().join(themes)

        n, best = named(top)
        k, worst = named(low)
        best_text = (ngettext("Le mieux réussi\u00a0: {themes} ({rate} juste).",
                              "Les mieux réussis\u00a0: {themes} ({rate} juste).", n).format(themes=best, rate=fmt_percent(top))
                     if n <= 2 else _("{n} thèmes réussis à {rate}, le mieux de la classe.").format(n=n, rate=fmt_percent(top)))
        worst_text = (_("À revoir ensemble\u00a0: {themes} ({rate} juste).").format(themes=worst, rate=fmt_percent(low))
                      if k <= 2 else _("{n} thèmes à revoir ensemble ({rate} juste).").format(n=k, rate=fmt_percent(low)))
        return best_text + " " + worst_text

    def _page_missed(self, m: Metrics, area: pygame.Rect) -> None:
        missed = self.classroom.most_missed(3)
        if not missed:
            self.text(_("Aucune question ratée\u00a0: bravo à toute la classe."), area, m.heading, bold=True,
                      valign="center")
            return
        rows_ = []
        for qid, wrong, asked in missed:
            q = self.ctx.content.questions[qid]
            if q.type == "estimate":
                answer = _("La bonne réponse\u00a0: {answer}").format(answer=fmt_estimate(q.estimate, q.estimate.answer))
            else:
                right = [c.text for c in q.choices if c.correct]
                answer = (_("Les bonnes réponses\u00a0: {answer}") if len(right) > 1
                          else _("La bonne réponse\u00a0: {answer}")).format(answer=list_sep().join(right))
            said = ngettext("{wrong} équipe sur {asked} s'est trompée. ", "{wrong} équipes sur {asked} se sont trompées. ",
                            wrong).format(wrong=wrong, asked=asked)
            rows_.append((q.prompt, said + answer))
        gap = m.gap
        for size, detail in ((m.heading, m.body), (round(m.body * 1.1), m.body), (m.body, m.small)):
            items = [x for prompt, said in rows_ for x in ((prompt, size, "text", True), (said, detail, "muted", False))]
            gap = m.gap * 2 if size > m.body else m.gap
            need = sum(text_h(self, t, area.width, sz, b) for t, sz, _c, b in items) + gap * (len(items) - 1)
            if need <= area.height:
                break
        self.text_stack(items, area, gap, valign="top")

    def _page_practices(self, m: Metrics, area: pygame.Rect) -> None:
        practices = sorted(self.ctx.content.practices.values(), key=lambda p: p.rank)
        source = self.ctx.content.sources.get(practices[0].source) if practices else None
        if source is not None:
            src = _("Source\u00a0: {source}").format(source=source.short_label)
            src_box, area = take_bottom(area, text_h(self, src, area.width, m.small), m.gap)
            self.text(src, src_box, m.small, color="muted")
        # Seven practices: two columns in landscape (four, then three), so that all seven show.
        ncols = 2 if not m.portrait and area.width > m.body * 36 else 1
        boxes = columns(area, ncols, m.gap * 3)
        title_size = max(m.small, round(m.body * 0.85))

        def pieces(p) -> list:  # noqa: ANN001 - a Practice
            return [(f"{p.rank}. {p.title}", title_size, "text", True), (p.how, m.small, "muted", False)]

        def height(p) -> int:  # noqa: ANN001
            return sum(text_h(self, t, boxes[0].width, s, b) for t, s, _c, b in pieces(p)) + m.gap
        # Split where the two columns are closest in height, the order kept (1–3 | 4–7, say).
        heights = [height(p) for p in practices]
        cut = len(practices)
        if ncols == 2 and len(practices) > 1:
            cut = min(range(1, len(practices)), key=lambda k: abs(sum(heights[:k]) - sum(heights[k:])))
        for box, part in zip(boxes, (practices[:cut], practices[cut:])):
            self.text_stack([x for p in part for x in pieces(p)], box, max(4, m.gap // 2), valign="top")

    def _page_commitments(self, m: Metrics, area: pygame.Rect) -> None:
        teams = self.classroom.teams
        intro_h = self.ctx.renderer.fit(_("Chaque équipe choisit une carte d'engagement."), area.width, 10_000,
                                        m.body, m.body).height
        intro, area = take_top(area, intro_h, m.gap)
        self.text(_("Chaque équipe choisit une carte d'engagement."), intro, m.body, color="muted")
        ncols = 2 if len(teams) > 4 and not m.portrait else 1
        nrows = -(-len(teams) // ncols)
        cols = columns(area, ncols, m.gap * 2)
        r = self.ctx.renderer
        cards = self.ctx.content.takeaways
        text_w = cols[0].width - 2 * max(8, m.gap) - round(m.body * 1.5) - max(8, m.gap) // 2
        row_h = max(m.button_h, max(
            r.fit(t.name, text_w, 10_000, m.body, m.body, True).height
            + r.fit(cards[c].title if (c := self.classroom.commitments.get(t.index)) in cards else _("à choisir"),
                    text_w, 10_000, m.small, m.small).height for t in teams) + 2 * max(6, m.gap // 2) + 8)
        # Under the teams, when there is room, the cards offered: the class reads them while each
        # team makes up its mind.
        offered = [cards[c] for c in self.classroom.commitment_choices(4) if c in cards]
        teams_h = nrows * (row_h + m.gap)
        for full in (True, False):  # each card with its text, or its title alone
            pieces = [(_("Les cartes proposées\u00a0:"), m.body, "text", True)] + [
                ("\u2022 " + (_("{label}\u00a0: {value}").format(label=c.title, value=c.text) if full else c.title),
                 m.small, "muted", False)
                for c in offered]
            list_h = sum(text_h(self, t, area.width, sz, b) for t, sz, _c, b in pieces) + m.gap * (len(pieces) - 1)
            if offered and teams_h + m.gap * 2 + list_h <= area.height:
                self.text_stack(pieces, pygame.Rect(area.x, area.y + teams_h + m.gap * 2, area.width, list_h),
                                m.gap, valign="top")
                break
        for t in teams:
            col = cols[t.index // nrows] if ncols > 1 else cols[0]
            cell = pygame.Rect(col.x, col.y + (t.index % nrows) * (row_h + m.gap), col.width, row_h)
            card = self.classroom.commitments.get(t.index)
            label = cards[card].title if card in cards else _("à choisir")
            self.widgets.append(Button(f"commit:{t.index}", cell, role="open", label=t.name, detail=label,
                                       style="choice", team_symbol=t.symbol, team_color=team_color(self.ctx, t)))

    def draw_background(self, surface: pygame.Surface) -> None:
        """The podium's steps, under their numbers and names: the top one gold (dark text on it)."""
        p = self.ctx.palette
        for rect, rank in self.steps:
            radius = max(4, rect.width // 30)
            pygame.draw.rect(surface, p.streak if rank == 0 else p.panel, rect, border_radius=radius)
            pygame.draw.rect(surface, p.text if rank == 0 else p.border, rect, width=2, border_radius=radius)

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        p = self.ctx.palette
        self.paint_symbols(surface)
        for rect, rate in self.bars:
            pygame.draw.rect(surface, p.bar_track, rect, border_radius=3)
            filled = pygame.Rect(rect.x, rect.y, round(rect.width * rate), rect.height)
            pygame.draw.rect(surface, p.bar, filled, border_radius=3)
            pygame.draw.rect(surface, p.border, rect, width=1, border_radius=3)

    def default_focus(self) -> str:
        return "finish" if self.page == len(self.pages) - 1 else "next"

    def on_activate(self, widget: Widget) -> None:
        wid = widget.id
        if wid == "next":
            self._go(self.page + 1)
        elif wid == "previous":
            self._go(self.page - 1)
        elif wid == "settings":
            self.ctx.open_settings()
        elif wid == "finish":  # a team still « à choisir »: the run asks before ending
            self.run.finish()
        elif wid.startswith("commit:"):
            self.ctx.push(CommitScene(self.ctx, self.run, int(wid.split(":")[1]), self.invalidate))
        self.sync()

    def _go(self, page: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, page))
        self.focus_id = None
        self.scroll = 0
        self.invalidate()

    def on_back(self) -> None:
        if self.page > 0:
            self._go(self.page - 1)

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.id in ("next", "finish") or w.id.startswith("commit:")]


class CommitScene(TeamLabels, Scene):
    """One team picks its commitment among the cards of the class's weakest themes."""

    name = "class_commit"

    def __init__(self, ctx: Context, game: ClassRun | Classroom, team: int, done) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.run = run_of(ctx, game)
        self.classroom = self.run.classroom
        self.team_index = team
        self.done = done
        self.symbols: list = []

    def build(self, m: Metrics) -> None:
        self.symbols = []
        team = next(t for t in self.classroom.teams if t.index == self.team_index)
        area = m.content
        head, area = take_top(area, heading_h(self, m, team.name + " — " + _("votre engagement"),
                                              area.width - round(m.heading * 1.6)), m.gap)
        self.team_text(team, head, m.heading, extra=_("votre engagement"))
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        cards = [self.ctx.content.takeaways[c] for c in self.classroom.commitment_choices(4)]
        ncols = 2 if not m.portrait and len(cards) > 2 else 1
        nrows = -(-len(cards) // ncols)
        cols = columns(area, ncols, m.gap * 2)
        for i, card in enumerate(cards):
            cell = rows(cols[i % ncols], nrows, m.gap * 2)[i // ncols]
            scope = _("Ce que tu peux faire dès demain") if card.scope == "me" else _("Ce que ta classe, ta commune peut faire")
            self.widgets.append(Button(f"card:{card.id}", cell, role="answer", label=card.title,
                                       detail=f"{scope}. {card.text}", style="choice", pick_index=i,
                                       selected=self.classroom.commitments.get(self.team_index) == card.id))
        back = pygame.Rect(nav.x, nav.y, min(nav.width, m.body * 10), nav.height)
        self.widgets.append(Button("back", back, role="back", label=_("Retour")))

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        self.paint_symbols(surface)

    def on_activate(self, widget: Widget) -> None:
        if widget.id.startswith("card:"):
            self.run.commit(self.team_index, widget.id.split(":", 1)[1])
        self.ctx.pop()
        self.done()

    def on_back(self) -> None:
        self.ctx.pop()
