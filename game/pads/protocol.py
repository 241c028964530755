"""The pads' wire protocol: what the game publishes, what the pads send, and the checks on it.

Pure data and functions (no network, no pygame). Every message a pad sends is JSON text, at most
``MAX_MESSAGE_BYTES`` long, and goes through :func:`parse` before anything else reads it: unknown
fields, wrong types, unknown ids and out-of-range values are refused with a reason (one of
``REASONS``), never an exception.

Pad -> server::

    {"t": "join", "room": "K7M2QX", "token": "<seat token or absent>"}
    {"t": "team", "team": 2}                                   # only when the set-up lets players choose
    {"t": "answer", "q": "<question key>", "n": 7, "choices": ["c2"]}   # n: the seat's own counter
    {"t": "answer", "q": "<question key>", "n": 8, "value": 42}
    {"t": "join", "room": "K7M2QX", "admin": "<facilitator code>"}        # the facilitator pad
    {"t": "control", "do": "reveal", "q": "<question key>", "n": 3, "token": "<admin token>"}

Server -> pad: ``welcome`` (seat, token, last counter), ``state`` (the question, the pad's own
answer, the team's result after the reveal; for the facilitator pad also the notes, the right
answer and the counts per team), ``ack`` (answer or control kept), ``refused`` (with a reason).

The facilitator pad holds a second secret, the facilitator code (shown only on the facilitator's
screen); its seat has no team and never answers, and every control message carries its token, the
key of the item it acts on (a « next » sent twice from a slow phone moves on once) and a counter.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

MAX_MESSAGE_BYTES = 1024  # a pad's biggest real message is under 300 bytes
MAX_CHOICES = 8
MAX_ID_LEN = 64
MAX_KEY_LEN = 160
MAX_TOKEN_LEN = 64
MAX_VALUE = 1e15  # an estimate's value: no slider goes further
ROOM_CODE_LEN = 6
ADMIN_CODE_LEN = 8  # the facilitator code: 31^8 ≈ 8.5 × 10^11 codes behind a rate limit
ROOM_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or from the back of a room
NAME_ANIMALS = 24  # friendly names: an animal of the pad page's catalog (by index) and a number
NAME_NUMBERS = 99

KINDS = ("single", "multiple", "truefalse", "estimate", "ordering", "scenario")  # ordering: ids in the pad's order
TEAM_MODES = ("auto", "player")  # auto: the set-up fills teams evenly; player: each pad picks its team

# Every refusal is counted under one of these (PadServer.stats()).
REASONS = (
    "malformed",  # not JSON, not an object, unknown type or field, wrong types
    "oversized",  # longer than MAX_MESSAGE_BYTES
    "room",  # wrong room code
    "unjoined",  # anything but « join » before joining
    "token",  # a seat token this room never gave
    "team",  # unknown team, or a team the set-up chose / already chosen
    "no_team",  # an answer from a seat without a team yet
    "unknown",  # a choice id or question key the game never published
    "late",  # a question that is no longer open (revealed or passed)
    "turn",  # the seat's team does not answer this question (teams take turns)
    "invalid",  # the answer does not fit the question (several choices for one, value out of range)
    "replayed",  # a counter already used, with another answer
    "rate",  # over the connection's rate limit
    "full",  # no more seats or connections
    "origin",  # another site: a WebSocket from its page, or a request by domain name (DNS rebinding)
    "admin",  # a wrong facilitator code, a control from a player's seat, or a wrong admin token
)
CONTROLS = ("reveal", "next", "pause", "resume")  # what the facilitator pad may ask the game

# The marks of a question's choices, by position on the projector and on the pads: a letter, a
# shape and a colour, so that a choice is never told by its colour alone. White text on each
# colour has a contrast of at least 4.5:1.
CHOICE_MARKS = (
    ("A", "triangle", "#b3261e"),
    ("B", "diamond", "#1c4fa0"),
    ("C", "circle", "#7a4f00"),
    ("D", "square", "#1e6b35"),
    ("E", "star", "#6a3d9a"),
    ("F", "hexagon", "#00636b"),
    ("G", "plus", "#a12c6e"),
    ("H", "down", "#4a5160"),
)


# -- what the game publishes -------------------------------------------------------------------
@dataclass(frozen=True)
class TeamInfo:
    index: int
    name: str
    symbol: str  # one of classroom.SYMBOLS
    color: str  # "#rrggbb"


@dataclass(frozen=True)
class ChoiceInfo:
    id: str
    text: str


@dataclass(frozen=True)
class EstimateInfo:
    min: float
    max: float
    step: float
    start: float
    unit: str = ""


@dataclass(frozen=True)
class QuestionInfo:
    """The item on the projector, as a pad may see it: never which choice is right."""

    key: str  # unique to this step of this game: a pad's answer names it
    kind: str  # one of KINDS
    prompt: str
    choices: tuple[ChoiceInfo, ...] = ()  # in the order the projector shows them
    estimate: EstimateInfo | None = None
    teams: tuple[int, ...] = ()  # the teams that answer it (one when teams take turns)
    open: bool = True  # answers accepted
    number: tuple[int, int] = (0, 0)  # « 3 / 12 »


@dataclass(frozen=True)
class TeamResult:
    correct: bool | None  # None: a situation card (no right answer) or no answer
    choice_ids: tuple[str, ...] = ()
    value: float | None = None


@dataclass(frozen=True)
class RevealInfo:
    key: str
    right_ids: tuple[str, ...] = ()
    answer: float | None = None  # an estimate's answer
    teams: dict[int, TeamResult] = field(default_factory=dict)


@dataclass(frozen=True)
class FacilitatorInfo:
    """What only the facilitator pad is shown (never a player's): the notes, the right answer,
    which teams the class game holds an answer for, and which controls make sense now."""

    notes: str = ""  # the item's facilitator notes
    debate: str = ""  # the open question for the class after the item
    right_ids: tuple[str, ...] = ()
    answer: float | None = None  # an estimate's answer
    entered: tuple[int, ...] = ()  # teams whose answer the class game holds (pads' majority or keyed)
    keyed: tuple[int, ...] = ()  # of them, those the facilitator keyed
    paused: bool = False
    can: tuple[str, ...] = ()  # the CONTROLS that apply now
    next_prompt: str = ""  # the next item's prompt, to prepare the debate


@dataclass(frozen=True)
class PadState:
    lang: str = "fr"
    teams: tuple[TeamInfo, ...] = ()
    team_mode: str = "auto"
    question: QuestionInfo | None = None
    reveal: RevealInfo | None = None
    finished: bool = False
    facilitator: FacilitatorInfo | None = None


# -- what the game receives --------------------------------------------------------------------
@dataclass(frozen=True)
class PadAnswer:
    choice_ids: tuple[str, ...] = ()  # sorted
    value: float | None = None


@dataclass(frozen=True)
class TeamTally:
    team: int
    seated: int  # seats in the team
    answered: int  # of them, how many answered this question
    majority: PadAnswer | None = None  # the team's answer; None when no one answered or on a tie
    tie: tuple[PadAnswer, ...] = ()  # the answers tied for first: the facilitator decides


@dataclass(frozen=True)
class Tally:
    """Intent: the pads' answers to one question changed. Counts only, never who answered what."""

    key: str
    teams: tuple[TeamTally, ...]
    spread: dict[str, int] = field(default_factory=dict)  # choice id (or an estimate's value) -> pads


@dataclass(frozen=True)
class Presence:
    """Intent: seats joined, left or chose a team."""

    seated: dict[int, int]  # team -> seats
    connected: dict[int, int]  # team -> seats with an open connection
    unassigned: int = 0  # seats still choosing a team


@dataclass(frozen=True)
class Control:
    """Intent: the facilitator pad asks the game to ``action`` (one of CONTROLS) the item ``key``.
    The game checks the key is still its current item's (:func:`game.pads.bridge.question_key`)."""

    action: str
    key: str


Intent = Tally | Presence | Control


# -- checking a pad's messages ---------------------------------------------------------------
class Refused(Exception):
    def __init__(self, reason: str) -> None:
        assert reason in REASONS, reason
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Join:
    room: str
    token: str | None = None
    admin: str | None = None  # the facilitator code


@dataclass(frozen=True)
class ControlMsg:
    action: str
    key: str
    n: int
    token: str


@dataclass(frozen=True)
class ChooseTeam:
    team: int


@dataclass(frozen=True)
class Answer:
    key: str
    n: int
    choice_ids: tuple[str, ...] = ()
    value: float | None = None


Message = Join | ChooseTeam | Answer | ControlMsg

_FIELDS = {"join": {"t", "room", "token", "admin"}, "team": {"t", "team"},
           "answer": {"t", "q", "n", "choices", "value"}, "control": {"t", "do", "q", "n", "token"}}


def _is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _short_str(x: object, limit: int) -> bool:
    return isinstance(x, str) and 0 < len(x) <= limit and x.isprintable()


def parse(raw: str | bytes) -> Message:
    """One pad message, checked for shape and types (not yet against the game's state)."""
    if len(raw) > MAX_MESSAGE_BYTES or (isinstance(raw, str) and len(raw.encode("utf-8", "replace")) > MAX_MESSAGE_BYTES):
        raise Refused("oversized")
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise Refused("malformed") from None
    if (not isinstance(data, dict) or not isinstance(data.get("t"), str) or data["t"] not in _FIELDS
            or not set(data) <= _FIELDS[data["t"]]):
        raise Refused("malformed")
    kind = data["t"]
    if kind == "join":
        room, token, admin = data.get("room"), data.get("token"), data.get("admin")
        if (not _short_str(room, 16) or (token is not None and not _short_str(token, MAX_TOKEN_LEN))
                or (admin is not None and not _short_str(admin, 16))):
            raise Refused("malformed")
        return Join(room, token, admin)
    if kind == "control":
        action, key, n, token = data.get("do"), data.get("q"), data.get("n"), data.get("token")
        if (not isinstance(action, str) or action not in CONTROLS or not _short_str(key, MAX_KEY_LEN)
                or not _is_int(n) or not 0 < n < 2**31 or not _short_str(token, MAX_TOKEN_LEN)):
            raise Refused("malformed")
        return ControlMsg(action, key, n, token)
    if kind == "team":
        team = data.get("team")
        if not _is_int(team) or not 0 <= team < 64:
            raise Refused("malformed")
        return ChooseTeam(team)
    key, n = data.get("q"), data.get("n")
    if not _short_str(key, MAX_KEY_LEN) or not _is_int(n) or not 0 < n < 2**31:
        raise Refused("malformed")
    has_choices, has_value = "choices" in data, "value" in data
    if has_choices == has_value:
        raise Refused("malformed")
    if has_choices:
        ids = data["choices"]
        if (not isinstance(ids, list) or not 0 < len(ids) <= MAX_CHOICES
                or not all(_short_str(i, MAX_ID_LEN) for i in ids)):
            raise Refused("malformed")
        if len(set(ids)) != len(ids):
            raise Refused("invalid")
        return Answer(key, n, tuple(ids))  # as sent: an ordering's order matters
    value = data["value"]
    if not (_is_int(value) or isinstance(value, float)):
        raise Refused("malformed")
    if not -MAX_VALUE <= value <= MAX_VALUE:  # also an integer too big for a float (10**400)
        raise Refused("invalid")
    return Answer(key, n, value=float(value))


def _no_constant(name: str) -> float:
    raise ValueError(name)  # NaN, Infinity: not JSON


def check_answer(question: QuestionInfo | None, answer: Answer) -> PadAnswer:
    """The answer as the game will count it, if it fits the open question; else :class:`Refused`.
    An estimate's value is snapped to the slider's step."""
    if question is None or answer.key != question.key:
        raise Refused("late")
    if not question.open:
        raise Refused("late")
    if question.kind == "estimate":
        est = question.estimate
        if answer.value is None or est is None:
            raise Refused("invalid")
        if not est.min <= answer.value <= est.max:
            raise Refused("invalid")
        return PadAnswer((), snap(answer.value, est))
    if answer.value is not None:
        raise Refused("invalid")
    known = {c.id for c in question.choices}
    if not set(answer.choice_ids) <= known:
        raise Refused("unknown")
    if question.kind == "ordering":  # every item, each once, in the pad's order
        if len(answer.choice_ids) != len(known) or set(answer.choice_ids) != known:
            raise Refused("invalid")
        return PadAnswer(tuple(answer.choice_ids))
    if question.kind != "multiple" and len(answer.choice_ids) != 1:
        raise Refused("invalid")
    return PadAnswer(tuple(sorted(answer.choice_ids)))


def snap(value: float, est: EstimateInfo) -> float:
    steps = round((value - est.min) / est.step)
    v = est.min + steps * est.step
    v = min(est.max, max(est.min, v))
    return float(f"{v:.10g}")  # no 0.30000000000000004


# -- the team's answer -------------------------------------------------------------------------
def majority(answers: list[PadAnswer], kind: str, est: EstimateInfo | None = None) -> tuple[PadAnswer | None, tuple[PadAnswer, ...]]:
    """(the team's answer, the answers tied for first). Choices: the answer given most often
    (a several-answer question: the same set of boxes); a tie returns no answer and the tied
    ones, sorted, for the facilitator. Estimates: the median, snapped to the slider's step
    (with an even number of pads, the middle of the two middle values); never a tie. Orderings:
    the Borda count (each item ranked by the sum of its places over the pads), a tie when two
    items share a sum (the pads' own orders, most given first, are then the tied answers)."""
    if not answers:
        return None, ()
    if kind == "ordering":
        return _borda(answers)
    if kind == "estimate":
        values = sorted(a.value for a in answers if a.value is not None)
        if not values:
            return None, ()
        mid = len(values) // 2
        median = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
        return PadAnswer((), snap(median, est) if est else median), ()
    counts: dict[tuple[str, ...], int] = {}
    for a in answers:
        counts[a.choice_ids] = counts.get(a.choice_ids, 0) + 1
    best = max(counts.values())
    top = sorted(ids for ids, c in counts.items() if c == best)
    if len(top) > 1:
        return None, tuple(PadAnswer(ids) for ids in top)
    return PadAnswer(top[0]), ()


def _borda(answers: list[PadAnswer]) -> tuple[PadAnswer | None, tuple[PadAnswer, ...]]:
    places: dict[str, int] = {}
    for a in answers:
        for place, cid in enumerate(a.choice_ids):
            places[cid] = places.get(cid, 0) + place
    sums = sorted(places.values())
    if len(set(sums)) < len(sums):
        counts: dict[tuple[str, ...], int] = {}
        for a in answers:
            counts[a.choice_ids] = counts.get(a.choice_ids, 0) + 1
        return None, tuple(PadAnswer(ids) for ids, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return PadAnswer(tuple(sorted(places, key=places.__getitem__))), ()


def spread(answers: list[PadAnswer], kind: str) -> dict[str, int]:
    """How many pads chose each choice (a box of a several-answer question counts once per pad),
    put each item first (an ordering), or gave each estimate value."""
    out: dict[str, int] = {}
    for a in answers:
        if kind == "ordering":
            keys = list(a.choice_ids[:1])
        else:
            keys = [f"{a.value:g}"] if kind == "estimate" and a.value is not None else list(a.choice_ids)
        for k in keys:
            out[k] = out.get(k, 0) + 1
    return dict(sorted(out.items()))


# -- to the pads -------------------------------------------------------------------------------
def state_json(state: PadState, seat_team: int | None, mine: PadAnswer | None) -> dict:
    """What one seat's page is told: the game's state, its own answer, its team's result."""
    q = state.question
    out: dict = {
        "t": "state",
        "role": "player",
        "lang": state.lang,
        "team_mode": state.team_mode,
        "teams": [{"index": t.index, "name": t.name, "symbol": t.symbol, "color": t.color} for t in state.teams],
        "team": seat_team,
        "finished": state.finished,
        "q": None,
        "mine": None,
        "reveal": None,
    }
    if q is not None:
        out["q"] = {
            "key": q.key, "kind": q.kind, "prompt": q.prompt, "open": q.open,
            # an ordering's items have no mark: the projector numbers them by their place
            "choices": [{"id": c.id, "text": c.text,
                         "mark": None if q.kind == "ordering" else list(CHOICE_MARKS[i % len(CHOICE_MARKS)])}
                        for i, c in enumerate(q.choices)],
            "estimate": None if q.estimate is None else {
                "min": q.estimate.min, "max": q.estimate.max, "step": q.estimate.step,
                "start": q.estimate.start, "unit": q.estimate.unit},
            "teams": list(q.teams),
            "mine_to_answer": seat_team is not None and seat_team in q.teams,
            "number": list(q.number),
        }
        if mine is not None:
            out["mine"] = {"choices": list(mine.choice_ids), "value": mine.value}
    r = state.reveal
    if r is not None and q is not None and r.key == q.key:
        res = r.teams.get(seat_team) if seat_team is not None else None
        out["reveal"] = {
            "right": list(r.right_ids), "answer": r.answer,
            "team": None if res is None else {"correct": res.correct, "choices": list(res.choice_ids),
                                              "value": res.value},
        }
    return out


def facilitator_json(state: PadState, tally: Tally | None) -> dict:
    """What the facilitator pad is told: the players' view of the state (no seat, no team) plus
    the notes, the right answer, the controls that apply, and per team how many pads answered
    out of how many (never who answered what) and whether the game holds its answer."""
    out = state_json(state, None, None)
    out["role"] = "admin"
    f = state.facilitator or FacilitatorInfo()
    q = state.question
    counts = {t.team: t for t in tally.teams} if tally is not None and q is not None and tally.key == q.key else {}
    out["fac"] = {
        "notes": f.notes, "debate": f.debate, "right": list(f.right_ids), "answer": f.answer,
        "paused": f.paused, "can": list(f.can), "next_prompt": f.next_prompt,
        "teams": [{"index": t, "answered": counts[t].answered if t in counts else 0,
                   "members": counts[t].seated if t in counts else 0,
                   "entered": t in f.entered, "keyed": t in f.keyed,
                   "tie": bool(counts[t].tie) if t in counts and t not in f.keyed else False}
                  for t in (q.teams if q is not None else ())],
        "spread": dict(tally.spread) if counts else {},
    }
    return out
