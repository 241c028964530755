"""A room of pads: its code, its seats, their answers, the teams' majorities. Pure logic.

Owned by the server's thread (never shared): the game reaches it only through the server's queues.
Nothing here knows a player's name: a seat is an index, a random token and a friendly name made
of two numbers (an animal of the page's catalog and a number), drawn here, shown by the page.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from game.pads.protocol import (
    ADMIN_CODE_LEN, NAME_ANIMALS, NAME_NUMBERS, REASONS, ROOM_ALPHABET, ROOM_CODE_LEN, Answer, ChooseTeam, Control,
    ControlMsg, Join, PadAnswer, PadState, Presence, Refused, Tally, TeamTally, check_answer, majority, spread,
)

MAX_SEATS = 240
MAX_ADMINS = 4  # facilitator pads (a phone, a tablet, a reload on another device)


def new_room_code(length: int = ROOM_CODE_LEN) -> str:
    """A room code drawn with ``secrets`` (31 letters and digits, none that reads as another)."""
    return "".join(secrets.choice(ROOM_ALPHABET) for _ in range(length))


def normal_code(code: str) -> str:
    """What a player typed, as the room compares it: capitals, without spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch not in " -\u00a0\u202f")


@dataclass
class Seat:
    id: int
    token: str
    name: tuple[int, int]  # (animal index in the page's catalog, number)
    team: int | None = None
    last_n: int = 0  # the highest answer (or control) counter accepted from this seat
    sent: dict[str, tuple[int, tuple[str, ...], float | None]] = field(default_factory=dict)  # key -> accepted msg
    connections: int = 0
    admin: bool = False  # the facilitator pad's seat: no team, controls only


class TokenBucket:
    """Rate limit of one connection: ``rate`` messages a second, bursts of ``burst``."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens = float(burst)
        self.at = clock()

    def take(self) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


class Room:
    def __init__(self, code: str | None = None, max_seats: int = MAX_SEATS, admin_code: str | None = None) -> None:
        self.code = normal_code(code) if code else new_room_code()
        self.admin_code = normal_code(admin_code) if admin_code else new_room_code(ADMIN_CODE_LEN)
        self.max_seats = max_seats
        self.state = PadState()
        self.seats: dict[str, Seat] = {}  # token -> seat (players)
        self.admins: dict[str, Seat] = {}  # token -> seat (facilitator pads)
        self.answers: dict[str, dict[int, PadAnswer]] = {}  # question key -> seat id -> answer
        self.refused: dict[str, int] = dict.fromkeys(REASONS, 0)
        self.counts = {"joined": 0, "resumed": 0, "accepted": 0, "duplicates": 0, "admins": 0, "controls": 0}

    # -- counting --------------------------------------------------------------------------
    def refuse(self, reason: str) -> Refused:
        self.refused[reason] += 1
        return Refused(reason)

    def stats(self) -> dict[str, int]:
        return {**self.counts, **{f"refused_{k}": v for k, v in self.refused.items()},
                "refused": sum(self.refused.values()), "seats": len(self.seats)}

    # -- seats -----------------------------------------------------------------------------
    def join(self, msg: Join) -> tuple[Seat, bool]:
        """The seat of a pad that knows the room's code: its own again when it brings its token
        (a reload, a lost connection), else a new one. (seat, resumed)."""
        if not hmac.compare_digest(normal_code(msg.room).encode(), self.code.encode()):
            raise self.refuse("room")
        if msg.admin is not None:
            return self._join_admin(msg)
        if msg.token is not None:
            seat = self.seats.get(msg.token)
            if seat is None:
                raise self.refuse("token")
            self.counts["resumed"] += 1
            return seat, True
        if len(self.seats) >= self.max_seats:
            raise self.refuse("full")
        taken = {s.name for s in self.seats.values()}
        name = (secrets.randbelow(NAME_ANIMALS), 1 + secrets.randbelow(NAME_NUMBERS))
        while name in taken and len(taken) < NAME_ANIMALS * NAME_NUMBERS:
            name = (secrets.randbelow(NAME_ANIMALS), 1 + secrets.randbelow(NAME_NUMBERS))
        seat = Seat(len(self.seats), secrets.token_urlsafe(18), name)
        self.seats[seat.token] = seat
        self.counts["joined"] += 1
        if self.state.team_mode == "auto":
            seat.team = self.emptiest_team()
        return seat, False

    def _join_admin(self, msg: Join) -> tuple[Seat, bool]:
        if not hmac.compare_digest(normal_code(msg.admin or "").encode(), self.admin_code.encode()):
            raise self.refuse("admin")
        if msg.token is not None:
            seat = self.admins.get(msg.token)
            if seat is None:
                raise self.refuse("token")
            self.counts["resumed"] += 1
            return seat, True
        if len(self.admins) >= MAX_ADMINS:
            raise self.refuse("full")
        seat = Seat(-1 - len(self.admins), secrets.token_urlsafe(18), (0, 0), admin=True)
        self.admins[seat.token] = seat
        self.counts["admins"] += 1
        return seat, False

    def control(self, seat: Seat, msg: ControlMsg) -> Control | None:
        """A facilitator pad's control, checked: its seat and token, a fresh counter, the item
        still current and the action one that applies now. None: the same control sent again
        after a lost connection (acknowledged, not repeated)."""
        if not seat.admin or not hmac.compare_digest(msg.token.encode(), seat.token.encode()):
            raise self.refuse("admin")
        if msg.n <= seat.last_n:
            if seat.sent.get(msg.key) == (msg.n, (msg.action,), None):
                self.counts["duplicates"] += 1
                return None
            raise self.refuse("replayed")
        q, f = self.state.question, self.state.facilitator
        if q is None or msg.key != q.key or f is None or msg.action not in f.can:
            raise self.refuse("late")
        seat.last_n = msg.n
        seat.sent[msg.key] = (msg.n, (msg.action,), None)
        self.counts["controls"] += 1
        return Control(msg.action, msg.key)

    def team_ids(self) -> list[int]:
        return [t.index for t in self.state.teams]

    def emptiest_team(self) -> int | None:
        """The team with the fewest seats (the first such team in the set-up's order)."""
        teams = self.team_ids()
        if not teams:
            return None
        sizes = {t: 0 for t in teams}
        for s in self.seats.values():
            if s.team in sizes:
                sizes[s.team] += 1
        return min(teams, key=lambda t: (sizes[t], teams.index(t)))

    def choose_team(self, seat: Seat, msg: ChooseTeam) -> None:
        """A player's own choice of team, once, when the set-up lets players choose."""
        if (seat.admin or self.state.team_mode != "player" or seat.team is not None
                or msg.team not in self.team_ids()):
            raise self.refuse("team")
        seat.team = msg.team

    # -- answers ---------------------------------------------------------------------------
    def answer(self, seat: Seat, msg: Answer) -> bool:
        """Keep a seat's answer to the open question (it replaces the seat's earlier one: one
        answer per seat per question). A message sent again after a lost connection, with the
        same counter and the same answer, is acknowledged and not counted twice; an old counter
        with another answer is a replay and is refused. True when the answers changed."""
        if seat.admin:
            raise self.refuse("admin")
        sent = seat.sent.get(msg.key)
        if msg.n <= seat.last_n:
            if sent == (msg.n, msg.choice_ids, msg.value):
                self.counts["duplicates"] += 1
                return False
            raise self.refuse("replayed")
        q = self.state.question
        if q is not None and msg.key == q.key:
            if seat.team is None:
                raise self.refuse("no_team")
            if q.open and seat.team not in q.teams:
                raise self.refuse("turn")
        elif msg.key not in self.answers:
            raise self.refuse("unknown")
        try:
            got = check_answer(q, msg)
        except Refused as e:
            raise self.refuse(e.reason) from None
        seat.last_n = msg.n
        seat.sent[msg.key] = (msg.n, msg.choice_ids, msg.value)
        per_seat = self.answers.setdefault(msg.key, {})
        changed = per_seat.get(seat.id) != got
        per_seat[seat.id] = got
        self.counts["accepted"] += 1
        return changed

    def mine(self, seat: Seat) -> PadAnswer | None:
        q = self.state.question
        return None if q is None else self.answers.get(q.key, {}).get(seat.id)

    # -- the game's side -------------------------------------------------------------------
    def publish(self, state: PadState) -> bool:
        """A new state from the game. True when the seats' teams changed (auto set-up)."""
        old_teams = self.team_ids()
        self.state = state
        if state.question is not None:
            self.answers.setdefault(state.question.key, {})
        teams = set(self.team_ids())
        changed = False
        for seat in self.seats.values():
            if seat.team is not None and seat.team not in teams:
                seat.team, changed = None, True
        if state.team_mode == "auto":
            for seat in sorted(self.seats.values(), key=lambda s: s.id):
                if seat.team is None and teams:
                    seat.team, changed = self.emptiest_team(), True
        return changed or old_teams != self.team_ids()

    def tally(self, key: str | None = None) -> Tally | None:
        """The counts and majorities per team for a question (the open one by default)."""
        q = self.state.question
        key = key or (q.key if q else None)
        if key is None:
            return None
        kind = q.kind if q is not None and q.key == key else "single"
        est = q.estimate if q is not None and q.key == key else None
        by_id = {s.id: s for s in self.seats.values()}
        got = self.answers.get(key, {})
        teams = []
        for t in self.team_ids():
            members = [s for s in self.seats.values() if s.team == t]
            answers = [got[s.id] for s in members if s.id in got]
            best, tie = majority(answers, kind, est)
            teams.append(TeamTally(t, len(members), len(answers), best, tie))
        counted = [a for sid, a in got.items() if sid in by_id and by_id[sid].team is not None]
        return Tally(key, tuple(teams), spread(counted, kind))

    def presence(self) -> Presence:
        seated = dict.fromkeys(self.team_ids(), 0)
        connected = dict.fromkeys(self.team_ids(), 0)
        unassigned = 0
        for s in self.seats.values():
            if s.team is None or s.team not in seated:
                unassigned += 1
                continue
            seated[s.team] += 1
            connected[s.team] += s.connections > 0
        return Presence(seated, connected, unassigned)
