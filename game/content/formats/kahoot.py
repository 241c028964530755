"""Kahoot's quiz spreadsheet template (.xlsx), read with openpyxl.

The template has a few lines of instructions, then a header row (« Question - max 120
characters », « Answer 1 - max 75 characters » … « Answer 4 … », « Time limit (sec) … »,
« Correct answer(s) - choose at least one »), then one question per row, numbered in the
first column. The header row is found by its texts (English or French template), in the
first sheet that has one. Correct answers are the numbers 1 to 4 of the answers, separated
by commas: one → single, several → multiple; « Vrai »/« Faux » answers make a true/false
question. Kahoot's limits (120 characters for a question, 75 for an answer) are reported
as warnings and the text is imported whole. The time limit is not used by the game: ignored.
Issues give the row as the line and the column number as the column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from game.content.formats import Draft, DraftChoice, Parsed, issue, truefalse_choices, unexpected
from game.content.models import MIN_CHOICES
from game.i18n import _
from game.qtypes import for_choices

MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 2000
MAX_COLUMNS = 40
HEADER_SEARCH_ROWS = 50


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Vrai" if value else "Faux"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header_kind(text: str) -> str | None:
    t = text.strip().casefold()
    if not t:
        return None
    if match := re.match(r"(?:answer|réponse|reponse)\s*([1-4])\b", t):
        return f"answer{match.group(1)}"
    if t.startswith("question"):
        return "question"
    if t.startswith(("time limit", "limite de temps", "temps")):
        return "time"
    if t.startswith(("correct answer", "bonne réponse", "bonne(s) réponse", "bonnes réponses", "réponse(s) correcte",
                     "réponses correctes", "réponse correcte")):
        return "correct"
    return None


def _find_header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            kind = _header_kind(_cell_text(value)) if isinstance(value, str) else None
            if kind and kind not in columns:
                columns[kind] = col
        if {"question", "answer1", "answer2", "correct"} <= columns.keys():
            return index, columns
    return None


def _correct_numbers(value: Any) -> list[int] | None:
    """« 1,3 » → [1, 3]; a French Excel may have turned « 1,3 » into the number 1.3."""
    if value is None:
        return []
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return [value]
    if isinstance(value, float):
        text = _cell_text(value)
        parts = text.split(".")
    else:
        text = str(value).strip()
        if not text:
            return []
        parts = re.split(r"[\s,;]+", text.strip(" ,;"))
    numbers: list[int] = []
    for part in parts:
        if not part.isdigit():
            return None
        numbers.append(int(part))
    return numbers


def _number(row: tuple[Any, ...], columns: dict[str, int], default: int) -> int:
    """The question's number as the template writes it in the first column, else its rank."""
    if columns["question"] > 0 and row:
        value = row[0]
        if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() and 0 < value < 10**6:
            return int(value)
    return default


def _row(path: str, line: int, row: tuple[Any, ...], columns: dict[str, int], number: int, out: Parsed) -> None:
    def cell(kind: str) -> Any:
        col = columns.get(kind)
        return row[col] if col is not None and col < len(row) else None

    def col_of(kind: str) -> int:
        return columns.get(kind, 0) + 1

    prompt = _cell_text(cell("question"))
    answers = [(k, _cell_text(cell(f"answer{k}"))) for k in range(1, 5)]
    filled = [(k, text) for k, text in answers if text]
    if not prompt and not filled:
        return  # an empty (or only numbered) row of the template
    if not prompt:
        out.issues.append(issue(path, line, col_of("question"), _("réponses sans question\u00a0: ligne ignorée")))
        return
    if len(prompt) > MAX_QUESTION:
        out.issues.append(issue(path, line, col_of("question"), _(
            "question de {n} caractères\u00a0: Kahoot en accepte {max} au plus").format(n=len(prompt), max=MAX_QUESTION),
            "warning"))
    for k, text in filled:
        if len(text) > MAX_ANSWER:
            out.issues.append(issue(path, line, col_of(f"answer{k}"), _(
                "réponse {k} de {n} caractères\u00a0: Kahoot en accepte {max} au plus").format(k=k, n=len(text), max=MAX_ANSWER),
                "warning"))
    if len(filled) < MIN_CHOICES:
        out.issues.append(issue(path, line, col_of("answer1"), _(
            "il faut au moins {low} réponses (ici\u00a0: {n})\u00a0: question ignorée").format(low=MIN_CHOICES, n=len(filled))))
        return
    raw = cell("correct")
    numbers = _correct_numbers(raw)
    if numbers is None or any(not 1 <= n <= 4 for n in numbers):
        out.issues.append(issue(path, line, col_of("correct"), _(
            "bonne réponse «\u00a0{value}\u00a0» illisible\u00a0: indique les numéros des bonnes réponses, de 1 à 4, "
            "séparés par des virgules\u00a0: question ignorée").format(value=_cell_text(raw))))
        return
    if not numbers:
        out.issues.append(issue(path, line, col_of("correct"), _(
            "aucune bonne réponse indiquée (colonne «\u00a0Correct answer(s)\u00a0»)\u00a0: question ignorée")))
        return
    present = {k for k, _t in filled}
    for n in numbers:
        if n not in present:
            out.issues.append(issue(path, line, col_of("correct"), _(
                "la bonne réponse {n} est vide\u00a0: question ignorée").format(n=n)))
            return
    right = set(numbers)
    choices = [DraftChoice(text, k in right) for k, text in filled]
    draft = Draft(line=line, column=col_of("question"), number=number, type=for_choices(len(right)),
                  prompt=prompt, choices=choices)
    tf = truefalse_choices(choices)
    if tf is not None:
        draft.type, draft.choices = "truefalse", tf
    out.drafts.append(draft)


def parse_kahoot(path: Path, name: str | None = None) -> Parsed:
    """Read a Kahoot .xlsx; never raises. ``name`` is the path shown in issues."""
    shown = name or str(path)
    out = Parsed()
    try:
        size = path.stat().st_size
    except OSError as exc:
        out.issues.append(issue(shown, 1, 1, _("lecture impossible\u00a0: {error}").format(error=exc.strerror or exc)))
        return out
    if size > MAX_FILE_BYTES:
        out.issues.append(issue(shown, 1, 1, _("fichier trop gros (plus de 10 Mo)")))
        return out
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        out.issues.append(issue(shown, 1, 1, _("openpyxl n'est pas installé\u00a0: impossible de lire un classeur .xlsx")))
        return out
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - not a workbook, damaged zip, …
        out.issues.append(issue(shown, 1, 1, _("classeur .xlsx illisible\u00a0: {error}").format(error=type(exc).__name__)))
        return out
    try:
        for sheet in workbook.worksheets:
            rows = []
            for index, row in enumerate(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1):
                if index > MAX_ROWS:
                    out.issues.append(issue(shown, index, 1, _(
                        "plus de {n} lignes\u00a0: la suite est ignorée").format(n=MAX_ROWS), "warning"))
                    break
                rows.append(tuple(row))
            found = _find_header(rows)
            if found is None:
                continue
            header, columns = found
            number = 0
            for index in range(header + 1, len(rows)):
                line = index + 1
                try:
                    before = len(out.drafts) + len(out.issues)
                    _row(shown, line, rows[index], columns, _number(rows[index], columns, number + 1), out)
                    if len(out.drafts) + len(out.issues) != before:
                        number += 1
                except Exception as exc:  # noqa: BLE001
                    out.issues.append(unexpected(shown, line, 1, exc))
            return out
        out.issues.append(issue(shown, 1, 1, _(
            "ligne d'en-tête introuvable (Question, Answer 1 … Answer 4, Time limit, Correct answer(s))\u00a0: "
            "utilise le modèle de tableur de Kahoot")))
        return out
    except Exception as exc:  # noqa: BLE001
        out.issues.append(unexpected(shown, 1, 1, exc))
        return out
    finally:
        try:
            workbook.close()
        except Exception:  # noqa: BLE001, S110
            pass
