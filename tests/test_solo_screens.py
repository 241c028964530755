"""Solo and kiosk screens: the level's shorter game said in words (issue 14.4), the settings'
punctuation from the catalog (13.2), the kiosk's admin level kept in the file, the careers sheet's
pinned buttons (13.9), the attract loop's facts and language buttons (13.10), the sources screen (14.6)."""

import tomllib

import pygame
import pytest

from conftest import make_app
from game.settings import Settings, SettingsStore


@pytest.fixture
def app(real_content, tmp_path, monkeypatch):
    monkeypatch.setenv("NEJ_CONFIG_DIR", str(tmp_path))
    a = make_app(real_content)
    yield a
    a.set_language("fr")
    pygame.display.quit()


def texts(scene):
    return " ".join(tb.text for tb, _c in scene.texts)


def first_short_theme(content, level="college"):
    from game.session import Session

    for t in sorted(content.themes):
        if Session.start(content, t, 1, "normal", level).short_by:
            return t
    pytest.skip("no theme is short of collège questions")


@pytest.mark.parametrize("lang, want", [
    ("fr", "Ce thème a seulement 7\u00a0questions de niveau collège\u00a0: la partie est plus courte."),
    ("en", "This theme has only 7 middle-school questions: the game is shorter."),
])
def test_a_short_level_names_the_questions_left_and_the_level(app, lang, want):
    from game.scenes.play import Play
    from game.scenes.question import QuestionScene
    from game.session import Session

    theme = first_short_theme(app.content)
    app.set_language(lang)
    session = Session.start(app.content, theme, 1, "normal", "college")
    assert session.short_by and session.question_count == 7
    step = session.current
    scene = QuestionScene(app, Play(session), app.content.questions[step.id])
    app.replace(scene)
    scene.ensure_layout((1280, 720))
    assert want in texts(scene)


@pytest.mark.parametrize("lang, want, wrong", [
    ("fr", "Taille du texte\u00a0: 100\u00a0%", "Text size"),
    ("en", "Text size: 100%", "\u00a0:"),
])
def test_settings_labels_take_their_punctuation_from_the_catalog(app, lang, want, wrong):
    from game.scenes.settings import SettingsScene

    app.set_language(lang)
    scene = SettingsScene(app)
    app.push(scene)
    scene.ensure_layout((1280, 720))
    labels = " ".join(w.label for w in scene.widgets)
    assert want in labels and wrong not in labels
    assert scene.widget_label("text_scale") == want


def test_the_kiosk_admin_level_is_saved_although_a_kiosk_never_writes_players_settings(app, tmp_path):
    from game.scenes.kiosk import AdminScene, KioskController

    store = SettingsStore(path=tmp_path / "settings.toml", writable=False)
    store.path.write_text('kiosk_admin_pin = "2468"\n', encoding="utf-8")
    app.store = store
    app.apply_settings(store.load().with_value("text_scale", 1.5), save=False)  # a player's choice
    app.kiosk = KioskController(app)
    scene = AdminScene(app)
    app.push(scene)
    scene.ensure_layout((1280, 720))
    scene.on_activate(scene.widget("level"))
    assert app.settings.level == "college"
    saved = tomllib.loads(store.path.read_text(encoding="utf-8"))
    assert saved == {"kiosk_admin_pin": "2468", "level": "college"}  # the player's text size not kept
    assert SettingsStore(path=store.path).load().level == "college"


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)], ids=["1280x720", "1024x600"])
def test_the_career_sheet_keeps_its_buttons_in_view_and_scrolls_its_text(real_content, size, scale):
    """Issue 13.9: at large text the whole page scrolled and « Retour » went below the window."""
    from game import input as inp
    from game.scenes.overlays import CareerScene

    app = make_app(real_content, size)  # a window of that size: input lays the scene out for it
    app.apply_settings(Settings(text_scale=scale, line_spacing=1.5), save=False)
    scrolled = 0
    for cid, career in sorted(app.content.careers.items()):
        scene = CareerScene(app, cid)
        app.replace(scene)
        scene.ensure_layout(size)
        assert scene.max_scroll == 0, cid  # the page itself never scrolls
        window = pygame.Rect(0, 0, *size)
        for wid in ("back", "settings"):
            assert window.contains(scene.widget(wid).rect), (cid, wid)
        shown = [tb for tb, _c in scene.texts] + scene.body
        assert not any(tb.fitted.truncated for tb in shown), cid
        assert career.path in " ".join(tb.text for tb in shown)
        if scene.body:  # too long for its frame: it scrolls there, under the buttons' row
            scrolled += 1
            assert all(tb.box.bottom > scene.view.bottom or tb.box.height <= scene.view.height for tb in scene.body)
            assert scene.view.bottom <= scene.widget("back").rect.top
            for _ in range(200):
                scene.handle(inp.Intent(inp.SCROLL, index=1))
            assert scene.text_scroll == scene.text_max_scroll > 0
            scene.handle(inp.Intent(inp.UP, device="keyboard"))
            assert scene.text_scroll < scene.text_max_scroll
            scene.draw(pygame.Surface(size))
            scene.handle(inp.Intent(inp.POINTER_DOWN, device="touch", pos=scene.view.center))
            before = scene.text_scroll
            scene.handle(inp.Intent(inp.POINTER_MOVE, device="touch", pressed=True,
                                    pos=(scene.view.centerx, scene.view.centery - 30)))
            scene.handle(inp.Intent(inp.POINTER_UP, device="touch", pos=(scene.view.centerx, scene.view.centery - 30)))
            assert scene.text_scroll == min(scene.text_max_scroll, before + 30)
            assert app.top is scene  # a drag on the text presses nothing
    if scale == 2.0:
        assert scrolled  # at 200 % some sheets are longer than their frame


def test_a_scrolling_career_sheet_is_drawn_inside_its_frame(real_content):
    from game.scenes.overlays import CareerScene

    app = make_app(real_content, (1024, 600))
    app.apply_settings(Settings(text_scale=2.0, line_spacing=1.5), save=False)
    scene = next(s for s in (CareerScene(app, c) for c in sorted(app.content.careers))
                 if (app.replace(s), s.ensure_layout((1024, 600)), s.body)[2])
    top, end = pygame.Surface((1024, 600)), pygame.Surface((1024, 600))
    scene.draw(top)
    scene.text_scroll = scene.text_max_scroll
    scene.draw(end)
    inside = [(x, y) for x in range(0, 1024, 3) for y in range(0, 600, 3) if scene.view.collidepoint(x, y)]
    outside = [(x, y) for x in range(0, 1024, 3) for y in range(0, 600, 3) if not scene.view.collidepoint(x, y)]
    assert any(top.get_at(p) != end.get_at(p) for p in inside)  # the text moved in its frame...
    assert all(top.get_at(p) == end.get_at(p) for p in outside)  # ...and nothing outside it


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_attract_loop_shows_authored_facts_that_stand_alone_with_their_source(real_content, lang):
    """Issue 13.10: « L'objectif est de 100 % depuis 2019… » had no subject; RGAA was never explained."""
    import re

    from game.scenes.kiosk import AttractScene

    app = make_app(real_content)
    app.set_language(lang)
    scene = AttractScene(app)
    app.reset_to(scene)
    facts = scene.facts()
    assert [text for text, _s in facts] == [f.text for f in app.content.facts.values()] and len(facts) >= 10
    for i, (text, sources) in enumerate(facts):
        assert sources, text
        scene.fact_index = i
        scene.invalidate()
        scene.ensure_layout((1024, 600))
        shown = texts(scene)
        assert text in shown and sources[0] in shown
        assert not re.match(r"(L'objectif|Il |Elle |Ils |Ce |Cela |The goal|It |This )", text), text
        for acronym in re.findall(r"\b[A-Z]{3,}\b", text):  # an acronym is spelt out in its sentence
            assert acronym in ("GAFAM", "RGAA", "RDC", "DRC", "TWh") and "(" in text or "référentiel" in text \
                or "standard" in text, (acronym, text)
    app.set_language("fr")


def test_the_attract_loop_draws_language_buttons_not_check_boxes(real_content):
    from game.scenes.kiosk import AttractScene

    app = make_app(real_content)
    scene = AttractScene(app)
    app.reset_to(scene)
    scene.ensure_layout((1280, 720))
    fr, en = scene.widget("lang:fr"), scene.widget("lang:en")
    assert not fr.toggle and not en.toggle
    assert fr.label == "Français" and en.label == "English"
    assert fr.selected and fr.style == "primary" and "langue choisie" in fr.alt  # in use: filled, and said
    assert not en.selected and en.style == "secondary"


def test_the_sources_screen_lists_every_source_with_the_items_citing_it(app):
    """Issue 14.6: each source with what it supports, read from source_ids."""
    from game.scenes.sources import SourcesScene, supported_by
    from game.scenes.title import TitleScene

    content = app.content
    table = supported_by(content)
    assert set(table) == set(content.sources)
    for q in content.questions.values():  # a question with several sources counts under each
        for sid in q.source_ids:
            assert q.id in table[sid]["questions"]
    several = next(q for q in content.questions.values() if len(q.source_ids) > 1)
    assert all(several.id in table[sid]["questions"] for sid in several.source_ids)
    for card in content.scenarios.values():
        for sid in {i for c in card.choices for i in c.source_ids} | set(card.source_ids):
            assert table[sid]["scenarios"].count(card.id) == 1
    title = TitleScene(app)
    app.reset_to(title)
    title.ensure_layout((1024, 600))
    title.on_activate(title.widget("sources"))
    scene = app.top
    assert isinstance(scene, SourcesScene)
    seen, pages_text = [], {}
    for _ in range(60):
        scene.ensure_layout((1024, 600))
        assert scene.max_scroll == 0 and pygame.Rect(0, 0, 1024, 600).contains(scene.widget("back").rect)
        shown = texts(scene)
        for sid in scene.shown:
            src = content.sources[sid]
            assert src.short_label in shown and src.title in shown
            pages_text[sid] = pages_text.get(sid, "") + shown
        seen += scene.shown
        nxt = scene.widget("next")
        if nxt is None or not nxt.enabled:
            break
        scene.on_activate(nxt)
    assert set(seen) == set(content.sources)
    for sid, text in pages_text.items():  # what it supports, counted
        n = len(table[sid].get("questions", []))
        if n:
            assert f"{n}\u00a0question" in text, sid


def consequence_scene(app, card, choice_id):
    from game.scenes.play import Play
    from game.scenes.scenario import ScenarioScene
    from game.session import Session, Step
    from game.ui.widgets import Button

    scene = ScenarioScene(app, Play(Session(app.content, "all", [Step("scenario", card.id)], seed=0)), card)
    scene.on_activate(Button(f"choice:{choice_id}", pygame.Rect(0, 0, 1, 1)))
    assert scene.phase == "consequence"
    return scene


def test_the_consequence_names_every_source_of_the_choice_and_the_card(app):
    """Issue 14.6: « Sources : La Mêlée, 2025 ; Affiche … », not the first id alone."""
    content = app.content
    card = next(s for s in content.scenarios.values()
                for c in s.choices if len({content.sources[i].short_label for i in (*c.source_ids, *s.source_ids)}) > 1)
    choice = next(c for c in card.choices
                  if len({content.sources[i].short_label for i in (*c.source_ids, *card.source_ids)}) > 1)
    scene = consequence_scene(app, card, choice.id)
    scene.draw(pygame.Surface((1280, 720)))
    shown = texts(scene)
    labels = {content.sources[i].short_label for i in (*choice.source_ids, *card.source_ids)}
    assert "Sources\u00a0: " in shown and all(label in shown for label in labels), (labels, shown)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(1024, 600), (1080, 1920)])
def test_four_gauge_lines_fit_the_consequence_screen(app, real_content, lang, size):
    """A choice moving all four gauges, on the cards with the longest consequences: every meter
    says its change in words, nothing cut, nothing below the window, « Continuer » in view
    (issue 14: at 1024x600 the fourth line was cut)."""
    import copy

    app.set_language(lang)
    content = copy.copy(app.content)
    longest = sorted(content.scenarios.values(),
                     key=lambda s: -max(len(c.consequence) + len(c.basis or "") for c in s.choices))[:4]
    four = {ind: 10.0 for ind in sorted(content.indicators)}
    assert len(four) == 4
    content.scenarios = dict(content.scenarios)
    problems = []
    for card in longest:
        choice = max(card.choices, key=lambda c: len(c.consequence) + len(c.basis or ""))
        changed = choice.model_copy(update={"effects": four, "basis": choice.basis or "—",
                                            "sources": list(choice.source_ids) or list(card.source_ids)})
        content.scenarios[card.id] = card.model_copy(
            update={"choices": [changed if c.id == choice.id else c for c in card.choices]})
        app.content = content
        scene = consequence_scene(app, content.scenarios[card.id], choice.id)
        scene.update(1.0)  # the meters reach their values and stop
        scene.draw(pygame.Surface(size))
        # The gauges are meters now (issue 16.4): each says its change in words beside its arrow.
        meters = scene.meters.meters
        said = [mt for mt in meters if mt.last_change == 10.0
                and any(verdict_words in " ".join(tb.text for tb in mt.drawn)
                        for verdict_words in ("la planète", "les personnes", "the planet", "people"))]
        cut = [tb.text for mt in meters for tb in mt.drawn if tb.fitted.truncated]
        if scene.page_height > size[1]:
            problems.append(f"{card.id}: the page scrolls ({scene.page_height} px)")
        if len(said) != 4 or cut or scene.meters.moving:
            problems.append(f"{card.id}: the four meters do not all say their change: {len(said)}, cut {cut}")
        if scene.meters_rect.colliderect(scene.widget("continue").rect):
            problems.append(f"{card.id}: the meters cover « Continuer »")
    app.content = app._contents[app.language]
    assert not problems, problems


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1080, 1920)])
def test_the_longest_consequences_fit_one_screen(app, size):
    """The real choices with the longest consequence and basis, and every gauge they move: one
    screen, no scrolling, nothing cut or squeezed (at 1280x720 seven of them used to scroll)."""
    content = app.content
    pairs = sorted(((s, c) for s in content.scenarios.values() for c in s.choices),
                   key=lambda sc: -(len(sc[1].consequence) + len(sc[1].basis or "")))[:6]
    pairs += [(s, c) for s in content.scenarios.values() for c in s.choices
              if sum(1 for v in c.effects.values() if v) >= 2]
    problems = []
    for card, choice in pairs:
        scene = consequence_scene(app, card, choice.id)
        scene.draw(pygame.Surface(size))
        squeezed = [tb.text[:30] for tb, _c in scene.texts
                    if tb.fitted.truncated or tb.fitted.size < tb.size * 0.8]
        if scene.page_height > size[1] or squeezed:
            problems.append((card.id, choice.id, scene.page_height, squeezed))
    assert not problems, problems


def test_the_answer_names_every_source_of_the_question(app):
    """Issue 14.6, on the question's feedback: each document once, with what its notes say."""
    from game.scenes.play import Play
    from game.scenes.question import QuestionScene
    from game.session import Session, Step

    content = app.content
    q = next(q for q in content.questions.values() if q.type != "estimate"
             and len({content.sources[i].short_label for i in q.source_ids}) > 1)
    scene = QuestionScene(app, Play(Session(content, "all", [Step("question", q.id)], seed=0)), q)
    scene._submit([q.choices[0].id], None)
    scene.draw(pygame.Surface((1280, 720)))
    [line] = [tb.text for tb, _c in scene.texts if tb.text.startswith("Sources\u00a0: ")]
    for sid in q.source_ids:
        src = content.sources[sid]
        assert src.short_label in line and (not src.note or src.note in line), (sid, line)
    assert line.count(content.sources[q.source_ids[0]].short_label) == 1
