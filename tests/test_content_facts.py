"""Facts about the real content: enough of it, all of it sourced, every source figure used."""

import re
from collections import Counter

import pytest

THEMES = {"obsolescence", "dechets", "cobalt", "energie", "fracture", "accessibilite", "fake_news",
          "harcelement", "ia", "souverainete"}


def all_text(content) -> str:
    parts = []
    for q in content.questions.values():
        parts += [q.prompt, q.explanation] + [c.text for c in q.choices] + [c.feedback or "" for c in q.choices]
        if q.estimate:
            parts.append(f"{q.estimate.answer:g} {q.estimate.unit}")
    for s in content.scenarios.values():
        parts += [s.situation] + [c.consequence for c in s.choices] + [c.basis or "" for c in s.choices]
    parts += [t.text + " " + (t.example or "") for t in content.takeaways.values()]
    return "\n".join(parts).replace("\u202f", " ").replace("\u00a0", " ")


def test_ten_themes_with_twelve_questions_and_three_cards_each(real_content):
    assert THEMES <= set(real_content.themes)
    per_theme = Counter(q.theme for q in real_content.questions.values())
    cards = Counter(s.theme for s in real_content.scenarios.values())
    for theme in THEMES:
        assert per_theme[theme] >= 12, theme
        assert cards[theme] >= 3, theme
        assert real_content.themes[theme].intro
    assert len(real_content.questions) >= 120 and len(real_content.scenarios) >= 30


def test_types_and_levels_are_mixed(real_content):
    types = Counter(q.type for q in real_content.questions.values())
    assert all(types[t] >= 10 for t in ("single", "multiple", "truefalse", "estimate")), types
    levels = Counter(q.difficulty for q in real_content.questions.values())
    assert all(levels[d] >= 15 for d in ("college", "lycee", "adulte")), levels


def test_every_item_is_sourced_and_every_source_is_used(real_content):
    """Every id of every item's source_ids (not only the first) is a known source, and every
    source of the bank is cited by at least one item."""
    c = real_content
    cited: list[tuple[str, tuple[str, ...]]] = []
    cited += [(q.id, q.source_ids) for q in c.questions.values()]
    for s in c.scenarios.values():
        cited.append((s.id, s.source_ids))
        cited += [(f"{s.id}.{ch.id}", ch.source_ids) for ch in s.choices]
        for ch in s.choices:
            if ch.effects:
                assert ch.basis and ch.source_ids, f"{s.id}.{ch.id}"
    cited += [(k.id, k.source_ids) for k in c.careers.values()]
    cited += [(t.id, t.source_ids) for t in c.takeaways.values()]
    cited += [(p.id, p.source_ids) for p in c.practices.values()]
    cited += [(f.id, f.source_ids) for f in c.facts.values()]
    cited += [(p.id, p.source_ids) for p in c.posts.values()]
    cited += [(i.id, i.comparison.source_ids) for i in c.indicators.values() if i.comparison]
    for item, ids in cited:
        assert all(sid in c.sources for sid in ids), (item, ids)
    for q in c.questions.values():
        assert q.source_ids, q.id
    used = {sid for _, ids in cited for sid in ids}
    assert set(c.sources) == used, set(c.sources) - used


def test_public_bodies_say_which_issue_they_answer(real_content):
    """A source that neither document names (cited_in: public) says in its note which issue or
    practice of the documents it answers, so that the reader sees why it is there."""
    public = [s for s in real_content.sources.values() if s.cited_in == "public"]
    assert len(public) >= 5
    for s in public:
        assert s.note and "non nommé" in s.note, s.id
    assert real_content.sources["poster"].cited_in == "poster"


def test_explanations_teach_in_two_to_four_sentences(real_content):
    for q in real_content.questions.values():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", q.explanation.strip()) if s]
        assert 1 <= len(sentences) <= 5, q.id


def test_careers(real_content):
    assert len(real_content.careers) >= 14
    for c in real_content.careers.values():
        assert c.description and c.path and c.issue
        assert set(c.axes) == set(real_content.axes), c.id


def test_takeaways_cover_both_scopes_and_every_theme(real_content):
    scopes = Counter(t.scope for t in real_content.takeaways.values())
    assert scopes["me"] >= 7 and scopes["collective"] >= 7
    covered = {th for t in real_content.takeaways.values() for th in t.themes}
    assert THEMES <= covered, THEMES - covered


@pytest.mark.parametrize("figure", [
    "40 000", "62 %", "200 kg", "301", "949", "80 %", "70 kg", "58 kg", "131", "2,3 millions",
    "13 millions", "35 %", "9 %", "2 $", "6 000", "90 %", "75 %", "1,9 million", "82 %",
    "Orange", "Enedis", "Sicoval", "Lot", "fibre", "RGAA", "data workers",
])
def test_source_figures_are_taught(real_content, figure):
    assert figure in all_text(real_content)


def test_the_two_definitions_are_taught(real_content):
    text = all_text(real_content)
    assert "réduire la durée de vie d'un produit" in text  # obsolescence programmée
    assert "compétences numériques de base" in text  # illectronisme


def test_the_sources_disagreement_is_taught(real_content):
    text = all_text(real_content)
    assert "200 kg" in text and "70 kg" in text
    assert any("200" in q.prompt and "70" in q.prompt for q in real_content.questions.values())


def test_reading_ease(real_content, capsys):
    pytest.importorskip("textstat")
    from conftest import QUESTIONS
    from game.readability import TARGET_MEDIAN, scores

    import statistics

    values = [s for s, _w, _t in scores([QUESTIONS])]
    median = statistics.median(values)
    with capsys.disabled():
        print(f"\nKandel–Moles reading ease: median {median:.1f} over {len(values)} texts")
    assert median >= TARGET_MEDIAN


def test_every_career_tells_a_day_in_the_job_in_two_sentences(real_content):
    import re

    for career in real_content.careers.values():
        assert career.day, career.id
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", career.day.strip()) if s]
        assert len(sentences) == 2, (career.id, sentences)


def test_the_seven_good_practices_are_all_there_in_order(real_content):
    ranks = sorted(p.rank for p in real_content.practices.values())
    assert ranks == list(range(1, 8))
    assert all(p.source in real_content.sources for p in real_content.practices.values())


# The prebunking items and the twins that each teach one manipulation technique (issue 18.3): the
# technique is a field, so that the game can name it after the answer, and the text names it too.
TECHNIQUE_OF = {
    "pre_q01": "impersonation", "pre_q02": "emotion", "pre_q03": "polarisation", "pre_q04": "conspiracy",
    "pre_q05": "discrediting", "pre_q06": "trolling", "pre_q07": "doctored_image", "pre_q08": "deepfake",
    "pre_s01": "impersonation", "pre_s02": "emotion", "pre_s03": "polarisation", "pre_s04": "conspiracy",
    "pre_s05": "discrediting", "pre_s06": "trolling", "pre_s07": "doctored_image", "pre_s08": "deepfake",
    "mes_fake_news_2a": "emotion", "mes_fake_news_2b": "emotion",
    "mes_fake_news_4a": "impersonation", "mes_fake_news_4b": "impersonation",
    "mes_fake_news_5a": "deepfake", "mes_fake_news_5b": "deepfake",
}
# How the French text names each technique (one of these words, in the explanation or consequences).
TECHNIQUE_WORDS = {
    "impersonation": ("passer pour", "usurpation"), "emotion": ("émotion",), "polarisation": ("polarisation",),
    "conspiracy": ("complot",), "discrediting": ("discrédit",), "trolling": ("trolling", "troll"),
    "doctored_image": ("image truquée", "retouch"), "deepfake": ("hypertrucage", "deepfake"),
}


def test_every_item_that_teaches_a_technique_says_which(real_content):
    c = real_content
    for item_id, technique in TECHNIQUE_OF.items():
        item = c.questions.get(item_id) or c.scenarios[item_id]
        assert item.technique == technique, item_id
        if item_id in c.questions:
            after = item.explanation
        else:
            after = " ".join(ch.consequence for ch in item.choices)
        assert any(w in after.lower() for w in TECHNIQUE_WORDS[technique]), item_id
    # Every technique is taught by a card and by a question, and no other item claims one.
    for technique in TECHNIQUE_WORDS:
        assert technique in {s.technique for s in c.scenarios.values()}, technique
        assert technique in {q.technique for q in c.questions.values()}, technique
    tagged = {i for i, q in c.questions.items() if q.technique} | {i for i, s in c.scenarios.items() if s.technique}
    assert tagged == set(TECHNIQUE_OF), tagged ^ set(TECHNIQUE_OF)


def test_the_talks_hopeful_ending_is_a_takeaway_for_every_theme(real_content):
    """Issue 18.4: the conclusion of the La Mêlée talk (« C'est possible ! »: what is already
    changing) is a take-away card that any session can end on, whatever its themes."""
    from game import scoring

    card = real_content.takeaways["tk_ide_ca_change"]
    assert set(card.themes) == set(real_content.themes)
    assert "possible" in card.title and "déjà" in card.text and card.example
    assert card.source == "talk_lamelee_2025"
    assert [t.id for t in real_content.takeaways.values() if t.closing] == ["tk_ide_ca_change"]
    assert scoring.closing_takeaway(real_content) == "tk_ide_ca_change"


COMPANIES = re.compile(r"\b(Orange|Enedis|Sicoval|Amazon)\b")
ASKS_THE_FIGURE = re.compile(r"\b(combien|quelle part|de combien|quel pourcentage)\b", re.IGNORECASE)


def test_company_trivia_asks_what_the_figure_shows(real_content):
    """Issue 18.6: a question about one company's or council's figure gives the figure and asks what
    it shows (« Que montre ce chiffre ? »); it never asks the player to recall the figure itself."""
    asked = [q for q in real_content.questions.values() if COMPANIES.search(q.prompt)]
    assert len(asked) >= 10
    for q in asked:
        assert q.type != "estimate", q.id
        assert not ASKS_THE_FIGURE.search(q.prompt), (q.id, q.prompt)
