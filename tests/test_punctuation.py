"""Language-dependent signs come from the catalog (issue 13.2): « Carbone : +10,4 kg CO₂e » in
French, « Carbon: +10.4 kg CO₂e » in English, never a French colon in English."""

import pygame
import pytest

from conftest import make_app
from game.scenes.play import Play
from game.scenes.results import ResultsScene
from game.scenes.scenario import ScenarioScene
from game.session import FULL_PATH, Session, Step
from game.ui.widgets import Button


@pytest.fixture
def app(real_content):
    a = make_app(real_content)
    yield a
    a.set_language("fr")
    pygame.display.quit()


def consequence_texts(app, card="obs_s01", choice="refurbished"):
    session = Session(app.content, FULL_PATH, [Step("scenario", card)], seed=0)
    scene = ScenarioScene(app, Play(session), app.content.scenarios[card])
    app.replace(scene)
    scene.ensure_layout((1280, 720))
    scene.on_activate(Button(f"choice:{choice}", pygame.Rect(0, 0, 1, 1)))
    scene.ensure_layout((1280, 720))
    # the page's texts and what the meters say (they draw their own text; speech reads it)
    return " ".join(tb.text for tb, _c in scene.texts) + " " + scene.speech(), session


@pytest.mark.parametrize("lang, want", [("fr", "Carbone\u00a0: 10,4\u00a0kg CO₂e"), ("en", "Carbon: 10.4\u00a0kg CO₂e")])
def test_gauge_changes_follow_the_language(app, lang, want):
    app.set_language(lang)
    text, _session = consequence_texts(app)
    assert want in text
    if lang == "en":
        assert "\u00a0:" not in text


def test_results_gauges_follow_the_language(app):
    app.set_language("en")
    _text, session = consequence_texts(app)
    session.advance()
    scene = ResultsScene(app, Play(session))
    app.replace(scene)
    scene.ensure_layout((1280, 720))
    texts = " ".join(tb.text for tb, _c in scene.texts) + " " + scene.speech()
    assert "Carbon: " in texts and "\u00a0:" not in texts


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 600), (1080, 1920)])
def test_every_career_sheet_keeps_its_back_button_on_screen(app, lang, size):
    """Issue 13.9: « Retour » was reachable only by scrolling at 1280×720."""
    from game.scenes.overlays import CareerScene

    app.set_language(lang)
    for cid in app.content.careers:
        scene = CareerScene(app, cid)
        app.replace(scene)
        scene.ensure_layout(size)
        assert scene.max_scroll == 0, cid
        back = scene.widget("back")
        assert back is not None and back.rect.bottom <= size[1]
