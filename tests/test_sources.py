"""Several sources on an item (« sources: [a, b] »), next to the single « source: a » (issue 14.6)."""

import shutil
import textwrap

from conftest import ROOT
from game.cli import main
from game.content.formats.convert import export_gift
from game.content.loader import load_content

BROKEN = ROOT / "tests" / "broken"
NB = "\u00a0"

REGISTRY_EXTRA = """\
sources:
  - {id: s2, organisation: "Arcep", title: "Baromètre", year: 2023, cited_in: poster}
indicators:
  - {id: people, label: "Personnes", unit: "", lower_is_better: false}
"""

QUESTION = """\
questions:
  - id: q
    theme: t
    type: single
    prompt: "P"
    choices:
      - {id: a, text: "A", correct: true}
      - {id: b, text: "B"}
    explanation: "E"
    SOURCES
"""


def bank(tmp_path, text, name="bank.yaml"):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    (tmp_path / "extra.yaml").write_text(REGISTRY_EXTRA, encoding="utf-8")
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return load_content(tmp_path)


def issues(content):
    return sorted((i.line, i.column, i.severity, i.message) for i in content.issues)


def test_a_question_may_name_several_sources(tmp_path):
    content = bank(tmp_path, QUESTION.replace("SOURCES", "sources: [s2, s]"))
    assert issues(content) == []
    q = content.questions["q"]
    assert q.source_ids == ("s2", "s")
    assert q.source == "s2"  # screens that show one source show the first
    assert [s.id for s in content.sources_of(q)] == ["s2", "s"]


def test_block_list_of_sources(tmp_path):
    content = bank(tmp_path, QUESTION.replace("SOURCES", "sources:\n      - s\n      - s2"))
    assert issues(content) == []
    assert content.questions["q"].source_ids == ("s", "s2")


def test_single_source_still_reads(tmp_path):
    content = bank(tmp_path, QUESTION.replace("SOURCES", "source: s"))
    assert issues(content) == []
    assert content.questions["q"].source_ids == ("s",)
    assert content.questions["q"].sources is None


def test_unknown_id_in_sources_is_an_error_at_its_place(tmp_path):
    content = bank(tmp_path, QUESTION.replace("SOURCES", "sources: [s, nope]"))
    assert issues(content) == [(10, 18, "error", f"source inconnue{NB}: «{NB}nope{NB}» (voir sources.yaml)")]
    assert content.issues[0].path == str(tmp_path / "bank.yaml")
    assert "q" not in content.questions


def test_source_and_sources_together_is_an_error(tmp_path):
    content = bank(tmp_path, QUESTION.replace("SOURCES", "source: s\n    sources: [s2]"))
    assert issues(content) == [(10, 13, "error", f"«{NB}source{NB}» et «{NB}sources{NB}» ensemble{NB}: mets tous "
                                f"les ids dans «{NB}sources: [a, b]{NB}» et retire «{NB}source{NB}»")]


def test_a_source_named_twice_or_an_empty_list_is_an_error(tmp_path):
    twice = bank(tmp_path, QUESTION.replace("SOURCES", "sources: [s, s2, s]"))
    assert issues(twice) == [(10, 22, "error", f"source «{NB}s{NB}» citée deux fois")]
    empty = bank(tmp_path, QUESTION.replace("SOURCES", "sources: []"))
    assert issues(empty) == [(10, 14, "error", f"«{NB}sources{NB}» est vide")]
    bad_id = bank(tmp_path, QUESTION.replace("SOURCES", "sources: [s, Pas Un Id]"))
    assert issues(bad_id) == [(10, 18, "error", f"«{NB}sources{NB}» doit être un id en minuscules (lettres, chiffres, _ . -)")]


def test_no_warning_about_a_missing_source_when_sources_are_given(tmp_path):
    content = bank(tmp_path, QUESTION.replace("SOURCES", "sources: [s]").replace('"E"', '"80\u00a0% des cas."'))
    assert issues(content) == []


SCENARIO = """\
scenarios:
  - id: card
    theme: t
    title: "T"
    situation: "S"
    CARD
    choices:
      - id: a
        text: "A"
        consequence: "C"
        effects: {co2e: -5}
        basis: "B"
        CHOICE
      - {id: b, text: "B", consequence: "C", effects: {co2e: 3, people: 2}, basis: "B", source: s}
"""


def test_scenario_card_and_choice_take_several_sources(tmp_path):
    content = bank(tmp_path, SCENARIO.replace("CARD", "sources: [s, s2]").replace("CHOICE", "sources: [s2, s]"))
    assert issues(content) == []
    card = content.scenarios["card"]
    assert card.source_ids == ("s", "s2") and card.source == "s"
    assert card.choices[0].source_ids == ("s2", "s") and card.choices[1].source_ids == ("s",)


def test_scenario_choice_effects_are_sourced_by_sources(tmp_path):
    content = bank(tmp_path, SCENARIO.replace("CARD", "source: s").replace("CHOICE", "sources: [s2]"))
    assert issues(content) == []


def test_scenario_card_needs_a_source_or_sources(tmp_path):
    content = bank(tmp_path, SCENARIO.replace("CARD", "debate: \"D\"").replace("CHOICE", "source: s"))
    assert issues(content) == [(2, 5, "error", f"champ obligatoire manquant{NB}: «{NB}source{NB}»")]


def test_unknown_id_in_a_choice_sources(tmp_path):
    content = bank(tmp_path, SCENARIO.replace("CARD", "source: s").replace("CHOICE", "sources: [s2, nope]"))
    assert issues(content) == [(13, 23, "error", f"source inconnue{NB}: «{NB}nope{NB}» (voir sources.yaml)")]


def test_gift_export_names_every_source(tmp_path):
    content = bank(tmp_path, QUESTION.replace("SOURCES", "sources: [s2, s]"))
    lines = export_gift(list(content.questions.values()), content.themes, content.sources).splitlines()
    assert lines[lines.index("// question: q") + 1] == "// sources: s2 (Arcep, 2023); s (O, 2025)"
    bare = export_gift(list(content.questions.values()), content.themes).splitlines()
    assert bare[bare.index("// question: q") + 1] == "// sources: s2; s"


def test_validate_prints_the_unknown_source_with_file_and_line(tmp_path, capsys):
    bank(tmp_path, QUESTION.replace("SOURCES", "sources: [s, nope]"))
    assert main(["validate", "--no-layout", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'bank.yaml'}:10:18: erreur{NB}: source inconnue{NB}: «{NB}nope{NB}»" in out
