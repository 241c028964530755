"""Player and facilitator preferences: one flat, typed registry saved as TOML.

The file lives in the user's config folder (platformdirs). A broken file gives the defaults
and a message; a folder that cannot be written means playing without saving, never a crash.
No pygame here.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from game.i18n import N_

log = logging.getLogger(__name__)

APP_NAME = "numerique-en-jeu"
FILE_NAME = "settings.toml"


@dataclass(frozen=True)
class Choice:
    """How a setting is shown: its label and the values a player cycles through."""

    key: str
    label: str  # msgid
    values: tuple[Any, ...]


@dataclass(frozen=True)
class Settings:
    language: str = "fr"
    text_scale: float = 1.0  # 1.0 to 2.0
    line_spacing: float = 1.25
    high_contrast: bool = False
    dyslexia_font: bool = False
    reduced_motion: bool = False
    sound: bool = True
    volume: float = 0.6
    timer: str = "off"  # off | extended: no timer unless a facilitator asks for one
    read_aloud: bool = False
    # How the game is used (facilitators set these in the file; the command line overrides them).
    mode: str = "solo"  # solo | classroom | kiosk
    length: str = "normal"  # short | normal | long (about 5, 10 and 15 minutes)
    level: str = "adulte"  # college | lycee | adulte: the hardest items dealt (adulte: every item)
    kiosk_idle_seconds: float = 90.0
    kiosk_results_idle_seconds: float = 45.0
    kiosk_countdown_seconds: float = 20.0
    # Opens a kiosk's admin screen. No default secret: empty means a new random code at each start,
    # printed where the kiosk was started; a fixed one (4 to 12 digits) is set in the file.
    kiosk_admin_pin: str = ""

    def with_value(self, key: str, value: Any) -> Settings:
        return replace(self, **{key: value})


# The accessibility menu, in order. Values cycle on each press (Enter, tap, A).
MENU: tuple[Choice, ...] = (
    Choice("text_scale", N_("Taille du texte"), (1.0, 1.25, 1.5, 1.75, 2.0)),
    Choice("line_spacing", N_("Interligne"), (1.25, 1.5, 1.75)),
    Choice("high_contrast", N_("Contraste élevé"), (False, True)),
    Choice("dyslexia_font", N_("Police pour lecteurs dyslexiques"), (False, True)),
    Choice("reduced_motion", N_("Réduire les animations"), (False, True)),
    Choice("sound", N_("Son"), (True, False)),
    Choice("volume", N_("Volume"), (0.2, 0.4, 0.6, 0.8, 1.0)),
    Choice("read_aloud", N_("Lecture à voix haute"), (False, True)),
    Choice("language", N_("Langue"), ("fr", "en")),
)


# Settings whose value is one of a few words: anything else in the file is refused, with a message.
ENUMS: dict[str, tuple[str, ...]] = {
    "mode": ("solo", "classroom", "kiosk"),
    "length": ("short", "normal", "long"),
    "level": ("college", "lycee", "adulte"),
    "timer": ("off", "extended"),
}


def random_pin(digits: int = 6) -> str:
    """A kiosk admin code for one run, when the settings file sets none."""
    import secrets

    return "".join(secrets.choice("0123456789") for _ in range(digits))


def next_value(choice: Choice, current: Any) -> Any:
    values = choice.values
    try:
        return values[(values.index(current) + 1) % len(values)]
    except ValueError:
        return values[0]


def config_dir() -> Path:
    """``NEJ_CONFIG_DIR`` (tests, kiosks), else the platform's user config folder."""
    override = os.environ.get("NEJ_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def _coerce(name: str, value: Any, default: Any) -> Any:
    """A value of the right type, or the default (and the caller says so)."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise TypeError(name)
    if isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise TypeError(name)
    if isinstance(value, type(default)):
        if name in ENUMS and value not in ENUMS[name]:
            raise TypeError(name)
        if name == "kiosk_admin_pin" and value and not (value.isdigit() and 4 <= len(value) <= 12):
            raise TypeError(name)  # the admin keypad has digits only
        return value
    raise TypeError(name)


@dataclass
class SettingsStore:
    """Reads and writes the settings file; remembers what went wrong, for the screens to say."""

    path: Path = field(default_factory=lambda: config_dir() / FILE_NAME)
    writable: bool = True  # kiosk mode never writes
    messages: list[str] = field(default_factory=list)
    chosen: frozenset[str] = frozenset()  # the keys the file really sets (the others are defaults)

    def load(self) -> Settings:
        defaults = Settings()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return defaults
        except OSError as exc:
            self.messages.append(f"{self.path}: {exc.strerror}")
            return defaults
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            self.messages.append(f"{self.path}: {exc}")
            log.warning("settings file unreadable, using defaults: %s: %s", self.path, exc)
            return defaults
        values = {}
        known = {f.name: f for f in fields(Settings)}
        for key, value in data.items():
            if key not in known:
                self.messages.append(f"{self.path}: {key}?")
                continue
            try:
                values[key] = _coerce(key, value, getattr(defaults, key))
            except TypeError:
                self.messages.append(f"{self.path}: {key} = {value!r}?")
        self.chosen = frozenset(values)
        return replace(defaults, **values)

    def save(self, settings: Settings) -> bool:
        if not self.writable:
            return False
        text = "# Numérique en jeu : réglages (voir docs/settings.example.toml)\n" + dumps(settings)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(self.path)  # atomic: a crash never leaves half a file
            return True
        except OSError as exc:
            self.writable = False
            self.messages.append(f"{self.path}: {exc.strerror}")
            log.warning("cannot save settings (%s): playing without saving", exc)
            return False


    def save_value(self, key: str, value: Any) -> bool:
        """Keep one setting in the file, leaving the file's other lines as they are: a kiosk's
        admin sets the kiosk's level this way, while a player's choices (text size...) are never
        written (``writable`` stays False in kiosk mode)."""
        data: dict[str, Any] = {}
        try:
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            self.messages.append(f"{self.path}: {exc}")
            return False  # never overwrite a file that could not be read
        data[key] = value
        text = "# Numérique en jeu : réglages (voir docs/settings.example.toml)\n" + _dump_items(data)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(self.path)
        except OSError as exc:
            self.messages.append(f"{self.path}: {exc.strerror}")
            log.warning("cannot save %s (%s)", key, exc)
            return False
        self.chosen = self.chosen | {key}
        return True


def dumps(settings: Settings) -> str:
    """Flat TOML: one ``key = value`` line per setting."""
    return _dump_items(asdict(settings))


def _dump_items(items: dict[str, Any]) -> str:
    lines = []
    for key, value in items.items():
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, (int, float)):
            lines.append(f"{key} = {value}")
        else:
            escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{key} = "{escaped}"')
    return "\n".join(lines) + "\n"
