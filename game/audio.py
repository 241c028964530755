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


def synth_reward(streak: int = 0, volume: float = 0.22) -> bytes:
    """The reward after a right answer: a quick rising C-E-G arpeggio with a bell-like decay
    (a soft second harmonic), one note higher for a streak. About a third of a second."""
    notes = [523.25, 659.25, 783.99] + ([1046.5] if streak >= 2 else [])
    samples = array("h")
    attack = max(1, int(RATE * 0.004))
    for k, freq in enumerate(notes):
        last = k == len(notes) - 1
        n = int(RATE * (0.22 if last else 0.07))
        for i in range(n):
            t = i / RATE
            env = min(1.0, i / attack) * math.exp(-t * (9.0 if last else 22.0)) * min(1.0, (n - i) / attack)
            wave = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
            samples.append(int(32767 * volume * env * wave / 1.3))
    return samples.tobytes()


# name -> a function making the whole buffer (sounds more than a list of plain tones).
BUFFERS = {"reward": synth_reward, "streak": lambda: synth_reward(streak=3)}


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
        if not self.enabled or (name not in TONES and name not in BUFFERS) or not self._open():
            return
        sound = self._sounds.get(name)
        if sound is None:
            try:
                sound = pygame.mixer.Sound(buffer=BUFFERS[name]() if name in BUFFERS else synth(TONES[name]))
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
