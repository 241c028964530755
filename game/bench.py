"""Sobriety in figures: ``python -m game.bench`` prints a table and one JSON line.

Headless (SDL dummy driver). It measures the start-up to the first frame, CPU and wake-ups
on static screens and on the kiosk's attract loop (its fades and its pulse, 20 s of real time),
the draw time of a full 1080p frame, peak memory over a session, content loading, and the same
static screen drawn by a naive loop (60 fps, full redraw, text rendered every frame) in the
same run, with the ratio between the two.

The game's modules are imported inside the functions on purpose (start-up speed, not cycles):
each measurement runs in a child process that must load only what it measures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "first_frame_ms": 400,  # issue 16: the first frame within 400 ms, with the pictures
    "idle_cpu_percent": 0.3,
    "idle_wakeups_per_s": 10,
    "attract_cpu_percent": 3.0,
    "draw_ms_median": 5.0,
    "peak_rss_mib": 90,  # issue 16: ≤ 90 MiB with the pictures loaded (cached at the sizes in use)
    "load_10k_s": 1.0,
    "naive_ratio": 20,
}


# -- children: each measurement that needs a clean process runs in one -----------------------
def _child_app(screen: str, size: tuple[int, int]):  # noqa: ANN202
    # Lazy on purpose (see the module's docstring): a fresh child loads only what it measures.
    from game.app import App
    from game.cli import QUESTIONS
    from game.content.loader import load_content
    from game.scenes.play import Play, scene_for_current
    from game.scenes.results import ResultsScene
    from game.scenes.title import TitleScene
    from game.session import Session

    content = load_content(QUESTIONS)
    app = App(content, size=size, seed=1, sound=False)
    app.open_window()
    if screen == "title":
        app.push(TitleScene(app))
    elif screen == "attract":  # the kiosk's attract loop: facts that fade, a pulse, sleep between
        from game.scenes.kiosk import AttractScene, KioskController
        from game.settings import Settings

        app.apply_settings(Settings(kiosk_admin_pin="2468"), save=False)
        app.kiosk = KioskController(app)
        app.push(AttractScene(app))
    elif screen == "class_console":  # a class item at the projector and the facilitator's window beside it
        from game.classroom import ClassConfig, default_teams
        from game.scenes.classroom.setup import start_class

        app.push(TitleScene(app))
        start_class(app, ClassConfig(default_teams(4), console="on"))
        app.class_config = app.top.run.config
    else:
        play = Play(Session.start(content, "all", seed=1))
        if screen == "question":
            app.push(scene_for_current(app, play))
        else:
            run = play.run  # played through the flow's intents, as a player would
            while not run.finished:
                step = run.step
                if step.kind == "question":
                    q = content.questions[step.id]
                    run.answer_question([c.id for c in q.choices if c.correct][:1],
                                        q.estimate.answer if q.estimate else None)
                else:
                    run.choose(content.scenarios[step.id].choices[0].id)
                run.next()
            app.push(ResultsScene(app, play))
    return app


def child_idle(screen: str, seconds: float) -> dict:
    """Run the real main loop on a static screen; CPU and wake-ups after the first second."""
    import pygame

    app = _child_app(screen, (1280, 720))
    deadline = [time.perf_counter() + 1.0 + seconds]
    marks: dict[str, float] = {}

    original_step = app.step

    def step(events, dt):  # noqa: ANN001, ANN202
        now = time.perf_counter()
        if "cpu0" not in marks and now >= deadline[0] - seconds:
            marks.update(cpu0=time.process_time(), wall0=now, wake0=app.wakeups, frames0=app.frames_drawn)
        if now >= deadline[0]:
            app.running = False
        return original_step(events, dt)

    app.step = step  # type: ignore[method-assign]
    app.run()
    wall = time.perf_counter() - marks["wall0"]
    out = {"cpu_percent": 100 * (time.process_time() - marks["cpu0"]) / wall,
           "wakeups_per_s": (app.wakeups - marks["wake0"]) / wall, "frames": app.frames_drawn,
           "frames_per_s": (app.frames_drawn - marks["frames0"]) / wall}
    pygame.quit()
    return out


def child_naive(seconds: float) -> dict:
    """The same title screen, drawn the naive way: 60 fps, full redraw, text rendered each frame."""
    import pygame

    app = _child_app("title", (1280, 720))
    scene = app.top
    screen = app.screen
    clock = pygame.time.Clock()
    fonts = app.fonts
    scene.draw(screen)
    t_end = time.perf_counter() + 1.0 + seconds
    cpu0 = wall0 = None
    frames = 0
    while time.perf_counter() < t_end:
        if cpu0 is None and time.perf_counter() >= t_end - seconds:
            cpu0, wall0 = time.process_time(), time.perf_counter()
        pygame.event.pump()
        screen.fill(app.palette.background)
        for tb, color in scene.texts:  # no cache: every line rendered again
            y = tb.bounds.y
            for line in tb.fitted.lines:
                screen.blit(fonts.font(tb.fitted.size, tb.bold).render(line, True, getattr(app.palette, color)),
                            (tb.box.x, y))
                y += tb.fitted.line_height
        for w in scene.widgets:
            pygame.draw.rect(screen, app.palette.choice, w.rect)
            for tb in getattr(w, "text_boxes", []):
                screen.blit(fonts.font(tb.fitted.size, tb.bold).render(tb.text, True, app.palette.text), tb.box)
        pygame.display.flip()
        frames += 1
        clock.tick(60)
    wall = time.perf_counter() - wall0
    return {"cpu_percent": 100 * (time.process_time() - cpu0) / wall, "wakeups_per_s": frames / wall}


def child_first_frame() -> dict:
    """Exit as soon as the title is shown; the parent times the whole process up to that line."""
    from game.cli import main

    os.environ["NEJ_EXIT_AFTER_FIRST_FRAME"] = "1"
    main(["--no-sound"])
    return {}


# -- parent ---------------------------------------------------------------------------------
def _run_child(*args: str) -> dict:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               NEJ_CONFIG_DIR=tempfile.mkdtemp(), NEJ_DATA_DIR=tempfile.mkdtemp())
    proc = subprocess.run([sys.executable, "-m", "game.bench", "--child", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def first_frame_ms(runs: int = 5) -> float:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", NEJ_EXIT_AFTER_FIRST_FRAME="1",
               NEJ_CONFIG_DIR=tempfile.mkdtemp(), NEJ_DATA_DIR=tempfile.mkdtemp())
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "main.py", "--no-sound"], stdout=subprocess.PIPE, text=True,
                                env=env, cwd=ROOT)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("first-frame"):
                times.append(1000 * (time.perf_counter() - t0))
                break
        proc.wait()
    return statistics.median(times)


def draw_times(size: tuple[int, int] = (1920, 1080), frames: int = 200) -> dict[str, tuple[float, float]]:
    import pygame

    out = {}
    for screen in ("title", "question", "results"):
        app = _child_app(screen, size)
        scene = app.top
        scene.draw(app.screen)  # warm the text cache
        samples = []
        for _ in range(frames):
            t0 = time.perf_counter()
            scene.draw(app.screen)
            pygame.display.flip()
            samples.append(1000 * (time.perf_counter() - t0))
        samples.sort()
        out[screen] = (statistics.median(samples), samples[int(0.95 * len(samples)) - 1])
    return out


def peak_rss_mib() -> float:
    """Peak resident memory of a process that plays one full session through the real scenes."""
    code = ("import io, resource; from game import autoplay; from game.cli import QUESTIONS; "
            "from game.content.loader import load_content; "
            "autoplay.run(load_content(QUESTIONS), 1, 7, (1920, 1080), out=io.StringIO()); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    kib = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                             check=True).stdout.split()[-1])
    return kib / 1024


def generated_bank(n: int, folder: Path, per_file: int = 1000) -> None:
    """``n`` valid questions (and what they refer to), ``per_file`` to a YAML file."""
    (folder / "registry.yaml").write_text(
        "themes:\n  - {id: t, title: \"T\", short: \"S\", intro: \"I\"}\n"
        "sources:\n  - {id: s, organisation: \"O\", title: \"T\", year: 2025, cited_in: talk}\n"
        "axes:\n  - {id: a, label: \"A\", topic: \"a\"}\n", encoding="utf-8")
    for start in range(0, n, per_file):
        _bank_file(folder / f"bank{start // per_file:03d}.yaml", range(start, min(n, start + per_file)))


def _bank_file(path: Path, numbers: range) -> None:
    lines = ["questions:"]
    for i in numbers:
        lines += [f"  - id: q{i:05d}", "    theme: t", "    type: single", f"    prompt: \"Question numéro {i}\u00a0?\"",
                  "    choices:", "      - {id: a, text: \"Oui\", correct: true}", "      - {id: b, text: \"Non\"}",
                  "    explanation: \"Parce que.\"", "    source: s", "    axes: {a: 1.0}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_times() -> tuple[float, float, float]:
    """Real content, then 10 000 generated questions loaded the first time (no parse cache), and,
    for comparison, the time PyYAML alone takes to parse the same files."""
    import yaml

    from game.cli import QUESTIONS
    from game.content.loader import _PosLoader, load_content

    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as tmp:
        os.environ["NEJ_CACHE_DIR"] = cache
        t0 = time.perf_counter()
        content = load_content(QUESTIONS)
        real = time.perf_counter() - t0
        assert not content.errors
        generated_bank(10_000, Path(tmp))
        t0 = time.perf_counter()
        big = load_content(Path(tmp))
        cold = time.perf_counter() - t0
        assert len(big.questions) == 10_000 and not big.errors
        assert not list(Path(cache).iterdir())  # nothing was cached: this was a first load
        gc.disable()  # as the loader does
        t0 = time.perf_counter()
        for path in sorted(Path(tmp).glob("*.yaml")):
            yaml.load(path.read_text(encoding="utf-8"), Loader=_PosLoader)  # noqa: S506 - a SafeLoader
        pyyaml = time.perf_counter() - t0
        gc.enable()
    return real, cold, pyyaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each idle measurement")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind = args.child[0]
        if kind == "idle":
            result = child_idle(args.child[1], float(args.child[2]))
        elif kind == "naive":
            result = child_naive(float(args.child[1]))
        else:
            result = child_first_frame()
        print(json.dumps(result))
        return 0

    random.seed(0)
    results: dict[str, object] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                                             f"Python {platform.python_version()}, {platform.system()}"}
    results["first_frame_ms"] = round(first_frame_ms(), 1)
    idle = {s: _run_child("idle", s, str(args.seconds)) for s in ("title", "question", "results", "class_console")}
    naive = _run_child("naive", str(args.seconds))
    # The attract loop for at least 20 s of real time: two fades between facts, the pulse all along.
    attract = _run_child("idle", "attract", str(max(20.0, args.seconds)))
    results["attract"] = {k: round(v, 3) for k, v in attract.items()}
    results["idle"] = {s: {k: round(v, 3) for k, v in r.items()} for s, r in idle.items()}
    results["naive"] = {k: round(v, 3) for k, v in naive.items()}
    sober = idle["title"]["cpu_percent"]
    results["naive_ratio"] = round(naive["cpu_percent"] / max(sober, 1e-3), 1)
    results["draw_ms_1080p"] = {s: [round(a, 2), round(b, 2)] for s, (a, b) in draw_times().items()}
    results["peak_rss_mib"] = round(peak_rss_mib(), 1)
    real, cold, pyyaml = load_times()
    results["load_real_content_s"] = round(real, 3)
    results["load_10k_s"] = round(cold, 3)
    results["parse_10k_pyyaml_s"] = round(pyyaml, 3)

    rows = [
        ("start → first frame", f"{results['first_frame_ms']} ms", f"≤ {TARGETS['first_frame_ms']} ms"),
    ]
    for s, r in idle.items():
        rows.append((f"static {s}: CPU", f"{r['cpu_percent']:.2f} % of a core", f"≤ {TARGETS['idle_cpu_percent']} %"))
        rows.append((f"static {s}: wake-ups", f"{r['wakeups_per_s']:.1f} /s", f"≤ {TARGETS['idle_wakeups_per_s']} /s"))
    rows.append(("kiosk attract loop: CPU", f"{attract['cpu_percent']:.2f} % of a core",
                 f"≤ {TARGETS['attract_cpu_percent']} %"))
    rows.append(("kiosk attract loop: frames, wake-ups", f"{attract['frames_per_s']:.1f} /s, "
                 f"{attract['wakeups_per_s']:.1f} /s", ""))
    rows.append(("naive loop, title: CPU", f"{naive['cpu_percent']:.2f} % of a core", ""))
    rows.append(("naive / sober", f"{results['naive_ratio']}×", f"≥ {TARGETS['naive_ratio']}×"))
    for s, (med, p95) in draw_times().items():
        rows.append((f"1080p full redraw, {s}", f"{med:.2f} ms median, {p95:.2f} ms p95",
                     f"≤ {TARGETS['draw_ms_median']} ms"))
    rows.append(("peak memory, one session", f"{results['peak_rss_mib']} MiB", f"≤ {TARGETS['peak_rss_mib']} MiB"))
    rows.append(("load + validate real content", f"{real * 1000:.0f} ms", ""))
    rows.append(("load + validate 10 000 questions", f"{cold:.2f} s", f"≤ {TARGETS['load_10k_s']} s"))
    rows.append(("the same files parsed by PyYAML alone", f"{pyyaml:.2f} s", ""))
    from game.pads.bench import bench_pads  # 60 answer pads on 127.0.0.1: p95 answer → count, CPU (issue 17)
    results["pads"] = bench_pads(rows)
    width = max(len(r[0]) for r in rows)
    print(f"Numérique en jeu — benchmark ({results['machine']})")
    for name, value, target in rows:
        print(f"  {name:<{width}}  {value:<34} {target}")
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
