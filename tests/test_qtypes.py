"""Question types in one place (issue 15.3): the registry, each type's scoring, ordering's
partial credit and display order, the facilitator's keys, the words of the results."""

from __future__ import annotations

import ast
import random
import typing
from pathlib import Path

import pytest
import yaml

from game import scoring
from game.content.loader import load_content
from game.content.models import Question
from game.qtypes import TYPES, FieldError, qtype
from game.session import choice_order

ROOT = Path(__file__).resolve().parent.parent
QTYPES = ROOT / "game" / "qtypes"


def q(**data) -> Question:
    base = {"id": "q", "theme": "t", "prompt": "Question ?", "explanation": "Parce que.", "source": "s"}
    return Question.model_validate(base | data)


def ordering(n: int = 4) -> Question:
    return q(type="ordering", choices=[{"id": f"i{k}", "text": f"Élément {k}"} for k in range(1, n + 1)])


SINGLE = dict(type="single", choices=[{"id": "a", "text": "A", "correct": True}, {"id": "b", "text": "B"}])
MULTIPLE = dict(type="multiple", choices=[{"id": "a", "text": "A", "correct": True},
                                          {"id": "b", "text": "B", "correct": True}, {"id": "c", "text": "C"}])
TRUEFALSE = dict(type="truefalse", choices=[{"id": "vrai", "text": "Vrai"}, {"id": "faux", "text": "Faux", "correct": True}])
ESTIMATE = dict(type="estimate", estimate={"min": 0, "max": 100, "step": 5, "answer": 40, "tolerance": 5, "unit": "%"})


# ------------------------------------------------------------------------------- registry

def test_every_type_of_the_model_has_its_module() -> None:
    literal = typing.get_args(Question.model_fields["type"].annotation)
    assert set(literal) == set(TYPES)
    for type_id in literal:
        assert (QTYPES / f"{type_id}.py").is_file(), type_id
        assert qtype(type_id).id == type_id
    with pytest.raises(KeyError):
        qtype("matching")


def test_qtypes_import_neither_pygame_nor_the_models() -> None:
    for path in QTYPES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith("pygame"), path.name
                assert not name.startswith(("game.content", "game.scoring", "game.session")), (path.name, name)


# ------------------------------------------------------------------------------- scoring

def test_single_truefalse_estimate_scoring() -> None:
    single = q(**SINGLE)
    assert scoring.is_correct(single, ["a"]) and not scoring.is_correct(single, ["b"])
    assert scoring.credit(single, ["a"]) == 1.0 and scoring.credit(single, ["b"]) == 0.0
    tf = q(**TRUEFALSE)
    assert scoring.answer_question(tf, ["faux"]).correct
    est = q(**ESTIMATE)
    assert scoring.is_correct(est, value=45) and scoring.is_correct(est, value=35)
    assert not scoring.is_correct(est, value=50) and not scoring.is_correct(est, value=None)


def test_multiple_partial_credit_and_sorted_answer() -> None:
    multiple = q(**MULTIPLE)
    assert scoring.credit(multiple, ["a"]) == 0.5
    assert scoring.credit(multiple, ["a", "c"]) == 0.0  # a wrong box cancels a right one
    assert scoring.credit(multiple, ["a", "b", "c"]) == 0.5
    answer = scoring.answer_question(multiple, ["b", "a"])
    assert answer.choice_ids == ("a", "b") and answer.correct


@pytest.mark.parametrize(("answer", "credit"), [
    (("i1", "i2", "i3", "i4"), 1.0),  # 6 pairs of 6
    (("i2", "i1", "i3", "i4"), 5 / 6),  # one swap of neighbours: 5 pairs right
    (("i1", "i2", "i4", "i3"), 5 / 6),
    (("i4", "i3", "i2", "i1"), 0.0),  # reversed: every pair wrong
    (("i2", "i3", "i4", "i1"), 3 / 6),  # the first one last: the 3 pairs with it are wrong
    (("i1", "i2", "i3"), 0.0),  # not every item placed
    (("i1", "i1", "i2", "i3"), 0.0),
])
def test_ordering_credit_counts_pairs_in_the_right_order(answer, credit) -> None:
    question = ordering(4)
    assert scoring.credit(question, answer) == pytest.approx(credit)
    assert scoring.is_correct(question, answer) == (credit == 1.0 and len(answer) == 4)


def test_ordering_answer_keeps_the_players_order_and_earns_its_share_of_the_profile(mini_content) -> None:
    question = ordering(3).model_copy(update={"axes": {"eco_design": 1.0}})
    answer = scoring.answer_question(question, ["i2", "i1", "i3"])
    assert answer.choice_ids == ("i2", "i1", "i3") and answer.correct is False
    content = mini_content.__class__(questions={question.id: question}, axes=mini_content.axes)
    assert scoring.profile(content, [answer])["eco_design"] == pytest.approx(2 / 3)
    right = scoring.answer_question(question, ["i1", "i2", "i3"])
    assert scoring.profile(content, [right])["eco_design"] == pytest.approx(1.0)
    # Set types are unchanged: a wrong answer earns nothing.
    single = q(**SINGLE, axes={"eco_design": 1.0})
    content = mini_content.__class__(questions={single.id: single}, axes=mini_content.axes)
    assert scoring.profile(content, [scoring.answer_question(single, ["b"])])["eco_design"] == 0.0


# ------------------------------------------------------------------------------- model

@pytest.mark.parametrize(("data", "loc", "words"), [
    (dict(type="ordering", choices=[{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]), ("choices",), "de 3 à 6"),
    (dict(type="ordering", choices=[{"id": k, "text": k} for k in "abcdefg"]), ("choices",), "7 éléments"),
    (dict(type="ordering", choices=[{"id": "a", "text": "A", "correct": True}, {"id": "b", "text": "B"},
                                    {"id": "c", "text": "C"}]), ("choices", 0, "correct"), "pas de «\u00a0correct\u00a0»"),
    (dict(type="ordering", order="fixed", choices=[{"id": k, "text": k} for k in "abc"]), ("order",), "toujours mélangée"),
    (dict(type="single", choices=[{"id": k, "text": k, "correct": k == "a"} for k in "abcdefg"]), ("choices",), "de 2 à 6"),
])
def test_type_checks_name_the_field(data, loc, words) -> None:
    with pytest.raises(Exception) as info:
        q(**data)
    err = info.value.errors()[0]
    assert words in err["msg"]
    assert isinstance(err["ctx"]["error"], FieldError) and err["ctx"]["error"].loc == loc


def test_six_choices_are_accepted() -> None:
    six = q(type="multiple", choices=[{"id": k, "text": k.upper(), "correct": k in "ab"} for k in "abcdef"])
    assert len(six.choices) == 6 and six.right_ids == ("a", "b")
    assert ordering(6).right_ids == ("i1", "i2", "i3", "i4", "i5", "i6")


def test_validate_a_bank_with_an_ordering_question_and_six_choices(tmp_path: Path) -> None:
    mini = ROOT / "tests" / "fixtures" / "mini"
    registry = yaml.safe_load((mini / "registry.yaml").read_text(encoding="utf-8"))
    bank = yaml.safe_load((mini / "bank.yaml").read_text(encoding="utf-8"))
    theme, source = registry["themes"][0]["id"], registry["sources"][0]["id"]
    (tmp_path / "registry.yaml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    bank["questions"] = [
        {"id": "classe", "theme": theme, "type": "ordering", "prompt": "Classe du plus lourd au plus léger.",
         "choices": [{"id": "lourd", "text": "Lourd"}, {"id": "moyen", "text": "Moyen"}, {"id": "leger", "text": "Léger"}],
         "explanation": "Dans cet ordre.", "source": source},
        {"id": "six", "theme": theme, "type": "single", "prompt": "Laquelle ?",
         "choices": [{"id": k, "text": k.upper(), **({"correct": True} if k == "c" else {})} for k in "abcdef"],
         "explanation": "La troisième.", "source": source},
        {"id": "faux_classe", "theme": theme, "type": "ordering", "prompt": "Classe.",
         "choices": [{"id": "x", "text": "X", "correct": True}, {"id": "y", "text": "Y"}, {"id": "z", "text": "Z"}],
         "explanation": "Non.", "source": source},
    ]
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    content = load_content(tmp_path)
    assert {"classe", "six"} <= set(content.questions) and "faux_classe" not in content.questions
    errors = [i for i in content.issues if i.severity == "error"]
    assert len(errors) == 1 and "ordering" in errors[0].message and errors[0].path.endswith("bank.yaml")
    lines = (tmp_path / "bank.yaml").read_text(encoding="utf-8").splitlines()
    assert "correct: true" in lines[errors[0].line - 1]  # the line of the faulty field


# ------------------------------------------------------------------------------- session

def test_ordering_is_shuffled_and_never_shown_in_the_right_order() -> None:
    question = ordering(3)
    orders = {choice_order(question, random.Random(seed)) for seed in range(300)}
    assert question.right_ids not in orders
    assert len(orders) == 5  # every other order of three items turns up
    assert all(sorted(o) == sorted(question.right_ids) for o in orders)
    assert choice_order(question, random.Random(7)) == choice_order(question, random.Random(7))
    assert choice_order(q(**TRUEFALSE), random.Random(1)) == ("vrai", "faux")


# ------------------------------------------------------------------------------- facilitator keys

def test_facilitator_keys_per_type() -> None:
    single = q(**SINGLE)
    assert qtype("single").key(single, ("b", "a"), (), 1) == qtype("single").key(single, ("b", "a"), ("b",), 1)
    assert qtype("single").key(single, ("b", "a"), (), 1).choice_ids == ("a",)
    assert qtype("single").key(single, ("b", "a"), (), 5) is None
    multiple = q(**MULTIPLE)
    k = qtype("multiple").key(multiple, ("c", "a", "b"), ("b",), 1)
    assert (k.choice_ids, k.complete) == (("a", "b"), False)
    assert qtype("multiple").key(multiple, ("c", "a", "b"), ("a", "b"), 1).choice_ids == ("b",)
    assert qtype("estimate").key(q(**ESTIMATE), (), (), 0) is None
    order = ordering(4)
    shown = ("i3", "i1", "i4", "i2")
    step = qtype("ordering").key(order, shown, (), 1)  # key 2: « i1 » first
    assert (step.choice_ids, step.complete) == (("i1",), False)
    step = qtype("ordering").key(order, shown, step.choice_ids, 3)  # key 4: « i2 » second
    step = qtype("ordering").key(order, shown, step.choice_ids, 1)  # key 2 again: « i1 » taken out
    assert step.choice_ids == ("i2",)
    step = qtype("ordering").key(order, shown, step.choice_ids, 0)
    step = qtype("ordering").key(order, shown, step.choice_ids, 1)  # three placed: the last goes last
    assert (step.choice_ids, step.complete) == (("i2", "i3", "i1", "i4"), True)


# ------------------------------------------------------------------------------- words

def test_words_for_the_results() -> None:
    nb = "\u00a0"
    assert qtype("single").right_words(q(**SINGLE)) == f"La bonne réponse{nb}: A"
    assert qtype("multiple").right_words(q(**MULTIPLE)) == f"Les bonnes réponses{nb}: A{nb}; B"
    assert qtype("estimate").right_words(q(**ESTIMATE)) == f"La bonne réponse{nb}: 40{nb}%"
    order = ordering(3)
    assert qtype("ordering").right_words(order) == f"Le bon ordre{nb}: 1.{nb}Élément 1{nb}; 2.{nb}Élément 2{nb}; 3.{nb}Élément 3"
    assert qtype("ordering").answer_words(order, ("i3", "i1", "i2")).startswith(f"1.{nb}Élément 3{nb}; ")
    assert qtype("ordering").answer_key(order, ("i3", "i1", "i2")) == "i3>i1>i2"
    assert qtype("multiple").answer_key(q(**MULTIPLE), ("a", "b")) == "a b"
    assert qtype("estimate").answer_key(q(**ESTIMATE), (), 42.5) == "42.5"
    assert qtype("single").answer_words(q(**SINGLE), ()) == "\u2014"


def test_words_follow_the_language() -> None:
    from game.i18n import set_language

    set_language("en")
    try:
        assert qtype("ordering").right_words(ordering(3)).startswith("The right order")
        assert qtype("estimate").right_words(q(**ESTIMATE)) == "The right answer: 40%"
    finally:
        set_language("fr")


def test_real_bank_has_sourced_ordering_questions(real_content) -> None:
    orderings = [x for x in real_content.questions.values() if x.type == "ordering"]
    assert 3 <= len(orderings) <= 6
    for question in orderings:
        assert question.source_ids and all(s in real_content.sources for s in question.source_ids)
        assert real_content.origins  # loaded from questions/ordering.yaml


def test_every_type_is_dealt_now_that_the_views_mount_it(real_content) -> None:
    """Every type has its answer widget in the solo and class views (ordering: ui.ordering), so
    every type is dealt; over a few long sessions on every theme, ordering questions come up."""
    from game.session import FULL_PATH, plan_session

    assert all(typ.dealt for typ in TYPES.values())
    dealt_types = set()
    for seed in range(12):
        steps = plan_session(real_content, FULL_PATH, random.Random(seed), "long")
        dealt_types |= {real_content.questions[s.id].type for s in steps if s.kind == "question"}
    assert dealt_types == set(TYPES), dealt_types

