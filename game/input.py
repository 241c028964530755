"""The only place that reads raw pygame events: it turns them into intents.

Keyboard, mouse, touch and gamepad are small separate handlers; scenes only see
``Intent`` values, so every screen plays the same with each device alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pygame

# Intent kinds
NEXT = "next"  # move focus forward (Tab)
PREV = "prev"  # move focus back (Shift+Tab)
UP, DOWN, LEFT, RIGHT = "up", "down", "left", "right"
FIRST, LAST = "first", "last"  # to an end of a list (an ordering's row): Ctrl+Up / Home, Ctrl+Down / End
CONFIRM = "confirm"
BACK = "back"
PICK = "pick"  # choose answer number ``index`` directly (keys 1-4)
POINTER_DOWN = "pointer_down"
POINTER_MOVE = "pointer_move"
POINTER_UP = "pointer_up"
RESIZE = "resize"
QUIT = "quit"
FULLSCREEN = "fullscreen"
DIGIT = "digit"  # a digit key, for the PIN pad: index = 0..9
ADMIN = "admin"  # the kiosk admin gesture: Ctrl+Alt+A, or the top-left corner held 5 seconds
SCROLL = "scroll"  # move a page taller than the window: index = +1 down, -1 up
SETTINGS = "settings"  # open the accessibility settings from anywhere (Shift+A)
REDRAW = "redraw"  # the window was exposed: nothing changed, but the picture must be shown again
TEXT = "text"  # typed text (a team name, a facilitator's key): ``text``
ERASE = "erase"  # Backspace: remove the last typed character
HELP = "help"  # F1 or ?: the keys of the screen
PADS = "pads"  # the class's answer pads sent something: the class screen reads the pad server
CLOSE = "close"  # a window's close button (the facilitator's window: it closes; the game's: QUIT follows)


@dataclass(frozen=True)
class Intent:
    kind: str
    device: str = "keyboard"
    pos: tuple[int, int] | None = None
    index: int | None = None
    pressed: bool = False  # for POINTER_MOVE: a button or finger is down (a drag)
    text: str = ""  # TEXT: what was typed; CONFIRM from the space bar: " "
    window: int = 0  # the SDL id of the window the event came from; 0: the game's own (or not known)


_KEY_DIRECTIONS = {
    pygame.K_UP: UP,
    pygame.K_DOWN: DOWN,
    pygame.K_LEFT: LEFT,
    pygame.K_RIGHT: RIGHT,
}
_KEY_PICKS = {
    pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
    pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3,
}
_CONFIRM_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
_BACK_KEYS = (pygame.K_ESCAPE, pygame.K_AC_BACK)

_KEY_DIGITS = {getattr(pygame, f"K_{d}"): d for d in range(10)} | {getattr(pygame, f"K_KP{d}"): d for d in range(10)}
ADMIN_CORNER = 80  # px: the square of the top-left corner a kiosk admin holds
ADMIN_HOLD_SECONDS = 5.0

# Xbox-style layout, as SDL reports most pads through the joystick API.
PAD_A, PAD_B, PAD_START = 0, 1, 7
AXIS_THRESHOLD = 0.6


# -- the pad server's wake-up (game.pads): a pygame event posted from the server's thread -------
_pads_event: list[int] = []  # the event type, registered on first use (not at import)
_pads_pending = threading.Event()  # one wake-up event in the queue at a time, however many answers


def pads_event_type() -> int:
    if not _pads_event:
        _pads_event.append(pygame.event.custom_type())
    return _pads_event[0]


def wake_for_pads() -> None:
    """The pad server's ``wake`` callback (any thread: pygame.event.post is thread-safe): the
    sleeping loop gets an event, translated into a PADS intent. Never raises."""
    if _pads_pending.is_set():
        return
    _pads_pending.set()
    try:
        pygame.event.post(pygame.event.Event(pads_event_type()))
    except pygame.error:  # no display (yet): the class screen reads the server each frame anyway
        _pads_pending.clear()


class InputMapper:
    """Stateful translation of raw events (stick edges, window size for touch)."""

    def __init__(self, window_size: tuple[int, int], clock=None) -> None:  # noqa: ANN001
        import time

        self.window_size = window_size
        self.clock = clock or time.monotonic
        self._axis_state: dict[tuple[int, int], int] = {}
        self._joysticks: dict[int, object] = {}
        self._corner_since: float | None = None
        self.window_sizes: dict[int, tuple[int, int]] = {}  # other windows than the game's (touch scaling)

    def poll(self) -> list[Intent]:
        """Intents that come from time passing: the admin corner held long enough."""
        if self._corner_since is not None and self.clock() - self._corner_since >= ADMIN_HOLD_SECONDS:
            self._corner_since = None
            return [Intent(ADMIN, "touch")]
        return []

    def _corner(self, intent: Intent) -> None:
        if intent.kind == POINTER_DOWN and intent.pos and max(intent.pos) < ADMIN_CORNER:
            self._corner_since = self.clock()
        elif intent.kind == POINTER_UP or (intent.kind == POINTER_MOVE and intent.pos
                                           and max(intent.pos) >= ADMIN_CORNER):
            self._corner_since = None

    def translate(self, event: pygame.event.Event) -> list[Intent]:
        """The intents of ``event``; those of another window than the game's carry its id."""
        window = getattr(event, "window", None)
        wid = getattr(window, "id", 0) if window is not None else 0
        if wid and wid in self.window_sizes:
            if event.type == pygame.WINDOWSIZECHANGED:
                self.window_sizes[wid] = (event.x, event.y)
            return [Intent(i.kind, i.device, i.pos, i.index, i.pressed, i.text, wid) for i in self._translate(event, wid)]
        return self._translate(event, 0)

    def _translate(self, event: pygame.event.Event, wid: int) -> list[Intent]:
        t = event.type
        if _pads_event and t == _pads_event[0]:
            _pads_pending.clear()
            return [Intent(PADS, "pads")]
        if t == pygame.QUIT:
            return [Intent(QUIT, "window")]
        if t == pygame.WINDOWCLOSE:
            return [Intent(CLOSE, "window")]
        if t in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            size = (event.w, event.h) if t == pygame.VIDEORESIZE else (event.x, event.y)
            if not wid:
                self.window_size = size
            return [Intent(RESIZE, "window", pos=size)]
        if t in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            return [Intent(REDRAW, "window")]
        if t == pygame.KEYDOWN:
            return self._key(event)
        if t == pygame.TEXTINPUT:
            if event.text == "?":
                return [Intent(HELP), Intent(TEXT, text=event.text)]
            return [Intent(TEXT, text=event.text)] if event.text.isprintable() else []
        if t == pygame.MOUSEWHEEL:
            return [Intent(SCROLL, "mouse", index=-1 if event.y > 0 else 1)] if event.y else []
        if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            intents = self._mouse(event)
            for i in intents if not wid else ():  # the kiosk's admin corner: the game's window only
                self._corner(i)
            return intents
        if t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            intents = self._touch(event, self.window_sizes.get(wid, self.window_size))
            for i in intents if not wid else ():
                self._corner(i)
            return intents
        if t in (pygame.JOYBUTTONDOWN, pygame.JOYHATMOTION, pygame.JOYAXISMOTION):
            return self._pad(event)
        if t == pygame.JOYDEVICEADDED:
            self._open_joystick(event.device_index)
        elif t == pygame.JOYDEVICEREMOVED:
            self._joysticks.pop(event.instance_id, None)
        return []

    # -- keyboard -------------------------------------------------------------------
    def _key(self, event: pygame.event.Event) -> list[Intent]:
        key, mods = event.key, event.mod
        if key == pygame.K_a and mods & pygame.KMOD_SHIFT:
            return [Intent(SETTINGS)]
        if key == pygame.K_TAB:
            return [Intent(PREV if mods & pygame.KMOD_SHIFT else NEXT)]
        if key in (pygame.K_HOME, pygame.K_END) or (key in (pygame.K_UP, pygame.K_DOWN) and mods & pygame.KMOD_CTRL):
            return [Intent(FIRST if key in (pygame.K_HOME, pygame.K_UP) else LAST)]
        if key in _KEY_DIRECTIONS:
            return [Intent(_KEY_DIRECTIONS[key])]
        if key in _CONFIRM_KEYS:
            return [Intent(CONFIRM, text=" " if key == pygame.K_SPACE else "")]
        if key == pygame.K_F1:
            return [Intent(HELP)]
        if key == pygame.K_BACKSPACE:
            return [Intent(ERASE)]
        if key in _BACK_KEYS:
            return [Intent(BACK)]
        if key == pygame.K_a and mods & pygame.KMOD_CTRL and mods & pygame.KMOD_ALT:
            return [Intent(ADMIN)]
        if key in _KEY_DIGITS and not mods & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            digit = Intent(DIGIT, index=_KEY_DIGITS[key])
            return [Intent(PICK, index=_KEY_PICKS[key]), digit] if key in _KEY_PICKS else [digit]
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return [Intent(SCROLL, index=1 if key == pygame.K_PAGEDOWN else -1)]
        if key == pygame.K_F11 or (key == pygame.K_RETURN and mods & pygame.KMOD_ALT):
            return [Intent(FULLSCREEN)]
        return []

    # -- mouse ----------------------------------------------------------------------
    def _mouse(self, event: pygame.event.Event) -> list[Intent]:
        if getattr(event, "touch", False):
            return []  # SDL's copy of a touch: the finger events already said it
        if event.type == pygame.MOUSEMOTION:
            if tuple(getattr(event, "rel", (1, 1))) == (0, 0) and not event.buttons[0]:
                # SDL's own report of where a still pointer is (the window opened or was entered
                # under it): not a player's move, so it must not take the focus from the keyboard.
                return []
            return [Intent(POINTER_MOVE, "mouse", pos=event.pos, pressed=bool(event.buttons[0]))]
        if event.button != 1:
            return []
        kind = POINTER_DOWN if event.type == pygame.MOUSEBUTTONDOWN else POINTER_UP
        return [Intent(kind, "mouse", pos=event.pos)]

    # -- touch ----------------------------------------------------------------------
    def _touch(self, event: pygame.event.Event, size: tuple[int, int]) -> list[Intent]:
        w, h = size
        pos = (min(w - 1, max(0, int(event.x * w))), min(h - 1, max(0, int(event.y * h))))
        if event.type == pygame.FINGERDOWN:
            return [Intent(POINTER_DOWN, "touch", pos=pos)]
        if event.type == pygame.FINGERUP:
            return [Intent(POINTER_UP, "touch", pos=pos)]
        return [Intent(POINTER_MOVE, "touch", pos=pos, pressed=True)]

    # -- gamepad --------------------------------------------------------------------
    def _open_joystick(self, index: int) -> None:
        try:
            stick = pygame.joystick.Joystick(index)
            self._joysticks[stick.get_instance_id()] = stick
        except pygame.error:
            pass

    def _pad(self, event: pygame.event.Event) -> list[Intent]:
        if event.type == pygame.JOYBUTTONDOWN:
            if event.button == PAD_A:
                return [Intent(CONFIRM, "gamepad")]
            if event.button in (PAD_B, PAD_START):
                return [Intent(BACK, "gamepad")]
            return []
        if event.type == pygame.JOYHATMOTION:
            x, y = event.value
            if y == 1:
                return [Intent(UP, "gamepad")]
            if y == -1:
                return [Intent(DOWN, "gamepad")]
            if x == -1:
                return [Intent(LEFT, "gamepad")]
            if x == 1:
                return [Intent(RIGHT, "gamepad")]
            return []
        # Stick: one intent when it crosses the threshold, none while it stays there.
        key = (event.instance_id, event.axis)
        direction = 1 if event.value > AXIS_THRESHOLD else -1 if event.value < -AXIS_THRESHOLD else 0
        if self._axis_state.get(key, 0) == direction:
            return []
        self._axis_state[key] = direction
        if direction == 0 or event.axis > 1:
            return []
        if event.axis == 0:
            return [Intent(RIGHT if direction > 0 else LEFT, "gamepad")]
        return [Intent(DOWN if direction > 0 else UP, "gamepad")]
