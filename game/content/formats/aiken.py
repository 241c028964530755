"""Aiken: the simplest Moodle format, one single-answer question per group of lines::

    Quel appareil a le plus d'impact, sa fabrication ou son usage ?
    A) Sa fabrication
    B. Son usage
    ANSWER: A

As in Moodle: the question text, then one line per answer (a capital letter, ``)`` or
``.``, a space or tab, the text), then ``ANSWER: X``. Lines before the first answer make
up the question text (several lines are kept as line breaks). Two answers « Vrai » and
« Faux » make a true/false question. Problems are reported with their line; the rest imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from game.content.formats import Draft, DraftChoice, Parsed, issue, split_lines, truefalse_choices, unexpected
from game.content.models import MAX_CHOICES, MIN_CHOICES
from game.i18n import _
from game.qtypes import for_choices

_OPTION = re.compile(r"([A-Z])[).][ \t]+(.*)")
_ANSWER = re.compile(r"ANSWER[ \t]*:(.*)", re.IGNORECASE)


@dataclass
class _Pending:
    line: int
    column: int
    number: int
    text: list[str]
    options: list[tuple[str, str, int, int]] = field(default_factory=list)  # letter, text, line, column
    broken: bool = False  # options or ANSWER without a question: absorbed silently


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.out = Parsed()
        self.pending: _Pending | None = None
        self.number = 0

    def error(self, line: int, col: int, message: str) -> None:
        self.out.issues.append(issue(self.path, line, col, message))

    def run(self, text: str) -> Parsed:
        for number, raw in enumerate(split_lines(text), start=1):
            try:
                self.line(number, raw)
            except Exception as exc:  # noqa: BLE001 - a parser never raises on bad input
                self.out.issues.append(unexpected(self.path, number, 1, exc))
                self.pending = None
        if self.pending is not None and not self.pending.broken:
            p = self.pending
            self.error(p.line, p.column, _("ligne «\u00a0ANSWER:\u00a0» manquante à la fin du fichier\u00a0: question ignorée"))
        return self.out

    def line(self, number: int, raw: str) -> None:
        stripped = raw.strip()
        if not stripped:
            return
        col = len(raw) - len(raw.lstrip()) + 1
        if match := _OPTION.fullmatch(stripped):
            if self.pending is None or self.pending.broken:
                if self.pending is None:
                    self.error(number, col, _("réponse «\u00a0{letter})\u00a0» sans question au-dessus\u00a0: ignorée").format(
                        letter=match.group(1)))
                    self.pending = _Pending(number, col, 0, [], broken=True)
                return
            self.pending.options.append((match.group(1), match.group(2).strip(), number, col))
            return
        if match := _ANSWER.fullmatch(stripped):
            pending, self.pending = self.pending, None
            if pending is None:
                self.error(number, col, _("«\u00a0ANSWER:\u00a0» sans question au-dessus\u00a0: ligne ignorée"))
                return
            if not pending.broken:
                self.finish(pending, match.group(1).strip(), number, col)
            return
        # Any other line: question text.
        if self.pending is not None and not self.pending.options and not self.pending.broken:
            self.pending.text.append(stripped)
            return
        if self.pending is not None and not self.pending.broken:
            p = self.pending
            self.error(p.line, p.column, _(
                "ligne «\u00a0ANSWER:\u00a0» manquante avant la question suivante (ligne {next})\u00a0: question ignorée").format(
                next=number))
        self.number += 1
        self.pending = _Pending(number, col, self.number, [stripped])

    def finish(self, p: _Pending, value: str, line: int, col: int) -> None:
        options = p.options
        n = len(options)
        if n < MIN_CHOICES:
            self.error(p.line, p.column, _("il faut au moins {low} réponses (ici\u00a0: {n})\u00a0: question ignorée").format(
                low=MIN_CHOICES, n=n))
            return
        if n > MAX_CHOICES:
            self.error(p.line, p.column, _("{n} réponses\u00a0: le jeu en affiche de {low} à {high}\u00a0: question ignorée").format(
                n=n, low=MIN_CHOICES, high=MAX_CHOICES))
            return
        for letter, text, oline, ocol in options:
            if not text:
                self.error(oline, ocol, _("réponse «\u00a0{letter})\u00a0» vide\u00a0: question ignorée").format(letter=letter))
                return
        letters = [o[0] for o in options]
        if len(set(letters)) != n:
            dup = next(letter for letter in letters if letters.count(letter) > 1)
            self.error(p.line, p.column, _("deux réponses «\u00a0{letter})\u00a0»\u00a0: question ignorée").format(letter=dup))
            return
        answer = value[:1].upper()
        if not answer or not answer.isalpha():
            self.error(line, col, _("«\u00a0ANSWER:\u00a0» doit être suivi de la lettre de la bonne réponse\u00a0: question ignorée"))
            return
        if answer not in letters:
            self.error(line, col, _("«\u00a0ANSWER: {letter}\u00a0»\u00a0: aucune réponse {letter}) dans cette question\u00a0: "
                                    "question ignorée").format(letter=answer))
            return
        choices = [DraftChoice(text, letter == answer) for letter, text, _l, _c in options]
        draft = Draft(line=p.line, column=p.column, number=p.number, type=for_choices(1),
                      prompt="\n".join(p.text), choices=choices)
        tf = truefalse_choices(choices)
        if tf is not None:
            draft.type, draft.choices = "truefalse", tf
        self.out.drafts.append(draft)


def parse_aiken(text: str, path: str = "<aiken>") -> Parsed:
    """Read Aiken text; never raises. Issues carry ``path`` and 1-based lines."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return _Reader(text, path).run(text)
    except Exception as exc:  # noqa: BLE001
        return Parsed([], [unexpected(path, 1, 1, exc)])
