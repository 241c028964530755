"""Every career can come out: bots leaning towards each axis, and each pair of axes,
play real sessions; together their top 3 cover every career."""

import io
import itertools
import json

from game import autoplay
from game.content.models import Scenario
from game.flow.solorun import SoloRun


def _biased_game(content, seed: int, bias: tuple[str, ...]) -> list[str]:
    """A whole solo game on every theme played through the flow layer (no display) by a player
    who knows the items that feed ``bias`` and misses the others, and picks on each card the
    choice that weighs most on ``bias`` (as autoplay's biased bot does on screen). The careers shown."""
    run = SoloRun.start(content, "all", seed=seed)
    while not run.finished:
        item = run.item
        if isinstance(item, Scenario):
            def weight(choice) -> float:  # noqa: ANN001
                return sum(choice.axes.get(a, 0.0) for a in bias)
            best = max(item.choices, key=lambda c: (weight(c), -sum(c.axes.values())))
            assert run.choose(best.id)
        else:
            wanted = any(a in item.axes for a in bias)
            if item.type == "estimate":
                est = item.estimate
                wrong = est.min if est.answer != est.min else est.max
                assert run.answer_question(value=est.answer if wanted else wrong)
            elif item.type == "ordering":
                right = list(item.right_ids)
                assert run.answer_question(right if wanted else right[::-1])
            else:
                right = [c.id for c in item.choices if c.correct]
                wrong = [c.id for c in item.choices if not c.correct][:1] or [item.choices[0].id]
                assert run.answer_question(right if wanted else wrong)
        assert run.next()
    return run.results.career_ids


def test_every_career_reaches_someones_top_3(real_content):
    """For each axis and each pair of axes, a player leaning that way: every career of the bank
    comes out in someone's top 3 (no career is unreachable), played without a display."""
    axes = sorted(real_content.axes)
    biases = [(a,) for a in axes] + list(itertools.combinations(axes, 2))
    seen_top3, seen_first = set(), set()
    for i, bias in enumerate(biases):
        for seed in (100 + 10 * i, 101 + 10 * i):
            careers = _biased_game(real_content, seed, bias)
            assert len(careers) == 3
            seen_top3.update(careers)
            seen_first.add(careers[0])
    missing = set(real_content.careers) - seen_top3
    assert not missing, f"never in a top 3: {sorted(missing)}"
    assert len(seen_first) >= 6, seen_first  # several careers lead, not one for every profile


def test_a_biased_bot_really_leans(real_content):
    out = io.StringIO()
    autoplay.run(real_content, 2, 1, (1280, 720), out=out, bias=("repair",))
    for line in out.getvalue().splitlines():
        row = json.loads(line)
        assert row["path"] == "all"
        assert max(row["profile"], key=row["profile"].get) == "repair"
