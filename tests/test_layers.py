"""The layers of game/, read from the source with ``ast`` (DESIGN.md, « Rules of the house »):
no import cycle between modules, no pygame under the pure layers, no scene importing the app,
no scoring in the solo screens. Every import counts: module-level, inside a function, and under
``if TYPE_CHECKING:`` (a cycle for the type checker is a cycle for the reader)."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"

# Modules that must never reach pygame, directly or through another module of the game.
PURE = ("game.content", "game.scoring", "game.flow", "game.storage", "game.i18n", "game.session",
        "game.classroom", "game.measure", "game.stats", "game.qtypes")
# The solo screens draw the flow's results; they never score (issue 15.1).
NO_SCORING = ("game.scenes.question", "game.scenes.scenario", "game.scenes.results",
              *(f"game.scenes.classroom.{m}" for m in ("common", "setup", "item", "ask", "reveal", "overlays",
                                                        "debrief")))

# Explicit and temporary: cycles found in files outside this change (issue 15.4), each named
# exactly (the whole group) with whose files they are; the lead removes an entry once its owner
# lands the fix. A new cycle, or one of these growing, fails. Nothing else may be added here.
KNOWN_CYCLES: dict[frozenset[str], str] = {
}


# -- reading the imports -----------------------------------------------------------------------
def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(path: Path, module: str) -> set[str]:
    """Every module named by an import in ``path`` (``from a import b`` names ``a`` and, when it
    is a module, ``a.b``: the caller keeps the names that exist)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node)
            out.add(target)
            out.update(f"{target}.{alias.name}" for alias in node.names)
    return out


def import_graph(root: Path = ROOT, package: str = "game") -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(edges between the package's modules, every outside module each one imports)."""
    files = {module_name(p, root): p for p in sorted((root / package).rglob("*.py"))}
    inside: dict[str, set[str]] = {}
    outside: dict[str, set[str]] = {}
    for module, path in files.items():
        named = imports_of(path, module)
        inside[module] = set()
        outside[module] = set()
        for name in named:
            if name.split(".")[0] != package:
                outside[module].add(name.split(".")[0])
                continue
            # ``import game.a.b`` also runs game.a: the nearest existing module is the edge.
            while name and name not in files:
                name = name.rpartition(".")[0]
            if name and name != module:
                inside[module].add(name)
    return inside, outside


# -- the checks (pure functions: the planted-cycle tests feed them made-up graphs) -----------------
def find_cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (or a module importing itself),
    each sorted, by Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in graph.get(v, ()):
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(groups)


def reaches(graph: Mapping[str, Iterable[str]], outside: Mapping[str, Iterable[str]], start: str,
            target: str) -> list[str] | None:
    """The chain of modules from ``start`` to one that imports ``target`` (outside the game),
    or None when there is none."""
    seen = {start}
    queue = [[start]]
    while queue:
        chain = queue.pop(0)
        if target in outside.get(chain[-1], ()):
            return chain
        for nxt in sorted(graph.get(chain[-1], ())):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(chain + [nxt])
    return None


def in_layer(module: str, layers: Iterable[str]) -> bool:
    return any(module == layer or module.startswith(layer + ".") for layer in layers)


@pytest.fixture(scope="module")
def graph():
    return import_graph()


# -- the rules on the real game -------------------------------------------------------------------
def test_the_reader_sees_every_kind_of_import(graph):
    inside, outside = graph
    assert "game.scenes.base" in inside["game.app"]  # module level
    assert "game.scenes.context" in inside["game.scenes.base"]  # under TYPE_CHECKING
    assert "pygame" in outside["game.scenes.base"]
    assert "game.flow.solorun" in inside["game.scenes.play"]


def test_no_import_cycle(graph):
    inside, _outside = graph
    cycles = [g for g in find_cycles(inside) if frozenset(g) not in KNOWN_CYCLES]
    assert not cycles, "import cycles: " + "; ".join(" <-> ".join(g) for g in cycles)


def test_pure_layers_never_reach_pygame(graph):
    inside, outside = graph
    found = []
    for module in sorted(inside):
        if in_layer(module, PURE):
            chain = reaches(inside, outside, module, "pygame")
            if chain:
                found.append(" -> ".join(chain) + " -> pygame")
    assert not found, found


def test_no_scene_imports_the_app(graph):
    inside, _outside = graph
    offenders = sorted(m for m in inside if m.startswith("game.scenes.") and "game.app" in inside[m])
    assert not offenders, offenders


def test_solo_screens_never_score(graph):
    inside, _outside = graph
    offenders = sorted(m for m in NO_SCORING if "game.scoring" in inside[m])
    assert not offenders, offenders


def test_every_known_cycle_is_still_there(graph):
    """An entry of KNOWN_CYCLES that no longer matches a cycle must go (the list only shrinks)."""
    inside, _outside = graph
    found = {frozenset(g) for g in find_cycles(inside)}
    stale = [owner for group, owner in KNOWN_CYCLES.items() if group not in found]
    assert not stale, f"remove these fixed cycles from KNOWN_CYCLES: {stale}"


def test_the_app_implements_the_scene_context():
    """``App`` has every member the scenes may use (``Context``), so no scene needs the App."""
    from game.app import App
    from game.scenes.context import Context, Navigation

    members: set[str] = set()
    for proto in (Context, Navigation):
        members |= {n for n in vars(proto) if not n.startswith("_")}
        members |= set(proto.__annotations__)
    set_in_init = set(App.__init__.__code__.co_names)  # attributes the constructor assigns
    missing = sorted(n for n in members if not hasattr(App, n) and n not in set_in_init)
    assert not missing, missing


# -- the checker fails when it must ------------------------------------------------------------------
def test_a_planted_cycle_is_found():
    graph = {"game.a": {"game.b"}, "game.b": {"game.c"}, "game.c": {"game.a"}, "game.d": {"game.a"}}
    assert find_cycles(graph) == [["game.a", "game.b", "game.c"]]
    assert find_cycles({"game.a": {"game.a"}}) == [["game.a"]]
    assert find_cycles({"game.a": {"game.b"}, "game.b": set()}) == []


def test_a_cycle_planted_in_a_copy_of_the_game_fails_the_check(tmp_path, graph):
    """Copy game/, make the pure scoring module import a scene (function level, as the old code
    hid its cycles), and read it again: the cycle and the pygame leak are both found."""
    import shutil

    def not_source(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n == "__pycache__" or not (n.endswith(".py") or Path(folder, n).is_dir())]

    shutil.copytree(GAME, tmp_path / "game", ignore=not_source)
    scoring = tmp_path / "game" / "scoring.py"
    scoring.write_text(scoring.read_text(encoding="utf-8") + "\n\ndef _planted():\n"
                       "    from game.scenes.results import ResultsScene  # noqa: F401\n", encoding="utf-8")
    inside, outside = import_graph(tmp_path)
    cycles = find_cycles(inside)
    assert any("game.scoring" in g and "game.scenes.results" in g for g in cycles), cycles
    assert reaches(inside, outside, "game.scoring", "pygame") is not None
    clean_inside, _ = graph
    assert not [g for g in find_cycles(clean_inside) if "game.scoring" in g]


def test_a_type_checking_import_counts(tmp_path):
    pkg = tmp_path / "game"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from game.b import B\n")
    (pkg / "b.py").write_text("from game import a\n")
    inside, _ = import_graph(tmp_path)
    assert find_cycles(inside) == [["game.a", "game.b"]]


def test_starting_the_app_loads_neither_the_pads_server_nor_sqlite():
    """The first frame needs neither: the class screens (and their aiohttp server) load when the
    class mode opens, storage when a game is recorded (the start-up budget of game.bench)."""
    import os
    import subprocess
    import sys

    code = ("import sys, game.app, game.scenes.title; "
            "print(' '.join(m for m in ('aiohttp', 'game.pads', 'sqlite3') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [], f"loaded before the first frame: {done.stdout}"
