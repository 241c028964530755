"""The author guide (docs/guide-auteur.md) stays true to the code.

- Every YAML block marked ``<!-- exemple complet -->`` is a bank file: loaded together with the
  real questions/ folder (so that « obsolescence » or « talk_lamelee_2025 » resolve), it gives
  no error and no warning, and its texts fit the smallest screen.
- The translation example, the « validate » output and the import result shown in the guide are
  produced again here and compared with the guide, character for character.
- Each section of ``game.content.models.SECTIONS``, and each nested model (answers, estimate,
  scenario choices, comparison), has a reference table in the guide listing exactly its fields,
  with the right « required » column: a field added to a model fails this test until documented.
- The limits the guide quotes (ids, answers, loader, Kahoot) are read from the code.

The checks are functions returning a list of problems, so that the last tests can show that
each of them does catch a broken guide.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import typing
from pathlib import Path

import yaml
from conftest import QUESTIONS, ROOT
from pydantic import BaseModel

from game.content import loader
from game.content.checks import texts_of
from game.content.formats import kahoot
from game.content.formats.convert import import_files, to_yaml
from game.content.loader import Content, load_content
from game.content.models import MAX_CHOICES, MIN_CHOICES, SECTIONS, Estimate, IdStr
from game.content.translate import CHOICE_FIELDS, TEXT_FIELDS, apply, missing_translations, read_translations

GUIDE = ROOT / "docs" / "guide-auteur.md"
COMPLETE = "exemple complet"
MODELINE = "# yaml-language-server: $schema=../docs/content.schema.json"
MAX_WORDS = 25  # « des phrases courtes : 25 mots au plus »
# Fields no example needs to show: an invented URL would be worse than none.
NOT_IN_EXAMPLES = {("sources", "url")}


# ------------------------------------------------------------------------------- reading the guide


def guide_text() -> str:
    assert GUIDE.is_file(), f"{GUIDE} is missing"
    return GUIDE.read_text(encoding="utf-8")


FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w-]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.DOTALL | re.MULTILINE)
MARKER = re.compile(r"<!--\s*(.*?)\s*-->\s*$")


class Block(typing.NamedTuple):
    marker: str | None  # the HTML comment on the line just before the fence, if any
    lang: str
    body: str
    line: int  # 1-based line of the opening fence, for messages


def blocks(text: str) -> list[Block]:
    out = []
    for m in FENCE.finditer(text):
        indent = len(m.group("indent"))
        body = "".join(line[indent:] if line[:indent].strip() == "" else line
                       for line in m.group("body").splitlines(keepends=True))
        before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        found = MARKER.search(before)
        out.append(Block(found.group(1) if found else None, m.group("lang"), body, text.count("\n", 0, m.start()) + 1))
    return out


def marked(text: str, prefix: str) -> list[Block]:
    return [b for b in blocks(text) if b.marker and b.marker.startswith(prefix)]


def complete_examples(text: str) -> list[Block]:
    return [b for b in blocks(text) if b.marker == COMPLETE]


def write_examples(text: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, block in enumerate(complete_examples(text), start=1):
        path = folder / f"exemple_{i:02d}_ligne_{block.line}.yaml"
        path.write_text(block.body, encoding="utf-8")
        paths.append(path)
    return paths


def load_examples(text: str, folder: Path) -> tuple[Content, list[Path]]:
    """The real bank plus the guide's complete examples, as the game would load them."""
    paths = write_examples(text, folder)
    return load_content([QUESTIONS, folder]), paths


def example_problems(text: str, folder: Path) -> list[str]:
    """Every issue (error or warning) the loader reports in the guide's complete examples, and
    every example item that did not make it into the loaded content."""
    content, paths = load_examples(text, folder)
    mine = {str(p) for p in paths}
    problems = [str(i) for i in content.issues if i.path in mine]
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section, items in data.items():
            for item in items or []:
                where = content.origins.get((section, item.get("id")), ("?",))[0]
                if where != str(path):
                    problems.append(f"{path.name}: {section} « {item.get('id')} » not loaded from the example")
    return problems


def example_items(content: Content, folder: Path) -> dict[str, dict[str, typing.Any]]:
    """section -> id -> item, for the items that come from the example files."""
    out: dict[str, dict[str, typing.Any]] = {}
    for (section, item_id), (path, _node) in content.origins.items():
        item = getattr(content, section).get(item_id)  # None: dropped for a bad reference
        if Path(path).parent == folder and item is not None:
            out.setdefault(section, {})[item_id] = item
    return out


# ------------------------------------------------------------------------- the models' fields


def nested_models(annotation: typing.Any) -> list[type[BaseModel]]:
    """The pydantic models inside an annotation: ``list[Choice]``, ``Estimate | None``…"""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in nested_models(arg)]


def model_paths() -> dict[str, type[BaseModel]]:
    """« questions » → Question, « questions.choices » → Choice, « questions.estimate » → Estimate…"""
    out: dict[str, type[BaseModel]] = {}

    def walk(path: str, model: type[BaseModel]) -> None:
        out[path] = model
        for name, info in model.model_fields.items():
            for sub in nested_models(info.annotation):
                walk(f"{path}.{name}", sub)

    for section, model in SECTIONS.items():
        walk(section, model)
    return out


def literal_values(annotation: typing.Any) -> list[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return [str(v) for v in typing.get_args(annotation)]
    return [v for arg in typing.get_args(annotation) for v in literal_values(arg)]


def shown_default(default: typing.Any) -> str | None:
    """How a meaningful default is written in the guide (`true`, `college`, `0`), else None."""
    if default is None or default in ("", [], {}) or repr(default) == "PydanticUndefined":
        return None
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, float):
        return f"{default:g}"
    return str(default)


def reference_tables(text: str) -> dict[str, list[list[str]]]:
    """« <!-- champs: questions.choices --> » → the rows of the table that follows it."""
    tables: dict[str, list[list[str]]] = {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = re.fullmatch(r"\s*<!--\s*champs:\s*([\w.]+)\s*-->\s*", line)
        if not m:
            continue
        rows = []
        for row in lines[i + 1:]:
            if not row.startswith("|"):
                break
            rows.append([c.strip() for c in row.strip().strip("|").split("|")])
        assert m.group(1) not in tables, f"two tables for {m.group(1)}"
        tables[m.group(1)] = rows[2:]  # without the header and the |---| line
    return tables


def table_problems(text: str) -> list[str]:
    """What the reference tables get wrong about the models."""
    problems = []
    tables = reference_tables(text)
    paths = model_paths()
    for extra in sorted(set(tables) - set(paths)):
        problems.append(f"table « {extra} » documents a model that does not exist")
    for path, model in paths.items():
        rows = tables.get(path)
        if rows is None:
            problems.append(f"no table <!-- champs: {path} --> for {model.__name__}")
            continue
        by_name = {}
        for row in rows:
            name = re.fullmatch(r"`([^`]+)`", row[0])
            if not name or len(row) < 5:
                problems.append(f"{path}: malformed row {row}")
                continue
            by_name[name.group(1)] = row
        fields = model.model_fields
        for missing in sorted(set(fields) - set(by_name)):
            problems.append(f"{path}: field « {missing} » is not documented")
        for stale in sorted(set(by_name) - set(fields)):
            problems.append(f"{path}: documented field « {stale} » does not exist")
        for name, info in fields.items():
            row = by_name.get(name)
            if row is None:
                continue
            required = row[2].split()[0].lower() if row[2] else ""
            if required not in ("oui", "non"):
                problems.append(f"{path}.{name}: « Obligatoire » must start with oui or non, not {row[2]!r}")
            elif (required == "oui") != info.is_required():
                problems.append(f"{path}.{name}: documented as {required!r}, the model says "
                                f"{'required' if info.is_required() else 'optional'}")
            whole = " | ".join(row)
            for value in literal_values(info.annotation):
                if f"`{value}`" not in whole:
                    problems.append(f"{path}.{name}: allowed value `{value}` not listed")
            default = shown_default(info.default)
            if default is not None and f"`{default}`" not in whole:
                problems.append(f"{path}.{name}: default `{default}` not given")
    return problems


def field_name_problems(text: str) -> list[str]:
    """Every field of every model (nested ones included) is named in the guide as `name`."""
    return [f"{path}.{name} is never written as `{name}`"
            for path, model in model_paths().items() for name in model.model_fields
            if f"`{name}`" not in text and not re.search(rf"^\s*-?\s*{re.escape(name)}:", text, re.MULTILINE)]


# ----------------------------------------------------------------------------------- the tests


def test_guide_has_every_kind_of_example():
    text = guide_text()
    examples = complete_examples(text)
    assert len(examples) >= 9
    for block in examples:
        assert block.lang == "yaml", f"line {block.line}: a complete example is a ```yaml block"
        assert block.body.startswith(MODELINE + "\n"), f"line {block.line}: the first line must be the $schema line"
    sections = set()
    types = set()
    for block in examples:
        data = yaml.safe_load(block.body)
        sections |= set(data)
        types |= {q["type"] for q in data.get("questions", [])}
    assert types == {"single", "multiple", "truefalse", "estimate", "ordering"}
    assert {"themes", "sources", "careers", "questions", "scenarios", "takeaways"} <= sections


def test_every_yaml_block_is_valid_yaml():
    for block in blocks(guide_text()):
        if block.lang == "yaml":
            yaml.safe_load(block.body)  # raises with the line inside the block


def test_complete_examples_load_with_the_real_bank_without_any_issue(tmp_path):
    assert example_problems(guide_text(), tmp_path / "exemples") == []


def test_examples_show_every_field(tmp_path):
    """Together, the guide's YAML blocks use every field of every model at least once."""
    used: set[tuple[str, str]] = set()

    def collect(path: str, node: typing.Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                used.add((path, key))
                collect(f"{path}.{key}", value)
        elif isinstance(node, list):
            for value in node:
                collect(path, value)

    for block in blocks(guide_text()):
        if block.lang == "yaml" and block.marker != "exemple traduction":
            data = yaml.safe_load(block.body)
            for section, items in (data or {}).items():
                if section in SECTIONS:
                    collect(section, items)
    missing = {(path, name) for path, model in model_paths().items() for name in model.model_fields} - used
    assert missing == NOT_IN_EXAMPLES


def test_complete_examples_fit_the_smallest_screen(tmp_path):
    from game.fitcheck import check_fit

    folder = tmp_path / "exemples"
    content, _paths = load_examples(guide_text(), folder)
    mine = example_items(content, folder)
    questions, scenarios = mine.get("questions", {}), mine.get("scenarios", {})
    themes = {t: content.themes[t] for t in {i.theme for i in [*questions.values(), *scenarios.values()]}}
    themes.update(mine.get("themes", {}))
    subset = Content(themes=themes, sources=content.sources, axes=content.axes, indicators=content.indicators,
                     careers=mine.get("careers", {}), questions=questions, scenarios=scenarios,
                     takeaways=mine.get("takeaways", {}), origins=content.origins)
    issues = [str(i) for i in check_fit(subset) if Path(i.path).parent == folder]
    assert issues == []


def test_example_texts_follow_the_writing_rules(tmp_path):
    folder = tmp_path / "exemples"
    content, _paths = load_examples(guide_text(), folder)
    long = []
    for section, items in example_items(content, folder).items():
        for item in items.values():
            texts = [t for _loc, t in texts_of(section, item)]
            texts += [c.basis for c in getattr(item, "choices", []) if getattr(c, "basis", None)]
            for text in texts:
                for sentence in re.split(r"(?<=[.!?…])\s+", text):
                    words = [w for w in re.split(r"\s+", sentence) if re.search(r"\w", w)]
                    if len(words) > MAX_WORDS:
                        long.append(f"{section}/{item.id}: {len(words)} mots : {sentence}")
    assert long == []


def test_example_careers_follow_the_careers_rules(tmp_path):
    from game.scoring import similarity

    folder = tmp_path / "exemples"
    content, _paths = load_examples(guide_text(), folder)
    careers = example_items(content, folder).get("careers", {})
    assert careers
    for career in careers.values():
        assert set(career.axes) == set(content.axes), "a career weighs every axis"
        assert all(0 <= w <= 1 for w in career.axes.values())
        for other in content.careers.values():
            if other.id != career.id:
                assert similarity(career.axes, other.axes) < 0.9, (career.id, other.id)


def test_guide_lists_every_profile_axis(real_content):
    """The careers step names the axes a career must weigh: all of the game's, and how many."""
    text = guide_text()
    step = text[text.index("### 7.3"):text.index("### 7.4")]
    sentence = step[step.index("chacun des"):step.index("Mettez 1.0")]
    assert set(re.findall(r"`([a-z_]+)`", sentence)) == set(real_content.axes)
    words = {4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix"}
    assert f"chacun des {words[len(real_content.axes)]} axes" in sentence


def test_section_and_translation_tables_are_complete():
    text = guide_text()
    files = text[text.index("## 2."):text.index("## 3.")]
    assert set(re.findall(r"^\| `(\w+)` \|", files, re.MULTILINE)) == set(SECTIONS)
    table = text[text.index("Les textes traduisibles"):text.index("## 10.")]
    rows = {m.group(1): set(re.findall(r"`(\w+)`", m.group(2)))
            for m in re.finditer(r"^\| `(\w+)` \| (.*) \|$", table, re.MULTILINE)}
    assert set(rows) == set(TEXT_FIELDS)
    for section, fields in TEXT_FIELDS.items():
        expected = set(fields) | set(CHOICE_FIELDS.get(section, ()))
        assert expected <= rows[section], (section, expected - rows[section])


def test_translation_example_translates_the_examples(tmp_path):
    text = guide_text()
    [block] = marked(text, "exemple traduction")
    folder = tmp_path / "exemples"
    content, _paths = load_examples(text, folder)
    root = tmp_path / "locales"
    (root / "en" / "content").mkdir(parents=True)
    (root / "en" / "content" / "ex_exemples.yaml").write_text(block.body, encoding="utf-8")
    table, issues = read_translations("en", root)
    assert issues == [] and table
    english = apply(content, "en", root)
    subset = Content(origins=content.origins)
    for section, entries in table.items():
        for item_id, fields in entries.items():
            item = getattr(content, section).get(item_id)
            assert item is not None, f"the translation names « {item_id} », which no example defines"
            allowed = set(TEXT_FIELDS[section]) | {"choices", "estimate", "comparison"}
            assert set(fields) <= allowed, set(fields) - allowed
            choice_ids = {c.id for c in getattr(item, "choices", [])}
            for choice_id, choice_fields in (fields.get("choices") or {}).items():
                assert choice_id in choice_ids, choice_id
                assert set(choice_fields) <= set(CHOICE_FIELDS[section])
            translated = getattr(english, section)[item_id]
            for name in TEXT_FIELDS[section]:
                if name in fields:
                    assert getattr(translated, name) == fields[name]
            getattr(subset, section)[item_id] = item
    # The example translates its items completely: nothing is left in French.
    assert [str(i) for i in missing_translations(subset, "en", root)] == []


def test_validate_output_shown_in_the_guide(tmp_path, monkeypatch):
    from game.cli import main

    text = guide_text()
    [wrong] = marked(text, "exemple erreur:")
    [shown] = marked(text, "sortie:")
    name = wrong.marker.split(":", 1)[1].strip()
    argv = shlex.split(shown.marker.split(":", 1)[1])
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(wrong.body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    assert code == 1  # the guide says: 1 when there is an error
    assert out.getvalue() == shown.body


def test_import_example_gives_the_yaml_shown(tmp_path):
    text = guide_text()
    gift = {b.marker.split(":", 1)[1].strip(): b for b in marked(text, "exemple import:")}
    [result] = marked(text, "résultat import:")
    args = shlex.split(result.marker.split(":", 1)[1])
    source_name, theme = args[0], args[args.index("--theme") + 1]
    source = tmp_path / source_name
    source.write_text(gift[source_name].body, encoding="utf-8")
    imported = import_files([source], theme, existing_themes={theme}, existing_ids=())
    assert [str(i) for i in imported.errors] == []
    assert to_yaml(imported) == result.body

    # Loaded next to the real bank: no error, and « validate » asks for a source for each question.
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "quiz.yaml").write_text(result.body, encoding="utf-8")
    content = load_content([QUESTIONS, bank])
    mine = [i for i in content.issues if i.path == str(bank / "quiz.yaml")]
    assert [str(i) for i in mine if i.severity == "error"] == []
    for q in imported.questions:
        line = content.locate("questions", q.id, ("id",))[1]
        assert any(i.line == line and "source" in i.message for i in mine), q.id


def test_aiken_example_imports():
    text = guide_text()
    [aiken] = [b for b in marked(text, "exemple import:") if b.marker.endswith(".aiken.txt")]
    from game.content.formats.convert import import_text

    result = import_text(aiken.body, "quiz.aiken.txt", "aiken", "obsolescence",
                         existing_themes={"obsolescence"}, existing_ids=())
    assert result.issues == []
    assert [q.type for q in result.questions] == ["single", "truefalse"]


def test_reference_tables_match_the_models():
    assert table_problems(guide_text()) == []


def test_guide_names_every_field_of_every_model():
    assert field_name_problems(guide_text()) == []


def test_guide_quotes_the_real_limits():
    text = guide_text()
    nnbsp = "\u202f"

    def big(n: int) -> str:
        return f"{n:,}".replace(",", nnbsp)

    pattern = next(m.pattern for m in IdStr.metadata if hasattr(m, "pattern"))
    max_length = next(m.max_length for m in IdStr.metadata if hasattr(m, "max_length"))
    assert f"`{pattern}`" in text
    assert f"{max_length} caractères au plus" in text
    assert f"de {MIN_CHOICES} à {MAX_CHOICES} réponses" in text
    # The estimate's step limit is not a constant: found by trying.
    steps = next(n for n in range(1, 10_000) if _too_many_steps(n))
    assert f"{steps - 1} crans au plus" in text
    assert f"{loader.MAX_FILE_BYTES // (1024 * 1024)} Mo au plus ({big(loader.MAX_FILE_BYTES)} octets)" in text
    assert f"{loader.MAX_DEPTH} niveaux au plus" in text
    assert f"{loader.MAX_ALIASES} alias par fichier au plus" in text
    assert f"{big(loader.MAX_EXPANDED_NODES)} au plus" in text
    kahoot_mb = kahoot.MAX_FILE_BYTES // (1024 * 1024)
    assert f"{kahoot_mb} Mo, {big(kahoot.MAX_ROWS)} lignes et {kahoot.MAX_COLUMNS} colonnes" in text
    assert f"{kahoot.HEADER_SEARCH_ROWS} premières lignes" in text
    assert f"questions à {kahoot.MAX_QUESTION} caractères et les réponses à {kahoot.MAX_ANSWER}" in text


def _too_many_steps(n: int) -> bool:
    try:
        Estimate(min=0, max=n, step=1, answer=0)
    except ValueError:
        return True
    return False


def test_guide_documents_every_option_of_the_author_commands():
    import argparse

    from game.cli import build_parser

    text = guide_text()
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = []
    for command in ("validate", "import", "export", "schema"):
        assert f"python main.py {command}" in text
        for action in sub.choices[command]._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help") and f"{option}" not in text:
                    missing.append(f"{command} {option}")
    assert missing == []


# ------------------------------------------------- the checks above do catch a broken guide


def test_a_broken_example_is_caught(tmp_path):
    text = guide_text()
    single = next(b for b in complete_examples(text) if "type: single" in b.body)
    broken_body = single.body.replace('text: "Environ 6 kg"', 'text: "Environ 6 kg"\n        correct: true', 1)
    assert broken_body != single.body
    broken = text.replace(single.body, broken_body, 1)
    problems = example_problems(broken, tmp_path / "exemples")
    assert any("exactement une bonne réponse" in p for p in problems)
    assert any("not loaded" in p for p in problems)


def test_a_typography_slip_in_an_example_is_caught(tmp_path):
    text = guide_text()
    broken = text.replace("Vrai ou faux\u00a0: en général", "Vrai ou faux : en général", 1)
    assert broken != text
    assert any("typographie" in p for p in example_problems(broken, tmp_path / "exemples"))


def test_a_field_missing_from_a_table_is_caught():
    text = guide_text()
    row = next(line for line in text.splitlines() if line.startswith("| `tolerance` |"))
    problems = table_problems(text.replace(row + "\n", "", 1))
    assert problems == ["questions.estimate: field « tolerance » is not documented"]


def test_a_wrong_required_column_is_caught():
    text = guide_text()
    row = next(line for line in text.splitlines() if line.startswith("| `day` |"))
    problems = table_problems(text.replace(row, row.replace("| non |", "| oui |", 1), 1))
    assert problems == ["careers.day: documented as 'oui', the model says optional"]


def test_a_new_model_field_is_caught(monkeypatch):
    from game.content.models import Takeaway

    class TakeawayWithVideo(Takeaway):
        video: str | None = None

    monkeypatch.setitem(SECTIONS, "takeaways", TakeawayWithVideo)
    text = guide_text()
    assert table_problems(text) == ["takeaways: field « video » is not documented"]
    assert field_name_problems(text) == ["takeaways.video is never written as `video`"]
