"""The player's (or the class's) own progress, in plain words (issue 18.1).

``progress_pieces(results, group)`` says it in sentences (no pygame needed to read them);
``mount_progress(scene, area, results, group)`` lays them out in a scene's build, so a results
screen can show them on one of its pages; ``MeasureProgressScene`` is a page of its own.

    Avant : 2 sur 5. Après : 4 sur 5.
    Tu as trouvé 2 des 3 réponses qui te manquaient avant.          (the normalised gain, in words)
    Avant la partie : tu as donné en moyenne 1 point de moins aux posts fiables qu'aux posts trompeurs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pygame

from game.i18n import _, current_language, fmt_number, ngettext
from game.measure import MeasureResult
from game.scenes.base import Scene
from game.ui.layout import Metrics, centered, take_bottom
from game.ui.widgets import Button, Widget

if TYPE_CHECKING:
    from game.scenes.context import Context

EPS = 1e-9


def _num(x: float) -> str:
    return fmt_number(x, 1)


def _plural_n(x: float) -> int:
    """The n that picks the plural form for a figure that may have a decimal: « 1,5 point » in
    French (singular below 2), « 1.5 points » in English (plural unless exactly 1)."""
    x = abs(x)
    if float(x).is_integer():
        return int(x)
    return int(x) if current_language() == "fr" else max(2, int(x))


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def combine(results: Sequence[MeasureResult]) -> MeasureResult | None:
    """The class's progress: the mean of its teams' (or players') complete results."""
    done = [r for r in results if r.complete]
    if not done:
        return None
    before_d = [r.discernment_before for r in done if r.discernment_before is not None]
    after_d = [r.discernment_after for r in done if r.discernment_after is not None]
    return MeasureResult(items=done[0].items, before=_mean([r.before for r in done]),
                         after=_mean([r.after for r in done]), complete=True,
                         discernment_before=_mean(before_d) if before_d else None,
                         discernment_after=_mean(after_d) if after_d else None)


def knowledge_sentences(r: MeasureResult, group: bool, averaged: bool | None = None) -> list[str]:
    """``averaged``: the figures are a mean over several results (by default, a group's are)."""
    n = r.items
    line = (_("En moyenne, avant\u00a0: {before} sur {n}. Après\u00a0: {after} sur {n}.")
            if (group if averaged is None else averaged)
            else _("Avant\u00a0: {before} sur {n}. Après\u00a0: {after} sur {n}."))
    out = [line.format(before=_num(r.before), after=_num(r.after), n=n)]
    missing = n - r.before
    if r.before >= n - EPS and r.after >= n - EPS:
        out.append(_("Tout bon avant et après\u00a0: la classe savait déjà\u00a0!") if group
                   else _("Tout bon avant et après\u00a0: tu savais déjà\u00a0!"))
    elif r.gain > EPS:
        text = (ngettext("Il manquait {missing}\u00a0réponse à la classe avant\u00a0: elle en a trouvé {gain} de plus.",
                         "Il manquait {missing}\u00a0réponses à la classe avant\u00a0: elle en a trouvé {gain} de plus.",
                         _plural_n(missing)) if group else
                ngettext("Il te manquait {missing}\u00a0réponse avant\u00a0: tu en as trouvé {gain} de plus.",
                         "Il te manquait {missing}\u00a0réponses avant\u00a0: tu en as trouvé {gain} de plus.",
                         _plural_n(missing)))
        out.append(text.format(gain=_num(r.gain), missing=_num(missing)))
    elif r.gain < -EPS:
        out.append(_("Un peu moins après qu'avant\u00a0: les questions d'après étaient différentes, ça arrive."))
    else:
        out.append(_("Autant de bonnes réponses avant et après."))
    return out


def _points(x: float) -> str:
    """« 2,5 points », « 1 point »: how far apart two mean ratings are, without a sign."""
    return ngettext("{x}\u00a0point", "{x}\u00a0points", _plural_n(abs(x))).format(x=_num(abs(x)))


def _rating_line(when: str, x: float, group: bool) -> str:
    """One moment's discernment in words a 13-year-old reads: how many points more (or fewer)
    the reliable posts got than the manipulative ones, on average."""
    x = 0.0 if abs(x) < 0.05 else x
    if x > 0:
        text = (_("{when}\u00a0: la classe a donné en moyenne {x} de plus aux posts fiables qu'aux posts trompeurs.")
                if group else
                _("{when}\u00a0: tu as donné en moyenne {x} de plus aux posts fiables qu'aux posts trompeurs."))
    elif x < 0:
        text = (_("{when}\u00a0: la classe a donné en moyenne {x} de moins aux posts fiables qu'aux posts trompeurs.")
                if group else
                _("{when}\u00a0: tu as donné en moyenne {x} de moins aux posts fiables qu'aux posts trompeurs."))
    else:
        text = (_("{when}\u00a0: la classe a donné en moyenne les mêmes notes aux posts fiables et aux posts trompeurs.")
                if group else
                _("{when}\u00a0: tu as donné en moyenne les mêmes notes aux posts fiables et aux posts trompeurs."))
    return text.format(when=when, x=_points(x))


def discernment_sentences(r: MeasureResult, group: bool) -> list[str]:
    """The verdict, the two moments (before, after), and what a good rating looks like."""
    b, a = r.discernment_before, r.discernment_after
    if b is None or a is None:
        return []
    if a - b > EPS:
        verdict = (_("La classe fait mieux la différence qu'avant.") if group
                   else _("Tu fais mieux la différence qu'avant\u00a0!"))
    elif a - b < -EPS:
        verdict = (_("La classe fait un peu moins la différence qu'avant.") if group
                   else _("Tu fais un peu moins la différence qu'avant."))
    else:
        verdict = (_("La classe fait la différence autant qu'avant.") if group
                   else _("Tu fais la différence autant qu'avant."))
    return [verdict, _rating_line(_("Avant la partie"), b, group), _rating_line(_("Après la partie"), a, group),
            _("Le but\u00a0: une note haute pour un post fiable, une note basse pour un post qui manipule.")]


def progress_pieces(results: Sequence[MeasureResult], group: bool = False) -> list[tuple[str, str]]:
    """(role, text) to show: role ``head`` (the title), ``sub`` (a part), ``line`` or ``note``. ``results``: one (a player) or
    several (the class's teams, or its players); ``group`` speaks of the class, not of « tu »."""
    r = combine(results) if group else (results[0] if results and results[0].complete else None)
    if r is None:
        return [("head", _("Ton chemin") if not group else _("Le chemin de la classe")),
                ("line", _("Une des deux mesures n'a pas été faite\u00a0: rien à comparer cette fois."))]
    pieces = [("head", _("Le chemin de la classe") if group else _("Ton chemin"))]
    if r.items:
        pieces.append(("sub", _("Les questions")))
        complete = len([x for x in results if x.complete])
        pieces += [("line", t) for t in knowledge_sentences(r, group, averaged=group and complete > 1)]
    posts = discernment_sentences(r, group)
    if posts:
        pieces.append(("sub", _("Les posts\u00a0: fiables ou trompeurs\u00a0?")))
        pieces += [("line", posts[0]), ("line", posts[1]), ("line", posts[2]), ("note", posts[3])]
    if group and len([x for x in results if x.complete]) == 1:  # a class that answered as one
        pieces.append(("note", _("Une classe, quelques questions, le jour même, sans groupe de comparaison\u00a0: "
                                 "une tendance, pas une preuve.")))
    elif group:
        n = len([x for x in results if x.complete])
        pieces.append(("note", ngettext(
            "{n}\u00a0équipe, quelques questions, le jour même, sans groupe de comparaison\u00a0: "
            "une tendance, pas une preuve.",
            "{n}\u00a0équipes, quelques questions, le jour même, sans groupe de comparaison\u00a0: "
            "une tendance, pas une preuve.", n).format(n=n)))
    else:
        pieces.append(("note", _("Ce n'est pas une évaluation\u00a0: juste ton chemin, vu par quelques questions.")))
    return pieces


def mount_progress(scene: Scene, area: pygame.Rect, results: Sequence[MeasureResult], group: bool = False,
                   heading: bool = True, valign: str = "top") -> pygame.Rect:
    """Lay the progress out in ``area`` of ``scene`` (call it from the scene's ``build``): its texts
    join the scene's, so they are drawn, read aloud and checked for fit like the others. Returns
    the rectangle used. ``heading=False`` leaves out « Ton chemin » (a page that has its own)."""
    m = scene.metrics
    assert m is not None
    style = {"head": (m.heading, "text", True), "sub": (m.body, "text", True), "line": (m.body, "text", False),
             "note": (m.small, "muted", False)}
    items = []
    for role, text in progress_pieces(results, group):
        if role == "head" and not heading:
            continue
        size, color, bold = style[role]
        items.append((text, size, color, bold))
    return scene.text_stack(items, area, m.gap, valign=valign)


class MeasureProgressScene(Scene):
    """The progress on a page of its own, then « Continuer » calls ``then()``."""

    name = "measure_progress"
    screen_name = "measure_progress"

    def __init__(self, ctx: Context, results: Sequence[MeasureResult], then: Callable[[], None],
                 group: bool = False) -> None:
        super().__init__(ctx)
        self.results = list(results)
        self.then = then
        self.group = group

    def build(self, m: Metrics) -> None:
        area = m.content
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        label = _("Continuer")
        rect = pygame.Rect(0, 0, self.button_width(label, nav.width, 12), m.button_h)
        rect.midright = nav.midright
        self.widgets.append(Button("continue", rect, role="next", label=label, style="primary"))
        mount_progress(self, centered(area, m.body * 36), self.results, self.group, valign="center")

    def default_focus(self) -> str:
        return "continue"

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "continue":
            self.then()
