"""Teacher formats: import Moodle GIFT, Aiken and Kahoot spreadsheets; export GIFT.

Each parser turns a file into ``Draft`` questions (the game's shape, before ids and
themes are given) and ``ContentIssue``s; it never raises on bad input. ``convert`` glues
them together: ``import_files`` → ``ImportResult`` → ``to_yaml``, and ``export_gift``.
Never imports pygame.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from game.content.loader import ContentIssue
from game.i18n import _

PLACEHOLDER_EXPLANATION = "Explication à compléter."

# PHP's trim(): Moodle trims lines with it, not with Python's Unicode-aware strip(), so a
# leading U+00A0 stays in the text as it does in Moodle.
PHP_TRIM = " \t\n\r\0\x0b"


@dataclass
class DraftChoice:
    text: str
    correct: bool = False
    feedback: str | None = None
    id: str | None = None  # None: the converter numbers them a, b, c, d


@dataclass
class Draft:
    """One question read from a teacher file, in the game's terms (single, multiple, truefalse)."""

    line: int
    column: int
    number: int  # 1-based rank of the question in its file (skipped ones count): ``<stem>_q<n>``
    type: str
    prompt: str
    choices: list[DraftChoice]
    explanation: str | None = None
    title: str | None = None
    category: str | None = None  # GIFT « $CATEGORY: » in force, as written


@dataclass
class Parsed:
    drafts: list[Draft] = field(default_factory=list)
    issues: list[ContentIssue] = field(default_factory=list)


def issue(path: str, line: int, column: int, message: str, severity: str = "error") -> ContentIssue:
    return ContentIssue(path, max(1, int(line)), max(1, int(column)), message, severity)


def unexpected(path: str, line: int, column: int, exc: BaseException) -> ContentIssue:
    """A bug of ours must not stop an import: it becomes an issue at the question's position."""
    return issue(path, line, column, _("erreur inattendue en lisant cette question ({error})\u00a0: question ignorée").format(
        error=f"{type(exc).__name__}: {exc}"))


def slugify(text: str, max_len: int = 60) -> str:
    """« Numérique responsable / Réseaux » → ``numerique_responsable_reseaux`` ('' if nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")
    return slug[:max_len].strip("_")


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them (``str.splitlines`` would also cut at U+2028, U+0085…)."""
    return re.split(r"\r\n|\r|\n", text)


def decode_text(raw: bytes, path: str) -> tuple[str, list[ContentIssue]]:
    """UTF-8 (with or without BOM); a Windows-1252 file is read anyway, with a warning."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        text = raw.decode("cp1252", errors="replace")
        return text, [issue(path, line, 1, _(
            "le fichier n'est pas en UTF-8\u00a0: lu comme du Windows-1252, vérifie les accents "
            "(ou enregistre-le en UTF-8)"), "warning")]


_TRUE_WORDS = {"vrai", "true"}
_FALSE_WORDS = {"faux", "false"}


def truefalse_choices(choices: list[DraftChoice]) -> list[DraftChoice] | None:
    """Two answers « Vrai » / « Faux » (or True / False) as the game's true/false choices, else None."""
    if len(choices) != 2:
        return None
    words = [c.text.strip().casefold() for c in choices]
    if words[0] in _TRUE_WORDS and words[1] in _FALSE_WORDS:
        true, false = choices
    elif words[0] in _FALSE_WORDS and words[1] in _TRUE_WORDS:
        false, true = choices
    else:
        return None
    if true.correct == false.correct:
        return None
    return [
        DraftChoice("Vrai", true.correct, true.feedback, "vrai"),
        DraftChoice("Faux", false.correct, false.feedback, "faux"),
    ]


class _HTMLText(HTMLParser):
    """HTML reduced to plain text: <br> is a line break, paragraphs and blocks start a new line."""

    BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
              "blockquote", "pre", "section", "article", "header", "footer", "dt", "dd"}
    SKIP = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def _break(self, hard: bool) -> None:
        if hard or (self.out and not self.out[-1].endswith("\n")):
            self.out.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "br":
            self._break(True)
        elif tag in self.BLOCKS:
            self._break(False)
            if tag == "li":
                self.out.append("- ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.out.append(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.SKIP:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self._break(False)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(re.sub(r"[ \t\n\r\f]+", " ", data))

    def text(self) -> str:
        lines = [line.strip(" \t") for line in "".join(self.out).split("\n")]
        return "\n".join(lines).strip("\n")


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (standard library only)."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    return parser.text()


_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text))


# --------------------------------------------------------------------------- which format

FORMAT_NAMES = ("gift", "aiken", "kahoot")
_BY_EXTENSION = {".gift": "gift", ".sgift": "gift", ".aiken": "aiken", ".xlsx": "kahoot", ".xlsm": "kahoot"}
_GIFT_SIGNS = re.compile(r"^[ \t]*(::[^:\n]*::|\$CATEGORY[ \t]*:)|(?<!\\)\{[^{}]*(?<!\\)[=~#][^{}]*(?<!\\)\}|"
                         r"(?<!\\)\{[ \t]*(T|F|TRUE|FALSE)[ \t]*(#[^}]*)?\}", re.MULTILINE | re.IGNORECASE)
_AIKEN_CHOICE = re.compile(r"^[ \t]*[A-Z][.)][ \t]+\S", re.MULTILINE)
_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER[ \t]*:[ \t]*[A-Z]\b", re.MULTILINE | re.IGNORECASE)


def sniff_format(raw: bytes) -> str | None:
    """« gift », « aiken » or « kahoot » from a file's first bytes, or None when it is none of them."""
    if raw.startswith(b"PK\x03\x04"):  # a zip: an .xlsx spreadsheet
        return "kahoot"
    head = raw[:200_000]
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = head.decode("cp1252", errors="replace")
    if _AIKEN_ANSWER.search(text) and _AIKEN_CHOICE.search(text) and not _GIFT_SIGNS.search(text):
        return "aiken"
    if _GIFT_SIGNS.search(text):
        return "gift"
    return None


def resolve_format(path: Path, given: str | None = None) -> tuple[str | None, str | None]:
    """(format, None), or (None, a message for the author) when the format is unknown.

    ``given`` (``--format``) wins over everything; then the extension (``.gift``, ``.sgift``,
    ``.aiken``, ``.xlsx``); then, for ``.txt`` or an unknown extension, the file's content."""
    if given:
        if given not in FORMAT_NAMES:
            return None, _("format inconnu\u00a0: {name} (formats connus\u00a0: {known})").format(
                name=given, known=", ".join(FORMAT_NAMES))
        return given, None
    name = path.name.lower()
    if name.endswith((".yaml", ".yml")):
        return None, _("c'est déjà un fichier YAML du jeu\u00a0: vérifie-le avec «\u00a0python main.py validate\u00a0»")
    for ext, fmt in _BY_EXTENSION.items():
        if name.endswith(ext) or (ext == ".aiken" and ".aiken." in name):
            return fmt, None
    try:
        with open(path, "rb") as f:
            raw = f.read(200_000)
    except FileNotFoundError:
        return None, _("fichier introuvable")
    except OSError as exc:
        return None, _("lecture impossible\u00a0: {error}").format(error=exc.strerror or exc)
    found = sniff_format(raw)
    if found is None:
        return None, _("format non reconnu\u00a0: ni Moodle GIFT, ni Aiken, ni Kahoot (.xlsx). Précise-le avec "
                       "«\u00a0--format gift\u00a0», «\u00a0--format aiken\u00a0» ou «\u00a0--format kahoot\u00a0».")
    return found, None
