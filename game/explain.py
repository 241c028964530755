"""Sentences built from the player's own answers: comparisons and career reasons. No pygame."""

from __future__ import annotations

from game import scoring
from game.content.loader import Content
from game.i18n import _, fmt_number, ngettext


def comparison_units(ind, value: float) -> tuple[float | None, str] | None:  # noqa: ANN001 - an Indicator
    """How many comparison units a gauge total makes, rounded to show: ``(n, noun)`` with the
    noun in the right number, ``(None, singular)`` under one unit, None without a basis or at 0."""
    comp = ind.comparison
    if comp is None or value <= 0:
        return None
    n = value / comp.per
    if n < 0.95:
        return None, comp.singular
    shown = round(n, 1) if n < 10 else round(n)
    return shown, comp.singular if shown < 2 else comp.plural


def comparison(content: Content, indicator_id: str, value: float) -> str:
    """« soit l'équivalent de 1,2 smartphone neuf » for a gauge total, or '' without a basis."""
    units = comparison_units(content.indicators[indicator_id], value)
    if units is None:
        return ""
    n, noun = units
    if n is None:
        return _("soit moins que pour fabriquer un {thing}").format(thing=noun)
    return _("soit l'équivalent de {n} {thing}").format(n=fmt_number(n, 1), thing=noun)


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


def career_reasons(content: Content, matches: list[scoring.CareerMatch]) -> list[str]:
    """One sentence per career saying why it came up, from what the player did that counts for
    that career's own axes. An act already given for a career higher in the list is not given
    again, so three careers never share one reason; a career left with nothing of its own gets ""
    (its card says what it works on, ``career_details``: never that line twice)."""
    used: set[str] = set()
    reasons: list[str] = []
    for match in matches:
        reason = _reason(content, match, used)
        reasons.append("" if reason in reasons else reason)
    return reasons


def career_details(content: Content, matches: list[scoring.CareerMatch]) -> list[str]:
    """What each career's card says under its name: its reason, then what the job works on
    (« Ce métier agit pour : … »), or only that when it has no reason of its own."""
    out = []
    for match, reason in zip(matches, career_reasons(content, matches)):
        issue = content.careers[match.career_id].issue
        works = _("Ce métier agit pour\u00a0: {issue}.").format(issue=issue[:1].lower() + issue[1:].rstrip("."))
        out.append(f"{reason} {works}" if reason else works)
    return out


def _act(content: Content, c: scoring.Contribution) -> str:
    choice = next(ch for ch in content.scenarios[c.item_id].choices if ch.id == c.choice_id)
    return choice.reason or _("as choisi «\u00a0{choice}\u00a0»").format(choice=choice.text)


def _reason(content: Content, match: scoring.CareerMatch, used: set[str]) -> str:
    acts: list[str] = []
    for c in match.contributions:  # best first for this career
        if c.kind == "scenario":
            act = _act(content, c)
            if act not in acts and act not in used:
                acts.append(act)
    right: dict[str, set[str]] = {}
    for c in match.contributions:
        if c.kind == "question" and f"q:{c.item_id}" not in used:
            right.setdefault(c.axis, set()).add(c.item_id)
    career = content.careers[match.career_id]
    # The question part names this career's own axis: the one it weighs most among those answered.
    axis = max(right, key=lambda a: (career.axes.get(a, 0.0) * len(right[a]), a), default=None)
    parts = [_("tu {act}").format(act=act) for act in acts[: 1 if axis else 2]]
    used.update(acts[: len(parts)])
    if axis is not None:
        n = len(right[axis])
        topic = content.axes[axis].topic
        parts.append(ngettext("tu as bien répondu à {n} question sur {topic}",
                              "tu as bien répondu à {n} questions sur {topic}", n).format(n=n, topic=topic))
        used.update(f"q:{i}" for i in right[axis])
    if not parts:
        return ""
    sentence = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + _(" et ") + parts[-1]
    return sentence[0].upper() + sentence[1:] + "."
