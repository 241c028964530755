"""Sentences built from the player's own answers: comparisons and career reasons. No pygame."""

from __future__ import annotations

from game import scoring
from game.content.loader import Content
from game.i18n import _, fmt_number, ngettext


def comparison(content: Content, indicator_id: str, value: float) -> str:
    """« soit l'équivalent de 1,2 smartphone neuf » for a gauge total, or '' without a basis."""
    ind = content.indicators[indicator_id]
    comp = ind.comparison
    if comp is None or value <= 0:
        return ""
    n = value / comp.per
    if n < 0.95:
        return _("soit moins que pour fabriquer un {thing}").format(thing=comp.singular)
    shown = round(n, 1) if n < 10 else round(n)
    noun = comp.singular if shown < 2 else comp.plural
    return _("soit l'équivalent de {n} {thing}").format(n=fmt_number(shown, 1), thing=noun)


def comparison_basis(content: Content, indicator_id: str) -> str:
    """« 1 smartphone neuf ≈ 58 kg CO₂e (La Mêlée, 2025) »: where the comparison comes from."""
    ind = content.indicators[indicator_id]
    comp = ind.comparison
    if comp is None:
        return ""
    src = content.sources.get(comp.source)
    unit = f"\u00a0{ind.unit}" if ind.unit else ""
    return _("1 {thing} ≈ {per}{unit} ({source})").format(
        thing=comp.singular, per=fmt_number(comp.per), unit=unit, source=src.short_label if src else comp.source
    )


def career_reason(content: Content, match: scoring.CareerMatch) -> str:
    """One sentence saying why this career came up, from what the player did."""
    acts: list[str] = []
    right_items: dict[str, set[str]] = {}
    for c in match.contributions:
        if c.kind == "scenario":
            sc = content.scenarios[c.item_id]
            choice = next(ch for ch in sc.choices if ch.id == c.choice_id)
            act = choice.reason or _("as choisi «\u00a0{choice}\u00a0»").format(choice=choice.text)
            if act not in acts:
                acts.append(act)
        else:
            right_items.setdefault(c.axis, set()).add(c.item_id)
    parts = []
    if acts:
        parts.append(_("tu {act}").format(act=acts[0]))
        if len(acts) > 1:
            parts.append(_("tu {act}").format(act=acts[1]))
    for axis in match.axes:
        n = len(right_items.get(axis, ()))
        if n:
            topic = content.axes[axis].topic
            parts.append(ngettext("tu as bien répondu à {n} question sur {topic}",
                                  "tu as bien répondu à {n} questions sur {topic}", n).format(n=n, topic=topic))
            break
    if not parts:
        career = content.careers[match.career_id]
        return _("Ce métier agit sur un enjeu\u00a0: {issue}.").format(issue=career.issue)
    sentence = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + _(" et ") + parts[-1]
    return sentence[0].upper() + sentence[1:] + "."
