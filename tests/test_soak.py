"""Robustness: a soak (memory stays flat) and a 1-minute monkey behind the « soak » marker
(`pytest -m soak`), fuzzed loaders in the default suite."""

import io
import json

import pytest

from game import autoplay


@pytest.mark.soak
def test_memory_stays_flat_over_many_sessions(real_content):
    out = io.StringIO()
    autoplay.run(real_content, 120, 500, (1280, 720), out=out, memory=True)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == 120
    early, late = rows[39]["rss_mib"], rows[-1]["rss_mib"]
    assert late - early < 10, f"{early} MiB after 40 sessions, {late} MiB after 120"


@pytest.mark.soak
def test_monkey_for_one_minute(real_content):
    out = io.StringIO()
    summary = autoplay.run_monkey(real_content, 1.0, 3, out=out)  # raises on the first error
    assert summary["events"] > 1000 and summary["resizes"] > 5


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import yaml  # noqa: E402

from game.content.loader import load_content  # noqa: E402

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
keys = st.sampled_from(["themes", "sources", "questions", "scenarios", "careers", "axes", "indicators",
                        "takeaways", "id", "theme", "type", "prompt", "choices", "correct", "text", "estimate",
                        "min", "max", "step", "answer", "explanation", "source", "axes", "effects", "x"])
structures = st.recursive(scalars, lambda children: st.lists(children, max_size=4)
                          | st.dictionaries(keys, children, max_size=5), max_leaves=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(keys, structures, max_size=4))
def test_loader_never_crashes_on_random_structures(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "bank.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    content = load_content(folder)
    for issue in content.issues:
        assert issue.line >= 1 and issue.column >= 1 and issue.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_loader_never_crashes_on_random_text(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "bank.yaml").write_bytes(text.encode("utf-8", "replace"))
    content = load_content(folder)
    for issue in content.issues:
        assert issue.line >= 1 and issue.message
