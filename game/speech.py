"""Read aloud (self-voicing) with espeak-ng, when it is installed.

Each new utterance stops the one before. Without espeak-ng the option says so and does
nothing else: nothing the game shows depends on it.
"""

from __future__ import annotations

import logging
import shutil
import subprocess

log = logging.getLogger(__name__)

VOICES = {"fr": "fr", "en": "en-gb"}


class Speaker:
    def __init__(self, command: str | None = None) -> None:
        self.command = command if command is not None else shutil.which("espeak-ng")
        self._proc: subprocess.Popen | None = None
        self.spoken: list[str] = []  # what was said, for tests and the benchmark

    @property
    def available(self) -> bool:
        return bool(self.command)

    def say(self, text: str, lang: str) -> None:
        self.stop()
        text = " ".join(text.split())
        if not text or not self.available:
            return
        self.spoken.append(text)
        try:
            self._proc = subprocess.Popen(  # noqa: S603 - a fixed program, the text as one argument
                [self.command, "-v", VOICES.get(lang, lang), "-s", "150", "--", text],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            log.warning("espeak-ng failed (%s): read aloud turned off", exc)
            self.command = None

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
        self._proc = None
