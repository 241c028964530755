"""Question screen: the prompt and its answers, then the feedback with explanation and source."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame

from game import input as inp
from game.flow.solorun import Answer
from game.flow.solorun import estimate_start as slider_start  # its old home: the class and measure screens import it here
from game.flow.solorun import marking as marking_of
from game.session import Step, ordered_choices
from game.content.models import Question
from game.i18n import _, fmt_percent, ngettext
from game.scenes.base import sources_line
from game.scenes.context import Context
from game.qtypes import estimate as estimate_type
from game.qtypes.ordering import pairs_right
from game.scenes.play import Play, PlayScene, advance
from game.ui.icons import shared as shared_icons
from game.ui.layout import Metrics, center_block, centered, columns, rows, take_bottom, take_left, take_top
from game.ui.ordering import OrderingList
from game.ui.reward import RewardPop, draw_pop
from game.ui.widgets import Button, Slider, Widget, draw_check, draw_cross


def technique_label(technique: str | None) -> str:
    """« Technique : l'usurpation d'identité » for an item that teaches a manipulation technique
    (issue 18.3: named after the answer or the choice); '' for an item without one."""
    names = {
        "impersonation": _("l'usurpation d'identité"),
        "emotion": _("le langage qui joue sur les émotions"),
        "polarisation": _("la polarisation"),
        "conspiracy": _("le complotisme"),
        "discrediting": _("le discrédit"),
        "trolling": _("le trolling"),
        "doctored_image": _("l'image truquée"),
        "deepfake": _("l'hypertrucage (deepfake)"),
    }
    name = names.get(technique or "")
    return _("Technique\u00a0: {name}").format(name=name) if name else ""


# One figure with its unit, as the estimate type writes it everywhere (results, exports).
fmt_estimate = estimate_type.format_value


class AnswerGrid:
    """Answer buttons in one or two columns (two when there is room), each row as tall as its
    longest answer needs and at least a touch target; ``max_h`` caps the whole grid."""

    def __init__(self, renderer: Any, m: Metrics, area: pygame.Rect, texts: list[str], max_h: int | None = None,
                 ncols: int | None = None, size: int | None = None):
        n = len(texts)
        self.ncols = ncols or (2 if (not m.portrait and n >= 2 and area.width > m.body * 24) else 1)
        self.nrows = -(-n // self.ncols)
        self.gap = m.gap
        col_w = (area.width - (self.ncols - 1) * m.gap) // self.ncols
        text_w = col_w - 2 * max(8, m.gap) - round(m.body * 1.5) - max(8, m.gap) // 2
        size = size or m.body
        need = max(renderer.fit(t, text_w, 10_000, size, size).height for t in texts)
        self.row_h = max(m.button_h, need + 2 * max(6, m.gap // 2) + 4)
        if max_h is not None and self.height > max_h:
            self.row_h = max(m.button_h, (max_h - (self.nrows - 1) * m.gap) // self.nrows)

    @property
    def height(self) -> int:
        return self.nrows * self.row_h + (self.nrows - 1) * self.gap

    def cells(self, area: pygame.Rect) -> list[pygame.Rect]:
        """The button of each answer, in order, once ``area`` (``height`` tall) is placed."""
        grid = columns(area, self.ncols, self.gap)
        return [rows(grid[i % self.ncols], self.nrows, self.gap)[i // self.ncols]
                for i in range(self.ncols * self.nrows)]


class QuestionScene(PlayScene):
    name = "question"

    def __init__(self, ctx: Context, play: Play, question: Question) -> None:
        super().__init__(ctx, play)
        self.question_id = question.id
        current = play.session.current if not play.session.finished else None
        self.step: Step | None = current if current is not None and current.id == question.id else None
        self.phase = "ask"
        self.selected: set[str] = set()
        self.value = slider_start(question, self.step) if question.estimate is not None else None
        self.moved = False  # an estimate is confirmed only once the player has moved the slider
        self.answer: Answer | None = None
        self._sticky_press = False  # a press that began on the pinned « Continuer »
        self.pop = RewardPop()  # « +1 » and the streak after a right answer (still once it has popped)
        self.pop_rect: pygame.Rect | None = None
        self.ordering: OrderingList | None = None
        if question.type == "ordering":  # built once: it keeps its order across layouts
            self.ordering = OrderingList([(c.id, c.text) for c in self.choices], speak=ctx.speak,
                                         reduced_motion=not ctx.animations)

    @property
    def question(self) -> Question:
        return self.ctx.content.questions[self.question_id]  # in the current language

    @property
    def choices(self) -> list:
        """The choices in the order this session shows them (ids decide, never places)."""
        return ordered_choices(self.question, self.step)

    @property
    def screen_name(self) -> str:
        return f"question_{self.phase}"

    def item_theme(self) -> str:
        return self.question.theme

    # -- layout ------------------------------------------------------------------------
    def build(self, m: Metrics) -> None:
        area = self.build_header(m)
        if self.phase == "ask":
            self._build_ask(m, area)
        else:
            self._build_feedback(m, area)
        self.widgets.sort(key=lambda w: w.id == "menu")  # the menu comes last in the focus order

    def _build_ask(self, m: Metrics, area: pygame.Rect) -> None:
        q = self.question
        needs_submit = q.type in ("multiple", "estimate", "ordering")
        if needs_submit:
            submit_band, area = take_bottom(area, m.button_h, m.gap * 2)
            label = _("Valider ma réponse")
            submit = pygame.Rect(0, 0, self.button_width(label, submit_band.width, 12), m.button_h)
            submit.midright = submit_band.midright
            if q.type == "ordering":
                assert self.ordering is not None
                enabled = self.ordering.moved  # the shown order is never the answer: move a row first
            else:
                enabled = self.moved if q.type == "estimate" else bool(self.selected)
            self.widgets.append(Button("submit", submit, role="submit", label=label, style="primary",
                                       enabled=enabled))
        if q.type == "estimate":
            self._build_estimate(m, area)
            return
        if self.ordering is not None:
            self._build_ordering(m, area)
            return
        choices = self.choices
        answers = AnswerGrid(self.ctx.renderer, m, area, [c.text for c in choices], max_h=area.height * 2 // 3)
        choices_h = answers.height
        from game.scenes.several import multiple_hint  # never what the prompt already says

        hint_text = multiple_hint(q.prompt, group=False) if q.type == "multiple" else ""
        hint_h = (self.ctx.renderer.fit(hint_text, area.width, 10_000, m.small, m.small).height + m.gap // 2
                  if hint_text else 0)
        prompt_box = centered(area, m.body * 40)
        prompt_need = self.ctx.renderer.fit(q.prompt, prompt_box.width, 10_000, m.heading, m.heading, True).height
        area = center_block(area, prompt_need + hint_h + choices_h + m.gap * 3)
        choices_area, prompt_area = take_bottom(area, choices_h, m.gap * 2)
        if hint_h:
            hint, prompt_area = take_bottom(prompt_area, hint_h, m.gap // 2)
            self.text(hint_text, hint, m.small, color="muted", valign="center")
        self.text(q.prompt, centered(prompt_area, m.body * 40), m.heading, bold=True, valign="center",
                  min_size=m.min_text)
        for i, (c, cell) in enumerate(zip(choices, answers.cells(choices_area))):
            self.widgets.insert(i, Button(f"choice:{c.id}", cell, role="answer", label=c.text, style="choice",
                                          pick_index=i, toggle=q.type == "multiple",
                                          selected=c.id in self.selected))

    def _build_ordering(self, m: Metrics, area: pygame.Rect) -> None:
        """The prompt, how to reorder, then the list (its ends « Premier » / « Dernier »: the
        prompt says which way, « du plus lourd au plus léger »)."""
        q, r, ordering = self.question, self.ctx.renderer, self.ordering
        assert ordering is not None
        width = centered(area, m.body * 40).width
        hint_text = ordering.hint_text()
        hint_h = r.fit(hint_text, width, 10_000, m.small, m.small).height
        prompt_need = r.fit(q.prompt, width, 10_000, m.heading, m.heading, True).height
        list_h = ordering.needed_height(r, m, width)
        total = prompt_need + hint_h + list_h + m.gap * 3
        block = center_block(area, total) if total <= area.height else area
        prompt, rest = take_top(block, prompt_need, m.gap)
        hint, rest = take_top(rest, hint_h, m.gap * 2)
        self.text(q.prompt, centered(prompt, m.body * 40), m.heading, bold=True, valign="center")
        self.text(hint_text, centered(hint, m.body * 40), m.small, color="muted")
        # Too low for the list at full size: it shrinks a little; much more, and the page grows.
        box = centered(pygame.Rect(rest.x, rest.y, rest.width, min(list_h, rest.height)), m.body * 40)
        ordering.layout(r, m, box)
        self._hold_list(ordering)
        self.widgets.insert(0, ordering)

    @staticmethod
    def _hold_list(ordering: OrderingList) -> None:
        """A shrunk list may end a pixel or two below its rect (rounding): the widget covers it all."""
        used = ordering.used_rect
        if used.bottom > ordering.rect.bottom:
            ordering.rect.height = used.bottom - ordering.rect.y

    def _build_estimate(self, m: Metrics, area: pygame.Rect) -> None:
        q = self.question
        est = q.estimate
        assert est is not None
        value_h = round(m.title * 1.4)
        slider_h = max(m.button_h, round(m.body * 2.4))
        scale_h = max(self.ctx.renderer.fit(self._fmt(v), area.width // 3, 10_000, m.small, m.small).height
                      for v in (est.min, est.max)) + m.gap
        hint_text = _("Déplace le curseur pour donner ton estimation.")
        hint_h = (self.ctx.renderer.fit(hint_text, area.width, 10_000, m.small, m.small).height + m.gap // 2
                  if not self.moved else 0)
        block_h = value_h + slider_h + scale_h + hint_h + 2 * m.gap
        prompt_need = self.ctx.renderer.fit(q.prompt, centered(area, m.body * 40).width, 10_000, m.heading,
                                            m.heading, True).height
        block_h = min(block_h, area.height * 2 // 3) if prompt_need + block_h + m.gap * 3 > area.height else block_h
        area = center_block(area, prompt_need + block_h + m.gap * 3)
        block, prompt_area = take_bottom(area, block_h, m.gap * 2)
        self.text(q.prompt, centered(prompt_area, m.body * 40), m.heading, bold=True, valign="center")
        value_box, rest = take_top(block, value_h, m.gap)
        self.value_box = value_box
        slider_row, scale = take_top(rest, slider_h, m.gap)
        nudge_w = max(m.button_h, m.body * 2)
        minus = pygame.Rect(slider_row.x, slider_row.y, nudge_w, slider_h)
        plus = pygame.Rect(slider_row.right - nudge_w, slider_row.y, nudge_w, slider_h)
        track = pygame.Rect(minus.right + m.gap, slider_row.y, plus.x - minus.right - 2 * m.gap, slider_h)
        slider = Slider("slider", track, low=est.min, high=est.max, step=est.step,
                        value=est.min if self.value is None else self.value)
        if self.dragging is not None and self.dragging.id == "slider":
            self.dragging = slider  # a drag that outlives a new layout moves the new knob
        self.widgets[0:0] = [
            slider,
            Button("minus", minus, role="adjust", label="\u2212", style="choice"),
            Button("plus", plus, role="adjust", label="+", style="choice"),
        ]
        if hint_h:
            hint, scale = take_bottom(scale, hint_h, 0)
            self.text(hint_text, hint, m.small, color="muted", align="center", valign="center")
        left = pygame.Rect(track.x, scale.y, track.width // 2, scale.height)
        right = pygame.Rect(track.centerx, scale.y, track.width - track.width // 2, scale.height)
        self.text(self._fmt(est.min), left, m.small, color="muted")
        self.text(self._fmt(est.max), right, m.small, color="muted", align="right")

    def _fmt(self, value: float) -> str:
        est = self.question.estimate
        assert est is not None
        return fmt_estimate(est, value)

    def _build_feedback(self, m: Metrics, area: pygame.Rect) -> None:
        q = self.question
        a = self.answer
        assert a is not None
        buttons, area = take_bottom(area, m.button_h, m.gap * 2)
        cont = pygame.Rect(0, 0, self.button_width(_("Continuer"), buttons.width), m.button_h)
        cont.midright = buttons.midright
        self.widgets.append(Button("continue", cont, role="next", label=_("Continuer"), style="primary"))
        area = centered(area, m.body * 60)
        side = q.type != "estimate" and not m.portrait and area.width >= m.body * 40
        if side:  # landscape: the choices on the left, the verdict and the explanation beside them
            share = 11 if self.ordering is not None else 9  # an ordering's rows carry their marks and figures
            choice_col, area = take_left(area, (area.width - m.gap * 2) * share // 20, m.gap * 2)
        verdict_h = round(m.heading * 1.6)
        verdict, area = take_top(area, verdict_h, m.gap)
        icon = round(m.heading * 1.3)
        self.icon_rect = pygame.Rect(verdict.x, verdict.centery - icon // 2, icon, icon)
        vtext = pygame.Rect(verdict.x + icon + m.gap, verdict.y, verdict.width - icon - m.gap, verdict.height)
        area = self._build_reward(m, vtext, area)
        self.estimate_marks: dict[str, pygame.Rect] = {}
        shown: set[str] = set()  # what stands under the choices already: "partial", "technique"
        if q.type == "estimate":  # the scale stays, the player's answer and the right one marked on it
            area = self._build_scale(m, area)
        elif self.ordering is not None:  # the list stays in the player's order, each row marked
            ordering = self.ordering
            col = choice_col if side else area
            lm = replace(m, body=m.small, small=m.min_text, button_h=max(44, round(m.small * 2.1)))  # as marked answers
            ordering.keep_metrics = True
            need = ordering.needed_height(self.ctx.renderer, lm, col.width)
            if side:
                box = pygame.Rect(col.x, col.y, col.width, min(need, col.height))
                # The pairs' count stays beside the verdict, in view (the list may be taller than the window).
            else:
                box, area = take_top(area, need, m.gap)
            ordering.layout(self.ctx.renderer, lm, box)
            self._hold_list(ordering)
            self.widgets.insert(0, ordering)
        else:  # the choices stay where they were, each marked in place
            marks = self._marks(a)
            labels = [c.text + ("\n" + marks[c.id][1] if marks.get(c.id) else "") for c in self.choices]
            if side:  # one column, each box as tall as its own words: room for the count under them
                cells = self._stacked_cells(m, choice_col, labels)
                rest = pygame.Rect(choice_col.x, cells[-1].bottom + m.gap, choice_col.width,
                                   max(0, choice_col.bottom - cells[-1].bottom - m.gap))
                shown |= self._under_choices(m, rest, a)
            else:
                grid = AnswerGrid(self.ctx.renderer, m, area, labels, size=m.small)  # the page scrolls if need be
                grid_area, area = take_top(area, grid.height, m.gap)
                cells = grid.cells(grid_area)
            for i, (c, cell) in enumerate(zip(self.choices, cells)):
                marker, words = marks.get(c.id, (None, ""))
                self.widgets.insert(i, Button(f"shown:{c.id}", cell, role="shown", label=labels[i], style="choice",
                                              marker=marker, enabled=False, text_size=m.small))
        src_text = sources_line(self.ctx.content, q.source_ids, notes=True) \
            or _("Source\u00a0: question importée, source à compléter")
        src_h = self.ctx.renderer.fit(src_text, area.width, 10_000, m.small, m.small).height + m.gap
        src, area = take_bottom(area, min(src_h, area.height // 3), m.gap)
        parts = []
        if self._partial(a) and "partial" not in shown:
            parts.append(self._partial(a))
        fb = self._choice_feedback(a)
        if fb:
            parts.append(fb)
        parts.append(q.explanation)
        size = m.body
        technique = technique_label(q.technique)
        if technique and "technique" not in shown:  # the technique this item teaches to spot, named first
            need = self.ctx.renderer.fit(technique, area.width, 10_000, size, size, True).height
            line, area = take_top(area, min(need, area.height // 3), m.gap // 2)
            self.text(technique, line, size, bold=True)
        body = "\n".join(parts)
        need = self.ctx.renderer.fit(body, area.width, 10_000, size, size).height
        if need < area.height:  # the source right under the text, not at the foot of the screen
            area.height = need
            src.y = area.bottom + m.gap
        self.text(body, area, size, min_size=m.min_text)
        self.text(src_text, src, m.small, color="muted")

    def _build_reward(self, m: Metrics, vtext: pygame.Rect, area: pygame.Rect) -> pygame.Rect:
        """The verdict's words, the « +1 » and streak chips and the running score beside them
        (on a line of their own under the verdict when the row is too narrow); returns the
        area left. Nothing here depends on the time taken to answer."""
        a = self.answer
        assert a is not None
        r = self.ctx.renderer
        verdict_text = self._verdict(a)
        score_text = self.score_text()
        chip = max(m.min_text, round(m.body * 0.9))
        chips_w = sum(r.measure(t, chip, True) + round(chip * 2.2) for _role, t in self.pop.texts())
        chips_w += max(4, chip // 2) * max(0, len(self.pop.texts()) - 1)
        score_w = r.measure(score_text, m.small, True) + m.gap
        verdict_w = r.measure(verdict_text, m.heading, True) + m.gap
        side_w = chips_w + (m.gap if chips_w else 0) + score_w
        chip_h = round(chip * 2.2)
        if verdict_w + side_w <= vtext.width:
            row = pygame.Rect(vtext.right - side_w, vtext.y, side_w, vtext.height)
            vtext = pygame.Rect(vtext.x, vtext.y, vtext.width - side_w - m.gap, vtext.height)
        else:
            row, area = take_top(area, max(chip_h, r.line_height(m.small, True)), m.gap)
            row = pygame.Rect(row.x, row.y, min(row.width, side_w), row.height)
        self.text(verdict_text, vtext, m.heading, color="right" if a.correct else "wrong", bold=True,
                  valign="center", min_size=m.min_text)
        self.pop_rect = pygame.Rect(row.x, row.centery - chip_h // 2, chips_w, chip_h) if chips_w else None
        self.pop_size = chip
        score_box = pygame.Rect(row.right - score_w, row.y, score_w, row.height)
        self.text(score_text, score_box, m.small, bold=True, valign="center", align="right")
        return area

    def score_text(self) -> str:
        right, total, _streak = self.play.run.running_score
        return ngettext("{right} bonne réponse sur {total}", "{right} bonnes réponses sur {total}",
                        right).format(right=right, total=total)

    def _under_choices(self, m: Metrics, rest: pygame.Rect, a: Answer) -> set[str]:
        """Under the marked choices, while there is room: the count and the partial credit (they
        count those boxes), then the technique the item teaches. Returns what was placed."""
        r, placed, y = self.ctx.renderer, set(), rest.y
        for key, text, size, bold in (("partial", self._partial(a), m.small, False),
                                      ("technique", technique_label(self.question.technique), m.body, True)):
            if not text:
                continue
            need = r.fit(text, rest.width, 10_000, size, size, bold).height
            if y + need > rest.bottom:
                continue  # the next may still fit; this one goes beside, with the explanation
            self.text(text, pygame.Rect(rest.x, y, rest.width, need), size, bold=bold)
            placed.add(key)
            y += need + m.gap
        return placed

    def _stacked_cells(self, m: Metrics, col: pygame.Rect, labels: list[str]) -> list[pygame.Rect]:
        """The marked boxes one under the other, each as tall as its label needs (a touch target at
        least), shrunk together to the column's height when they would not fit."""
        one = AnswerGrid(self.ctx.renderer, m, col, labels[:1], ncols=1, size=m.small)  # the same padding
        pad = one.row_h - self.ctx.renderer.fit(labels[0], self._label_width(m, col), 10_000, m.small,
                                                m.small).height
        heights = [max(m.button_h, self.ctx.renderer.fit(t, self._label_width(m, col), 10_000, m.small,
                                                          m.small).height + pad) for t in labels]
        total = sum(heights) + m.gap * (len(labels) - 1)
        if total > col.height:
            spare = max(0, col.height - m.gap * (len(labels) - 1))
            heights = [max(m.button_h, h * spare // max(1, sum(heights))) for h in heights]
        cells, y = [], col.y
        for h in heights:
            cells.append(pygame.Rect(col.x, y, col.width, h))
            y += h + m.gap
        return cells

    @staticmethod
    def _label_width(m: Metrics, col: pygame.Rect) -> int:
        """The text width inside an answer box of ``col``'s width (as AnswerGrid counts it)."""
        return col.width - 2 * max(8, m.gap) - round(m.body * 1.5) - max(8, m.gap) // 2

    def _build_scale(self, m: Metrics, area: pygame.Rect) -> pygame.Rect:
        """The estimate's scale under the verdict: the right answer marked above it (a tick, its
        words), the player's below it (a tick or a cross, its words); returns the area left."""
        q, a = self.question, self.answer
        est = q.estimate
        assert est is not None and a is not None
        r = self.ctx.renderer
        mine_text = _("Ta réponse\u00a0: {value}").format(value=self._fmt(a.value or 0))
        right_text = _("La bonne réponse\u00a0: {value}").format(value=self._fmt(est.answer))
        icon = round(m.body * 1.5)
        pad = max(4, m.gap // 2)
        label_h = {t: r.fit(t, area.width, 10_000, m.small, m.small).height for t in (mine_text, right_text)}
        block_h = label_h[right_text] + icon + 10 + icon + label_h[mine_text] + 4 * pad
        block, area = take_top(area, block_h, m.gap * 2)
        track = pygame.Rect(block.x + icon, block.y + label_h[right_text] + pad + icon + pad, block.width - 2 * icon, 10)
        self.scale_track = track

        def x_of(value: float) -> int:
            return track.x + round(track.width * (value - est.min) / max(1e-9, est.max - est.min))

        right_icon = pygame.Rect(0, 0, icon, icon)
        right_icon.midbottom = (x_of(est.answer), track.y - pad)
        mine_icon = pygame.Rect(0, 0, icon, icon)
        mine_icon.midtop = (x_of(a.value or 0), track.bottom + pad)
        self.estimate_marks = {"answer": right_icon, "mine": mine_icon}
        slack = max(est.tolerance, est.step / 2)
        self.scale_band = pygame.Rect(x_of(max(est.min, est.answer - slack)), track.y - 4, 0, track.height + 8)
        self.scale_band.width = max(4, x_of(min(est.max, est.answer + slack)) - self.scale_band.x)

        def label(text: str, centre: int, top: int) -> None:
            w = min(block.width, r.measure(text, m.small) + m.gap)
            box = pygame.Rect(0, top, w, label_h[text])
            box.centerx = centre
            box.clamp_ip(pygame.Rect(block.x, top, block.width, label_h[text]))
            self.text(text, box, m.small, align="center", valign="center")

        label(right_text, right_icon.centerx, block.y)
        label(mine_text, mine_icon.centerx, mine_icon.bottom + pad)
        return area

    def _verdict(self, a: Answer) -> str:
        return _("Bonne réponse\u00a0!") if a.correct else _("Pas tout à fait.")

    def _partial(self, a: Answer) -> str:
        """A several-answer question not fully right: what was found, what was ticked wrongly.
        An ordering not fully right: how many pairs stand in the right order."""
        q = self.question
        if a.correct or q.type not in ("multiple", "ordering"):
            return ""
        if q.type == "ordering":
            good, total = pairs_right(q.right_ids, a.choice_ids)
            text = ngettext("{good} paire sur {total} est dans le bon ordre.",
                            "{good} paires sur {total} sont dans le bon ordre.", good).format(good=good, total=total)
            return text + " " + _("Crédit partiel\u00a0: {percent}.").format(
                percent=fmt_percent(good / total if total else 0.0))
        marking = marking_of(q, a)
        text = ngettext("Tu as trouvé {hits} bonne réponse sur {total}.", "Tu as trouvé {hits} bonnes réponses sur {total}.",
                        len(marking.hits)).format(hits=len(marking.hits), total=marking.right_total)
        # The boxes say which were ticked wrongly; the words here say what that costs.
        text += " " + _("Crédit partiel\u00a0: {percent}.").format(percent=fmt_percent(marking.credit))
        if marking.wrong:
            text += " " + _("Chaque case fausse cochée annule une case juste.")
        return text

    def _marks(self, a: Answer) -> dict[str, tuple[str, str]]:
        """Choice id -> (marker, words) after the answer: the words say what the colour and the
        icon say (right / wrong), so that nothing is told by colour alone."""
        q = self.question
        picked = set(a.choice_ids)
        out: dict[str, tuple[str, str]] = {}
        for c in q.choices:
            if c.correct and c.id in picked:
                out[c.id] = ("right", _("Ta réponse\u00a0: juste"))
            elif c.correct:
                out[c.id] = (("missed", _("Oubliée\u00a0: c'était juste")) if q.type == "multiple"
                             else ("right", _("La bonne réponse")))
            elif c.id in picked:
                out[c.id] = ("wrong", _("Ta réponse\u00a0: fausse"))
        return out

    def _choice_feedback(self, a: Answer) -> str:
        if self.question.type in ("estimate", "ordering"):  # an ordering's notes stand under its rows
            return ""
        notes = [c.feedback for c in self.question.choices if c.id in a.choice_ids and c.feedback]
        return " ".join(n for n in notes if n)

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        m, p = self.metrics, self.ctx.palette
        if self.phase == "ask" and self.question.type == "estimate":
            slider = self.widget("slider")
            text = self._fmt(slider.value if isinstance(slider, Slider) else 0)
            img = self.ctx.renderer.render(text, m.title, p.text, True)
            surface.blit(img, img.get_rect(center=self.value_box.center))
        elif self.phase == "feedback":
            color = p.right if self.answer and self.answer.correct else p.wrong
            (draw_check if self.answer and self.answer.correct else draw_cross)(
                surface, self.icon_rect, color, max(3, self.icon_rect.width // 7))
            if self.pop_rect is not None:
                draw_pop(surface, self.pop, self.pop_rect, p, self.ctx.renderer, shared_icons(), size=self.pop_size)
            if self.estimate_marks:
                self._paint_scale(surface)

    def _paint_scale(self, surface: pygame.Surface) -> None:
        """The estimate's scale: the « close enough » stretch around the answer, a tick above for
        the right answer, the player's mark below (a tick when right, a cross when not)."""
        p = self.ctx.palette
        track = self.scale_track
        pygame.draw.rect(surface, p.bar_track, track, border_radius=5)
        pygame.draw.rect(surface, p.right, self.scale_band, border_radius=5)
        right, mine = self.estimate_marks["answer"], self.estimate_marks["mine"]
        ok = bool(self.answer and self.answer.correct)
        width = max(3, right.width // 7)
        pygame.draw.line(surface, p.right, (right.centerx, right.bottom), (right.centerx, track.y), 3)
        pygame.draw.line(surface, p.right if ok else p.wrong, (mine.centerx, track.bottom), (mine.centerx, mine.y), 3)
        draw_check(surface, right, p.right, width)
        (draw_check if ok else draw_cross)(surface, mine, p.right if ok else p.wrong, width)

    # -- « Continuer » stays in view ------------------------------------------------------
    def _sticky(self) -> Widget | None:
        """« Continuer » when the feedback is taller than the window (large text): it is then drawn
        at the foot of the window whatever the scroll, where it stands when the page is scrolled
        to its end, and a tap there presses it."""
        if self.phase != "feedback" or not self.max_scroll:
            return None
        return self.widget("continue")

    def continue_on_screen(self) -> pygame.Rect | None:
        """Where « Continuer » is in the window now (None before the answer)."""
        cont = self.widget("continue")
        if cont is None:
            return None
        return cont.rect.move(0, -(self.max_scroll if self._sticky() else self.scroll))

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        cont = self._sticky()
        if cont is None or self._canvas is None or self.scroll >= self.max_scroll:
            return
        m = self.metrics
        lift = self.max_scroll  # page -> window, as when the page is scrolled to its end
        band = pygame.Rect(0, cont.rect.y - m.gap - lift, surface.get_width(), surface.get_height())
        band.height = surface.get_height() - band.y
        surface.fill(self.ctx.palette.background, band)
        pygame.draw.line(surface, self.ctx.palette.border, band.topleft, band.topright, 2)
        halo = cont.rect.inflate(4 * m.ring + 8, 4 * m.ring + 8).clip(self._canvas.get_rect())
        surface.blit(self._canvas, (halo.x, halo.y - lift), halo)
        self._draw_scrollbar(surface)

    def handle(self, intent: inp.Intent) -> None:
        self.ensure_layout(self.ctx.surface_size())  # where « Continuer » is depends on the layout
        cont = self._sticky()
        if cont is not None and intent.pos is not None and intent.kind in (
                inp.POINTER_DOWN, inp.POINTER_MOVE, inp.POINTER_UP):
            spot = self.continue_on_screen()
            assert spot is not None
            on_it = spot.collidepoint(intent.pos)
            if intent.kind == inp.POINTER_DOWN:
                self._sticky_press = on_it
            if on_it or (self._sticky_press and intent.kind != inp.POINTER_DOWN):
                # Where the button is on the page, seen from the current scroll.
                intent = replace(intent, pos=(intent.pos[0], intent.pos[1] + self.max_scroll - self.scroll))
            if intent.kind == inp.POINTER_UP:
                self._sticky_press = False
        if self._ordering_handles(intent):
            return
        super().handle(intent)

    # -- input -------------------------------------------------------------------------
    def on_activate(self, widget: Widget) -> None:
        if self.menu_pressed(widget.id):
            return
        q = self.question
        if self.phase == "feedback":
            if widget.id == "continue":
                advance(self.ctx, self.play)
            return
        if widget.id.startswith("choice:"):
            cid = widget.id.split(":", 1)[1]
            if q.type == "multiple":
                self.selected ^= {cid}
                self.invalidate()
            else:
                self._submit([cid], None)
        elif widget.id in ("minus", "plus"):
            slider = self.widget("slider")
            assert isinstance(slider, Slider)
            slider.nudge(-1 if widget.id == "minus" else 1)
            self.on_slider(slider)
        elif widget.id in ("slider", "submit") and q.type == "estimate" and not self.moved:
            return  # the start was drawn at random: it is not the player's estimate
        elif widget.id == "slider":
            self._submit([], self.value)  # Enter on the slider validates, as the button does
        elif widget.id == "submit" and self.ordering is not None:
            if self.ordering.moved:  # an order, as the player left it: never sorted
                self._submit(list(self.ordering.answer), None)
        elif widget.id == "submit":
            self._submit(sorted(self.selected), self.value)

    def on_slider(self, slider: Slider) -> None:
        self.value = slider.value
        if not self.moved:
            self.moved = True  # the button wakes up and the hint goes: a new layout
            self.invalidate()
        self.ctx.request_redraw()

    def _submit(self, choice_ids: list[str], value: float | None) -> None:
        run = self.play.run
        if not run.answer_question(choice_ids, value, self.question_id):  # refused: nothing ticked, answered
            return
        self.answer = run.answer
        _right, _total, streak = run.running_score
        if self.answer.correct:  # the reward: « +1 », the streak from two in a row, a chime
            self.pop.start(points=1, streak=streak, animate=self.ctx.animations)
            self.ctx.audio.play("streak" if streak >= 2 else "reward")
        else:
            self.pop.clear()
            self.ctx.audio.play("wrong")
        if self.ordering is not None:
            q = self.question
            self.ordering.show_result(q.right_ids, {c.id: c.feedback for c in q.choices if c.feedback})
        self.phase = "feedback"
        self.focus_id = None
        self.invalidate()

    def update(self, dt: float) -> bool:
        moving = super().update(dt)
        moving = self.pop.update(dt) or moving
        if self.ordering is not None:
            moving = self.ordering.update(dt) or moving
            if self.ordering.dirty:
                self.ctx.request_redraw()
        return moving

    def on_focus(self, wid: str | None) -> None:
        if self.ordering is not None and wid != self.ordering.id:
            self.ordering.blur()  # the focus left the list: a lifted row is put down where it is

    def _ordering_handles(self, intent: inp.Intent) -> bool:
        """The list gets the intent first when it has the focus (keys, pad) or under a pointer."""
        ordering = self.ordering
        if ordering is None or self.phase != "ask":
            return False
        pos = None
        if intent.kind in (inp.POINTER_DOWN, inp.POINTER_MOVE, inp.POINTER_UP):
            if intent.pos is None:
                return False
            pos = (intent.pos[0], intent.pos[1] + self.scroll)
        elif self.focus_id != ordering.id:
            return False
        was_moved = ordering.moved
        if not ordering.handle(intent, pos):
            return False
        if intent.kind == inp.POINTER_DOWN and self.focus_id != ordering.id:
            self.focus_id = ordering.id
        if ordering.moved != was_moved:
            self.invalidate()  # « Valider » wakes up
        self.ctx.request_redraw()
        return True

    def speech(self) -> str:
        text = super().speech()
        if self.ordering is not None and self.phase == "ask":
            text += " " + self.ordering.speech_text()
        return text

    def default_focus(self) -> str | None:
        if self.phase == "feedback":
            return "continue"
        if self.ordering is not None:
            return self.ordering.id
        return "slider" if self.question.type == "estimate" else None

    def bot_targets(self) -> list[Widget]:
        targets = super().bot_targets()
        if self.phase == "ask" and self.question.type == "multiple" and self.selected:
            return targets  # toggles and submit
        if self.phase == "ask" and self.question.type == "multiple":
            return [w for w in targets if w.role == "answer"]
        if self.phase == "ask" and self.question.type == "estimate" and not self.moved:
            return [w for w in targets if w.id in ("slider", "minus", "plus")]
        if self.phase == "ask" and self.ordering is not None:  # move a row first, then « Valider »
            return [w for w in targets if w.id == ("submit" if self.ordering.moved else self.ordering.id)]
        return targets
