"""Results: score and gauges with comparisons, the profile chart, the top 3 careers.

Three pages, so that each stays readable on a small screen and from the back of a room.
"""

from __future__ import annotations

import pygame

from game import explain
from game.i18n import _, fmt_number, ngettext
from game.scenes.base import Scene, sources_line
from game.scenes.context import Context
from game.scenes.overlays import CareerScene, capitalize
from game.scenes.play import Play
from game.ui.hud import value_text
from game.ui.layout import Metrics, centered, columns, rows, take_bottom, take_top
from game.ui.widgets import Button, Widget

PAGES = ("summary", "profile", "careers", "actions")


class ResultsScene(Scene):
    name = "results"

    def __init__(self, ctx: Context, play: Play) -> None:
        super().__init__(ctx)
        self.play = play
        # The run scored the game when it ended (and recorded it): this screen only shows it.
        results = play.run.results
        assert results is not None, "the results screen shows a finished run"
        self.answers = list(play.run.answers)
        self.score = results.score
        self.totals = results.indicators
        self.profile = results.profile
        self.matches = results.careers
        self.takeaway_ids = results.takeaway_ids
        self.avoided = results.avoided_co2e
        self.page = 0
        self.bars: list[tuple[pygame.Rect, float]] = []

    def abandon(self) -> bool:
        return True  # a finished game: the run recorded it when it ended; nothing to abandon

    @property
    def content(self):  # noqa: ANN201 - the content in the current language
        return self.ctx.content

    @property
    def takeaways(self) -> list:
        return [self.content.takeaways[t] for t in self.takeaway_ids]

    @property
    def screen_name(self) -> str:
        return f"results_{PAGES[self.page]}"

    def build(self, m: Metrics) -> None:
        self.bars = []
        self.cards: list[pygame.Rect] = []
        area = m.content
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        head, area = take_top(area, round(m.heading * 1.6), m.gap)
        titles = (_("Ton bilan"), _("Ton profil"), _("Des métiers pour toi"), _("À toi d'agir"))
        self.text(f"{titles[self.page]}  ({self.page + 1}/{len(PAGES)})", head, m.heading, bold=True,
                  valign="center")
        getattr(self, f"_build_{PAGES[self.page]}")(m, area)
        self._build_nav(m, nav)

    def _build_nav(self, m: Metrics, nav: pygame.Rect) -> None:
        width = min(nav.width * 2 // 3 - m.gap, m.body * 26)
        settings_w = min(nav.width - width - m.gap, m.body * 9)
        if settings_w >= 44:
            self.widgets.append(Button("settings", pygame.Rect(nav.x, nav.y, settings_w, nav.height), role="open",
                                       label=_("Réglages")))
        band = pygame.Rect(nav.right - width, nav.y, width, nav.height)
        left, right = columns(band, 2, m.gap)
        if self.page > 0:
            self.widgets.append(Button("previous", left, role="back", label=_("Précédent")))
        if self.page < len(PAGES) - 1:
            self.widgets.append(Button("next", right, role="next", label=_("Suivant"), style="primary"))
        else:
            self.widgets.append(Button("replay", right, role="next", label=_("Rejouer"), style="primary"))

    def _build_summary(self, m: Metrics, area: pygame.Rect) -> None:
        right, total = self.score
        area = centered(area, m.body * 44)
        if total:
            score = ngettext("Tu as trouvé {right} bonne réponse sur {total}.",
                             "Tu as trouvé {right} bonnes réponses sur {total}.", right).format(
                right=right, total=total)
        else:
            score = _("Pas de question dans ce parcours\u00a0: seulement des situations.")
        score_box, area = take_top(area, round(m.heading * 2.4), m.gap)
        self.text(score, score_box, m.heading, bold=True, valign="center")
        lines = [_("Tes choix ont pesé sur les jauges\u00a0:")]
        notes = []
        for ind_id in sorted(self.content.indicators):
            ind = self.content.indicators[ind_id]
            value = self.totals.get(ind_id, 0.0)
            line = "• " + _("{label}\u00a0: {value}").format(label=ind.label, value=value_text(ind, value))
            comp = explain.comparison(self.content, ind_id, value)
            if comp:
                line += f", {comp}"
                basis = explain.comparison_basis(self.content, ind_id)
                if basis and basis not in notes:
                    notes.append(basis)
            lines.append(line)
        saved = self._avoided()
        if saved:
            lines.append(saved)
        note_text = "\n".join(notes)
        note_h = self.ctx.renderer.fit(note_text, area.width, 10_000, m.small, m.small).height if notes else 0
        note_box, area = take_bottom(area, min(note_h + m.gap, area.height // 3), m.gap)
        self.text("\n".join(lines), area, round(m.body * 1.15))
        if notes:
            self.text(note_text, note_box, m.small, color="muted")

    def _avoided(self) -> str:
        """How much the player's choices avoided compared with the heaviest choices."""
        if self.avoided <= 0 or "co2e" not in self.content.indicators:
            return ""
        ind = self.content.indicators["co2e"]
        return _("Par rapport aux choix les plus lourds, tu as évité {value}.").format(value=value_text(ind, self.avoided))

    def _build_profile(self, m: Metrics, area: pygame.Rect) -> None:
        area = centered(area, m.body * 46)
        intro_text = _("Ce que tes réponses justes et tes choix disent de toi, axe par axe\u00a0:")
        need = self.ctx.renderer.fit(intro_text, area.width, 10_000, m.body, m.body).height
        intro, area = take_top(area, min(need, area.height // 3), m.gap)
        self.text(intro_text, intro, m.body, valign="center")
        axes = sorted(self.content.axes.values(), key=lambda a: a.id)
        top = max(self.profile.values(), default=0) or 1.0
        rows_ = rows(area, len(axes), max(4, m.gap // 2)) if axes else []
        self.bars = []
        for axis, row in zip(axes, rows_):
            label_w = row.width * 2 // 5 if not m.portrait else row.width // 2
            label = pygame.Rect(row.x, row.y, label_w - m.gap, row.height)
            value_w = m.body * 3
            bar = pygame.Rect(row.x + label_w, row.y + row.height // 4, row.width - label_w - value_w - m.gap,
                              max(6, row.height // 2))
            value = pygame.Rect(bar.right + m.gap, row.y, value_w, row.height)
            weight = self.profile.get(axis.id, 0.0)
            self.text(axis.label, label, m.small, valign="center")
            self.text(fmt_number(weight, 1), value, m.small, bold=True, valign="center", align="right")
            self.bars.append((bar, weight / top))

    def _build_careers(self, m: Metrics, area: pygame.Rect) -> None:
        area = centered(area, m.body * 48)
        hint, area = take_bottom(area, m.small * 2, m.gap)
        self.text(_("Touche un métier pour voir sa fiche."), hint, m.small, color="muted", valign="center")
        cells = rows(area, max(1, len(self.matches)), m.gap)
        reasons = explain.career_reasons(self.content, self.matches)  # one of its own for each career
        for i, (match, cell) in enumerate(zip(self.matches, cells)):
            career = self.content.careers[match.career_id]
            reason = reasons[i] + " " + _("Ce métier agit pour\u00a0: {issue}.").format(
                issue=career.issue[:1].lower() + career.issue[1:].rstrip("."))
            self.widgets.append(Button(f"career:{career.id}", cell, role="open", label=capitalize(career.name),
                                       detail=reason,
                                       pick_index=i))

    def _build_actions(self, m: Metrics, area: pygame.Rect) -> None:
        area = centered(area, m.body * 48)
        if not self.takeaways:
            self.text(_("Pour aller plus loin\u00a0: parles-en autour de toi."), area, m.body, valign="center")
            return
        headings = {"me": _("Ce que tu peux faire dès demain"), "collective": _("Ce que ta classe, ta commune peut faire")}
        cells = rows(area, len(self.takeaways), m.gap * 2) if m.portrait or len(self.takeaways) < 2 \
            else columns(area, len(self.takeaways), m.gap * 2)
        self.cards = []
        for card, cell in zip(self.takeaways, cells):
            self.cards.append(cell)
            inner = cell.inflate(-2 * m.gap, -2 * m.gap)
            source = sources_line(self.content, card.source_ids)
            pieces = [(headings[card.scope], m.small, "muted", True), (card.title, m.heading, "text", True),
                      (card.text, m.body, "text", False)]
            if card.example:
                pieces.append((_("Exemple\u00a0: {example}").format(example=card.example), m.small, "text", False))
            if source:
                pieces.append((source, m.small, "muted", False))
            self.text_stack(pieces, inner, m.gap, valign="top")

    def draw_background(self, surface: pygame.Surface) -> None:
        p = self.ctx.palette
        for cell in self.cards:
            pygame.draw.rect(surface, p.panel, cell, border_radius=max(6, self.metrics.gap))
            pygame.draw.rect(surface, p.border, cell, width=2, border_radius=max(6, self.metrics.gap))
        for bar, frac in self.bars:
            pygame.draw.rect(surface, p.bar_track, bar, border_radius=4)
            filled = bar.copy()
            filled.width = max(0, round(bar.width * frac))
            if filled.width:
                pygame.draw.rect(surface, p.bar, filled, border_radius=4)

    def on_activate(self, widget: Widget) -> None:
        if widget.id == "settings":
            self.ctx.open_settings()
        elif widget.id == "next":
            self.page = min(len(PAGES) - 1, self.page + 1)
            self.focus_id = None
            self.invalidate()
        elif widget.id == "previous":
            self.page = max(0, self.page - 1)
            self.focus_id = None
            self.invalidate()
        elif widget.id == "replay":
            self.ctx.home()
        elif widget.id.startswith("career:"):
            self.ctx.push(CareerScene(self.ctx, widget.id.split(":", 1)[1]))

    def on_back(self) -> None:
        if self.page > 0:
            self.page -= 1
            self.focus_id = None
            self.invalidate()

    def default_focus(self) -> str:
        return "next" if self.page < len(PAGES) - 1 else "replay"

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.id in ("next", "replay")]
