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


# A figure and its unit stay on one line: « 200 g », « 58 kg CO₂e », « 131 TWh », « 2 $ » need a
# no-break space (U+00A0, or U+202F) between them, in French and in English. A plain space let
# « pour 200 / g. » break on the consequence screen at 1024×600.
UNIT_AFTER_PLAIN_SPACE = r"\d (?:kg|g|t|Mt|Gt|TWh|GWh|kWh|Wh|kW|W|Go|Mo|To|Ko|km|cm|mm|m|°C|€|\$|ms|min|h|s|%)(?![\w'’])"


def test_no_figure_is_parted_from_its_unit_by_a_plain_space():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    pattern = re.compile(UNIT_AFTER_PLAIN_SPACE)
    bad = []
    for path in sorted([*root.glob("questions/*.yaml"), *root.glob("locales/*/content/*.yaml")]):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#"):
                continue
            bad += [f"{path.relative_to(root)}:{n}: «{m.group(0)}»" for m in pattern.finditer(line)]
    assert not bad, f"{len(bad)} figures parted from their unit, e.g. " + "; ".join(bad[:8])


def test_the_unit_rule_sees_what_it_should():
    import re

    pattern = re.compile(UNIT_AFTER_PLAIN_SPACE)
    assert pattern.search("l'affiche dit 200 kg de matières pour 200 g.")
    assert pattern.search("moins de 2 $ de l'heure") and pattern.search("58 TWh")
    assert not pattern.search("pour 200\u00a0g.") and not pattern.search("58\u202fkg")
    assert not pattern.search("Le 3018 s'adresse aux jeunes") and not pattern.search("3 tonnes, 12 ans, 5 gestes")
