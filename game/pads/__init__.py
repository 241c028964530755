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
    for intent in server.poll_intents():      # Tally | Presence, oldest first
        if isinstance(intent, Tally):         # counts per team (never who answered what) and spread
            entered, tied = apply_tally(classroom, intent, keyed=teams_the_facilitator_keyed)
        elif isinstance(intent, Presence):    # seats and connected pads per team
            ...
    server.stats()                            # joined, resumed, accepted, duplicates, refused_<reason>
    server.stop()                             # closes every pad and the socket; joins the thread

``PadServer(wake=callback)`` calls ``callback()`` from the server's thread after each new intent
(e.g. to post a pygame event so a sleeping loop wakes up); with nothing happening, the server's
thread sleeps in ``select``.

Modules: ``protocol`` (messages, schema checks, majority; pure), ``room`` (room code, seats,
answers; pure), ``server`` (aiohttp in a thread), ``bridge`` (Classroom -> PadState, Tally ->
Classroom). The page itself is assets/pad/ (plain HTML, CSS and JS, no build step).
"""

from game.pads.bridge import apply_tally, pad_state, question_key
from game.pads.protocol import (
    CHOICE_MARKS, PadAnswer, PadState, Presence, QuestionInfo, RevealInfo, Tally, TeamInfo, TeamTally,
)
from game.pads.server import PadServer, lan_address

__all__ = [
    "CHOICE_MARKS", "PadAnswer", "PadServer", "PadState", "Presence", "QuestionInfo", "RevealInfo", "Tally",
    "TeamInfo", "TeamTally", "apply_tally", "lan_address", "pad_state", "question_key",
]
