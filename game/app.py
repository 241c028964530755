"""The application: display, the scene stack, and a sober main loop.

``App`` implements ``game.scenes.context.Context``: the scenes get it as their context and use
only what that protocol names; no scene imports this module. The app keeps the registry of scene
names that ``make`` builds (``_scene_types``).

The loop draws only when something changed or animates, and otherwise sleeps
(at most 10 wake-ups a second). Only the display and
font modules are initialised; the audio device is opened by ``Audio`` on the first sound.
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game import i18n
from game import input as inp
from game.audio import Audio
from game.content.loader import Content
from game.content.translate import apply
from game.scenes.base import Scene
from game.scenes.context import Screen
from game.scenes.kiosk import AdminScene, AttractScene, IdleScene, PinScene
from game.scenes.measure import measure_scene
from game.scenes.overlays import CareerScene, ConfirmScene, PauseScene
from game.scenes.question import QuestionScene
from game.scenes.results import ResultsScene
from game.scenes.scenario import ScenarioScene
from game.scenes.settings import SettingsScene
from game.scenes.sources import SourcesScene
from game.scenes.themes import ThemeIntroScene, ThemeScene
from game.scenes.title import TitleScene
from game.scenes.today import TodayScene
from game.ui.layout import Metrics, metrics_for
from game.settings import Settings, SettingsStore
from game.speech import Speaker
from game.ui.text import BOLD, DYSLEXIA_BOLD, DYSLEXIA_REGULAR, FONT_DIR, REGULAR, FontBook, TextRenderer
from game.ui.theme import DEFAULT, HIGH_CONTRAST, Palette

log = logging.getLogger(__name__)

IDLE_WAIT_MS = 100  # ≤ 10 wake-ups per second on a static screen
ANIMATION_FPS = 60
RESPONSIVE_SECONDS = 1.0  # stay at 60 Hz this long after an input (typing, dragging)
MIN_WINDOW = (320, 240)


def _class_setup(ctx: App, *args: object, **kwargs: object) -> Screen:
    # Imported here for start-up speed, not to dodge a cycle (the class screens never import the
    # app): they bring the pads' web server (aiohttp), about 0.3 s and 15 MiB a solo game or a
    # kiosk never needs.
    from game.scenes.classroom import ClassSetupScene

    return ClassSetupScene(ctx, *args, **kwargs)


def scene_types() -> dict[str, Callable[..., Screen]]:
    """The registry behind ``App.make``: each name of ``context.SCENE_NAMES`` and what builds it."""
    return {
        "title": TitleScene, "themes": ThemeScene, "theme_intro": ThemeIntroScene, "settings": SettingsScene,
        "sources": SourcesScene, "today": TodayScene, "pause": PauseScene, "confirm": ConfirmScene,
        "career": CareerScene, "question": QuestionScene, "scenario": ScenarioScene, "results": ResultsScene,
        "attract": AttractScene, "idle": IdleScene, "pin": PinScene, "admin": AdminScene,
        "class_setup": _class_setup, "measure": measure_scene,
    }


class App:
    """Implements ``Context`` (checked by tests/test_layers.py)."""

    def __init__(
        self,
        content: Content,
        *,
        size: tuple[int, int] = (1280, 720),
        fullscreen: bool = False,
        seed: int | None = None,
        sound: bool = True,
        font_dir: Path | None = None,
    ) -> None:
        self.base_content = content  # French, as loaded
        self.content = content  # in self.language: French until set_language says otherwise
        self._contents: dict[str, Content] = {i18n.DEFAULT_LANGUAGE: content}
        self.language = i18n.DEFAULT_LANGUAGE
        self.requested_size = size
        self.fullscreen = fullscreen
        self.rng = random.Random(seed)
        self.seed = seed
        self.palette: Palette = DEFAULT
        self.text_scale = 1.0
        self.font_dir = font_dir
        self.fonts = FontBook(font_dir) if font_dir else FontBook()
        self.renderer = TextRenderer(self.fonts)
        self.audio = Audio(enabled=sound)
        self.sound_allowed = sound  # --no-sound wins over the settings
        self.settings = Settings()
        self.store: SettingsStore | None = None  # None: nothing is saved (tests, autoplay)
        self.speaker = Speaker()
        self.kiosk = None  # a KioskController in kiosk mode
        self.class_config = None  # the last classroom set-up (team names: memory only)
        self.results = None  # a ResultsStore when results are kept
        self.console = None  # the facilitator's window on a second screen, during a class game
        self._console_declined = None  # the class run whose facilitator's window was closed by hand
        self.screens: int | None = None  # how many screens to assume (autoplay --console); None: SDL's count
        self.clock = time.monotonic  # injectable: tests drive idle timers without waiting
        self.stack: list[Scene] = []
        self.screen: pygame.Surface | None = None
        self.mapper = inp.InputMapper(size, clock=lambda: self.clock())
        self.running = False
        self._dirty = True
        self.frames_drawn = 0
        self.wakeups = 0
        self.on_frame = None  # hook: called after each frame is shown (autoplay, benchmark)
        self.after_first_frame: list = []  # work that can wait until the player sees something
        self.i18n = i18n
        # The interface and the content start in the same language: the process's (--lang, NEJ_LANG,
        # the system locale), never English menus over French questions.
        if i18n.current_language() != self.language:
            self.set_language(i18n.current_language())

    # -- display -----------------------------------------------------------------------
    def open_window(self) -> pygame.Surface:
        pygame.display.init()
        pygame.font.init()
        try:
            pygame.joystick.init()  # gamepad events; cheap, and no device is opened until one appears
        except pygame.error:
            pass
        pygame.display.set_caption("Numérique en jeu")
        self.screen = self._set_mode(self.requested_size)
        pygame.key.set_repeat(400, 60)
        return self.screen

    def _set_mode(self, size: tuple[int, int]) -> pygame.Surface:
        if self.fullscreen:
            surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            size = (max(MIN_WINDOW[0], size[0]), max(MIN_WINDOW[1], size[1]))
            surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.mapper.window_size = surface.get_size()
        self.request_redraw()
        return surface

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.screen = self._set_mode(self.requested_size)

    def surface_size(self) -> tuple[int, int]:
        return self.screen.get_size() if self.screen is not None else self.requested_size

    def metrics_for(self, size: tuple[int, int]) -> Metrics:
        return metrics_for(size, self.text_scale)

    def layout_key(self) -> tuple:
        """Anything that changes layout for every scene (settings, language) goes here."""
        return (self.text_scale, self.palette, self.renderer.line_spacing, self.language,
                self.settings.dyslexia_font)

    def apply_settings(self, settings: Settings, save: bool = True) -> None:
        """Apply preferences at once (every scene lays itself out again) and save them."""
        old = self.settings
        self.settings = settings
        self.text_scale = settings.text_scale
        self.renderer.line_spacing = settings.line_spacing
        self.palette = HIGH_CONTRAST if settings.high_contrast else DEFAULT
        if settings.dyslexia_font != old.dyslexia_font or self.fonts is None:
            names = (DYSLEXIA_REGULAR, DYSLEXIA_BOLD) if settings.dyslexia_font else (REGULAR, BOLD)
            self.fonts = FontBook(self.font_dir or FONT_DIR, *names)
            self.renderer.fonts = self.fonts
            self.renderer.clear()
        self.audio.enabled = settings.sound and self.sound_allowed
        self.audio.volume = settings.volume
        if not settings.read_aloud:
            self.speaker.stop()
        if settings.language != self.language:
            self.set_language(settings.language)
        if save and self.store is not None:
            self.store.save(settings)
        self.request_redraw()

    def speak(self, text: str) -> None:
        """Say ``text`` when read aloud is on (the previous utterance stops)."""
        if self.settings.read_aloud and text.strip():
            self.speaker.say(text, self.language)

    @property
    def animations(self) -> bool:
        return not self.settings.reduced_motion

    def set_language(self, lang: str) -> str:
        """Switch the interface and the content at run time; the session, keyed by ids, goes on."""
        lang = i18n.set_language(lang)
        if self.settings.language != lang:
            self.settings = self.settings.with_value("language", lang)
            if self.store is not None:
                self.store.save(self.settings)
        if lang not in self._contents:
            self._contents[lang] = apply(self.base_content, lang)
        self.content = self._contents[lang]
        self.language = lang
        self.request_redraw()
        return lang

    # -- scene stack --------------------------------------------------------------------
    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].pause()
        self.stack.append(scene)
        scene.enter()
        self.request_redraw()

    def pop(self) -> Scene | None:
        if not self.stack:
            return None
        scene = self.stack.pop()
        scene.exit()
        if self.stack:
            self.stack[-1].resume()
        self.request_redraw()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene (the next item of a session)."""
        if self.stack:
            self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter()
        self.request_redraw()

    def reset_to(self, scene: Scene) -> None:
        """Clear the whole stack (end of session) and start again from ``scene``."""
        while self.stack:
            self.stack.pop().exit()
        self.push(scene)

    def open_settings(self) -> None:
        if not isinstance(self.top, SettingsScene):
            self.push(SettingsScene(self))

    def make(self, name: str, *args: object, **kwargs: object) -> Screen:
        """A new scene by its name (``context.SCENE_NAMES``), for a scene that must not import it."""
        return scene_types()[name](self, *args, **kwargs)

    def abandon_current(self) -> None:
        """The game on the stack, if any, is kept in the results as abandoned (once)."""
        for scene in self.stack:
            if scene.abandon():
                return

    def screen_count(self) -> int:
        if self.screens is not None:
            return self.screens
        return pygame.display.get_num_displays() if pygame.display.get_init() else 1

    def _sync_console(self) -> None:
        """Open the facilitator's window when a class game on the stack asks for it, close it once
        none does (the game over, abandoned, back to the title) or its own close button was used."""
        from game.scenes.classroom import console  # a class game was set up: cheap by now

        run = console.wanted(self.stack, self.screen_count)
        if run is not None and run is self._console_declined:
            run = None
        if self.console is not None and (run is None or self.console.closed):
            if self.console.closed:
                self._console_declined = self.console.run  # closed by hand: not again for this game
            self.console.close()
            self.console = None
            self.request_redraw()  # the projector's public view gives its controls back
        elif self.console is None and run is not None and self.screen is not None:
            self.console = console.Console.open(self, run)
            self.request_redraw()

    def request_redraw(self) -> None:
        self._dirty = True

    def now(self) -> float:
        return self.clock()

    def quit(self, force: bool = False) -> None:
        """Leave the game; a kiosk ignores every way out but its admin screen's."""
        if self.kiosk is not None and not force:
            return
        self.abandon_current()
        self.running = False

    def home(self) -> None:
        """Back to the first screen: the title, or a kiosk's attract screen (session wiped)."""
        if self.kiosk is not None:
            self.kiosk.reset()
            return
        self.reset_to(TitleScene(self))

    # -- frame ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the visible part of the stack: from the last opaque scene up."""
        start = 0
        for i in range(len(self.stack) - 1, -1, -1):
            if not self.stack[i].transparent:
                start = i
                break
        for scene in self.stack[start:]:
            scene.draw(surface)

    def dispatch(self, intent: inp.Intent) -> None:
        if intent.kind == inp.QUIT:
            self.quit()
        elif intent.kind == inp.RESIZE:
            self.screen = pygame.display.get_surface()
            self.request_redraw()
        elif intent.kind == inp.REDRAW:
            self.request_redraw()
        elif intent.kind == inp.CLOSE:
            if self.console is not None:  # two windows: SDL says QUIT only once the last one is closed
                self.quit()
        elif intent.kind == inp.FULLSCREEN:
            if self.kiosk is None:  # a kiosk stays fullscreen
                self.toggle_fullscreen()
        elif intent.kind == inp.ADMIN:
            if self.kiosk is not None and not isinstance(self.top, (PinScene, AdminScene)):
                self.push(PinScene(self))
        elif intent.kind == inp.SETTINGS and not getattr(self.top, "wants_text", False):
            self.open_settings()
        elif self.top is not None:
            self.top.handle(intent)

    def step(self, events: list[pygame.event.Event], dt: float) -> bool:
        """Process events, update, draw if needed. Returns whether something animates."""
        intents = [i for event in events for i in self.mapper.translate(event)] + self.mapper.poll()
        if intents and self.kiosk is not None:
            self.kiosk.on_input()
        for intent in intents:
            if intent.window and self.console is not None and intent.window == self.console.window_id:
                self.console.handle(intent)  # the facilitator's window: its own buttons
            elif not intent.window:
                self.dispatch(intent)
        if self.kiosk is not None:
            self.kiosk.tick()
        animating = False
        if self.top is not None:
            animating = self.top.update(dt)
        if self.class_config is not None or self.console is not None:  # only once a class game was set up
            self._sync_console()
        if (self._dirty or animating) and self.screen is not None:
            self._dirty = False
            self.draw(self.screen)
            pygame.display.flip()
            if self.console is not None:
                self.console.draw()
            self.frames_drawn += 1
            if self.on_frame:
                self.on_frame(self)
        return animating

    def run(self) -> None:
        """Main loop. SDL's own wait polls every millisecond on some drivers (about 4 % of a
        core under X11 here), so the loop sleeps by itself: 60 Hz while something moves or
        just after an input, 10 Hz on a static screen (at most 100 ms of input latency)."""
        if self.screen is None:
            self.open_window()
        self.running = True
        clock = pygame.time.Clock()
        animating = True
        last = last_input = time.perf_counter()
        exit_after_first_frame = os.environ.get("NEJ_EXIT_AFTER_FIRST_FRAME") == "1"  # the benchmark
        while self.running and self.stack:
            events = pygame.event.get()
            self.wakeups += 1
            now = time.perf_counter()
            if events:
                last_input = now
            dt, last = min(0.1, now - last), now
            try:
                animating = self.step(events, dt)
            except Exception:  # a bug must not end a kiosk session: log it, go back to the title
                log.exception("unexpected error in a scene; returning to the title screen")
                self.recover()
                animating = True
            if self.frames_drawn and exit_after_first_frame:
                print("first-frame", flush=True)
                break
            if self.frames_drawn and self.after_first_frame:
                jobs, self.after_first_frame = self.after_first_frame, []
                for job in jobs:
                    job()
            if animating or now - last_input < RESPONSIVE_SECONDS:
                clock.tick(ANIMATION_FPS)
            else:
                pygame.time.wait(IDLE_WAIT_MS)
        if self.console is not None:
            self.console.close()
            self.console = None
        self.audio.close()

    def recover(self) -> None:
        self.home()


def configure_headless() -> None:
    """Dummy video and audio drivers (tests, autoplay, benchmark)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
