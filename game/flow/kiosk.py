"""The kiosk's policy, without pygame: when an idle player is warned, when the game is wiped for
the next one, how the admin code is checked and locked, what a kiosk game is.

Every time is a plain number of seconds passed in by the caller (``now``), so a test drives the
policy with no window and no waiting. The screens (game/scenes/kiosk.py) show what it decides:
the warning with its countdown, the attract screen after a reset, the code pad's lock.

Intents: ``on_input(now)`` (any touch, key or button), ``tick(now, screen)`` (the screen on top is
one of ``SCREENS``), ``reset(now, reason)``, ``check_pin(typed, now)``. Events: ``IdleWarning``,
``WarningDismissed``, ``Reset``, ``PinAccepted``, ``PinRefused``, ``PinLocked``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.i18n import DEFAULT_LANGUAGE
from game.session import FULL_PATH

PIN_TRIES = 3
PIN_LOCK_SECONDS = 60.0
SESSION_LENGTH = "kiosk"  # 8 questions and 3 cards: 5 to 8 minutes (game/session.py's LENGTHS)
START_PATH = FULL_PATH  # a passer-by plays the full path: nothing to choose before the first question
# What is on top, as the policy sees it: « guarded » screens (the attract loop, the code pad, the
# admin screen) never time out; a game's results time out sooner than its items.
SCREENS = ("guarded", "play", "results")


@dataclass(frozen=True)
class Event:
    """Something the kiosk decided."""


@dataclass(frozen=True)
class IdleWarning(Event):
    deadline: float  # the game is wiped at this time unless someone touches the screen


@dataclass(frozen=True)
class WarningDismissed(Event):
    pass


@dataclass(frozen=True)
class Reset(Event):
    reason: str  # idle | admin | end
    language: str  # the language the attract screen speaks again


@dataclass(frozen=True)
class PinAccepted(Event):
    pass


@dataclass(frozen=True)
class PinRefused(Event):
    tries_left: int


@dataclass(frozen=True)
class PinLocked(Event):
    until: float


@dataclass(eq=False)
class KioskPolicy:
    idle_seconds: float
    results_idle_seconds: float
    countdown_seconds: float
    verify: Callable[[str], bool]  # the admin code's check (the policy never holds the code)
    last_input: float = 0.0
    warning_until: float | None = None  # an idle warning is up until then
    failed_pins: int = 0
    locked_until: float = 0.0
    resets: int = 0
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []

    @classmethod
    def from_settings(cls, settings, verify: Callable[[str], bool], now: float) -> KioskPolicy:  # noqa: ANN001
        """The policy a kiosk's settings ask for (``game.settings.Settings``)."""
        return cls(settings.kiosk_idle_seconds, settings.kiosk_results_idle_seconds,
                   settings.kiosk_countdown_seconds, verify, last_input=now)

    # -- events ------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._subscribers.append(listener)

    def emit(self, event: Event) -> None:
        self.events.append(event)
        for listener in list(self._subscribers):
            listener(event)

    # -- idle ----------------------------------------------------------------------------
    def idle_limit(self, screen: str) -> float:
        return self.results_idle_seconds if screen == "results" else self.idle_seconds

    def on_input(self, now: float) -> None:
        """Someone touched the kiosk: the idle time starts again, and a warning goes away."""
        self.last_input = now
        if self.warning_until is not None:
            self.warning_until = None
            self.emit(WarningDismissed())

    def tick(self, now: float, screen: str) -> Event | None:
        """Called every frame with what is on top: warns an idle player, then wipes the game
        when the countdown ends. Returns the event it emitted, if any."""
        if screen not in SCREENS:
            raise ValueError(f"unknown kiosk screen {screen!r}; expected one of {SCREENS}")
        if self.warning_until is not None:
            if now >= self.warning_until:
                return self.reset(now, "idle")
            return None
        if screen == "guarded":
            return None
        if now - self.last_input >= self.idle_limit(screen):
            self.warning_until = now + self.countdown_seconds
            event = IdleWarning(self.warning_until)
            self.emit(event)
            return event
        return None

    def remaining(self, now: float) -> int:
        """Whole seconds left on the warning's countdown (0 when none is up)."""
        if self.warning_until is None:
            return 0
        return max(0, int(self.warning_until - now + 0.999))

    def reset(self, now: float, reason: str = "end") -> Reset:
        """The game is wiped for the next player, in the default language."""
        self.warning_until = None
        self.last_input = now
        self.resets += 1
        event = Reset(reason, DEFAULT_LANGUAGE)
        self.emit(event)
        return event

    # -- the admin code -------------------------------------------------------------------
    def check_pin(self, typed: str, now: float) -> bool:
        """Three wrong codes lock the pad for a minute; even the right code waits for the end."""
        if now < self.locked_until:
            return False
        if self.verify(typed):
            self.failed_pins = 0
            self.emit(PinAccepted())
            return True
        self.failed_pins += 1
        if self.failed_pins >= PIN_TRIES:
            self.failed_pins = 0
            self.locked_until = now + PIN_LOCK_SECONDS
            self.emit(PinLocked(self.locked_until))
        else:
            self.emit(PinRefused(PIN_TRIES - self.failed_pins))
        return False

    def lock_remaining(self, now: float) -> int:
        return max(0, int(self.locked_until - now + 0.999))
