"""Answer pads (issue 17): the protocol's schema checks, majorities, idempotent answers, refusals
of late, replayed and oversized messages, the rate limit, the bridge to a class game, and the
server over a real WebSocket on 127.0.0.1 (bounded in time and in messages)."""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from game.classroom import ClassConfig, Classroom, default_teams
from game.pads import PadServer, Presence, Tally, apply_tally, pad_state, question_key
from game.pads.protocol import (
    CHOICE_MARKS, MAX_MESSAGE_BYTES, NAME_ANIMALS, ROOM_ALPHABET, Answer, ChoiceInfo, ChooseTeam, EstimateInfo,
    Join, PadAnswer, PadState, QuestionInfo, Refused, RevealInfo, TeamInfo, TeamResult, majority, parse,
    state_json,
)
from game.pads.room import Room, TokenBucket, new_room_code, normal_code

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "pad"
TEAMS = (TeamInfo(0, "Les Colibris", "circle", "#0050b4"), TeamInfo(1, "Les Castors", "square", "#b04e00"))


def question(key: str = "k1", kind: str = "single", open: bool = True, teams=(0, 1)) -> QuestionInfo:  # noqa: A002
    if kind == "estimate":
        return QuestionInfo(key, kind, "Combien ?", (), EstimateInfo(0, 200, 10, 150, "kg"), teams, open, (1, 4))
    ids = ("vrai", "faux") if kind == "truefalse" else ("a", "b", "c")
    return QuestionInfo(key, kind, "Laquelle ?", tuple(ChoiceInfo(i, i.upper()) for i in ids), None, teams, open, (1, 4))


def room_with(q: QuestionInfo | None = None, mode: str = "auto") -> Room:
    room = Room("K7M2QX")
    room.publish(PadState("fr", TEAMS, mode, q or question()))
    return room


def refused(fn, *args) -> str:  # noqa: ANN001
    with pytest.raises(Refused) as e:
        fn(*args)
    return e.value.reason


# -- schema ------------------------------------------------------------------------------------
def test_parse_accepts_the_three_messages():
    assert parse('{"t":"join","room":"k7m2qx"}') == Join("k7m2qx")
    assert parse('{"t":"join","room":"K7M2QX","token":"abc"}') == Join("K7M2QX", "abc")
    assert parse('{"t":"team","team":1}') == ChooseTeam(1)
    assert parse('{"t":"answer","q":"k1","n":3,"choices":["c","a"]}') == Answer("k1", 3, ("c", "a"))  # as sent
    assert parse('{"t":"answer","q":"k1","n":4,"value":40}') == Answer("k1", 4, (), 40.0)


@pytest.mark.parametrize("raw", [
    "", "not json", "[1,2]", '"join"', "{}", '{"t":"hello"}', '{"t":"join"}', '{"t":"join","room":5}',
    '{"t":"join","room":"K7M2QX","name":"Léa"}',  # no free text, no unknown field
    '{"t":[]}', '{"t":{}}', '{"t":"team","team":"1"}', '{"t":"team","team":true}', '{"t":"team","team":-1}', '{"t":"team","team":1.5}',
    '{"t":"answer","q":"k1","n":1}', '{"t":"answer","q":"k1","n":1,"choices":["a"],"value":3}',
    '{"t":"answer","q":"k1","n":0,"choices":["a"]}', '{"t":"answer","q":"k1","n":true,"choices":["a"]}',
    '{"t":"answer","q":"k1","n":1,"choices":[]}', '{"t":"answer","q":"k1","n":1,"choices":[1]}',
    '{"t":"answer","q":"k1","n":1,"choices":"a"}', '{"t":"answer","q":"","n":1,"choices":["a"]}',
    '{"t":"answer","q":"k1","n":1,"value":NaN}', '{"t":"answer","q":"k1","n":1,"value":Infinity}',
    '{"t":"answer","q":"k1","n":1,"value":"40"}', '{"t":"answer","q":"k1","n":1,"choices":["a\\u0000"]}',
    '{"t":"answer","q":"k1","n":1,"choices":["a","b","c","d","e","f","g","h","i"]}',
    "[" * 400 + "]" * 400,
])
def test_parse_refuses_malformed_messages(raw):
    assert refused(parse, raw) == "malformed"


def test_parse_refuses_a_number_too_big_for_a_float_as_invalid():
    # 10**400 is valid JSON and a valid Python int, but float() of it raised OverflowError
    assert refused(parse, '{"t":"answer","q":"k1","n":1,"value":1' + "0" * 400 + "}") == "invalid"
    assert refused(parse, '{"t":"answer","q":"k1","n":1,"value":-2e15}') == "invalid"


def test_parse_refuses_oversized_messages_before_reading_them():
    big = '{"t":"join","room":"K7M2QX","token":"' + "x" * MAX_MESSAGE_BYTES + '"}'
    assert refused(parse, big) == "oversized"
    assert refused(parse, "é" * (MAX_MESSAGE_BYTES // 2 + 1)) == "oversized"  # bytes, not characters
    assert refused(parse, '{"t":"answer","q":"k1","n":1,"choices":["a","a"]}') == "invalid"


# -- room codes, seats, teams ------------------------------------------------------------------
def test_room_codes_are_random_and_readable():
    codes = {new_room_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 6 and set(c) <= set(ROOM_ALPHABET) for c in codes)
    assert not set("0O1IL") & set(ROOM_ALPHABET)
    assert normal_code(" k7m-2qx ") == "K7M2QX"


def test_only_the_room_code_joins_and_a_token_keeps_the_seat():
    room = room_with()
    assert refused(room.join, Join("K7M2QY")) == "room"
    seat, resumed = room.join(Join("k7m 2qx"))
    assert not resumed and seat.team == 0
    again, resumed = room.join(Join("K7M2QX", seat.token))
    assert resumed and again is seat
    assert refused(room.join, Join("K7M2QX", "forged-token")) == "token"
    assert refused(room.join, Join("OTHER1", seat.token)) == "room"  # another room's code, even with a token
    assert room.stats()["refused_room"] == 2 and room.stats()["refused_token"] == 1


def test_auto_teams_fill_evenly_and_players_choose_once_in_player_mode():
    room = room_with()
    teams = [room.join(Join("K7M2QX"))[0].team for _ in range(5)]
    assert teams == [0, 1, 0, 1, 0]
    names = {s.name for s in room.seats.values()}
    assert len(names) == 5 and all(0 <= a < NAME_ANIMALS for a, _n in names)
    room = room_with(mode="player")
    seat = room.join(Join("K7M2QX"))[0]
    assert seat.team is None
    assert refused(room.answer, seat, Answer("k1", 1, ("a",))) == "no_team"
    assert refused(room.choose_team, seat, ChooseTeam(5)) == "team"
    room.choose_team(seat, ChooseTeam(1))
    assert seat.team == 1
    assert refused(room.choose_team, seat, ChooseTeam(0)) == "team"  # no switching to vote again


def test_catalog_has_one_animal_per_name_index_in_both_languages():
    cat = json.loads((ASSETS / "strings.json").read_text("utf-8"))
    assert set(cat) == {"fr", "en"} and set(cat["fr"]) == set(cat["en"])
    assert len(cat["fr"]["animals"]) == len(cat["en"]["animals"]) == NAME_ANIMALS


def test_catalog_keeps_french_typography_and_has_plural_forms():
    """The page's French follows the house rules (a no-break space before « ; : ! ? » and inside
    « »), lists are joined by each language's separator, and counts have a singular and a plural
    (the page picks one per language: French n < 2, English n == 1)."""
    cat = json.loads((ASSETS / "strings.json").read_text("utf-8"))
    texts = [(k, s) for k, v in cat["fr"].items() for s in (v if isinstance(v, list) else [v])]
    for key, text in texts:
        for bad in (" ;", " :", " !", " ?", "« ", " »"):
            assert bad not in text, f"{key}: plain space in {bad!r}: {text!r}"
    assert cat["fr"]["list_sep"] in ("\u00a0; ", "\u202f; ") and cat["en"]["list_sep"] == "; "
    for key, arg in (("answered_of", "{a}"), ("fac_votes", "{n}")):
        for lang in ("fr", "en"):
            forms = cat[lang][key]
            assert isinstance(forms, list) and len(forms) == 2 and all(arg in f for f in forms), (lang, key)
    assert cat["fr"]["answered_of"] == ["{a} / {m} a répondu", "{a} / {m} ont répondu"]


# -- answers: idempotent, late, replayed -----------------------------------------------------------
def test_an_answer_is_kept_once_per_seat_and_question_and_can_change_while_open():
    room = room_with()
    a, b = room.join(Join("K7M2QX"))[0], room.join(Join("K7M2QX"))[0]
    assert room.answer(a, Answer("k1", 1, ("b",)))
    assert not room.answer(a, Answer("k1", 1, ("b",)))  # sent again after a lost connection
    assert room.stats()["duplicates"] == 1
    tally = room.tally()
    assert [(t.team, t.seated, t.answered) for t in tally.teams] == [(0, 1, 1), (1, 1, 0)]
    assert room.answer(a, Answer("k1", 2, ("c",)))  # a change of mind replaces, never adds
    assert room.tally().teams[0].answered == 1 and room.tally().teams[0].majority == PadAnswer(("c",))
    assert refused(room.answer, a, Answer("k1", 1, ("a",))) == "replayed"
    assert refused(room.answer, a, Answer("k1", 2, ("b",))) == "replayed"
    room.answer(b, Answer("k1", 1, ("c",)))
    assert room.tally().spread == {"c": 2}


def test_answers_are_refused_when_late_unknown_invalid_or_not_the_teams_turn():
    room = room_with()
    seat = room.join(Join("K7M2QX"))[0]
    assert refused(room.answer, seat, Answer("zz", 1, ("a",))) == "unknown"
    assert refused(room.answer, seat, Answer("k1", 1, ("x",))) == "unknown"
    assert refused(room.answer, seat, Answer("k1", 1, ("a", "b"))) == "invalid"  # one choice only
    assert refused(room.answer, seat, Answer("k1", 1, (), 3.0)) == "invalid"
    room.publish(PadState("fr", TEAMS, "auto", question("k1", open=False)))  # revealed
    assert refused(room.answer, seat, Answer("k1", 1, ("a",))) == "late"
    room.publish(PadState("fr", TEAMS, "auto", question("k2")))
    assert refused(room.answer, seat, Answer("k1", 2, ("a",))) == "late"  # an earlier question
    room.publish(PadState("fr", TEAMS, "auto", question("k3", teams=(1,))))  # teams take turns
    assert refused(room.answer, seat, Answer("k3", 3, ("a",))) == "turn"
    room.publish(PadState("fr", TEAMS, "auto", question("k4", "estimate")))
    assert refused(room.answer, seat, Answer("k4", 4, (), 999.0)) == "invalid"
    assert room.answer(seat, Answer("k4", 5, (), 57.0))
    assert room.mine(seat) == PadAnswer((), 60.0)  # snapped to the slider's step
    s = room.stats()
    assert (s["refused_unknown"], s["refused_invalid"], s["refused_late"], s["refused_turn"]) == (2, 3, 2, 1)
    assert s["accepted"] == 1


def test_several_answers_and_true_false():
    room = room_with(question("m", "multiple"))
    seat = room.join(Join("K7M2QX"))[0]
    assert room.answer(seat, Answer("m", 1, ("c", "a")))
    assert room.mine(seat) == PadAnswer(("a", "c"))
    room.publish(PadState("fr", TEAMS, "auto", question("tf", "truefalse")))
    assert refused(room.answer, seat, Answer("tf", 2, ("a",))) == "unknown"
    assert room.answer(seat, Answer("tf", 3, ("faux",)))


# -- majorities -----------------------------------------------------------------------------------
def test_majority_ties_go_to_the_facilitator_and_estimates_take_the_median():
    a, b, c = PadAnswer(("a",)), PadAnswer(("b",)), PadAnswer(("c",))
    assert majority([], "single") == (None, ())
    assert majority([a, b, a], "single") == (a, ())
    assert majority([b, a, c, b, a], "single") == (None, (a, b))
    ab = PadAnswer(("a", "b"))
    assert majority([ab, a, ab], "multiple") == (ab, ())
    est = EstimateInfo(0, 200, 10, 150)
    vals = [PadAnswer((), v) for v in (10, 50, 90, 200)]
    assert majority(vals, "estimate", est) == (PadAnswer((), 70.0), ())
    assert majority(vals[:3], "estimate", est) == (PadAnswer((), 50.0), ())


def test_tally_counts_per_team_never_who_answered_what():
    room = room_with()
    seats = [room.join(Join("K7M2QX"))[0] for _ in range(6)]  # teams 0,1,0,1,0,1
    for n, (seat, choice) in enumerate(zip(seats, "aabbca", strict=True), 1):
        room.answer(seat, Answer("k1", n, (choice,)))
    tally = room.tally()
    t0, t1 = tally.teams
    assert (t0.seated, t0.answered, t0.majority, t0.tie) == (3, 3, None, (PadAnswer(("a",)), PadAnswer(("b",)), PadAnswer(("c",))))
    assert (t1.answered, t1.majority, t1.tie) == (3, PadAnswer(("a",)), ())
    assert tally.spread == {"a": 3, "b": 2, "c": 1}
    text = repr(tally)
    assert "token" not in text and all(s.token not in text for s in seats)


def test_rate_limit_bucket_refills_with_time():
    now = [0.0]
    bucket = TokenBucket(4.0, 3, clock=lambda: now[0])
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]
    now[0] += 0.5  # two more
    assert [bucket.take() for _ in range(3)] == [True, True, False]


def test_state_sent_to_a_pad_never_says_the_right_answer_before_the_reveal():
    q = question("k1")
    state = PadState("fr", TEAMS, "auto", q)
    out = state_json(state, 0, None)
    assert out["reveal"] is None and out["q"]["open"] and out["q"]["mine_to_answer"]
    assert [c["mark"] for c in out["q"]["choices"]] == [list(m) for m in CHOICE_MARKS[:3]]
    # an ordering's items have no letter, shape or colour: the projector numbers them by place
    ordering = state_json(PadState("fr", TEAMS, "auto", question("k2", kind="ordering")), 0, None)
    assert [c["mark"] for c in ordering["q"]["choices"]] == [None, None, None]
    shown = PadState("fr", TEAMS, "auto", question("k1", open=False),
                     RevealInfo("k1", ("b",), None, {0: TeamResult(True, ("b",))}))
    out = state_json(shown, 0, PadAnswer(("b",)))
    assert out["reveal"]["right"] == ["b"] and out["reveal"]["team"]["correct"] is True
    assert state_json(shown, 1, None)["reveal"]["team"] is None  # team 1 gave no answer


# -- the bridge to a class game ------------------------------------------------------------------
def class_game(content, seed: int = 4) -> Classroom:  # noqa: ANN001
    return Classroom.start(content, ClassConfig(default_teams(3)), seed=seed)


def test_pad_state_follows_the_class_game_in_the_projectors_order(mini_content):
    cr = class_game(mini_content)
    seen = set()
    while not cr.finished:
        state = pad_state(cr, "fr")
        q, step = state.question, cr.session.current
        assert q.key == question_key(cr) and q.open and q.teams == (0, 1, 2)
        if step.kind == "question":
            item = mini_content.questions[step.id]
            assert q.kind == item.type and q.prompt == item.prompt
            if item.type == "estimate":
                assert q.estimate.start == step.start and not q.choices
            else:
                assert tuple(c.id for c in q.choices) == step.order
        else:
            assert q.kind == "scenario"
        seen.add(q.kind)
        cr.advance()
    assert seen == {"single", "multiple", "truefalse", "estimate", "scenario"}
    assert pad_state(cr).finished
    assert [t.color for t in pad_state(cr).teams] == ["#005ab4", "#b04e00", "#7634a0"]


def test_apply_tally_enters_majorities_but_never_over_the_facilitator(mini_content):
    cr = class_game(mini_content)
    while cr.session.current.kind != "question" or mini_content.questions[cr.session.current.id].type != "single":
        cr.advance()
    room = Room("K7M2QX")
    room.publish(pad_state(cr))
    q = room.state.question
    right = sorted(mini_content.questions[cr.session.current.id].correct_ids)[0]
    wrong = next(c.id for c in q.choices if c.id != right)
    seats = [room.join(Join("K7M2QX"))[0] for _ in range(6)]  # teams 0, 1, 2, 0, 1, 2
    votes = [right, wrong, right, right, wrong, wrong]  # team 0: right, right; 1: wrong, wrong; 2: a tie
    for n, (seat, v) in enumerate(zip(seats, votes, strict=True), 1):
        room.answer(seat, Answer(q.key, n, (v,)))
    cr.enter(1, [right])  # the facilitator keyed team 1
    entered, tied = apply_tally(cr, room.tally(), keyed={1})
    assert (entered, tied) == ([0], [2])
    assert cr.entry(0).answer.choice_ids == (right,) and cr.entry(0).answer.correct
    assert cr.entry(1).answer.choice_ids == (right,)  # unchanged
    assert cr.entry(2) is None
    assert apply_tally(cr, room.tally(), keyed={1}) == ([], [2])  # nothing new
    cr.reveal()
    revealed = pad_state(cr)
    assert not revealed.question.open and revealed.reveal.teams[0].correct
    assert revealed.reveal.right_ids == (right,)
    assert apply_tally(cr, room.tally()) == ([], [])  # answers are closed
    stale = Tally("old-key", room.tally().teams)
    cr.unreveal()
    assert apply_tally(cr, stale) == ([], [])


# -- the server, over 127.0.0.1 ------------------------------------------------------------------
@pytest.fixture()
def server():
    srv = PadServer("K7M2QX", rate=50.0, burst=50)
    srv.start("127.0.0.1", 0)
    srv.publish(PadState("fr", TEAMS, "auto", question("k1")))
    yield srv
    srv.stop()
    assert not srv.running


def wait_for(pred, timeout: float = 3.0):  # noqa: ANN001
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = pred()
        if got:
            return got
        time.sleep(0.01)
    raise AssertionError("timed out")


def run(coro, timeout: float = 8.0):  # noqa: ANN001
    return asyncio.run(asyncio.wait_for(coro, timeout))


async def recv(ws, kind: str) -> dict:  # noqa: ANN001
    while True:
        msg = await asyncio.wait_for(ws.receive_json(), 2.0)
        if msg["t"] == kind:
            return msg


def test_server_serves_the_page_and_nothing_else(server):
    host, port = server.address
    assert host == "127.0.0.1" and port > 0
    assert server.url == f"http://127.0.0.1:{port}/#K7M2QX"
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
        body = r.read().decode()
        assert '<html lang="fr"' in body and "script-src 'self'" in r.headers["Content-Security-Policy"]
    for path in ("/pad.js", "/pad.css", "/strings.json"):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as r:
            assert r.status == 200
    for path in ("/../game/pads/server.py", "/LICENSE", "/pad.html", "/etc/passwd"):
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2)
        assert e.value.code == 404
    assert sum(p.stat().st_size for p in ASSETS.iterdir()) < 100_000
    # a page elsewhere reaching the room through a domain name (DNS rebinding): refused
    req = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": f"evil.example:{port}"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req, timeout=2)
    assert e.value.code == 403 and server.stats()["refused_origin"] == 1


def test_pads_join_answer_reconnect_and_the_game_gets_counts(server):
    import aiohttp

    url = f"http://127.0.0.1:{server.address[1]}/ws"

    async def play() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(url) as ws:
                await ws.send_json({"t": "join", "room": "K7M2QY"})
                assert (await recv(ws, "refused"))["why"] == "room"
                assert (await ws.receive()).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            async with http.ws_connect(url) as ws:
                await ws.send_json({"t": "answer", "q": "k1", "n": 1, "choices": ["a"]})
                assert (await recv(ws, "refused"))["why"] == "unjoined"
                await ws.send_json({"t": "join", "room": "K7M2QX"})
                welcome = await recv(ws, "welcome")
                state = await recv(ws, "state")
                assert state["q"]["key"] == "k1" and state["team"] == 0 and state["mine"] is None
                await ws.send_json({"t": "answer", "q": "k1", "n": 1, "choices": ["b"]})
                assert (await recv(ws, "ack"))["n"] == 1
            # a reload: the same seat, its answer kept; the answer sent again is not counted twice
            async with http.ws_connect(url) as ws:
                await ws.send_json({"t": "join", "room": "K7M2QX", "token": welcome["token"]})
                again = await recv(ws, "welcome")
                assert again["name"] == welcome["name"] and again["last_n"] == 1 and again["resumed"]
                assert (await recv(ws, "state"))["mine"] == {"choices": ["b"], "value": None}
                await ws.send_json({"t": "answer", "q": "k1", "n": 1, "choices": ["b"]})
                assert (await recv(ws, "ack"))["n"] == 1
                await ws.send_json({"t": "answer", "q": "k1", "n": 1, "choices": ["c"]})
                assert (await recv(ws, "refused"))["why"] == "replayed"
                await ws.send_json({"t": "answer", "q": "k1", "n": 2, "choices": ["x"]})
                assert (await recv(ws, "refused"))["why"] == "unknown"
                await ws.send_str("{not json")
                assert (await recv(ws, "refused"))["why"] == "malformed"
                await ws.send_bytes(b"\x00\x01")
                assert (await recv(ws, "refused"))["why"] == "malformed"
                server.publish(PadState("fr", TEAMS, "auto", question("k1", open=False),
                                        RevealInfo("k1", ("b",), None, {0: TeamResult(True, ("b",))})))
                shown = await recv(ws, "state")
                assert shown["reveal"]["team"]["correct"] is True
                await ws.send_json({"t": "answer", "q": "k1", "n": 3, "choices": ["a"]})
                assert (await recv(ws, "refused"))["why"] == "late"

    run(play())
    intents = server.poll_intents()
    tallies = [i for i in intents if isinstance(i, Tally)]
    assert any(isinstance(i, Presence) for i in intents)
    last = tallies[-1]
    assert last.key == "k1" and last.teams[0].answered == 1 and last.teams[0].majority.choice_ids == ("b",)
    assert sum(t.answered for t in last.teams) == 1  # the resent answer counted once
    s = server.stats()
    assert s["joined"] == 1 and s["resumed"] == 1 and s["accepted"] == 1 and s["duplicates"] == 1
    assert (s["refused_room"], s["refused_unjoined"], s["refused_replayed"], s["refused_late"]) == (1, 1, 1, 1)
    assert s["refused_malformed"] == 2 and s["refused_unknown"] == 1
    assert server.poll_intents() == []


def test_oversized_frames_floods_and_other_sites_are_refused_and_the_server_plays_on(server):
    import aiohttp

    url = f"http://127.0.0.1:{server.address[1]}/ws"
    server.rate, server.burst = 5.0, 5

    async def attack() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(url) as ws:  # a frame over the protocol's limit: refused
                await ws.send_str('{"t":"join","room":"' + "A" * (MAX_MESSAGE_BYTES + 10) + '"}')
                assert (await recv(ws, "refused"))["why"] == "oversized"
            async with http.ws_connect(url) as ws:  # a huge frame: aiohttp closes the socket
                await ws.send_str("x" * (MAX_MESSAGE_BYTES * 8))
                msg = await asyncio.wait_for(ws.receive(), 2.0)
                assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
            async with http.ws_connect(url) as ws:  # a flood: over the rate limit
                await ws.send_json({"t": "join", "room": "K7M2QX"})
                await recv(ws, "welcome")
                for n in range(1, 31):
                    await ws.send_json({"t": "answer", "q": "k1", "n": n, "choices": ["a"]})
                assert (await recv(ws, "refused"))["why"] == "rate"
            with pytest.raises(aiohttp.WSServerHandshakeError) as e:
                await http.ws_connect(url, headers={"Origin": "http://evil.example"})
            assert e.value.status == 403
            async with http.ws_connect(url) as ws:  # and a good pad still plays
                await ws.send_json({"t": "join", "room": "K7M2QX"})
                await recv(ws, "welcome")
                await ws.send_json({"t": "answer", "q": "k1", "n": 1, "choices": ["c"]})
                assert (await recv(ws, "ack"))["n"] == 1

    run(attack())
    s = wait_for(lambda: (st := server.stats()) and st["refused_oversized"] >= 2 and st)
    assert s["refused_rate"] >= 20 and s["refused_origin"] == 1
    assert s["accepted"] >= 2 and server.running


def test_join_timeout_closes_silent_connections(server):
    import aiohttp

    server.join_timeout = 0.2

    async def silent() -> None:
        async with aiohttp.ClientSession() as http, http.ws_connect(f"http://127.0.0.1:{server.address[1]}/ws") as ws:
            msg = await asyncio.wait_for(ws.receive(), 2.0)
            assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)

    run(silent())


def _thread_cpu_ticks(native_id: int) -> int:
    fields = Path(f"/proc/self/task/{native_id}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc to read a thread's CPU time")
def test_idle_server_thread_sleeps_and_stops_cleanly():
    srv = PadServer()
    assert len(srv.room_code) == 6
    host, port = srv.start("127.0.0.1", 0)
    thread = next(t for t in threading.enumerate() if t.name == "pad-server")
    before = _thread_cpu_ticks(thread.native_id)
    time.sleep(0.6)
    used = _thread_cpu_ticks(thread.native_id) - before
    assert used <= 2, f"the idle server thread used {used} ticks in 0.6 s"  # 1 tick = 10 ms: < 4 % of a core
    srv.stop()
    assert not thread.is_alive()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://{host}:{port}/", timeout=1)
    srv.stop()  # twice is harmless


def test_start_reports_an_address_already_taken():
    first = PadServer()
    _host, port = first.start("127.0.0.1", 0)
    try:
        with pytest.raises(OSError):
            PadServer().start("127.0.0.1", port)
    finally:
        first.stop()


@pytest.mark.skipif(os.name != "posix", reason="wake callback timing checked on POSIX")
def test_wake_is_called_from_the_server_thread_on_new_intents():
    import aiohttp

    woken = threading.Event()
    srv = PadServer("K7M2QX", wake=woken.set)
    srv.start("127.0.0.1", 0)
    try:
        srv.publish(PadState("fr", TEAMS, "auto", question("k1")))

        async def join() -> None:
            async with aiohttp.ClientSession() as http, http.ws_connect(f"http://127.0.0.1:{srv.address[1]}/ws") as ws:
                await ws.send_json({"t": "join", "room": "K7M2QX"})
                await recv(ws, "welcome")

        run(join())
        assert woken.wait(2.0)
    finally:
        srv.stop()


def test_stop_does_not_wait_long_for_pads_that_never_answer(server):
    import aiohttp

    url = f"http://127.0.0.1:{server.address[1]}/ws"
    took: list[float] = []

    async def deaf_pads() -> None:
        async with aiohttp.ClientSession() as http:
            pads = [await http.ws_connect(url, autoclose=False, autoping=False) for _ in range(5)]
            for ws in pads:
                await ws.send_json({"t": "join", "room": "K7M2QX"})
            await asyncio.sleep(0.2)
            start = time.monotonic()
            await asyncio.to_thread(server.stop)  # the pads read nothing meanwhile
            took.append(time.monotonic() - start)
            for ws in pads:
                await ws.close()

    run(deaf_pads())
    assert took[0] < 3.0 and not server.running


def test_publishing_the_same_state_every_frame_sends_pads_nothing_new(server):
    import aiohttp

    async def pad() -> list[str]:
        async with aiohttp.ClientSession() as http, http.ws_connect(f"http://127.0.0.1:{server.address[1]}/ws") as ws:
            await ws.send_json({"t": "join", "room": "K7M2QX"})
            assert (await recv(ws, "state"))["q"]["key"] == "k1"
            for _ in range(10):  # the game's frames: the same state
                server.publish(PadState("fr", TEAMS, "auto", question("k1")))
                await asyncio.sleep(0.02)
            server.publish(PadState("fr", TEAMS, "auto", question("k2")))
            got = []
            while not got or got[-1] != "k2":
                got.append((await recv(ws, "state"))["q"]["key"])
            return got

    assert run(pad()) == ["k2"]


# -- the join QR code --------------------------------------------------------------------------
MASKS = (lambda i, j: (i + j) % 2 == 0, lambda i, j: i % 2 == 0, lambda i, j: j % 3 == 0,
         lambda i, j: (i + j) % 3 == 0, lambda i, j: (i // 2 + j // 3) % 2 == 0,
         lambda i, j: (i * j) % 2 + (i * j) % 3 == 0, lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
         lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0)


def decode_small_qr(m) -> tuple[str, str]:  # noqa: ANN001
    """A test's own reader for a version 2-3 symbol with a single block of byte-mode data (what a
    LAN join address makes): its error level and its text, read module by module."""
    size = m.size
    assert m.version in (2, 3)
    bits = [m.dark(i, 8) for i in range(6)] + [m.dark(7, 8), m.dark(8, 8), m.dark(8, 7)]
    bits += [m.dark(8, 14 - i) for i in range(9, 15)]
    fmt = sum(b << i for i, b in enumerate(bits)) ^ 0x5412
    level, mask = "MLHQ"[fmt >> 13], MASKS[(fmt >> 10) & 7]

    def function(r: int, c: int) -> bool:
        return ((r <= 8 and (c <= 8 or c >= size - 8)) or (r >= size - 8 and c <= 8) or r == 6 or c == 6
                or (abs(r - (size - 7)) <= 2 and abs(c - (size - 7)) <= 2))  # the one alignment pattern

    stream = []
    for right in range(size - 1, 0, -2):
        right -= right <= 6
        for vert in range(size):
            for j in range(2):
                c = right - j
                r = size - 1 - vert if ((right + 1) & 2) == 0 else vert
                if not function(r, c):
                    stream.append(m.dark(r, c) ^ mask(r, c))
    value = lambda at, n: sum(b << (n - 1 - k) for k, b in enumerate(stream[at:at + n]))  # noqa: E731
    assert value(0, 4) == 0b0100  # byte mode
    count = value(4, 8)
    return level, bytes(value(12 + 8 * k, 8) for k in range(count)).decode("utf-8")


def test_join_qr_encodes_the_address_with_the_room_code():
    from game.pads.qr import join_url, qr_matrix

    url = join_url("192.168.1.20", 8765, "K7M2QX")
    assert url == "http://192.168.1.20:8765/#K7M2QX"
    assert join_url("fe80::1", 80, "K7M2QX") == "http://[fe80::1]:80/#K7M2QX"
    m = qr_matrix(url)
    assert (m.data, m.version, m.error, m.mode) == (url, 3, "M", "byte")
    assert m.size == 17 + 4 * m.version == 29
    finder = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"]
    for top, left in ((0, 0), (0, m.size - 7), (m.size - 7, 0)):
        assert ["".join("1" if m.dark(top + r, left + c) else "0" for c in range(7)) for r in range(7)] == finder
    assert [m.dark(6, c) for c in range(8, m.size - 8)] == [c % 2 == 0 for c in range(8, m.size - 8)]  # timing
    assert m.dark(4 * m.version + 9, 8)  # the dark module
    assert decode_small_qr(m) == ("M", url)
    longest = qr_matrix(join_url("192.168.100.200", 65535, "ABCDEF"))
    assert longest.version <= 3 and decode_small_qr(longest)[1].endswith(":65535/#ABCDEF")


def test_qr_surface_draws_modules_dark_on_light_with_a_quiet_zone():
    import pygame

    from game.pads.qr import QUIET_ZONE, qr_matrix
    from game.ui.qr import DARK, LIGHT, module_for, qr_side, qr_surface
    from game.ui.theme import contrast

    m = qr_matrix("http://10.0.0.7:8765/#K7M2QX")
    surf = qr_surface(m, 6)
    assert surf.get_size() == (qr_side(m, 6),) * 2 == ((m.size + 2 * QUIET_ZONE) * 6,) * 2
    assert contrast(DARK, LIGHT) >= 4.5
    px = lambda r, c: tuple(surf.get_at((c * 6 + 3, r * 6 + 3)))[:3]  # noqa: E731 - a module's centre, quiet zone included
    side = m.size + 2 * QUIET_ZONE
    for k in range(side):  # the quiet zone is light all round
        for r, c in ((0, k), (QUIET_ZONE - 1, k), (k, 0), (k, side - 1), (side - 1, k)):
            assert px(r, c) == LIGHT
    for r in range(m.size):
        for c in range(m.size):
            assert px(r + QUIET_ZONE, c + QUIET_ZONE) == (DARK if m.dark(r, c) else LIGHT)
    # a module is a whole square: its four corners have its colour
    r, c = next((r, c) for r in range(m.size) for c in range(m.size) if m.dark(r, c) and not m.dark(r, c + 1))
    x, y = (c + QUIET_ZONE) * 6, (r + QUIET_ZONE) * 6
    assert {tuple(surf.get_at(p))[:3] for p in ((x, y), (x + 5, y), (x, y + 5), (x + 5, y + 5))} == {DARK}
    assert tuple(surf.get_at((x + 6, y)))[:3] == LIGHT
    assert module_for(m, 300) == 300 // side and qr_side(m, module_for(m, 300)) <= 300
    assert module_for(m, 10) == 2
    with pytest.raises(ValueError):
        qr_surface(m, 0)
    assert isinstance(surf, pygame.Surface)


# -- counts and spread for the views; keyed teams mixed with pad teams ---------------------------
def first_of(cr, kind: str) -> None:  # noqa: ANN001
    content = cr.content
    while cr.session.current.kind != "question" or content.questions[cr.session.current.id].type != kind:
        cr.advance()


def test_counts_and_spread_mix_pad_teams_and_keyed_teams_never_saying_who(mini_content):
    from game.pads.bridge import PadBoard, TeamCount, answered_counts, spread, team_spread

    cr = class_game(mini_content)
    first_of(cr, "single")
    room = Room("K7M2QX")
    room.publish(pad_state(cr))
    q = room.state.question
    ids = [c.id for c in q.choices]
    right = sorted(mini_content.questions[cr.session.current.id].correct_ids)[0]
    wrong = next(i for i in ids if i != right)
    # teams 0 and 1 play from pads; team 2 has no pads and the facilitator keys its answer
    room.publish(PadState("fr", room.state.teams[:2], "auto", q))
    seats = [room.join(Join("K7M2QX"))[0] for _ in range(5)]  # teams 0, 1, 0, 1, 0
    for n, (seat, v) in enumerate(zip(seats[:4], [right, right, wrong, wrong], strict=True), 1):
        room.answer(seat, Answer(q.key, n, (v,)))  # team 0: right + wrong (one pad silent): a tie
    board = PadBoard()
    cr.enter(2, [wrong])
    entered, tied = board.take(cr, [room.presence(), room.tally()], keyed={2})
    assert (entered, tied) == ([], [0, 1])
    counts = board.counts(cr, keyed={2})
    assert list(counts) == [0, 1, 2]
    assert counts[0] == TeamCount(2, 3, False, False, (PadAnswer((right,)), PadAnswer((wrong,)))[:: 1 if right < wrong else -1])
    assert counts[1][:4] == (2, 2, False, False) and counts[1].tie
    assert counts[2] == TeamCount(0, 0, True, True, ())
    assert board.presence.seated == {0: 3, 1: 2}
    # the last pad of team 0 breaks its tie: the majority enters the game
    room.answer(seats[4], Answer(q.key, 5, (right,)))
    assert board.take(cr, [room.tally()], keyed={2}) == ([0], [1])
    assert board.counts(cr, {2})[0] == TeamCount(3, 3, True, False, ())
    assert board.spread(cr) == {i: {right: 3, wrong: 2}.get(i, 0) for i in ids}  # every choice, projector's order
    assert list(board.spread(cr)) == ids
    assert team_spread(cr) == {i: {right: 1, wrong: 1}.get(i, 0) for i in ids}  # team 0's majority, team 2 keyed
    # a tie on a keyed team is the facilitator's already: not flagged
    assert answered_counts(cr, room.tally(), keyed={1})[1].tie == ()
    # a tally of another item counts as no pads; after the end, nothing
    stale = Tally("old", room.tally().teams, {right: 9})
    assert all(c.answered == 0 for c in answered_counts(cr, stale).values()) and set(spread(cr, stale).values()) == {0}
    cr.end_now()
    assert answered_counts(cr, room.tally()) == {} and spread(cr, None) == {} and team_spread(cr) == {}


def test_spread_of_an_estimate_is_per_value_smallest_first(mini_content):
    from game.pads.bridge import spread, team_spread

    cr = class_game(mini_content)
    first_of(cr, "estimate")
    room = Room("K7M2QX")
    room.publish(pad_state(cr))
    q = room.state.question
    est = q.estimate
    values = [est.max, est.min, est.max]
    for n, (seat, v) in enumerate(zip([room.join(Join("K7M2QX"))[0] for _ in range(3)], values, strict=True), 1):
        room.answer(seat, Answer(q.key, n, value=v))
    got = spread(cr, room.tally())
    assert got == {f"{est.min:g}": 1, f"{est.max:g}": 2} and list(got) == [f"{est.min:g}", f"{est.max:g}"]
    apply_tally(cr, room.tally())
    assert sum(team_spread(cr).values()) == 3  # one entry per team (one pad each)


# -- the facilitator pad ---------------------------------------------------------------------------
def fac_state(kind_open: bool = True, can=("reveal", "pause")) -> PadState:
    from game.pads.protocol import FacilitatorInfo

    return PadState("fr", TEAMS, "auto", question("k1", open=kind_open), None,
                    facilitator=FacilitatorInfo("Parlez réparation.", "Et vous ?", ("a",), None, (0,), (), False, can))


def test_the_facilitator_code_gives_a_seat_without_team_that_only_controls():
    from game.pads.protocol import Control, ControlMsg, facilitator_json

    room = Room("K7M2QX", admin_code="ABCD2345")
    room.publish(fac_state())
    assert len(Room().admin_code) == 8 and Room().admin_code != Room().admin_code
    assert refused(room.join, Join("K7M2QX", admin="ABCD2346")) == "admin"
    assert refused(room.join, Join("K7M2QY", admin="ABCD2345")) == "room"  # another room's code first
    admin, resumed = room.join(Join("k7m2qx", admin="abcd-2345"))
    assert admin.admin and admin.team is None and not resumed and room.seats == {}  # not a player's seat
    assert room.join(Join("K7M2QX", admin.token, "ABCD2345")) == (admin, True)
    assert refused(room.join, Join("K7M2QX", admin.token)) == "token"  # an admin token is no player's token
    player = room.join(Join("K7M2QX"))[0]
    assert refused(room.join, Join("K7M2QX", player.token, "ABCD2345")) == "token"
    assert refused(room.answer, admin, Answer("k1", 1, ("a",))) == "admin"
    assert refused(room.control, player, ControlMsg("reveal", "k1", 1, player.token)) == "admin"
    assert refused(room.control, admin, ControlMsg("reveal", "k1", 1, player.token)) == "admin"  # its own token only
    assert refused(room.control, admin, ControlMsg("next", "k1", 1, admin.token)) == "late"  # not yet revealed
    assert refused(room.control, admin, ControlMsg("reveal", "k0", 1, admin.token)) == "late"  # another item
    assert room.control(admin, ControlMsg("reveal", "k1", 2, admin.token)) == Control("reveal", "k1")
    assert room.control(admin, ControlMsg("reveal", "k1", 2, admin.token)) is None  # sent again: once
    assert refused(room.control, admin, ControlMsg("pause", "k1", 2, admin.token)) == "replayed"
    assert room.control(admin, ControlMsg("pause", "k1", 3, admin.token)) == Control("pause", "k1")
    assert room.presence().seated == {0: 1, 1: 0}  # the facilitator is in no team
    s = room.stats()
    assert (s["admins"], s["controls"], s["duplicates"], s["refused_admin"]) == (1, 2, 1, 4)
    # what the facilitator pad is shown; a player's state never has it
    room.answer(player, Answer("k1", 1, ("b",)))
    fac = facilitator_json(room.state, room.tally())
    assert fac["role"] == "admin" and fac["fac"]["notes"] == "Parlez réparation." and fac["fac"]["right"] == ["a"]
    assert fac["fac"]["teams"][0] == {"index": 0, "answered": 1, "members": 1, "entered": True, "keyed": False,
                                      "tie": False}
    assert fac["fac"]["spread"] == {"b": 1} and fac["fac"]["can"] == ["reveal", "pause"]
    mine = state_json(room.state, 0, None)
    assert mine["role"] == "player" and "fac" not in mine and "Parlez" not in json.dumps(mine)


def test_pad_state_gives_the_facilitator_notes_controls_and_entries(mini_content):
    cr = class_game(mini_content)
    first_of(cr, "single")
    qid = cr.session.current.id
    mini_content.questions[qid] = mini_content.questions[qid].model_copy(
        update={"facilitator_notes": "Demandez qui a déjà réparé.", "debate": "Faut-il réparer ?"})
    cr.enter(1, [sorted(mini_content.questions[qid].correct_ids)[0]])
    f = pad_state(cr, keyed={1}).facilitator
    assert (f.notes, f.debate, f.entered, f.keyed, f.can) == ("Demandez qui a déjà réparé.", "Faut-il réparer ?",
                                                                (1,), (1,), ("reveal", "pause"))
    assert f.right_ids == tuple(sorted(mini_content.questions[qid].correct_ids))
    nxt = cr.session.steps[cr.step + 1]
    assert f.next_prompt == (mini_content.questions[nxt.id].prompt if nxt.kind == "question"
                             else mini_content.scenarios[nxt.id].situation)
    cr.reveal()
    assert pad_state(cr, paused=True).facilitator.can == ("next", "resume")
    assert "Demandez" not in json.dumps(state_json(pad_state(cr), 0, None))


def test_the_facilitator_pad_over_the_socket_controls_through_the_intents_queue():
    import aiohttp

    from game.pads.protocol import Control

    srv = PadServer("K7M2QX", admin_code="ABCD2345", rate=50.0, burst=50)
    srv.start("127.0.0.1", 0)
    srv.publish(fac_state())
    assert srv.admin_url == f"http://127.0.0.1:{srv.address[1]}/#K7M2QX-ABCD2345"
    url = f"http://127.0.0.1:{srv.address[1]}/ws"

    async def facilitate() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(url) as fac, http.ws_connect(url) as pad:
                await fac.send_json({"t": "join", "room": "K7M2QX", "admin": "ABCD2345"})
                welcome = await recv(fac, "welcome")
                assert welcome["role"] == "admin"
                shown = await recv(fac, "state")
                assert shown["fac"]["notes"] == "Parlez réparation." and shown["fac"]["can"] == ["reveal", "pause"]
                await pad.send_json({"t": "join", "room": "K7M2QX"})
                await recv(pad, "welcome")
                player_state = await recv(pad, "state")
                assert "fac" not in player_state and player_state["role"] == "player"
                await pad.send_json({"t": "answer", "q": "k1", "n": 1, "choices": ["b"]})
                await recv(pad, "ack")
                while True:  # the facilitator pad sees the count (not who)
                    s = await recv(fac, "state")
                    if s["fac"]["teams"][0]["answered"] == 1:
                        break
                # a player's seat cannot control; it is refused and its connection closed
                await pad.send_json({"t": "control", "do": "reveal", "q": "k1", "n": 2, "token": welcome["token"]})
                assert (await recv(pad, "refused"))["why"] == "admin"
                await fac.send_json({"t": "control", "do": "reveal", "q": "k1", "n": 1, "token": welcome["token"]})
                assert (await recv(fac, "ack"))["n"] == 1
                await fac.send_json({"t": "control", "do": "reveal", "q": "k1", "n": 1, "token": welcome["token"]})
                assert (await recv(fac, "ack"))["n"] == 1  # sent again: acknowledged, not repeated
            async with http.ws_connect(url) as fac:  # a wrong facilitator code: refused and closed
                await fac.send_json({"t": "join", "room": "K7M2QX", "admin": "ABCD2346"})
                assert (await recv(fac, "refused"))["why"] == "admin"
                assert (await fac.receive()).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)

    try:
        run(facilitate())
        controls = [i for i in srv.poll_intents() if isinstance(i, Control)]
        assert controls == [Control("reveal", "k1")]
        s = srv.stats()
        assert s["controls"] == 1 and s["refused_admin"] == 2 and s["admins"] == 1 and s["joined"] == 1
    finally:
        srv.stop()


# -- ordering (« Classe du plus au moins… »): the pad's order is the answer ------------------------
def ordering_question(key: str = "ko") -> QuestionInfo:
    return QuestionInfo(key, "ordering", "Du plus au moins ?", tuple(ChoiceInfo(i, i.upper()) for i in ("a", "b", "c")),
                        None, (0, 1), True, (1, 4))


def test_an_ordering_answer_keeps_its_order_and_must_order_every_item():
    room = room_with(ordering_question())
    seats = [room.join(Join("K7M2QX"))[0] for _ in range(4)]  # teams 0, 1, 0, 1
    assert room.answer(seats[0], Answer("ko", 1, ("c", "a", "b")))
    assert room.mine(seats[0]) == PadAnswer(("c", "a", "b"))
    assert refused(room.answer, seats[1], Answer("ko", 1, ("c", "a"))) == "invalid"  # an item left out
    assert refused(room.answer, seats[1], Answer("ko", 2, ("c", "a", "x"))) == "unknown"
    assert refused(parse, '{"t":"answer","q":"ko","n":3,"choices":["a","a","b"]}') == "invalid"
    assert room.answer(seats[2], Answer("ko", 1, ("c", "b", "a")))
    assert room.answer(seats[1], Answer("ko", 3, ("a", "b", "c")))
    tally = room.tally()
    # team 0: c first twice; a is 2nd then 3rd (3 points), b 3rd then 2nd (3 points): a tie, both orders offered
    assert tally.teams[0].majority is None
    assert set(tally.teams[0].tie) == {PadAnswer(("c", "a", "b")), PadAnswer(("c", "b", "a"))}
    assert tally.teams[1].majority == PadAnswer(("a", "b", "c"))
    assert tally.spread == {"a": 1, "c": 2}  # who each pad put first
    best, tie = majority([PadAnswer(("b", "a", "c")), PadAnswer(("a", "b", "c")), PadAnswer(("b", "c", "a"))], "ordering")
    assert (best, tie) == (PadAnswer(("b", "a", "c")), ())  # Borda: b 1, a 3, c 5
