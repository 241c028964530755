"""Numérique en jeu: a serious game and quiz about responsible digital technology."""

__version__ = "0.1.0"

import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout clean for autoplay's JSON
