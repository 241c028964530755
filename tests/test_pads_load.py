"""Load on 127.0.0.1 (issue 17.5), bounded in time: 60 pads play a 10-item class game on the real
content, driven through the Classroom and the bridge by a game thread that sleeps until the server
wakes it; a different fifth of the pads drops right after answering each item and comes back with
its token to send the answer again. No answer is lost or counted twice: the counts, the teams'
majorities entered in the class game and the server's counters all say so."""

from __future__ import annotations

import pytest

from game.cli import QUESTIONS
from game.content.loader import load_content
from game.pads.bench import p95_ms, run_load
from game.pads.protocol import PadAnswer, majority


@pytest.fixture(scope="module")
def content():
    return load_content(QUESTIONS)


def test_60_pads_play_10_items_a_fifth_dropping_each_time_nothing_lost_or_doubled(content, capsys):
    game, played, took = run_load(content, pads=60, items=10, timeout=30.0)
    log, stats, cr = game.run_log, game.server.stats(), game.classroom
    assert log.items == 10 and cr.finished
    assert stats["joined"] == 60 and stats["resumed"] == 120 and stats["refused"] == 0
    assert stats["accepted"] == 600  # each pad's answer to each item, once
    assert stats["accepted"] + stats["duplicates"] == 600 + stats["duplicates"] <= 720  # resent ones acknowledged only
    kinds = set()
    for step, (key, answers) in enumerate(played["answers"].items()):
        assert len(answers) == 60
        counts = [n for _t, n in log.seen[key]]
        assert max(counts) == 60 and counts == sorted(counts)  # never more than the pads, never going back
        # each team's answer in the class game is its pads' majority, or the tie settled by key
        item = cr.session.steps[step]
        kind = content.questions[item.id].type if item.kind == "question" else "scenario"
        kinds.add(kind)
        for team in range(4):
            mine = [PadAnswer(tuple(sorted(a.get("choices", ()))), a.get("value"))
                    for i, a in answers.items() if int(i) % 4 == team]
            assert len(mine) == 15
            best, tie = majority(mine, kind, None)
            ids, value = log.entries[key][team]
            if tie:
                assert log.keyed[key][team] == (tie[0].choice_ids or tie[0].value)
                assert (tuple(sorted(ids)), value) == (tie[0].choice_ids, tie[0].value) or kind == "estimate"
            elif kind == "estimate":
                assert value is not None
            else:
                assert tuple(sorted(ids)) == best.choice_ids
    assert {"scenario", "single"} <= kinds
    p95 = p95_ms(played["sends"], log.seen)
    with capsys.disabled():
        print(f"\n[pads load] 60 pads x 10 items through the class game, 12 drops each: "
              f"p95 answer -> game count {p95:.1f} ms, whole run {took:.2f} s")
    # No time limit here (a shared CI machine under load is no measure): python -m game.bench
    # prints the p95 against its 100 ms target.
    assert p95 > 0
    assert took < 15
