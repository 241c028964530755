"""The careers on the results screen each say why they came up, from the player's own acts."""

from __future__ import annotations

import io
import json
import random

from game import autoplay, explain, i18n, scoring
from game.content.translate import apply
from game.session import Session, ordered_choices


def random_answers(content, seed: int) -> list[scoring.Answer]:
    rng = random.Random(seed)
    session = Session.start(content, "all", seed, "long")
    answers = []
    for step in session.steps:
        if step.kind == "scenario":
            sc = content.scenarios[step.id]
            answers.append(scoring.answer_scenario(sc, rng.choice(sc.choices).id))
            continue
        q = content.questions[step.id]
        if q.type == "estimate":
            answers.append(scoring.answer_question(q, value=rng.choice([q.estimate.answer, q.estimate.min])))
        else:
            shown = ordered_choices(q, step)
            k = rng.randint(1, len(shown)) if q.type == "multiple" else 1
            answers.append(scoring.answer_question(q, [c.id for c in rng.sample(shown, k)]))
    return answers


def test_three_careers_never_share_a_reason(real_content):
    for seed in range(300):
        answers = random_answers(real_content, seed)
        matches = scoring.top_careers(real_content, answers)
        reasons = explain.career_reasons(real_content, matches)
        assert len(reasons) == 3
        given = [r for r in reasons if r]  # "": nothing of its own left (the card says what it works on)
        assert len(set(given)) == len(given) >= 1, f"seed {seed}: {reasons}"


def test_each_reason_names_an_act_that_counts_for_that_career(real_content):
    for seed in range(100):
        answers = random_answers(real_content, seed)
        matches = scoring.top_careers(real_content, answers)
        for match, reason in zip(matches, explain.career_reasons(real_content, matches)):
            career = real_content.careers[match.career_id]
            acts = {explain._act(real_content, c) for c in match.contributions if c.kind == "scenario"}
            topics = {real_content.axes[c.axis].topic for c in match.contributions if c.kind == "question"}
            assert all(career.axes.get(c.axis, 0) > 0 for c in match.contributions)
            assert (any(a in reason for a in acts) or any(t in reason for t in topics)
                    or not reason), f"seed {seed}, {career.id}: {reason}"


def test_the_trace_shows_the_deal_and_the_careers_in_the_language_played(real_content):
    out = io.StringIO()
    i18n.set_language("en")
    try:
        autoplay.run(real_content, 2, 3, (1280, 720), out=out, trace=True)
    finally:
        i18n.set_language("fr")
    languages = set()
    for line in out.getvalue().splitlines():
        row = json.loads(line)
        trace = row["trace"]
        languages.add(trace["language"])
        dealt = trace["items"]
        assert dealt and len({d["id"] for d in dealt}) == len(dealt)
        for d in dealt:
            if d["kind"] == "question":
                q = real_content.questions[d["id"]]
                assert d["difficulty"] == q.difficulty
                if q.type == "estimate":
                    e = q.estimate
                    assert abs(d["slider_start"] - e.answer) > 2 * max(e.tolerance, e.step)
                else:
                    assert sorted(d["order"]) == sorted(c.id for c in q.choices)
                    assert d["correct"] == sorted(q.correct_ids)
            else:
                assert d["id"] in real_content.scenarios
        shown = trace["careers_shown"]
        assert [c["id"] for c in shown] == row["careers"]
        assert len({c["reason"] for c in shown}) == len(shown)
        content = apply(real_content, "en") if trace["language"] == "en" else real_content
        for c in shown:  # each reason is in the language the session ended in
            french = any(w in c["reason"] for w in ("Tu ", " tu ", "Ce métier"))
            assert french == (trace["language"] == "fr"), c["reason"]
            assert content.careers[c["id"]].name
    assert "en" in languages  # the bot started in English; it may switch on the title


def test_a_career_with_no_reason_of_its_own_says_what_it_works_on_once(real_content):
    """When the careers above took every act that counts for a career, it gives no reason rather
    than the « works on » line its card already says (issue 16 review): no sentence twice."""
    seen_empty = False
    for seed in range(300):
        matches = scoring.top_careers(real_content, random_answers(real_content, seed))
        reasons = explain.career_reasons(real_content, matches)
        details = explain.career_details(real_content, matches)
        assert len(details) == len(matches) == len(reasons)
        given = [r for r in reasons if r]
        assert len(set(given)) == len(given), f"seed {seed}: {reasons}"  # never one reason for two careers
        for match, reason, detail in zip(matches, reasons, details):
            career = real_content.careers[match.career_id]
            assert detail.count("Ce métier agit") == 1, f"seed {seed}: {detail}"
            assert detail.startswith(reason) and career.issue[1:].rstrip(".") in detail
            sentences = [s for s in detail.split(". ") if s]
            assert len(set(sentences)) == len(sentences), f"seed {seed}: {detail}"
            seen_empty = seen_empty or not reason
    assert seen_empty, "no seed met a career without a reason of its own: the case is not tested"


def test_the_worst_choice_of_a_card_for_the_planet_feeds_no_planet_axis(real_content):
    """« Acheter un smartphone neuf » gave eco_design 0.5, so the results said « Tu as acheté un
    smartphone neuf » to explain a career: a choice beaten on the planet's gauges (carbon, materials,
    new devices) by every other choice of its card went against eco-design and repair, and must not
    count for them (nor become a reason). A card that moves no planet gauge is not judged here."""
    from game.content.checks import dominates

    c = real_content
    wrong = []
    for card in c.scenarios.values():
        gauges = sorted({g for ch in card.choices for g in ch.effects
                         if g in c.indicators and c.indicators[g].lower_is_better})
        for ch in card.choices:
            others = [o for o in card.choices if o is not ch]
            worst = gauges and others and all(dominates(o, ch, c.indicators, gauges) for o in others)
            if worst:
                planet = {a: w for a, w in ch.axes.items() if a in ("eco_design", "repair") and w > 0}
                if planet:
                    wrong.append(f"{card.id}/{ch.id} {planet}")
    assert not wrong, wrong


def test_buying_a_new_phone_is_never_a_reason_for_a_career(real_content):
    """The documentation's game: the lights switched off each evening, a new smartphone bought,
    right answers on inclusion; career 3 (accessibility) was explained by the new phone."""
    c = real_content
    q_incl = [q for q in c.questions.values() if q.axes.get("inclusion", 0) > 0 and q.type == "single"][:4]
    answers = [scoring.answer_question(q, [next(ch.id for ch in q.choices if ch.correct)]) for q in q_incl]
    answers += [scoring.answer_scenario(c.scenarios[s], ch) for s, ch in
                (("ene_s02", "switch_off"), ("obs_s03", "new"), ("ene_s01", "new"), ("pre_s04", "believe"),
                 ("obs_s01", "new"))]
    i18n.set_language("fr")
    for n in (3, 6, 19):
        matches = scoring.top_careers(c, answers, n)
        for reason in explain.career_reasons(c, matches):
            assert "neuf" not in reason and "nouveau modèle" not in reason and "complotiste" not in reason, reason
            assert "remplacer les vieux" not in reason, reason
