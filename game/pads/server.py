"""The pad server: HTTP for the pad page, a WebSocket for the pads, in a thread of its own.

Built on aiohttp: one library serves both the page's few files and the WebSocket, with a
per-message size limit, heartbeats and a clean shutdown; its thread runs its own asyncio loop,
which sleeps in ``select`` while nothing happens. The game talks to it only through
:meth:`PadServer.publish` (a state handed to the loop with ``call_soon_threadsafe``) and
:meth:`PadServer.poll_intents` (a thread-safe queue).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import queue
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from game.pads.protocol import (
    MAX_MESSAGE_BYTES, Answer, ChooseTeam, ControlMsg, Intent, Join, PadState, Refused, facilitator_json, parse,
    state_json,
)
from game.pads.qr import join_url
from game.pads.room import Room, Seat, TokenBucket

ASSETS = Path(__file__).resolve().parent.parent.parent / "assets" / "pad"
FILES = {  # what the server serves: these files and nothing else
    "/": ("pad.html", "text/html"),
    "/pad.css": ("pad.css", "text/css"),
    "/pad.js": ("pad.js", "text/javascript"),
    "/strings.json": ("strings.json", "application/json"),
}
HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}
RATE = 8.0  # messages a second per connection, after a burst
BURST = 16
MAX_CONNECTIONS = 300
JOIN_TIMEOUT = 15.0  # seconds a new connection has to join
RATE_CLOSE = 200  # refusals for rate after which a connection is closed
CLOSE_TIMEOUT = 1.0  # seconds a pad has to answer the server's closing of its connection


class _Conn:
    def __init__(self, ws: web.WebSocketResponse, bucket: TokenBucket) -> None:
        self.ws = ws
        self.bucket = bucket
        self.seat: Seat | None = None
        self.out: asyncio.Queue[str | None] = asyncio.Queue(maxsize=64)
        self.state_pending = False
        self.rate_refusals = 0
        self.closer: asyncio.Future | None = None  # closing the connection after a refused join


def lan_address() -> str:
    """This machine's address on the local network (the one a default route would use; no
    packet is sent), or 127.0.0.1 without a network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


class PadServer:
    """See the package's docstring for the bridge API."""

    def __init__(self, room_code: str | None = None, *, admin_code: str | None = None,
                 wake: Callable[[], None] | None = None,
                 rate: float = RATE, burst: int = BURST, max_connections: int = MAX_CONNECTIONS,
                 join_timeout: float = JOIN_TIMEOUT, assets: Path = ASSETS) -> None:
        self.room = Room(room_code, admin_code=admin_code)
        self.wake = wake
        self.rate, self.burst = rate, burst
        self.max_connections = max_connections
        self.join_timeout = join_timeout
        self.files = {route: ((assets / name).read_bytes(), ctype) for route, (name, ctype) in FILES.items()}
        self._intents: queue.SimpleQueue[Intent] = queue.SimpleQueue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stopping: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._conns: set[_Conn] = set()
        self._stats_lock = threading.Lock()
        self._stats: dict[str, int] = self.room.stats()
        self.address: tuple[str, int] | None = None
        self._dirty_presence = False
        self._dirty_tallies: dict[str, None] = {}  # question keys, in order
        self._flush_planned = False
        self._published: PadState | None = None  # the game thread's last state (only it reads this)

    # -- the game's side (any thread) ------------------------------------------------------
    @property
    def room_code(self) -> str:
        return self.room.code

    @property
    def admin_code(self) -> str:
        """The facilitator code: show it only on the facilitator's own screen."""
        return self.room.admin_code

    @property
    def admin_url(self) -> str:
        """The facilitator pad's address (room code and facilitator code): for the facilitator only."""
        if self.address is None:
            raise RuntimeError("the pad server is not started")
        return join_url(*self.address, f"{self.room.code}-{self.room.admin_code}")

    @property
    def url(self) -> str:
        """The address a pad opens (the room code after « # » never reaches a server's log)."""
        if self.address is None:
            raise RuntimeError("the pad server is not started")
        return join_url(*self.address, self.room.code)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self.address is not None

    def start(self, host: str = "127.0.0.1", port: int = 0, timeout: float = 5.0) -> tuple[str, int]:
        """Listen on ``host``:``port`` (0: a free port) in a new thread; returns the address bound.
        Raises OSError when the address cannot be bound."""
        if self._thread is not None:
            raise RuntimeError("the pad server is already started")
        self._thread = threading.Thread(target=self._run, args=(host, port), name="pad-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the pad server did not start")
        if self._error is not None:
            self._thread.join(timeout)
            self._thread = None
            raise self._error
        assert self.address is not None
        return self.address

    def stop(self, timeout: float = 5.0) -> None:
        """Close every pad's connection and the listening socket; join the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if self._stopping is not None:
            with contextlib.suppress(RuntimeError):  # the loop already closed
                loop.call_soon_threadsafe(self._stopping.set)
        thread.join(timeout)
        self._thread = None
        self.address = None

    def publish(self, state: PadState) -> None:
        """The game's current state, for every pad (the question, the reveal, the teams). A state
        equal to the last one published is dropped here, so the game may publish every frame."""
        if state == self._published:
            return
        self._published = state
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._on_publish, state)

    def poll_intents(self) -> list[Intent]:
        """Every intent since the last call, oldest first (Tally, Presence); never blocks."""
        out = []
        while True:
            try:
                out.append(self._intents.get_nowait())
            except queue.Empty:
                return out

    def stats(self) -> dict[str, int]:
        """Counters: seats joined and resumed, answers accepted and duplicates, refusals by reason."""
        with self._stats_lock:
            return dict(self._stats)

    # -- the server's thread ---------------------------------------------------------------
    def _run(self, host: str, port: int) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main(host, port))
        except BaseException as e:  # noqa: BLE001 - reported to start()
            self._error = e
        finally:
            self._ready.set()
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _main(self, host: str, port: int) -> None:
        self._stopping = asyncio.Event()
        app = web.Application(client_max_size=4096)
        app.router.add_get("/ws", self._ws)
        for route in self.files:
            app.router.add_get(route, self._file)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, host, port, reuse_address=True)
            await site.start()
            sockets = site._server.sockets if site._server is not None else ()  # noqa: SLF001
            bound = sockets[0].getsockname()
            self.address = (bound[0], bound[1])
            self._ready.set()
            await self._stopping.wait()
        finally:
            # every pad at once; a pad that never answers the close costs at most CLOSE_TIMEOUT
            closing = [conn.ws.close(code=1001, message=b"game over") for conn in list(self._conns)]
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.gather(*closing, return_exceptions=True), CLOSE_TIMEOUT * 2)
            await runner.cleanup()

    def _later(self, presence: bool = False, tally: str | None = None) -> None:
        """Mark an intent to send; a burst of answers (a class answering at once) costs one
        tally per question, sent once the loop has read every message that was waiting."""
        self._dirty_presence |= presence
        if tally is not None:
            self._dirty_tallies[tally] = None
        if not self._flush_planned and self._loop is not None:
            self._flush_planned = True
            self._loop.call_soon(self._flush)

    def _flush(self) -> None:
        self._flush_planned = False
        intents: list[Intent] = []
        if self._dirty_presence:
            intents.append(self.room.presence())
        for key in self._dirty_tallies:
            tally = self.room.tally(key)
            if tally is not None:
                intents.append(tally)
        self._dirty_presence, self._dirty_tallies = False, {}
        if not intents:
            return
        for intent in intents:
            self._intents.put(intent)
        for conn in self._conns:  # the facilitator pads show the counts
            if conn.seat is not None and conn.seat.admin:
                self._send_state(conn)
        self._count()
        self._wake()

    def _wake(self) -> None:
        if self.wake is not None:
            with contextlib.suppress(Exception):
                self.wake()

    def _count(self) -> None:
        with self._stats_lock:
            self._stats = self.room.stats()

    def _on_publish(self, state: PadState) -> None:
        old = self.room.state.question.key if self.room.state.question else None
        teams_changed = self.room.publish(state)
        if teams_changed:
            self._later(presence=True)
        new = state.question.key if state.question else None
        if new is not None and (new != old or teams_changed):
            self._later(tally=self.room.state.question.key)
        for conn in self._conns:
            if conn.seat is not None:
                self._send_state(conn)

    def _send(self, conn: _Conn, data: dict) -> None:
        with contextlib.suppress(asyncio.QueueFull):
            conn.out.put_nowait(json.dumps(data, separators=(",", ":")))

    def _send_state(self, conn: _Conn) -> None:
        if not conn.state_pending:
            conn.state_pending = True
            with contextlib.suppress(asyncio.QueueFull):
                conn.out.put_nowait(None)  # None: the state as it is when sent

    async def _writer(self, conn: _Conn) -> None:
        while True:
            item = await conn.out.get()
            if item is None:
                conn.state_pending = False
                seat = conn.seat
                if seat is None:
                    continue
                data = (facilitator_json(self.room.state, self.room.tally()) if seat.admin
                        else state_json(self.room.state, seat.team, self.room.mine(seat)))
                item = json.dumps(data, separators=(",", ":"))
            await conn.ws.send_str(item)

    def _host_ok(self, request: web.Request) -> bool:
        """Pads open the server by its address (the QR code's IP), never by a name: a request
        for a domain name is a web page elsewhere reaching the room through DNS rebinding."""
        host = urlsplit(f"//{request.host}").hostname or ""
        if host == "localhost":
            return True
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return False
        return True

    def _forbidden(self) -> web.Response:
        self.room.refuse("origin")
        self._count()
        return web.Response(status=403, text="forbidden")

    async def _file(self, request: web.Request) -> web.Response:
        if not self._host_ok(request):
            return self._forbidden()
        body, ctype = self.files[request.path]
        if request.path == "/":
            lang = self.room.state.lang if self.room.state.lang in ("fr", "en") else "fr"
            body = body.replace(b"{{LANG}}", lang.encode())
        headers = dict(HEADERS)
        headers["Content-Security-Policy"] = HEADERS["Content-Security-Policy"].replace(
            "connect-src 'self'", f"connect-src 'self' ws://{request.host}")  # 'self' misses ws: in older Safari
        return web.Response(body=body, content_type=ctype, charset="utf-8", headers=headers)

    def _same_origin(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser page (a test, a tool): it still needs the room code
        parts = urlsplit(origin)
        return parts.netloc == request.host

    async def _ws(self, request: web.Request) -> web.StreamResponse:
        if not self._host_ok(request) or not self._same_origin(request):
            return self._forbidden()
        if len(self._conns) >= self.max_connections:
            self.room.refuse("full")
            self._count()
            return web.Response(status=503, text="full")
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES * 4, heartbeat=20.0, compress=False,
                                   timeout=CLOSE_TIMEOUT)
        await ws.prepare(request)
        conn = _Conn(ws, TokenBucket(self.rate, self.burst))
        self._conns.add(conn)
        writer = asyncio.ensure_future(self._writer(conn))
        timer = asyncio.get_running_loop().call_later(self.join_timeout, self._join_timeout, conn)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self._receive(conn, msg.data)
                elif msg.type == WSMsgType.BINARY:
                    self._refuse(conn, "malformed")
                elif msg.type == WSMsgType.ERROR:
                    self.room.refuse("oversized")  # a frame over aiohttp's limit: it closes the socket
                    break
                if conn.seat is not None:
                    timer.cancel()
                if conn.rate_refusals >= RATE_CLOSE:
                    break
            # drain what is queued for this pad (a refusal, an ack) before closing
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._drained(conn), 0.5)
        finally:
            timer.cancel()
            writer.cancel()
            if conn.closer is not None and not conn.closer.done():
                conn.closer.cancel()
            self._conns.discard(conn)
            if conn.seat is not None:
                conn.seat.connections -= 1
                self._later(presence=True)
            self._count()
            with contextlib.suppress(Exception):
                await ws.close()
        return ws

    async def _drained(self, conn: _Conn) -> None:
        while not conn.out.empty() and not conn.ws.closed:
            await asyncio.sleep(0.01)

    def _join_timeout(self, conn: _Conn) -> None:
        if conn.seat is None and conn.closer is None:
            conn.closer = asyncio.ensure_future(conn.ws.close(code=1008, message=b"join first"))

    def _refuse(self, conn: _Conn, reason: str, **extra: object) -> None:
        if reason != "rate" or conn.rate_refusals == 0:
            self._send(conn, {"t": "refused", "why": reason, **extra})
        if reason == "rate":
            conn.rate_refusals += 1
        else:
            self.room.refused[reason] += 1
        self._count()

    def _receive(self, conn: _Conn, raw: str) -> None:
        """One text message from a pad: checked, applied to the room, answered. Never raises."""
        try:
            self._receive_checked(conn, raw)
        except Exception:  # noqa: BLE001 - a bug here must cost one message, never the game or the room
            self._refuse(conn, "malformed")

    def _receive_checked(self, conn: _Conn, raw: str) -> None:
        if not conn.bucket.take():
            self.room.refused["rate"] += 1
            self._refuse(conn, "rate")
            return
        conn.rate_refusals = 0
        try:
            msg = parse(raw)
        except Refused as e:
            self._refuse(conn, e.reason)
            return
        try:
            self._apply(conn, msg)
        except Refused as e:  # already counted by the room
            extra = {"q": msg.key, "n": msg.n} if isinstance(msg, Answer | ControlMsg) else {}
            self._send(conn, {"t": "refused", "why": e.reason, **extra})
            self._count()
            if e.reason in ("room", "token", "admin") and conn.closer is None:
                conn.closer = asyncio.ensure_future(self._close_soon(conn))

    async def _close_soon(self, conn: _Conn) -> None:
        await asyncio.sleep(0.2)  # the refusal reaches the pad first
        await conn.ws.close(code=1008, message=b"refused")

    def _apply(self, conn: _Conn, msg: object) -> None:
        room = self.room
        if isinstance(msg, Join):
            if conn.seat is not None:
                raise room.refuse("malformed")
            seat, resumed = room.join(msg)
            conn.seat = seat
            seat.connections += 1
            self._send(conn, {"t": "welcome", "token": seat.token, "name": list(seat.name),
                              "last_n": seat.last_n, "resumed": resumed,
                              "role": "admin" if seat.admin else "player"})
            self._send_state(conn)
            if seat.admin:
                return
            self._later(presence=True)
            if room.state.question is not None:
                self._later(tally=room.state.question.key)
            return
        seat = conn.seat
        if seat is None:
            raise room.refuse("unjoined")
        if isinstance(msg, ChooseTeam):
            room.choose_team(seat, msg)
            self._later(presence=True)
            if room.state.question is not None:
                self._later(tally=room.state.question.key)
            for other in self._conns:
                if other.seat is seat:
                    self._send_state(other)
            return
        if isinstance(msg, ControlMsg):
            control = room.control(seat, msg)
            self._send(conn, {"t": "ack", "q": msg.key, "n": msg.n})
            if control is not None:
                self._intents.put(control)
                self._wake()
            self._count()
            return
        assert isinstance(msg, Answer)
        changed = room.answer(seat, msg)
        self._send(conn, {"t": "ack", "q": msg.key, "n": msg.n})
        if changed:
            self._later(tally=msg.key)
            for other in self._conns:
                if other.seat is seat and other is not conn:
                    self._send_state(other)
        self._count()
