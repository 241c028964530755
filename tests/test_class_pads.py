"""A real class game with players' pads: the set-up's option starts the pad server (on 127.0.0.1
here), a few simulated pads (aiohttp) join and answer, and the projector's ClassRun receives each
team's majority through ``run.enter``; ties go to the facilitator; the facilitator pad's controls
act on the item; the server stops with the game however it ends. Loopback only, each test
bounded in time."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pygame
import pytest
from conftest import make_app

from game import input as inp
from game.flow import classrun as flow
from game.pads import Control
from game.pads.bridge import question_key
from game.scenes.classroom import ClassItemScene, ClassMenuScene, ClassSetupScene, DebriefScene
from game.scenes.classroom import pads as padmod
from game.scenes.classroom.join import JoinScene
from game.scenes.classroom.pads import PadOptions, link_of
from game.scenes.title import TitleScene


@pytest.fixture(autouse=True)
def loopback(monkeypatch):
    monkeypatch.setenv("NEJ_PAD_HOST", "127.0.0.1")
    monkeypatch.setenv("NEJ_PAD_PORT", "0")
    from game import i18n

    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


@pytest.fixture
def app(mini_content):
    a = make_app(mini_content)
    yield a
    for scene in list(a.stack):  # a failed test must not leave a server behind
        for link in (getattr(scene, "pads", None), getattr(scene, "link", None)):
            if isinstance(link, padmod.PadLink):
                link.stop()
    pygame.display.quit()


def start(app, mode: str = "auto", teams: int = 2) -> ClassItemScene:
    setup = ClassSetupScene(app)
    app.push(setup)
    setup.ensure_layout(app.surface_size())
    while len(setup.teams) > teams:
        setup.on_activate(setup.widget("fewer"))
    while setup.pads.mode != mode:
        setup.on_activate(setup.widget("pads"))
    setup.on_activate(setup.widget("start"))
    assert isinstance(app.top, JoinScene)
    app.pop()  # « Fermer »: the first item
    item = app.top
    assert isinstance(item, ClassItemScene) and item.pads is not None and item.pads.running
    return item


def frame(app) -> list[inp.Intent]:
    """One turn of the main loop, with the real event queue (the pads' wake-up included)."""
    events = pygame.event.get()
    intents = [i for e in events for i in app.mapper.translate(e)]
    app.step(events, 0.05)
    return intents


async def until(app, pred, timeout: float = 3.0) -> list[inp.Intent]:
    seen: list[inp.Intent] = []
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        seen += frame(app)
        if pred():
            return seen
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


async def recv(ws, kind: str) -> dict:  # noqa: ANN001
    while True:
        msg = await asyncio.wait_for(ws.receive_json(), 2.0)
        if msg["t"] == kind:
            return msg


async def join(http, server) -> tuple:  # noqa: ANN001
    ws = await http.ws_connect(f"http://127.0.0.1:{server.address[1]}/ws")
    await ws.send_json({"t": "join", "room": server.room_code})
    await recv(ws, "welcome")
    state = await recv(ws, "state")
    return ws, state


def run_async(coro, timeout: float = 10.0):  # noqa: ANN001
    return asyncio.run(asyncio.wait_for(coro, timeout))


def texts_on_screen(scene) -> str:  # noqa: ANN001
    return " ".join([tb.text for tb, _c in scene.texts] + [w.alt for w in scene.widgets])


def test_pads_answer_and_the_run_gets_each_teams_majority(app):
    item = start(app)
    run, server = item.run, item.pads.server
    choices = [c.id for c in run.choices]
    other = [c for c in choices if c != choices[0]]

    async def play() -> list[inp.Intent]:
        async with aiohttp.ClientSession() as http:
            pads = [await join(http, server) for _ in range(3)]
            teams = [s["team"] for _ws, s in pads]
            assert sorted(teams) == [0, 0, 1]  # the game fills the two teams evenly
            assert all(s["q"]["key"] == question_key(run.classroom) for _ws, s in pads)
            seen = await until(app, lambda: item.pads.seated() == 3)
            for n, (ws, s) in enumerate(pads):
                pick = choices[0] if s["team"] == 0 else other[0]
                await ws.send_json({"t": "answer", "q": s["q"]["key"], "n": 1, "choices": [pick]})
                await recv(ws, "ack")
            seen += await until(app, lambda: run.answered(0) and run.answered(1))
            for ws, _s in pads:
                await ws.close()
            return seen

    seen = run_async(play())
    assert any(i.kind == inp.PADS for i in seen)  # the server woke the loop through input.py
    entered = {e.team: e.choice_ids for e in run.events if isinstance(e, flow.AnswerEntered)}
    assert entered == {0: (choices[0],), 1: (other[0],)}  # through the run: its events fired
    assert item.pads.keyed == set()
    app.step([], 0.05)
    item.ensure_layout(app.surface_size())
    chips = {w.id: w.alt for w in item.widgets if w.id.startswith("team:")}
    assert "2/2 ont répondu" in chips["team:0"] and "1/1 a répondu" in chips["team:1"]
    shown = texts_on_screen(item)
    # the choice's text is on its button, never beside a team before the reveal
    assert all(c.text not in chips[k] for c in run.choices for k in chips)
    assert "Les" in shown
    item.command("reveal")
    assert run.phase == "reveal"
    item.ensure_layout(app.surface_size())
    words = texts_on_screen(item)
    assert "2 téléphones" in words and "1 téléphone" in words and "(bonne réponse)" in words
    assert item.spread_bars and sum(1 for b in item.spread_bars if b[4] is not None) >= 1


def test_a_tie_goes_to_the_facilitator_whose_key_wins(app):
    item = start(app, teams=2)
    run, server = item.run, item.pads.server
    choices = [c.id for c in run.choices]

    async def play() -> None:
        async with aiohttp.ClientSession() as http:
            pads = [await join(http, server) for _ in range(4)]
            team0 = [(ws, s) for ws, s in pads if s["team"] == 0]
            assert len(team0) == 2
            for (ws, s), pick in zip(team0, choices[:2]):
                await ws.send_json({"t": "answer", "q": s["q"]["key"], "n": 1, "choices": [pick]})
                await recv(ws, "ack")
            await until(app, lambda: item.pads.counts().get(0) is not None and item.pads.counts()[0].answered == 2)
            assert not run.answered(0) and item.pads.counts()[0].tie
            item.ensure_layout(app.surface_size())
            assert "égalité\u00a0: à vous de choisir" in item.widget("team:0").alt
            # the facilitator decides by key, as today: the hand went to the tied team; key 3
            assert run.current == 0
            item.handle(inp.Intent(inp.PICK, index=2))
            assert list(run.entry(0).answer.choice_ids) == [choices[2]] and 0 in item.pads.keyed
            # one pad changes its mind: the tie is broken, but the facilitator's key wins
            ws, s = team0[1]
            await ws.send_json({"t": "answer", "q": s["q"]["key"], "n": 2, "choices": [choices[0]]})
            await recv(ws, "ack")
            await until(app, lambda: item.pads.counts()[0].tie == () and item.pads.board.tally(run.classroom)
                        and item.pads.board.tally(run.classroom).teams[0].majority is not None)
            assert list(run.entry(0).answer.choice_ids) == [choices[2]]
            for ws, _s in pads:
                await ws.close()

    run_async(play())
    item.ensure_layout(app.surface_size())
    assert "saisie au clavier" in item.widget("team:0").alt


def test_the_facilitator_pad_reveals_and_moves_on_only_for_its_item(app):
    item = start(app)
    run, server = item.run, item.pads.server

    async def play() -> None:
        async with aiohttp.ClientSession() as http:
            ws = await http.ws_connect(f"http://127.0.0.1:{server.address[1]}/ws")
            await ws.send_json({"t": "join", "room": server.room_code, "admin": server.admin_code})
            token = (await recv(ws, "welcome"))["token"]
            key = question_key(run.classroom)
            await ws.send_json({"t": "control", "do": "reveal", "q": "old-key-0-x", "n": 1, "token": token})
            assert (await recv(ws, "refused"))["why"] == "late"  # the server checks the item first
            item.pads.board.controls.append(Control("reveal", "old-key-0-x"))  # and so does the game
            for _ in range(5):
                frame(app)
                await asyncio.sleep(0.01)
            assert run.phase == "ask" and item.pads.board.controls == []
            await ws.send_json({"t": "control", "do": "reveal", "q": key, "n": 2, "token": token})
            await recv(ws, "ack")
            await until(app, lambda: run.phase == "reveal")
            assert run.pending is None  # the facilitator's own pad: no question on the projector
            await ws.send_json({"t": "control", "do": "pause", "q": key, "n": 3, "token": token})
            await until(app, lambda: isinstance(app.top, ClassMenuScene))
            await ws.send_json({"t": "control", "do": "resume", "q": key, "n": 4, "token": token})
            await until(app, lambda: not isinstance(app.top, ClassMenuScene))
            await ws.close()

    run_async(play())


def test_letters_a_to_d_pick_like_keys_1_to_4(app):
    item = start(app)
    run = item.run
    for ev in [pygame.event.Event(pygame.TEXTINPUT, text="b")]:
        for i in app.mapper.translate(ev):
            app.dispatch(i)
    assert list(run.entry(0).answer.choice_ids) == [run.choices[1].id]
    assert 0 in item.pads.keyed


@pytest.mark.parametrize("how", ["finish", "abandon", "quit", "title"])
def test_the_server_stops_with_the_class_game(app, how):
    item = start(app)
    link, run = item.pads, item.run
    port = link.server.address[1]
    if how == "finish":
        run.end(confirmed=True)
        app.step([], 0.05)
        assert isinstance(app.top, DebriefScene) and link.running  # the pads say the game is over
        run.finish(confirmed=True)
        app.step([], 0.05)
    elif how == "abandon":
        item.command("pause")
        for wid in ("abandon", "yes"):  # the menu, then the run's question
            app.top.ensure_layout(app.surface_size())
            app.top.on_activate(app.top.widget(wid))
        app.step([], 0.05)
        assert isinstance(app.top, ClassSetupScene)
    elif how == "quit":
        app.dispatch(inp.Intent(inp.QUIT, "window"))
        assert not app.running
    else:
        app.reset_to(TitleScene(app))
    assert not link.running and link.server is None
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more
    assert link_of(run) is link


def test_the_server_goes_on_from_item_to_item(app):
    item = start(app)
    link, run = item.pads, item.run
    run.reveal(confirmed=True)
    run.next()
    run.next()
    app.step([], 0.05)
    assert app.top is not item and isinstance(app.top, ClassItemScene) and link.running


def test_a_taken_port_falls_back_to_a_free_one_and_says_so(app, monkeypatch):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        port = busy.getsockname()[1]
        monkeypatch.setenv("NEJ_PAD_PORT", str(port))
        item = start(app)
        assert item.pads.server.address[1] != port
        assert item.pads.message == padmod.PORT_TAKEN
        join = JoinScene(app, item.pads)
        app.push(join)
        join.ensure_layout(app.surface_size())
        assert f"Le port {port} est déjà pris" in texts_on_screen(join)
    finally:
        busy.close()


def test_no_network_says_so_and_the_class_plays_with_keys(app, monkeypatch):
    monkeypatch.setattr(padmod, "pad_address", lambda: (None, 8765))
    setup = ClassSetupScene(app)
    app.push(setup)
    setup.ensure_layout(app.surface_size())
    setup.on_activate(setup.widget("pads"))
    setup.on_activate(setup.widget("start"))
    join = app.top
    assert isinstance(join, JoinScene) and join.link.server is None
    join.ensure_layout(app.surface_size())
    assert "Pas de réseau local" in texts_on_screen(join)
    join.on_activate(join.widget("close"))
    item = app.top
    item.handle(inp.Intent(inp.PICK, index=0))
    assert item.run.answered(0)


def test_the_facilitator_code_shows_only_on_request_after_a_warning(app):
    item = start(app)
    item.command("pause")
    menu = app.top
    menu.ensure_layout(app.surface_size())
    ids = [w.id for w in menu.widgets]
    assert "join" in ids and "admin_pad" in ids
    menu.on_activate(menu.widget("admin_pad"))
    panel = app.top
    panel.ensure_layout(app.surface_size())
    assert panel.qr_rect.width == 0 and "Masquez d'abord le projecteur" in texts_on_screen(panel)
    panel.on_activate(panel.widget("show"))
    panel.ensure_layout(app.surface_size())
    assert panel.qr_rect.width > 200 and panel.url == item.pads.server.admin_url
    assert item.pads.server.admin_code not in texts_on_screen(panel)  # the code is in the QR only
    panel.on_activate(panel.widget("close"))
    assert app.top is menu


def test_setup_option_is_off_by_default_and_remembered(app):
    setup = ClassSetupScene(app)
    assert setup.pads == PadOptions("off")
    setup.ensure_layout(app.surface_size())
    setup.on_activate(setup.widget("pads"))
    setup.on_activate(setup.widget("pads"))
    assert ClassSetupScene(app).pads.mode == "player"
    assert "pads" not in [w.id for w in setup.bot_targets()]  # no bot starts a server


def test_a_keyed_team_and_a_pad_team_play_the_same_item(app):
    item = start(app)
    run, server = item.run, item.pads.server
    choices = [c.id for c in run.choices]

    async def play() -> None:
        async with aiohttp.ClientSession() as http:
            ws, state = await join(http, server)  # one phone: team 0; team 1 has none and is keyed
            assert state["team"] == 0
            await ws.send_json({"t": "answer", "q": state["q"]["key"], "n": 1, "choices": [choices[1]]})
            await recv(ws, "ack")
            await until(app, lambda: run.answered(0))
            assert run.current == 1  # the pads answered for team 0: the hand went on to the keyed team
            item.handle(inp.Intent(inp.PICK, index=0))
            await ws.close()

    run_async(play())
    assert list(run.entry(0).answer.choice_ids) == [choices[1]] and list(run.entry(1).answer.choice_ids) == [choices[0]]
    assert item.pads.keyed == {1}
    item.ensure_layout(app.surface_size())
    assert "pas de téléphone" not in item.widget("team:0").alt and "saisie au clavier" in item.widget("team:1").alt
