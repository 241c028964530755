"""The measure as stored and reported (issue 18.7): a small stored history, known figures."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from game.stats import measure_csv_path, run_stats
from game.storage import (
    ALL_THEMES,
    FILE_NAME,
    MEASURE_CSV_HEADER,
    AnswerRecord,
    MeasureRecord,
    ResultsStore,
    SessionRecord,
)

NOON = datetime(2025, 3, 10, 12, 0, tzinfo=timezone.utc)


def mq(phase, item, theme, score, team=None):
    return MeasureRecord(phase, "question", item, theme, score=score, team=team)


def mp(phase, item, rating, reliable, team=None):
    return MeasureRecord(phase, "post", item, "fake_news", rating=rating, reliable=reliable, team=team)


def record(measure, mode="solo"):
    answers = (AnswerRecord("q1", "question", "cobalt", True, ("a",)),)
    return SessionRecord(mode, "all", NOON, NOON + timedelta(minutes=9), True, answers, {}, (), tuple(measure))


# Player 1: cobalt 0/2 -> 2/2, fracture 1/1 -> 1/1; posts: reliable 4 -> 6, manipulative 5 -> 2.
P1 = [mq("pre", "c1", "cobalt", 0), mq("pre", "c2", "cobalt", 0), mq("pre", "f1", "fracture", 1),
      mq("post", "c3", "cobalt", 1), mq("post", "c4", "cobalt", 1), mq("post", "f2", "fracture", 1),
      mp("pre", "r1", 4, True), mp("pre", "m1", 5, False), mp("post", "r2", 6, True), mp("post", "m2", 2, False)]
# Player 2: cobalt 1/2 -> 1/2 (a several-answer question's half credit: 0.5 + 0.5); no posts rated.
P2 = [mq("pre", "c1", "cobalt", 0.5), mq("pre", "c2", "cobalt", 0.5),
      mq("post", "c3", "cobalt", 0.5), mq("post", "c4", "cobalt", 0.5)]
# Player 3: only the check before (left during the game): counts nowhere.
P3 = [mq("pre", "c1", "cobalt", 1)]


@pytest.fixture
def store(tmp_path: Path):
    s = ResultsStore(tmp_path / FILE_NAME)
    for measure in (P1, P2, P3):
        assert s.record_session(record(measure))
    assert s.record_session(record([]))  # a session without the measure
    yield s
    s.close()


def test_figures_on_a_known_history(store):
    rows = store.stats().measure
    cobalt, overall = rows["cobalt"], rows[ALL_THEMES]
    assert cobalt.n == 2
    assert cobalt.pre == pytest.approx((0 + 0.5) / 2) and cobalt.post == pytest.approx((1 + 0.5) / 2)
    assert cobalt.gain == pytest.approx(0.5)
    assert cobalt.normalised_gain == pytest.approx(0.5 / 0.75)
    assert rows["fracture"].n == 1 and rows["fracture"].normalised_gain is None  # nothing left to learn
    # Overall, player 1: 1/3 -> 3/3; player 2: 0.5 -> 0.5.
    assert overall.n == 2 and overall.pre == pytest.approx((1 / 3 + 0.5) / 2) and overall.post == pytest.approx(0.75)
    assert overall.n_discernment == 1
    assert overall.discernment_pre == pytest.approx(4 - 5) and overall.discernment_post == pytest.approx(6 - 2)


def test_the_report_says_the_figures_and_that_small_n_is_indicative(store, tmp_path):
    out = io.StringIO()
    assert run_stats(None, None, tmp_path / "r.csv", store=store, out=out) == 0
    text = out.getvalue()
    assert "Mesure avant/après" in text
    assert "avant 25\u00a0%, après 75\u00a0%" in text  # cobalt
    assert "gain +50 points, gain normalisé 0.67" in text or "gain +50 points, gain normalisé 0,67" in text
    assert "seulement indicatif" in text and "n\u00a0=\u00a02" in text
    assert "avant \u22121, après +4" in text  # discernment
    assert "sans groupe témoin" in text
    with measure_csv_path(tmp_path / "r.csv").open(encoding="utf-8") as fh:
        table = list(csv.reader(fh))
    assert tuple(table[0]) == MEASURE_CSV_HEADER
    by_theme = {row[0]: row for row in table[1:]}
    assert by_theme["cobalt"][1:6] == ["2", "0.250", "0.750", "0.500", "0.667"]
    assert by_theme[ALL_THEMES][6:] == ["-1.000", "4.000", "1"]


def test_no_measure_no_section(tmp_path):
    s = ResultsStore(tmp_path / FILE_NAME)
    assert s.record_session(record([]))
    out = io.StringIO()
    run_stats(None, None, None, store=s, out=out)
    assert "Mesure" not in out.getvalue() and s.stats().measure == {}
    s.close()


@pytest.mark.parametrize("bad", [
    dict(phase="during", kind="question", item_id="q", theme="t", score=1),
    dict(phase="pre", kind="question", item_id="q", theme="t", score=1.5),
    dict(phase="pre", kind="question", item_id="q", theme="t", score=1, rating=3),
    dict(phase="pre", kind="post", item_id="p", theme="t", rating=8, reliable=True),
    dict(phase="pre", kind="post", item_id="p", theme="t", rating=3),
    dict(phase="pre", kind="post", item_id="Léa", theme="t", rating=3, reliable=False),
    dict(phase="pre", kind="question", item_id="q", theme="t", score=1, team="Les Hérissons"),
])
def test_records_refuse_what_is_not_a_measure(bad):
    with pytest.raises(ValueError):
        MeasureRecord(**bad)


def test_a_version_1_file_gains_the_measure_table(tmp_path):
    path = tmp_path / FILE_NAME
    s = ResultsStore(path)
    assert s.record_session(record([]))
    s.close()
    db = sqlite3.connect(path)
    db.execute("DROP TABLE measure")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    s = ResultsStore(path)
    assert s.record_session(record(P1))
    assert s.stats().sessions == 2 and s.stats().measure[ALL_THEMES].n == 1
    s.close()


def test_autoplay_measure_moves_the_figures_that_stats_reports(tmp_path, capsys):
    """``autoplay --measure --results FILE``: three short sessions with the measure, the bot a
    little better after the game; ``stats --results FILE`` gives a row per theme with its n, a
    positive overall gain and discernment change, and says the figures are only indicative."""
    from game.cli import main

    results = tmp_path / "bot.sqlite"
    assert main(["autoplay", "--measure", "--sessions", "3", "--seed", "3", "--size", "1024x600",
                 "--results", str(results)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3 and all('"measure"' in line for line in lines)
    rows = ResultsStore(results).stats().measure
    overall = rows[ALL_THEMES]
    assert overall.n == 3 and overall.gain > 0
    assert overall.discernment_post > overall.discernment_pre
    assert len(rows) > 2  # the themes the checks came from, each with its own row
    assert main(["stats", "--results", str(results)]) == 0
    text = capsys.readouterr().out
    assert "Mesure avant/après" in text and "seulement indicatif" in text
    assert text.count("n\u00a0=\u00a0") >= len(rows)  # every row says how many players it rests on
    assert "gain normalisé 0.6" not in text  # French decimals have a comma
    assert "Discernement" in text


def test_autoplay_without_measure_plays_no_measure(tmp_path, capsys):
    from game.cli import main

    results = tmp_path / "bot.sqlite"
    assert main(["autoplay", "--sessions", "1", "--seed", "3", "--size", "1024x600", "--results", str(results)]) == 0
    assert '"measure"' not in capsys.readouterr().out
    assert ResultsStore(results).stats().sessions == 1 and not ResultsStore(results).stats().measure
