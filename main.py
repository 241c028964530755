"""Numérique en jeu: ``python main.py [options] [play|validate|autoplay]``."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
