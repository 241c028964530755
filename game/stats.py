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

from game.i18n import N_, _, current_language, fmt_number, fmt_percent, ngettext
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
    return fmt_percent(right / asked) if asked else "–"


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

    if st.measure:
        say()
        _measure_report(st.measure, content, say)

    if csv is not None:
        say()
        try:
            rows = store.export_csv(csv, since=since, mode=mode)
            if st.measure:
                measure_csv = write_measure_csv(measure_csv_path(csv), st.measure)
        except OSError as exc:
            say(_("CSV non écrit\u00a0: {path} ({reason})").format(path=csv, reason=exc.strerror or exc))
            return 1
        say(ngettext("{n} ligne écrite dans {path}", "{n} lignes écrites dans {path}", rows).format(n=rows, path=csv))
        if st.measure:
            say(_("Mesure avant/après\u00a0: {path}").format(path=measure_csv))
    return 0


INDICATIVE_BELOW = 10  # fewer players than this: the figures are only indicative


def measure_csv_path(csv: Path) -> Path:
    """``réponses.csv`` -> ``réponses-mesure.csv``, beside it."""
    return csv.with_name(f"{csv.stem}-mesure{csv.suffix or '.csv'}")


def _num(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def write_measure_csv(out: Path, rows: dict) -> Path:  # rows: theme -> storage.MeasureRow
    """The measure's figures, one row per theme and one for all (« all »), plain numbers."""
    import csv as csvlib

    from game.storage import ALL_THEMES, MEASURE_CSV_HEADER

    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csvlib.writer(fh)
        writer.writerow(MEASURE_CSV_HEADER)
        for theme in [ALL_THEMES] + sorted(k for k in rows if k != ALL_THEMES):
            if theme not in rows:
                continue
            r = rows[theme]
            writer.writerow([theme, r.n, _num(r.pre, 3), _num(r.post, 3), _num(r.gain, 3), _num(r.normalised_gain, 3),
                             _num(r.discernment_pre, 3), _num(r.discernment_post, 3), r.n_discernment])
    tmp.replace(out)
    return out


def _measure_report(rows: dict, content: Content | None, say) -> None:  # noqa: ANN001
    """Before/after, per theme and overall, in words a facilitator reads: shares right, the gain,
    the normalised gain, the discernment, and how many players (or teams) each figure rests on."""
    from game.storage import ALL_THEMES

    def pct(share: float | None) -> str:
        return "–" if share is None else fmt_percent(share)

    def signed(value: float | None, digits: int = 1) -> str:
        if value is None:
            return "–"
        text = fmt_number(abs(value), digits)
        return ("+" if value >= 0 else "\u2212") + text

    say(_("Mesure avant/après (part de bonnes réponses)"))
    themes = content.themes if content is not None else {}
    order = [ALL_THEMES] + sorted((k for k in rows if k != ALL_THEMES),
                                  key=lambda k: (themes[k].title if k in themes else k).lower())
    labels = {k: _("Toutes les questions") if k == ALL_THEMES else (themes[k].title if k in themes else k)
              for k in order if k in rows}
    width = max(len(v) for v in labels.values())
    for theme in order:
        if theme not in rows:
            continue
        r = rows[theme]
        if r.n:
            g = "–" if r.normalised_gain is None else fmt_number(r.normalised_gain, 2)  # « 0,67 » in French
            gain = _("gain {gain} points, gain normalisé {g}").format(
                gain=signed(None if r.gain is None else 100 * r.gain, 0), g=g)
            line = _("avant {pre}, après {post}\u00a0; {gain}\u00a0; n\u00a0=\u00a0{n}").format(
                pre=pct(r.pre), post=pct(r.post), gain=gain, n=r.n)
            if r.n < INDICATIVE_BELOW:
                line += " " + _("(moins de {k}\u00a0: seulement indicatif)").format(k=INDICATIVE_BELOW)
            say(f"  {labels[theme]:<{width}}  {line}")
        if theme != ALL_THEMES and r.n_discernment:  # this theme's posts (the overall line comes below)
            say(f"  {'':<{width}}  " + _("discernement avant {pre}, après {post}\u00a0; n\u00a0=\u00a0{n}").format(
                pre=signed(r.discernment_pre), post=signed(r.discernment_post), n=r.n_discernment))
    overall = rows.get(ALL_THEMES)
    if overall is not None and overall.n_discernment:
        say(_("Discernement (note des posts fiables − note des posts trompeurs, de −6 à +6)\u00a0: "
              "avant {pre}, après {post}\u00a0; n\u00a0=\u00a0{n}").format(
            pre=signed(overall.discernment_pre), post=signed(overall.discernment_post), n=overall.n_discernment)
            + ("" if overall.n_discernment >= INDICATIVE_BELOW else
               " " + _("(moins de {k}\u00a0: seulement indicatif)").format(k=INDICATIVE_BELOW)))
    say(_("Un test le jour même, sans groupe témoin\u00a0: ces chiffres montrent une tendance, pas une preuve."))
