"""Load the YAML banks of a content folder into a ``Content`` registry, item by item.

A broken item never stops the others: it is left out and reported as a ``ContentIssue``
naming the file, the line and column of the offending value, and what to fix. Loading is
``yaml.safe_load``-level only (a SafeLoader subclass that also records positions).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from pydantic import ValidationError

from game.content import fastyaml
from game.content.fastyaml import PosDict, PosList
from game.content.bank import Content, ContentIssue  # noqa: F401 - re-exported: callers import them from here
from game.content.checks import check_cards, check_texts
from game.content.measure_checks import check_measure
from game.content.models import SECTIONS
from game.i18n import N_, _

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 12
MAX_ALIASES = 100
MAX_EXPANDED_NODES = 200_000


class _Refused(Exception):
    pass


_RESOLVED: dict[tuple[str, tuple[bool, bool]], str] = {}


# libyaml's parser when PyYAML was built with it (ten times faster), the pure-Python one otherwise;
# both are SafeLoaders: only plain data, never Python objects.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PosLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that records positions and refuses alias bombs and deep nesting."""

    def construct_document(self, node):  # noqa: ANN001, ANN201
        try:
            return _Build(self)(node)
        finally:
            self.constructed_objects = {}
            self.recursive_objects = {}

    def resolve(self, kind, value, implicit):  # noqa: ANN001, ANN201
        # Plain scalars are matched against regexes one by one; the same keys come back
        # thousands of times in a bank, so the answer is remembered (bounded).
        if kind is yaml.ScalarNode and implicit[0] and len(value) < 40:
            key = (value, implicit)
            tag = _RESOLVED.get(key)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_RESOLVED) < 4096:
                    _RESOLVED[key] = tag
            return tag
        return super().resolve(kind, value, implicit)

    def construct_mapping(self, node, deep=False):  # noqa: ANN001
        """One pass: the values and, for each key, where its value starts."""
        self.flatten_mapping(node)  # « <<: *base » merge keys, as SafeLoader does
        out = PosDict()
        out.pos = (node.start_mark.line + 1, node.start_mark.column + 1)
        key_pos = out.key_pos = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                ) from None
            out[key] = self.construct_object(value_node, deep=True)
            key_pos[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        return out

    def construct_sequence(self, node, deep=False):  # noqa: ANN001
        out = PosList(super().construct_sequence(node, deep=True))
        out.pos = (node.start_mark.line + 1, node.start_mark.column + 1)
        out.item_pos = [(n.start_mark.line + 1, n.start_mark.column + 1) for n in node.value]
        return out


# -- parse cache ----------------------------------------------------------------------------
# Parsing YAML in Python costs about 0.2 ms a question; a file whose bytes have not changed is
# read back from the user's cache folder instead (like Python's own .pyc files). The key is a
# hash of the bytes and of this format's version: an edited file is always parsed again.
CACHE_VERSION = b"nej-content-2"
CACHE_FILES = 256


def cache_dir() -> Path | None:
    if os.environ.get("NEJ_NO_CACHE") == "1":
        return None
    override = os.environ.get("NEJ_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("numerique-en-jeu", appauthor=False)) / "content"


def _cache_path(raw: bytes) -> Path | None:
    folder = cache_dir()
    return folder / (hashlib.sha256(CACHE_VERSION + raw).hexdigest() + ".pickle") if folder else None


def _cache_get(raw: bytes) -> Any:
    path = _cache_path(raw)
    if path is None:
        return None
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - written by this program, named by the hash of the file
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None


def _cache_put(raw: bytes, data: Any) -> None:
    path = _cache_path(raw)
    if path is None or data is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
        entries = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-CACHE_FILES]:  # bounded: the oldest go first
            old.unlink(missing_ok=True)
    except OSError:
        pass  # no cache folder (read-only disk…): parse every time, play all the same


_STR, _INT, _FLOAT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
_MAP, _SEQ, _MERGE = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:merge"


class _Build:
    """Turn a composed node tree into PosDict / PosList / plain values, checking as it goes
    that aliases (« *nom ») do not expand into too many values and that nothing nests
    deeper than the format needs.

    The same result as SafeLoader's constructor for the types a bank uses, without its
    generic machinery (about three times faster); anything unusual (timestamps, sets, merge
    keys…) goes to SafeLoader's own constructor."""

    def __init__(self, loader: _PosLoader) -> None:
        self.loader = loader
        self.done: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}
        self.aliases = 0

    def __call__(self, node: yaml.Node, depth: int = 0) -> Any:
        if node.__class__ is yaml.ScalarNode:  # most nodes: no bookkeeping (a scalar cannot expand)
            tag = node.tag
            if tag == _STR:
                return node.value
            try:
                if tag == _INT:
                    return self.loader.construct_yaml_int(node)
                if tag == _FLOAT:
                    return self.loader.construct_yaml_float(node)
                if tag == _BOOL:
                    return self.loader.construct_yaml_bool(node)
                if tag == _NULL:
                    return None
                return self.loader.construct_object(node, deep=True)
            except (ValueError, OverflowError) as exc:  # « 0b_ », a 13th month, 5 000 digits…
                raise yaml.constructor.ConstructorError(None, None, _("valeur illisible «\u00a0{value}\u00a0» ({error})").format(
                    value=node.value[:40], error=exc), node.start_mark) from None
        key = id(node)
        if key in self.done:  # an alias: the same object, as PyYAML gives
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                _refuse(node, _("trop d'alias YAML (« *nom »)"))
            return self.done[key]
        if depth > MAX_DEPTH:
            _refuse(node, _("imbrication trop profonde"))
        tag = node.tag
        size = 1
        value: Any
        if isinstance(node, yaml.MappingNode) and tag == _MAP and not any(k.tag == _MERGE for k, _v in node.value):
            value = PosDict()
            self.done[key] = value
            value.pos = (node.start_mark.line + 1, node.start_mark.column + 1)
            key_pos = value.key_pos = {}
            sizes = self.sizes
            for key_node, value_node in node.value:
                k = self(key_node, depth + 1)
                try:
                    hash(k)
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                    ) from None
                value[k] = self(value_node, depth + 1)
                key_pos[k] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
                size += sizes.get(id(key_node), 1) + sizes.get(id(value_node), 1)
        elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            value = PosList()
            self.done[key] = value
            value.pos = (node.start_mark.line + 1, node.start_mark.column + 1)
            value.extend(self(child, depth + 1) for child in node.value)
            value.item_pos = [(c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value]
            size += sum(self.sizes.get(id(c), 1) for c in node.value)
        else:
            _check_graph(node)  # unusual nodes: the generic check, then the generic constructor
            try:
                value = self.loader.construct_object(node, deep=True)
            except (ValueError, OverflowError, TypeError) as exc:
                raise yaml.constructor.ConstructorError(None, None, _("valeur illisible ({error})").format(error=exc),
                                                        node.start_mark) from None
        if size > MAX_EXPANDED_NODES:
            _refuse(node, _("trop de valeurs une fois les alias (« *nom ») développés"))
        if size > 1:
            self.sizes[key] = size
        self.done[key] = value
        return value


def _check_graph(root: yaml.Node) -> None:
    """Refuse a document before building it when its aliases (« *nom ») would expand into too
    many values, or when it nests deeper than the format needs. Linear: each node is sized once."""
    sizes: dict[int, int] = {}
    aliases = 0
    # Iterative post-order walk: (node, depth, children pushed?)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, expanded = stack.pop()
        if expanded:
            if isinstance(node, yaml.MappingNode):
                total = 1 + sum(sizes[id(k)] + sizes[id(v)] for k, v in node.value)
            else:
                total = 1 + sum(sizes[id(v)] for v in node.value)
            if total > MAX_EXPANDED_NODES:
                _refuse(node, _("trop de valeurs une fois les alias (« *nom ») développés"))
            sizes[id(node)] = total
            continue
        if depth > MAX_DEPTH:
            _refuse(node, _("imbrication trop profonde"))
        if id(node) in sizes:
            aliases += 1
            if aliases > MAX_ALIASES:
                _refuse(node, _("trop d'alias YAML (« *nom »)"))
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[id(node)] = 1
            continue
        sizes[id(node)] = 1  # placeholder until its children are sized (PyYAML refuses cycles)
        stack.append((node, depth, True))
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else node.value
        stack.extend((child, depth + 1, False) for child in reversed(children))  # document order


def _refuse(node: yaml.Node, message: str) -> None:
    mark = node.start_mark
    raise _Refused(f"{mark.line + 1}:{mark.column + 1}:{message}")


_PosLoader.add_constructor("tag:yaml.org,2002:map", _PosLoader.construct_mapping)
_PosLoader.add_constructor("tag:yaml.org,2002:seq", _PosLoader.construct_sequence)


def position_of(node: Any, loc: tuple[Any, ...]) -> tuple[int, int]:
    """The position of the deepest value along a pydantic error location (1, 1 when unknown)."""
    pos = getattr(node, "pos", (1, 1))
    for part in loc:
        if isinstance(node, PosDict) and part in node:
            pos = node.key_pos.get(part, pos)
            node = node[part]
        elif isinstance(node, PosList) and isinstance(part, int) and 0 <= part < len(node):
            pos = node.item_pos[part]
            node = node[part]
        else:
            break
    return pos


@dataclass(eq=False)
class SourceFile:
    """A content file as the loader read it. Its positions (lines and columns) are worked out
    only when a message needs them: a first reading without them is faster and much smaller."""

    path: str
    text: str | None = None  # kept to find positions later; None when ``tree`` already has them
    tree: Any = None

    def positioned(self) -> Any:
        if self.tree is None and self.text is not None:
            self.tree = fastyaml.load(self.text)
            if self.tree is None:  # not expected (the same reader read it once): PyYAML then
                self.tree = _parse_pyyaml(self.text)
        return self.tree


class ItemRef(NamedTuple):
    """Where an item came from: its file, section and index there (a tuple: one per item)."""

    file: SourceFile
    section: str
    index: int

    def node(self) -> Any:
        """The item as parsed, with positions (None if it cannot be found)."""
        tree = self.file.positioned()
        try:
            return tree[self.section][self.index]
        except (KeyError, IndexError, TypeError):
            return None

    def position(self, loc: tuple[Any, ...]) -> tuple[int, int]:
        """Line and column of the item's field ``loc`` (as in pydantic errors)."""
        return position_of(self.node(), loc)


def _parse_pyyaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_PosLoader)  # noqa: S506 - _PosLoader is a SafeLoader
    except (yaml.YAMLError, _Refused):
        return None


def read_yaml(path: Path) -> tuple[Any, list[ContentIssue]]:
    """Parse one file, with positions; returns (data or None, issues)."""
    data, issues, _source = _read(path, positions=True)
    return data, issues


def _read(path: Path, positions: bool) -> tuple[Any, list[ContentIssue], SourceFile]:
    """(data or None, issues, the file for positions later)."""
    name = str(path)
    source = SourceFile(name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [ContentIssue(name, 1, 1, _("lecture impossible\u00a0: {error}").format(error=exc.strerror))], source
    if len(raw) > MAX_FILE_BYTES:
        return None, [ContentIssue(name, 1, 1, _("fichier trop gros (plus de 2 Mo)"))], source
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [ContentIssue(name, line, 1, _("le fichier n'est pas en UTF-8\u00a0: enregistre-le en UTF-8"))], source
    data = fastyaml.load(text, positions)  # the plain block style of the banks, read directly
    if data is not None:
        if positions:
            source.tree = data
        else:
            source.text = text
        return data, [], source
    source.tree = data = _cache_get(raw)  # anything else: PyYAML, parsed once and cached
    if data is not None:
        return data, [], source
    issues = _read_with_pyyaml(source, text, raw)
    return source.tree, issues, source


def _read_with_pyyaml(source: SourceFile, text: str, raw: bytes) -> list[ContentIssue]:
    """Parse into ``source.tree`` (and the cache); the issues when the file cannot be read."""
    name = source.path
    try:
        source.tree = yaml.load(text, Loader=_PosLoader)  # noqa: S506 - _PosLoader is a SafeLoader
        _cache_put(raw, source.tree)
        return []
    except _Refused as exc:
        line, col, message = str(exc).split(":", 2)
        return [ContentIssue(name, int(line), int(col), message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "?"
        if exc.context and exc.context_mark and exc.problem:
            problem += _(" ({context}, ligne {line})").format(context=exc.context, line=exc.context_mark.line + 1)
        return [ContentIssue(name, line, col, _("erreur de syntaxe YAML\u00a0: {problem}").format(problem=problem))]
    except yaml.YAMLError as exc:
        return [ContentIssue(name, 1, 1, _("erreur YAML\u00a0: {error}").format(error=exc))]


_PYDANTIC_FR = {
    "missing": N_("champ obligatoire manquant\u00a0: «\u00a0{field}\u00a0»"),
    "extra_forbidden": N_("champ inconnu\u00a0: «\u00a0{field}\u00a0» (faute de frappe\u00a0?)"),
    "string_type": N_("«\u00a0{field}\u00a0» doit être un texte"),
    "string_too_short": N_("«\u00a0{field}\u00a0» est vide"),
    "too_short": N_("«\u00a0{field}\u00a0» est vide"),
    "string_pattern_mismatch": N_("«\u00a0{field}\u00a0» doit être un id en minuscules (lettres, chiffres, _ . -)"),
    "int_type": N_("«\u00a0{field}\u00a0» doit être un nombre entier"),
    "int_parsing": N_("«\u00a0{field}\u00a0» doit être un nombre entier"),
    "float_type": N_("«\u00a0{field}\u00a0» doit être un nombre"),
    "float_parsing": N_("«\u00a0{field}\u00a0» doit être un nombre"),
    "bool_type": N_("«\u00a0{field}\u00a0» doit valoir true ou false"),
    "bool_parsing": N_("«\u00a0{field}\u00a0» doit valoir true ou false"),
    "list_type": N_("«\u00a0{field}\u00a0» doit être une liste"),
    "dict_type": N_("«\u00a0{field}\u00a0» doit être une table (clé\u00a0: valeur)"),
    "model_type": N_("«\u00a0{field}\u00a0» doit être une table (clé\u00a0: valeur)"),
    "literal_error": N_("«\u00a0{field}\u00a0» doit valoir {expected}"),
    "greater_than": N_("«\u00a0{field}\u00a0» doit être plus grand que {gt}"),
    "greater_than_equal": N_("«\u00a0{field}\u00a0» doit être au moins {ge}"),
}


def _message(error: dict[str, Any]) -> str:
    loc = [p for p in error["loc"] if isinstance(p, str)]
    fieldname = loc[-1] if loc else "?"
    kind = error["type"]
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    template = _PYDANTIC_FR.get(kind)
    if template is None:
        return f"« {fieldname} » : {error['msg']}"
    ctx = {k: v for k, v in (error.get("ctx") or {}).items()}
    if kind == "literal_error":  # pydantic says « 'a', 'b' or 'c' »: in the reader's language instead
        values = [_("«\u00a0{value}\u00a0»").format(value=v) for v in re.findall(r"'([^']*)'", str(ctx.get("expected")))]
        if values:
            ctx["expected"] = values[0] if len(values) == 1 else _("{items} ou {last}").format(
                items=", ".join(values[:-1]), last=values[-1])
    return _(template).format(field=fieldname, **ctx)


# What each kind of item refers to: (field, registry) pairs, checked after all files load.
_REFS = {
    "questions": lambda q: [("theme", "themes", q.theme)] + [("sources", "sources", i) for i in q.source_ids]
    + [("axes", "axes", a) for a in q.axes],
    "scenarios": lambda s: [("theme", "themes", s.theme)] + [("sources", "sources", i) for i in s.source_ids]
    + [("sources", "sources", i) for c in s.choices for i in c.source_ids]
    + [("effects", "indicators", i) for c in s.choices for i in c.effects]
    + [("axes", "axes", a) for c in s.choices for a in c.axes],
    "careers": lambda c: [("source", "sources", c.source)] + [("axes", "axes", a) for a in c.axes],
    "indicators": lambda i: [("source", "sources", i.comparison.source)] if i.comparison else [],
    "takeaways": lambda t: [("source", "sources", t.source)] + [("themes", "themes", th) for th in t.themes],
    "practices": lambda p: [("source", "sources", p.source)],
    "posts": lambda p: [("theme", "themes", p.theme)] + [("sources", "sources", i) for i in p.source_ids],
    "facts": lambda f: [("sources", "sources", i) for i in f.source_ids],
}

_UNKNOWN = {
    "themes": N_("thème inconnu\u00a0: «\u00a0{ref}\u00a0» (voir themes.yaml)"),
    "sources": N_("source inconnue\u00a0: «\u00a0{ref}\u00a0» (voir sources.yaml)"),
    "axes": N_("axe inconnu\u00a0: «\u00a0{ref}\u00a0» (voir axes.yaml)"),
    "indicators": N_("indicateur inconnu\u00a0: «\u00a0{ref}\u00a0» (voir indicators.yaml)"),
}


def content_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file()))
        else:
            files.append(p)
    return files


def load_content(paths: list[Path] | Path) -> Content:
    """Load every YAML file under ``paths``; bad items are left out and reported."""
    # Building hundreds of thousands of small objects makes the cyclic GC run again and again
    # for nothing (they are all kept): it is paused while loading, as CPython's own tools do.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_content(paths)
    finally:
        if enabled:
            gc.enable()


def _load_content(paths: list[Path] | Path) -> Content:
    if isinstance(paths, Path):
        paths = [paths]
    content = Content()
    where: dict[tuple[str, str], tuple[str, ItemRef]] = {}  # (section, id) -> (file, where in it)
    for path in content_files(paths):
        if not path.exists():
            content.issues.append(ContentIssue(str(path), 1, 1, _("fichier ou dossier introuvable")))
            continue
        data, issues, source = _read(path, positions=False)
        content.issues.extend(issues)
        if not issues and _is_empty(data):  # nothing in it: a file saved blank, or sections left empty
            content.issues.append(ContentIssue(str(path), 1, 1, _(
                "fichier vide\u00a0: il ne contient ni question, ni situation, ni rien d'autre"), "warning"))
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            content.issues.append(
                ContentIssue(str(path), 1, 1, _("le fichier doit commencer par une section comme «\u00a0questions:\u00a0»"))
            )
            continue
        for section, items in data.items():
            if section == "$schema":
                continue
            model = SECTIONS.get(section)
            if model is None or not isinstance(items, list):
                line, col = position_of(source.positioned(), (section,))
            if model is None:
                known = ", ".join(SECTIONS)
                content.issues.append(
                    ContentIssue(str(path), line, col, _("section inconnue «\u00a0{name}\u00a0» (connues\u00a0: {known})").format(
                        name=section, known=known))
                )
                continue
            if not isinstance(items, list):
                content.issues.append(ContentIssue(str(path), line, col, _("«\u00a0{name}\u00a0» doit être une liste").format(name=section)))
                continue
            registry = getattr(content, section)
            for index, node in enumerate(items):
                try:
                    item = model.model_validate(node)
                except ValidationError as exc:
                    content.skipped += 1
                    positioned = ItemRef(source, section, index).node()
                    for err in exc.errors():
                        loc = tuple(err["loc"]) + tuple(getattr((err.get("ctx") or {}).get("error"), "loc", ()))
                        eline, ecol = position_of(positioned, loc) if loc else position_of(
                            source.positioned(), (section, index))
                        content.issues.append(ContentIssue(str(path), eline, ecol, _message(err)))
                    continue
                if item.id in registry:
                    first_file, first = where[(section, item.id)]
                    first_line = position_of(first.node(), ("id",))[0]
                    eline, ecol = position_of(ItemRef(source, section, index).node(), ("id",))
                    content.skipped += 1
                    content.issues.append(ContentIssue(str(path), eline, ecol, _(
                        "id «\u00a0{id}\u00a0» déjà utilisé ({file}:{line})").format(id=item.id, file=first_file, line=first_line)))
                    continue
                registry[item.id] = item
                where[(section, item.id)] = (str(path), ItemRef(source, section, index))
    _check_references(content, where)
    content.origins = where

    content.issues.extend(check_texts(content))
    content.issues.extend(check_cards(content))
    content.issues.extend(check_measure(content))
    return content


def _is_empty(data: Any) -> bool:
    """No item at all: an empty file, only comments, ``{}``, or sections that are all ``[]``."""
    if data is None:
        return True
    return isinstance(data, dict) and all(isinstance(v, list) and not v for k, v in data.items() if k != "$schema")


def _check_references(content: Content, where: dict[tuple[str, str], tuple[str, ItemRef]]) -> None:
    """Drop items that refer to a theme, source, axis or indicator that does not exist."""
    # Indicators first: a question may not refer to them, but scenarios do.
    for section in ("indicators", "careers", "questions", "scenarios", "takeaways", "practices", "posts", "facts"):
        registry = getattr(content, section)
        for item_id in list(registry):
            item = registry[item_id]
            for fieldname, target, ref in _REFS[section](item):
                if ref not in getattr(content, target):
                    path, item_ref = where[(section, item_id)]
                    node = item_ref.node()
                    line, col = _find_value(node, ref) or position_of(node, (fieldname,))
                    content.issues.append(ContentIssue(path, line, col, _(_UNKNOWN[target]).format(ref=ref)))
                    del registry[item_id]
                    content.skipped += 1
                    break


def _find_value(node: Any, wanted: str) -> tuple[int, int] | None:
    """Where ``wanted`` appears as a value or a key below ``node`` (for reference errors)."""
    if isinstance(node, PosDict):
        for key, value in node.items():
            if key == wanted:
                return node.key_pos.get(key)
            if value == wanted:
                return node.key_pos.get(key)
            found = _find_value(value, wanted)
            if found:
                return found
    elif isinstance(node, PosList):
        for i, value in enumerate(node):
            if value == wanted:
                return node.item_pos[i]
            found = _find_value(value, wanted)
            if found:
                return found
    return None
