"""« order: fixed » pins a question's choices in the file's order (issue 14.1)."""

import shutil
import textwrap

from conftest import ROOT
from game.cli import main
from game.content.loader import load_content

BROKEN = ROOT / "tests" / "broken"
NB = "\u00a0"

QUESTION = """\
questions:
  - id: scale
    theme: t
    type: single
    prompt: "P"
    ORDER
    choices:
      - {id: a, text: "Moins de 10", correct: true}
      - {id: b, text: "De 10 à 100"}
      - {id: c, text: "Plus de 100"}
    explanation: "E"
    source: s
"""


def load(tmp_path, order):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    (tmp_path / "q.yaml").write_text(textwrap.dedent(QUESTION.replace("ORDER", order)), encoding="utf-8")
    return load_content(tmp_path)


def test_order_fixed_is_read(tmp_path):
    content = load(tmp_path, "order: fixed")
    assert content.issues == []
    assert content.questions["scale"].order == "fixed"


def test_order_defaults_to_shuffle(tmp_path):
    content = load(tmp_path, "difficulty: college")
    assert content.issues == []
    assert content.questions["scale"].order == "shuffle"
    assert load(tmp_path, "order: shuffle").questions["scale"].order == "shuffle"


def test_any_other_order_is_an_error_at_its_line(tmp_path, capsys):
    content = load(tmp_path, "order: fixe")
    [issue] = content.issues
    assert (issue.path, issue.line, issue.column, issue.severity) == (str(tmp_path / "q.yaml"), 6, 12, "error")
    assert issue.message == f"«{NB}order{NB}» doit valoir «{NB}shuffle{NB}» ou «{NB}fixed{NB}»"
    assert "scale" not in content.questions
    assert main(["validate", "--no-layout", str(tmp_path)]) == 1
    assert f"{tmp_path / 'q.yaml'}:6:12: erreur{NB}: «{NB}order{NB}» doit valoir" in capsys.readouterr().out


def test_the_session_keeps_a_fixed_order(tmp_path):
    import random

    from game.session import choice_order

    q = load(tmp_path, "order: fixed").questions["scale"]
    assert {choice_order(q, random.Random(seed)) for seed in range(30)} == {("a", "b", "c")}
    shuffled = load(tmp_path, "order: shuffle").questions["scale"]
    assert len({choice_order(shuffled, random.Random(seed)) for seed in range(30)}) > 1
