"""Pictures: every file of the manifest is there, licensed, described in both languages, loads
at the sizes screens use, takes the colour asked; the cache stays bounded; nothing at import."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.i18n import set_language
from game.ui import icons as icons_mod
from game.ui.icons import FALLBACK, ICONS_DIR, Icons
from game.ui.theme import DEFAULT, HIGH_CONTRAST, contrast

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((ICONS_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
BUTTONS = ("play", "settings", "language", "back", "next", "sources", "help", "kiosk", "class")


@pytest.fixture(scope="module")
def icons() -> Icons:
    pygame.display.init()
    return Icons()


def test_every_manifest_entry_exists_unchanged_and_licensed():
    assert len(MANIFEST["icons"]) >= 60
    for name, e in MANIFEST["icons"].items():
        path = ICONS_DIR / e["file"]
        assert path.is_file(), name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == e["sha256"], f"{name} changed since fetched"
        assert e["licence"] and e["version"] and e["original"] and e["package"], name
        licence = ICONS_DIR / e["licence_file"]
        assert licence.is_file() and "Permission is hereby granted" in licence.read_text(encoding="utf-8")
        assert e["alt_fr"].strip() and e["alt_en"].strip(), name
    # No stray picture that the manifest does not describe.
    assert {p.name for p in ICONS_DIR.glob("*.svg")} == {e["file"] for e in MANIFEST["icons"].values()}


def test_every_picture_loads_at_24_48_96_in_the_colour_asked(icons):
    colour = (190, 56, 56)
    for name in icons.names():
        for size in (24, 48, 96):
            surf = icons.get(name, size, colour)
            assert surf.get_size() == (size, size), name
            mask = pygame.mask.from_surface(surf, 200)
            assert mask.count() >= size // 2, f"{name} at {size}px is (almost) empty"
            strong = [surf.get_at(pt) for pt in mask.outline()[::3]]
            assert all(abs(c.r - colour[0]) < 8 and abs(c.g - colour[1]) < 8 and abs(c.b - colour[2]) < 8
                       for c in strong), f"{name} not recoloured"
    icons.clear()


def test_uses_cover_every_theme_card_career_gauge_axis_and_button(real_content, icons):
    uses = MANIFEST["uses"]
    for kind, ids in (("theme", real_content.themes), ("card", real_content.scenarios),
                      ("career", real_content.careers), ("gauge", real_content.indicators),
                      ("axis", real_content.axes)):
        missing = sorted(set(ids) - set(uses[kind]))
        assert not missing, f"{kind} without a picture: {missing}"
        assert all(v in MANIFEST["icons"] for v in uses[kind].values())
    assert set(BUTTONS) <= set(uses["button"])
    # Each kiosk fact is shown with its theme's colour and pictogram.
    assert set(real_content.facts) <= set(MANIFEST["fact_theme"])
    assert set(MANIFEST["fact_theme"].values()) <= set(real_content.themes)
    fact = next(iter(real_content.facts))
    assert icons.for_fact(fact) == icons.for_theme(icons.theme_of_fact(fact))
    # One pictogram per theme, none shared between two themes.
    assert len(set(uses["theme"].values())) == len(uses["theme"])


def test_fallbacks_for_ids_the_manifest_does_not_know(icons):
    assert icons.for_theme("a_teachers_own_theme") == FALLBACK
    assert icons.for_card("new_card", "cobalt") == icons.for_theme("cobalt")
    assert icons.for_button("no_such_role") is None
    surf = icons.get("no-such-picture", 32, (0, 0, 0))
    assert surf.get_size() == (32, 32) and surf.get_at((16, 16)).a == 0


def test_alt_text_in_french_and_english(icons):
    try:
        set_language("fr")
        assert icons.alt("recycle") == "Flèches du recyclage"
        set_language("en")
        for name, e in MANIFEST["icons"].items():
            assert icons.alt(name) == e["alt_en"], name
    finally:
        set_language("fr")


def test_alt_texts_are_marked_for_extraction_and_in_the_catalog():
    """pybabel extract reads game/**.py: game/ui/icon_alts.py keeps the manifest's texts in the catalog."""
    from babel.messages.pofile import read_po

    from game.ui.icon_alts import ALTS

    assert set(ALTS) == {e["alt_fr"] for e in MANIFEST["icons"].values()}
    with (ROOT / "locales" / "en" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="en")
    for e in MANIFEST["icons"].values():
        msg = catalog.get(e["alt_fr"])
        assert msg is not None and msg.string == e["alt_en"], e["alt_fr"]


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=["default", "high_contrast"])
def test_theme_colours_pass_4_5_under_their_text_and_on_the_background(real_content, palette):
    ids = dict(palette.themes)
    assert set(real_content.themes) <= set(ids), "a theme without its own colour"
    assert len(set(ids.values())) == len(ids), "two themes share a colour"
    for tid, rgb in ids.items():
        assert contrast(palette.on_theme, rgb) >= 4.5, tid
        assert contrast(rgb, palette.background) >= 4.5, tid
        assert contrast(rgb, palette.panel) >= 4.5, tid
    # An unknown theme still gets a colour, the same one each time.
    assert palette.theme_color("x_own") == palette.theme_color("x_own") in ids.values()


def test_cache_is_bounded_and_reuses_what_it_has():
    pygame.display.init()
    small = Icons(max_entries=8)
    names = small.names()[:12]
    for n in names:
        small.get(n, 40, (0, 0, 0))
    assert small.cached() == 8
    before = small.misses
    small.get(names[-1], 40, (0, 0, 0))
    assert small.misses == before, "a picture in the cache was drawn again"
    tight = Icons(max_bytes=3 * 96 * 96 * 4)
    for n in names[:6]:
        tight.get(n, 96, (0, 0, 0))
    assert tight.cached() == 3 and tight.cached_bytes <= 3 * 96 * 96 * 4


def test_nothing_is_read_at_import_time():
    code = ("import game.ui.icons as i, game.ui.meter, game.ui.charts, game.ui.reward, game.ui.logo;"
            "assert i._shared is None; x = i.Icons(); assert x._manifest is None and not x._svg; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().endswith("ok"), out.stderr


def test_fetch_script_check_mode_agrees_with_the_files():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "fetch_assets.py"), "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr


def test_shared_is_made_once():
    icons_mod._shared = None
    a = icons_mod.shared()
    assert icons_mod.shared() is a
