"""The screens of the pre/post measure (issue 18): its intro, each question without feedback.

The posts to rate are in ``measure_rate``, the progress in ``measure_progress``, what the screens
share in ``measure_base``. Every screen
draws the step a ``MeasureFlow`` is at and sends it intents; when the flow reaches the game (or
the progress, after the game), ``done(flow)`` hands control back to whoever started it:

    flow = MeasureFlow.plan(ctx.content, themes, level, rng)
    ctx.replace(measure_scene(ctx, flow, done, keep))   # done(flow) when the game may start
    ...after the game...
    flow.game_over(); ctx.replace(measure_scene(ctx, flow, done, keep))   # done(flow) at the progress

A solo game does this through ``game.flow.measured.MeasuredRun`` (see ``scenes/play.py``).

Never scored against the player: no feedback, no right or wrong, nothing said until the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game import input as inp
from game.flow.measure_flow import GAME, INTRO, ITEM, PROGRESS, RATE, SKIPPED, MeasureFlow
from game.i18n import _, ngettext
from game.scenes.base import Scene
from game.scenes.measure_base import Done, Keep, MeasureScene, Screens
from game.scenes.measure_rate import MeasureRateScene
from game.scenes.question import AnswerGrid, fmt_estimate, slider_start
from game.session import ordered_choices
from game.ui.layout import Metrics, center_block, centered, take_bottom, take_top
from game.ui.widgets import Button, Slider, Widget

if TYPE_CHECKING:
    from game.content.models import Question
    from game.scenes.context import Context

def measure_scene(ctx: Context, flow: MeasureFlow, done: Done, keep: Keep | None = None) -> Scene | None:
    """The screen for the flow's current step; None (after calling ``done``) when the step is the
    game or the progress, which are not the measure's to show. ``keep``: what the screens call
    when the player leaves (``Scene.abandon``), so that what was answered is kept."""
    kind = flow.current.kind
    if kind in (GAME, PROGRESS):
        done(flow)
        return None
    if kind in (INTRO, SKIPPED):
        return MeasureIntroScene(ctx, flow, done, keep=keep)
    if kind == ITEM:
        return MeasureItemScene(ctx, flow, done, keep=keep)
    assert kind == RATE
    return MeasureRateScene(ctx, flow, done, measure_scene, keep)


class _Chosen(MeasureScene):
    """A screen of this module: the next screen comes from ``measure_scene``."""

    def __init__(self, ctx: Context, flow: MeasureFlow, done: Done, screens: Screens | None = None,
                 keep: Keep | None = None) -> None:
        super().__init__(ctx, flow, done, screens or measure_scene, keep)


class MeasureIntroScene(_Chosen):
    """« Pour voir d'où l'on part » before the game; « Même chose, après la partie » after it; or
    the notice that these themes have nothing to measure with."""

    def texts_for(self) -> tuple[str, str]:
        step = self.step
        if step.kind == SKIPPED:
            return (_("On joue sans la mesure"),
                    _("Ces thèmes n'ont pas encore de questions pour mesurer ce que vous apprenez. "
                      "La partie commence directement.") if self.group else
                    _("Ces thèmes n'ont pas encore de questions pour mesurer ce que tu apprends. "
                      "La partie commence directement."))
        items, posts = self.flow.counts(step.phase)
        what = _("{questions} et {posts}").format(
            questions=ngettext("{n}\u00a0question", "{n}\u00a0questions", items).format(n=items),
            posts=ngettext("{n}\u00a0post à noter", "{n}\u00a0posts à noter", posts).format(n=posts))
        if not posts:
            what = ngettext("{n}\u00a0question", "{n}\u00a0questions", items).format(n=items)
        elif not items:
            what = ngettext("{n}\u00a0post à noter", "{n}\u00a0posts à noter", posts).format(n=posts)
        if step.phase == "pre" and self.group:
            return (_("Pour voir d'où l'on part"),
                    _("Avant de jouer\u00a0: {what}. Ce n'est pas une note et personne ne vous juge. "
                      "Vous ne saurez pas tout de suite si c'est juste\u00a0: répondez comme vous pensez, "
                      "sans chercher.").format(what=what))
        if step.phase == "pre":
            return (_("Pour voir d'où l'on part"),
                    _("Avant de jouer\u00a0: {what}. Ce n'est pas une note et personne ne te juge. "
                      "Tu ne sauras pas tout de suite si c'est juste\u00a0: réponds comme tu penses, "
                      "sans chercher.").format(what=what))
        if self.group:
            return (_("Et maintenant\u00a0?"),
                    _("La partie est finie. Les mêmes idées, dites autrement\u00a0: {what}. "
                      "Ensuite, vous verrez votre chemin entre avant et après.").format(what=what))
        return (_("Et maintenant\u00a0?"),
                _("La partie est finie. Les mêmes idées, dites autrement\u00a0: {what}. "
                  "Ensuite, tu verras ton chemin entre avant et après.").format(what=what))

    def build(self, m: Metrics) -> None:
        area = m.content
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        title, body = self.texts_for()
        label = _("Continuer") if self.step.kind == SKIPPED else _("Commencer")
        if self.step.kind == INTRO:
            skip = _("Passer sans répondre")
            skip_w = self.button_width(skip, nav.width, 7)
            if skip_w <= (nav.width - m.gap) * 2 // 5:  # beside « Commencer »
                self.widgets.append(Button("skip", pygame.Rect(nav.x, nav.y, skip_w, nav.height), role="next",
                                           label=skip))
                nav = pygame.Rect(nav.x + skip_w + m.gap, nav.y, nav.width - skip_w - m.gap, nav.height)
            else:  # narrow screen or large text: on a band of its own, above
                band, area = take_bottom(area, m.button_h, m.gap)
                self.widgets.append(Button("skip", pygame.Rect(band.x, band.y, skip_w, band.height), role="next",
                                           label=skip))
        self.primary("start", label, nav)
        self.text_stack([(title, m.title, "text", True), (body, round(m.body * 1.1), "text", False)],
                        centered(area, m.body * 34), m.gap * 2)

    def default_focus(self) -> str:
        return "start"

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "start":
            self.flow.next()
        elif widget.id == "skip":
            self.flow.skip()
        else:
            return
        self.go_on()

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.id == "start"]


class MeasureItemScene(_Chosen):
    """One question of a check, drawn as in the game (the same answer grid and slider), with no
    feedback: a single answer moves on at once, several answers and an estimate with « Valider »."""

    def __init__(self, ctx: Context, flow: MeasureFlow, done: Done, screens: Screens | None = None,
                 keep: Keep | None = None) -> None:
        super().__init__(ctx, flow, done, screens, keep)
        assert self.step.item is not None
        self.question_id = self.step.item.id
        self.selected: set[str] = set()
        q = self.question
        self.value = slider_start(q, self.step.item) if q.estimate is not None else None
        self.moved = False  # the slider's start was drawn at random: it is not an answer

    @property
    def question(self) -> Question:
        return self.ctx.content.questions[self.question_id]  # in the current language

    def build(self, m: Metrics) -> None:
        label = _("Question {n} sur {total}").format(n=self.step.index + 1, total=self.step.count)
        area = self.build_header(m, label)
        q = self.question
        if q.type in ("multiple", "estimate"):
            band, area = take_bottom(area, m.button_h, m.gap * 2)
            self.primary("submit", _("Valider"), band, enabled=self.moved if q.type == "estimate" else bool(self.selected))
        if q.type == "estimate":
            self._build_estimate(m, area)
        else:
            self._build_choices(m, area)
        self.widgets.sort(key=lambda w: w.id == "submit")  # « Valider » last in the focus order

    def _prompt_need(self, m: Metrics, area: pygame.Rect) -> int:
        return self.ctx.renderer.fit(self.question.prompt, centered(area, m.body * 40).width, 10_000, m.heading,
                                     m.heading, True).height

    def _build_choices(self, m: Metrics, area: pygame.Rect) -> None:
        q = self.question
        choices = ordered_choices(q, self.step.item)  # as dealt: ids decide, never places
        grid = AnswerGrid(self.ctx.renderer, m, area, [c.text for c in choices], max_h=area.height * 2 // 3)
        hint = ""
        if q.type == "multiple":
            hint = (_("Plusieurs réponses sont justes\u00a0: cochez-les toutes, puis validez.") if self.group
                    else _("Plusieurs réponses sont justes\u00a0: coche-les toutes, puis valide."))
        hint_h = self.ctx.renderer.fit(hint, area.width, 10_000, m.small, m.small).height + m.gap // 2 if hint else 0
        area = center_block(area, self._prompt_need(m, area) + hint_h + grid.height + m.gap * 3)
        grid_area, prompt = take_bottom(area, grid.height, m.gap * 2)
        if hint:
            hint_box, prompt = take_bottom(prompt, hint_h, m.gap // 2)
            self.text(hint, centered(hint_box, m.body * 40), m.small, color="muted", valign="center")
        self.text(q.prompt, centered(prompt, m.body * 40), m.heading, bold=True, valign="center")
        for i, (c, cell) in enumerate(zip(choices, grid.cells(grid_area))):
            self.widgets.append(Button(f"choice:{c.id}", cell, role="answer", label=c.text, style="choice",
                                       pick_index=i, toggle=q.type == "multiple", selected=c.id in self.selected))

    def _build_estimate(self, m: Metrics, area: pygame.Rect) -> None:
        est = self.question.estimate
        assert est is not None
        r = self.ctx.renderer
        value_h = round(m.title * 1.4)
        slider_h = max(m.button_h, round(m.body * 2.4))
        scale_h = r.line_height(m.small) + m.gap
        hint = "" if self.moved else (_("Déplacez le curseur pour donner votre estimation.") if self.group
                                      else _("Déplace le curseur pour donner ton estimation."))
        hint_h = r.fit(hint, area.width, 10_000, m.small, m.small).height + m.gap // 2 if hint else 0
        block_h = value_h + slider_h + scale_h + hint_h + 2 * m.gap
        area = center_block(area, self._prompt_need(m, area) + block_h + m.gap * 3)
        block, prompt = take_bottom(area, block_h, m.gap * 2)
        self.text(self.question.prompt, centered(prompt, m.body * 40), m.heading, bold=True, valign="center")
        self.value_box, rest = take_top(block, value_h, m.gap)
        row, scale = take_top(rest, slider_h, m.gap)
        nudge_w = max(m.button_h, m.body * 2)
        minus = pygame.Rect(row.x, row.y, nudge_w, slider_h)
        plus = pygame.Rect(row.right - nudge_w, row.y, nudge_w, slider_h)
        track = pygame.Rect(minus.right + m.gap, row.y, plus.x - minus.right - 2 * m.gap, slider_h)
        slider = Slider("slider", track, low=est.min, high=est.max, step=est.step, value=self.value)
        if self.dragging is not None:
            self.dragging = slider  # a drag that outlives a new layout moves the new knob
        self.widgets += [slider, Button("minus", minus, role="adjust", label="\u2212", style="choice"),
                         Button("plus", plus, role="adjust", label="+", style="choice")]
        if hint:
            hint_box, scale = take_bottom(scale, hint_h, 0)
            self.text(hint, hint_box, m.small, color="muted", align="center", valign="center")
        half = track.width // 2
        self.text(fmt_estimate(est, est.min), pygame.Rect(track.x, scale.y, half, scale.height), m.small, color="muted")
        self.text(fmt_estimate(est, est.max), pygame.Rect(track.centerx, scale.y, track.width - half, scale.height),
                  m.small, color="muted", align="right")

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        est = self.question.estimate
        if est is not None:
            img = self.ctx.renderer.render(fmt_estimate(est, self.value), self.metrics.title, self.ctx.palette.text,
                                           True)
            surface.blit(img, img.get_rect(center=self.value_box.center))

    def default_focus(self) -> str | None:
        return "slider" if self.question.type == "estimate" else None

    def on_activate(self, widget: Widget) -> None:
        q = self.question
        if widget.id.startswith("choice:"):
            cid = widget.id.split(":", 1)[1]
            if q.type != "multiple":
                self._submit([cid], None)
                return
            self.selected ^= {cid}
            self.invalidate()
        elif widget.id in ("minus", "plus"):
            slider = self.widget("slider")
            assert isinstance(slider, Slider)
            slider.nudge(-1 if widget.id == "minus" else 1)
            self.on_slider(slider)
        elif widget.id in ("slider", "submit") and q.type == "estimate":
            if self.moved:
                self._submit([], self.value)
        elif widget.id == "submit" and self.selected:
            self._submit(sorted(self.selected), None)

    def on_slider(self, slider: Slider) -> None:
        self.value = slider.value
        if not self.moved:
            self.moved = True  # « Valider » wakes up and the hint goes: a new layout
            self.invalidate()
        self.ctx.request_redraw()

    def _submit(self, choice_ids: list[str], value: float | None) -> None:
        self.flow.answer(choice_ids, value)  # no sound, no verdict: the check says nothing
        self.go_on()

    def handle(self, intent: inp.Intent) -> None:
        if intent.kind == inp.PICK and self.question.type == "estimate":
            return
        super().handle(intent)

    def bot_targets(self) -> list[Widget]:
        targets = super().bot_targets()
        q = self.question
        if q.type == "estimate" and not self.moved:
            return [w for w in targets if w.id in ("minus", "plus")]
        if q.type == "multiple" and not self.selected:
            return [w for w in targets if w.role == "answer"]
        return targets
