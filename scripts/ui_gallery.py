#!/usr/bin/env python3
"""Draw the title logo and each new widget at 1280×720, 1024×600 and 1080×1920 into PNG files.

    SDL_VIDEODRIVER=dummy python scripts/ui_gallery.py [/tmp/h6-shots] [--lang en] [--contrast]

A look at the pieces the screens mount (game/ui/icons, logo, meter, charts, reward), before
they are mounted: what a player will see, at the sizes the game runs at.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.content.loader import load_content  # noqa: E402
from game.i18n import _ as _t, set_language  # noqa: E402
from game.ui.layout import metrics_for  # noqa: E402
from game.ui.text import FontBook, TextRenderer  # noqa: E402
from game.ui.theme import DEFAULT, HIGH_CONTRAST  # noqa: E402

SIZES = [(1280, 720), (1024, 600), (1080, 1920)]


def gallery(out: Path, lang: str = "fr", palette=DEFAULT) -> list[Path]:  # noqa: ANN001
    from game.ui import art, charts, logo, meter, reward
    from game.ui.icons import Icons, badge

    set_language(lang)
    pygame.init()
    pygame.display.set_mode((1, 1))
    content = load_content(ROOT / "questions")
    if lang != "fr":
        from game.content.translate import apply

        content = apply(content, lang)
    renderer = TextRenderer(FontBook())
    icons = Icons()
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    tag = f"{lang}{'-hc' if palette is HIGH_CONTRAST else ''}"
    axes = [(a.id, a.label) for a in content.axes.values()]
    profile = {"eco_design": 3.0, "repair": 5.0, "inclusion": 2.0, "ai_ethics": 0.5, "information": 4.0, "security": 1.0}
    for size in SIZES:
        w, h = size
        m = metrics_for(size)
        name = f"{w}x{h}"
        # 0. A title hub as the title screen could mount it: the logo, one big « Jouer », the rest smaller.
        surf = pygame.Surface(size)
        surf.fill(palette.background)
        area = m.content
        logo_h = round(area.height * (0.30 if m.portrait else 0.40))
        logo.draw_logo(surf, pygame.Rect(area.x, area.y, area.width, logo_h), palette, renderer, icons)
        bw = min(area.width, round(m.body * 14))
        play = pygame.Rect(area.centerx - bw // 2, area.y + logo_h + m.gap * 2, bw, round(m.button_h * 1.5))
        pygame.draw.rect(surf, palette.primary, play, border_radius=play.height // 2)
        art.icon_label(surf, play, icons.for_button("play"), _t("Jouer"), palette.on_primary, renderer, icons,
                       round(m.heading * 1.1))
        row = pygame.Rect(area.centerx - bw // 2, play.bottom + m.gap * 2, bw, m.button_h)
        half = (row.width - m.gap) // 2
        for j, (role, label) in enumerate((("class", _t("En classe")), ("kiosk", _t("Borne")))):
            b = pygame.Rect(row.x + j * (half + m.gap), row.y, half, row.height)
            pygame.draw.rect(surf, palette.panel, b, border_radius=b.height // 2)
            pygame.draw.rect(surf, palette.border, b, 2, border_radius=b.height // 2)
            art.icon_label(surf, b, icons.for_button(role), label, palette.text, renderer, icons, m.body)
        row2 = row.move(0, row.height + m.gap)
        for j, (role, label) in enumerate((("language", "Français"), ("settings", _t("Réglages")))):
            b = pygame.Rect(row2.x + j * (half + m.gap), row2.y, half, row2.height)
            pygame.draw.rect(surf, palette.panel, b, border_radius=b.height // 2)
            pygame.draw.rect(surf, palette.border, b, 2, border_radius=b.height // 2)
            art.icon_label(surf, b, icons.for_button(role), label, palette.text, renderer, icons, m.small)
        chip_y = row2.bottom + m.gap * 3
        x = area.x
        for t in content.themes.values():
            label = t.title.split(" et ")[0].split(":")[0].split(",")[0]
            r = pygame.Rect(x, chip_y, area.right - x, round(m.small * 2))
            got = art.theme_chip(surf, r, t.id, label, palette, renderer, icons, m.small)
            x = got.right + m.gap
            if x > area.right - m.body * 8:
                x, chip_y = area.x, chip_y + r.height + m.gap
        _save(surf, out / f"hub-{name}-{tag}.png", saved)
        # 0b. A scenario card as its screen could mount it: art, theme chip, title, choices, meters.
        card = content.scenarios["obs_s01"]
        surf = pygame.Surface(size)
        surf.fill(palette.background)
        area = m.content
        panel = meter.meters_for(content, renderer, icons, scenario_ids=list(content.scenarios)[:8], text_size=m.small)
        strip_h = panel.needed_height(area.width, m.gap)
        body_r = pygame.Rect(area.x, area.y, area.width, area.height - strip_h - m.gap)
        if m.portrait:
            art_r = pygame.Rect(body_r.x, body_r.y, body_r.width, round(body_r.height * 0.28))
            text_r = pygame.Rect(body_r.x, art_r.bottom + m.gap, body_r.width, body_r.bottom - art_r.bottom - m.gap)
        else:
            art_r = pygame.Rect(body_r.x, body_r.y, round(body_r.width * 0.3), body_r.height)
            text_r = pygame.Rect(art_r.right + m.gap * 2, body_r.y, body_r.right - art_r.right - m.gap * 2,
                                 body_r.height)
        art.card_art(surf, art_r, card.id, card.theme, palette, icons)
        chip = art.theme_chip(surf, pygame.Rect(text_r.x, text_r.y, text_r.width, round(m.small * 2)), card.theme,
                              content.themes[card.theme].title, palette, renderer, icons, m.small)
        y = chip.bottom + m.gap
        tb = meter._box(surf, renderer, card.title, pygame.Rect(text_r.x, y, text_r.width, m.heading * 2),
                        m.heading, palette.text, bold=True, valign="top")
        y = tb.bounds.bottom + m.gap
        tb = meter._box(surf, renderer, card.situation, pygame.Rect(text_r.x, y, text_r.width, m.body * 5),
                        m.body, palette.text, valign="top")
        y = tb.bounds.bottom + m.gap
        for k, ch in enumerate(card.choices):
            b = pygame.Rect(text_r.x, y, text_r.width, m.button_h)
            if b.bottom > text_r.bottom:
                break
            pygame.draw.rect(surf, palette.choice, b, border_radius=m.gap)
            pygame.draw.rect(surf, palette.border, b, 2, border_radius=m.gap)
            num = pygame.Rect(b.x + m.gap // 2, b.y + (b.height - m.body * 1.4) // 2, m.body * 1.4, m.body * 1.4)
            pygame.draw.circle(surf, palette.theme_color(card.theme), num.center, num.width // 2)
            img = renderer.render(str(k + 1), m.small, palette.on_theme, True)
            surf.blit(img, img.get_rect(center=num.center))
            meter._box(surf, renderer, ch.text, pygame.Rect(num.right + m.gap, b.y, b.right - num.right - m.gap * 2,
                                                            b.height), m.body, palette.text)
            y = b.bottom + m.gap // 2
        panel.draw(surf, pygame.Rect(area.x, area.bottom - strip_h, area.width, strip_h), palette, m.gap)
        _save(surf, out / f"card-{name}-{tag}.png", saved)
        # 1. Title: logo and a hub of theme badges.
        surf = pygame.Surface(size)
        surf.fill(palette.background)
        area = m.content
        logo_h = round(area.height * (0.32 if m.portrait else 0.42))
        logo.draw_logo(surf, pygame.Rect(area.x, area.y, area.width, logo_h), palette, renderer, icons)
        y = area.y + logo_h + m.gap * 2
        themes = list(content.themes.values())
        cols = 5
        side = min((area.width - (cols - 1) * m.gap) // cols, round(m.body * (4.5 if m.portrait else 3.2)))
        total_w = cols * side + (cols - 1) * m.gap
        x0 = area.centerx - total_w // 2
        for i, t in enumerate(themes):
            r = pygame.Rect(x0 + (i % cols) * (side + m.gap), y + (i // cols) * (side + m.body * 2 + m.gap), side, side)
            badge(surf, icons, icons.for_theme(t.id), r.inflate(-side // 6, -side // 6), palette.theme_color(t.id),
                  palette.on_theme)
            lab = pygame.Rect(r.x - m.gap // 2, r.bottom, r.width + m.gap, m.body * 2)
            meter._box(surf, renderer, t.title.split(":")[0].split(" et ")[0], lab, m.small, palette.text,
                       align="center", valign="top")
        _save(surf, out / f"title-{name}-{tag}.png", saved)
        # 2. Gauges: empty, then after two choices (one mid-animation).
        for state in ("empty", "moved"):
            surf = pygame.Surface(size)
            surf.fill(palette.background)
            panel = meter.meters_for(content, renderer, icons, scenario_ids=list(content.scenarios)[:8],
                                     text_size=m.small)
            if state == "moved":
                panel.set_values({"co2e": 0, "people": 0}, animate=False)
                panel.set_values({"co2e": 58, "resources": 70, "people": 3, "new_devices": 1})
                panel.update(0.2)
            strip_h = panel.needed_height(w - 2 * m.margin, m.gap)
            panel.draw(surf, pygame.Rect(m.margin, m.margin, w - 2 * m.margin, strip_h), palette, m.gap)
            # Also one big meter alone (the results screen).
            big = meter.Meter(content.indicators["co2e"], renderer, icons, value=116 if state == "moved" else 0,
                              high=290, basis=panel.meters[0].basis)
            if state == "moved":
                big.last_change = 58
            big.draw(surf, pygame.Rect(m.margin, m.margin + strip_h + m.gap * 2, min(w - 2 * m.margin, m.body * 24),
                                       round(m.body * 8)), palette)
            _save(surf, out / f"gauges-{state}-{name}-{tag}.png", saved)
        # 3. Profile chart, radar and bars.
        surf = pygame.Surface(size)
        surf.fill(palette.background)
        if m.portrait:
            top = pygame.Rect(m.margin, m.margin, w - 2 * m.margin, (h - 3 * m.margin) // 2)
            bottom = pygame.Rect(m.margin, top.bottom + m.margin, top.width, top.height)
        else:
            top = pygame.Rect(m.margin, m.margin, (w - 3 * m.margin) // 2, h - 2 * m.margin)
            bottom = pygame.Rect(top.right + m.margin, m.margin, top.width, top.height)
        charts.ProfileChart(axes, profile, renderer, icons, style="radar").draw(surf, top, palette)
        charts.ProfileChart(axes, profile, renderer, icons, style="bars").draw(surf, bottom, palette)
        _save(surf, out / f"profile-{name}-{tag}.png", saved)
        # 4. Reward pop and the career cards' pictograms.
        surf = pygame.Surface(size)
        surf.fill(palette.background)
        pop = reward.RewardPop()
        pop.start(points=1, streak=3)
        pop.update(0.25)
        reward.draw_pop(surf, pop, pygame.Rect(m.margin, m.margin, w - 2 * m.margin, m.body * 5), palette, renderer,
                        icons)
        cols = 4 if not m.portrait else 3
        cw = (w - 2 * m.margin - (cols - 1) * m.gap) // cols
        ch = round(m.body * 3)
        y = m.margin + m.body * 6
        for i, c in enumerate(list(content.careers.values())):
            r = pygame.Rect(m.margin + (i % cols) * (cw + m.gap), y + (i // cols) * (ch + m.gap), cw, ch)
            if r.bottom > h - m.margin:
                break
            pygame.draw.rect(surf, palette.panel, r, border_radius=m.gap)
            pygame.draw.rect(surf, palette.border, r, 1, border_radius=m.gap)
            side = ch - m.gap
            badge(surf, icons, icons.for_career(c.id), pygame.Rect(r.x + m.gap // 2, r.y + m.gap // 2, side, side),
                  palette.primary, palette.on_primary)
            meter._box(surf, renderer, c.name, pygame.Rect(r.x + side + m.gap, r.y, r.width - side - m.gap * 1.5,
                                                           r.height), m.small, palette.text, bold=True)
        _save(surf, out / f"reward-careers-{name}-{tag}.png", saved)
    return saved


def _save(surf: pygame.Surface, path: Path, saved: list[Path]) -> None:
    pygame.image.save(surf, str(path))
    saved.append(path)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    lang = "en" if "--lang" in sys.argv and "en" in sys.argv else "fr"
    pal = HIGH_CONTRAST if "--contrast" in sys.argv else DEFAULT
    for p in gallery(Path(args[0] if args else "/tmp/h6-shots"), lang, pal):
        print(p)
