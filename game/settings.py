"""Player and facilitator preferences: one flat, typed registry saved as TOML.

The file lives in the user's config folder (platformdirs). A broken file gives the defaults
and a message; a folder that cannot be written means playing without saving, never a crash.
No pygame here.
"""

from __future__ import annotations

import difflib
import hashlib
import hmac
import logging
import os
import secrets
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from game import i18n
from game.i18n import N_, _

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
    # The pre/post measure (issue 18): a short check before a solo game and its twin after it,
    # then the player's progress. At a kiosk only when the kiosk's admin turns it on.
    measure: bool = True
    kiosk_measure: bool = False
    # How the game is used (facilitators set these in the file; the command line overrides them).
    mode: str = "solo"  # solo | classroom | kiosk
    length: str = "normal"  # short | normal | long (about 5, 10 and 15 minutes)
    level: str = "adulte"  # college | lycee | adulte: the hardest items dealt (adulte: every item)
    kiosk_idle_seconds: float = 90.0
    kiosk_results_idle_seconds: float = 45.0
    kiosk_countdown_seconds: float = 20.0
    # Opens a kiosk's admin screen. No default secret: only a salted hash of the code is kept
    # (``hash_code``); empty means the first kiosk start asks the person setting it up for one.
    kiosk_admin_hash: str = ""
    # A plain code, from an old settings file or a test: hashed at once into kiosk_admin_hash and
    # emptied, so a Settings never holds it and it is never written back.
    kiosk_admin_pin: str = ""

    def __post_init__(self) -> None:
        if self.kiosk_admin_pin:
            object.__setattr__(self, "kiosk_admin_hash", hash_code(self.kiosk_admin_pin))
            object.__setattr__(self, "kiosk_admin_pin", "")

    def with_value(self, key: str, value: Any) -> Settings:
        return replace(self, **{key: value})

    def check_admin_code(self, typed: str) -> bool:
        """The typed code is the kiosk's (constant-time); always False when no code is set."""
        return bool(self.kiosk_admin_hash) and verify_code(typed, self.kiosk_admin_hash)


# The settings menu, in order. Values cycle on each press (Enter, tap, A). « measure » is the
# player's own (solo); a kiosk's admin screen sets kiosk_measure, the class set-up its own.
MENU: tuple[Choice, ...] = (
    Choice("text_scale", N_("Taille du texte"), (1.0, 1.25, 1.5, 1.75, 2.0)),
    Choice("line_spacing", N_("Interligne"), (1.25, 1.5, 1.75)),
    Choice("high_contrast", N_("Contraste élevé"), (False, True)),
    Choice("dyslexia_font", N_("Police pour lecteurs dyslexiques"), (False, True)),
    Choice("reduced_motion", N_("Réduire les animations"), (False, True)),
    Choice("sound", N_("Son"), (True, False)),
    Choice("volume", N_("Volume"), (0.2, 0.4, 0.6, 0.8, 1.0)),
    Choice("read_aloud", N_("Lecture à voix haute"), (False, True)),
    Choice("measure", N_("Mesurer mes progrès (avant/après)"), (True, False)),
    Choice("language", N_("Langue"), ("fr", "en")),
)


# Settings whose value is one of a few words: anything else in the file is refused, with a message.
ENUMS: dict[str, tuple[str, ...]] = {
    "mode": ("solo", "classroom", "kiosk"),
    "length": ("short", "normal", "long"),
    "level": ("college", "lycee", "adulte"),
    "timer": ("off", "extended"),
}


# Numbers: the lowest and highest value a file may give (both included).
RANGES: dict[str, tuple[float, float]] = {
    "text_scale": (1.0, 2.0),
    "line_spacing": (1.0, 2.0),
    "volume": (0.0, 1.0),
    "kiosk_idle_seconds": (15.0, 1800.0),
    "kiosk_results_idle_seconds": (10.0, 1800.0),
    "kiosk_countdown_seconds": (5.0, 120.0),
}
NOT_KEPT = frozenset({"kiosk_admin_pin"})  # read from old files, never written

# -- the kiosk admin code ----------------------------------------------------------------
CODE_MIN, CODE_MAX = 4, 12
# Codes everyone knows: the one an earlier version shipped (2468) and the usual first tries.
KNOWN_CODES = frozenset({"2468", "1234", "0000", "1111", "4321", "1379", "1212", "2580", "0852", "123456"})
_SCRYPT = (2 ** 14, 8, 1)  # n, r, p: about 0.05 s on a classroom PC, 16 MiB
_PBKDF2_ROUNDS = 300_000


def code_problem(code: str, again: str | None = None) -> str | None:
    """Why a new admin code is refused (a sentence for the person setting it), or None."""
    code = code.strip()
    if not code:
        return _("Le code est vide.")
    if not code.isdigit() or not code.isascii():
        return _("Le code ne doit contenir que des chiffres.")
    if len(code) < CODE_MIN:
        return _("Le code est trop court\u00a0: {n}\u00a0chiffres au moins.").format(n=CODE_MIN)
    if len(code) > CODE_MAX:
        return _("Le code est trop long\u00a0: {n}\u00a0chiffres au plus.").format(n=CODE_MAX)
    steps = {(int(b) - int(a)) % 10 for a, b in zip(code, code[1:])}
    if len(steps) == 1 and steps <= {0, 1, 9}:
        return _("Ce code est trop facile à deviner (chiffres répétés ou qui se suivent).")
    if code in KNOWN_CODES:
        return _("Ce code est trop connu\u00a0: choisissez-en un autre.")
    if again is not None and again.strip() != code:
        return _("Les deux codes tapés sont différents.")
    return None


def hash_code(code: str) -> str:
    """A salted, slow hash of a code, as one string for the settings file."""
    salt = secrets.token_bytes(16)
    data = code.strip().encode("ascii", "replace")
    if hasattr(hashlib, "scrypt"):
        n, r, p = _SCRYPT
        digest = hashlib.scrypt(data, salt=salt, n=n, r=r, p=p, dklen=32)
        return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"
    digest = hashlib.pbkdf2_hmac("sha256", data, salt, _PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${_PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def _parse_hash(stored: str) -> tuple[str, tuple[int, ...], bytes, bytes] | None:
    try:
        kind, *rest = stored.split("$")
        if kind == "scrypt" and len(rest) == 5:
            n, r, p = (int(v) for v in rest[:3])
            if n < 2 or n & (n - 1) or not (1 <= r <= 64 and 1 <= p <= 16) or n * r > 2 ** 22:
                return None  # keeps a tampered file from asking for gigabytes
            salt, digest = bytes.fromhex(rest[3]), bytes.fromhex(rest[4])
            return (kind, (n, r, p), salt, digest) if len(salt) >= 8 and len(digest) >= 16 else None
        if kind == "pbkdf2_sha256" and len(rest) == 3:
            rounds = int(rest[0])
            salt, digest = bytes.fromhex(rest[1]), bytes.fromhex(rest[2])
            ok = 1_000 <= rounds <= 10_000_000 and len(salt) >= 8 and len(digest) >= 16
            return (kind, (rounds,), salt, digest) if ok else None
    except ValueError:
        return None
    return None


def verify_code(typed: str, stored: str) -> bool:
    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    kind, params, salt, digest = parsed
    data = typed.strip().encode("ascii", "replace")
    if kind == "scrypt":
        n, r, p = params
        if not hasattr(hashlib, "scrypt"):
            return False
        got = hashlib.scrypt(data, salt=salt, n=n, r=r, p=p, dklen=len(digest))
    else:
        got = hashlib.pbkdf2_hmac("sha256", data, salt, params[0], dklen=len(digest))
    return hmac.compare_digest(got, digest)


def how_to_set_code() -> str:
    return _("Pour choisir le code de la borne, lancez «\u00a0python main.py kiosk-code\u00a0», "
             "ou lancez la borne\u00a0: elle le demande au premier démarrage.")


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


def _number(value: float) -> str:
    return f"{value:g}"


def allowed(name: str) -> str:
    """What a file may give for a setting, said for a person."""
    default = getattr(Settings(), name)
    if name in ENUMS or name == "language":
        return _("au choix\u00a0: {values}").format(
            values=", ".join(f'"{v}"' for v in ENUMS.get(name, i18n.SUPPORTED)))
    if name in RANGES:
        low, high = RANGES[name]
        return _("un nombre de {low} à {high}").format(low=_number(low), high=_number(high))
    if isinstance(default, bool):
        return _("true ou false")
    if name == "kiosk_admin_pin":
        return _("de {low} à {high}\u00a0chiffres").format(low=CODE_MIN, high=CODE_MAX)
    if name == "kiosk_admin_hash":
        return _("l'empreinte écrite par «\u00a0python main.py kiosk-code\u00a0»")
    return _("un texte")


def _coerce(name: str, value: Any, default: Any) -> Any:
    """A value of the right type and in its range or choices; else TypeError (the caller says so)."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise TypeError(name)
    if isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            low, high = RANGES.get(name, (float("-inf"), float("inf")))
            if low <= value <= high:  # NaN fails here too
                return float(value)
        raise TypeError(name)
    if isinstance(value, type(default)):
        if name in ENUMS and value not in ENUMS[name]:
            raise TypeError(name)
        if name == "language" and value not in i18n.SUPPORTED:
            raise TypeError(name)
        if name == "kiosk_admin_hash" and value and _parse_hash(value) is None:
            raise TypeError(name)
        return value
    raise TypeError(name)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}…"'
    return type(value).__name__


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
        known = [f.name for f in fields(Settings)]
        for key, value in data.items():
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                self.messages.append(
                    _("{file}\u00a0: réglage inconnu «\u00a0{key}\u00a0», ignoré").format(file=self.path, key=key)
                    + (_(" (vouliez-vous dire «\u00a0{close}\u00a0»\u00a0?)").format(close=close[0]) if close else ""))
                continue
            if key == "kiosk_admin_pin":
                continue  # below: hashed, never kept
            try:
                values[key] = _coerce(key, value, getattr(defaults, key))
            except TypeError:
                default = getattr(defaults, key)
                self.messages.append(
                    _("{file}\u00a0: {key} = {value} refusé (attendu\u00a0: {allowed})\u00a0; "
                      "valeur par défaut\u00a0: {default}").format(
                        file=self.path, key=key, value=_shown(value), allowed=allowed(key),
                        default=_shown(default) if default != "" else _("aucune")))
                log.warning("%s: %s = %r refused, default used", self.path, key, value)
        plain = data.get("kiosk_admin_pin")
        if plain not in (None, "") and "kiosk_admin_hash" not in values:
            self._migrate_code(plain, values)
        self.chosen = frozenset(values)
        return replace(defaults, **values)

    def _migrate_code(self, plain: Any, values: dict[str, Any]) -> None:
        """An old file's plain ``kiosk_admin_pin``: kept as a hash, and the file rewritten without
        it (so the message is said once); refused when it is weak or was the shipped default."""
        problem = code_problem(plain) if isinstance(plain, str) else _("Le code ne doit contenir que des chiffres.")
        if problem:
            self.messages.append(_("{file}\u00a0: kiosk_admin_pin refusé\u00a0: {problem} {how}").format(
                file=self.path, problem=problem, how=how_to_set_code()))
            return
        values["kiosk_admin_hash"] = hashed = hash_code(plain)
        if self.save_values({"kiosk_admin_hash": hashed}, remove=("kiosk_admin_pin",)):
            self.messages.append(_("{file}\u00a0: le code en clair kiosk_admin_pin est remplacé par son "
                                   "empreinte kiosk_admin_hash (le code ne change pas).").format(file=self.path))
        else:
            self.messages.append(_("{file}\u00a0: le code en clair kiosk_admin_pin est utilisé, mais le fichier "
                                   "n'a pas pu être réécrit\u00a0: remplacez-le avec «\u00a0python main.py "
                                   "kiosk-code\u00a0».").format(file=self.path))

    def set_admin_code(self, code: str) -> tuple[str, bool]:
        """Hash a code (already checked with ``code_problem``) and keep it in the file.
        Returns (the hash, whether the file was written)."""
        hashed = hash_code(code)
        return hashed, self.save_values({"kiosk_admin_hash": hashed}, remove=("kiosk_admin_pin",))

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
        return self.save_values({key: value})

    def save_values(self, updates: dict[str, Any], remove: tuple[str, ...] = ()) -> bool:
        """``save_value`` for several keys at once, and keys to take out of the file."""
        data: dict[str, Any] = {}
        try:
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            self.messages.append(f"{self.path}: {exc}")
            return False  # never overwrite a file that could not be read
        for key in remove:
            data.pop(key, None)
        data.update(updates)
        text = "# Numérique en jeu : réglages (voir docs/settings.example.toml)\n" + _dump_items(data)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(self.path)
        except OSError as exc:
            self.messages.append(f"{self.path}: {exc.strerror}")
            log.warning("cannot save %s (%s)", ", ".join(updates), exc)
            return False
        self.chosen = (self.chosen | set(updates)) - set(remove)
        return True


def dumps(settings: Settings) -> str:
    """Flat TOML: one ``key = value`` line per setting."""
    return _dump_items({k: v for k, v in asdict(settings).items() if k not in NOT_KEPT})


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
