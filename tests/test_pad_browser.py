"""The pad page in a real headless browser (the system's Chromium, driven by Playwright): joining
with the room code, answering every kind of item of a class game, reloading mid-question without
losing the seat or counting an answer twice, the team's result after the reveal, the player's
choice of team, and English. What the class game receives is checked through the bridge.

Set NEJ_PAD_SHOTS=<folder> to keep phone-sized screenshots (390×844) of each screen."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from game.classroom import ClassConfig, Classroom, default_teams
from game.pads import PadServer, Tally, apply_tally, pad_state

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no system Chromium (apt-get install chromium)")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("NEJ_PAD_SHOTS")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Game:
    """A class game with the pad server beside it, as the class scene will run them."""

    def __init__(self, content, lang: str = "fr", team_mode: str = "auto", teams: int = 2) -> None:  # noqa: ANN001
        self.classroom = Classroom.start(content, ClassConfig(default_teams(teams)), seed=4)
        self.lang, self.team_mode = lang, team_mode
        self.server = PadServer()
        self.server.start("127.0.0.1", 0)
        self.publish()

    def publish(self) -> None:
        self.server.publish(pad_state(self.classroom, self.lang, self.team_mode))

    def pump(self) -> None:
        for intent in self.server.poll_intents():
            if isinstance(intent, Tally):
                apply_tally(self.classroom, intent)

    def wait_entry(self, team: int, timeout: float = 3.0):  # noqa: ANN201
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump()
            e = self.classroom.entry(team)
            if e is not None:
                return e
            time.sleep(0.02)
        raise AssertionError(f"team {team}'s answer never reached the class game")


@pytest.fixture()
def game(mini_content):
    g = Game(mini_content)
    yield g
    g.server.stop()


def shot(page, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def open_pad(browser, url: str):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(url)
    return context, page, errors


def visible(page, view: str) -> None:  # noqa: ANN001
    page.wait_for_selector(f"#{view}:not([hidden])", timeout=4000)


def sent(page) -> None:  # noqa: ANN001
    page.wait_for_function("() => /envoyée|sent/.test(document.getElementById('q-status').textContent)", timeout=4000)


def test_join_answer_every_kind_and_reload_without_losing_the_seat(browser, game):
    base = game.server.url.split("#")[0]
    context, page, errors = open_pad(browser, base)
    cr, content = game.classroom, game.classroom.content
    try:
        # joining: a wrong code is refused in words, the right one seats the pad in a team
        visible(page, "v-join")
        shot(page, "fr-join")
        page.fill("#room", "ZZZZZZ")
        page.click("#join")
        page.wait_for_function("() => document.getElementById('join-error').textContent.length > 0", timeout=4000)
        assert "aucune salle" in page.inner_text("#join-error")
        page.fill("#room", game.server.room_code.lower())
        page.click("#join")
        visible(page, "v-q")
        who = page.inner_text("#who")
        assert who.startswith("Tu es ") and "Les Colibris" in who
        kinds = []
        while not cr.finished:
            step = cr.session.current
            item = content.questions[step.id] if step.kind == "question" else content.scenarios[step.id]
            kind = item.type if step.kind == "question" else "scenario"
            kinds.append(kind)
            page.wait_for_function(f"() => document.getElementById('q-prompt').textContent === {repr_js(item.prompt if step.kind == 'question' else item.situation)}",
                                   timeout=4000)
            shot(page, f"fr-{kind}")
            if kind == "estimate":
                est = item.estimate
                assert float(page.input_value("#range")) == step.start
                page.click("#more")
                page.click("#more")
                page.click("#send")
                sent(page)
                want_value = step.start + 2 * est.step
                e = game.wait_entry(0)
                assert e.answer.value == want_value
            else:
                ids = [b.get_attribute("data-id") for b in page.query_selector_all(".choice")]
                marks = [b.inner_text().split("\n")[0].strip() for b in page.query_selector_all(".choice .mark")]
                shown = list(step.order) if step.kind == "question" else [c.id for c in item.choices]
                assert ids == shown  # the projector's order
                assert marks == ["A", "B", "C", "D"][: len(ids)]
                for b in page.query_selector_all(".choice"):
                    assert b.bounding_box()["height"] >= 44
                if kind == "multiple":
                    pick = sorted(item.correct_ids)
                    for cid in pick:
                        page.click(f'.choice[data-id="{cid}"]')
                    assert page.get_attribute(f'.choice[data-id="{pick[0]}"]', "aria-pressed") == "true"
                    page.click("#send")
                else:
                    pick = [ids[-1]]
                    page.click(f'.choice[data-id="{pick[0]}"]')
                sent(page)
                e = game.wait_entry(0)
                assert sorted(e.answer.choice_ids) == sorted(pick)
                assert page.get_attribute(f'.choice[data-id="{pick[0]}"]', "aria-pressed") == "true"
            assert page.get_attribute("#q-status", "aria-live") == "polite"
            shot(page, f"fr-{kind}-sent")
            if kind == "single":
                # a reload mid-question: the same seat, its answer still shown, counted once
                page.reload()
                visible(page, "v-q")
                sent(page)
                assert page.inner_text("#who") == who
                assert page.get_attribute(f'.choice[data-id="{pick[0]}"]', "aria-pressed") == "true"
                # an answer the pad sent into a dying connection is sent again on the next one
                other = next(i for i in ids if i != pick[0])
                page.evaluate("""([key, id]) => { const s = JSON.parse(localStorage.getItem('nej-pad'));
                    s.n += 1; s.pending = {q: key, n: s.n, choices: [id]};
                    localStorage.setItem('nej-pad', JSON.stringify(s)); }""",
                              [pad_state(cr).question.key, other])
                page.reload()
                visible(page, "v-q")
                sent(page)
                end = time.monotonic() + 3
                while cr.entry(0).answer.choice_ids != (other,) and time.monotonic() < end:
                    game.pump()
                    time.sleep(0.02)
                assert cr.entry(0).answer.choice_ids == (other,)
                stats = game.server.stats()
                assert stats["joined"] == 1 and stats["resumed"] == 2
                assert stats["refused"] == stats["refused_room"] == 1  # the wrong code, and nothing else
                last = [i for i in game.server.poll_intents() if isinstance(i, Tally)]
                assert not last or sum(t.answered for t in last[-1].teams) == 1
            # the reveal: the team's result, in words and not by colour alone
            cr.reveal()
            game.publish()
            page.wait_for_selector("#q-result:not([hidden])", timeout=4000)
            verdict = page.inner_text("#q-result .verdict")
            if kind == "scenario":
                assert verdict.startswith("Ton équipe a choisi")
            elif cr.entry(0).answer.correct:
                assert verdict.startswith("✓ Bravo")
            else:
                assert verdict.startswith("✗ Ton équipe s’est trompée")
                assert "La bonne réponse" in page.inner_text("#q-result")
            assert page.is_disabled(".choice") if kind != "estimate" else page.is_disabled("#range")
            shot(page, f"fr-{kind}-reveal")
            cr.advance()
            game.publish()
        visible(page, "v-end")
        assert set(kinds) == {"single", "multiple", "truefalse", "estimate", "scenario"}
        assert game.server.stats()["refused"] == 1
        assert errors == []
    finally:
        context.close()


def repr_js(text: str) -> str:
    import json

    return json.dumps(text)


def test_players_choose_their_team_and_read_the_page_in_english(browser, mini_content):
    game = Game(mini_content, lang="en", team_mode="player", teams=3)
    try:
        context, page, errors = open_pad(browser, game.server.url)  # the room code in the link: no typing
        visible(page, "v-team")
        assert page.inner_text("#v-team h1") == "Choose your team"
        assert page.get_attribute("html", "lang") == "en"
        shot(page, "en-team")
        buttons = page.query_selector_all("#teams button")
        assert [b.inner_text() for b in buttons] == [t.name for t in game.classroom.teams]
        buttons[2].click()
        visible(page, "v-q")
        assert game.classroom.teams[2].name in page.inner_text("#who")
        assert page.inner_text("#q-help") in ("Tap one answer.", "Tap every right answer, then “Send”.",
                                              "True or false? Tap your answer.",
                                              "Slide, or use − and +, then “Send”.",
                                              "What does your team choose? Tap a choice.")
        assert "#" not in page.url  # the room code left the address bar
        shot(page, "en-question")
        page.click(".choice >> nth=0") if page.query_selector(".choice") else page.click("#send")
        page.wait_for_function("() => document.getElementById('q-status').textContent === 'Answer sent'", timeout=4000)
        assert game.wait_entry(2) is not None
        shot(page, "en-sent")
        assert errors == []
        context.close()
    finally:
        game.server.stop()


def test_the_keyboard_alone_answers_and_keeps_its_place(browser, mini_content):
    game = Game(mini_content)
    try:
        context, page, errors = open_pad(browser, game.server.url)
        visible(page, "v-q")
        cr = game.classroom
        while cr.session.current.kind != "question" or mini_content.questions[cr.session.current.id].type != "single":
            cr.advance()
        game.publish()
        page.wait_for_function("() => document.activeElement && document.activeElement.id === 'q-prompt'",
                               timeout=4000)  # a new question takes the focus, so a screen reader reads it
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        second = page.evaluate("() => document.activeElement.getAttribute('data-id')")
        assert second == cr.session.current.order[1]
        page.keyboard.press("Enter")
        sent(page)
        assert game.wait_entry(0).answer.choice_ids == (second,)
        # the page was drawn anew with the answer: the focus is still on that choice
        assert page.evaluate("() => document.activeElement.getAttribute('data-id')") == second
        assert errors == []
        context.close()
    finally:
        game.server.stop()


def test_a_lost_connection_comes_back_to_the_same_seat(browser, mini_content):
    import asyncio

    game = Game(mini_content)
    try:
        context, page, errors = open_pad(browser, game.server.url)
        visible(page, "v-q")
        who = page.inner_text("#who")
        srv = game.server

        def drop_all() -> None:  # the Wi-Fi flickers: the server loses every connection
            for conn in list(srv._conns):  # noqa: SLF001
                asyncio.ensure_future(conn.ws.close(code=1011))

        srv._loop.call_soon_threadsafe(drop_all)  # noqa: SLF001
        page.wait_for_function("() => document.getElementById('conn').textContent.length > 0", timeout=4000)
        assert page.inner_text("#conn") == "Connexion perdue. Reconnexion…"
        page.wait_for_function("() => document.getElementById('conn').textContent === ''", timeout=5000)
        assert page.inner_text("#who") == who
        assert srv.stats()["joined"] == 1 and srv.stats()["resumed"] == 1
        if page.query_selector(".choice"):
            page.click(".choice >> nth=0")
        else:
            page.click("#send")
        sent(page)
        assert game.wait_entry(0) is not None
        assert errors == []
        context.close()
    finally:
        game.server.stop()


def test_the_facilitator_pad_sees_counts_and_notes_and_drives_the_game(browser, mini_content):
    from game.pads import Control, PadBoard, question_key

    game = Game(mini_content, teams=2)
    cr = game.classroom
    while cr.session.current.kind != "question" or mini_content.questions[cr.session.current.id].type != "single":
        cr.advance()
    qid = cr.session.current.id
    mini_content.questions[qid] = mini_content.questions[qid].model_copy(
        update={"facilitator_notes": "Demandez qui a déjà fait réparer un téléphone.", "debate": "Réparer ou remplacer ?"})
    board = PadBoard()

    def publish() -> None:
        game.server.publish(pad_state(cr, "fr", "auto"))

    def controls(timeout: float = 4.0) -> list:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            board.take(cr, game.server.poll_intents())
            if board.controls:
                got, board.controls[:] = list(board.controls), []
                return got
            time.sleep(0.02)
        raise AssertionError("no control reached the game")

    publish()
    try:
        fac_ctx, fac, errors = open_pad(browser, game.server.admin_url)
        visible(fac, "v-admin")
        assert "#" not in fac.url  # the facilitator code left the address bar
        assert fac.inner_text("#a-prompt") == mini_content.questions[qid].prompt
        assert "Demandez qui a déjà fait réparer" in fac.inner_text("#a-notes")
        assert "Pad animateur·trice" in fac.inner_text("#who")
        right = sorted(mini_content.questions[qid].correct_ids)[0]
        # a player joins by the room code in the query (?room=), answers; the facilitator sees a count, not who
        base = game.server.url.split("#")[0]
        pad_ctx, pad, pad_errors = open_pad(browser, f"{base}?room={game.server.room_code}")
        visible(pad, "v-q")
        pad.click(f'.choice[data-id="{right}"]')
        sent(pad)
        fac.wait_for_function("() => /1 \\/ 1 a répondu/.test(document.getElementById('a-teams').textContent)",
                              timeout=4000)  # French: the singular for 0 and 1
        player_name = pad.inner_text("#who").split(" · ")[0].removeprefix("Tu es ")
        assert player_name and player_name not in fac.inner_text("#v-admin")  # never who answered what
        fac.wait_for_function("() => /1 réponse/.test(document.getElementById('a-choices').textContent)", timeout=4000)
        counts = fac.inner_text("#a-choices")
        assert "— 0 réponse" in counts and "0 réponses" not in counts
        assert "★ bonne réponse" in fac.inner_text("#a-choices")
        game.pump()  # the game enters the team's majority and publishes it
        publish()
        fac.wait_for_function("() => /réponse enregistrée/.test(document.getElementById('a-teams').textContent)",
                              timeout=4000)
        assert fac.is_visible("#do-pause") and not fac.query_selector("#do-next")
        shot(fac, "fr-facilitator")
        fac.click("#do-reveal")
        assert controls() == [Control("reveal", question_key(cr))]
        fac.wait_for_function("() => document.getElementById('a-status').textContent === 'Commande envoyée'", timeout=4000)
        cr.reveal()
        publish()
        pad.wait_for_selector("#q-result:not([hidden])", timeout=4000)
        fac.wait_for_selector("#do-next", timeout=4000)
        shot(fac, "fr-facilitator-reveal")
        fac.reload()  # the facilitator pad keeps its seat too
        fac.wait_for_selector("#do-next", timeout=4000)
        fac.click("#do-next")
        assert controls() == [Control("next", question_key(cr))]
        cr.advance()
        publish()
        nxt = cr.session.current
        prompt = mini_content.questions[nxt.id].prompt if nxt.kind == "question" else mini_content.scenarios[nxt.id].situation
        fac.wait_for_function(f"() => document.getElementById('a-prompt').textContent === {repr_js(prompt)}", timeout=4000)
        s = game.server.stats()
        assert s["admins"] == 1 and s["controls"] == 2 and s["joined"] == 1 and s["refused"] == 0
        assert errors == [] and pad_errors == []
        fac_ctx.close()
        # a wrong facilitator code (a new link on the player's phone): back to the join form, in words
        pad.goto(f"{base}?again#{game.server.room_code}-ZZZZ2345")
        pad.wait_for_function("() => document.getElementById('join-error').textContent.length > 0", timeout=4000)
        assert "code animateur·trice" in pad.inner_text("#join-error")
        pad_ctx.close()
    finally:
        game.server.stop()


@pytest.mark.skipif(not SHOTS, reason="screenshots only: NEJ_PAD_SHOTS=<folder> (the French pass runs by default)")
def test_every_kind_in_english_at_phone_size(browser, mini_content):
    """The English page for each kind of item, open and after the reveal (screenshots to look at)."""
    game = Game(mini_content, lang="en")
    cr, content = game.classroom, mini_content
    helps = {"single": "Tap one answer.", "multiple": "Tap every right answer, then “Send”.",
             "truefalse": "True or false? Tap your answer.", "estimate": "Slide, or use − and +, then “Send”.",
             "scenario": "What does your team choose? Tap a choice."}
    try:
        context, page, errors = open_pad(browser, game.server.url)
        while not cr.finished:
            step = cr.session.current
            kind = content.questions[step.id].type if step.kind == "question" else "scenario"
            key = pad_state(cr).question.key
            page.wait_for_function(f"() => document.querySelector('#v-q:not([hidden])') && "
                                   f"document.getElementById('q-help').textContent === {repr_js(helps[kind])}", timeout=4000)
            page.click("#send" if kind == "estimate" else ".choice >> nth=0")
            if kind == "multiple":
                page.click("#send")
            page.wait_for_function("() => document.getElementById('q-status').textContent === 'Answer sent'", timeout=4000)
            shot(page, f"en-{kind}")
            game.wait_entry(0)
            cr.reveal()
            game.publish()
            page.wait_for_selector("#q-result:not([hidden])", timeout=4000)
            shot(page, f"en-{kind}-reveal")
            cr.advance()
            game.publish()
            assert key
        visible(page, "v-end")
        assert page.inner_text("#v-end") == "Game over. Thanks for playing!"
        assert errors == []
        context.close()
    finally:
        game.server.stop()


def test_an_ordering_is_put_in_order_with_up_and_down_and_survives_a_reload(browser):
    from game.pads.protocol import ChoiceInfo, PadState, QuestionInfo, RevealInfo, TeamInfo, TeamResult

    teams = (TeamInfo(0, "Les Colibris", "circle", "#005ab4"),)
    items = (ChoiceInfo("tel", "Un smartphone"), ChoiceInfo("tv", "Une télévision"), ChoiceInfo("pc", "Un ordinateur portable"))
    q = QuestionInfo("ko", "ordering", "Du plus lourd au plus léger en matières premières ?", items, None, (0,), True, (5, 8))
    srv = PadServer("K7M2QX")
    srv.start("127.0.0.1", 0)
    srv.publish(PadState("fr", teams, "auto", q))
    try:
        context, page, errors = open_pad(browser, srv.url)
        visible(page, "v-q")
        assert page.inner_text("#q-help").startswith("Range du premier")
        order = lambda: [li.get_attribute("data-item") for li in page.query_selector_all(".orderline")]  # noqa: E731
        assert order() == ["tel", "tv", "pc"]
        assert page.is_disabled('[data-move="up"][data-id="tel"]') and page.is_disabled('[data-move="down"][data-id="pc"]')
        assert page.get_attribute('[data-move="down"][data-id="tel"]', "aria-label") == "Descendre Un smartphone (place 1)"
        # as on the projector: each row numbered by its place, no letter, shape or colour
        assert page.query_selector_all(".orderline .mark, .orderline svg") == []
        assert [p.inner_text() for p in page.query_selector_all(".orderline .place")] == ["1.", "2.", "3."]
        assert {page.evaluate("e => getComputedStyle(e).backgroundColor", li)
                for li in page.query_selector_all(".orderline")} == {"rgb(255, 255, 255)"}
        for b in page.query_selector_all(".move"):
            box = b.bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44
        page.click('[data-move="up"][data-id="pc"]')  # pc to place 2
        assert order() == ["tel", "pc", "tv"]
        assert page.evaluate("() => document.activeElement.getAttribute('data-id')") == "pc"  # the focus follows it
        assert page.inner_text("#q-status") == "Un ordinateur portable est à la place 2."
        page.focus('[data-move="up"][data-id="pc"]')
        page.keyboard.press("Enter")  # the keyboard alone: pc to the top
        assert order() == ["pc", "tel", "tv"]
        assert [p.inner_text() for p in page.query_selector_all(".orderline .place")] == ["1.", "2.", "3."]
        shot(page, "fr-ordering")
        page.click("#send")
        sent(page)
        tally = wait_tally(srv)
        assert tally.teams[0].majority.choice_ids == ("pc", "tel", "tv") and tally.spread == {"pc": 1}
        page.reload()
        visible(page, "v-q")
        sent(page)
        assert order() == ["pc", "tel", "tv"]  # the seat's answer, in its order
        srv.publish(PadState("en", teams, "auto", QuestionInfo(**{**q.__dict__, "open": False}),
                             RevealInfo("ko", ("tv", "pc", "tel"), None, {0: TeamResult(False, ("pc", "tel", "tv"))})))
        page.wait_for_selector("#q-result:not([hidden])", timeout=4000)
        assert "The right order: 1.\u00a0Une télévision; 2.\u00a0Un ordinateur portable; 3.\u00a0Un smartphone" in page.text_content("#q-result")
        assert page.query_selector_all(".move") == []  # closed: no arrows left to press
        shot(page, "en-ordering-reveal")
        assert srv.stats()["accepted"] == 1 and srv.stats()["refused"] == 0 and errors == []
        context.close()
    finally:
        srv.stop()


def wait_tally(srv, timeout: float = 3.0):  # noqa: ANN001, ANN201
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for intent in srv.poll_intents():
            if isinstance(intent, Tally) and intent.teams and intent.teams[0].answered:
                return intent
        time.sleep(0.02)
    raise AssertionError("no tally with an answer")


SEND_ON_SCREEN = """() => { const b = document.getElementById('send'); if (!b) return 'no button';
    const r = b.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (r.top < 0 || r.bottom > innerHeight) return 'off screen: ' + r.top + '..' + r.bottom;
    if (r.height < 44) return 'too small: ' + r.height;
    const hit = document.elementFromPoint(x, y);
    return hit && hit.closest('#send') ? 'ok' : 'covered by ' + (hit && hit.outerHTML.slice(0, 60)); }"""
UNCOVERED = """sel => { const e = document.querySelector(sel); e.scrollIntoView({block: 'nearest'});
    const r = e.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && e.contains(hit); }"""


def test_long_items_fit_a_phone_with_send_on_the_first_screen_and_french_typography(browser):
    """390×844 with the bank's longest multiple and ordering: « Envoyer » is on the first screen
    without scrolling and covers no choice once scrolled; an ordering's text gets the row's width;
    several right answers are joined by « ; » with a no-break space; an estimate keeps its number
    and unit together (« 6,2 kg CO₂e » never breaks) and shows its min and max under the slider."""
    from game.pads.protocol import ChoiceInfo, EstimateInfo, PadState, QuestionInfo, RevealInfo, TeamInfo, TeamResult

    teams = (TeamInfo(0, "Les Colibris", "circle", "#005ab4"),)
    many = (ChoiceInfo("a", "Annoter des images : dire ce qu'elles montrent"),
            ChoiceInfo("b", "Nettoyer les données avant qu'une IA apprenne avec"),
            ChoiceInfo("c", "Écrire le code de l'IA"), ChoiceInfo("d", "Fabriquer les puces des serveurs"))
    multiple = QuestionInfo("m1", "multiple", "Quelles tâches les data workers font-ils pour les IA ? Plusieurs réponses possibles.",
                            many, None, (0,), True, (3, 10))
    items = (ChoiceInfo("matieres", "Les matières premières pour fabriquer un téléphone neuf"),
             ChoiceInfo("telephone", "Le téléphone neuf lui-même"),
             ChoiceInfo("dechets", "Les déchets produits en un an par les usages numériques d'un·e Français·e"),
             ChoiceInfo("ressources", "Les ressources utilisées en un an pour fabriquer les appareils numériques d'un·e Français·e"))
    ordering = QuestionInfo("o1", "ordering", "Classe ces poids, du plus lourd au plus léger.", items, None, (0,), True, (9, 10))
    estimate = QuestionInfo("e1", "estimate", "Combien ?", (), EstimateInfo(0, 20, 0.1, 6.2, "kg CO₂e"), (0,), True, (7, 10))
    percent = QuestionInfo("e2", "estimate", "How much?", (), EstimateInfo(0, 100, 5, 50, "%"), (0,), True, (8, 10))
    srv = PadServer("K7M2QX")
    srv.start("127.0.0.1", 0)
    srv.publish(PadState("fr", teams, "auto", multiple))
    try:
        context, page, errors = open_pad(browser, srv.url)
        visible(page, "v-q")
        page.wait_for_selector("#send")
        assert page.evaluate("() => scrollY") == 0
        assert page.evaluate(SEND_ON_SCREEN) == "ok"
        assert page.evaluate(UNCOVERED, '.choice[data-id="d"]')  # the last choice, scrolled to, is not hidden
        page.evaluate("() => scrollTo(0, 0)")
        page.click('.choice[data-id="a"]')
        page.click('.choice[data-id="b"]')
        page.click("#send")
        sent(page)
        shot(page, "fr-multiple-long")
        srv.publish(PadState("fr", teams, "auto", QuestionInfo(**{**multiple.__dict__, "open": False}),
                             RevealInfo("m1", ("a", "b"), None, {0: TeamResult(True, ("a", "b"))})))
        page.wait_for_selector("#q-result:not([hidden])", timeout=4000)
        assert ("Les bonnes réponses\u00a0: A — Annoter des images : dire ce qu'elles montrent\u00a0; "
                "B — Nettoyer les données") in page.text_content("#q-result")

        srv.publish(PadState("fr", teams, "auto", ordering))
        page.wait_for_selector(".orderline")
        page.evaluate("() => scrollTo(0, 0)")
        assert page.evaluate(SEND_ON_SCREEN) == "ok"
        assert page.evaluate(UNCOVERED, '.orderline[data-item="ressources"]')
        for li in page.query_selector_all(".orderline"):
            row, text = li.bounding_box(), li.query_selector(".text")
            assert text.bounding_box()["width"] >= 0.6 * row["width"]
            lines = page.evaluate("e => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))", text)
            assert lines <= 4, (li.get_attribute("data-item"), lines)
        shot(page, "fr-ordering-long")

        srv.publish(PadState("fr", teams, "auto", estimate))
        page.wait_for_selector("#range")
        nb = "\u00a0"
        assert page.text_content("#value") == f"6,2{nb}kg{nb}CO₂e"
        assert page.get_attribute("#range", "aria-valuetext") == f"6,2{nb}kg{nb}CO₂e"
        assert [page.text_content(s) for s in ("#range-min", "#range-max")] == [f"0{nb}kg{nb}CO₂e", f"20{nb}kg{nb}CO₂e"]
        slider, low, high = (page.query_selector(s).bounding_box() for s in ("#range", "#range-min", "#range-max"))
        assert low["y"] >= slider["y"] + slider["height"] - 1 and high["y"] >= slider["y"] + slider["height"] - 1
        assert low["x"] <= slider["x"] + 8 and high["x"] + high["width"] >= slider["x"] + slider["width"] - 8
        assert page.evaluate(SEND_ON_SCREEN) == "ok"
        shot(page, "fr-estimate-scale")
        srv.publish(PadState("en", teams, "auto", percent))
        page.wait_for_function("() => document.getElementById('value') && document.getElementById('value').textContent === '50%'",
                               timeout=4000)
        assert [page.text_content(s) for s in ("#range-min", "#range-max")] == ["0%", "100%"]
        assert errors == []
        context.close()
    finally:
        srv.stop()
