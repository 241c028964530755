"""The ordering answer widget (game/ui/ordering.py): every device reorders, the result is told in
words and shapes, rows are touch targets that fit at every supported size, nothing redraws idly."""

from __future__ import annotations

import random

import pygame
import pytest

from conftest import SIZES
from game import i18n
from game import input as inp
from game.qtypes import ordering as qo
from game.ui.layout import MIN_TARGET, centered, metrics_for, take_top
from game.ui.ordering import FIRST, LAST, OrderingList
from game.ui.text import FontBook, TextRenderer
from game.ui.theme import PALETTES, contrast

SHORT = [("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie"), ("d", "Delta")]


@pytest.fixture(scope="module")
def renderer():
    pygame.init()
    return TextRenderer(FontBook())


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


def build(renderer, items=SHORT, size=(1280, 720), scale=1.0, **kw):  # noqa: ANN001, ANN003
    said: list[str] = []
    w = OrderingList(items, "Le plus", "Le moins", speak=said.append, **kw)
    m = metrics_for(size, scale)
    box = centered(m.content, m.body * 40)
    box.height = w.needed_height(renderer, m, box.width)
    w.layout(renderer, m, box)
    return w, m, said


def relayout(w: OrderingList, renderer, m) -> None:  # noqa: ANN001
    """After ``show_result`` the rows take more height: the caller measures and places it again."""
    box = pygame.Rect(w.rect)
    box.height = w.needed_height(renderer, m, box.width)
    w.layout(renderer, m, box)


def key(kind: str, device: str = "keyboard") -> inp.Intent:
    return inp.Intent(kind, device)


def send(w: OrderingList, *kinds: str, device: str = "keyboard") -> list[bool]:
    return [w.handle(key(k, device)) for k in kinds]


def centre(w: OrderingList, cid: str) -> tuple[int, int]:
    return w.row(cid).rect.center


# ---------------------------------------------------------------- keyboard and pad

def test_keyboard_reorders_to_a_known_order_and_says_each_move(renderer):
    w, _m, said = build(renderer)
    assert not w.moved
    send(w, inp.DOWN, inp.DOWN, inp.DOWN)  # focus on Delta
    assert w.focus_index == 3 and said[-1] == "Rang 4 sur 4\u00a0: Delta"
    send(w, inp.CONFIRM)
    assert w.picked == "d" and not w.moved  # picked up, not moved yet
    send(w, inp.UP, inp.UP)
    assert w.order == ["a", "d", "b", "c"] and w.moved
    assert said[-1] == "Delta\u00a0: rang 2 sur 4"
    send(w, inp.CONFIRM)
    assert w.picked is None and said[-1] == "Posé au rang 2 sur 4\u00a0: Delta"
    send(w, inp.DOWN, inp.DOWN, inp.CONFIRM, inp.UP, inp.UP, inp.UP, inp.CONFIRM)  # Charlie to the top
    assert w.answer == ("c", "a", "d", "b")
    assert [r.id for r in w.rows] == w.order  # the slots follow the order
    assert [r.rect.y for r in w.rows] == sorted(r.rect.y for r in w.rows)


def test_to_the_top_and_bottom_at_once(renderer):
    w, _m, _said = build(renderer)
    send(w, inp.DOWN, inp.CONFIRM, LAST)
    assert w.order == ["a", "c", "d", "b"] and w.focus_index == 3
    send(w, FIRST)
    assert w.order == ["b", "a", "c", "d"] and w.focus_index == 0
    send(w, inp.BACK)  # Escape puts it down where it is
    assert w.picked is None and w.order == ["b", "a", "c", "d"]
    send(w, LAST)  # nothing picked: the focus goes to the end
    assert w.focus_index == 3 and w.order == ["b", "a", "c", "d"]


def test_the_focus_leaves_the_list_at_its_ends_but_a_picked_row_stays_in_it(renderer):
    w, _m, said = build(renderer)
    assert send(w, inp.UP) == [False]  # the scene moves the focus to what is above
    assert send(w, inp.BACK) == [False]  # nothing picked: Escape is the screen's
    send(w, inp.CONFIRM)
    assert send(w, inp.UP) == [True] and said[-1] == "Déjà en haut" and w.order == list("abcd")
    send(w, LAST, inp.DOWN)
    assert said[-1] == "Déjà en bas"
    send(w, inp.CONFIRM)
    assert send(w, inp.DOWN) == [False]  # the last row, nothing picked: on to « Valider »
    send(w, inp.CONFIRM)
    assert send(w, inp.NEXT) == [False] and w.picked is None  # Tab leaves and puts the row down


def test_the_pad_sends_the_same_intents_as_the_keyboard(renderer):
    w, _m, _said = build(renderer)
    send(w, inp.DOWN, inp.DOWN, inp.CONFIRM, inp.UP, inp.UP, inp.CONFIRM, device="gamepad")
    assert w.order == ["c", "a", "b", "d"] and w.moved and w.picked is None


def test_moved_stays_false_until_the_order_changes(renderer):
    w, _m, _said = build(renderer)
    send(w, inp.CONFIRM, inp.CONFIRM, inp.DOWN, inp.CONFIRM, inp.BACK)
    assert not w.moved and w.order == list("abcd")
    send(w, inp.CONFIRM, inp.UP)
    assert w.moved


def test_the_words_follow_the_language(renderer):
    i18n.set_language("en")
    w, _m, said = build(renderer)
    send(w, inp.DOWN, inp.CONFIRM, inp.UP)
    assert said[0] == "Rank 2 of 4: Bravo" and said[-1] == "Bravo: rank 1 of 4"
    assert "at the top, Le plus" in w.alt


# ---------------------------------------------------------------- mouse and touch

@pytest.mark.parametrize("device", ["mouse", "touch"])
def test_a_drag_moves_a_row_and_the_others_slide_aside(renderer, device):
    w, _m, said = build(renderer)
    x, y = centre(w, "a")
    target_y = centre(w, "c")[1] + 5
    assert w.handle(inp.Intent(inp.POINTER_DOWN, device, pos=(x, y)))
    b_slot_before = w.row("b").rect.y
    for yy in range(y, target_y + 1, 8):
        assert w.handle(inp.Intent(inp.POINTER_MOVE, device, pos=(x, yy), pressed=True))
    assert w.dragging == "a" and w.moving
    assert w.order == ["b", "c", "a", "d"]  # the order follows the pointer while it moves
    assert w.shown_rect("a").centery == pytest.approx(target_y, abs=2)  # the row under the finger
    assert w.row("b").rect.y < b_slot_before  # Bravo's place moved up...
    assert w.shown_rect("b").y > w.row("b").rect.y  # ...and it slides there, not jumps
    assert w.handle(inp.Intent(inp.POINTER_UP, device, pos=(x, target_y)))
    assert w.dragging is None and w.moved and said[-1] == "Posé au rang 3 sur 4\u00a0: Alpha"
    frames = 0
    while w.update(1 / 60):
        frames += 1
        assert frames < 120
    assert not w.moving and all(w.shown_rect(r.id) == r.rect for r in w.rows)
    assert w.update(1 / 60) is False  # settled: the loop may sleep


def test_a_drag_past_the_list_ends_at_the_bottom(renderer):
    w, _m, _said = build(renderer)
    x, y = centre(w, "b")
    w.handle(inp.Intent(inp.POINTER_DOWN, "mouse", pos=(x, y)))
    w.handle(inp.Intent(inp.POINTER_MOVE, "mouse", pos=(x, y + 30), pressed=True))
    w.handle(inp.Intent(inp.POINTER_MOVE, "mouse", pos=(x, w.rect.bottom + 500), pressed=True))
    w.handle(inp.Intent(inp.POINTER_UP, "mouse", pos=(x, w.rect.bottom + 500)))
    assert w.order == ["a", "c", "d", "b"]
    assert w.rect.contains(w.shown_rect("b"))


def test_tap_one_row_then_another_to_swap_them(renderer):
    w, _m, said = build(renderer)

    def tap(cid: str) -> None:
        pos = centre(w, cid)
        w.handle(inp.Intent(inp.POINTER_DOWN, "touch", pos=pos))
        w.handle(inp.Intent(inp.POINTER_MOVE, "touch", pos=(pos[0], pos[1] + 3), pressed=True))  # a finger trembles
        w.handle(inp.Intent(inp.POINTER_UP, "touch", pos=pos))

    tap("a")
    assert w.picked == "a" and not w.moved
    tap("a")  # the same row again: let go
    assert w.picked is None and w.order == list("abcd") and not w.moved
    tap("a")
    tap("c")
    assert w.order == ["c", "b", "a", "d"] and w.picked is None and w.moved
    assert said[-1] == "Échangés\u00a0: Alpha au rang 3, Charlie au rang 1"
    assert not w.moving  # a swap does not animate


def test_a_press_outside_the_rows_is_left_to_the_screen(renderer):
    w, _m, _said = build(renderer)
    above = (w.rect.centerx, w.rect.y + 2)  # on the top end's label
    assert not w.handle(inp.Intent(inp.POINTER_DOWN, "touch", pos=above))
    assert not w.handle(inp.Intent(inp.POINTER_UP, "touch", pos=above))
    # Page coordinates: a page scrolled by 100 px hands the position where the row is on the page.
    x, y = centre(w, "b")
    assert w.handle(inp.Intent(inp.POINTER_DOWN, "mouse", pos=(x, y - 100)), pos=(x, y))
    w.handle(inp.Intent(inp.POINTER_UP, "mouse", pos=(x, y - 100)), pos=(x, y))
    assert w.picked == "b"


# ---------------------------------------------------------------- result

def test_the_result_marks_each_row_in_place_with_words_and_the_right_rank(renderer, real_content):
    q = real_content.questions["ord_q01"]
    shown = qo.TYPE.display_order(q, random.Random(3))
    w, m, _said = build(renderer, [(c, next(x.text for x in q.choices if x.id == c)) for c in shown])
    w.show_result(q.right_ids, {c.id: c.feedback for c in q.choices})
    relayout(w, renderer, m)
    right = list(q.right_ids)
    for i, cid in enumerate(w.order):
        ok, words = w.mark(cid)
        texts = [tb.text for tb in w.row(cid).text_boxes]
        assert ok == (right[i] == cid)
        assert texts[1] == words  # the words are drawn in the row, under its text
        if ok:
            assert words == "Bien placé"
        else:
            assert words == f"Pas à sa place\u00a0: il va au rang {right.index(cid) + 1}"
        assert texts[2] == next(c.feedback for c in q.choices if c.id == cid)
    assert any(not w.mark(c)[0] for c in w.order)  # a session never shows the right order
    assert not w.enabled and not w.handle(key(inp.CONFIRM)) and not w.handle(key(inp.UP))
    surface = pygame.Surface((m.width, m.height))
    w.draw(surface, renderer, PALETTES["default"], m, False)
    assert not any(tb.fitted.truncated for tb in w.text_boxes)


def test_show_result_refuses_an_order_of_other_items(renderer):
    w, _m, _said = build(renderer)
    with pytest.raises(ValueError):
        w.show_result(["a", "b", "c"])


# ---------------------------------------------------------------- fit

LONG = [
    "Les ressources utilisées en un an pour fabriquer les appareils numériques d'un·e Français·e",
    "Les déchets produits en un an par les usages numériques d'un·e Français·e",
    "La part du cobalt mondial qui vient de République démocratique du Congo",
    "Les matières premières pour fabriquer un téléphone neuf",
    "La part des sites publics conformes au référentiel d'accessibilité (RGAA)",
    "Les enfants qui travaillent dans les mines artisanales de cobalt au Congo",
]


def check_rows(w: OrderingList, full_size: bool) -> None:
    assert len(w.rows) == w.n
    for row in w.rows:
        assert row.rect.height >= MIN_TARGET
        assert w.rect.contains(row.rect)
        for tb in row.text_boxes:
            assert row.rect.contains(tb.bounds), (row.id, tb.text)
            assert not tb.fitted.truncated
            if full_size:
                assert tb.fitted.size == tb.size
    for a, b in zip(w.rows, w.rows[1:]):
        assert a.rect.bottom < b.rect.top  # no two rows touch
    for end in (w.top_box, w.bottom_box):
        assert w.rect.contains(end.bounds) and not end.fitted.truncated
        assert not any(end.bounds.colliderect(r.rect) for r in w.rows)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_rows_are_touch_targets_inside_the_list_at_every_size(renderer, size, scale):
    for n in range(3, 7):
        items = [(f"i{k}", LONG[k]) for k in range(n)]
        w, m, _said = build(renderer, items, size, scale)  # as tall as it asks: the page scrolls if need be
        check_rows(w, full_size=True)
        w.show_result([f"i{k}" for k in reversed(range(n))], {f"i{k}": "949 kg par an, en 2020." for k in range(n)})
        relayout(w, renderer, m)
        check_rows(w, full_size=True)


@pytest.mark.parametrize("size", SIZES)
def test_at_normal_text_the_list_fits_the_window_under_its_prompt(renderer, size, real_content):
    """With a prompt above it and « Valider » below, the real questions' lists fit in the window,
    and six long items still do with the text shrunk, rows ≥ 44 px."""
    m = metrics_for(size)
    area = m.content
    _prompt, area = take_top(area, 2 * m.heading * 2, m.gap * 2)
    area.height -= m.button_h + 2 * m.gap
    box = centered(area, m.body * 40)
    for qid in ("ord_q01", "ord_q02", "ord_q03", "ord_q04"):
        q = real_content.questions[qid]
        w = OrderingList([(c.id, c.text) for c in q.choices], "Le plus", "Le moins")
        assert w.needed_height(renderer, m, box.width) <= box.height, (qid, size)
        w.layout(renderer, m, box)
        check_rows(w, full_size=True)
    w = OrderingList([(f"i{k}", LONG[k]) for k in range(6)], "Le plus", "Le moins")
    w.layout(renderer, m, box)
    check_rows(w, full_size=False)
    assert w.used_rect.height <= box.height


# ---------------------------------------------------------------- sober loop, contrast

def test_nothing_redraws_when_nothing_changes(renderer):
    w, m, _said = build(renderer)
    surface = pygame.Surface((m.width, m.height))
    w.draw(surface, renderer, PALETTES["default"], m, True)
    assert not w.dirty and not w.moving
    assert w.update(1 / 60) is False and not w.dirty
    outside = (w.rect.right + 5, w.rect.bottom + 5)
    assert not w.handle(inp.Intent(inp.POINTER_MOVE, "mouse", pos=outside)) and not w.dirty
    w.handle(inp.Intent(inp.POINTER_MOVE, "mouse", pos=centre(w, "b")))
    assert w.dirty and w.hover == "b"  # the row under the mouse is tinted
    w.draw(surface, renderer, PALETTES["default"], m, True)
    w.handle(inp.Intent(inp.POINTER_MOVE, "mouse", pos=(centre(w, "b")[0] + 4, centre(w, "b")[1])))
    assert not w.dirty  # still on the same row
    w.handle(key(inp.UP))  # at the top, nothing picked: not the list's, nothing changes
    assert not w.dirty
    w.handle(key(inp.DOWN))
    assert w.dirty


def test_reduced_motion_drops_a_dragged_row_in_place_at_once(renderer):
    w, _m, _said = build(renderer, reduced_motion=True)
    x, y = centre(w, "a")
    w.handle(inp.Intent(inp.POINTER_DOWN, "mouse", pos=(x, y)))
    w.handle(inp.Intent(inp.POINTER_MOVE, "mouse", pos=(x, centre(w, "c")[1] + 5), pressed=True))
    assert w.shown_rect("b") == w.row("b").rect  # the others jump, they do not slide
    w.handle(inp.Intent(inp.POINTER_UP, "mouse", pos=(x, centre(w, "c")[1] + 5)))
    assert not w.moving and w.order == ["b", "c", "a", "d"]


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_colour_the_list_draws_text_with_is_readable(name):
    p = PALETTES[name]
    for fg in (p.text, p.right, p.wrong, p.muted):  # item, « bien placé », « pas à sa place », note
        assert contrast(fg, p.choice) >= 4.5
    assert contrast(p.text, p.background) >= 4.5  # the ends' labels
    for ui in (p.selected, p.border, p.focus):  # the picked row's outline, the rows', the focus ring
        assert contrast(ui, p.choice) >= 3
