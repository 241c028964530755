"""Reading ease of the content (Kandel–Moles, the French Flesch formula, via textstat).

``python -m game.readability [PATH…]`` prints the median over prompts and explanations and
the hardest texts. The target is a median of at least 60 (a 13-year-old reads alone).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

TARGET_MEDIAN = 60.0


def scores(paths: list[Path]) -> list[tuple[float, str, str]]:
    """(reading ease, item id.field, text) for every prompt and explanation."""
    import textstat  # measurement only: a test dependency

    from game.content.loader import load_content

    textstat.set_lang("fr")
    content = load_content(paths)
    out = []
    for q in content.questions.values():
        for name in ("prompt", "explanation"):
            text = getattr(q, name)
            out.append((textstat.flesch_reading_ease(text), f"{q.id}.{name}", text))
    for s in content.scenarios.values():
        out.append((textstat.flesch_reading_ease(s.situation), f"{s.id}.situation", s.situation))
    return out


def main(argv: list[str] | None = None) -> int:
    from game.cli import QUESTIONS

    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or [QUESTIONS]
    rows = scores(paths)
    values = [r[0] for r in rows]
    q1, median, q3 = statistics.quantiles(values, n=4)
    print(f"Kandel–Moles reading ease over {len(values)} texts: median {median:.1f} "
          f"(quartiles {q1:.1f} – {q3:.1f}; target ≥ {TARGET_MEDIAN:.0f})")
    print("hardest texts:")
    for score, where, text in sorted(rows)[:8]:
        print(f"  {score:6.1f}  {where}: {text[:90]}")
    return 0 if median >= TARGET_MEDIAN else 1


if __name__ == "__main__":
    sys.exit(main())
