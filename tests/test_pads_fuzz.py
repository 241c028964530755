"""Fuzzing the pads (issue 17.5): whatever a device sends — malformed JSON, huge frames, other rooms'
codes, unknown ids, replays, answers after the reveal, controls without the facilitator's token —
is refused and counted, one refusal per message, and the server keeps serving the real pads.
Only 127.0.0.1; bounded: a few hundred messages, a few seconds."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import socket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.pads import PadServer, Tally
from game.pads.protocol import MAX_MESSAGE_BYTES, REASONS, ChooseTeam, ControlMsg, Join, Refused, parse
from game.pads.room import Room
from test_pads import fac_state, question, recv, room_with, run


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                 lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.sampled_from(
                     ["t", "room", "token", "team", "q", "n", "choices", "value", "admin", "do", "x"]), kids, max_size=6),
                 max_leaves=12).map(json.dumps),
    st.fixed_dictionaries({"t": st.sampled_from(["join", "team", "answer", "control"])},
                          optional={"room": st.text(max_size=8), "team": st.integers(-3, 70),
                                    "q": st.sampled_from(["k1", "k2", ""]), "n": st.integers(-2, 2**32),
                                    "choices": st.lists(st.sampled_from(["a", "b", "c", "x", ""]), max_size=4),
                                    "value": st.floats(allow_nan=True) | st.integers(),
                                    "admin": st.text(max_size=10), "token": st.text(max_size=10),
                                    "do": st.sampled_from(["reveal", "next", "pause", "resume", "quit", ""])}
                          ).map(json.dumps),
))
def test_fuzz_messages_are_parsed_or_refused_never_crash_the_room(raw):
    room = room_with(question("k1"))
    seat = room.join(Join("K7M2QX"))[0]
    try:
        msg = parse(raw)
    except Refused as e:
        assert room.refuse(e.reason)  # a known, counted reason
        return
    try:
        if isinstance(msg, Join):
            room.join(msg)
        elif isinstance(msg, ChooseTeam):
            room.choose_team(seat, msg)
        elif isinstance(msg, ControlMsg):
            assert room.control(seat, msg) is None  # a player's seat never controls
        else:
            room.answer(seat, msg)
    except Refused as e:
        assert e.reason in REASONS
    tally = room.tally()
    assert sum(t.answered for t in tally.teams) <= 1  # one seat, at most one answer
    assert room.admins == {}  # no message makes a facilitator without the code (drawn at random)


def junk(rng: random.Random, token: str) -> tuple[str, str]:
    """A bad message and the reason it must be refused for."""
    pick = rng.randrange(12)
    n = rng.randrange(1, 10_000)
    if pick == 0:
        return rng.choice(["{", "null", "[]", '"x"', "{}", "{'t': 'join'}", "\u0000", "tru"]), "malformed"
    if pick == 1:
        return json.dumps({"t": "answer", "q": "k1", "n": n, "choices": ["a"], "who": "Léa"}), "malformed"
    if pick == 2:
        return json.dumps({"t": "answer", "q": "k1", "n": n, "choices": ["a"] * 2}), "invalid"
    if pick == 3:
        return json.dumps({"t": "answer", "q": "k1", "n": n, "choices": [f"z{n}"]}), "unknown"
    if pick == 4:
        return json.dumps({"t": "answer", "q": f"old{n}", "n": n, "choices": ["a"]}), "unknown"
    if pick == 5:
        return json.dumps({"t": "answer", "q": "k1", "n": 1, "choices": ["c"]}), "replayed"  # n=1 was "a"
    if pick == 6:
        return json.dumps({"t": "join", "room": "K7M2QX"}), "malformed"  # joined already
    if pick == 7:
        return json.dumps({"t": "team", "team": rng.randrange(64)}), "team"  # the set-up chose the teams
    if pick == 8:
        return json.dumps({"t": "control", "do": "reveal", "q": "k1", "n": n, "token": token}), "admin"
    if pick == 9:
        return '{"t":"answer","q":"k1","n":' + str(n) + ',"value":' + "9" * 400 + "}", "invalid"
    if pick == 10:
        return '{"t":"join","room":"' + "A" * (MAX_MESSAGE_BYTES + rng.randrange(1, 900)) + '"}', "oversized"
    return json.dumps({"t": "answer", "q": "k1", "n": n, "value": 3}), "invalid"  # a value for a choice question


def test_a_flood_of_bad_messages_is_refused_one_by_one_and_counted_and_the_room_plays_on(caplog):
    srv = PadServer("K7M2QX", admin_code="ABCD2345", rate=10_000.0, burst=10_000)
    srv.start("127.0.0.1", 0)
    srv.publish(fac_state())
    url = f"http://127.0.0.1:{srv.address[1]}/ws"
    rng = random.Random(17)
    expected: dict[str, int] = dict.fromkeys(REASONS, 0)
    names: list[str] = []
    caplog.set_level(logging.DEBUG)

    async def attack() -> None:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(url) as ws:
                await ws.send_json({"t": "join", "room": "K7M2QX"})
                welcome = await recv(ws, "welcome")
                names.append(welcome["token"])
                await ws.send_json({"t": "answer", "q": "k1", "n": 1, "choices": ["a"]})
                await recv(ws, "ack")
                for _ in range(300):
                    raw, why = junk(rng, welcome["token"])
                    await ws.send_str(raw)
                    got = await recv(ws, "refused")
                    assert got["why"] == why, raw[:80]
                    expected[why] += 1
                    if why == "admin":  # a player's seat sending controls: refused, then closed
                        await ws.close()
                        ws = await http.ws_connect(url)
                        await ws.send_json({"t": "join", "room": "K7M2QX", "token": welcome["token"]})
                        await recv(ws, "welcome")
                await ws.close()
            for code in ("K7M2QY", "k7m2q", "ABCD2345", "ZZZZZZ"):  # other rooms' codes
                async with http.ws_connect(url) as ws:
                    await ws.send_json({"t": "join", "room": code})
                    assert (await recv(ws, "refused"))["why"] == "room"
                    expected["room"] += 1
            async with http.ws_connect(url) as ws:  # a stolen-looking token
                await ws.send_json({"t": "join", "room": "K7M2QX", "token": "x" * 24})
                assert (await recv(ws, "refused"))["why"] == "token"
                expected["token"] += 1
            for frame in ("x" * (MAX_MESSAGE_BYTES * 5), "[" * 50_000):  # frames over aiohttp's limit: closed
                async with http.ws_connect(url) as ws:
                    await ws.send_str(frame)
                    msg = await asyncio.wait_for(ws.receive(), 2.0)
                    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
                    expected["oversized"] += 1
            # the reveal closes the question: an answer after it is late
            srv.publish(fac_state(kind_open=False, can=("next", "pause")))
            async with http.ws_connect(url) as ws:
                await ws.send_json({"t": "join", "room": "K7M2QX", "token": welcome["token"]})
                await recv(ws, "welcome")
                await recv(ws, "state")
                await ws.send_json({"t": "answer", "q": "k1", "n": 20_000, "choices": ["b"]})
                assert (await recv(ws, "refused"))["why"] == "late"
                expected["late"] += 1
            async with http.ws_connect(url) as ws:  # and a new pad still joins and sees the game
                await ws.send_json({"t": "join", "room": "K7M2QX"})
                await recv(ws, "welcome")
                assert (await recv(ws, "state"))["q"]["key"] == "k1"

    try:
        run(attack(), timeout=20.0)
        s = srv.stats()
        for reason, n in expected.items():
            assert s[f"refused_{reason}"] >= n if reason == "oversized" else s[f"refused_{reason}"] == n, reason
        assert s["accepted"] == 1 and s["joined"] == 2  # the one good answer, the two real pads
        tallies = [i for i in srv.poll_intents() if isinstance(i, Tally)]
        assert sum(t.answered for t in tallies[-1].teams) == 1 and tallies[-1].teams[0].majority.choice_ids == ("a",)
        assert srv.running
    finally:
        srv.stop()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "K7M2QX" not in logged and "ABCD2345" not in logged and not any(t in logged for t in names)


def test_the_server_listens_only_on_the_address_chosen():
    srv = PadServer()
    host, port = srv.start("127.0.0.1", 0)
    try:
        assert host == "127.0.0.1"
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        with pytest.raises(OSError):  # another loopback address of the same machine: nobody listens there
            socket.create_connection(("127.0.0.2", port), timeout=1).close()
    finally:
        srv.stop()


def test_a_player_cannot_become_facilitator_by_guessing_within_the_rate_limit():
    room = Room("K7M2QX")
    for guess in ("AAAAAAAA", room.code, room.code + "AA", ""):
        with pytest.raises(Refused) as e:
            room.join(Join("K7M2QX", admin=guess or "A"))
        assert e.value.reason == "admin"
    assert room.refused["admin"] == 4 and room.admins == {}

