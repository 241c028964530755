"""The ``stats`` command: what the anonymous results say, as a short French report, and a CSV.

No pygame here.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from game.i18n import N_, _, current_language, fmt_number, ngettext
from game.storage import ResultsStore

if TYPE_CHECKING:
    from game.content.loader import Content

MODE_LABELS = {"solo": N_("solo"), "classroom": N_("classe"), "kiosk": N_("borne")}
MOST_MISSED_SHOWN = 10
PROMPT_WIDTH = 70


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` -> date (for argparse ``type=``)."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError(text)
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("date invalide\u00a0: «\u00a0{text}\u00a0» (attendu\u00a0: AAAA-MM-JJ, par exemple 2025-03-01)")
            .format(text=text)) from None


def shorten(text: str, width: int = PROMPT_WIDTH) -> str:
    """One line of at most ``width`` characters, cut at a word, with « … »."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0].rstrip(" ,;:\u00a0")
    return cut + "…"


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _percent(right: int, asked: int) -> str:
    return f"{fmt_number(100 * right / asked, 0)}\u00a0%" if asked else "–"


def _day(day: date) -> str:
    try:
        from babel.dates import format_date

        return format_date(day, format="long", locale=current_language())
    except Exception:  # noqa: BLE001 - a date is still readable without Babel's names
        return day.isoformat()


def run_stats(
    since: date | None,
    mode: str | None,
    csv: Path | None,
    store: ResultsStore | None = None,
    content: Content | None = None,
    out: TextIO | None = None,
) -> int:
    """Print the report (and write the CSV); 0 when it worked, 1 when the results or the CSV
    could not be used."""
    out = out if out is not None else sys.stdout
    own = store is None
    store = store if store is not None else ResultsStore()
    try:
        return _report(store, since, mode, csv, content, out)
    finally:
        for message in store.messages:
            print(message, file=sys.stderr)
        if own:
            store.close()


def _report(store: ResultsStore, since: date | None, mode: str | None, csv: Path | None,
            content: Content | None, out: TextIO) -> int:
    def say(line: str = "") -> None:
        print(line, file=out)

    if not store.available:
        say(_("Aucun résultat lisible dans {path}.").format(path=store.path))
        return 1
    st = store.stats(since=since, mode=mode)
    say(_("Résultats anonymes\u00a0: {path}").format(path=store.path))
    scope = []
    if since is not None:
        scope.append(_("depuis le {day}").format(day=_day(since)))
    if mode is not None:
        scope.append(_("mode {mode}").format(mode=_(MODE_LABELS.get(mode, mode))))
    if scope:
        say(_capitalize(", ".join(scope)))
    say(ngettext("{n} partie jouée", "{n} parties jouées", st.sessions).format(n=st.sessions)
        + " (" + ngettext("{n} terminée", "{n} terminées", st.finished).format(n=st.finished)
        + ", " + ngettext("{n} abandonnée", "{n} abandonnées", st.abandoned).format(n=st.abandoned) + ")")

    if st.per_theme:
        say()
        say(_("Réussite par thème"))
        themes = content.themes if content is not None else {}
        labels = {t: themes[t].title if t in themes else t for t in st.per_theme}
        width = max(len(label) for label in labels.values())
        for theme_id, (right, asked) in sorted(st.per_theme.items(), key=lambda kv: labels[kv[0]].lower()):
            say(f"  {labels[theme_id]:<{width}}  {right:>4} / {asked:<4} {_percent(right, asked):>6}")

    if st.most_missed:
        say()
        say(_("Questions les plus manquées"))
        questions = content.questions if content is not None else {}
        for item_id, wrong, asked in st.most_missed[:MOST_MISSED_SHOWN]:
            counts = ngettext("{wrong} erreur sur {asked}", "{wrong} erreurs sur {asked}", wrong).format(
                wrong=wrong, asked=asked)
            label = item_id
            if item_id in questions:
                label += " — " + shorten(questions[item_id].prompt)
            say(f"  {label}\u00a0: {counts}")

    if st.top_careers:
        say()
        say(_("Métiers les plus proposés (dans le top 3)"))
        careers = content.careers if content is not None else {}
        for career_id, n in st.top_careers:
            name = _capitalize(careers[career_id].name) if career_id in careers else career_id
            say("  " + _("{name}\u00a0: {n} fois").format(name=name, n=n))

    if csv is not None:
        say()
        try:
            rows = store.export_csv(csv, since=since, mode=mode)
        except OSError as exc:
            say(_("CSV non écrit\u00a0: {path} ({reason})").format(path=csv, reason=exc.strerror or exc))
            return 1
        say(ngettext("{n} ligne écrite dans {path}", "{n} lignes écrites dans {path}", rows).format(n=rows, path=csv))
    return 0
