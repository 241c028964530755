"""Short sounds made by code; the audio device is opened only when the first one plays.

With no sound card (or SDL_AUDIODRIVER unusable) the game simply stays silent: sound
never carries information that is not also on screen.
"""

from __future__ import annotations

import logging
import math
from array import array

import pygame

log = logging.getLogger(__name__)

RATE = 22050

# name -> list of (frequency Hz, duration s): a gentle rising pair, or a soft low note.
TONES = {
    "right": [(660.0, 0.09), (880.0, 0.14)],
    "wrong": [(330.0, 0.18)],
    "choice": [(520.0, 0.08)],
}


def synth(notes: list[tuple[float, float]], volume: float = 0.25) -> bytes:
    """16-bit mono PCM with a short fade in and out (no clicks)."""
    samples = array("h")
    for freq, dur in notes:
        n = int(RATE * dur)
        fade = max(1, int(RATE * 0.01))
        for i in range(n):
            env = min(1.0, i / fade, (n - i) / fade)
            samples.append(int(32767 * volume * env * math.sin(2 * math.pi * freq * i / RATE)))
    return samples.tobytes()


class Audio:
    def __init__(self, enabled: bool = True, volume: float = 0.6) -> None:
        self.enabled = enabled
        self.volume = volume
        self.available: bool | None = None  # unknown until the first sound
        self._sounds: dict[str, pygame.mixer.Sound] = {}

    def _open(self) -> bool:
        if self.available is None:
            try:
                pygame.mixer.init(frequency=RATE, size=-16, channels=1)
                self.available = True
            except pygame.error as exc:
                log.info("no audio device, playing silently: %s", exc)
                self.available = False
        return self.available

    def play(self, name: str) -> None:
        if not self.enabled or name not in TONES or not self._open():
            return
        sound = self._sounds.get(name)
        if sound is None:
            try:
                sound = pygame.mixer.Sound(buffer=synth(TONES[name]))
            except pygame.error as exc:
                log.info("sound %s unavailable: %s", name, exc)
                return
            self._sounds[name] = sound
        sound.set_volume(self.volume)
        sound.play()

    def close(self) -> None:
        if self.available:
            pygame.mixer.quit()
        self._sounds.clear()
        self.available = None
