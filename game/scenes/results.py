"""Results a player wants to keep (issue 16.5): the score and the gauges as large meters, the
profile drawn as a chart, the careers as cards with their pictogram, what was missed with the
right answers, then one action to take home and the closing take-away, last.

Pages, so that each stays readable on a small screen and from the back of a room; « Retour »,
« Suivant » and the settings stay at the foot of every page. At a kiosk the last page has a QR
code that carries the recap as plain text (no server, no address, nothing personal), so that
a passer-by can take it away on a phone.
"""

from __future__ import annotations

import pygame

from game import explain
from game.i18n import _, list_sep, ngettext
from game.qtypes import qtype
from game.scenes.base import Scene, sources_line
from game.scenes.context import Context
from game.scenes.overlays import CareerScene, capitalize
from game.scenes.play import Play
from game.ui.art import mix
from game.ui.charts import ProfileChart
from game.ui.icons import badge
from game.ui.icons import shared as shared_icons
from game.ui.layout import Metrics, centered, columns, rows, take_bottom, take_left, take_top
from game.ui.meter import MeterPanel, meters_for, value_text
from game.ui.text import TextBox
from game.ui.widgets import Button, Widget


class FinalMeters(MeterPanel):
    """The game's totals: no « will move » hint at the end, but what did (not) happen."""

    def hint(self) -> str:
        return _("Tes choix n'ont pas fait bouger ces jauges.")

PAGE_KINDS = ("summary", "profile", "careers", "recap", "keep", "actions")  # keep: a kiosk's only
PAGES = tuple(k for k in PAGE_KINDS if k != "keep")  # the pages every game shows (the recap may take more)
QR_TEXT_LIMIT = 700  # characters: a code a phone reads at arm's length from a kiosk screen


class ResultsScene(Scene):
    name = "results"

    def __init__(self, ctx: Context, play: Play) -> None:
        super().__init__(ctx)
        self.play = play
        # The run scored the game when it ended (and recorded it): this screen only shows it.
        results = play.run.results
        assert results is not None, "the results screen shows a finished run"
        self.answers = list(play.run.answers)
        self.score = results.score
        self.totals = results.indicators
        self.profile = results.profile
        self.matches = results.careers
        self.takeaway_ids = results.takeaway_ids
        self.avoided = results.avoided_co2e
        self.page = 0
        self.pages: list[tuple[str, int]] = [(k, 0) for k in PAGES]  # (kind, part), set again at each layout
        self.meters: MeterPanel | None = None
        self.meters_rect: pygame.Rect | None = None
        self.chart: ProfileChart | None = None
        self.chart_rect: pygame.Rect | None = None
        self.bars: ProfileChart | None = None  # a tall page: the profile as bars too, under its radar
        self.bars_rect: pygame.Rect | None = None
        self.cards: list[pygame.Rect] = []
        self.badges: list[tuple[pygame.Rect, str]] = []
        self.qr_rect: pygame.Rect | None = None
        self._qr_image: pygame.Surface | None = None
        self._qr_for: tuple | None = None

    def abandon(self) -> bool:
        return True  # a finished game: the run recorded it when it ended; nothing to abandon

    @property
    def content(self):  # noqa: ANN201 - the content in the current language
        return self.ctx.content

    # -- what the pages show (ids, in the current language) ------------------------------------
    @property
    def takeaways(self) -> list:
        return [self.content.takeaways[t] for t in self.takeaway_ids if t in self.content.takeaways]

    def action_card(self):  # noqa: ANN201 - a TakeAway or None
        """The one action to take home: the « me » card the run chose (else its first card)."""
        cards = self.takeaways
        return next((c for c in cards if c.scope == "me"), cards[0] if cards else None)

    def closing_card(self):  # noqa: ANN201 - a TakeAway or None
        """The card every session ends on (``closing: true``), chosen by the run."""
        cid = self.play.run.results.closing_id
        return self.content.takeaways.get(cid) if cid else None

    def missed(self) -> list[tuple[str, str]]:
        """(prompt, the right answer in words) for each question not fully right, in the order played."""
        out = []
        for a in self.answers:
            q = self.content.questions.get(a.item_id) if a.kind == "question" else None
            if q is not None and not a.correct:
                out.append((q.prompt, qtype(q.type).right_words(q)))
        return out

    def _progress_panel(self, m: Metrics, area: pygame.Rect) -> pygame.Rect | None:
        """The place for the pre/post measure's progress on the first page (issue 18.1): the rect
        it used, or None when there is no measure (now: never; the measure shows its progress on
        a page of its own before this screen). A mount would call measure_progress.mount_progress."""
        return None

    @property
    def screen_name(self) -> str:
        kind, part = self.pages[self.page]
        return f"results_{kind}" + (f"_{part + 1}" if part else "")

    # -- layout ------------------------------------------------------------------------------
    def build(self, m: Metrics) -> None:
        self.cards, self.badges = [], []
        self.meters_rect = self.chart_rect = self.qr_rect = self.bars_rect = None
        area = m.content
        nav, area = take_bottom(area, m.button_h, m.gap * 2)
        head, area = take_top(area, round(m.heading * 1.6), m.gap)
        self._paginate(m, area)
        self.page = min(self.page, len(self.pages) - 1)
        kind, part = self.pages[self.page]
        titles = {"summary": _("Ton bilan"), "profile": _("Ton profil"), "careers": _("Des métiers pour toi"),
                  "recap": _("Ce que tu as manqué"), "keep": _("Garde ton bilan"), "actions": _("À toi d'agir")}
        self.text(f"{titles[kind]}\u00a0({self.page + 1}/{len(self.pages)})", head, m.heading, bold=True,
                  valign="center")
        getattr(self, f"_build_{kind}")(m, area, part)
        self._build_nav(m, nav)

    def _layout_at(self, metrics: Metrics) -> None:
        super()._layout_at(metrics)
        self._one_size_for_career_cards()

    def _one_size_for_career_cards(self) -> None:
        """The career cards' names and lines at one size each: the size the most crowded card
        needed (each card fitted its own text, so the longest was set smaller than the others)."""
        cards = [w for w in self.widgets if isinstance(w, Button) and w.id.startswith("career:") and
                 len(w.text_boxes) == 2]
        if len(cards) < 2:
            return
        r = self.ctx.renderer
        for k in (0, 1):
            size = min(w.text_boxes[k].fitted.size for w in cards)
            for w in cards:
                old = w.text_boxes[k]
                if old.fitted.size != size:
                    w.text_boxes[k] = TextBox(old.text, old.box, size, size, bold=old.bold,
                                              valign=old.valign).layout(r)

    def _paginate(self, m: Metrics, area: pygame.Rect) -> None:
        """The pages for this size: the recap takes as many as its items need (at least one)."""
        parts = self._recap_parts(m, area)
        self._recap = parts
        keep = [("keep", 0)] if self.ctx.kiosk is not None else []  # a kiosk: the recap to take away
        self.pages = [("summary", 0), ("profile", 0), ("careers", 0)] + [("recap", i) for i in range(len(parts))] \
            + keep + [("actions", 0)]

    def _recap_item(self, prompt: str, right: str) -> str:
        return f"{prompt}\n{right}"

    def _recap_parts(self, m: Metrics, area: pygame.Rect) -> list[list[tuple[str, str]]]:
        items = self.missed()
        if not items:
            return [[]]
        width = centered(area, m.body * 48).width - 2 * m.gap
        room = area.height - m.gap
        parts: list[list[tuple[str, str]]] = [[]]
        used = 0
        for prompt, right in items:
            h = (self.ctx.renderer.fit(prompt, width, 10_000, m.body, m.body, True).height
                 + self.ctx.renderer.fit(right, width, 10_000, m.body, m.body).height + 2 * m.gap)
            if parts[-1] and used + h > room:
                parts.append([])
                used = 0
            parts[-1].append((prompt, right))
            used += h + m.gap
        return parts

    def _build_nav(self, m: Metrics, nav: pygame.Rect) -> None:
        width = min(nav.width * 2 // 3 - m.gap, m.body * 26)
        settings_w = min(nav.width - width - m.gap, m.body * 9)
        if settings_w >= 44:
            self.widgets.append(Button("settings", pygame.Rect(nav.x, nav.y, settings_w, nav.height), role="open",
                                       label=_("Réglages")))
        band = pygame.Rect(nav.right - width, nav.y, width, nav.height)
        left, right = columns(band, 2, m.gap)
        if self.page > 0:
            self.widgets.append(Button("previous", left, role="back", label=_("Précédent")))
        if self.page < len(self.pages) - 1:
            self.widgets.append(Button("next", right, role="next", label=_("Suivant"), style="primary"))
        else:
            self.widgets.append(Button("replay", right, role="next", label=_("Rejouer"), style="primary"))

    def _build_summary(self, m: Metrics, area: pygame.Rect, _part: int) -> None:
        """The score, then the game's totals as meters as large as the room lets them be (the
        page is the meters: no empty half under small cards), then what the choices avoided."""
        right, total = self.score
        area = centered(area, m.body * 56)
        if total:
            score = ngettext("Tu as trouvé {right} bonne réponse sur {total}.",
                             "Tu as trouvé {right} bonnes réponses sur {total}.", right).format(
                right=right, total=total)
        else:
            score = _("Pas de question dans ce parcours\u00a0: seulement des situations.")
        r = self.ctx.renderer
        saved = self._avoided()
        intro = _("Tes choix ont pesé sur les jauges\u00a0:")
        score_h = r.fit(score, area.width, 10_000, m.heading, m.heading, True).height
        intro_h = r.fit(intro, area.width, 10_000, m.body, m.body).height
        saved_h = r.fit(saved, area.width, 10_000, m.body, m.body, True).height if saved else 0
        used = self._progress_panel(m, area)
        if used is not None:
            area = pygame.Rect(area.x, used.bottom + m.gap, area.width, max(0, area.bottom - used.bottom - m.gap))
        if self.meters is None or any(mt.indicator is not self.content.indicators.get(mt.indicator.id)
                                      for mt in self.meters.meters):
            dealt = [a.item_id for a in self.answers if a.kind == "scenario"]
            panel = meters_for(self.content, r, shared_icons(), dealt, self.totals)
            self.meters = FinalMeters(panel.meters, r)
            self.meters.zero_note = False  # at the end, a gauge at 0 is a result, not « pas encore bougé »
            for mt in self.meters.meters:  # the final totals, still: a result, nothing to animate
                mt.set_value(self.totals.get(mt.indicator.id, 0.0), animate=False)
        for mt in self.meters.meters:
            mt.last_change = 0.0  # the totals of the game, not the last card's change
            mt.centred = True  # large cards at rest: their lines in the middle
        self.meters.text_size = m.small
        room = pygame.Rect(area.x, 0, area.width,
                           max(0, area.height - score_h - intro_h - saved_h - m.gap * (3 if saved else 2)))
        size, used_h = self._meter_size(m, room)
        for mt in self.meters.meters:
            mt.text_size = size
        # The group (score, intro, meters, saving) centred in the page when the meters leave room.
        total_h = score_h + intro_h + used_h + saved_h + m.gap * (3 if saved else 2)
        y = area.y + max(0, (area.height - total_h) // 2)
        self.text(score, pygame.Rect(area.x, y, area.width, score_h), m.heading, bold=True, valign="center")
        y += score_h + m.gap
        self.text(intro, pygame.Rect(area.x, y, area.width, intro_h), m.body)
        y += intro_h + m.gap
        self.meters_rect = pygame.Rect(area.x, y, area.width, used_h)
        y += used_h + m.gap
        if saved:
            self.text(saved, pygame.Rect(area.x, y, area.width, saved_h), m.body, bold=True)

    def _meter_size(self, m: Metrics, room: pygame.Rect) -> tuple[int, int]:
        """The meters' text size that fills their cards in ``room`` (up to twice the body size),
        and the height the panel then takes."""
        panel = self.meters
        assert panel is not None
        hint_r, rects = panel.layout(room, m.gap)
        if not rects:
            return m.body, 0
        card_h = min(c.height for c in rects)
        card_w = min(c.width for c in rects)
        used_h = max(c.bottom for c in rects) - room.y
        r = self.ctx.renderer
        values = [value_text(mt.indicator, mt.value) for mt in panel.meters]
        size = m.body
        for s in range(round(m.body * 2), m.body, -1):  # the largest that holds a card's lines
            # at the end a meter shows no change: the two lines under its bar are the comparison
            # and its source (``height_for`` counts a change's second line: the source's second)
            fits = all(mt.height_for(s, lines=1) <= card_h for mt in panel.meters)
            if fits and all(r.measure(v, round(s * 1.2), True) + s * 3 <= card_w for v in values):
                size = s
                break
        return size, used_h

    def _avoided(self) -> str:
        """How much the player's choices avoided compared with the heaviest choices."""
        if self.avoided <= 0 or "co2e" not in self.content.indicators:
            return ""
        ind = self.content.indicators["co2e"]
        return _("Par rapport aux choix les plus lourds, tu as évité {value}.").format(value=value_text(ind, self.avoided))

    def _build_profile(self, m: Metrics, area: pygame.Rect, _part: int) -> None:
        area = centered(area, m.body * 56)
        intro_text = _("Ce que tes réponses justes et tes choix disent de toi, axe par axe\u00a0:")
        need = self.ctx.renderer.fit(intro_text, area.width, 10_000, m.body, m.body).height
        intro, area = take_top(area, min(need, area.height // 3), m.gap)
        self.text(intro_text, intro, m.body, valign="center")
        axes = [(a.id, a.label) for a in sorted(self.content.axes.values(), key=lambda a: a.id)]
        self.chart = ProfileChart(axes, self.profile, self.ctx.renderer, shared_icons(), text_size=m.body)
        self.chart_rect = area
        if m.portrait and area.height > area.width:
            # A tall page: the profile's picture (a radar as wide as the page), and under it the
            # same axes as bars, whose lengths read exactly; the room is used, nothing scrolls.
            side = min(area.width, area.height * 3 // 5)
            self.chart.style = "radar"
            self.chart_rect, rest = take_top(area, side, m.gap * 2)
            self.bars = ProfileChart(axes, self.profile, self.ctx.renderer, shared_icons(), style="bars",
                                     text_size=m.body)
            self.bars_rect = rest

    def _build_careers(self, m: Metrics, area: pygame.Rect, _part: int) -> None:
        area = centered(area, m.body * 52)
        hint, area = take_bottom(area, m.small * 2, m.gap)
        self.text(_("Touche un métier pour voir sa fiche."), hint, m.small, color="muted", valign="center")
        details = explain.career_details(self.content, self.matches)  # a reason of its own, what it works on
        icons = shared_icons()
        n = max(1, len(self.matches))
        # The pictures as large as the room lets them (a tall page: about five lines of text), the
        # cards no taller than their text needs, the group centred in the page.
        side = min((area.height - m.gap * (n - 1)) // n - m.gap, round(m.body * (5 if m.portrait else 3.2)),
                   area.width // 5)
        r = self.ctx.renderer
        text_w = area.width - side - m.gap * 2 - 2 * max(8, m.gap) - round(m.body * 1.5) - max(8, m.gap) // 2
        needs = [r.fit(capitalize(self.content.careers[mt.career_id].name), text_w, 10_000, m.body, m.body, True).height
                 + r.fit(d, text_w, 10_000, m.small, m.small).height + m.gap * 3 for mt, d in zip(self.matches, details)]
        cell_h = min((area.height - m.gap * (n - 1)) // n, max(max(needs, default=0), side) + m.gap * 2)
        block = pygame.Rect(area.x, area.y, area.width, cell_h * n + m.gap * (n - 1))
        block.y += (area.height - block.height) // 2
        for i, (match, cell) in enumerate(zip(self.matches, rows(block, n, m.gap))):
            career = self.content.careers[match.career_id]
            pic, rest = take_left(cell, side + m.gap, m.gap)
            self.badges.append((pygame.Rect(pic.x, pic.centery - side // 2, side, side),
                                icons.for_career(career.id)))
            self.widgets.append(Button(f"career:{career.id}", rest, role="open", label=capitalize(career.name),
                                       detail=details[i], pick_index=i))

    def _build_recap(self, m: Metrics, area: pygame.Rect, part: int) -> None:
        area = centered(area, m.body * 48)
        items = self._recap[part] if part < len(self._recap) else []
        if not items:
            self.text(_("Tu n'as manqué aucune question. Bravo\u00a0!"), area, m.heading, bold=True, valign="center",
                      align="center")
            return
        r, y = self.ctx.renderer, area.y
        width = area.width - 2 * m.gap
        for prompt, right in items:
            ph = r.fit(prompt, width, 10_000, m.body, m.body, True).height
            rh = r.fit(right, width, 10_000, m.body, m.body).height
            card = pygame.Rect(area.x, y, area.width, ph + rh + 2 * m.gap)
            self.cards.append(card)
            self.text(prompt, pygame.Rect(card.x + m.gap, card.y + m.gap, width, ph), m.body, bold=True)
            self.text(right, pygame.Rect(card.x + m.gap, card.y + m.gap + ph, width, rh), m.body, color="right")
            y = card.bottom + m.gap

    def _build_actions(self, m: Metrics, area: pygame.Rect, _part: int) -> None:
        area = centered(area, m.body * 60)
        cards = [(c, _("À faire dès demain") if c.scope == "me" else _("Ce que ta classe, ta commune peut faire"))
                 for c in (self.action_card(),) if c is not None]
        closing = self.closing_card()
        if closing is not None:
            cards.append((closing, _("Pour finir")))
        if not cards:
            self.text(_("Pour aller plus loin\u00a0: parles-en autour de toi."), area, m.body, valign="center")
            return
        cells = rows(area, len(cards), m.gap * 2) if (m.portrait or len(cards) < 2) \
            else columns(area, len(cards), m.gap * 2)
        r = self.ctx.renderer

        def pieces_for(card, heading: str, k: float) -> list[tuple[str, int, str, bool]]:  # noqa: ANN001
            out = [(heading, round(m.small * k), "muted", True), (card.title, round(m.heading * k), "text", True),
                   (card.text, round(m.body * k), "text", False)]
            if card.example:
                out.append((_("Exemple\u00a0: {example}").format(example=card.example), round(m.small * k), "text",
                            False))
            source = sources_line(self.content, card.source_ids)
            if source:
                out.append((source, m.small, "muted", False))
            return out

        def need(pieces: list, width: int) -> int:
            return sum(r.fit(t, width, 10_000, sz, sz, b).height for t, sz, _c, b in pieces) + m.gap * (len(pieces) - 1)

        inners = [cell.inflate(-2 * m.gap, -2 * m.gap) for cell in cells]
        # The take-home action as large as the cards let it be: one size for both, their lines at
        # the same height (side by side, they read as a pair).
        for k in (1.6, 1.45, 1.3, 1.15, 1.0):
            stacks = [pieces_for(card, heading, k) for card, heading in cards]
            needs = [need(st, inner.width) for st, inner in zip(stacks, inners)]
            if all(n <= inner.height for n, inner in zip(needs, inners)):
                break
        for cell, inner, stack in zip(cells, inners, stacks):
            self.cards.append(cell)
            top = max(0, (inner.height - max(needs)) // 2) if not (m.portrait or len(cards) < 2) else 0
            self.text_stack(stack, pygame.Rect(inner.x, inner.y + top, inner.width, inner.height - top), m.gap,
                            valign="top" if top else "center")

    # -- the kiosk's QR code -------------------------------------------------------------------
    def recap_text(self) -> str:
        """What the kiosk's QR code carries, as plain text: the score, the right answers of what
        was missed (short), the action, the sources' names. No name, no address, no id."""
        right, total = self.score
        lines = [_("Numérique en jeu — mon bilan"),
                 _("Score\u00a0: {right} / {total}").format(right=right, total=total)]
        action = self.action_card()
        closing = self.closing_card()
        tail = []
        if action is not None:
            tail.append(_("Mon action\u00a0: {title}").format(title=action.title))
        names = []
        for a in self.answers:
            item = (self.content.questions if a.kind == "question" else self.content.scenarios).get(a.item_id)
            for sid in getattr(item, "source_ids", ()):
                src = self.content.sources.get(sid)
                if src is not None and src.short_label not in names:
                    names.append(src.short_label)
        for card in (action, closing):
            for sid in getattr(card, "source_ids", ()) if card is not None else ():
                src = self.content.sources.get(sid)
                if src is not None and src.short_label not in names:
                    names.append(src.short_label)
        if names:
            tail.append(_("Sources\u00a0: {sources}").format(sources=list_sep().join(names)))
        missed = []
        budget = QR_TEXT_LIMIT - sum(len(t) + 1 for t in lines + tail)
        for prompt, words in self.missed():
            answer = words.split(": ", 1)[-1]  # « La bonne réponse : Faux » -> « Faux »
            if len(prompt) > 70:
                prompt = prompt[:68].rstrip() + "…"
            line = f"- {prompt} → {answer}"
            if len(line) > 170:
                line = line[:168].rstrip() + "…"
            if budget - len(line) - 1 < 0:
                break
            missed.append(line)
            budget -= len(line) + 1
        if missed:
            lines.append(_("À retenir\u00a0:"))
            lines += missed
        return "\n".join(lines + tail)

    def qr_caption(self) -> str:
        return _("Scanne ce code pour garder ton bilan\u00a0: ton score, les bonnes réponses à retenir, "
                 "ton action et les sources. Il ne contient ni ton nom ni rien sur toi.")

    def _build_keep(self, m: Metrics, area: pygame.Rect, _part: int) -> None:
        """A kiosk's page: the QR code, large and square, and what it carries (the caption)."""
        r = self.ctx.renderer
        area = centered(area, m.body * 48)
        if m.portrait:
            caption_h = r.fit(self.qr_caption(), area.width, 10_000, m.body, m.body).height
            side = min(area.width * 3 // 4, area.height - caption_h - m.gap * 2)
            self.qr_rect = pygame.Rect(area.centerx - side // 2, area.y, side, side)
            self.text(self.qr_caption(), pygame.Rect(area.x, self.qr_rect.bottom + m.gap * 2, area.width, caption_h),
                      m.body, align="center")
            return
        side = min(area.height, area.width // 2)
        self.qr_rect = pygame.Rect(area.x, area.y, side, side)
        text = pygame.Rect(self.qr_rect.right + m.gap * 3, area.y, area.right - self.qr_rect.right - m.gap * 3, side)
        self.text(self.qr_caption(), text, m.body, valign="center")

    def _qr(self, side: int) -> pygame.Surface | None:
        text = self.recap_text()
        if self._qr_for != (text, side):
            # Imported here for start-up speed and memory (segno): only a kiosk's last page draws it.
            from game.pads.qr import qr_matrix
            from game.ui.qr import module_for, qr_surface

            matrix = qr_matrix(text, error="l")
            module = module_for(matrix, side)
            self._qr_image = qr_surface(matrix, module)
            self._qr_for = (text, side)
        return self._qr_image

    # -- drawing -------------------------------------------------------------------------------
    def draw_background(self, surface: pygame.Surface) -> None:
        p, m = self.ctx.palette, self.metrics
        for cell in self.cards:
            pygame.draw.rect(surface, p.panel, cell, border_radius=max(6, m.gap))
            pygame.draw.rect(surface, p.border, cell, width=2, border_radius=max(6, m.gap))

    def draw_foreground(self, surface: pygame.Surface) -> None:
        p, m = self.ctx.palette, self.metrics
        icons = shared_icons()
        if self.meters is not None and self.meters_rect is not None:
            self.meters.draw(surface, self.meters_rect, p, m.gap)
        if self.chart is not None and self.chart_rect is not None:
            self.chart.draw(surface, self.chart_rect, p)
        if self.bars is not None and self.bars_rect is not None:
            self.bars.draw(surface, self.bars_rect, p)
        for rect, name in self.badges:
            badge(surface, icons, name, rect, p.primary, p.on_primary, ring=mix(p.primary, p.panel, 0.5))
        if self.qr_rect is not None and self.qr_rect.width > 0:
            img = self._qr(self.qr_rect.width)
            if img is not None:
                surface.blit(img, img.get_rect(center=self.qr_rect.center))

    # -- input ---------------------------------------------------------------------------------
    def on_activate(self, widget: Widget) -> None:
        if widget.id == "settings":
            self.ctx.open_settings()
        elif widget.id == "next":
            self.page = min(len(self.pages) - 1, self.page + 1)
            self.focus_id = None
            self.invalidate()
        elif widget.id == "previous":
            self.page = max(0, self.page - 1)
            self.focus_id = None
            self.invalidate()
        elif widget.id == "replay":
            self.ctx.home()
        elif widget.id.startswith("career:"):
            self.ctx.push(CareerScene(self.ctx, widget.id.split(":", 1)[1]))

    def on_back(self) -> None:
        if self.page > 0:
            self.page -= 1
            self.focus_id = None
            self.invalidate()

    def default_focus(self) -> str:
        return "next" if self.page < len(self.pages) - 1 else "replay"

    def speech(self) -> str:
        extra = []
        if self.meters is not None and self.meters_rect is not None:
            extra += [mt.alt() for mt in self.meters.meters]
        if self.chart is not None and self.chart_rect is not None:
            extra.append(self.chart.alt())
        return " ".join([super().speech(), *extra])

    def bot_targets(self) -> list[Widget]:
        return [w for w in self.focusables() if w.id in ("next", "replay")]
