#!/usr/bin/env python3
"""The documentation's screenshots (issue 16), made by the real game played by its bot, offline.

    .venv/bin/python scripts/shoot_docs.py [--out docs/screenshots] [--size 1280x720 ...]
                                           [--lang fr|en|all] [--timeout 600] [--keep DIR]

Headless (SDL dummy drivers), no network, bounded in time (a watchdog ends the process after
--timeout seconds). It drives ``game.autoplay`` (``play_session`` / ``play_class_session``, the
functions behind ``main.py autoplay --screenshots``) with fixed seeds into a temporary folder,
notes for each frame the language the game was in at that moment and what the screen showed
(the answer right or not, the question's type, the gauges a card moved, how many choices the
class's teams spread over), picks the most telling frame of each screen in the right language,
and copies it under a stable name. For each size (1280×720, 1024×600, 1080×1920) and language
(fr, en):

    title-<size>-<lang>.png             the title hub
    question-<size>-<lang>.png          a solo question after the answer (question_feedback):
                                        a right answer (« +1 »), a several-answer one if any
    consequence-<size>-<lang>.png       a situation card's consequence, its gauges moved
    results-<size>-<lang>.png           the results' summary
    results-profile-<size>-<lang>.png   the profile page        (1280×720 only)
    results-careers-<size>-<lang>.png   the careers page        (1280×720 only)
    kiosk-<size>-<lang>.png             the kiosk's attract screen (a still moment of its loop)
    class-ask-<size>-<lang>.png         class mode, the projector's public view while the teams
    class-reveal-<size>-<lang>.png        answer, the reveal's answer page with the spread bars,
    class-why-<size>-<lang>.png           its « why » page, the podium at the end: played as
    class-podium-<size>-<lang>.png        ``autoplay --console`` (two screens: the facilitator's
                                          window holds the buttons)
    class-ask-buttons-1280x720-<lang>.png     the projector alone (one screen: its buttons
    class-reveal-buttons-1280x720-<lang>.png  on it), at 1280×720

Same seeds, same games, same pictures: running it again rewrites the same files (and prints
them). It never touches the other tools' pictures (pad-*, console-*, class-join-*, measure-*).
A tool, not a test: not in the default suite.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game import autoplay, i18n  # noqa: E402
from game.app import App, configure_headless  # noqa: E402
from game.cli import QUESTIONS, load_playable  # noqa: E402
from game.scenes.classroom import ClassItemScene  # noqa: E402
from game.scenes.kiosk import AttractScene, KioskController  # noqa: E402
from game.scenes.question import QuestionScene  # noqa: E402
from game.scenes.scenario import ScenarioScene  # noqa: E402
from game.settings import Settings  # noqa: E402

SIZES = ((1280, 720), (1024, 600), (1080, 1920))
LANGS = ("fr", "en")
BIG = (1280, 720)  # the size that also gets the results' profile and careers pages, the projector's buttons
# The solo games, all played, the best frame of each screen taken from them (the first play wins a
# tie, and gives the title and the results): (seed, the axes the bot leans towards). A bot leaning
# towards axes plays the full path, right on their questions and wrong elsewhere. Seed 17, leaning
# to inclusion, information and security, gets 7 right out of 12 and buys a new smartphone on
# the way (three gauges moved on the results); seed 12, leaning to inclusion, eco-design and
# repair, answers a several-answer question right first (« +1 », both boxes marked).
SOLO_PLAYS = ((17, ("inclusion", "information", "security")), (12, ("inclusion", "eco_design", "repair")))
# The class games (the facilitator's bot), tried in this order until every screen has a frame in
# the language: seed 3 reveals a question whose four teams spread over three answers.
CLASS_PLAYS = ((3, ()), (4, ()), (5, ()), (6, ()))
KIOSK_CLOCK = 1001.0  # a fixed moment: the first fact, still, the call to play at the top of its pulse


@dataclass
class Frame:
    path: Path
    label: str
    language: str
    info: dict = field(default_factory=dict)


class Recorder:
    """Wraps ``pygame.image.save`` while the bot plays: each frame the autoplay writes into the
    temporary folder is noted with the game's language at that moment and what its screen showed."""

    def __init__(self) -> None:
        self.app: App | None = None
        self.frames: list[Frame] = []
        self._save = pygame.image.save

    def __enter__(self) -> Recorder:
        pygame.image.save = self._hook
        return self

    def __exit__(self, *exc: object) -> None:
        pygame.image.save = self._save

    def _hook(self, surface: pygame.Surface, path, *args, **kwargs) -> None:  # noqa: ANN001
        self._save(surface, path, *args, **kwargs)
        p = Path(path)
        if self.app is None or p.stem.endswith("_console"):
            return
        label = p.stem.split("_", 2)[2]  # s0000_03_question_feedback -> question_feedback
        self.frames.append(Frame(p, label, self.app.language, describe(self.app.top)))


def describe(scene) -> dict:  # noqa: ANN001
    """What makes a frame of this screen worth showing (read from the scene, keyed on ids)."""
    if isinstance(scene, QuestionScene) and scene.phase == "feedback":
        q = scene.question
        answer = getattr(scene, "answer", None)
        return {"type": q.type, "correct": bool(answer is not None and answer.correct),
                "rights": sum(1 for c in q.choices if c.correct)}
    if isinstance(scene, ScenarioScene) and scene.phase == "consequence":
        choice = next((c for c in scene.scenario.choices if c.id == scene.choice_id), None)
        return {"moved": sum(1 for v in (choice.effects if choice else {}).values() if v)}
    if isinstance(scene, ClassItemScene):
        run = scene.run
        spread = sum(1 for teams in run.chosen_by().values() if teams) if run.revealed else 0
        right = sum(1 for t in run.teams if (e := run.entry(t.index)) is not None and e.answer.correct)
        return {"kind": run.kind, "choices": len(run.choices), "teams": len(run.teams_for_current()),
                "spread": spread, "right": right, "page": run.reveal_page}
    return {}


def question_score(f: Frame) -> tuple:
    i = f.info
    return (i.get("correct", False), i.get("type") == "multiple" and i.get("rights", 0) >= 2,
            i.get("type") not in ("estimate", "ordering"))


def pick(frames: list[Frame], label: str, lang: str, score=None) -> Frame | None:  # noqa: ANN001
    """The best frame of a screen in the language (the first of the best: the game's order)."""
    found = [f for f in frames if f.label == label and f.language == lang]
    if not found:
        return None
    if score is None:
        return found[0]
    best = max(score(f) for f in found)
    return next(f for f in found if score(f) == best)


def new_app(content, size: tuple[int, int], seed: int, lang: str, screens: int | None = None) -> App:  # noqa: ANN001
    """An app as ``autoplay.run`` makes one (no sound, nothing saved, the measure off)."""
    configure_headless()
    i18n.set_language(lang)
    app = App(content, size=size, seed=seed, sound=False)
    app.settings = app.settings.with_value("measure", False)
    app.open_window()
    app.screens = screens
    return app


def close_app(app: App) -> None:
    if app.console is not None:  # before SDL goes away
        app.console.close()
        app.console = None


# What each run must give, per language: (file stem, the autoplay's screen name, how to choose).
SOLO_WANTS = [("title", "title", None), ("question", "question_feedback", question_score),
              ("consequence", "scenario_consequence", lambda f: f.info.get("moved", 0)),
              ("results", "results_summary", None)]
SOLO_BIG = [("results-profile", "results_profile", None), ("results-careers", "results_careers", None)]


def class_ask_score(f: Frame) -> tuple:
    """A question with choices, asked to the most teams at once."""
    return (f.info.get("kind") in ("single", "multiple"), f.info.get("teams", 0), f.info.get("choices", 0))


def class_reveal_score(f: Frame) -> tuple:
    """The answer page of a question, the teams spread over several choices with one right at
    least, then the widest spread."""
    spread = f.info.get("spread", 0)
    return (f.info.get("page") == "answer", f.info.get("kind") in ("single", "multiple"),
            spread >= 2 and f.info.get("right", 0) > 0, spread)


CLASS_WANTS = [("class-ask", "class_ask", class_ask_score), ("class-reveal", "class_reveal", class_reveal_score),
               ("class-why", "class_reveal_why", class_reveal_score), ("class-podium", "class_debrief_podium", None)]
BUTTON_WANTS = [("class-ask-buttons", "class_ask", class_ask_score),
                ("class-reveal-buttons", "class_reveal", class_reveal_score)]


def play(content, size, lang, plays, wants, tmp: Path, classroom: bool, screens: int | None,  # noqa: ANN001
         every: bool) -> dict[str, tuple[Frame, int]]:
    """Play ``plays`` in order (all of them when ``every``, else until each wanted screen has a
    frame in ``lang``) and choose each screen's frame; stem -> (frame, seed)."""
    chosen: dict[str, tuple[Frame, int]] = {}
    frames: list[tuple[Frame, int]] = []
    def settled() -> bool:  # every screen has a frame, and the reveal one that tells (a spread, a team right)
        reveal = chosen.get("class-reveal") or chosen.get("class-reveal-buttons")
        return all(w[0] in chosen for w in wants) and (reveal is None or class_reveal_score(reveal[0])[2])

    for seed, bias in plays:
        if not every and settled():
            break
        folder = tmp / f"{'c' if classroom else 's'}-{size[0]}x{size[1]}-{lang}-{screens or 1}-{seed}-{'+'.join(bias)}"
        folder.mkdir(parents=True, exist_ok=True)
        app = new_app(content, size, seed, lang, screens)
        with Recorder() as rec:
            rec.app = app
            try:
                if classroom:
                    app.class_config = None
                    autoplay.play_class_session(app, 0, seed, folder, io.StringIO(), lang)
                else:
                    autoplay.play_session(app, 0, seed, folder, io.StringIO(), bias, lang)
            finally:
                close_app(app)
        frames += [(f, seed) for f in rec.frames]
        for stem, label, score in wants:
            found = pick([f for f, _s in frames], label, lang, score)
            if found is not None:
                chosen[stem] = next((f, s) for f, s in frames if f is found)
    if "class-reveal" in chosen and any(w[0] == "class-why" for w in wants):
        # The « why » page of the same question: the first one after the answer page chosen.
        reveal = chosen["class-reveal"][0]
        at = next(i for i, (f, _s) in enumerate(frames) if f is reveal)
        after = next(((f, s) for f, s in frames[at + 1:] if f.label.startswith("class_")
                      and f.label != "class_scores" and f.language == lang and f.path.parent == reveal.path.parent),
                     None)
        if after is not None and after[0].label == "class_reveal_why":
            chosen["class-why"] = after
    return chosen


def kiosk_frame(content, size: tuple[int, int], lang: str, path: Path) -> None:  # noqa: ANN001
    """The attract screen as a kiosk shows it, at a fixed moment of its loop, saved from the app's surface."""
    app = new_app(content, size, 1, lang)
    app.clock = lambda: KIOSK_CLOCK
    app.apply_settings(Settings(kiosk_admin_pin="2468"), save=False)
    app.set_language(lang)  # the settings above name no language: say it again
    app.kiosk = KioskController(app)
    app.push(AttractScene(app))
    app.step([], 0)
    app.top.ensure_layout(app.screen.get_size())
    app.draw(app.screen)
    assert app.language == lang, (app.language, lang)
    pygame.image.save(app.screen, str(path))
    app.kiosk = None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--size", action="append", default=None, help="WxH (repeat); default: the three sizes")
    ap.add_argument("--lang", choices=(*LANGS, "all"), default="all")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before the watchdog ends the process")
    ap.add_argument("--keep", type=Path, default=None, help="keep every frame the bot wrote in this folder")
    args = ap.parse_args(argv)

    def die() -> None:
        print(f"shoot_docs: over {args.timeout:.0f} s, stopping", file=sys.stderr, flush=True)
        os._exit(3)

    watchdog = threading.Timer(args.timeout, die)
    watchdog.daemon = True
    watchdog.start()
    sizes = [tuple(int(x) for x in s.lower().split("x")) for s in args.size] if args.size else list(SIZES)
    langs = LANGS if args.lang == "all" else (args.lang,)
    content = load_playable(QUESTIONS)
    if content is None:
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    process_language = i18n.current_language()
    written: list[tuple[Path, str]] = []
    missing: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="shoot_docs-")) if args.keep is None else args.keep
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        for size in sizes:
            tag = f"{size[0]}x{size[1]}"
            for lang in langs:
                runs = [(SOLO_WANTS + (SOLO_BIG if size == BIG else []), SOLO_PLAYS, False, None),
                        (CLASS_WANTS, CLASS_PLAYS, True, 2)]
                if size == BIG:
                    runs.append((BUTTON_WANTS, CLASS_PLAYS, True, 1))
                for wants, plays, classroom, screens in runs:
                    chosen = play(content, size, lang, plays, wants, tmp, classroom, screens, every=not classroom)
                    for stem, label, _score in wants:
                        dest = args.out / f"{stem}-{tag}-{lang}.png"
                        if stem not in chosen:
                            missing.append(f"{dest.name} (no {label} frame in {lang})")
                            continue
                        frame, seed = chosen[stem]
                        shutil.copyfile(frame.path, dest)
                        info = ", ".join(f"{k}={v}" for k, v in frame.info.items())
                        written.append((dest, f"seed {seed}, {frame.path.name}" + (f" ({info})" if info else "")))
                dest = args.out / f"kiosk-{tag}-{lang}.png"
                kiosk_frame(content, size, lang, dest)
                written.append((dest, f"attract, clock {KIOSK_CLOCK}"))
    finally:
        i18n.set_language(process_language)
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    for dest, why in written:
        print(f"wrote {dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest}  <- {why}")
    for m in missing:
        print(f"MISSING {m}", file=sys.stderr)
    print(f"shoot_docs: {len(written)} files in {time.monotonic() - start:.0f} s"
          + (f", {len(missing)} missing" if missing else ""))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
