"""The pads under load, and the game's CPU beside them (issue 17: ``python -m game.bench``).

A class game (game.classroom) on the real content runs in a « game » thread the way the class
scene will: it sleeps until the server's ``wake`` callback, reads the intents through a
:class:`~game.pads.bridge.PadBoard`, publishes :func:`~game.pads.bridge.pad_state`, and once
every pad has answered it settles ties (as the facilitator would, by key), reveals and moves on.
The pads are aiohttp WebSocket clients that answer as the page does (a counter per answer; a
fifth of them drop right after answering and come back with their token to send it again).

- :func:`run_load` plays it in this process (the load test);
- :func:`bench_pads` runs the pads in a child process, so that the CPU measured is the game's and
  its server's only, and prints the p95 time from a pad's answer to the game's count.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from game.classroom import ClassConfig, Classroom, default_teams
from game.content.loader import Content
from game.pads.bridge import PadBoard, pad_state, question_key
from game.pads.server import PadServer

ROOT = Path(__file__).resolve().parent.parent.parent
TARGETS = {"p95_ms": 100.0, "idle_cpu_percent": 1.0}


# -- the pads' side (any process) --------------------------------------------------------------
def pick(q: dict, i: int) -> dict:
    """Pad ``i``'s answer to the item ``q`` (the state's JSON): one its team shares with some of
    its mates and not others, so majorities, ties and the spread all have work to do."""
    if q["kind"] == "estimate":
        e = q["estimate"]
        steps = max(0, int(round((e["max"] - e["min"]) / e["step"])))
        return {"value": e["min"] + min(steps, (i // 4) % 3) * e["step"]}
    ids = [c["id"] for c in q["choices"]]
    if q["kind"] == "multiple":
        return {"choices": sorted({ids[(i // 4) % len(ids)], ids[0]})}
    return {"choices": [ids[(i // 4 + i // 8) % len(ids)]]}


async def _recv(ws, kind: str, stash: dict, timeout: float = 5.0) -> dict:  # noqa: ANN001
    """The next message of ``kind``; a state passing meanwhile is kept in ``stash`` (the page too
    keeps the latest state: a pad back after a drop may see the next item before its ack)."""
    while True:
        msg = await asyncio.wait_for(ws.receive_json(), timeout)
        if msg["t"] == kind:
            return msg
        if msg["t"] == "state":
            stash[id(ws)] = msg


async def _until_question(ws, done: set[str], stash: dict) -> dict | None:  # noqa: ANN001
    """The next open item not yet answered, or None when the game is over."""
    while True:
        m = stash.pop(id(ws), None) or await asyncio.wait_for(ws.receive_json(), 10.0)
        if m["t"] != "state":
            continue
        if m["finished"]:
            return None
        q = m["q"]
        if q and q["open"] and q["key"] not in done and q["mine_to_answer"]:
            return q


async def play_pads(url: str, room: str, pads: int = 60, drop_fraction: float = 0.2) -> dict:
    """``pads`` pads join ``room`` at ``url`` (…/ws) and answer every item until the game ends.
    Returns when each pad sent what (``sends``: key -> send times, time.monotonic) and answered
    (``answers``: key -> pad -> answer)."""
    import aiohttp

    sends: dict[str, list[float]] = {}
    answers: dict[str, dict[int, dict]] = {}
    n_drop = round(pads * drop_fraction)
    stash: dict[int, dict] = {}
    async with aiohttp.ClientSession() as http:
        socks, tokens = [], []
        for _ in range(pads):
            ws = await http.ws_connect(url)
            await ws.send_json({"t": "join", "room": room})
            tokens.append((await _recv(ws, "welcome", stash))["token"])
            socks.append(ws)
        done: set[str] = set()
        counter = 0
        while True:
            qs = await asyncio.gather(*(_until_question(ws, done, stash) for ws in socks))
            if qs[0] is None:
                break
            q = qs[0]
            key = q["key"]
            counter += 1
            first = (counter * n_drop) % pads
            drop = {(first + j) % pads for j in range(n_drop)}  # a different fifth each time

            async def answer(i: int, q: dict = q, key: str = key, n: int = counter, drop: set = drop) -> None:
                msg = {"t": "answer", "q": key, "n": n, **pick(q, i)}
                answers.setdefault(key, {})[i] = msg
                sends.setdefault(key, []).append(time.monotonic())
                await socks[i].send_json(msg)
                if i in drop:  # gone before the ack; back with its token, the answer sent again
                    await socks[i].close()
                    socks[i] = await http.ws_connect(url)
                    await socks[i].send_json({"t": "join", "room": room, "token": tokens[i]})
                    await _recv(socks[i], "welcome", stash)
                    await socks[i].send_json(msg)
                ack = await _recv(socks[i], "ack", stash)
                assert ack["n"] == n, ack

            await asyncio.gather(*(answer(i) for i in range(pads)))
            done.add(key)
        for ws in socks:
            await ws.close()
    return {"sends": sends, "answers": {k: {str(i): a for i, a in v.items()} for k, v in answers.items()}}


# -- the game's side ---------------------------------------------------------------------------
@dataclass
class GameRun:
    """What the game thread saw: per item key, (time, pads counted) at each tally it polled."""

    seen: dict[str, list[tuple[float, int]]] = field(default_factory=dict)
    keyed: dict[str, dict[int, tuple[str, ...] | float]] = field(default_factory=dict)  # ties settled by key
    entries: dict[str, dict[int, tuple[tuple[str, ...], float | None]]] = field(default_factory=dict)
    items: int = 0
    error: BaseException | None = None


class GameThread(threading.Thread):
    """A class game played at the projector, as sober as the class scene: it waits for the pad
    server's wake-up, never polls on a timer faster than ``idle_tick``."""

    def __init__(self, content: Content, items: int = 10, pads: int = 60, teams: int = 4, seed: int = 3,
                 idle_tick: float = 0.5) -> None:
        super().__init__(name="game", daemon=True)
        self.classroom = Classroom.start(content, ClassConfig(default_teams(teams), length="normal"), seed=seed)
        self.items, self.pads, self.idle_tick = items, pads, idle_tick
        self.woken = threading.Event()
        self.stop_now = threading.Event()
        self.server = PadServer(wake=self.woken.set)
        self.board = PadBoard()
        self.run_log = GameRun()
        self.finished = threading.Event()  # the thread is done
        self.over = threading.Event()  # the class game is over
        self.busy: list[tuple[float, float]] = []  # (wall, process CPU) at the first intent and at the end

    def start_server(self, host: str = "127.0.0.1", port: int = 0) -> tuple[str, int]:
        address = self.server.start(host, port)
        self.server.publish(pad_state(self.classroom))
        return address

    def run(self) -> None:
        try:
            self._loop()
        except BaseException as e:  # noqa: BLE001 - reported to the caller
            self.run_log.error = e
        finally:
            self.finished.set()

    def _loop(self) -> None:
        cr, log = self.classroom, self.run_log
        keyed: set[int] = set()
        while not self.stop_now.is_set():
            self.woken.wait(self.idle_tick)
            self.woken.clear()
            intents = self.server.poll_intents()
            if not intents or cr.finished:
                continue
            if not self.busy:
                self.busy.append((time.monotonic(), time.process_time()))
            now = time.monotonic()
            key = question_key(cr)
            _, tied = self.board.take(cr, intents, keyed)
            tally = self.board.tally(cr)
            if tally is None:
                continue
            total = sum(t.answered for t in tally.teams)
            log.seen.setdefault(key, []).append((now, total))
            self.server.publish(pad_state(cr, keyed=keyed))
            if total < self.pads:
                continue
            for t in tally.teams:  # the facilitator settles each tie by key (its first tied answer)
                if t.tie and t.team in cr.teams_for_current():
                    cr.enter(t.team, list(t.tie[0].choice_ids), t.tie[0].value)
                    keyed.add(t.team)
                    log.keyed.setdefault(key, {})[t.team] = t.tie[0].choice_ids or t.tie[0].value
            log.entries[key] = {t: (e.answer.choice_ids, e.answer.value)
                                for t in cr.teams_for_current() if (e := cr.entry(t)) is not None}
            cr.reveal()
            self.server.publish(pad_state(cr, keyed=keyed))
            log.items += 1
            keyed = set()
            if log.items >= self.items:
                cr.end_now()
            else:
                cr.advance()
            self.server.publish(pad_state(cr))
            if cr.finished:
                self.busy.append((time.monotonic(), time.process_time()))
                self.over.set()

    def close(self) -> None:
        self.stop_now.set()
        self.woken.set()
        self.join(2.0)
        self.server.stop()


def p95_ms(sends: dict[str, list[float]], seen: dict[str, list[tuple[float, int]]]) -> float:
    """The p95 time from a pad's answer to the game's count: the k-th answer sent for an item is
    counted when the game first polls a tally of at least k pads for it."""
    latencies = []
    for key, times in sends.items():
        counts = sorted(seen.get(key, []))
        for k, sent_at in enumerate(sorted(times), 1):
            reached = next((t for t, n in counts if n >= k), None)
            if reached is not None:
                latencies.append(max(0.0, reached - sent_at))
    if not latencies:
        return float("nan")
    latencies.sort()
    return 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]


def run_load(content: Content, pads: int = 60, items: int = 10, timeout: float = 30.0) -> tuple[GameThread, dict, float]:
    """The whole load in this process: (the game thread, what the pads sent, seconds)."""
    game = GameThread(content, items=items, pads=pads)
    host, port = game.start_server()
    game.start()
    start = time.monotonic()
    try:
        played = asyncio.run(asyncio.wait_for(play_pads(f"http://{host}:{port}/ws", game.server.room_code, pads),
                                              timeout))
        game.over.wait(5.0)
    finally:
        game.close()
    if game.run_log.error is not None:
        raise game.run_log.error
    return game, played, time.monotonic() - start


# -- the benchmark -----------------------------------------------------------------------------
def _cpu_percent(seconds: float) -> float:
    """This process's CPU (every thread: the game's and the server's) over ``seconds`` of sleep,
    as a percentage of one core."""
    w0, c0 = time.monotonic(), time.process_time()
    time.sleep(seconds)
    return 100 * (time.process_time() - c0) / max(1e-9, time.monotonic() - w0)


def bench_pads(rows: list | None = None, pads: int = 60, items: int = 10, idle_seconds: float = 3.0) -> dict:
    """The pads' figures for ``python -m game.bench``: the game's CPU with the server on and idle,
    and during 60 pads (in a child process) playing 10 items; p95 from a pad's answer to the
    game's count. Appends table rows (name, value, target) to ``rows``."""
    from game.cli import QUESTIONS
    from game.content.loader import load_content

    game = GameThread(load_content(QUESTIONS), items=items, pads=pads)
    host, port = game.start_server()
    game.start()
    try:
        idle = _cpu_percent(idle_seconds)
        child = subprocess.Popen([sys.executable, "-m", "game.pads.bench", "--pads", f"http://{host}:{port}/ws",
                                  game.server.room_code, str(pads)], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                                 env=dict(os.environ))
        played = json.loads(child.communicate(timeout=120)[0].strip().splitlines()[-1])
        game.over.wait(5.0)
        (w0, c0), (w1, c1) = game.busy[0], game.busy[-1]
        load = 100 * (c1 - c0) / max(1e-9, w1 - w0)  # from the first pad's join to the end of the game
    finally:
        game.close()
    p95 = p95_ms(played["sends"], game.run_log.seen)
    stats = game.server.stats()
    result = {"pads": pads, "items": game.run_log.items, "p95_answer_to_count_ms": round(p95, 1),
              "idle_cpu_percent": round(idle, 3), "load_cpu_percent": round(load, 1),
              "accepted": stats["accepted"], "duplicates": stats["duplicates"], "refused": stats["refused"]}
    if rows is not None:
        rows.append((f"pads: {pads} pads × {game.run_log.items} items, answer → count p95", f"{p95:.1f} ms",
                     f"≤ {TARGETS['p95_ms']:.0f} ms"))
        rows.append(("pads: game + server CPU, idle", f"{idle:.2f} % of a core", f"< {TARGETS['idle_cpu_percent']:.0f} %"))
        rows.append(("pads: game + server CPU, under load", f"{load:.1f} % of a core",
                     f"({stats['accepted']} answers, {stats['duplicates']} resent)"))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.pads.bench", description="The pads' load and CPU figures.")
    parser.add_argument("--pads", nargs=3, metavar=("URL", "ROOM", "N"), help="(child) play N pads against URL")
    args = parser.parse_args(argv)
    if args.pads:
        url, room, n = args.pads
        print(json.dumps(asyncio.run(play_pads(url, room, int(n)))))
        return 0
    rows: list = []
    result = bench_pads(rows)
    for name, value, target in rows:
        print(f"  {name:<52}  {value:<20} {target}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
