"""The class game's answer pads (game.pads), as the class screens use them: the set-up's option,
the server started with the game and stopped with it, and each team's pad majority entered
through the run.

``PadLink.start`` starts the server on the machine's LAN address (or says in words why it could
not: no network, the port taken, an error) and subscribes to the run; the class screens then call
``pump`` (each frame, and when the server's wake-up event arrives: ``game.input.PADS``), which
reads the pads' intents, enters each team's majority with ``ClassRun.enter`` (so the run's events
fire and its speed rule applies, never over a team the facilitator keyed) and publishes the game
as it stands. The server stops when the run's game is over (finished, abandoned, the window
closed) or when the last class screen of the run leaves the stack (back to the title, a reset).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game import input as inp
from game.flow import classrun as flow
from game.flow.classrun import ClassRun
from game.i18n import N_
from game.pads import PadBoard, pad_state, question_key
from game.pads.bridge import TeamCount

if TYPE_CHECKING:
    from game.pads.server import PadServer

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765  # NEJ_PAD_PORT overrides it (0: any free port)
PAD_MODES = ("off", "auto", "player")  # no pads; pads, teams filled by the game; pads, players choose

# Why the pads could not start (msgids: the screens translate them).
NO_NETWORK = N_("Pas de réseau local\u00a0: les téléphones ne peuvent pas rejoindre la partie. "
                "Elle se joue au clavier, comme d'habitude.")
NO_SERVER = N_("Le serveur des téléphones n'a pas pu démarrer. La partie se joue au clavier, comme d'habitude.")
PORT_TAKEN = N_("Le port {port} est déjà pris\u00a0: les téléphones utilisent le port {free}.")


@dataclass(frozen=True)
class PadOptions:
    mode: str = "off"  # one of PAD_MODES

    @property
    def on(self) -> bool:
        return self.mode != "off"


def remembered(ctx) -> PadOptions:  # noqa: ANN001 - a Context
    """The set-up's last pad option for this app (off the first time)."""
    return getattr(ctx, "class_pads", None) or PadOptions()


def remember(ctx, options: PadOptions) -> None:  # noqa: ANN001
    ctx.class_pads = options


def pad_address() -> tuple[str | None, int]:
    """Where the server listens: NEJ_PAD_HOST, else the LAN address (None when the machine has
    none: only the loopback); NEJ_PAD_PORT, else DEFAULT_PORT."""
    try:
        port = int(os.environ.get("NEJ_PAD_PORT", DEFAULT_PORT))
    except ValueError:
        port = DEFAULT_PORT
    port = port if 0 <= port < 65536 else DEFAULT_PORT
    host = os.environ.get("NEJ_PAD_HOST") or None
    if host is None:
        from game.pads.server import lan_address  # lazy for memory/start-up: aiohttp only with a room

        found = lan_address()
        host = None if ipaddress.ip_address(found).is_loopback else found
    return host, port


_LINKS: weakref.WeakKeyDictionary[ClassRun, PadLink] = weakref.WeakKeyDictionary()


def link_of(run: ClassRun) -> PadLink | None:
    """The pads of a run, when its game plays with them."""
    return _LINKS.get(run)


class PadLink:
    """One class game's pad server and what the projector knows of it."""

    def __init__(self, run: ClassRun, server: PadServer | None, team_mode: str, colors: tuple,
                 message: str = "", message_args: dict | None = None) -> None:
        self.run = run
        self.server = server
        self.team_mode = team_mode
        self.colors = colors
        self.board = PadBoard()
        self.keyed: set[int] = set()  # teams of the current item whose answer the facilitator keyed
        self.paused = False
        self.message = message  # a msgid: why the pads could not start, or the port used instead
        self.message_args = message_args or {}
        self.lang = "fr"
        self._entering = False
        self._published: tuple | None = None
        self._users = 0  # class screens of this run alive (see attach)
        _LINKS[run] = self
        run.subscribe(self._on_event)

    # -- start and stop ------------------------------------------------------------------
    @classmethod
    def start(cls, run: ClassRun, options: PadOptions, colors: tuple, lang: str = "fr",
              wake=inp.wake_for_pads) -> PadLink:  # noqa: ANN001
        """The server for ``run``, listening on the LAN address; when it cannot, a link without a
        server that says why (the game plays with keyed teams)."""
        from game.pads.server import PadServer  # lazy for memory/start-up: aiohttp only when a room opens

        host, port = pad_address()
        if host is None:
            link = cls(run, None, options.mode, colors, NO_NETWORK)
        else:
            server, message, args = None, "", {}
            for attempt in (port, 0) if port else (0,):
                candidate = PadServer(wake=wake)
                try:
                    candidate.start(host, attempt)
                except OSError as e:
                    log.warning("pad server on %s:%s: %s", host, attempt, e)
                    continue
                except Exception:  # noqa: BLE001 - no pads, but the class game goes on
                    log.exception("pad server could not start")
                    break
                server = candidate
                if attempt != port:
                    message, args = PORT_TAKEN, {"port": port, "free": server.address[1]}
                break
            link = cls(run, server, options.mode, colors, message if server else NO_SERVER, args)
        link.lang = lang
        link.publish()
        return link

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def attach(self) -> None:
        """A class screen of the run was built (before the one it replaces leaves the stack)."""
        self._users += 1

    def detach(self) -> None:
        """A class screen of the run left the stack; with none left, the game is gone: stop."""
        self._users = max(0, self._users - 1)
        if self._users == 0:
            self.stop()

    # -- the run's events ----------------------------------------------------------------
    def _on_event(self, e: flow.Event) -> None:
        if isinstance(e, flow.ItemStarted):
            self.keyed.clear()
        elif isinstance(e, flow.AnswerEntered) and not self._entering:
            self.keyed.add(e.team)  # the facilitator's key wins over the pads
        elif isinstance(e, flow.AnswerCleared) and not self._entering:
            self.keyed.discard(e.team)
        elif isinstance(e, flow.GameOver):
            self.publish()
            self.stop()

    # -- each frame ------------------------------------------------------------------------
    def pump(self, lang: str | None = None) -> bool:
        """Read the pads: enter each team's majority through the run, keep the counts; then
        publish the game as it stands. True when something came from the pads."""
        if lang is not None:
            self.lang = lang
        if self.server is None:
            return False
        intents = self.server.poll_intents()
        run = self.run
        if intents and not run.finished:
            self._entering = True
            try:
                entered, _tied = self.board.take(run.classroom, intents, frozenset(self.keyed),
                                                 enter=run.enter, clear=run.clear)
            finally:
                self._entering = False
            if run.answering and run.current in entered and not run.all_in and run.answered(run.current):
                run.validate()  # the pads answered for the team whose turn it was: the hand moves on
            tied = [t for t in _tied if not run.answered(t)]
            holder = self.counts().get(run.current)  # the team whose turn it is: keyed (no pads) or not
            busy = not run.all_in and not run.answered(run.current) and (holder is None or not holder.members)
            if run.answering and tied and not busy:
                run.select_team(tied[0])  # a tie to decide: the facilitator's keys go to that team
        self.publish()
        return bool(intents)

    def publish(self) -> None:
        if self.server is None:
            return
        run = self.run
        key = (len(run.events), run.phase, self.lang, self.paused, tuple(sorted(self.keyed)))
        if key == self._published:
            return
        self._published = key
        try:
            state = pad_state(run.classroom, self.lang if self.lang in ("fr", "en") else "fr", self.team_mode,
                              self.colors, keyed=frozenset(self.keyed), paused=self.paused)
        except Exception:  # noqa: BLE001 - the pads miss one state; the projector plays on
            log.exception("pad state")
            return
        self.server.publish(state)

    def controls(self) -> list[str]:
        """The facilitator pad's actions for the current item (reveal, next, pause, resume),
        oldest first; those sent for another item are dropped."""
        out = []
        if self.server is not None and not self.run.finished:
            key = question_key(self.run.classroom)
            out = [c.action for c in self.board.controls if c.key == key]
        self.board.controls.clear()
        return out

    # -- what the projector shows ----------------------------------------------------------
    def counts(self) -> dict[int, TeamCount]:
        if self.server is None or self.run.finished:
            return {}
        return self.board.counts(self.run.classroom, frozenset(self.keyed))

    def seated(self) -> int:
        """Pads seated in a team (the join panel's count)."""
        p = self.board.presence
        return sum(p.seated.values()) if p is not None else 0

    def spread(self) -> dict[str, int]:
        if self.server is None or self.run.finished:
            return {}
        return self.board.spread(self.run.classroom)
