"""The anonymous results store: round trip, filters, CSV, damaged files, unwritable folders, kill -9."""

from __future__ import annotations

import argparse
import csv
import io
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from game import scoring
from game.session import Session
from game.stats import parse_date, run_stats
from game.storage import (
    CSV_HEADER,
    FILE_NAME,
    SCHEMA_VERSION,
    AnswerRecord,
    ResultsStore,
    SessionRecord,
    record_from_session,
)

ROOT = Path(__file__).resolve().parent.parent
NOON = datetime(2025, 3, 10, 12, 0, tzinfo=timezone.utc)  # noon UTC: the same calendar day in every zone


def q(item: str, theme: str, correct: bool, *choices: str, value: float | None = None,
      team: int | None = None) -> AnswerRecord:
    return AnswerRecord(item, "question", theme, correct, choices, value, team)


def sc(item: str, theme: str, choice: str, team: int | None = None) -> AnswerRecord:
    return AnswerRecord(item, "scenario", theme, None, (choice,), team=team)


def session(answers, mode: str = "solo", when: datetime = NOON, finished: bool = True,
            careers=("repair_technician", "advisor", "eco_engineer"), path: str = "all") -> SessionRecord:
    return SessionRecord(mode, path, when, when + timedelta(minutes=9), finished, tuple(answers),
                         {"co2e": -12.5, "people": 3.0}, tuple(careers))


A = [q("q_single", "obsolescence", True, "b"), q("q_tf", "fracture", False, "faux"),
     sc("s_phone", "obsolescence", "repair"), q("q_est", "obsolescence", False, value=120.0)]
B = [q("q_single", "obsolescence", False, "a"), q("q_tf", "fracture", False, "faux"),
     q("q_multi", "fracture", True, "a", "b")]
C = [q("q_single", "obsolescence", True, "b")]  # abandoned after one question


@pytest.fixture
def store(tmp_path: Path):
    s = ResultsStore(tmp_path / FILE_NAME)
    yield s
    s.close()


def fill(store: ResultsStore) -> None:
    assert store.record_session(session(A))
    assert store.record_session(session(B, careers=("advisor", "digital_trainer", "repair_technician", "x4")))
    assert store.record_session(session(C, finished=False, careers=()))


def test_written_and_read_back(store: ResultsStore, tmp_path: Path) -> None:
    fill(store)
    st = store.stats()
    assert (st.sessions, st.finished, st.abandoned) == (3, 2, 1)
    assert st.per_theme == {"obsolescence": (2, 4), "fracture": (1, 3)}
    assert st.per_item == {"q_single": (2, 3), "q_tf": (0, 2), "q_est": (0, 1), "q_multi": (1, 1)}
    # Most wrong first; equal counts by share wrong, then by id.
    assert st.most_missed == [("q_tf", 2, 2), ("q_est", 1, 1), ("q_single", 1, 3)]
    # Only the first three careers of a session count (x4 is fourth).
    assert st.top_careers == [("advisor", 2), ("repair_technician", 2), ("digital_trainer", 1), ("eco_engineer", 1)]
    assert store.messages == []

    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    row = db.execute("SELECT mode, path, started_at, ended_at, finished, answer_count FROM sessions WHERE id = 1").fetchone()
    assert row == ("solo", "all", "2025-03-10T12:00:00+00:00", "2025-03-10T12:09:00+00:00", 1, 4)
    answers = db.execute("SELECT position, item_id, kind, theme, correct, choice_ids, value, team FROM answers"
                         " WHERE session_id = 1 ORDER BY position").fetchall()
    assert answers == [
        (0, "q_single", "question", "obsolescence", 1, "b", None, None),
        (1, "q_tf", "question", "fracture", 0, "faux", None, None),
        (2, "s_phone", "scenario", "obsolescence", None, "repair", None, None),
        (3, "q_est", "question", "obsolescence", 0, "", 120.0, None),
    ]
    assert dict(db.execute("SELECT indicator, total FROM indicators WHERE session_id = 1")) == {
        "co2e": -12.5, "people": 3.0}
    db.close()


def test_reopened_store_sees_previous_sessions(tmp_path: Path) -> None:
    first = ResultsStore(tmp_path / FILE_NAME)
    fill(first)
    first.close()
    second = ResultsStore(tmp_path / FILE_NAME)
    assert second.stats().sessions == 3
    assert second.record_session(session(C))
    assert second.stats().sessions == 4
    second.close()


def test_since_until_and_mode_filters(store: ResultsStore) -> None:
    assert store.record_session(session(A, when=NOON - timedelta(days=5)))
    assert store.record_session(session(B, when=NOON, mode="kiosk"))
    assert store.record_session(session(C, when=NOON + timedelta(days=5), mode="classroom", finished=False))
    day = NOON.date()
    assert store.stats(since=day).sessions == 2
    assert store.stats(since=day + timedelta(days=1)).sessions == 1
    assert store.stats(until=day).sessions == 2  # inclusive
    assert store.stats(since=day, until=day).sessions == 1
    assert store.stats(mode="kiosk").per_item == {"q_single": (0, 1), "q_tf": (0, 1), "q_multi": (1, 1)}
    assert store.stats(mode="solo", since=day).sessions == 0
    st = store.stats(mode="classroom")
    assert (st.sessions, st.finished, st.abandoned) == (1, 0, 1)
    assert store.stats(mode="nothing").sessions == 0


def test_csv_rows_and_header(store: ResultsStore, tmp_path: Path) -> None:
    fill(store)
    assert store.record_session(session([q("q_tf", "fracture", True, "vrai", team=3), sc("s_help", "fracture", "help",
                                                                                        team=0)], mode="classroom"))
    out = tmp_path / "export.csv"
    assert store.export_csv(out) == 10
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 11
    first = dict(zip(CSV_HEADER, rows[1]))
    assert first == {"session": "1", "mode": "solo", "path": "all", "started_at": "2025-03-10T12:00:00+00:00",
                     "ended_at": "2025-03-10T12:09:00+00:00", "finished": "1", "position": "0",
                     "item_id": "q_single", "kind": "question", "theme": "obsolescence", "correct": "1",
                     "choice_ids": "b", "value": "", "team": ""}
    by_item = {(r[0], r[7]): dict(zip(CSV_HEADER, r)) for r in rows[1:]}
    assert by_item[("1", "s_phone")]["correct"] == ""
    assert by_item[("1", "q_est")]["value"] == "120.0"
    assert by_item[("2", "q_multi")]["choice_ids"] == "a b"
    assert by_item[("3", "q_single")]["finished"] == "0"
    assert by_item[("4", "q_tf")]["team"] == "3"
    assert by_item[("4", "s_help")]["team"] == "0"
    assert store.export_csv(out, mode="classroom") == 2
    assert store.export_csv(out, since=NOON.date() + timedelta(days=1)) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1  # the header alone
    assert not list(tmp_path.glob("*.tmp"))


def test_abandoned_session_counted(store: ResultsStore) -> None:
    assert store.record_session(session(C, finished=False, careers=()))
    st = store.stats()
    assert (st.sessions, st.finished, st.abandoned) == (1, 0, 1)
    assert st.per_item == {"q_single": (1, 1)}
    assert st.top_careers == []


def test_record_from_a_real_session(store: ResultsStore, mini_content) -> None:
    s = Session.start(mini_content, "all", seed=3)
    while not s.finished:
        step = s.current
        if step.kind == "question":
            question = mini_content.questions[step.id]
            if question.type == "estimate":
                s.record(scoring.answer_question(question, value=question.estimate.answer))
            else:
                s.record(scoring.answer_question(question, [question.choices[0].id]))
        else:
            s.record(scoring.answer_scenario(mini_content.scenarios[step.id], mini_content.scenarios[step.id].choices[0].id))
        s.advance()
    started = datetime.now(timezone.utc) - timedelta(minutes=8)
    rec = record_from_session(s, "kiosk", started, finished=True)
    assert rec.careers == tuple(s.summary()["careers"])
    assert [a.item_id for a in rec.answers] == [a.item_id for a in s.answers]
    assert dict(rec.indicators) == s.indicators()
    assert all(a.correct is None for a in rec.answers if a.kind == "scenario")
    assert store.record_session(rec)
    right, asked = scoring.knowledge_score(s.answers)
    st = store.stats()
    assert sum(r for r, _ in st.per_theme.values()) == right
    assert sum(n for _, n in st.per_theme.values()) == asked
    # Abandoned: no careers unless the caller gives them.
    partial = Session.start(mini_content, "all", seed=3)
    partial.record(s.answers[0])
    assert record_from_session(partial, "solo", started, finished=False).careers == ()


@pytest.mark.parametrize("bad", [
    dict(team="Les Castors"),  # a team name: never
    dict(team=8),
    dict(team=True),
    dict(item_id="Marie Dupont"),  # free text is not an id
    dict(choice_ids=("j'ai répondu ça",)),
    dict(correct=None),  # a question is right or wrong
    dict(value=float("nan")),
])
def test_records_refuse_anything_but_ids_and_figures(bad: dict) -> None:
    fields = dict(item_id="q_tf", kind="question", theme="fracture", correct=True, choice_ids=("vrai",), team=None)
    fields.update(bad)
    with pytest.raises(ValueError):
        AnswerRecord(**fields)


def test_session_records_check_mode_and_teams() -> None:
    with pytest.raises(ValueError):
        session(A, mode="party")
    with pytest.raises(ValueError):
        session([q("q_tf", "fracture", True, "vrai", team=1)], mode="solo")  # teams only in classroom
    with pytest.raises(ValueError):
        session(A, careers=("Ingénieur écoconception",))
    assert session([q("q_tf", "fracture", True, "vrai", team=7)], mode="classroom").answers[0].team == 7


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEJ_DATA_DIR", str(tmp_path / "data"))
    store = ResultsStore()
    assert store.path == tmp_path / "data" / FILE_NAME
    assert store.record_session(session(A))
    store.close()
    assert (tmp_path / "data" / FILE_NAME).is_file()


def test_garbage_file_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    garbage = os.urandom(4096)
    path.write_bytes(garbage)
    store = ResultsStore(path)
    assert store.available
    assert store.record_session(session(A))
    assert store.stats().sessions == 1
    aside = list(tmp_path.glob(FILE_NAME + ".corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert len(store.messages) == 1 and aside[0].name in store.messages[0]
    store.close()


def test_failing_quick_check_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    store = ResultsStore(path)
    for _ in range(40):
        assert store.record_session(session(A + B))
    store.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    assert len(data) >= 4 * page
    data[2 * page + 8: 4 * page] = b"\xa5" * (2 * page - 8)  # a header that still says SQLite, broken pages
    path.write_bytes(bytes(data))
    store = ResultsStore(path)
    assert store.available
    assert store.stats().sessions == 0
    assert store.record_session(session(C))
    assert len(list(tmp_path.glob(FILE_NAME + ".corrupt-*"))) == 1
    assert any("corrupt" in m for m in store.messages)
    store.close()


def test_newer_schema_left_alone(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    store = ResultsStore(path)
    assert not store.available
    assert store.record_session(session(A)) is False
    assert store.messages and not list(tmp_path.glob("*.corrupt-*"))


def test_folder_under_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    store = ResultsStore(tmp_path / "file" / "data" / FILE_NAME)
    assert store.record_session(session(A)) is False
    assert store.available is False
    assert len(store.messages) == 1
    assert store.stats().sessions == 0
    assert store.export_csv(tmp_path / "out.csv") == 0
    store.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = ResultsStore(folder / FILE_NAME)
        assert store.record_session(session(A)) is False
        assert store.available is False
        assert store.messages
    finally:
        folder.chmod(0o700)


WRITER = """
import sys
from datetime import datetime, timezone
assert "pygame" not in sys.modules
from game.storage import AnswerRecord, ResultsStore, SessionRecord
assert "pygame" not in sys.modules, "the store must not import pygame"
start = int(sys.argv[1])
store = ResultsStore()
now = datetime.now(timezone.utc)
n = start
while True:
    k = 20 + n % 13
    answers = tuple(AnswerRecord(f"q{i}", "question", "t", i % 3 == 0, ("a",)) for i in range(k))
    record = SessionRecord("solo", f"s{n}", now, now, True, answers, {"co2e": float(n)}, ("c1", "c2", "c3"))
    if not store.record_session(record):
        print("failed", store.messages, flush=True)
        sys.exit(1)
    print(f"committed {n}", flush=True)
    n += 1
"""


def run_writer_and_kill(data: Path, start: int, commits: int) -> list[int]:
    """Start a writer, let it report ``commits`` sessions, kill -9 it; every session it reported."""
    env = dict(os.environ, NEJ_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(start)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    fd = proc.stdout.fileno()
    buffer = b""
    deadline = time.monotonic() + 20
    try:
        while buffer.count(b"committed") < commits:
            assert time.monotonic() < deadline, "the writer is too slow"
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                chunk = os.read(fd, 65536)
                assert chunk, f"the writer stopped: {buffer!r} {proc.stderr.read()!r}"
                buffer += chunk
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        buffer += proc.stdout.read()  # lines printed before the kill landed
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    lines = buffer.decode().splitlines()
    assert not any(line.startswith("failed") for line in lines), lines
    return [int(line.split()[1]) for line in lines if line.startswith("committed ")]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL") or sys.platform == "win32", reason="POSIX kill -9")
def test_killed_writer_loses_no_committed_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    reported: list[int] = []
    for round_, commits in enumerate((7, 19)):  # the second writer opens a file left by a killed one
        reported += run_writer_and_kill(data, start=1000 * round_, commits=commits)
    assert len(reported) >= 26
    db = sqlite3.connect(data / FILE_NAME)  # straight SQLite: the store would hide a damaged file
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {path: (sid, count) for sid, path, count in db.execute("SELECT id, path, answer_count FROM sessions")}
        rows = dict(db.execute("SELECT session_id, COUNT(*) FROM answers GROUP BY session_id"))
        careers = dict(db.execute("SELECT session_id, COUNT(*) FROM careers GROUP BY session_id"))
        indicators = dict(db.execute("SELECT session_id, COUNT(*) FROM indicators GROUP BY session_id"))
        for n in reported:
            assert f"s{n}" in stored, f"session {n} was reported committed but is missing"
        # Every session in the file, reported or caught by the kill after its commit, is whole.
        assert set(rows) == {sid for sid, _ in stored.values()}
        for path, (sid, count) in stored.items():
            n = int(path[1:])
            assert count == 20 + n % 13 == rows[sid]
            assert careers[sid] == 3 and indicators[sid] == 1
        assert len(stored) - len(reported) <= 2  # at most one unreported commit per kill
    finally:
        db.close()
    store = ResultsStore(data / FILE_NAME)
    assert store.stats().sessions == len(stored) and store.messages == []
    store.close()


def test_parse_date() -> None:
    assert parse_date("2025-03-01") == date(2025, 3, 1)
    for bad in ("01/03/2025", "2025-02-30", "20250301", "hier", ""):
        with pytest.raises(argparse.ArgumentTypeError, match="AAAA-MM-JJ"):
            parse_date(bad)


def test_run_stats_report(tmp_path: Path, mini_content) -> None:
    store = ResultsStore(tmp_path / FILE_NAME)
    fill(store)
    out = io.StringIO()
    csv_path = tmp_path / "r.csv"
    assert run_stats(None, None, csv_path, store=store, content=mini_content, out=out) == 0
    text = out.getvalue()
    assert "3 parties jouées (2 terminées, 1 abandonnée)" in text
    assert mini_content.themes["obsolescence"].title in text
    assert "2 / 4" in text and "50\u00a0%" in text
    assert "q_tf — " + mini_content.questions["q_tf"].prompt[:30] in text
    assert "2 erreurs sur 2" in text
    name = mini_content.careers["advisor"].name
    assert (name[:1].upper() + name[1:]) + "\u00a0: 2 fois" in text
    assert f"8 lignes écrites dans {csv_path}" in text
    assert csv_path.is_file()

    bare = io.StringIO()
    assert run_stats(date(2025, 3, 10), "solo", None, store=store, out=bare) == 0
    assert "obsolescence" in bare.getvalue() and "mode solo" in bare.getvalue()
    none = io.StringIO()
    assert run_stats(date(2030, 1, 1), None, None, store=store, out=none) == 0
    assert "0 partie jouée" in none.getvalue()
    failed = io.StringIO()
    assert run_stats(None, None, tmp_path / "missing" / "r.csv", store=store, out=failed) == 1
    assert "CSV non écrit" in failed.getvalue()
    store.close()


def test_run_stats_without_a_usable_store(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    out = io.StringIO()
    assert run_stats(None, None, None, store=ResultsStore(tmp_path / "file" / FILE_NAME), out=out) == 1
    assert "Aucun résultat" in out.getvalue()
