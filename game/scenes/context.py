"""What a scene may use of the application: the small context it is handed instead of the App.

``App`` implements ``Context``; tests may hand a scene any object with the same members. A scene
draws with ``renderer`` and ``palette``, reads ``content`` and ``settings``, and moves between
screens only through the navigation below, never by importing ``game.app``.

The scene stack's lifecycle (driven by ``push``, ``pop``, ``replace``, ``reset_to``):

  push(s)      the top scene gets pause(), then s gets enter()
  pop()        the top scene gets exit(), the one under it resume()
  replace(s)   the top scene gets exit(), s gets enter()   (the next item of a session)
  reset_to(s)  every scene gets exit(), top first, then s gets enter()   (end of a session)
  home()       reset_to the first screen: the title, or a kiosk's attract screen (session wiped)

A screen of another module that a scene must not import (one of another mode, or one that imports
the scene itself) is built by name: ``ctx.make("class_setup")``; the app keeps the registry of
names (``SCENE_NAMES`` lists them).

This module imports nothing of the game at run time: every module may depend on it.
Keep it stable: add members, do not rename them (other modules are written against it).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # types only: nothing here imports a scene, so no cycle goes through this module
    import pygame

    from game.audio import Audio
    from game.content.loader import Content
    from game.settings import Settings, SettingsStore
    from game.speech import Speaker
    from game.storage import ResultsStore
    from game.ui.layout import Metrics
    from game.ui.text import TextRenderer
    from game.ui.theme import Palette

# The names ``Context.make`` knows, and what each builds (positional arguments after the context).
SCENE_NAMES = {
    "title": "the title screen",
    "themes": "the theme choice (selected=(), on_done=None)",
    "theme_intro": "a theme's introduction (themes)",
    "settings": "the accessibility settings",
    "sources": "the sources screen",
    "today": "today's figures",
    "pause": "the pause overlay",
    "confirm": "a yes / no overlay (question msgid, on_yes)",
    "career": "a career's sheet (career_id)",
    "question": "a solo question (play, question)",
    "scenario": "a solo scenario card (play, scenario)",
    "results": "the solo results (play)",
    "attract": "the kiosk's attract screen",
    "idle": "the kiosk's idle warning (deadline)",
    "pin": "the kiosk's admin code pad",
    "admin": "the kiosk's admin screen",
    "class_setup": "the class set-up",
    "measure": "the pre/post measure's screen for its flow's step (flow, done, keep); None at the game or the progress",
}


class Screen(Protocol):
    """What the scene stack needs of a scene (``game.scenes.base.Scene`` is one)."""

    transparent: bool
    name: str

    def enter(self) -> None: ...
    def exit(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def handle(self, intent: Any) -> None: ...
    def update(self, dt: float) -> bool: ...
    def draw(self, surface: pygame.Surface) -> None: ...

    def abandon(self) -> bool:
        """Record the game this screen shows as abandoned; True when it shows one (the search stops)."""
        ...


class KioskGate(Protocol):
    """What the screens see of a kiosk (``game.scenes.kiosk.KioskController``)."""

    def on_input(self) -> None: ...
    def reset(self) -> None: ...


class Navigation(Protocol):
    """The scene stack, with its lifecycle (see the module's docstring)."""

    stack: Sequence[Screen]  # bottom first; change it only through the methods below

    @property
    def top(self) -> Screen | None: ...

    def push(self, scene: Screen) -> None: ...
    def pop(self) -> Screen | None: ...
    def replace(self, scene: Screen) -> None: ...
    def reset_to(self, scene: Screen) -> None: ...
    def home(self) -> None: ...
    def open_settings(self) -> None: ...
    def quit(self, force: bool = False) -> None: ...
    def make(self, name: str, *args: Any, **kwargs: Any) -> Screen: ...

    def abandon_current(self) -> None:
        """The game on the stack, if any, is kept in the results as abandoned."""
        ...


class Context(Navigation, Protocol):
    """Everything a scene is handed. ``i18n`` is the translator in use (``game.i18n``: ``_``,
    ``ngettext``, number formats), in the language that ``set_language`` switches; scenes may as
    well import those functions from ``game.i18n`` (pygame-free, no cycle)."""

    # Drawing and layout
    renderer: TextRenderer
    palette: Palette

    def metrics_for(self, size: tuple[int, int]) -> Metrics: ...
    def layout_key(self) -> tuple: ...
    def surface_size(self) -> tuple[int, int]: ...
    def request_redraw(self) -> None: ...

    @property
    def animations(self) -> bool: ...

    # Content, language, preferences
    i18n: ModuleType
    content: Content
    language: str
    settings: Settings
    store: SettingsStore | None  # None: nothing is saved (tests, autoplay)

    def apply_settings(self, settings: Settings, save: bool = True) -> None: ...
    def set_language(self, lang: str) -> str: ...

    # Sound and speech
    audio: Audio
    speaker: Speaker

    def speak(self, text: str) -> None: ...

    # Time, chance, results, modes
    rng: Any  # random.Random: a session's seed is drawn from it
    results: ResultsStore | None  # None: results are not kept
    kiosk: KioskGate | None  # None: not a kiosk
    class_config: Any  # the last class set-up (team names in memory only), or None
    # The facilitator's own window on a second screen (game.scenes.classroom.console), or None.
    # While it is open the projector shows the public view: the controls are on that window.
    console: Any

    def screen_count(self) -> int:
        """How many screens the computer has (the facilitator's window needs two)."""
        ...

    def now(self) -> float: ...
