"""Classroom mode, for a facilitator at a projector: set-up, items answered by teams, debates,
scores without shaming, and a debrief. The screens draw a ``game.flow.classrun.ClassRun`` and
send it intents; they never score and never record.

  common.py    what the class screens share (team labels, button bands, the run's confirmation)
  setup.py     the class set-up and a team's name
  item.py      one item: header, buttons, the facilitator's input as intents, the run's events
  ask.py       the item while teams answer (answers, team chips, the estimate slider)
  reveal.py    the item revealed (each team's result, a situation's choices) and its debate
  overlays.py  the facilitator's keys (help), the pause menu, the scores
  debrief.py   the debrief's pages and a team's commitment

Teams are told apart by a name, a symbol and a colour (never the colour alone). The facilitator
enters each team's answer with the keys 1-4 or a click, or teams take turns; the facilitator
keys are listed in a help overlay (F1 or ?).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.classroom import Classroom
from game.flow.classrun import ClassRun, record_classroom
from game.scenes.classroom.common import end_class_game, strength_line, team_color
from game.scenes.classroom.debrief import DEBRIEF_PAGES, CommitScene, DebriefScene
from game.scenes.classroom.item import ClassItemScene, next_scene
from game.scenes.classroom.overlays import HELP_LINES, KEYS, ClassMenuScene, HelpScene, ScoresScene
from game.scenes.classroom.setup import ClassSetupScene, NameScene, start_class

if TYPE_CHECKING:
    from game.scenes.context import Context


def record_class(ctx: Context, game: ClassRun | Classroom, finished: bool) -> None:
    """Kept for callers of the first version: the game in the anonymous results (once)."""
    record_classroom(game.classroom if isinstance(game, ClassRun) else game, ctx.results, finished)


__all__ = [
    "DEBRIEF_PAGES", "HELP_LINES", "KEYS", "ClassItemScene", "ClassMenuScene", "ClassSetupScene", "CommitScene",
    "DebriefScene", "HelpScene", "NameScene", "ScoresScene", "end_class_game", "next_scene", "record_class",
    "start_class", "strength_line", "team_color",
]
