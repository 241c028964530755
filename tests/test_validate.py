"""A corpus of broken files, one defect each: the exact line, column and message."""

import shutil

import pytest

from conftest import ROOT
from game.cli import main
from game.content.loader import load_content

BROKEN = ROOT / "tests" / "broken"
NB = "\u00a0"

EXPECTED = {
    "effects_without_basis.yaml": [(11, 18, "error", f"des «{NB}effects{NB}» demandent une «{NB}basis{NB}» et une «{NB}source{NB}»")],
    "empty_text.yaml": [(5, 13, "error", f"«{NB}prompt{NB}» est vide")],
    "estimate_out_of_range.yaml": [(6, 51, "error", "la réponse 120 est hors de l'intervalle 0 – 100")],
    "figure_without_source.yaml": [
        (2, 9, "warning", f"un chiffre sans source («{NB}80 %{NB}»){NB}: ajoute «{NB}source:{NB}» avec un id de sources.yaml"),
        (5, 13, "warning", f"typographie{NB}: mets une espace insécable (U+00A0) avant «{NB}: ; ! ? %{NB}» et à l'intérieur des guillemets"),
    ],
    "missing_field.yaml": [(2, 5, "error", f"champ obligatoire manquant{NB}: «{NB}explanation{NB}»")],
    "not_utf8.yaml": [(2, 1, "error", f"le fichier n'est pas en UTF-8{NB}: enregistre-le en UTF-8")],
    "single_no_right.yaml": [(7, 7, "error", f"une question «{NB}single{NB}» a exactement une bonne réponse (ici{NB}: 0)")],
    "single_two_right.yaml": [(7, 7, "error", f"une question «{NB}single{NB}» a exactement une bonne réponse (ici{NB}: 2)")],
    "syntax_error.yaml": [(4, 1, "error", f"erreur de syntaxe YAML{NB}: found unexpected end of stream (while scanning a quoted scalar, ligne 3)")],
    "too_few_choices.yaml": [(7, 7, "error", f"1 réponse{NB}: une question en a de 2 à 6")],
    "too_many_choices.yaml": [(7, 7, "error", f"7 réponses{NB}: une question en a de 2 à 6")],
    "typography.yaml": [(5, 13, "warning", f"typographie{NB}: mets une espace insécable (U+00A0) avant «{NB}: ; ! ? %{NB}» et à l'intérieur des guillemets")],
    "unknown_axis.yaml": [(11, 20, "error", f"axe inconnu{NB}: «{NB}repare{NB}» (voir axes.yaml)")],
    "unknown_field.yaml": [
        (2, 5, "error", f"champ obligatoire manquant{NB}: «{NB}explanation{NB}»"),
        (9, 19, "error", f"champ inconnu{NB}: «{NB}explaination{NB}» (faute de frappe{NB}?)"),
    ],
    "unknown_source.yaml": [(10, 13, "error", f"source inconnue{NB}: «{NB}unicef_2099{NB}» (voir sources.yaml)")],
    "unknown_theme.yaml": [(3, 12, "error", f"thème inconnu{NB}: «{NB}nope{NB}» (voir themes.yaml)")],
    "wrong_type.yaml": [(5, 13, "error", f"«{NB}prompt{NB}» doit être un texte")],
}


def load_one(tmp_path, name, *extra):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    for n in (name, *extra):
        shutil.copy(BROKEN / n, tmp_path)
    return load_content(tmp_path)


def test_every_broken_file_is_covered():
    files = {p.name for p in BROKEN.glob("*.yaml")} - {"_registry.yaml", "duplicate_b.yaml", "duplicate_a.yaml",
                                                          "too_long.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file(tmp_path, name):
    content = load_one(tmp_path, name)
    got = sorted((i.line, i.column, i.severity, i.message) for i in content.issues)
    assert got == EXPECTED[name]
    assert all(i.path == str(tmp_path / name) for i in content.issues)


def test_registry_alone_is_clean(tmp_path):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    assert load_content(tmp_path).issues == []


def test_duplicate_id_across_files(tmp_path):
    content = load_one(tmp_path, "duplicate_a.yaml", "duplicate_b.yaml")
    [issue] = content.issues
    assert (issue.path, issue.line, issue.column) == (str(tmp_path / "duplicate_b.yaml"), 2, 9)
    assert issue.message == f"id «{NB}dup{NB}» déjà utilisé ({tmp_path / 'duplicate_a.yaml'}:2)"
    assert list(content.questions) == ["dup"]


def test_text_too_long_for_the_smallest_screen(tmp_path, capsys):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    shutil.copy(BROKEN / "too_long.yaml", tmp_path)
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    import re

    found = re.search(rf"{re.escape(str(tmp_path / 'too_long.yaml'))}:9:18: erreur{NB}: texte trop long pour un "
                      rf"écran 1024×600{NB}: raccourcis «{NB}explanation{NB}» d'environ (\d+){NB}caractères "
                      rf"\(sur (\d+)\)", out)
    assert found, out
    excess, total = int(found[1]), int(found[2])
    assert total == 1_959 and 500 < excess < total  # by how much: about half of this text must go
    assert out.strip().endswith("1 erreur, 0 avertissement, 1 questions, 0 situations, 1 métiers")


def test_warnings_fail_only_with_strict(tmp_path, capsys):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    shutil.copy(BROKEN / "typography.yaml", tmp_path)
    assert main(["validate", "--no-layout", str(tmp_path)]) == 0
    assert main(["validate", "--no-layout", "--strict", str(tmp_path)]) == 1
    assert "1 avertissement" in capsys.readouterr().out


def test_big_file_is_refused(tmp_path):
    (tmp_path / "huge.yaml").write_text("questions:\n" + "# padding\n" * 300_000, encoding="utf-8")
    content = load_content(tmp_path)
    [issue] = content.issues
    assert issue.line == 1 and "trop gros" in issue.message


def test_deep_nesting_is_refused(tmp_path):
    (tmp_path / "deep.yaml").write_text("questions: " + "[" * 40 + "]" * 40 + "\n", encoding="utf-8")
    [issue] = load_content(tmp_path).issues
    assert "imbrication trop profonde" in issue.message


def test_schema_command_describes_every_section(tmp_path):
    import json

    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert set(schema["properties"]) >= {"themes", "sources", "questions", "scenarios", "careers", "takeaways"}
    assert schema["$defs"]["Question"]["additionalProperties"] is False


def test_real_content_validates_cleanly(capsys):
    assert main(["validate", "--strict"]) == 0


def test_import_then_validate_then_export_round_trip(tmp_path, capsys):
    """A teacher's GIFT file becomes a bank that validates (asking for sources), then exports back."""
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "questions", bank)
    out = bank / "import.yaml"
    assert main(["--content", str(bank), "import", str(ROOT / "tests/fixtures/formats/sample.gift"),
                 "-o", str(out), "--theme", "fake_news"]) == 0
    printed = capsys.readouterr().out
    assert "questions importées" in printed and out.is_file()
    assert main(["validate", "--no-layout", str(bank)]) == 0
    report = capsys.readouterr().out
    assert "import.yaml" in report and "pas de source" in report
    assert main(["validate", "--no-layout", "--strict", str(bank)]) == 1
    gift = tmp_path / "out.gift"
    assert main(["export", str(bank), "-o", str(gift)]) == 0
    text = gift.read_text(encoding="utf-8")
    assert "$CATEGORY: fake_news" in text and "::obs_q01::" in text
