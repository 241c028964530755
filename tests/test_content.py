"""Loading content: the real banks load cleanly; a bad item is named with its file and line."""

import textwrap

from game.content.loader import load_content


def test_real_content_loads_without_issues(real_content):
    assert real_content.issues == []
    assert len(real_content.questions) >= 12
    assert len(real_content.scenarios) >= 4
    assert {"obsolescence", "fracture", "cobalt", "fake_news"} <= set(real_content.themes)
    types = {q.type for q in real_content.questions.values()}
    assert types == {"single", "multiple", "truefalse", "estimate", "ordering"}


def test_nine_poster_careers(real_content):
    names = {c.name for c in real_content.careers.values()}
    for expected in ("ingénieur·e en éco-conception", "technicien·ne maintenance électronique",
                     "formateur·trice numérique", "éthicien·ne en IA", "formateur·trice en cybersécurité"):
        assert expected in names
    assert len(real_content.careers) >= 9
    for career in real_content.careers.values():
        assert career.issue and career.description and career.path
        assert set(career.axes) <= set(real_content.axes)


def test_every_item_names_an_existing_source(real_content):
    for item in list(real_content.questions.values()) + list(real_content.scenarios.values()):
        assert item.source_ids and set(item.source_ids) <= set(real_content.sources)
        assert item.theme in real_content.themes


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


REGISTRY = """\
themes:
  - {id: t, title: T, short: S, intro: I}
sources:
  - {id: s, organisation: O, title: T, year: 2025, cited_in: talk}
axes:
  - {id: a, label: A, topic: a}
careers:
  - {id: c, name: C, issue: I, description: D, path: P, source: s, axes: {a: 1}}
"""


def test_unknown_field_is_reported_at_its_line(tmp_path):
    write(tmp_path, "reg.yaml", REGISTRY)
    bank = write(tmp_path, "bank.yaml", """\
    questions:
      - id: ok
        theme: t
        type: truefalse
        prompt: P
        choices: [{id: v, text: Vrai, correct: true}, {id: f, text: Faux}]
        explanation: E
        source: s
      - id: typo
        theme: t
        type: truefalse
        prompt: P
        choices: [{id: v, text: Vrai, correct: true}, {id: f, text: Faux}]
        explaination: E
        source: s
    """)
    c = load_content(tmp_path)
    assert "ok" in c.questions and "typo" not in c.questions
    msgs = [(i.path, i.line, i.message) for i in c.issues]
    assert (str(bank), 14, "champ inconnu\u00a0: «\u00a0explaination\u00a0» (faute de frappe\u00a0?)") in msgs
    assert (str(bank), 9, "champ obligatoire manquant\u00a0: «\u00a0explanation\u00a0»") in msgs
    assert c.skipped == 1


def test_single_choice_with_two_right_answers_and_unknown_theme(tmp_path):
    write(tmp_path, "reg.yaml", REGISTRY)
    bank = write(tmp_path, "bank.yaml", """\
    questions:
      - id: two
        theme: t
        type: single
        prompt: P
        choices:
          - {id: a, text: A, correct: true}
          - {id: b, text: B, correct: true}
        explanation: E
        source: s
      - id: theme
        theme: nope
        type: single
        prompt: P
        choices:
          - {id: a, text: A, correct: true}
          - {id: b, text: B}
        explanation: E
        source: s
    """)
    c = load_content(tmp_path)
    assert not c.questions
    lines = {i.line: i.message for i in c.issues}
    assert "exactement une bonne réponse" in lines[7]  # the line of the choices
    assert lines[12] == "thème inconnu\u00a0: «\u00a0nope\u00a0» (voir themes.yaml)"
    assert all(i.path == str(bank) for i in c.issues)


def test_yaml_syntax_error_names_the_line(tmp_path):
    bad = write(tmp_path, "bad.yaml", "questions:\n  - id: x\n    prompt: [unclosed\n")
    c = load_content(tmp_path)
    [issue] = c.issues
    assert issue.path == str(bad) and issue.line >= 3 and "syntaxe YAML" in issue.message


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 12):
        prev = f"*a{i-1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    c = load_content(tmp_path)
    assert any("alias" in i.message for i in c.issues)


def test_not_utf8(tmp_path):
    (tmp_path / "latin1.yaml").write_bytes("themes:\n  - {id: t, title: \xe9}\n".encode("latin-1"))
    c = load_content(tmp_path)
    [issue] = c.issues
    assert "UTF-8" in issue.message and issue.line == 2


def test_validate_command_exit_codes(tmp_path, capsys):
    from game.cli import main

    write(tmp_path, "reg.yaml", REGISTRY)
    assert main(["validate", str(tmp_path)]) == 0
    write(tmp_path, "bad.yaml", "questions:\n  - id: x\n")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'bad.yaml'}:2:5:" in out


def test_parse_cache_follows_every_edit(tmp_path, monkeypatch):
    monkeypatch.setenv("NEJ_CACHE_DIR", str(tmp_path / "cache"))
    bank = tmp_path / "bank"
    bank.mkdir()
    f = bank / "reg.yaml"
    f.write_text(REGISTRY, encoding="utf-8")
    first = load_content(bank)
    assert list((tmp_path / "cache").glob("*.pickle"))
    again = load_content(bank)  # from the cache: the same items and positions
    assert again.themes == first.themes and again.locate("themes", "t", ("title",)) == first.locate(
        "themes", "t", ("title",))
    f.write_text(REGISTRY.replace('title: T, short', 'title: Nouveau, short'), encoding="utf-8")
    assert load_content(bank).themes["t"].title == "Nouveau"
    for cached in (tmp_path / "cache").glob("*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert load_content(bank).themes["t"].title == "Nouveau"  # a broken cache entry is parsed again


# Issue 13.7: an item about AI filed under cobalt made the debrief say « Point fort : Cobalt »
# for an AI answer. A word that names one theme's subject, in a prompt or a situation, files the
# item under that theme (listed exceptions: items about two subjects, on purpose).
THEME_MARKERS = ((r"\bIA\b", "ia"), (r"\bRGAA\b", "accessibilite"), (r"harc[eè]le", "harcelement"))
TWO_SUBJECTS = {"sou_q03"}  # sovereignty over AI: the question is about who controls it


def test_items_naming_a_themes_subject_are_filed_under_it(real_content):
    import re

    wrong = []
    for section in ("questions", "scenarios"):
        for item_id, item in getattr(real_content, section).items():
            text = item.prompt if section == "questions" else f"{item.title} {item.situation}"
            for pattern, theme in THEME_MARKERS:
                if re.search(pattern, text) and item.theme != theme and item_id not in TWO_SUBJECTS:
                    wrong.append((item_id, item.theme, theme))
    assert wrong == []
