"""Translations (gettext, French msgids) and locale-aware number formatting (Babel).

Strings are marked with ``_()`` and translated when they are displayed, so switching
language is only a redraw. French is the source language: a missing translation shows
the French text, never an id.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
DEFAULT_LANGUAGE = "fr"
SUPPORTED = ("fr", "en")
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}  # each in its own language



class SourceTranslations(_gettext.NullTranslations):
    """French is the source language: the msgids are shown as they are, with French plural
    rules (0 and 1 are singular: « 0 erreur », « 1 erreur », « 2 erreurs »)."""

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n <= 1 else msgid2


_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE, "tr": SourceTranslations()}


def _catalog(lang: str) -> _gettext.NullTranslations:
    """The language's catalog, compiled in memory from its .po file (no .mo to keep in sync)."""
    po = LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == DEFAULT_LANGUAGE or not po.is_file():
        return SourceTranslations()
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    tr = _gettext.GNUTranslations(buffer)
    tr.add_fallback(SourceTranslations())  # a missing string shows the French, never an id
    return tr


_catalogs: dict[str, _gettext.NullTranslations] = {}


def set_language(lang: str) -> str:
    """Switch the current language; returns the language actually used."""
    lang = (lang or DEFAULT_LANGUAGE).split("_")[0].split(".")[0].lower()
    if lang not in SUPPORTED:
        lang = DEFAULT_LANGUAGE
    if lang not in _catalogs:
        try:
            _catalogs[lang] = _catalog(lang)
        except (OSError, ValueError) as exc:  # a broken catalog must not stop the game
            import logging

            logging.getLogger(__name__).warning("catalogue %s illisible (%s) : textes en français", lang, exc)
            _catalogs[lang] = SourceTranslations()
    _state["lang"] = lang
    _state["tr"] = _catalogs[lang]
    return lang


def language_from_environment() -> str:
    """``NEJ_LANG`` (tests), then the system locale, then French."""
    for var in ("NEJ_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        code = value.split("_")[0].split(".")[0].lower()
        if code in SUPPORTED:
            return code
    return DEFAULT_LANGUAGE


def current_language() -> str:
    return str(_state["lang"])


def _(message: str) -> str:
    return _state["tr"].gettext(message)  # type: ignore[union-attr]


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; ``_()`` translates it where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _state["tr"].ngettext(singular, plural, n)  # type: ignore[union-attr]


def fmt_number(value: float, digits: int = 1) -> str:
    """40000 -> « 40 000 » (narrow no-break space in French); at most ``digits`` decimals."""
    from babel.numbers import format_decimal  # imported on first use: not needed for the first frame

    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=current_language())


def list_sep() -> str:
    """Between the items of a list: « a ; b » in French (no-break space), « a; b » in English."""
    return _("\u00a0; ")


def with_unit(number: str, unit: str) -> str:
    """« 40 000 enfants », « 75 % » in French; « 75% » in English (no space before a percent sign)."""
    unit = unit.strip()
    if not unit:
        return number
    if unit.startswith("%") and current_language() == "en":
        return number + unit
    return f"{number}\u00a0{unit}"


def fmt_percent(rate: float) -> str:
    """0.75 -> « 75 % » in French (no-break space), « 75% » in English."""
    from babel.numbers import format_percent

    return format_percent(rate, locale=current_language())


def fmt_signed(value: float, digits: int = 1) -> str:
    """Signed figure for gauge changes: « +58 », « −10,4 » (a real minus sign)."""
    text = fmt_number(abs(value), digits)
    if value > 0:
        return "+" + text
    if value < 0:
        return "\u2212" + text
    return text
