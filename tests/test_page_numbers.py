"""A paged screen's title: one no-break space before « (1/3) », never two plain ones."""

import pygame
import pytest

from conftest import make_app
from game.scenes.settings import SettingsScene
from game.scenes.sources import SourcesScene


@pytest.mark.parametrize("kind", [SettingsScene, SourcesScene])
def test_a_paged_title_keeps_its_number_beside_it(real_content, kind):
    app = make_app(real_content, (1024, 600))
    app.apply_settings(app.settings.with_value("text_scale", 1.5), save=False)
    scene = kind(app)
    app.push(scene)
    app.step([], 0)
    paged = [tb.text for tb, _c in scene.texts if "(1/" in tb.text]
    pygame.display.quit()
    assert paged, "the screen is not paged at this size: the test shows nothing"
    assert all("\u00a0(1/" in t and "  (" not in t for t in paged), paged
