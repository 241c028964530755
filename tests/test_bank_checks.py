"""Bank-level warnings of validate (issue 14.2), each on a small bank made for the test."""

import shutil
import textwrap

from conftest import ROOT
from game.cli import main
from game.content.bank_checks import check_bank
from game.content.loader import load_content

BROKEN = ROOT / "tests" / "broken"


def single(qid, right, wrong, prompt=None):
    choices = f'      - {{id: a, text: "{right}", correct: true}}\n' + "".join(
        f'      - {{id: {chr(98 + i)}, text: "{w}"}}\n' for i, w in enumerate(wrong))
    return f'''  - id: {qid}
    theme: t
    type: single
    prompt: "{prompt or 'Question numéro ' + qid + ' sur un sujet ' + qid}"
    choices:
{choices}    explanation: "E"
    source: s
'''


def multiple(qid, n_right):
    choices = "".join(f'      - {{id: {c}, text: "Réponse {c}"{", correct: true" if i < n_right else ""}}}\n'
                      for i, c in enumerate("abcd"))
    return f'''  - id: {qid}
    theme: t
    type: multiple
    prompt: "Plusieurs réponses sur le thème {qid} numéro {qid}"
    choices:
{choices}    explanation: "E"
    source: s
'''


def bank(tmp_path, items):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    (tmp_path / "q.yaml").write_text("questions:\n" + "".join(items), encoding="utf-8")
    return load_content(tmp_path)


def messages(content):
    return [(i.line, i.message) for i in check_bank(content)]


def test_right_answers_that_are_the_longest_too_often(tmp_path):
    long = "Une réponse juste bien plus longue que les autres"
    items = [single(f"q{i}", long if i < 3 else "Courte", ["Courte", "Brève"]) for i in range(6)]
    [(line, message)] = messages(bank(tmp_path, items))
    assert "dans 3 questions à choix unique sur 6" in message and "q0, q1, q2" in message
    assert line == 7  # the choices of the first such question
    # Two in six is not more than a third: no warning.
    items = [single(f"q{i}", long if i < 2 else "Courte", ["Courte", "Brève"]) for i in range(6)]
    assert messages(bank(tmp_path, items)) == []


def test_several_answer_questions_that_always_have_the_same_count(tmp_path):
    [(_, message)] = messages(bank(tmp_path, [multiple(f"m{i}", 3) for i in range(4)]))
    assert "4 des 4 questions à plusieurs réponses ont 3 bonnes réponses" in message
    assert messages(bank(tmp_path, [multiple("m0", 1), multiple("m1", 2), multiple("m2", 3)])) == []


def test_two_questions_that_ask_almost_the_same_thing(tmp_path):
    items = [single("q1", "A", ["B", "C"], "Vrai ou faux : le numérique responsable, c'est surtout éteindre sa box."),
             single("q2", "A", ["B", "C"], "Vrai ou faux : pour La Mêlée, le numérique responsable, c'est surtout éteindre sa box."),
             single("q3", "A", ["B", "C"], "Combien de kg de matières pour fabriquer un smartphone neuf ?")]
    content = bank(tmp_path, items)
    [(line, message)] = messages(content)
    assert "«\u00a0q2\u00a0» pose presque la même question que «\u00a0q1\u00a0»" in message
    assert f"{tmp_path / 'q.yaml'}:5" in message


def test_validate_prints_them_and_strict_fails(tmp_path, capsys):
    bank(tmp_path, [multiple(f"m{i}", 3) for i in range(4)])
    assert main(["validate", "--no-layout", str(tmp_path)]) == 0
    assert main(["validate", "--strict", "--no-layout", str(tmp_path)]) == 1
    assert "questions à plusieurs réponses ont 3 bonnes réponses" in capsys.readouterr().out

