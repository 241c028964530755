"""A fast reader for the plain YAML that question banks are written in, with positions.

PyYAML builds a Python event, a node and two marks for every value before the value itself:
about 0.1 ms a question, most of the time it takes to load a big bank. Banks, hand-written or
exported, use a small, regular part of YAML: block mappings and lists, one-line scalars
(plain, "double" or 'single' quoted), one-line flow tables ``{a: 1.0}`` and lists ``[a, b]``,
``|`` literal blocks, comments. This module reads exactly that part, line by line, and gives
the same result as the loader's PyYAML path: the same values (YAML 1.1 types, decided by
PyYAML's own resolver and constructor), the same ``PosDict``/``PosList`` positions.

Anything else (anchors, tags, folded or multi-line scalars, empty values, tabs, a byte-order
mark, an error…) is *declined*: ``load`` returns ``None`` and the caller reads the file with
PyYAML, which also writes the error messages. Declining is always safe; a wrong answer never
is, so when in doubt the reader declines. tests/test_fastyaml.py compares both readers on the
real banks, on exported banks and on random documents and random damage (hypothesis).

Pure Python, no pygame.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

MAX_NODES = 200_000  # as the PyYAML path: bigger documents go there and are refused
MAX_FRAMES = 8  # deeper nesting than a bank needs: let the PyYAML path judge it


class PosDict(dict):
    """A mapping that remembers where each key's value starts (1-based line, column)."""

    pos: tuple[int, int] = (1, 1)
    key_pos: dict[Any, tuple[int, int]]


class PosList(list):
    pos: tuple[int, int] = (1, 1)
    item_pos: list[tuple[int, int]]


class _Decline(Exception):
    """Not in the part of YAML this reader knows: read with PyYAML."""


# The patterns are strings here and compiled on first use (``_patterns``), not at import.
# Not printable or not "\n" (after "\r\n" → "\n"): tabs, other line breaks (\r, \x85, \u2028,
# \u2029), control characters, a byte-order mark, lone surrogates, U+FFFE and U+FFFF.
_UNSAFE = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
# A plain scalar starts with no indicator and no space (YAML's spaces are " " and tab, not
# U+00A0); « - », and « ? » or « : » out of { } and [ ], may start one before a non-space.
_PLAIN_START = r"(?:[^ \-?:,\[\]{}#&*!|>'\"%@`]|[-?:][^ ,\[\]{}:#])"  # keys: stricter than needed
_BLOCK_PLAIN_START = r"(?:[^ \-?:,\[\]{}#&*!|>'\"%@`]|[-?:][^ ])"
_FLOW_PLAIN_START = r"(?:[^ \-?:,\[\]{}#&*!|>'\"%@`]|-[^ ,\[\]{}:#])"
_KEY = _PLAIN_START + r"[^ :#,\[\]{}]*"  # keys: plain, one word
MAX_KEY = 1000  # libyaml refuses keys of more than 1024 characters: longer ones go to PyYAML
_DQ = r'"([^"\\]*(?:\\.[^"\\]*)*)"'
_SQ = r"'([^']*(?:''[^']*)*)'"
_END = r"(?: +#.*| *)$"  # after a value: spaces, maybe a comment
# One line of a block: indent, « - », « key: », then the value to the end of the line; which
# value it is: the number of the last group that matched (``lastindex``).
_LINE = (
    r"( *)"  # 1 indent
    r"(- +|-$)?"  # 2 a list item
    r"(?:(" + _KEY + r"):(?: +|$))?"  # 3 a key
    r"(?:" + _DQ + _END  # 4 "double-quoted"
    + r"|" + _SQ + _END  # 5 'single-quoted'
    + r"|((?:[^ \-?:,\[\]{}#&*!|>'\"%@`]|[-?][^ :#])[^:#]*)$"  # 6 plain, with no « : » or « # »
    + r"|(" + _BLOCK_PLAIN_START + r".*)"  # 7 plain: comment, spaces and « : » are checked after
    + r"|([{\[])"  # 8 a flow table or list
    + r"|(\|-?) *$"  # 9 a literal block
    + r"|(#.*)?$)"  # 10 nothing (a comment maybe)
)
# A plain value never ends on a space, so the spaces after it can be matched one way only
# (two ways made a long run of spaces take quadratic time).
_FLOW_VALUE = r"(" + _DQ + "|" + _SQ + r"|" + _FLOW_PLAIN_START + r"[^ ,\[\]{}:#]*(?: +[^ ,\[\]{}:#]+)*)"
_FLOW_KEY = r"(" + _FLOW_PLAIN_START + r"[^ :#,\[\]{}]*): +"
# One-line flow tables and lists of scalars, one item (and the comma or bracket after it) at a time.
# The last group is « , » before another item, None after the closing bracket and the end of the line.
_FLOW_PAIR_STEP = r" *" + _FLOW_KEY + _FLOW_VALUE + r" *(?:(,)|\}" + _END + ")"
_FLOW_ITEM_STEP = r" *" + _FLOW_VALUE + r" *(?:(,)|\]" + _END + ")"
_FLOW_EMPTY = r"(?:\{ *\}|\[ *\])" + _END
_ESCAPE = r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)"
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b",
            " ": " ", '"': '"', "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_SURROGATE = "[\ud800-\udfff]"


class _Patterns:
    def __init__(self) -> None:
        self.unsafe = re.compile(_UNSAFE)
        self.line = re.compile(_LINE)
        self.pair_step = re.compile(_FLOW_PAIR_STEP)
        self.item_step = re.compile(_FLOW_ITEM_STEP)
        self.flow_empty = re.compile(_FLOW_EMPTY)
        self.escape = re.compile(_ESCAPE)
        self.surrogate = re.compile(_SURROGATE)


@functools.cache
def _patterns() -> _Patterns:
    return _Patterns()


_STR, _INT, _FLOAT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
_PLAIN_CACHE: dict[str, Any] = {}
_DECLINED = object()
_tools: tuple[yaml.resolver.Resolver, yaml.constructor.SafeConstructor, Any] | None = None


class _Everything:
    """Contains every character: the resolver is asked for every plain scalar."""

    def __contains__(self, item: object) -> bool:
        return True


def _typed_first() -> Any:
    """The first characters of every implicit type (numbers, true, null…): a plain scalar that
    starts with any other character is a text, with no need to ask the resolver."""
    global _tools
    if _tools is None:
        first = yaml.resolver.Resolver.yaml_implicit_resolvers
        # A resolver for any first character (None) would defeat the shortcut: then ask always.
        typed = frozenset(k for k in first if k) if None not in first else _Everything()
        _tools = (yaml.resolver.Resolver(), yaml.constructor.SafeConstructor(), typed)
    return _tools[2]


def _plain(text: str) -> Any:
    """A plain scalar as PyYAML's SafeLoader reads it (YAML 1.1: ``yes`` is true, ``1.0`` a float…)."""
    value = _PLAIN_CACHE.get(text, _DECLINED)
    if value is not _DECLINED:
        return value
    if text[0] not in _typed_first():
        return text
    resolver, constructor, _typed = _tools  # type: ignore[misc]
    tag = resolver.resolve(yaml.ScalarNode, text, (True, False))
    node = yaml.ScalarNode(tag, text)
    try:
        if tag == _STR:
            value = text
        elif tag == _INT:
            value = constructor.construct_yaml_int(node)
        elif tag == _FLOAT:
            value = constructor.construct_yaml_float(node)
        elif tag == _BOOL:
            value = constructor.construct_yaml_bool(node)
        elif tag == _NULL:
            value = None
        else:
            raise _Decline  # timestamps, merge keys « << », « = »…
    except (ValueError, OverflowError):
        raise _Decline from None  # « 0b_ », 5 000 digits…: the PyYAML path reports it
    if len(text) < 40 and len(_PLAIN_CACHE) < 4096:  # the same keys and numbers come back all the time
        _PLAIN_CACHE[text] = value
    return value


def _unescape(body: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if len(code) > 1:
            point = int(code[1:], 16)
            if point > 0x10FFFF:
                raise _Decline  # not a character: an error for PyYAML to report
            return chr(point)
        if code not in _ESCAPES:
            raise _Decline
        return _ESCAPES[code]

    text = _patterns().escape.sub(one, body)
    if _patterns().surrogate.search(text):
        raise _Decline
    return text


def _plain_value(text: str) -> Any:
    """A block plain scalar from its start to the end of the line."""
    cut = text.find(" #")
    if cut >= 0:
        text = text[:cut]
    text = text.rstrip(" ")
    if ": " in text or text.endswith(":"):
        raise _Decline  # an error in YAML
    return _plain(text)


def _flow(text: str, at: int, line: int, positions: bool) -> tuple[Any, int]:
    """A one-line ``{…}`` or ``[…]`` of scalars starting at ``text[at]``, and how many values it holds."""
    is_map = text[at] == "{"
    cache = _PLAIN_CACHE
    cached = cache.get
    patterns = _patterns()
    typed = _typed_first()
    step = (patterns.pair_step if is_map else patterns.item_step).match
    out: Any = (PosDict() if is_map else PosList()) if positions else ({} if is_map else [])
    where: Any = {} if is_map else []
    size = 0
    pos = at + 1
    if not patterns.flow_empty.match(text, at):
        while True:
            m = step(text, pos)
            if m is None:
                raise _Decline  # nested, on several lines, empty values…
            if is_map:
                key, whole, dq, sq, sep = m.groups()
                if len(key) > MAX_KEY:
                    raise _Decline
                if key[0] in typed:  # « true: », « 1: »… (most keys are plain words: no lookup)
                    key = cached(key, key) if key in cache else _plain(key)
                start = m.start(2)
            else:
                whole, dq, sq, sep = m.groups()
                start = m.start(1)
            if dq is not None:
                value = _unescape(dq) if "\\" in dq else dq
            elif sq is not None:
                value = sq.replace("''", "'")
            else:  # plain (it never ends on a space)
                value = whole
                if whole[0] in typed:
                    value = cached(whole, whole) if whole in cache else _plain(whole)
            if is_map:
                out[key] = value
                if positions:
                    where[key] = (line, start + 1)
                size += 2
            else:
                out.append(value)
                if positions:
                    where.append((line, start + 1))
                size += 1
            pos = m.end()
            if sep is None:
                break
    if positions:
        if is_map:
            out.key_pos = where
        else:
            out.item_pos = where
        out.pos = (line, at + 1)
    return out, size


def load(text: str, positions: bool = True) -> dict[Any, Any] | None:
    """The document as the loader's PyYAML path builds it, or None: read it with PyYAML.

    ``positions=False``: plain dicts and lists, a little faster and much smaller, for a
    first reading where positions are needed only if something is wrong."""
    try:
        return _load(text, positions)
    except _Decline:
        return None


_DQ_VALUE, _SQ_VALUE, _PLAIN_VALUE, _PLAIN_OTHER, _FLOW_VALUE_START, _LITERAL, _COMMENT = range(4, 11)


def _load(text: str, positions: bool) -> dict[Any, Any]:  # noqa: C901 - one loop over the lines, kept together for speed
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    patterns = _patterns()
    if patterns.unsafe.search(text):
        raise _Decline
    lines = text.split("\n")
    count = len(lines)
    nodes = 1  # values built, counted as the PyYAML path counts them
    root: dict[Any, Any] | None = None
    new_map: Any = PosDict if positions else dict
    new_seq: Any = PosList if positions else list
    # Open block collections, innermost last: (indent, container, is a mapping, list under its key's column)
    frames: list[tuple[int, Any, bool, bool]] = []
    pending: tuple[PosDict, Any, int] | None = None  # « key: » waiting for its block on the next lines
    line_re = patterns.line.match
    cache = _PLAIN_CACHE
    cached = cache.get
    typed = _typed_first()
    # The innermost open block, as in frames[-1]: its indent, container, and whether it is a mapping.
    top_indent, container, is_map = -1, None, False
    index = 0
    while index < count:
        text = lines[index]
        index += 1
        m = line_re(text)
        if m is None:
            raise _Decline
        kind = m.lastindex
        spaces, dash, key = m.group(1, 2, 3)
        if key is None and dash is None and (kind == 1 or kind == _COMMENT):
            continue  # an empty line or a comment
        indent = len(spaces)
        if pending is None and indent == top_indent and is_map and dash is None:
            pass  # the next key of the mapping being read (most lines): no block opens or closes
        elif pending is not None:
            parent, parent_key, key_indent = pending
            pending = None
            if not (indent > key_indent or (indent == key_indent and dash is not None)):
                raise _Decline  # « key: » with no value: let PyYAML say what it is
            child: Any = new_seq() if dash is not None else new_map()
            parent[parent_key] = child
            if positions:
                child.pos = (index, indent + 1)
                if dash is not None:
                    child.item_pos = []
                else:
                    child.key_pos = {}
                parent.key_pos[parent_key] = child.pos
            nodes += 1
            frames.append((indent, child, dash is None, indent == key_indent))
            if len(frames) > MAX_FRAMES:
                raise _Decline
        elif root is None:
            if indent or dash is not None:
                raise _Decline  # a bank is a mapping of sections
            root = new_map()
            if positions:
                root.pos = (index, 1)
                root.key_pos = {}
            frames.append((0, root, True, False))
        else:
            top = frames[-1]
            while top[0] > indent or (top[3] and top[0] == indent and dash is None):
                frames.pop()
                if not frames:
                    raise _Decline
                top = frames[-1]
            if top[0] != indent:
                raise _Decline  # a value going on over several lines, or bad indentation
        if frames[-1][1] is not container:
            top_indent, container, is_map, _indentless = frames[-1]
        if dash is not None:
            if is_map or len(dash) == 1:
                raise _Decline  # « - » where a key was expected, or a list item on the next lines
            column = indent + len(dash)
            if key is None:
                if kind == _COMMENT or kind <= 3:
                    raise _Decline  # « - » then a comment: an empty item (null), or a block on the next lines
                if positions:
                    container.item_pos.append((index, column + 1))
                if kind == _LITERAL:
                    value, index = _literal(lines, index, indent + 1, m.group(_LITERAL) == "|-")
                else:
                    value, size = _line_value(text, m, kind, index, positions)
                    nodes += size
                container.append(value)
                nodes += 1
                continue
            item = new_map()
            container.append(item)
            if positions:
                item.pos = (index, column + 1)
                item.key_pos = {}
                container.item_pos.append(item.pos)
            nodes += 1
            frames.append((column, item, True, False))
            if len(frames) > MAX_FRAMES:
                raise _Decline
            container, top_indent, is_map = item, column, True
        elif not is_map or key is None:
            raise _Decline  # a scalar where a key was expected: a value over several lines, or an error
        if len(key) > MAX_KEY:
            raise _Decline
        mapping_key = key
        if key[0] in typed:
            mapping_key = cached(key, _DECLINED)
            if mapping_key is _DECLINED:
                mapping_key = _plain(key)
        if kind <= 3 or kind == _COMMENT:
            pending = (container, mapping_key, top_indent)
            nodes += 1
            continue
        if kind == _PLAIN_VALUE:  # the most common value: inlined
            value = m.group(_PLAIN_VALUE)
            if value[-1] == " ":
                value = value.rstrip(" ")
            if value[0] in typed:
                value = cached(value, value) if value in cache else _plain(value)
            if positions:
                container.key_pos[mapping_key] = (index, m.start(_PLAIN_VALUE) + 1)
        elif kind == _LITERAL:
            if positions:
                container.key_pos[mapping_key] = (index, m.start(_LITERAL) + 1)
            value, index = _literal(lines, index, top_indent + 1, m.group(_LITERAL) == "|-")
        else:
            if positions:
                container.key_pos[mapping_key] = (index, m.start(kind) + (kind > _SQ_VALUE))  # a quote: 1 earlier
            value, size = _line_value(text, m, kind, index, positions)
            nodes += size
        container[mapping_key] = value
        nodes += 2
    if root is None or pending is not None or nodes > MAX_NODES:
        raise _Decline  # empty, ends on « key: », or too big: the PyYAML path says why
    return root


def _line_value(text: str, m: re.Match[str], kind: int, line: int, positions: bool) -> tuple[Any, int]:
    """The value on this line and how many values are inside it (for a flow table or list)."""
    body = m.group(kind)
    if kind == _DQ_VALUE:
        return (_unescape(body) if "\\" in body else body), 0
    if kind == _SQ_VALUE:
        return body.replace("''", "'"), 0
    if kind == _PLAIN_VALUE:
        return _plain(body.rstrip(" ")), 0
    if kind == _PLAIN_OTHER:
        return _plain_value(body), 0
    if kind != _FLOW_VALUE_START:
        raise _Decline
    return _flow(text, m.start(kind), line, positions)


def _literal(lines: list[str], index: int, min_indent: int, strip: bool) -> tuple[str, int]:
    """A « | » (or « |- ») block starting at ``lines[index]``: its text and the next line's index."""
    if index >= len(lines):
        raise _Decline
    first = lines[index]
    indent = len(first) - len(first.lstrip(" "))
    if not first.strip(" ") or indent < min_indent:
        raise _Decline  # empty block, or leading blank lines: rare, and subtle
    kept: list[str] = []
    blank_run = 0
    last = index
    while index < len(lines):
        text = lines[index]
        body = text.lstrip(" ")
        if not body:
            if len(text) > indent:
                raise _Decline  # spaces beyond the indentation on an empty line
            blank_run += 1
            index += 1
            continue
        if len(text) - len(body) < indent:
            break
        kept.extend([""] * blank_run)
        blank_run = 0
        kept.append(text[indent:])
        last = index
        index += 1
    value = "\n".join(kept)
    if not strip and last + 1 < len(lines):  # « | » keeps one final line break, when there is one
        value += "\n"
    return value, last + 1
