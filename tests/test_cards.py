"""« Aucun compromis » (issue 14.5): validate warns when one choice of a scenario card is better or
equal on every gauge and better on at least one, unless the card says ``dominant: true``."""

import shutil
import textwrap

from conftest import ROOT
from game.cli import main
from game.content.loader import load_content

BROKEN = ROOT / "tests" / "broken"
NB = "\u00a0"

EXTRA = """\
indicators:
  - {id: people, label: "Personnes incluses", unit: "", lower_is_better: false}
"""

CARD = """\
scenarios:
  - id: card
    theme: t
    title: "T"
    situation: "S"
    source: s
    DOMINANT
    choices:
      - id: a
        text: "A"
        consequence: "C"
        effects: EFFECTS_A
        basis: "B"
        source: s
      - id: b
        text: "B"
        consequence: "C"
        effects: EFFECTS_B
        basis: "B"
        source: s
"""


def load(tmp_path, a, b, dominant=""):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    (tmp_path / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    text = CARD.replace("EFFECTS_A", a).replace("EFFECTS_B", b).replace("DOMINANT", dominant or "debate: \"D\"")
    (tmp_path / "card.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_content(tmp_path)


def issues(content):
    return [(i.path.rsplit("/", 1)[-1], i.line, i.column, i.severity, i.message) for i in sorted(content.issues)]


def no_trade_off(card, choice):
    return (f"aucun compromis{NB}: dans la carte «{NB}{card}{NB}», le choix «{NB}{choice}{NB}» est meilleur ou égal "
            f"sur toutes les jauges et meilleur sur au moins une. Donne-lui un coût, ou écris «{NB}dominant: true{NB}» "
            "dans la carte si c'est la leçon")


def test_a_choice_better_on_one_gauge_and_equal_on_the_other_is_named(tmp_path):
    content = load(tmp_path, "{co2e: 5, people: 2}", "{co2e: 5, people: 1}")
    assert issues(content) == [("card.yaml", 9, 13, "warning", no_trade_off("card", "a"))]
    assert "card" in content.scenarios  # a warning: the card still plays


def test_lower_is_better_decides_which_way_is_better(tmp_path):
    content = load(tmp_path, "{co2e: 58}", "{co2e: 10.4}")  # co2e: lower is better, so b wins
    assert issues(content) == [("card.yaml", 15, 13, "warning", no_trade_off("card", "b"))]


def test_an_effect_not_written_counts_as_zero(tmp_path):
    content = load(tmp_path, "{co2e: 3}", "{}")
    assert issues(content) == [("card.yaml", 15, 13, "warning", no_trade_off("card", "b"))]


def test_a_trade_off_is_not_warned(tmp_path):
    assert issues(load(tmp_path, "{co2e: 5, people: 3}", "{co2e: 1, people: 0}")) == []


def test_equal_choices_are_not_warned(tmp_path):
    assert issues(load(tmp_path, "{co2e: 5}", "{co2e: 5}")) == []


def test_dominant_true_says_it_is_the_lesson(tmp_path):
    assert issues(load(tmp_path, "{co2e: 5, people: 2}", "{co2e: 5, people: 1}", "dominant: true")) == []


def test_dominant_true_without_a_dominant_choice_is_warned(tmp_path):
    content = load(tmp_path, "{co2e: 5, people: 3}", "{co2e: 1, people: 0}", "dominant: true")
    assert issues(content) == [("card.yaml", 7, 15, "warning",
                                f"«{NB}dominant: true{NB}», mais aucun choix de la carte «{NB}card{NB}» n'est meilleur "
                                f"sur toutes les jauges{NB}: retire «{NB}dominant{NB}»")]


def test_better_than_one_choice_but_not_all_is_a_trade_off(tmp_path):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    (tmp_path / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    text = CARD.replace("EFFECTS_A", "{co2e: 1, people: 1}").replace("EFFECTS_B", "{co2e: 2, people: 0}").replace(
        "DOMINANT", "debate: \"D\"") + textwrap.indent(
        '- {id: c, text: "C", consequence: "C", effects: {co2e: 9, people: 5}, basis: "B", source: s}\n', "      ")
    (tmp_path / "card.yaml").write_text(text, encoding="utf-8")
    assert issues(load_content(tmp_path)) == []  # a beats b, but c includes more people


def test_a_card_that_moves_no_gauge_is_not_warned(tmp_path):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    (tmp_path / "card.yaml").write_text(textwrap.dedent("""\
        scenarios:
          - id: talk
            theme: t
            title: "T"
            situation: "S"
            source: s
            choices:
              - {id: a, text: "A", consequence: "C"}
              - {id: b, text: "B", consequence: "C"}
        """), encoding="utf-8")
    assert issues(load_content(tmp_path)) == []


def test_validate_prints_the_card_the_choice_and_the_place(tmp_path, capsys):
    load(tmp_path, "{co2e: 5, people: 2}", "{co2e: 5, people: 1}")
    assert main(["validate", "--no-layout", str(tmp_path)]) == 0
    assert main(["validate", "--no-layout", "--strict", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'card.yaml'}:9:13: avertissement{NB}: {no_trade_off('card', 'a')}" in out



# Issue 14.5: the phone cards, where a choice buys, keeps or passes on a phone. A choice that has a
# new phone made moves the « new_devices » gauge by one, with a basis; the other choices write 0, so
# the gauge shows what keeping, repairing or checking avoids. (obs_s01, obs_s03, ene_s01 and cob_s01
# wait for the consequence screen to fit three gauge lines at 1024×600: their new phone already
# moves carbon and materials.)
NEW_PHONE_CHOICES = {"pre_s04": {"believe"}}


def test_the_phone_cards_count_the_new_phones_they_make(real_content):
    from game.content.checks import dominant_choice

    for card_id, makers in NEW_PHONE_CHOICES.items():
        card = real_content.scenarios[card_id]
        for ch in card.choices:
            assert "new_devices" in ch.effects, (card_id, ch.id)
            assert (ch.effects["new_devices"] == 1) == (ch.id in makers), (card_id, ch.id)
            assert ch.basis and "smartphone neuf" in ch.basis and ch.source_ids, (card_id, ch.id)
        best = dominant_choice(card, real_content.indicators)
        assert card.dominant == (best is not None), card_id  # still no « aucun compromis » warning


def test_a_consequence_that_quotes_a_footprint_moves_the_gauges_by_it(real_content):
    """« Un téléphone neuf, c'est 58 kg CO₂e et 70 kg de ressources » on the card: the carbon
    and materials gauges move by those figures, never only the device count."""
    import re

    for sid, card in real_content.scenarios.items():
        for ch in card.choices:
            for figure in re.findall(r"(\d+)\s*kg CO₂e", ch.consequence):
                assert ch.effects.get("co2e") == float(figure), (sid, ch.id, ch.effects)
            for figure in re.findall(r"(\d+)\s*kg de ressources", ch.consequence):
                assert ch.effects.get("resources") == float(figure), (sid, ch.id, ch.effects)
