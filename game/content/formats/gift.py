"""Moodle GIFT: a parser that follows Moodle's own importer, and a writer Moodle accepts.

Reading follows Moodle's ``qformat_gift`` (question/format/gift/format.php) step by step:
questions are separated by blank lines; whole lines starting with ``//`` are comments;
``\\~ \\= \\# \\{ \\} \\:`` are escaped characters, ``\\n`` a line break and ``\\\\`` a
backslash; a block starting with ``$CATEGORY:`` sets the category; ``::title::``; the
answers are between the first ``{`` and the first ``}``; text after them makes a
« missing word » question; ``####`` (the last one) starts the general feedback; a text may
start with ``[html]``, ``[moodle]``, ``[plain]`` or ``[markdown]`` and answers default to
the question text's format. The type is decided in Moodle's order: no braces =
description, ``{}`` = essay, ``{#`` = numerical, a ``~`` = multiple choice, ``=`` and ``->``
= matching, ``{T}``/``{TRUE}``/``{F}``/``{FALSE}`` = true/false, else short answer.

The game plays multiple choice (one ``=`` → single; no ``=`` but ``~%n%`` weights →
multiple, positive weights being the right answers) and true/false, with 2 to 6 answers;
numerical questions (``{#42}``, ``{#42:2}``, ``{#40..44}``) become estimates with a slider made
around the answer (``game.qtypes.estimate.slider_for``); a matching question whose right-hand
sides are the ranks 1, 2, 3… becomes an ordering. Every other type, and any other matching
question, is reported with its line and skipped. True/false feedback, as in Moodle:
``{TRUE#shown to who answers wrong#shown to who answers right}``. What each type writes is
defined with the type (``game.qtypes``: ``gift_lines``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from game.content.formats import (
    PHP_TRIM,
    Draft,
    DraftChoice,
    Parsed,
    html_to_text,
    issue,
    looks_like_html,
    split_lines,
    unexpected,
)
from game.content.models import MAX_CHOICES, MIN_CHOICES, Question
from game.i18n import _
from game.qtypes import GiftWriter, for_choices, qtype
from game.qtypes.estimate import UNIT_SUFFIX, parse_numerical, slider_for
from game.qtypes.ordering import MAX_ITEMS, MIN_ITEMS, ranks_order

FORMATS = ("html", "moodle", "plain", "markdown")
BLANK = "_____"  # what Moodle puts where the answers were in a « missing word » question

# Escaped characters become private-use code points while the structure is read, as
# Moodle's placeholders do; they turn back into the characters at the very end.
_PUA = 0xF0000
_SPECIALS = ":#={}~"
_ESCAPED = {c: chr(_PUA + ord(c)) for c in _SPECIALS}
_ESCAPED_NEWLINE = chr(_PUA + 10)
_UNESCAPE = {ord(v): k for k, v in _ESCAPED.items()} | {ord(_ESCAPED_NEWLINE): "\n"}

# Moodle: '/^%\-*([0-9]{1,2})\.?([0-9]*)%/', the weight being what lies between the % signs.
_WEIGHT = re.compile(r"%(-*)([0-9]{1,2}\.?[0-9]*)%")

_KINDS = {
    "description": "description",
    "essay": "composition",
    "numerical": "numérique",
    "match": "correspondance",
    "shortanswer": "réponse courte",
    "missing_truefalse": "texte à trous vrai/faux",
}


@dataclass
class GiftDraft(Draft):
    """A draft that may carry an estimate block (a Moodle numerical question)."""

    estimate: dict[str, Any] | None = None


def _unsupported(kind: str) -> str:
    return _("question de type «\u00a0{kind}\u00a0» non prise en charge\u00a0: ignorée").format(kind=_(_KINDS[kind]))


class _Text:
    """A string being parsed that remembers, for each character, its offset in the block."""

    __slots__ = ("s", "pos")

    def __init__(self, s: str, pos: list[int]) -> None:
        self.s = s
        self.pos = pos

    def cut(self, start: int, end: int | None = None) -> _Text:
        end = len(self.s) if end is None else end
        return _Text(self.s[start:end], self.pos[start:end])

    def strip(self) -> _Text:
        left = len(self.s) - len(self.s.lstrip(PHP_TRIM))
        right = len(self.s.rstrip(PHP_TRIM))
        return self.cut(left, max(left, right))

    def __add__(self, other: _Text) -> _Text:
        return _Text(self.s + other.s, self.pos + other.pos)

    def offset(self, i: int = 0, default: int = 0) -> int:
        if not self.pos:
            return default
        return self.pos[min(max(i, 0), len(self.pos) - 1)]


class _Block:
    """The lines of one question (between blank lines), comments left out, each trimmed."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.first_line = lines[0][0]
        self.starts: list[tuple[int, int, int]] = []  # (offset in text, line number, indent)
        parts: list[str] = []
        offset = 0
        for number, raw in lines:
            trimmed = raw.strip(PHP_TRIM)
            if trimmed.startswith("//"):
                continue
            indent = len(raw) - len(raw.lstrip(PHP_TRIM))
            self.starts.append((offset, number, indent))
            parts.append(trimmed)
            offset += len(trimmed) + 1
        self.text = "\n".join(parts)

    def at(self, offset: int) -> tuple[int, int]:
        """(line, column) of an offset of ``self.text``, 1-based, in the original file."""
        line, col = self.first_line, 1
        for start, number, indent in self.starts:
            if start > offset:
                break
            line, col = number, indent + offset - start + 1
        return line, col

    def escaped(self) -> _Text:
        """Moodle's escapedchar_pre: ``\\\\`` is a backslash, ``\\:`` etc. hide the specials."""
        text = self.text
        out: list[str] = []
        pos: list[int] = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "\\" and i + 1 < len(text):
                nxt = text[i + 1]
                if nxt == "\\":
                    out.append("\\")
                    pos.append(i)
                    i += 2
                    continue
                if nxt in _ESCAPED:
                    out.append(_ESCAPED[nxt])
                    pos.append(i)
                    i += 2
                    continue
                if nxt == "n":
                    out.append(_ESCAPED_NEWLINE)
                    pos.append(i)
                    i += 2
                    continue
            out.append(ch)
            pos.append(i)
            i += 1
        return _Text("".join(out), pos)


def _with_format(t: _Text, default: str) -> tuple[str, str]:
    """Moodle's parse_text_with_format: an optional ``[format]`` prefix, then the unescaped text."""
    s = t.s
    fmt = default
    if s.startswith("["):
        end = s.find("]")
        if end > 0 and s[1:end] in FORMATS:
            fmt = s[1:end]
            s = s[end + 1:]
    return fmt, s.translate(_UNESCAPE).strip(PHP_TRIM)


def _plain(t: _Text, default: str) -> tuple[str, str]:
    """(format, plain text): HTML is reduced to text; moodle-format text may hold HTML too."""
    fmt, text = _with_format(t, default)
    if fmt == "html":
        text = html_to_text(text)
    elif fmt == "moodle" and looks_like_html(text):
        text = html_to_text(text.replace("\n", "<br>"))
    return fmt, text


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = split_lines(text)
        self.out = Parsed()
        self.category: str | None = None
        self.number = 0

    def warn(self, block: _Block, offset: int, message: str) -> None:
        line, col = block.at(offset)
        self.out.issues.append(issue(self.path, line, col, message, "warning"))

    def error(self, block: _Block, offset: int, message: str) -> None:
        line, col = block.at(offset)
        self.out.issues.append(issue(self.path, line, col, message))

    def run(self) -> Parsed:
        current: list[tuple[int, str]] = []
        for number, line in enumerate(self.lines, start=1):
            if line.strip(PHP_TRIM) == "":
                if current:
                    self.block(current)
                current = []
            else:
                current.append((number, line))
        if current:
            self.block(current)
        return self.out

    def block(self, lines: list[tuple[int, str]]) -> None:
        block = _Block(lines)
        if not block.text:
            return  # only comments
        try:
            t = block.escaped().strip()
            if t.s.startswith("$CATEGORY:"):
                t = self.read_category(block, t)
                if not t.s:
                    return
            self.number += 1
            draft = self.question(block, t)
            if draft is not None:
                self.out.drafts.append(draft)
        except Exception as exc:  # noqa: BLE001 - a parser never raises on bad input
            line, col = block.at(block.starts[0][0] if block.starts else 0)
            self.out.issues.append(unexpected(self.path, line, col, exc))

    def read_category(self, block: _Block, t: _Text) -> _Text:
        """``$CATEGORY: path``; returns what follows it in the block (normally nothing)."""
        newline = t.s.find("\n")
        head = t.cut(10, newline if newline >= 0 else None)
        name = head.s.translate(_UNESCAPE).strip()
        if name:
            self.category = name
        else:
            self.warn(block, t.offset(), _("«\u00a0$CATEGORY:\u00a0» sans nom de catégorie\u00a0: ligne ignorée"))
        if newline < 0:
            return _Text("", [])
        rest = t.cut(newline + 1).strip()
        if rest.s:
            self.warn(block, t.offset(), _(
                "mets une ligne vide après «\u00a0$CATEGORY:\u00a0»\u00a0: la suite est lue comme une question"))
        return rest

    def question(self, block: _Block, t: _Text) -> Draft | None:
        start = t.offset()
        line, col = block.at(start)

        title = None
        if t.s.startswith("::"):
            rest = t.cut(2)
            end = rest.s.find("::")
            if end < 0:
                self.warn(block, start, _("titre non fermé\u00a0: le second «\u00a0::\u00a0» manque (il est lu comme du texte)"))
                t = rest.strip()
            else:
                title = rest.s[:end].translate(_UNESCAPE).strip() or None
                t = rest.cut(end + 2).strip()

        s = t.s
        open_at, close_at = s.find("{"), s.find("}")
        if open_at < 0 and close_at < 0:
            self.error(block, start, _unsupported("description"))
            return None
        if close_at < 0:
            self.error(block, t.offset(open_at, start), _(
                "accolade «\u00a0{open}\u00a0» sans «\u00a0{close}\u00a0» fermante\u00a0: question ignorée").format(
                    open="{", close="}"))
            return None
        if open_at < 0 or close_at < open_at:
            self.error(block, t.offset(close_at, start), _(
                "accolade «\u00a0{close}\u00a0» sans «\u00a0{open}\u00a0» ouvrante\u00a0: question ignorée").format(
                    open="{", close="}"))
            return None
        after = s[close_at + 1:]
        extra = min((i for i in (after.find("{"), after.find("}")) if i >= 0), default=-1)
        if extra >= 0:
            extra_line = block.at(t.offset(close_at + 1 + extra))[0]
            if extra_line != block.at(t.offset(close_at))[0]:
                self.error(block, start, _(
                    "pas de ligne vide entre cette question et la suivante (ligne {line})\u00a0: questions ignorées").format(
                    line=extra_line))
                return None
            self.error(block, t.offset(close_at + 1 + extra, start), _(
                "un second bloc d'accolades dans la question\u00a0: question ignorée "
                "(écris {open} et {close} pour des accolades dans le texte)").format(open="\\{", close="\\}"))
            return None

        answers = t.cut(open_at + 1, close_at).strip()
        general = _Text("", [])
        gf_at = answers.s.rfind("####")
        if gf_at >= 0:
            general = answers.cut(gf_at + 4)
            answers = answers.cut(0, gf_at).strip()

        missing_word = not s.endswith("}")
        if missing_word:
            blank = _Text(BLANK, [t.offset(open_at)] * len(BLANK))
            question_text = t.cut(0, open_at) + blank + t.cut(close_at + 1)
        else:
            question_text = t.cut(0, open_at)
        qformat, prompt = _plain(question_text, "moodle")
        explanation = _plain(general, qformat)[1] or None

        a = answers.s
        if a == "":
            kind = "essay"
        elif a[0] == "#":
            kind = "numerical"
        elif "~" in a:
            kind = "multichoice"
        elif "=" in a and "->" in a:
            kind = "match"
        else:
            check = a
            if a.find("#") > 0:
                check = a[: a.find("#")].strip(PHP_TRIM)
            if check in ("T", "TRUE", "F", "FALSE"):
                kind = "truefalse"
            else:
                kind = "shortanswer"
                if check.casefold() in ("t", "true", "f", "false", "vrai", "faux", "v"):
                    self.error(block, start, _unsupported("shortanswer") + _(
                        " (pour une question vrai/faux, écris {T}, {TRUE}, {F} ou {FALSE} en majuscules)"))
                    return None
        if kind not in ("multichoice", "truefalse", "numerical", "match"):
            self.error(block, start, _unsupported(kind))
            return None
        if kind == "truefalse" and missing_word:
            self.error(block, start, _unsupported("missing_truefalse"))
            return None
        if not prompt:
            self.error(block, start, _("énoncé vide\u00a0: question ignorée"))
            return None

        draft = GiftDraft(line=line, column=col, number=self.number, type="single", prompt=prompt, choices=[],
                          explanation=explanation, title=title, category=self.category)
        if kind == "truefalse":
            self.truefalse(answers, qformat, draft)
            return draft
        if kind == "numerical":
            return draft if self.numerical(block, answers.cut(1), draft, start) else None
        if kind == "match":
            return draft if self.matching(block, answers, qformat, draft, start) else None
        if missing_word:
            self.warn(block, t.offset(open_at, start), _(
                "texte à trous\u00a0: «\u00a0{blank}\u00a0» marque la place de la réponse dans l'énoncé").format(blank=BLANK))
        return draft if self.multichoice(block, answers, qformat, draft, start) else None

    def truefalse(self, answers: _Text, qformat: str, draft: Draft) -> None:
        """Moodle's split_truefalse_comment: ``T#wrong#right`` — the first feedback is shown to
        whoever answers wrong, the second to whoever answers right."""
        s = answers.s
        first = s.find("#")
        second = s.find("#", first + 1) if first >= 0 else -1
        answer = (answers.cut(0, first) if first >= 0 else answers).strip().s
        wrong = answers.cut(first + 1, second if second >= 0 else None) if first >= 0 else _Text("", [])
        right = answers.cut(second + 1) if second >= 0 else _Text("", [])
        wrong_fb = _plain(wrong.strip(), qformat)[1] or None
        right_fb = _plain(right.strip(), qformat)[1] or None
        truth = answer in ("T", "TRUE")
        draft.type = "truefalse"
        draft.choices = [
            DraftChoice("Vrai", truth, right_fb if truth else wrong_fb, "vrai"),
            DraftChoice("Faux", not truth, wrong_fb if truth else right_fb, "faux"),
        ]

    def numerical(self, block: _Block, answers: _Text, draft: GiftDraft, start: int) -> bool:
        """``{#42}``, ``{#42:2}``, ``{#40..44}`` (also ``{#=42:2 =%50%42:5}``: the 100 % answer is
        kept) → an estimate; the slider is made around the answer. A unit our export put at the
        end of the prompt, « (réponse en kg) », comes back as the unit."""
        parts = [p for p in re.split(r"(?==)", answers.s) if p.strip(PHP_TRIM)]
        found: list[tuple[float, str, str]] = []  # (weight, spec, feedback)
        for part in parts:
            text = part.strip(PHP_TRIM)
            weight = 1.0
            if text.startswith("="):
                text = text[1:].strip(PHP_TRIM)
            elif text.startswith("~"):
                text, weight = text[1:].strip(PHP_TRIM), 0.0
            if match := _WEIGHT.match(text):
                weight = float(match.group(2)) / 100 * (-1 if match.group(1) else 1)
                text = text[match.end():]
            spec, _hash, feedback = text.partition("#")
            found.append((weight, spec.translate(_UNESCAPE), feedback.strip(PHP_TRIM)))
        full = [f for f in found if f[0] >= 1 - 1e-9]
        if not full:
            self.error(block, start, _("aucune réponse numérique à 100 % (écris {example}) : question ignorée").format(
                example="{#42}"))
            return False
        weight, spec, feedback = full[0]
        try:
            answer, tolerance = parse_numerical(spec)
        except ValueError as exc:
            self.error(block, start, _("{problem} : question ignorée").format(problem=exc))
            return False
        if len(found) > 1:
            self.warn(block, start, _("{n} réponses numériques : le jeu garde la première à 100 % "
                                      "({spec}) et ignore les autres").format(n=len(found), spec=spec.strip()))
        if any(f[2] for f in found):
            self.warn(block, start, _("retour d'une réponse numérique ignoré : mets-le dans l'explication "
                                      "(après « #### »)"))
        unit = ""
        if match := UNIT_SUFFIX.search(draft.prompt):
            unit, draft.prompt = match.group(1).strip(), draft.prompt[: match.start()].rstrip()
        draft.type = "estimate"
        draft.estimate = {**slider_for(answer, tolerance), "unit": unit}
        return True

    def matching(self, block: _Block, answers: _Text, qformat: str, draft: GiftDraft, start: int) -> bool:
        """``{=A -> 1 =B -> 2 =C -> 3}``: an ordering when the right-hand sides are the ranks 1 to n
        (each once); any other matching question is named and skipped."""
        pairs = []
        for part in answers.s.split("="):
            if not part.strip(PHP_TRIM):
                continue
            left, arrow, right = part.partition("->")
            left_text = _plain(_Text(left, []).strip(), qformat)[1]
            right_text = _plain(_Text(right, []).strip(), qformat)[1]
            if not arrow or not left_text:
                pairs = []
                break
            pairs.append((left_text, right_text))
        order = ranks_order(pairs) if pairs else None
        if order is None:
            self.error(block, start, _(
                "question d'association (« -> ») non prise en charge : le jeu ne l'importe que si "
                "chaque réponse de droite est un rang (1, 2, 3…), pour en faire une question à classer : "
                "question ignorée"))
            return False
        if not MIN_ITEMS <= len(order) <= MAX_ITEMS:
            self.error(block, start, _(
                "{n} éléments à classer : le jeu en classe de {low} à {high} : question ignorée").format(
                    n=len(order), low=MIN_ITEMS, high=MAX_ITEMS))
            return False
        draft.type = "ordering"
        draft.choices = [DraftChoice(text) for text in order]
        return True

    def multichoice(self, block: _Block, answers: _Text, qformat: str, draft: Draft, start: int) -> bool:
        s = answers.s
        single = "=" in s
        markers = [i for i, c in enumerate(s) if c in "~="]
        segments: list[_Text] = []
        lead = answers.cut(0, markers[0] if markers else len(s)).strip()
        if lead.s:
            self.warn(block, lead.offset(), _(
                "texte avant la première réponse, sans «\u00a0~\u00a0» ni «\u00a0=\u00a0»\u00a0: lu comme une réponse fausse"))
            segments.append(lead)
        for k, m in enumerate(markers):
            end = markers[k + 1] if k + 1 < len(markers) else len(s)
            segments.append(answers.cut(m if s[m] == "=" else m + 1, end).strip())

        parsed: list[tuple[DraftChoice, float, int]] = []
        for seg in segments:
            where = seg.offset(0, answers.offset(0, start))
            if seg.s.startswith("="):
                weight = 1.0
                seg = seg.cut(1)
            elif match := _WEIGHT.match(seg.s):
                weight = float(match.group(2)) / 100 * (-1 if match.group(1) else 1)
                seg = seg.cut(match.end())
            else:
                weight = 0.0
            hash_at = seg.s.find("#")
            text_part = seg.cut(0, hash_at) if hash_at >= 0 else seg
            feedback_part = seg.cut(hash_at + 1) if hash_at >= 0 else _Text("", [])
            text = _plain(text_part.strip(), qformat)[1]
            feedback = _plain(feedback_part.strip(), qformat)[1] or None
            if not text:
                self.warn(block, where, _("réponse vide\u00a0: ignorée"))
                continue
            parsed.append((DraftChoice(text, False, feedback), weight, where))

        n = len(parsed)
        if n < MIN_CHOICES:
            self.error(block, start, _("il faut au moins {low} réponses (ici\u00a0: {n})\u00a0: question ignorée").format(
                low=MIN_CHOICES, n=n))
            return False
        if n > MAX_CHOICES:
            self.error(block, start, _("{n} réponses\u00a0: le jeu en affiche de {low} à {high}\u00a0: question ignorée").format(
                n=n, low=MIN_CHOICES, high=MAX_CHOICES))
            return False

        if single:
            right = [p for p in parsed if p[1] >= 1 - 1e-9]
            if len(right) > 1:
                self.error(block, start, _(
                    "{n} bonnes réponses dans une question à réponse unique\u00a0: question ignorée "
                    "(pour plusieurs bonnes réponses, donne-leur des poids «\u00a0~%50%\u00a0»)").format(n=len(right)))
                return False
            for choice, weight, where in parsed:
                choice.correct = weight >= 1 - 1e-9
                if 0 < weight < 1 - 1e-9:
                    self.warn(block, where, _("crédit partiel de {w}\u00a0% ignoré\u00a0: la réponse compte comme fausse").format(
                        w=_percent(weight)))
            draft.type = for_choices(1)
        else:
            total = sum(w for _c, w, _p in parsed if w > 0)
            for choice, weight, _where in parsed:
                choice.correct = weight > 0
            if total > 0 and round(total, 2) != 1:
                self.warn(block, start, _(
                    "les poids des bonnes réponses font {total}\u00a0% et non 100\u00a0%\u00a0: Moodle refuserait cette question").format(
                    total=_percent(total)))
            draft.type = for_choices(2)
        if not any(choice.correct for choice, _w, _p in parsed):
            self.error(block, start, _(
                "aucune bonne réponse (mets «\u00a0=\u00a0» devant la bonne réponse, ou des poids positifs «\u00a0~%50%\u00a0»)"
                "\u00a0: question ignorée"))
            return False
        draft.choices = [choice for choice, _w, _p in parsed]
        return True


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")


def parse_gift(text: str, path: str = "<gift>") -> Parsed:
    """Read GIFT text; never raises. Issues carry ``path`` and 1-based lines and columns."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return _Reader(text, path).run()
    except Exception as exc:  # noqa: BLE001
        return Parsed([], [unexpected(path, 1, 1, exc)])


# --------------------------------------------------------------------------- writing

def escape(text: str) -> str:
    """Moodle's repchar: backslash and ``~ = # { } :`` escaped, line breaks as ``\\n``."""
    text = text.replace("\\", "\\\\")
    for ch in _SPECIALS:
        text = text.replace(ch, "\\" + ch)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _starts_with_format(text: str) -> bool:
    return any(text.startswith(f"[{name}]") for name in FORMATS)


def _write(text: str) -> str:
    """One answer or feedback: ``[plain]`` only where the text would look like a format tag."""
    return ("[plain]" if _starts_with_format(text) else "") + escape(text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


_WRITER = GiftWriter(escape=escape, write=_write, number=_number, percent=_percent)


def _texts(q: Question) -> list[str]:
    texts = [q.prompt, q.explanation]
    for c in q.choices:
        texts.append(c.text)
        if c.feedback:
            texts.append(c.feedback)
    return texts


def _source_line(q: Question, sources: Mapping[str, Any] | None) -> list[str]:
    """« // source: ademe_2022 (ADEME, 2022); arcep_2023 (Arcep, 2023) »: a comment, so a teacher
    who edits the file still sees where each figure comes from (Moodle ignores it)."""
    if not q.source_ids:
        return []
    names = []
    for sid in q.source_ids:
        label = getattr((sources or {}).get(sid), "short_label", None)
        names.append(f"{sid} ({label})" if label else sid)
    return [("// sources: " if len(names) > 1 else "// source: ") + "; ".join(names).replace("\n", " ")]


def write_question(q: Question, sources: Mapping[str, Any] | None = None) -> list[str]:
    """The lines of one question (no blank line); ``sources`` (id → Source) names them in full."""
    plain = any("<" in t or "&" in t for t in _texts(q)) or _starts_with_format(q.prompt)
    head = f"::{escape(q.id)}::" + ("[plain]" if plain else "") + escape(q.prompt)
    general = f"####{_write(q.explanation)}" if q.explanation else ""
    lines = [f"// question: {q.id}", *_source_line(q, sources)]
    lines.extend(qtype(q.type).gift_lines(q, head, general, _WRITER))
    return lines


def write_gift(questions: Iterable[Question], themes: Mapping[str, Any] | None = None,
               sources: Mapping[str, Any] | None = None) -> str:
    """Questions as a GIFT file Moodle imports; a ``$CATEGORY:`` line (the theme id) each time
    the theme changes. ``themes`` maps theme ids to ``Theme``s (or titles) for a comment line;
    ``sources`` maps source ids to ``Source``s, named in each question's « // source: » comment."""
    themes = themes or {}
    out = [
        "// Questions exportées de « Numérique en jeu » au format GIFT de Moodle (UTF-8).",
        "// Les questions « estimation » deviennent des questions numériques Moodle,",
        "// les questions « à classer » des descriptions (GIFT n'a pas de question à classer).",
        "",
    ]
    current = None
    for q in questions:
        if q.theme != current:
            current = q.theme
            theme = themes.get(q.theme)
            title = getattr(theme, "title", theme)
            if title:
                out.append(f"// Thème : {title}".replace("\n", " "))
            out.append(f"$CATEGORY: {escape(q.theme)}")
            out.append("")
        out.extend(write_question(q, sources))
        out.append("")
    return "\n".join(out)
