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
from game.content.models import Estimate, Question
from game.i18n import _, fmt_number, fmt_percent, ngettext, with_unit
from game.scenes.base import sources_line
from game.scenes.context import Context
from game.scenes.play import Play, PlayScene, advance
from game.ui.layout import Metrics, center_block, centered, columns, rows, take_bottom, take_left, take_top
from game.ui.widgets import Button, Slider, Widget, draw_check, draw_cross


def fmt_estimate(est: Estimate, value: float) -> str:
    """A figure of an estimate question with its unit: « 40 000 enfants », « 75 % »."""
    return with_unit(fmt_number(value, 0 if float(est.step).is_integer() else 1), est.unit)


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
    show_gauges = False  # answers move no gauge: the room goes to the question and its explanation

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
        needs_submit = q.type in ("multiple", "estimate")
        if needs_submit:
            submit_band, area = take_bottom(area, m.button_h, m.gap * 2)
            label = _("Valider ma réponse")
            submit = pygame.Rect(0, 0, self.button_width(label, submit_band.width, 12), m.button_h)
            submit.midright = submit_band.midright
            enabled = self.moved if q.type == "estimate" else bool(self.selected)
            self.widgets.append(Button("submit", submit, role="submit", label=label, style="primary",
                                       enabled=enabled))
        if q.type == "estimate":
            self._build_estimate(m, area)
            return
        choices = self.choices
        answers = AnswerGrid(self.ctx.renderer, m, area, [c.text for c in choices], max_h=area.height * 2 // 3)
        choices_h = answers.height
        hint_text = _("Plusieurs réponses sont justes\u00a0: coche-les toutes, puis valide.")
        hint_h = (self.ctx.renderer.fit(hint_text, area.width, 10_000, m.small, m.small).height + m.gap // 2
                  if q.type == "multiple" else 0)
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
            choice_col, area = take_left(area, (area.width - m.gap * 2) * 9 // 20, m.gap * 2)
        verdict_h = round(m.heading * 1.6)
        verdict, area = take_top(area, verdict_h, m.gap)
        icon = round(m.heading * 1.3)
        self.icon_rect = pygame.Rect(verdict.x, verdict.centery - icon // 2, icon, icon)
        vtext = pygame.Rect(verdict.x + icon + m.gap, verdict.y, verdict.width - icon - m.gap, verdict.height)
        self.text(self._verdict(a), vtext, m.heading, color="right" if a.correct else "wrong", bold=True,
                  valign="center", min_size=m.min_text)
        self.estimate_marks: dict[str, pygame.Rect] = {}
        partial_shown = False
        if q.type == "estimate":  # the scale stays, the player's answer and the right one marked on it
            area = self._build_scale(m, area)
        else:  # the choices stay where they were, each marked in place
            marks = self._marks(a)
            labels = [c.text + ("\n" + marks[c.id][1] if marks.get(c.id) else "") for c in self.choices]
            if side:  # one column, each box as tall as its own words: room for the count under them
                cells = self._stacked_cells(m, choice_col, labels)
                rest = pygame.Rect(choice_col.x, cells[-1].bottom + m.gap, choice_col.width,
                                   max(0, choice_col.bottom - cells[-1].bottom - m.gap))
                partial = self._partial(a)
                need = self.ctx.renderer.fit(partial, rest.width, 10_000, m.small, m.small).height if partial else 0
                if partial and need <= rest.height:  # the count and the credit under the boxes they count
                    self.text(partial, pygame.Rect(rest.x, rest.y, rest.width, need), m.small)
                    partial_shown = True
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
        if self._partial(a) and not partial_shown:
            parts.append(self._partial(a))
        fb = self._choice_feedback(a)
        if fb:
            parts.append(fb)
        parts.append(q.explanation)
        size = m.body
        body = "\n".join(parts)
        need = self.ctx.renderer.fit(body, area.width, 10_000, size, size).height
        if need < area.height:  # the source right under the text, not at the foot of the screen
            area.height = need
            src.y = area.bottom + m.gap
        self.text(body, area, size, min_size=m.min_text)
        self.text(src_text, src, m.small, color="muted")

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
        """A several-answer question not fully right: what was found, what was ticked wrongly."""
        q = self.question
        if a.correct or q.type != "multiple":
            return ""
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
        if self.question.type == "estimate":
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
        self.ctx.audio.play("right" if self.answer.correct else "wrong")
        self.phase = "feedback"
        self.focus_id = None
        self.invalidate()

    def default_focus(self) -> str | None:
        if self.phase == "feedback":
            return "continue"
        return "slider" if self.question.type == "estimate" else None

    def bot_targets(self) -> list[Widget]:
        targets = super().bot_targets()
        if self.phase == "ask" and self.question.type == "multiple" and self.selected:
            return targets  # toggles and submit
        if self.phase == "ask" and self.question.type == "multiple":
            return [w for w in targets if w.role == "answer"]
        if self.phase == "ask" and self.question.type == "estimate" and not self.moved:
            return [w for w in targets if w.id in ("slider", "minus", "plus")]
        return targets
