"""Bank-level warnings of validate (issue 14.2), each on a small bank made for the test."""

import re
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



def test_long_prompts_that_differ_by_a_few_words_are_found(tmp_path):
    # 18 words in common, two of their own each: 18 / 22 of the words shared (> 0.8). Their own words
    # are their rarest: comparing only the two rarest words of each prompt would never pair them.
    base = ("combien d'ordinateurs portables la mairie du village achète-t-elle chaque année "
            "pour équiper les écoles primaires et le centre social communal avec ses élus")
    items = [single("q1", "A", ["B", "C"], base + " alpha bravo"), single("q2", "A", ["B", "C"], base + " charlie delta"),
             *(single(f"o{i}", "A", ["B", "C"], f"Autre question {i} mairie village écoles élus") for i in range(3))]
    [(_, message)] = messages(bank(tmp_path, items))
    assert "«\u00a0q2\u00a0» pose presque la même question que «\u00a0q1\u00a0»" in message


def test_the_benchmark_bank_of_ten_thousand_questions_is_checked_quickly(tmp_path):
    """``python -m game.bench`` loads 10 000 « Question numéro N ? »: they share two words out of
    three, so none is « almost the same », and a check that compared every pair sharing a common
    word would take minutes."""
    import time

    from game.bench import generated_bank

    generated_bank(10_000, tmp_path)
    content = load_content(tmp_path)
    start = time.perf_counter()
    issues = check_bank(content)
    assert time.perf_counter() - start < 2.0
    assert issues == []


def test_the_messages_are_in_the_reader_s_language(tmp_path):
    from game import i18n

    content = bank(tmp_path, [multiple(f"m{i}", 3) for i in range(4)]
                   + [single(f"q{i}", "Une réponse juste bien plus longue que les autres", ["Courte", "Brève"])
                      for i in range(6)]
                   + [single("d1", "A", ["B", "C"], "Combien de kg de matières pour fabriquer un smartphone neuf ?"),
                      single("d2", "A", ["B", "C"], "Combien de kg de matières pour fabriquer un smartphone neuf ?")])
    before = i18n.current_language()
    try:
        i18n.set_language("en")
        english = [m for _, m in messages(content)]
    finally:
        i18n.set_language(before)
    assert len(english) == 3
    assert any("4 of the 4 several-answer questions have 3 right answers" in m for m in english)
    assert any("in 6 of the 8 single-choice questions" in m for m in english)
    assert any("“d2” asks almost the same question as “d1”" in m for m in english)


def test_the_author_guide_quotes_the_thresholds_of_the_code():
    from fractions import Fraction

    from game.content import bank_checks

    guide = (ROOT / "docs" / "guide-auteur.md").read_text(encoding="utf-8")
    part = guide[guide.index("**Avertissements sur toute la banque**"):guide.index("**Code de sortie**")]
    part = re.sub(r"[ \n]+", " ", part)  # lines wrapped anywhere; the no-break spaces stay
    words = {Fraction(1, 3): "plus d'un tiers", Fraction(2, 3): "plus des deux tiers"}
    assert words[Fraction(bank_checks.LONGER_SHARE).limit_denominator(10)] in part
    assert words[Fraction(bank_checks.SAME_COUNT_SHARE).limit_denominator(10)] in part
    assert f"au moins {round((bank_checks.LONGER - 1) * 100)}\u00a0% plus longue" in part
    assert f"à partir de {bank_checks.MIN_QUESTIONS} questions" in part
    assert f"au moins {round(bank_checks.NEAR_SAME * 100)}\u00a0% de leurs mots" in part
