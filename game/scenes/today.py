"""Today's figures from the anonymous results, for a facilitator or a kiosk's admin: sessions,
success per theme, the most-missed questions and the careers most often proposed."""

from __future__ import annotations

from datetime import date
from game.i18n import _, fmt_percent, ngettext
from game.scenes.base import Scene
from game.scenes.context import Context
from game.ui.layout import Metrics, centered, take_bottom, take_top
from game.ui.widgets import Button, Widget


SHOWN = 3  # most-missed questions and careers listed


def today_text(ctx: Context) -> str:
    """The same figures as ``python main.py stats --since today``, as lines for a screen."""
    store = ctx.results
    if store is None or not store.available:
        return _("Résultats non enregistrés sur cette machine (dossier de données non accessible).")
    stats = store.stats(since=date.today())
    content = ctx.content
    lines = [ngettext("Aujourd'hui\u00a0: {n} partie", "Aujourd'hui\u00a0: {n} parties", stats.sessions).format(
        n=stats.sessions) + " (" + ngettext("{n} terminée", "{n} terminées", stats.finished).format(n=stats.finished)
        + ", " + ngettext("{n} abandonnée", "{n} abandonnées", stats.abandoned).format(n=stats.abandoned) + ")."]
    if stats.per_theme:
        lines += ["", _("Réussite par thème\u00a0:")]
        for theme_id, (right, asked) in sorted(stats.per_theme.items()):
            theme = content.themes.get(theme_id)
            rate = fmt_percent(right / asked) if asked else "—"
            lines.append(f"• {theme.title if theme else theme_id}\u00a0: {rate} ({right}/{asked})")
    if stats.most_missed:
        lines += ["", _("Questions les plus manquées\u00a0:")]
        for item_id, wrong, asked in stats.most_missed[:SHOWN]:
            q = content.questions.get(item_id)
            counts = ngettext("{wrong} erreur sur {asked}", "{wrong} erreurs sur {asked}", wrong).format(
                wrong=wrong, asked=asked)
            lines.append(f"• {q.prompt if q else item_id} ({counts})")
    if stats.top_careers:
        lines += ["", _("Métiers les plus proposés\u00a0:")]
        for career_id, n in stats.top_careers[:SHOWN]:
            career = content.careers.get(career_id)
            name = career.name if career else career_id
            lines.append("• " + _("{name}\u00a0: {n} fois").format(name=name[:1].upper() + name[1:], n=n))
    return "\n".join(lines)


class TodayScene(Scene):
    """The facilitator's view of today's anonymous results."""

    name = "today"

    def build(self, m: Metrics) -> None:
        area = centered(m.content, min(m.content.width, m.body * 40))
        head, area = take_top(area, round(m.heading * 1.6), m.gap)
        self.text(_("Les chiffres du jour"), head, m.heading, bold=True, valign="center")
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        text = today_text(self.ctx)
        need = self.ctx.renderer.fit(text, area.width, 10_000, m.body, m.body).height
        area.height = min(area.height, need)
        self.text(text, area, m.body)
        nav.width = min(nav.width, m.body * 10)
        self.widgets = [Button("back", nav, role="next", label=_("Retour"), style="primary")]

    def on_activate(self, widget: Widget) -> None:
        self.ctx.pop()

    def on_back(self) -> None:
        self.ctx.pop()
