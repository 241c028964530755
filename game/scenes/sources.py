"""The sources screen (issue 14.6): each source of the bank, and what it supports, that is the
items that cite it (by ``source_ids``), so that a reader can check every figure against it.

Pages of whole sources, « Précédent » / « Suivant » and « Retour » always in view.
"""

from __future__ import annotations

import pygame

from game.content.loader import Content
from game.i18n import _, ngettext
from game.scenes.base import Paged, Scene
from game.scenes.context import Context
from game.ui.layout import Metrics, centered, take_bottom, take_top
from game.ui.widgets import Button, Widget

# Kinds of items, in the order shown: what a source supports.
KINDS = ("questions", "scenarios", "careers", "takeaways", "practices", "facts", "posts", "indicators")
SHOWN_PER_KIND = 2  # items named per kind; the others are counted


def supported_by(content: Content) -> dict[str, dict[str, list[str]]]:
    """source id -> kind -> ids of the items citing it (a card counts once, whether the card or one
    of its choices cites it). Every source of the bank is a key, even one nothing cites."""
    table: dict[str, dict[str, list[str]]] = {sid: {} for sid in content.sources}

    def cite(sid: str, kind: str, item_id: str) -> None:
        ids = table.setdefault(sid, {}).setdefault(kind, [])
        if item_id not in ids:
            ids.append(item_id)

    for kind in ("questions", "takeaways", "practices", "facts", "posts"):
        for item in getattr(content, kind).values():
            for sid in item.source_ids:
                cite(sid, kind, item.id)
    for card in content.scenarios.values():
        for sid in (*card.source_ids, *(i for c in card.choices for i in c.source_ids)):
            cite(sid, "scenarios", card.id)
    for career in content.careers.values():
        cite(career.source, "careers", career.id)
    for ind in content.indicators.values():
        if ind.comparison is not None:
            cite(ind.comparison.source, "indicators", ind.id)
    return table


def kind_count(kind: str, n: int) -> str:
    words = {
        "questions": ngettext("{n}\u00a0question", "{n}\u00a0questions", n),
        "scenarios": ngettext("{n}\u00a0situation", "{n}\u00a0situations", n),
        "careers": ngettext("{n}\u00a0fiche métier", "{n}\u00a0fiches métiers", n),
        "takeaways": ngettext("{n}\u00a0carte «\u00a0À toi d'agir\u00a0»", "{n}\u00a0cartes «\u00a0À toi d'agir\u00a0»", n),
        "practices": ngettext("{n}\u00a0bonne pratique", "{n}\u00a0bonnes pratiques", n),
        "facts": ngettext("{n}\u00a0fait de la borne", "{n}\u00a0faits de la borne", n),
        "posts": ngettext("{n}\u00a0post de la mesure", "{n}\u00a0posts de la mesure", n),
        "indicators": ngettext("{n}\u00a0comparaison de jauge", "{n}\u00a0comparaisons de jauges", n),
    }
    return words[kind].format(n=n)


def item_label(content: Content, kind: str, item_id: str) -> str:
    item = getattr(content, kind)[item_id]
    text = {"questions": lambda: item.prompt, "scenarios": lambda: item.title, "careers": lambda: item.name,
            "takeaways": lambda: item.title, "practices": lambda: item.title, "facts": lambda: item.text,
            "posts": lambda: item.author, "indicators": lambda: item.label}[kind]()
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]  # « data analyst·e » is stored as it reads inside a sentence
    return text if len(text) <= 90 else text[:88].rsplit(" ", 1)[0] + "…"


def source_block(content: Content, sid: str, cited: dict[str, list[str]]) -> tuple[str, str]:
    """(heading, body) for one source: who, what, and what it supports."""
    src = content.sources[sid]
    heading = _("{source}\u00a0: {title}").format(source=src.short_label, title=src.title)
    lines = [src.note] if src.note else []
    kinds = [k for k in KINDS if cited.get(k)]
    if not kinds:
        lines.append(_("Aucun élément du jeu ne la cite pour l'instant."))
    else:
        lines.append(_("Elle appuie\u00a0: {list}.").format(
            list=", ".join(kind_count(k, len(cited[k])) for k in kinds)))
        for k in kinds:
            for item_id in cited[k][:SHOWN_PER_KIND]:
                lines.append("• " + item_label(content, k, item_id))
    return heading, "\n".join(lines)


class SourcesScene(Paged, Scene):
    name = "sources"
    scrollable = False  # pages of whole sources: the buttons never leave the window

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.page = 0
        self.pages = 1
        self.shown: list[str] = []  # the source ids on this page

    @property
    def screen_name(self) -> str:
        return f"sources_{self.page + 1}"

    def blocks(self) -> list[tuple[str, str, str]]:
        content = self.ctx.content
        table = supported_by(content)
        order = sorted(content.sources, key=lambda sid: (-sum(len(v) for v in table[sid].values()), sid))
        return [(sid, *source_block(content, sid, table[sid])) for sid in order]

    def build(self, m: Metrics) -> None:
        r = self.ctx.renderer
        area = centered(m.content, max(m.body * 44, m.content.width * 3 // 4))
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        head, area = take_top(area, round(m.heading * 1.6), m.gap)
        blocks = self.blocks()

        # Pages of lines: a source's heading, then its lines one by one; a source too long for
        # the rest of a page goes on at the top of the next (its heading said again), so that
        # nothing is ever cut, whatever the text size.
        pieces: list[tuple[str, str, bool]] = []  # (source id, text, is heading)
        for sid, heading, body in blocks:
            pieces.append((sid, heading, True))
            pieces += [(sid, line, False) for line in body.split("\n")]

        def height(text: str, bold: bool) -> int:
            size = m.body if bold else m.small
            return r.fit(text, area.width, 10_000, size, size, bold).height

        pages: list[list[tuple[str, str, bool, int]]] = [[]]
        y = 0
        for i, (sid, text, bold) in enumerate(pieces):
            h = height(text, bold)
            gap = (m.gap * 2 if pages[-1] else 0) if bold else m.gap // 3
            # a heading never ends a page alone
            after = height(pieces[i + 1][1], False) + m.gap // 3 if bold and i + 1 < len(pieces) else 0
            if pages[-1] and y + gap + h + after > area.height:
                pages.append([])
                y, gap = 0, 0
                if not bold:  # the source goes on: its heading again at the top
                    heading = next(t for s_, t, b_ in pieces if s_ == sid and b_)
                    hh = height(heading, True)
                    pages[-1].append((sid, heading, True, hh))
                    y = hh + m.gap // 3
            pages[-1].append((sid, text, bold, h))
            y += gap + h
        self.pages = len(pages)
        self.page = min(self.page, self.pages - 1)
        title = _("Les sources du jeu")
        if self.pages > 1:
            title += f"\u00a0({self.page + 1}/{self.pages})"  # one no-break space: the number never alone
        self.text(title, head, m.heading, bold=True, valign="center")
        self.shown = list(dict.fromkeys(sid for sid, _t, _b, _h in pages[self.page]))
        y = area.y
        for n, (_sid, text, bold, h) in enumerate(pages[self.page]):
            if n:
                y += m.gap * 2 if bold else m.gap // 3
            self.text(text, pygame.Rect(area.x, y, area.width, h), m.body if bold else m.small,
                      color="text" if bold else "muted", bold=bold)
            y += h
        self.pager_buttons(m, nav)

    def on_activate(self, widget: Widget) -> None:
        self.turn_page(widget.id)

    def on_back(self) -> None:
        self.ctx.pop()

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.id == "back"]
