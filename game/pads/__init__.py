"""Answer pads: the class plays from its own phones over the room's network (issue 17).

The game runs a small HTTP + WebSocket server (aiohttp) in its own thread; the players' devices
open the pad page it serves, join with the room code, get a seat (a friendly generated name, a
team) and answer the question on the projector. The game and the server share nothing but two
thread-safe channels: the game *publishes* its state, and *polls* intents.

Bridge API (what the class scene calls; every call returns at once)::

    from game.pads import PadServer, pad_state, apply_tally, lan_address

    server = PadServer()                      # a room code drawn with ``secrets`` (or PadServer("K7M2QX"))
    host, port = server.start(lan_address(), 8765)   # tests: start("127.0.0.1", 0); OSError if taken
    server.url                                # "http://192.168.1.20:8765/#K7M2QX": for the QR code
    server.room_code                          # to show in big type beside it

    # each frame if you like: a state equal to the last one is dropped before it leaves the game's thread
    server.publish(pad_state(classroom, lang="fr", team_mode="auto", colors=palette.teams))
    for intent in server.poll_intents():      # Tally | Presence | Control, oldest first
        if isinstance(intent, Tally):         # counts per team (never who answered what) and spread
            entered, tied = apply_tally(classroom, intent, keyed=teams_the_facilitator_keyed)
        elif isinstance(intent, Presence):    # seats and connected pads per team
            ...
    server.stats()                            # joined, resumed, accepted, duplicates, refused_<reason>
    server.stop()                             # closes every pad and the socket; joins the thread

Or, simpler for the views, a :class:`PadBoard` keeps the latest tally and presence::

    board = PadBoard()
    server.publish(pad_state(classroom, lang, team_mode, colors, keyed=keyed, paused=paused))
    entered, tied = board.take(classroom, server.poll_intents(), keyed=keyed)
    board.counts(classroom, keyed)            # {team: TeamCount(answered, members, entered, keyed, tie)}
    board.spread(classroom)                   # {choice id: pads} in the projector's order (reveal)
    team_spread(classroom)                    # {choice id: teams}, pad teams and keyed teams alike
    board.controls                            # Control(action, key) from the facilitator pad; check
                                              # key == question_key(classroom), then empty the list

The facilitator pad: ``server.admin_url`` (room code and facilitator code) and
``server.admin_code``, shown only on the facilitator's own screen; a pad that opens it gets the
notes, the right answer, the counts and the controls (reveal, next, pause, resume). The join QR
code: ``game.pads.qr.qr_matrix(server.url)`` drawn by ``game.ui.qr.qr_surface(matrix, module)``.

``PadServer(wake=callback)`` calls ``callback()`` from the server's thread after each new intent
(e.g. to post a pygame event so a sleeping loop wakes up); with nothing happening, the server's
thread sleeps in ``select``.

Modules: ``protocol`` (messages, schema checks, majority; pure), ``room`` (room code, seats,
answers; pure), ``server`` (aiohttp in a thread), ``bridge`` (Classroom -> PadState, Tally ->
Classroom). The page itself is assets/pad/ (plain HTML, CSS and JS, no build step).
"""

from game.pads.bridge import (
    PadBoard, TeamCount, answered_counts, apply_tally, pad_state, question_key, spread, team_spread,
)
from game.pads.protocol import (
    CHOICE_MARKS, CONTROLS, Control, FacilitatorInfo, PadAnswer, PadState, Presence, QuestionInfo, RevealInfo,
    Tally, TeamInfo, TeamTally,
)

# The server (aiohttp, about 19 MiB and 0.3 s) loads only when a room opens: the class screens
# import this package for its pure parts (marks, spread, QR), and a class game without phones, the
# autoplay and the benchmark never need it. For memory and start-up speed, not a cycle.
_LAZY = {"PadServer", "lan_address"}


def __getattr__(name: str):  # noqa: ANN202 - PEP 562: game.pads.PadServer on first use
    if name in _LAZY:
        from game.pads import server  # lazy for memory/start-up, see _LAZY

        return getattr(server, name)
    raise AttributeError(f"module 'game.pads' has no attribute {name!r}")


__all__ = [
    "CHOICE_MARKS", "CONTROLS", "Control", "FacilitatorInfo", "PadAnswer", "PadBoard", "PadServer", "PadState",
    "Presence", "QuestionInfo", "RevealInfo", "Tally", "TeamCount", "TeamInfo", "TeamTally", "answered_counts",
    "apply_tally", "lan_address", "pad_state", "question_key", "spread", "team_spread",
]
