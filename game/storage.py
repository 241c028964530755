"""Anonymous results: every finished or abandoned session appended to an SQLite database.

What is kept: the mode, when (UTC), the path, each item answered (ids, right or wrong, the
choice ids or the value given, an anonymous team index in classroom mode), the gauges and the
top careers. Nothing else: no name, no free text. Every text stored must be a content id
(``[a-z0-9][a-z0-9_.-]*``), so a name or a sentence cannot slip in; a ``SessionRecord`` that
breaks this refuses to be built (``ValueError``).

Safety:

* WAL journal and ``synchronous=FULL``: a commit returns once the write-ahead log is on disk,
  so neither a killed process (kill -9) nor a power cut (kiosks are often switched off at the
  wall) loses a session that was recorded. The cost, one fsync per session, is paid once
  every few minutes.
* One transaction per session: a session is stored whole or not at all.
* ``PRAGMA user_version`` says which schema the file has; older files are migrated, a file
  from a newer game is left alone (nothing recorded).
* A file that is not a database, or fails ``PRAGMA quick_check``, is renamed
  ``results.sqlite.corrupt-<timestamp>`` and a new database is started, with a message.
* A folder that cannot be written: ``available`` is False, a message, ``record_session``
  returns False. The store never raises to its caller (except ``export_csv`` when the CSV
  file itself cannot be written).

No pygame here.
"""

from __future__ import annotations

import csv
import logging
import math
import os
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from game.i18n import _

if TYPE_CHECKING:
    from game.session import Session

log = logging.getLogger(__name__)

APP_NAME = "numerique-en-jeu"
FILE_NAME = "results.sqlite"
SCHEMA_VERSION = 2
MODES = ("solo", "classroom", "kiosk")
KINDS = ("question", "scenario")
MAX_TEAMS = 8  # team indexes 0..7
TOP_CAREERS = 3
BUSY_TIMEOUT = 5.0  # seconds to wait for another game writing to the same file
CSV_HEADER = (
    "session", "mode", "path", "started_at", "ended_at", "finished",
    "position", "item_id", "kind", "theme", "correct", "choice_ids", "value", "team",
)
# The measure's CSV (``stats --csv``: a second file next to the answers' one): the columns the
# report prints, per theme and overall (theme « all »).
MEASURE_CSV_HEADER = (
    "theme", "n", "pre_mean", "post_mean", "gain", "normalised_gain", "discernment_pre", "discernment_post",
    "n_discernment",
)
PHASES = ("pre", "post")
MEASURE_KINDS = ("question", "post")

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_ID_MAX = 80
# SQLite primary result codes (extended codes carry them in their low byte).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6


def data_dir() -> Path:
    """``NEJ_DATA_DIR`` (tests, kiosks), else the platform's user data folder."""
    override = os.environ.get("NEJ_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _check_id(what: str, value: Any) -> None:
    if not isinstance(value, str) or len(value) > _ID_MAX or not _ID.match(value):
        raise ValueError(f"{what} must be a content id, got {value!r}")


def _check_number(what: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return float(value)


def _check_team(team: Any) -> None:
    """A classroom team is an anonymous index 0..7, never a name."""
    if team is not None and (isinstance(team, bool) or not isinstance(team, int) or not 0 <= team < MAX_TEAMS):
        raise ValueError(f"team must be an index 0..{MAX_TEAMS - 1}, never a name, got {team!r}")


def _records(name: str, items: Any, kind: type, mode: str) -> tuple:
    """``items`` as a tuple of ``kind``, with team indexes only in a classroom session."""
    items = tuple(items)
    for item in items:
        if not isinstance(item, kind):
            raise ValueError(f"{name} must be {kind.__name__}, got {type(item).__name__}")
        if item.team is not None and mode != "classroom":
            raise ValueError("team indexes are for classroom sessions only")
    return items


@dataclass(frozen=True)
class AnswerRecord:
    """One item answered. ``correct`` is None for scenario cards; ``team`` is an anonymous
    index (0..7), only in classroom mode, never a name."""

    item_id: str
    kind: str  # question | scenario
    theme: str
    correct: bool | None
    choice_ids: tuple[str, ...] = ()
    value: float | None = None  # estimate questions
    team: int | None = None

    def __post_init__(self) -> None:
        _check_id("item_id", self.item_id)
        _check_id("theme", self.theme)
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        if self.kind == "scenario" and self.correct is not None:
            raise ValueError("a scenario choice is neither right nor wrong: correct must be None")
        if self.kind == "question" and not isinstance(self.correct, bool):
            raise ValueError(f"a question is right or wrong: correct must be a bool, got {self.correct!r}")
        object.__setattr__(self, "choice_ids", tuple(self.choice_ids))
        for cid in self.choice_ids:
            _check_id("choice id", cid)
        if self.value is not None:
            object.__setattr__(self, "value", _check_number("value", self.value))
        _check_team(self.team)


@dataclass(frozen=True)
class MeasureRecord:
    """One item of the pre/post measure: a question (``score``, 0 to 1, partial credit included)
    or a made-up post (``rating``, 1 to 7, and whether the post was a reliable one). ``team``: an
    anonymous index in classroom mode. Nothing names a person."""

    phase: str  # pre | post
    kind: str  # question | post
    item_id: str
    theme: str
    score: float | None = None
    rating: int | None = None
    reliable: bool | None = None
    team: int | None = None

    def __post_init__(self) -> None:
        if self.phase not in PHASES:
            raise ValueError(f"phase must be one of {PHASES}, got {self.phase!r}")
        if self.kind not in MEASURE_KINDS:
            raise ValueError(f"kind must be one of {MEASURE_KINDS}, got {self.kind!r}")
        _check_id("item_id", self.item_id)
        _check_id("theme", self.theme)
        if self.kind == "question":
            score = _check_number("score", self.score)
            if not 0 <= score <= 1 or self.rating is not None or self.reliable is not None:
                raise ValueError("a measure question has a score from 0 to 1, and no rating")
            object.__setattr__(self, "score", score)
        else:
            if (isinstance(self.rating, bool) or not isinstance(self.rating, int) or not 1 <= self.rating <= 7
                    or not isinstance(self.reliable, bool) or self.score is not None):
                raise ValueError(f"a rated post has a rating from 1 to 7 and reliable true/false, got {self.rating!r}")
        _check_team(self.team)


@dataclass(frozen=True)
class MeasureRow:
    """The measure over some sessions, for one theme or all: means of each player's (or team's)
    share of right answers, before and after, and of their discernment."""

    n: int  # players or teams with both checks on this theme
    pre: float | None  # mean share right before, 0 to 1
    post: float | None
    n_discernment: int = 0
    discernment_pre: float | None = None
    discernment_post: float | None = None

    @property
    def gain(self) -> float | None:
        return None if self.pre is None or self.post is None else self.post - self.pre

    @property
    def normalised_gain(self) -> float | None:
        """Of the class means (Hake's g): (post − pre) ÷ (1 − pre)."""
        if self.pre is None or self.post is None or 1 - self.pre <= 1e-9:
            return None
        return (self.post - self.pre) / (1 - self.pre)


ALL_THEMES = "all"


def measure_rows(rows: list[tuple[int, int | None, str, str, str, float | None, int | None, bool | None]]
                 ) -> dict[str, MeasureRow]:
    """Per theme and overall (``ALL_THEMES``), from (session, team, phase, kind, theme, score,
    rating, reliable) rows. A player (or a team) counts for a theme when it answered that theme's
    questions in both checks; its discernment counts when it rated reliable and manipulative posts
    in both."""
    scores: dict[tuple[str, tuple[int, int | None]], dict[str, list[float]]] = {}
    ratings: dict[tuple[str, tuple[int, int | None]], dict[str, dict[bool, list[int]]]] = {}
    for session, team, phase, kind, theme, score, rating, reliable in rows:
        unit = (session, team)
        for key in (theme, ALL_THEMES):
            if kind == "question" and score is not None:
                scores.setdefault((key, unit), {"pre": [], "post": []})[phase].append(score)
            elif kind == "post" and rating is not None and reliable is not None:
                by = ratings.setdefault((key, unit), {"pre": {True: [], False: []}, "post": {True: [], False: []}})
                by[phase][bool(reliable)].append(rating)

    def mean(values: list[float]) -> float | None:
        return sum(values) / len(values) if values else None

    out: dict[str, MeasureRow] = {}
    themes = sorted({k for k, _ in scores} | {k for k, _ in ratings})
    for theme in themes:
        pre, post = [], []
        for (key, _unit), by_phase in scores.items():
            if key == theme and by_phase["pre"] and by_phase["post"]:
                pre.append(sum(by_phase["pre"]) / len(by_phase["pre"]))
                post.append(sum(by_phase["post"]) / len(by_phase["post"]))
        d_pre, d_post = [], []
        for (key, _unit), by_phase in ratings.items():
            if key == theme and all(by_phase[ph][True] and by_phase[ph][False] for ph in PHASES):
                d = {ph: sum(by_phase[ph][True]) / len(by_phase[ph][True])
                     - sum(by_phase[ph][False]) / len(by_phase[ph][False]) for ph in PHASES}
                d_pre.append(d["pre"])
                d_post.append(d["post"])
        if pre or d_pre:
            out[theme] = MeasureRow(len(pre), mean(pre), mean(post), len(d_pre), mean(d_pre), mean(d_post))
    return out


@dataclass(frozen=True)
class SessionRecord:
    """One session as it is stored. Datetimes: timezone-aware (naive ones are taken as local
    time, Python's convention); they are stored in UTC."""

    mode: str  # solo | classroom | kiosk
    path: str  # "all", a theme id, or several joined by "+"
    started_at: datetime
    ended_at: datetime
    finished: bool  # False: abandoned
    answers: tuple[AnswerRecord, ...]
    indicators: Mapping[str, float]  # gauge totals
    careers: tuple[str, ...]  # top careers, best first
    measure: tuple[MeasureRecord, ...] = ()  # the pre/post checks, when the measure was on

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {self.mode!r}")
        if not isinstance(self.path, str):
            raise ValueError(f"path must be a string, got {self.path!r}")
        for part in self.path.split("+"):  # "all", a theme id, or theme ids joined by "+"
            _check_id("path", part)
        for name in ("started_at", "ended_at"):
            if not isinstance(getattr(self, name), datetime):
                raise ValueError(f"{name} must be a datetime")
        object.__setattr__(self, "finished", bool(self.finished))
        object.__setattr__(self, "answers", _records("answers", self.answers, AnswerRecord, self.mode))
        indicators = {}
        for key, value in dict(self.indicators).items():
            _check_id("indicator", key)
            indicators[key] = _check_number(f"indicator {key}", value)
        object.__setattr__(self, "indicators", MappingProxyType(indicators))
        careers = tuple(self.careers)
        for cid in careers:
            _check_id("career", cid)
        object.__setattr__(self, "careers", careers)
        object.__setattr__(self, "measure", _records("measure", self.measure, MeasureRecord, self.mode))


def record_from_session(
    session: Session,
    mode: str,
    started_at: datetime,
    finished: bool,
    careers: list[str] | None = None,
    measure: tuple[MeasureRecord, ...] = (),
) -> SessionRecord:
    """The record of a ``game.session.Session``, ended now. Without ``careers``, a finished
    session gets its top 3 from the scoring; an abandoned one none (the player never saw them).
    A team index is taken from an answer's ``team`` attribute when it has one."""
    answers = tuple(
        AnswerRecord(
            item_id=a.item_id,
            kind=a.kind,
            theme=a.theme,
            correct=a.correct if a.kind == "question" else None,
            choice_ids=tuple(a.choice_ids),
            value=a.value,
            team=getattr(a, "team", None),
        )
        for a in session.answers
    )
    if careers is None:
        if finished:
            from game import scoring

            careers = [m.career_id for m in scoring.top_careers(session.content, list(session.answers), TOP_CAREERS)]
        else:
            careers = []
    return SessionRecord(
        mode=mode,
        path=session.path,
        started_at=started_at,
        ended_at=datetime.now(timezone.utc),
        finished=finished,
        answers=answers,
        indicators=session.indicators(),
        careers=tuple(careers),
        measure=tuple(measure),
    )


@dataclass
class Stats:
    sessions: int
    finished: int
    abandoned: int
    per_theme: dict[str, tuple[int, int]] = field(default_factory=dict)  # theme -> (right, asked)
    per_item: dict[str, tuple[int, int]] = field(default_factory=dict)  # question id -> (right, asked)
    most_missed: list[tuple[str, int, int]] = field(default_factory=list)  # (id, wrong, asked), worst first
    top_careers: list[tuple[str, int]] = field(default_factory=list)  # (career id, times in a top 3)
    measure: dict[str, MeasureRow] = field(default_factory=dict)  # theme (or ALL_THEMES) -> pre/post figures


# Migrations: MIGRATIONS[v] takes a file from user_version v to v + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE IF NOT EXISTS sessions (
            id INTEGER PRIMARY KEY,
            mode TEXT NOT NULL CHECK (mode IN ('solo', 'classroom', 'kiosk')),
            path TEXT NOT NULL,
            started_at TEXT NOT NULL,  -- UTC, ISO 8601
            ended_at TEXT NOT NULL,
            finished INTEGER NOT NULL CHECK (finished IN (0, 1)),
            answer_count INTEGER NOT NULL  -- rows in answers for this session
        )""",
        """CREATE TABLE IF NOT EXISTS answers (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,  -- 0-based order in the session
            item_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('question', 'scenario')),
            theme TEXT NOT NULL,
            correct INTEGER CHECK (correct IN (0, 1)),  -- NULL for scenario choices
            choice_ids TEXT NOT NULL DEFAULT '',  -- space-separated ids
            value REAL,
            team INTEGER CHECK (team BETWEEN 0 AND 7),  -- anonymous index, classroom only
            PRIMARY KEY (session_id, position)
        ) WITHOUT ROWID""",
        """CREATE TABLE IF NOT EXISTS indicators (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            indicator TEXT NOT NULL,
            total REAL NOT NULL,
            PRIMARY KEY (session_id, indicator)
        ) WITHOUT ROWID""",
        """CREATE TABLE IF NOT EXISTS careers (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            rank INTEGER NOT NULL,  -- 0 = best match
            career_id TEXT NOT NULL,
            PRIMARY KEY (session_id, rank)
        ) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS sessions_started ON sessions(started_at)",
        "CREATE INDEX IF NOT EXISTS answers_item ON answers(item_id)",
    ),
    (  # 1 -> 2: the pre/post measure (issue 18)
        """CREATE TABLE IF NOT EXISTS measure (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
            kind TEXT NOT NULL CHECK (kind IN ('question', 'post')),
            item_id TEXT NOT NULL,
            theme TEXT NOT NULL,
            score REAL CHECK (score BETWEEN 0 AND 1),  -- questions: partial credit included
            rating INTEGER CHECK (rating BETWEEN 1 AND 7),  -- posts: how reliable it looked
            reliable INTEGER CHECK (reliable IN (0, 1)),  -- posts: whether it was a reliable one
            team INTEGER CHECK (team BETWEEN 0 AND 7),  -- anonymous index, classroom only
            PRIMARY KEY (session_id, position)
        ) WITHOUT ROWID""",
    ),
)
assert len(MIGRATIONS) == SCHEMA_VERSION


class _Corrupt(Exception):
    """``PRAGMA quick_check`` did not say ok."""


class _TooNew(Exception):
    """The file was written by a newer version of the game."""


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_corrupt(exc: BaseException) -> bool:
    if isinstance(exc, _Corrupt):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = _code(exc)
    if code is not None:
        return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _is_busy(exc: BaseException) -> bool:
    return _code(exc) in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in str(exc).lower()


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def utc_iso(moment: datetime) -> str:
    """``2025-03-01T09:15:00+00:00``: same length and zone for every row, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive: local time
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _day_start_utc(day: date) -> str:
    """Midnight of a local calendar day, in UTC (a facilitator's « since 1 March » is local)."""
    return utc_iso(datetime.combine(day, time.min))


def _where(since: date | None, until: date | None, mode: str | None) -> tuple[str, list[Any]]:
    """A WHERE clause on the sessions table (aliased ``s``); ``until`` is inclusive."""
    parts, params = [], []
    if since is not None:
        parts.append("s.started_at >= ?")
        params.append(_day_start_utc(since))
    if until is not None:
        parts.append("s.started_at < ?")
        params.append(_day_start_utc(until + timedelta(days=1)))
    if mode is not None:
        parts.append("s.mode = ?")
        params.append(mode)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


class ResultsStore:
    """The results database. Opens on first use (``available``, ``record_session``, ``stats``,
    ``export_csv``); one connection per store, used from the thread that opened it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else data_dir() / FILE_NAME
        self.messages: list[str] = []
        self._conn: sqlite3.Connection | None = None
        self._usable = True

    # --- opening -------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether results can be kept (opens the database to find out)."""
        return self._connection() is not None

    def _say(self, message: str) -> None:
        self.messages.append(message)
        log.warning("%s", message)

    def _disable(self, exc: BaseException) -> None:
        self._drop()
        self._usable = False
        self._say(_("Résultats non enregistrés\u00a0: impossible d'écrire dans {path} ({reason}).").format(
            path=self.path, reason=_reason(exc)))

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        if not self._usable:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._disable(exc)
            return None
        for attempt in range(2):
            try:
                self._conn = self._open()
                return self._conn
            except _TooNew:
                self._usable = False
                self._say(_("Résultats non enregistrés\u00a0: {path} vient d'une version plus récente du jeu.")
                          .format(path=self.path))
                return None
            except (sqlite3.Error, _Corrupt, OSError) as exc:
                if attempt == 0 and _is_corrupt(exc):
                    if self._quarantine(exc):
                        continue
                    return None
                self._disable(exc)
                return None
        return None

    def _open(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions, each one is opened and closed here.
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                raise _Corrupt("; ".join(str(r[0]) for r in rows[:3]))
            journal = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(journal).lower() != "wal":  # e.g. a network share: the rollback journal is safe too
                log.warning("results database: journal mode %s, not WAL", journal)
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _TooNew(version)
        if version == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another game may have done it
            if version > SCHEMA_VERSION:
                raise _TooNew(version)
            for step in MIGRATIONS[version:]:
                for statement in step:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise

    def _quarantine(self, exc: BaseException) -> bool:
        """Move the damaged file (and its -wal, -shm) aside; True when a new one can start."""
        self._drop()
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 2
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        try:
            self.path.replace(target)
            for suffix in ("-wal", "-shm"):  # sqlite finds them next to the moved file by these names
                side = Path(f"{self.path}{suffix}")
                if side.exists():
                    side.replace(Path(f"{target}{suffix}"))
        except OSError as err:
            self._disable(err)
            return False
        self._say(_("Base de résultats illisible ({reason})\u00a0: mise de côté sous {name}, "
                    "une nouvelle base est commencée.").format(reason=_reason(exc), name=target.name))
        return True

    # --- writing -------------------------------------------------------------------------

    def record_session(self, record: SessionRecord) -> bool:
        """Append one session, whole or not at all. False (and a message) when it could not be kept."""
        for attempt in range(2):
            conn = self._connection()
            if conn is None:
                return False
            try:
                self._insert(conn, record)
                return True
            except sqlite3.Error as exc:
                if attempt == 0 and _is_corrupt(exc):
                    if self._quarantine(exc):
                        continue
                    return False
                if _is_busy(exc):  # another game holds the file: this session only is lost
                    self._say(_("Partie non enregistrée\u00a0: la base de résultats est occupée ({reason}).")
                              .format(reason=_reason(exc)))
                    return False
                self._disable(exc)
                return False
            except Exception as exc:  # noqa: BLE001 - never break the game for its statistics
                self._say(_("Partie non enregistrée\u00a0: {reason}").format(reason=_reason(exc)))
                return False
        return False

    @staticmethod
    def _insert(conn: sqlite3.Connection, record: SessionRecord) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            cur = conn.execute(
                "INSERT INTO sessions (mode, path, started_at, ended_at, finished, answer_count)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (record.mode, record.path, utc_iso(record.started_at), utc_iso(record.ended_at),
                 int(record.finished), len(record.answers)),
            )
            sid = cur.lastrowid
            conn.executemany(
                "INSERT INTO answers (session_id, position, item_id, kind, theme, correct, choice_ids, value, team)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(sid, i, a.item_id, a.kind, a.theme, None if a.correct is None else int(a.correct),
                  " ".join(a.choice_ids), a.value, a.team) for i, a in enumerate(record.answers)],
            )
            conn.executemany(
                "INSERT INTO indicators (session_id, indicator, total) VALUES (?, ?, ?)",
                [(sid, k, v) for k, v in sorted(record.indicators.items())],
            )
            conn.executemany(
                "INSERT INTO careers (session_id, rank, career_id) VALUES (?, ?, ?)",
                [(sid, i, c) for i, c in enumerate(record.careers)],
            )
            conn.executemany(
                "INSERT INTO measure (session_id, position, phase, kind, item_id, theme, score, rating, reliable, team)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(sid, i, m.phase, m.kind, m.item_id, m.theme, m.score, m.rating,
                  None if m.reliable is None else int(m.reliable), m.team) for i, m in enumerate(record.measure)],
            )
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise

    # --- reading -------------------------------------------------------------------------

    def stats(self, since: date | None = None, mode: str | None = None, until: date | None = None) -> Stats:
        """Figures over the sessions started from ``since`` to ``until`` (local days, inclusive)."""
        conn = self._connection()
        if conn is None:
            return Stats(0, 0, 0)
        where, params = _where(since, until, mode)
        joined = " JOIN sessions s ON s.id = x.session_id" + where
        questions = joined + (" AND " if where else " WHERE ") + "x.kind = 'question'"
        try:
            conn.execute("BEGIN")  # one snapshot for every figure
            try:
                sessions, finished = conn.execute(
                    "SELECT COUNT(*), COALESCE(SUM(s.finished), 0) FROM sessions s" + where, params).fetchone()
                per_theme = {t: (int(r), int(n)) for t, r, n in conn.execute(
                    "SELECT x.theme, SUM(x.correct), COUNT(*) FROM answers x" + questions
                    + " GROUP BY x.theme ORDER BY x.theme", params)}
                per_item = {i: (int(r), int(n)) for i, r, n in conn.execute(
                    "SELECT x.item_id, SUM(x.correct), COUNT(*) FROM answers x" + questions
                    + " GROUP BY x.item_id ORDER BY x.item_id", params)}
                careers = [(c, int(n)) for c, n in conn.execute(
                    "SELECT x.career_id, COUNT(*) FROM careers x" + joined
                    + (" AND " if where else " WHERE ") + f"x.rank < {TOP_CAREERS}"
                    + " GROUP BY x.career_id ORDER BY COUNT(*) DESC, x.career_id", params)]
                measured = measure_rows([
                    (s, t, ph, k, th, sc, r, None if rel is None else bool(rel)) for s, t, ph, k, th, sc, r, rel in conn.execute(
                        "SELECT x.session_id, x.team, x.phase, x.kind, x.theme, x.score, x.rating, x.reliable"
                        " FROM measure x" + joined + " ORDER BY x.session_id, x.position", params)])
            finally:
                _rollback(conn)
        except sqlite3.Error as exc:
            self._say(_("Résultats illisibles\u00a0: {reason}").format(reason=_reason(exc)))
            return Stats(0, 0, 0)
        missed = [(item, asked - right, asked) for item, (right, asked) in per_item.items() if asked > right]
        # Most wrong answers first, then the highest share wrong, then by id.
        missed.sort(key=lambda m: (-m[1], -m[1] / m[2], m[0]))
        return Stats(int(sessions), int(finished), int(sessions) - int(finished), per_theme, per_item, missed,
                     careers, measured)

    def export_csv(self, out: Path, since: date | None = None, mode: str | None = None,
                   until: date | None = None) -> int:
        """One row per answered item (UTF-8, comma-separated, header ``CSV_HEADER``); returns the
        rows written. Raises OSError only when ``out`` itself cannot be written."""
        out = Path(out)
        conn = self._connection()
        if conn is None:
            return 0
        where, params = _where(since, until, mode)
        tmp = out.with_name(out.name + ".tmp")
        rows = 0
        try:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(CSV_HEADER)
                conn.execute("BEGIN")
                try:
                    for row in conn.execute(
                        "SELECT s.id, s.mode, s.path, s.started_at, s.ended_at, s.finished, a.position, a.item_id,"
                        " a.kind, a.theme, a.correct, a.choice_ids, a.value, a.team"
                        " FROM answers a JOIN sessions s ON s.id = a.session_id" + where
                        + " ORDER BY s.id, a.position", params,
                    ):
                        writer.writerow(["" if v is None else v for v in row])
                        rows += 1
                finally:
                    _rollback(conn)
            tmp.replace(out)
        except sqlite3.Error as exc:
            _remove(tmp)
            self._say(_("Résultats illisibles\u00a0: {reason}").format(reason=_reason(exc)))
            return 0
        except BaseException:
            _remove(tmp)
            raise
        return rows

    def close(self) -> None:
        self._drop()


def _rollback(conn: sqlite3.Connection) -> None:
    """End the open transaction, if any, without raising (the caller has an error to report)."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
