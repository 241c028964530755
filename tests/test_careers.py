"""Every career can come out: bots leaning towards each axis, and each pair of axes,
play real sessions; together their top 3 cover every career."""

import io
import itertools
import json

from game import autoplay


def test_every_career_reaches_someones_top_3(real_content):
    axes = sorted(real_content.axes)
    biases = [(a,) for a in axes] + list(itertools.combinations(axes, 2))
    seen_top3, seen_first = set(), set()
    for i, bias in enumerate(biases):
        out = io.StringIO()
        autoplay.run(real_content, 2, 100 + 10 * i, (1024, 600), out=out, bias=bias)
        for line in out.getvalue().splitlines():
            careers = json.loads(line)["careers"]
            seen_top3.update(careers)
            seen_first.add(careers[0])
    missing = set(real_content.careers) - seen_top3
    assert not missing, f"never in a top 3: {sorted(missing)}"
    print(f"\n{len(seen_first)} of {len(real_content.careers)} careers came out first at least once")


def test_a_biased_bot_really_leans(real_content):
    out = io.StringIO()
    autoplay.run(real_content, 2, 1, (1280, 720), out=out, bias=("repair",))
    for line in out.getvalue().splitlines():
        row = json.loads(line)
        assert row["path"] == "all"
        assert max(row["profile"], key=row["profile"].get) == "repair"
