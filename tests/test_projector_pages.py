"""The class projector's pages at the projector's type scale (issue 16.6): the reveal in two
pages (« answer », then « why »), each laid out at the largest step of PROJECTOR_STEPS at which
nothing is cut; the ask screen with compact controls and team chips; the public view (the
facilitator on their own window, ``ctx.console``); a situation's spread as bars; a display-only
ordering list without grips. Real content, French and English."""

from __future__ import annotations

import statistics

import pygame
import pytest
from layout_check import check_layout

from game import i18n
from game.classroom import ClassConfig, Classroom, default_teams
from game.scenes.classroom import ClassItemScene
from game.session import Session, Step
from game.ui.ordering import OrderingList

SIZES = ((1280, 720), (1024, 600), (1920, 1080), (1080, 1920))


@pytest.fixture(scope="module")
def app(real_content):
    from conftest import make_app

    a = make_app(real_content)
    yield a
    a.console = None
    a.set_language("fr")
    i18n.set_language("fr")
    pygame.display.quit()


def answer_all(cl: Classroom) -> None:
    step = cl.session.current
    item = (cl.content.questions if step.kind == "question" else cl.content.scenarios)[step.id]
    for t in cl.teams_for_current():
        if step.kind == "question" and item.type == "estimate":
            cl.enter(t, [], item.estimate.max if t % 2 else item.estimate.answer)
        elif step.kind == "question" and item.type == "ordering":
            ids = [c.id for c in item.choices]
            cl.enter(t, ids if t % 2 else list(reversed(ids)))
        else:
            cl.enter(t, [item.choices[t % len(item.choices)].id])


def scene_for(app, kind: str, iid: str, n: int = 4, page: str | None = None, timer: int = 0) -> ClassItemScene:
    c = app.content
    cl = Classroom(c, ClassConfig(default_teams(n), timer=timer), Session(c, "all", [Step(kind, iid)]))
    scene = ClassItemScene(app, cl)
    app.reset_to(scene)
    if page is not None:
        answer_all(cl)
        scene.run.reveal(confirmed=True)
        scene.reveal_page = page
    return scene


def laid_out(scene, size) -> ClassItemScene:
    scene.invalidate()
    scene.ensure_layout(size)
    return scene


def results_said(scene) -> dict[str, str]:
    """Each team's result as the answer page says it: the words of its group (« juste : »), then
    the names of the teams in that group, one after the other."""
    names = {scene.team(t).name for t in scene.run.teams_for_current()}
    out, head = {}, None
    for tb, _c in scene.texts:
        if tb.text in names and head is not None:
            out[tb.text] = head
        elif tb.text.endswith(":"):
            head = tb.text[:-1].rstrip("\u00a0 ")
        else:
            head = None
    return out


def ordinary(content, qtype: str) -> str:
    """The item of median length (prompt and choices) of a type: an ordinary one."""
    if qtype == "scenario":
        items = sorted(content.scenarios.values(), key=lambda s: (len(s.title) + len(s.situation), s.id))
    else:
        items = sorted((q for q in content.questions.values() if q.type == qtype),
                       key=lambda q: (len(q.prompt) + sum(len(c.text) for c in q.choices), q.id))
    return items[len(items) // 2].id


TYPES = ("single", "multiple", "truefalse", "estimate", "ordering", "scenario")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_both_reveal_pages_fit_at_every_size_for_every_type(app, lang):
    """The answer page and the why page of an ordinary item of each type: nothing cut, out of its
    box or overlapping (layout_check), no page to scroll, at the four sizes."""
    app.set_language(lang)
    bad = []
    for qtype in TYPES:
        kind = "scenario" if qtype == "scenario" else "question"
        iid = ordinary(app.content, qtype)
        for page in ("answer", "why"):
            scene = scene_for(app, kind, iid, page=page)
            for size in SIZES if lang == "fr" else SIZES[:2]:
                laid_out(scene, size)
                problems = check_layout(scene, size)
                if page == "answer" and kind == "question":  # each team's result in words, whole
                    results = results_said(scene)
                    assert sorted(results) == sorted(scene.team(t).name for t in range(4)) and all(
                        w.split(" (")[0] in ("juste", "pas cette fois", "right", "not this time") or "pair" in w
                        for w in results.values()), (iid, results)
                if problems or scene.max_scroll or scene.widget("next") is None:
                    bad.append((iid, page, size, problems[:2], scene.max_scroll))
    assert not bad


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_reveal_pages_reach_the_projector_scale_at_1280x720(app, lang):
    """At 1280×720 with four teams: the answer page of an ordinary single, true/false and
    estimate reaches t ≥ 0.6, a situation's (its cards beside their bars) t ≥ 0.6 (before: 0, the
    solo scale, with the explanation on the same page; then 0.3); the why page reaches t = 1 (the projector's type: 48 px explanations, 40 px sources)
    for every item whose explanation is at most 420 characters, i.e. each question type's longest
    explanation under that bound, and the ten longest of the bank under it."""
    app.set_language(lang)
    c = app.content
    low = []
    for qtype in ("single", "truefalse", "estimate", "scenario"):
        kind = "scenario" if qtype == "scenario" else "question"
        scene = laid_out(scene_for(app, kind, ordinary(c, qtype), page="answer"), (1280, 720))
        if scene.projector_t < 0.6:
            low.append((qtype, scene.projector_t))
    under = sorted((q for q in c.questions.values() if len(q.explanation) <= 420), key=lambda q: -len(q.explanation))
    sample = {q.id for q in under[:10]} | {next(q.id for q in under if q.type == t) for t in TYPES[:-1]}
    for qid in sorted(sample):
        scene = laid_out(scene_for(app, "question", qid, page="why"), (1280, 720))
        if scene.projector_t < 1:
            low.append((qid, "why", scene.projector_t))
    assert not low


def test_the_ask_screen_reaches_the_projector_scale(app):
    """At 1280×720 with four teams and a timer, the facilitator's buttons in the header at the
    solo scale and the chips in rows: a true/false question at t = 1, an ordinary four-choice one
    at t ≥ 0.6 (before: 0.3 at best, 0 for most: the nav band, a header of two lines and a chip
    per row of the solo button's height); on the public view (``ctx.console``), the ask of a
    true/false and of the shortest four-choice question at t = 1, with no button but the answers
    (not pressable) and a row that only says which team has answered."""
    c = app.content
    tf, single = ordinary(c, "truefalse"), ordinary(c, "single")
    assert laid_out(scene_for(app, "question", tf, timer=20), (1280, 720)).projector_t == 1
    scene = laid_out(scene_for(app, "question", single, timer=20), (1280, 720))
    assert scene.projector_t >= 0.6 and scene.widget("menu") is not None and scene.widget("team:0") is not None
    short = min((q for q in c.questions.values() if q.type == "single" and len(q.choices) == 4),
                key=lambda q: (len(q.prompt) + sum(len(x.text) for x in q.choices), q.id)).id
    app.console = object()
    try:
        for qid in (tf, short):
            scene = scene_for(app, "question", qid, timer=20)
            scene.classroom.enter(1, [scene.choices[0].id])
            laid_out(scene, (1280, 720))
            assert scene.projector_t == 1, qid
            assert check_layout(scene, (1280, 720)) == []
            ids = {w.id.split(":")[0] for w in scene.widgets}
            assert ids == {"choice"} and not any(w.enabled for w in scene.widgets)
            assert len(scene.ticks) == 1  # team 1 has answered: a tick, never what
            named = {team.index for _r, team in scene.symbols}
            assert named == {0, 1, 2, 3}
    finally:
        app.console = None


def test_a_situations_reveal_draws_one_bar_per_choice_with_its_count(app):
    """The class's spread on a situation's answer page: one bar per choice, its length and its
    words the number of teams that chose it (« 2 équipes »), not colour alone."""
    app.set_language("fr")
    sid = ordinary(app.content, "scenario")
    scene = scene_for(app, "scenario", sid, n=3)
    choices = scene.choices
    for team, k in ((0, 1), (1, 1), (2, 0)):
        scene.classroom.enter(team, [choices[k].id])
    scene.run.reveal(confirmed=True)
    laid_out(scene, (1280, 720))
    bars = scene.spread_bars
    assert [n for *_rest, n in bars] == [1, 2] + [0] * (len(choices) - 2)
    assert [share for _t, _i, _tr, share, _tick, _n in bars][:2] == [0.5, 1.0]
    words = [tb.text for tb, _c in scene.texts]
    assert "2\u00a0équipes" in words or "2 équipes" in words
    assert "1\u00a0équipe" in words or "1 équipe" in words
    scene.run.next()  # « Pourquoi ? »: the consequence of the most chosen, no bars
    laid_out(scene, (1280, 720))
    assert scene.run.reveal_page == "why" and not scene.spread_bars
    assert any(choices[1].consequence == tb.text for tb, _c in scene.texts)


def test_a_display_only_ordering_list_draws_no_grip_and_takes_no_input(app):
    """The class reveal's right order (and the asked list) is shown, never moved: no grip in its
    rows (before: three grey lines, as if it could be dragged), no key nor pointer moves it."""
    from game import input as inp

    items = [("a", "Un"), ("b", "Deux"), ("c", "Trois")]
    m = app.metrics_for((1280, 720))
    live, shown = OrderingList(items), OrderingList(items)
    shown.enabled = False
    for w in (live, shown):
        w.layout(app.renderer, m, pygame.Rect(40, 40, 600, w.needed_height(app.renderer, m, 600)))
    assert shown.display_only and not live.display_only
    assert all(r.zone.width == 0 for r in shown.rows) and all(r.zone.width > 0 for r in live.rows)
    p = app.palette
    for w in (live, shown):
        surface = pygame.Surface((700, 600))
        surface.fill(p.background)
        w.draw(surface, app.renderer, p, m, False)
        grip = live.rows[0].zone  # where the live list draws its grip
        muted = sum(surface.get_at((x, y))[:3] == p.muted[:3] for x in range(grip.x, grip.right)
                    for y in range(grip.y, grip.bottom))
        assert (muted > 0) == (w is live)
    row = shown.rows[0].rect
    for intent in (inp.Intent(inp.POINTER_DOWN, "mouse", pos=row.center), inp.Intent(inp.CONFIRM, "keyboard"),
                   inp.Intent(inp.DOWN, "keyboard")):
        assert not shown.handle(intent)
    assert shown.answer == ("a", "b", "c") and shown.picked is None


def _said(scene) -> list[str]:
    """Every text the projector draws: its own and its widgets'."""
    return [tb.text for tb, _c in scene.texts] + [tb.text for w in scene.widgets for tb in getattr(w, "text_boxes", [])]


def test_the_public_view_never_shows_a_keyed_answer_before_the_reveal(app):
    """With the facilitator's window (``ctx.console``), answers are keyed there: the projector
    outlines no choice ticked for a team, draws no focus ring on an answer, and for an estimate
    shows no slider, no −/+ and no team's figure nor « (déplacez le curseur) »: the prompt, the
    range with its unit, and who has answered (before: the slider and the figure keyed)."""
    from game.ui.widgets import Button, Slider

    app.set_language("fr")
    c = app.content
    app.console = object()
    try:
        for qtype in ("single", "multiple", "estimate", "ordering", "scenario"):
            kind = "scenario" if qtype == "scenario" else "question"
            scene = scene_for(app, kind, ordinary(c, qtype))
            run = scene.run
            laid_out(scene, (1280, 720))
            if qtype == "estimate":
                est = scene.item.estimate
                value = est.min + round((est.max - est.min) / est.step * 0.37) * est.step
                run.set_estimate(value)  # moved on the facilitator's window, not yet validated
                figure = scene._fmt(value)
            elif qtype == "ordering":
                run.pick(2)
                run.pick(0)  # a draft order for team 0
            else:
                first = scene.choices[1].id
                scene.on_activate(Button(f"choice:{first}", pygame.Rect(0, 0, 1, 1)))  # as Console does
            scene.sync()
            laid_out(scene, (1280, 720))
            assert not any(getattr(w, "selected", False) for w in scene.widgets), qtype
            assert not any(w.id == scene.focus_id for w in scene.widgets), qtype  # no ring on an answer
            said = " ".join(_said(scene))
            assert "déplacez" not in said and "Classement de" not in said, qtype
            if qtype == "estimate":
                assert not any(isinstance(w, Slider) or w.id in ("minus", "plus", "validate") for w in scene.widgets)
                assert figure not in said or figure in scene._fmt(est.min) + scene._fmt(est.max)
                assert scene._fmt(est.min) in said and scene._fmt(est.max) in said
                assert {team.index for _r, team in scene.symbols} == {0, 1, 2, 3}
            assert check_layout(scene, (1280, 720)) == [], qtype
    finally:
        app.console = None


def longest(content, qtype: str) -> str:
    return max((q for q in content.questions.values() if q.type == qtype),
               key=lambda q: (len(q.prompt) + sum(len(c.text) for c in q.choices), q.id)).id


def test_the_answer_page_and_the_ask_reach_the_projector_scale_at_1280x720(app):
    """1280×720, French. The answer page (the right answer, the bars, every team's result grouped
    by result, the prompt only as a reminder when there is room): t = 1 for an ordinary single,
    several-answer, true/false and estimate question with four teams, t ≥ 0.6 for an ordering
    (before: 0.6 and 0.3); with eight teams a single's and a true/false's answer page, the
    ordinary and the longest, at t ≥ 0.6 (before: 0.3). The ask (team chips as wide as their
    names, in one row for four teams): t ≥ 0.6 for an ordinary single, several-answer, estimate
    and ordering question, t = 1 for a true/false, on the facilitator's and the room's view
    (before: 0.3 for a several-answer question and an ordering)."""
    app.set_language("fr")
    c = app.content
    low = []
    for qtype in ("single", "multiple", "truefalse", "estimate", "ordering"):
        t = laid_out(scene_for(app, "question", ordinary(c, qtype), page="answer"), (1280, 720)).projector_t
        if t < (0.6 if qtype == "ordering" else 1.0):
            low.append(("answer", qtype, t))
    for qtype in ("single", "truefalse"):
        for qid in (ordinary(c, qtype), longest(c, qtype)):
            t = laid_out(scene_for(app, "question", qid, n=8, page="answer"), (1280, 720)).projector_t
            if t < 0.6:
                low.append(("answer, 8 teams", qid, t))
    for console in (None, object()):
        app.console = console
        try:
            for qtype in ("single", "multiple", "truefalse", "estimate", "ordering"):
                t = laid_out(scene_for(app, "question", ordinary(c, qtype), timer=20), (1280, 720)).projector_t
                if t < (1.0 if qtype == "truefalse" else 0.6):
                    low.append(("ask", console is not None, qtype, t))
        finally:
            app.console = None
    assert not low


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_ask_screens_fit_at_every_size_on_both_views(app, lang):
    """The ask of an ordinary item of each type, on the facilitator's view and the room's
    (``ctx.console``), with one team answered: nothing cut, out of its box or overlapping."""
    app.set_language(lang)
    bad = []
    for console in (None, object()):
        app.console = console
        try:
            for qtype in TYPES:
                kind = "scenario" if qtype == "scenario" else "question"
                scene = scene_for(app, kind, ordinary(app.content, qtype), timer=20)
                if qtype not in ("estimate", "ordering"):
                    scene.classroom.enter(1, [scene.choices[0].id])
                for size in SIZES if lang == "fr" else SIZES[:2]:
                    laid_out(scene, size)
                    problems = check_layout(scene, size)
                    if problems or scene.max_scroll:
                        bad.append((qtype, console is not None, size, problems[:2], scene.max_scroll))
        finally:
            app.console = None
    assert not bad


def longest_card(content) -> str:
    return max(content.scenarios.values(), key=lambda s: (len(s.title) + len(s.situation)
                                                          + sum(len(c.text) for c in s.choices), s.id)).id


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_situation_page_and_the_english_ask_reach_a_projector_step(app, lang):
    """1280×720. A situation's answer page (each card beside its bar, the symbols of the teams
    that chose it on the bar, every team's symbol and full name below, the names read aloud with
    the card): t ≥ 0.6 for an ordinary and the longest situation with four and eight teams
    (before: 0.3 for most with eight, the « choisi par » lines and the bars under the cards). The
    ask with compact team chips: an ordinary several-answer, ordering and situation with four
    teams, and a single with eight, at t ≥ 0.6 on both views (before, in English: 0.3, four long
    names in two rows of chips)."""
    app.set_language(lang)
    c = app.content
    low = []
    for sid in (ordinary(c, "scenario"), longest_card(c)):
        for n in (4, 8):
            scene = laid_out(scene_for(app, "scenario", sid, n=n, page="answer"), (1280, 720))
            if scene.projector_t < 0.6:
                low.append(("answer", sid, n, scene.projector_t))
            cards = [w for w in scene.widgets if w.id.startswith("card:")]
            said = " ".join(w.alt for w in cards)
            assert len(cards) == len(c.scenarios[sid].choices) and len(scene.spread_bars) == len(cards)
            assert all(scene.team(t).name in said for t in range(n))  # each team read aloud with its card
            assert len(scene.bar_teams) == n  # and its symbol on the bar of its choice
    for console in (None, object()):
        app.console = console
        try:
            # (a French situation's ask: 32/43 at 0.6, not this ordinary one: its situation's words)
            for qtype, n in (("multiple", 4), ("ordering", 4), ("single", 8)) + ((("scenario", 4),) if lang == "en" else ()):
                kind = "scenario" if qtype == "scenario" else "question"
                t = laid_out(scene_for(app, kind, ordinary(c, qtype), n=n, timer=20), (1280, 720)).projector_t
                if t < 0.6:
                    low.append(("ask", console is not None, qtype, n, t))
        finally:
            app.console = None
    assert not low


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_spread_bar_keeps_two_fifths_of_its_row(app, lang):
    """The answer page's spread: each bar at least 40 % of its row (its column), at the four
    sizes, with one team per choice (« 1 team (right answer) »). Before: about 20 px in English
    at 1280×720 and 1024×600 (the words « (right answer) » took the room), 140–240 px of 1080 in
    portrait. The words « (bonne réponse) » go first (the tick and the bold count say it), then
    the count goes under its bar."""
    app.set_language(lang)
    bad = []
    for qid in (ordinary(app.content, "single"), ordinary(app.content, "multiple")):
        scene = scene_for(app, "question", qid, page="answer")
        for size in SIZES:
            laid_out(scene, size)
            bars = scene.spread_bars
            assert len(bars) == len(scene.choices), (qid, size)
            xs = sorted({tile.x for tile, *_r in bars})
            width = scene.metrics.content.width
            col_w = width if len(xs) == 1 else (width - 3 * scene.metrics.gap) // 2
            short = [track.width for _t, _i, track, *_r in bars if track.width < col_w * 0.4]
            counts = [tb for tb, _c in scene.texts if any(tb.text.startswith(f"{n} ") or tb.text.startswith(f"{n}\u00a0")
                                                          for *_r, n in bars)]
            if short or len(counts) < len(bars) or check_layout(scene, size):
                bad.append((qid, size, col_w, short, len(counts), check_layout(scene, size)[:2]))
    assert not bad


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_class_ask_does_not_say_twice_that_there_are_several_answers(app, lang):
    """« Plusieurs réponses possibles. » in the prompt, then « Plusieurs réponses sont justes :
    cochez-les toutes. » under it (or beside the progress): said twice. Now only « Cochez toutes
    les bonnes réponses. » (« possibles » does not say every right one must be ticked), nothing
    after « Choose all that apply. », the whole hint for a prompt that says neither."""
    from game.scenes.several import multiple_hint

    app.set_language(lang)
    full = {"fr": "Plusieurs réponses sont justes\u00a0: cochez-les toutes.", "en": "Several answers are right: tick them all."}[lang]
    short = {"fr": "Cochez toutes les bonnes réponses.", "en": "Tick all the right answers."}[lang]
    assert multiple_hint("Which ones? More than one answer possible.", group=True) == short
    assert multiple_hint("Which ones? Choose all that apply.", group=True) == ""
    assert multiple_hint("Lesquels\u00a0?", group=True) == full
    qid = ordinary(app.content, "multiple")
    prompt = app.content.questions[qid].prompt
    for console in (None, object()):
        app.console = console
        try:
            scene = scene_for(app, "question", qid)
            for size in ((1080, 1920), (1280, 720)):
                said = " ".join(tb.text for tb, _c in laid_out(scene, size).texts)
                assert full not in said and (short in said) == ("all that apply" not in prompt), (size, said)
        finally:
            app.console = None
