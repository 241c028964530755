"""French and English: complete catalogs, matching placeholders, run-time switch, content translated."""

import re

import pygame
from babel.messages.pofile import read_po

from conftest import ROOT, make_app
from game import i18n
from game.content.translate import missing_translations
from game.scenes.play import start_session
from game.scenes.question import QuestionScene
from game.scenes.title import TitleScene

PO = ROOT / "locales" / "{lang}" / "LC_MESSAGES" / "messages.po"
POT = ROOT / "locales" / "messages.pot"


def catalog(lang):
    with open(str(PO).format(lang=lang), "rb") as fh:
        return read_po(fh, locale=lang)


def placeholders(text):
    return sorted(re.findall(r"\{[^{}]*\}", text))


def test_english_catalog_is_complete_and_placeholders_match():
    problems = []
    for m in catalog("en"):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strs = m.string if isinstance(m.string, tuple) else (m.string,)
        for s in strs:
            if not s:
                problems.append(f"untranslated: {ids[0]!r}")
            elif placeholders(s) not in (placeholders(ids[0]), placeholders(ids[-1])):
                problems.append(f"placeholders differ: {ids[0]!r} -> {s!r}")
    assert not problems, "\n".join(problems[:20])


def test_catalogs_are_up_to_date_with_the_code():
    """Every msgid of the template is in both catalogs (run pybabel extract/update when this fails)."""
    with open(POT, "rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    for lang in ("fr", "en"):
        ids = {m.id for m in catalog(lang) if m.id}
        assert template <= ids, f"{lang}: missing {sorted(map(str, template - ids))[:5]}"


def test_numbers_follow_the_language():
    i18n.set_language("fr")
    assert i18n.fmt_number(40000) == "40\u202f000"
    assert i18n.fmt_number(10.4) == "10,4"
    i18n.set_language("en")
    assert i18n.fmt_number(40000) == "40,000"
    assert i18n.fmt_number(10.4) == "10.4"
    assert i18n.ngettext("{n} erreur", "{n} erreurs", 0) != "{n} erreur"  # English plural rule
    i18n.set_language("fr")
    assert i18n.ngettext("{n} erreur", "{n} erreurs", 0) == "{n} erreur"  # French: 0 is singular


def test_a_missing_string_falls_back_to_french():
    i18n.set_language("en")
    assert i18n._("Une phrase que personne n'a traduite") == "Une phrase que personne n'a traduite"
    i18n.set_language("fr")


def test_every_content_item_is_translated(real_content):
    missing = missing_translations(real_content, "en")
    assert not missing, "\n".join(map(str, missing[:20]))


def test_switching_language_mid_session_keeps_the_session(real_content):
    app = make_app(real_content)
    try:
        app.push(TitleScene(app))
        start_session(app, "all")
        scene = app.top
        assert isinstance(scene, QuestionScene)
        play = scene.play
        q_id = scene.question_id
        scene.draw(pygame.Surface((1280, 720)))
        fr_prompt = scene.question.prompt
        app.set_language("en")
        scene.draw(pygame.Surface((1280, 720)))
        assert app.top is scene and scene.play is play and scene.question_id == q_id
        assert scene.question.prompt != fr_prompt
        texts = " ".join(tb.text for tb, _ in scene.texts)
        assert scene.question.prompt in texts
        assert scene.widget("menu").label == i18n._("Menu")
    finally:
        app.set_language("fr")
        pygame.display.quit()


def test_title_language_button(real_content):
    app = make_app(real_content)
    try:
        title = TitleScene(app)
        app.push(title)
        title.draw(pygame.Surface((1280, 720)))
        button = title.widget("lang:en")
        assert button is not None and button.label == "English"
        title.activate(button)
        assert app.language == "en" and i18n.current_language() == "en"
        title.draw(pygame.Surface((1280, 720)))
        assert title.widget("lang:fr").label == "Français"
        assert title.focus_id == "play_all"  # issue 13.8: Enter then plays, it does not switch back
    finally:
        app.set_language("fr")
        pygame.display.quit()


def test_validate_speaks_english_and_reports_missing_translations(tmp_path, capsys):
    from game.cli import main

    assert main(["validate", "--lang", "en", "--no-layout", str(ROOT / "tests/broken/unknown_theme.yaml"),
                 str(ROOT / "tests/broken/_registry.yaml")]) == 1
    out = capsys.readouterr().out
    assert "error: unknown theme: “nope”" in out
    i18n.set_language("fr")


def test_missing_translation_is_a_warning(real_content, tmp_path):
    import shutil

    root = tmp_path / "locales"
    shutil.copytree(ROOT / "locales" / "en" / "content", root / "en" / "content")
    path = root / "en" / "content" / "obsolescence.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  obs_q01:", "  obs_q01_renamed:", 1), encoding="utf-8")
    missing = missing_translations(real_content, "en", root)
    assert [i.severity for i in missing] == ["warning"]
    assert "obs_q01" not in missing[0].message and "prompt" in missing[0].message
