"""Moodle numerical and matching questions on import, ordering on export (issue 15.3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.formats.convert import export_gift, import_files, import_text, to_yaml
from game.content.loader import load_content
from game.content.models import Question
from game.qtypes.estimate import slider_for


def plain(message: str) -> str:
    return message.replace("\u00a0", " ")


def gift(text: str, name: str = "quiz.gift"):
    return import_text(text, name, "gift", "obsolescence", existing_themes={"obsolescence"}, existing_ids=())


@pytest.mark.parametrize(("spec", "answer", "tolerance"), [
    ("#42", 42, 0), ("#42:2", 42, 2), ("#40..44", 42, 2), ("#0,5:0,1", 0.5, 0.1), ("#=1822:5", 1822, 5),
])
def test_numerical_forms_become_estimates(spec, answer, tolerance) -> None:
    result = gift("::n::Combien ?{" + spec + "####Parce que.}")
    assert result.issues == []
    (q,) = result.questions
    e = q.estimate
    assert q.type == "estimate" and q.choices == [] and q.explanation == "Parce que."
    assert (e.answer, e.tolerance) == (answer, tolerance)
    # A sensible slider: the answer on a step, a step within the tolerance, not too many steps.
    assert e.min <= e.answer <= e.max and (e.max - e.min) / e.step <= 200
    assert abs((e.answer - e.min) / e.step - round((e.answer - e.min) / e.step)) < 1e-6
    assert tolerance == 0 or e.step <= tolerance
    assert e.min >= 0  # a positive answer gets no negative values


def test_slider_ranges() -> None:
    assert slider_for(42, 2) == {"min": 22, "max": 62, "step": 2, "answer": 42, "tolerance": 2}
    assert slider_for(42) == {"min": 21, "max": 63, "step": 1, "answer": 42, "tolerance": 0}
    assert slider_for(1822, 5) == {"min": 1772, "max": 1872, "step": 5, "answer": 1822, "tolerance": 5}
    assert slider_for(950, 100)["min"] == 50  # clipped at the lowest step above 0
    assert slider_for(-10, 3)["min"] < -10 < slider_for(-10, 3)["max"]
    assert slider_for(0)["max"] == 10


def test_numerical_errors_name_file_and_line() -> None:
    text = ("::a::Combien ?{#beaucoup}\n\n"
            "::b::Combien ?{#44..40}\n\n"
            "::c::Combien ?{#42:-2}\n\n"
            "::d::Combien ?{#~%50%42}\n\n"
            "::e::Combien ?{#=42:1 =%50%42:5}\n")
    result = gift(text, "nombres.gift")
    got = [(i.path, i.line, i.severity, plain(i.message)) for i in result.issues]
    assert got == [
        ("nombres.gift", 1, "error", "réponse numérique « beaucoup » illisible : écris {#42}, {#42:2} (42 à 2 près) "
                                     "ou {#40..44} : question ignorée"),
        ("nombres.gift", 3, "error", "intervalle « 44..40 » à l'envers : écris le plus petit nombre en premier : "
                                     "question ignorée"),
        ("nombres.gift", 5, "error", "marge négative dans « 42:-2 » : question ignorée"),
        ("nombres.gift", 7, "error", "aucune réponse numérique à 100 % (écris {#42}) : question ignorée"),
        ("nombres.gift", 9, "warning", "2 réponses numériques : le jeu garde la première à 100 % (42:1) et ignore les autres"),
    ]
    assert [(q.id, q.estimate.tolerance) for q in result.questions] == [("e", 1)]


def test_matching_with_ranks_becomes_an_ordering_and_other_matching_is_named() -> None:
    text = ("::ranks::Classe du plus lourd au plus léger.{\n"
            "=Le téléphone -> 3\n=Ses matières premières -> 1\n=Sa batterie -> 2\n}\n\n"
            "::pairs::Associe chaque métal à son usage.{=Cobalt -> batteries =Or -> circuits =Lithium -> écrans}\n\n"
            "::deux::Classe.{=A -> 1 =B -> 2}\n")
    result = gift(text, "assoc.gift")
    (q,) = result.questions
    assert (q.id, q.type) == ("ranks", "ordering")
    assert [c.text for c in q.choices] == ["Ses matières premières", "Sa batterie", "Le téléphone"]
    assert q.origin == "assoc.gift:1"
    got = [(i.path, i.line, plain(i.message)) for i in result.issues]
    assert got[0][:2] == ("assoc.gift", 7) and "question d'association (« -> ») non prise en charge" in got[0][2]
    assert "rang (1, 2, 3…)" in got[0][2] and got[0][2].endswith("question ignorée")
    assert got[1] == ("assoc.gift", 9, "2 éléments à classer : le jeu en classe de 3 à 6 : question ignorée")


def test_six_choices_import_and_seven_are_refused() -> None:
    six = "::six::Laquelle ?{=A ~B ~C ~D ~E ~F}\n\n::sept::Laquelle ?{=A ~B ~C ~D ~E ~F ~G}\n"
    result = gift(six)
    assert [(q.id, len(q.choices), [c.id for c in q.choices][-1]) for q in result.questions] == [("six", 6, "f")]
    assert [plain(i.message) for i in result.issues] == ["7 réponses : le jeu en affiche de 2 à 6 : question ignorée"]
    aiken = "Laquelle ?\nA) 1\nB) 2\nC) 3\nD) 4\nE) 5\nF) 6\nANSWER: F\n"
    (q,) = import_text(aiken, "q.txt", "aiken", "obsolescence", existing_themes={"obsolescence"}, existing_ids=()).questions
    assert q.right_ids == ("f",)


def _ordering() -> Question:
    return Question.model_validate({
        "id": "classe", "theme": "dechets", "type": "ordering", "prompt": "Classe du plus lourd au plus léger : ",
        "choices": [{"id": "a", "text": "Les ressources {949 kg}"}, {"id": "b", "text": "Les déchets"},
                    {"id": "c", "text": "Le téléphone"}],
        "explanation": "Dans cet ordre.", "source": "poster"})


def test_ordering_exports_as_a_description_with_the_right_order(tmp_path: Path) -> None:
    text = export_gift([_ordering()])
    lines = text.splitlines()
    assert "// classement exporté en description : GIFT n'a pas de question à classer" in [plain(x) for x in lines]
    body = next(x for x in lines if x.startswith("::classe::"))
    assert "{" not in body.replace("\\{", "") and "}" not in body.replace("\\}", "")  # a description: no answers
    assert plain(body) == ("::classe::Classe du plus lourd au plus léger \\:\\nLe bon ordre \\:\\n1. Les ressources "
                           "\\{949 kg\\}\\n2. Les déchets\\n3. Le téléphone\\nDans cet ordre.")
    # Our importer (as Moodle) reads it back as a description: named and skipped.
    path = tmp_path / "export.gift"
    path.write_text(text, encoding="utf-8")
    result = import_files([path], "dechets", existing_themes={"dechets"}, existing_ids=())
    assert result.questions == [] and "description" in plain(result.issues[0].message)


def test_imported_estimate_writes_a_yaml_the_loader_reads(tmp_path: Path) -> None:
    result = gift("::kilos::Combien de kilos ?\\n(réponse en kg){#950:100}")
    (q,) = result.questions
    assert q.prompt == "Combien de kilos ?" and q.estimate.unit == "kg"
    (tmp_path / "themes.yaml").write_text(
        "themes:\n  - id: obsolescence\n    title: O\n    short: O\n    intro: O\n", encoding="utf-8")
    (tmp_path / "import.yaml").write_text(to_yaml(result), encoding="utf-8")
    content = load_content(tmp_path)
    assert content.questions["kilos"].estimate == q.estimate
