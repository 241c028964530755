"""A bot that plays whole sessions through the real scenes, with synthetic raw events.

It posts the same events a player's device produces (mouse clicks, finger taps, key
presses, gamepad buttons), so the input layer, the scenes and the scoring are all
exercised. Same seed, same sessions, same output.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path
from typing import TextIO

import pygame

from game import explain, i18n, scoring
from game import input as inp
from game.app import App, configure_headless
from game.content.loader import Content
from game.scenes.classroom import ClassItemScene, ClassSetupScene, DebriefScene
from game.scenes.kiosk import AttractScene, KioskController
from game.scenes.measure import MeasureItemScene
from game.scenes.measure_rate import MeasureRateScene
from game.scenes.question import QuestionScene
from game.scenes.results import ResultsScene
from game.scenes.scenario import ScenarioScene
from game.scenes.title import TitleScene
from game.settings import MENU
from game.ui.ordering import OrderingList
from game.ui.widgets import Slider, Widget

DEVICES = ("mouse", "touch", "keyboard", "gamepad")
MAX_ACTIONS = 600
# ``--measure``: how often the bot knows the answer of a check's question, before and after the
# game; after it, it also rates reliable posts high and manipulative ones low (before: at random,
# around the middle), so that ``stats`` shows a gain and a discernment that move.
MEASURE_SKILL = {"pre": 0.4, "post": 0.8}


class Bot:
    """Presses what a player would: at random, or leaning towards some profile axes
    (``bias``: right answers on those axes, wrong elsewhere, the choices that weigh most on them)."""

    def __init__(self, app: App, rng: random.Random, device: str, bias: tuple[str, ...] = (),
                 measure: bool = False) -> None:
        self.app = app
        self.rng = rng
        self.device = device
        self.bias = bias
        self.measure = measure  # answers the check after the game better than the one before
        self.aim: float | None = None  # a value the next slider move must reach (a biased bot)
        self.goal: tuple[str, ...] | None = None  # the order a biased bot wants (ordering questions)
        self._meant: dict[tuple[str, str], object] = {}  # (phase, item) -> right or not, a rating

    def _measured(self, scene, targets: list[Widget]) -> list[Widget]:  # noqa: ANN001
        """The measure's screens (``--measure``): right more often after the game than before, and
        reliable posts rated higher after than before, manipulative ones lower."""
        by_id = {w.id: w for w in targets}
        phase = scene.step.phase
        if isinstance(scene, MeasureItemScene):
            key = (phase, scene.question_id)
            if key not in self._meant:
                self._meant[key] = self.rng.random() < MEASURE_SKILL.get(phase, 0.5)
            return self._measure_answer(scene, bool(self._meant[key]), by_id) or targets
        if isinstance(scene, MeasureRateScene):
            key = (phase, scene.post_id)
            if key not in self._meant:
                reliable = scene.post.reliable
                if phase == "post" and self.rng.random() < 0.85:
                    self._meant[key] = self.rng.randint(5, 7) if reliable else self.rng.randint(1, 3)
                else:
                    self._meant[key] = self.rng.randint(3, 5)
            if scene.choice == self._meant[key] and "submit" in by_id:
                return [by_id["submit"]]
            want = f"rate:{self._meant[key]}"
            return [by_id[want]] if want in by_id else targets
        return targets

    def _measure_answer(self, scene, wanted: bool, by_id: dict[str, Widget]) -> list[Widget]:  # noqa: ANN001
        """What to press on a check's question to answer it right (``wanted``) or wrong: the
        choices to tick, the slider to steer, then « Valider »."""
        q = scene.question
        if q.type == "estimate":
            goal = q.estimate.answer if wanted else (q.estimate.min if q.estimate.answer != q.estimate.min
                                                     else q.estimate.max)
            if abs(scene.value - goal) < 1e-9 and scene.moved:
                return [by_id["submit"]] if "submit" in by_id else []
            if abs(scene.value - goal) < 1e-9:  # started on the goal: move away, then back
                goal += q.estimate.step if scene.value < q.estimate.max else -q.estimate.step
            self.aim = goal
            return [by_id["slider"]] if "slider" in by_id else []
        ids = ({c.id for c in q.choices if c.correct} if wanted
               else {c.id for c in q.choices if not c.correct} or {q.choices[0].id})
        if q.type != "multiple":
            ids = {sorted(ids)[0]}
        missing = [by_id[f"choice:{i}"] for i in sorted(ids) if i not in scene.selected and f"choice:{i}" in by_id]
        extra = [by_id[f"choice:{i}"] for i in sorted(scene.selected - ids) if f"choice:{i}" in by_id]
        if missing or extra:
            return (missing + extra)[:1]
        return [by_id["submit"]] if "submit" in by_id else []

    def _biased(self, scene, targets: list[Widget]) -> list[Widget]:  # noqa: ANN001
        by_id = {w.id: w for w in targets}
        if "play_all" in by_id:  # a biased bot plays the full path: every theme can feed its axes
            return [by_id["play_all"]]
        if isinstance(scene, ScenarioScene) and scene.phase == "ask":
            def weight(choice) -> float:  # noqa: ANN001
                return sum(choice.axes.get(a, 0.0) for a in self.bias)

            best = max(weight(c) for c in scene.scenario.choices)
            picks = [c for c in scene.scenario.choices if weight(c) == best]
            if best == 0:  # no choice feeds its axes: the one that feeds the others least
                least = min(sum(c.axes.values()) for c in picks)
                picks = [c for c in picks if sum(c.axes.values()) == least]
            return [by_id[f"choice:{c.id}"] for c in picks if f"choice:{c.id}" in by_id] or targets
        if isinstance(scene, QuestionScene) and scene.phase == "ask":
            q = scene.question
            wanted = any(a in q.axes for a in self.bias)
            if q.type == "estimate":
                goal = q.estimate.answer if wanted else (q.estimate.min if q.estimate.answer != q.estimate.min
                                                         else q.estimate.max)
                if abs(scene.value - goal) < 1e-9 and scene.moved:
                    return [by_id["submit"]]
                if abs(scene.value - goal) < 1e-9:  # started on the goal: move away, then back
                    goal += q.estimate.step if scene.value < q.estimate.max else -q.estimate.step
                self.aim = goal  # steered with the bot's own device: keys, pad, a tap on the track
                return [by_id["slider"]]
            if q.type == "ordering":  # the list, then « Valider »; a wanting bot orders it right
                self.goal = tuple(q.right_ids) if wanted else None
                return targets
            ids = ({c.id for c in q.choices if c.correct} if wanted
                   else {c.id for c in q.choices if not c.correct} or {q.choices[0].id})
            if q.type != "multiple":
                ids = {sorted(ids)[0]}
            missing = [by_id[f"choice:{i}"] for i in sorted(ids) if i not in scene.selected]
            extra = [by_id[f"choice:{i}"] for i in sorted(scene.selected - ids)]
            if missing or extra:
                return (missing + extra)[:1]
            return [by_id["submit"]]
        return targets

    # -- raw events for each device -------------------------------------------------------
    def _events_click(self, pos: tuple[int, int]) -> list[pygame.event.Event]:
        if self.device == "touch":
            w, h = self.app.screen.get_size()
            x, y = pos[0] / w, pos[1] / h
            return [
                pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, dx=0, dy=0, touch_id=1, finger_id=0, pressure=1),
                pygame.event.Event(pygame.FINGERUP, x=x, y=y, dx=0, dy=0, touch_id=1, finger_id=0, pressure=0),
            ]
        return [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False),
        ]

    def _key(self, key: int, mod: int = 0) -> pygame.event.Event:
        return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)

    def _pad_dir(self, dx: int, dy: int) -> list[pygame.event.Event]:
        return [
            pygame.event.Event(pygame.JOYHATMOTION, instance_id=0, joy=0, hat=0, value=(dx, -dy)),
            pygame.event.Event(pygame.JOYHATMOTION, instance_id=0, joy=0, hat=0, value=(0, 0)),
        ]

    def _pad_a(self) -> list[pygame.event.Event]:
        return [pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=0, joy=0, button=0)]

    # -- one action ---------------------------------------------------------------------
    def act(self) -> None:
        scene = self.app.top
        assert scene is not None
        scene.ensure_layout(self.app.screen.get_size())
        targets = scene.bot_targets()
        if not targets:
            raise RuntimeError(f"the bot is stuck on {scene.name}: nothing to press")
        if self.measure and isinstance(scene, (MeasureItemScene, MeasureRateScene)):
            targets = self._measured(scene, targets)
        elif self.bias:
            targets = self._biased(scene, targets)
        target = self.rng.choice(targets)
        if isinstance(target, OrderingList):
            self._reorder(scene, target)
            return
        if isinstance(target, Slider) and (self.aim is not None or self.rng.random() < 0.7):
            self._adjust(scene, target)
            return
        if self.device in ("mouse", "touch"):
            self._send(self._events_click(self._point_in(target)))
        elif self.device == "keyboard":
            self._reach(scene, target, lambda: [self._key(pygame.K_TAB)])
            self._send([self._key(pygame.K_RETURN)])
        elif self._reach_pad(scene, target):
            self._send(self._pad_a())

    def _point_in(self, w: Widget) -> tuple[int, int]:
        """A point inside the widget, in window coordinates (the page scrolled to show it)."""
        scene = self.app.top
        scene.scroll_to_show(w)
        r = w.rect.inflate(-4, -4)
        r.y -= scene.scroll
        r = r.clip(pygame.Rect((0, 0), self.app.screen.get_size()))
        return (self.rng.randint(r.left, max(r.left, r.right - 1)), self.rng.randint(r.top, max(r.top, r.bottom - 1)))

    def _adjust(self, scene, slider: Slider) -> None:  # noqa: ANN001
        if self.aim is not None:
            self._steer(scene, slider, self.aim)
            self.aim = None
            return
        if self.device in ("mouse", "touch"):
            self._send(self._events_click(self._point_in(slider)))
            return
        if self.device == "keyboard":
            self._reach(scene, slider, lambda: [self._key(pygame.K_TAB)])
            key = self.rng.choice((pygame.K_LEFT, pygame.K_RIGHT))
            self._send([self._key(key) for _ in range(self.rng.randint(1, 6))])
        else:
            self._reach_pad(scene, slider)
            dx = self.rng.choice((-1, 1))
            for _ in range(self.rng.randint(1, 6)):
                self._send(self._pad_dir(dx, 0))

    def _reorder(self, scene, ordering: OrderingList) -> None:  # noqa: ANN001
        """Move one row of an ordering list with the bot's device: a tap on two rows (they swap),
        or Enter / A on a row, Up or Down, Enter / A. A biased bot that wants the right answer
        brings the row that belongs at the first wrong place there (``goal``)."""
        order = list(ordering.order)
        goal = self.goal
        if goal and tuple(order) != tuple(goal):
            i = next(k for k, (a, b) in enumerate(zip(order, goal)) if a != b)
            src, dst = order.index(goal[i]), i
        else:
            src = self.rng.randrange(len(order))
            dst = src + (1 if src == 0 else -1 if src == len(order) - 1 else self.rng.choice((-1, 1)))
        if self.device in ("mouse", "touch"):
            for k in (src, dst):  # a tap on each: the two rows swap
                scene.scroll_to_show(ordering)
                r = ordering.row(order[k]).rect
                self._send(self._events_click((r.centerx, r.centery - scene.scroll)))
            return
        keyboard = self.device == "keyboard"
        if keyboard:
            self._reach(scene, ordering, lambda: [self._key(pygame.K_TAB)])
        elif not self._reach_pad(scene, ordering):
            return
        def move(up: bool) -> list[pygame.event.Event]:
            return [self._key(pygame.K_UP if up else pygame.K_DOWN)] if keyboard else self._pad_dir(0, -1 if up else 1)
        confirm = (lambda: [self._key(pygame.K_RETURN)]) if keyboard else self._pad_a
        for _ in range(abs(ordering.focus_index - src)):
            self._send(move(ordering.focus_index > src))
        self._send(confirm())
        for _ in range(abs(dst - src)):
            self._send(move(dst < src))
        self._send(confirm())

    def _steer(self, scene, slider: Slider, aim: float) -> None:  # noqa: ANN001
        """Move the slider to ``aim`` as a player would: a tap on the track where the value is, or
        the arrows / the pad's cross as many steps as it takes."""
        if self.device in ("mouse", "touch"):
            scene.scroll_to_show(slider)
            track = slider.track
            frac = (aim - slider.low) / max(1e-9, slider.high - slider.low)
            x = track.x + round(track.width * frac)
            self._send(self._events_click((x, slider.rect.centery - scene.scroll)))
            return
        n = round((aim - slider.value) / slider.step)
        if self.device == "keyboard":
            self._reach(scene, slider, lambda: [self._key(pygame.K_TAB)])
            self._send([self._key(pygame.K_RIGHT if n > 0 else pygame.K_LEFT) for _ in range(abs(n))])
        else:
            self._reach_pad(scene, slider)
            for _ in range(abs(n)):
                self._send(self._pad_dir(1 if n > 0 else -1, 0))

    def _reach(self, scene, target: Widget, press) -> None:  # noqa: ANN001
        for _ in range(len(scene.focusables()) + 1):
            if scene.focus_id == target.id:
                return
            self._send(press())

    def _reach_pad(self, scene, target: Widget) -> bool:  # noqa: ANN001
        """Move the pad's focus to ``target``; False when it could not get there (a player would
        not press A on something else)."""
        for _ in range(12):
            current = scene.focused()
            if current is None:
                return False
            if current.id == target.id:
                return True
            dx = target.rect.centerx - current.rect.centerx
            dy = target.rect.centery - current.rect.centery
            if isinstance(current, Slider) and dy:  # left and right move a slider: leave it up or down
                self._send(self._pad_dir(0, 1 if dy > 0 else -1))
            elif abs(dy) >= abs(dx):
                self._send(self._pad_dir(0, 1 if dy > 0 else -1))
            else:
                self._send(self._pad_dir(1 if dx > 0 else -1, 0))
        current = scene.focused()
        return current is not None and current.id == target.id

    def _send(self, events: list[pygame.event.Event]) -> None:
        self.app.step(events, 1.0)  # a long dt: animations end at once

    def play_to_the_end(self, max_actions: int = MAX_ACTIONS) -> bool:
        """Act until a session reached its results and the player is back on the title screen."""
        reached_results = False
        for _ in range(max_actions):
            reached_results |= isinstance(self.app.top, ResultsScene)
            if reached_results and isinstance(self.app.top, TitleScene):
                return True
            self.act()
        return False


def current_rss_mib() -> float:
    """Resident memory now (Linux /proc), else the peak so far: for the soak test."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bot_session(app: App, index: int, seed: int, screenshots: Path | None, out: TextIO, start_language: str,
                 memory: bool, summarize, bias: tuple[str, ...] = (), first=None, prefix: str = "s",  # noqa: ANN001
                 max_actions: int = MAX_ACTIONS, bot_class: type[Bot] | None = None,
                 measure: bool = False, home: type | None = None) -> dict:
    """Play from the title (or from ``first``, pushed on it) until ``summarize`` gives a summary
    and the bot is back on the title (or on a ``home`` screen: ``first``'s type by default); one
    JSON line per session."""
    home = home or first
    rng = random.Random(seed)
    app.rng = random.Random(seed)
    device = DEVICES[rng.randrange(len(DEVICES))]
    bot = (bot_class or Bot)(app, rng, device, bias, measure=measure)
    app.set_language(start_language)  # the bot may have switched it: each seed starts the same
    app.reset_to(TitleScene(app))
    if first is not None:
        app.push(first(app))
    app.step([], 0)
    summary: dict | None = None
    seen: list[str] = []
    for _ in range(max_actions):
        scene = app.top
        label = getattr(scene, "screen_name", scene.name)
        if label == "class_reveal" and getattr(getattr(scene, "run", None), "reveal_page", "") == "why":
            label = "class_reveal_why"  # the reveal's second page: its own screenshot
        if not seen or seen[-1] != label:
            seen.append(label)
            if screenshots is not None:
                pygame.image.save(app.screen, str(screenshots / f"{prefix}{index:04d}_{len(seen):02d}_{label}.png"))
                if app.console is not None:  # the facilitator's window, as it is at that moment
                    app.console.draw()
                    pygame.image.save(app.console.window.get_surface(),
                                      str(screenshots / f"{prefix}{index:04d}_{len(seen):02d}_{label}_console.png"))
        if summary is None:
            summary = summarize(scene)
        if summary is not None and (isinstance(scene, TitleScene) or (first is not None and isinstance(scene, home))):
            break  # back home: the title, or the class set-up where a class game ends
        bot.act()
    else:
        raise RuntimeError(f"session {index} (seed {seed}) did not finish in {max_actions} actions: {seen[-5:]}")
    summary = {"seed": seed, "device": device, **({"bias": list(bias)} if bias else {}),
               **{k: v for k, v in summary.items() if k != "seed"}}
    if memory:  # a measurement, not an outcome: only on request, so that a seed's output stays the same
        summary["rss_mib"] = round(current_rss_mib(), 1)
    out.write(json.dumps(summary, ensure_ascii=False) + "\n")
    return summary


def solo_trace(app: App, session) -> dict:  # noqa: ANN001 - a Session
    """What a reader needs to check a session from outside: the items in the order dealt (level,
    choice ids in the order shown, the slider's start) and the careers shown, each with the reason
    the results screen gives for it, in the language played."""
    matches = scoring.top_careers(app.content, session.answers)
    reasons = explain.career_reasons(app.content, matches)
    return {"language": app.language, "level": session.level, "short_by": session.short_by,
            "items": session.trace(),
            "careers_shown": [{"id": m.career_id, "reason": r} for m, r in zip(matches, reasons)]}


def play_session(app: App, index: int, seed: int, screenshots: Path | None, out: TextIO,
                 bias: tuple[str, ...] = (), start_language: str = "fr", memory: bool = False,
                 trace: bool = False, measure: bool = False) -> dict:
    def summarize(scene) -> dict | None:  # noqa: ANN001
        if not isinstance(scene, ResultsScene):
            return None
        session = scene.play.session
        row = {**session.summary(), **({"trace": solo_trace(app, session)} if trace else {})}
        measured = getattr(scene.play, "measured", None)
        if measured is not None:
            row["measure"] = measure_summary(measured)
        return row

    return _bot_session(app, index, seed, screenshots, out, start_language, memory, bias=bias, summarize=summarize,
                        measure=measure)


def measure_summary(measured) -> dict:  # noqa: ANN001 - a MeasuredRun
    """The measure of a session, for its JSON line: skipped, or the scores and discernments."""
    result = measured.result()
    if result is None:
        return {"skipped": True}

    def rounded(x: float | None) -> float | None:
        return None if x is None else round(x, 3)

    return {"items": result.items, "before": rounded(result.before), "after": rounded(result.after),
            "discernment_before": rounded(result.discernment_before),
            "discernment_after": rounded(result.discernment_after), "complete": result.complete}


class FacilitatorBot(Bot):
    """The facilitator at a keyboard keys each team's answer with 1–4, the place where the
    projector shows it (the session shuffled the choices), then R to reveal and S to go on, as the
    help overlay says; a laptop's facilitator (the mouse) does so half the time. Touch and the pad
    press the buttons."""

    def _on_console(self) -> None:
        """A click on one of the facilitator's window's buttons (the projector has none)."""
        console = self.app.console
        cs = console.scene
        cs.refresh()
        cs.ensure_layout(console.size)
        targets = cs.bot_targets()
        if not targets:
            raise RuntimeError("the bot is stuck on the facilitator's window: nothing to press")
        target = self.rng.choice(targets)
        cs.scroll_to_show(target)
        x, y = target.rect.centerx, target.rect.centery - cs.scroll
        self._send([pygame.event.Event(kind, pos=(x, y), button=1, touch=False, window=console.window)
                    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)])

    def act(self) -> None:
        scene = self.app.top
        if self.app.console is not None and isinstance(scene, ClassItemScene):
            self._on_console()  # two screens: the controls are on the facilitator's window
            return
        keys = self.device == "keyboard" or (self.device == "mouse" and self.rng.random() < 0.5)
        if isinstance(scene, ClassItemScene) and scene.phase == "ask" and scene.run.kind == "ordering" \
                and not scene.run.all_entered() and not scene.run.answered(scene.current):
            # An ordering is keyed in rank order: each key puts the item at that place on the
            # projector next; the facilitator types the team's order (the last item goes by itself).
            n = len(scene.run.choices)
            self._send([self._key(pygame.K_1 + self.rng.randrange(n))])
            return
        if keys and isinstance(scene, ClassItemScene):
            scene.ensure_layout(self.app.screen.get_size())
            targets = scene.bot_targets()
            target = self.rng.choice(targets) if targets else None
            if target is not None and target.id.startswith("choice:") and (target.pick_index or 0) < 4:
                self._send([self._key(pygame.K_1 + (target.pick_index or 0))])
                return
            letter = {"reveal": "r", "next": "s"}.get(target.id if target is not None else "")
            if letter:
                self._send([pygame.event.Event(pygame.TEXTINPUT, text=letter)])
                return
        super().act()


def play_class_session(app: App, index: int, seed: int, screenshots: Path | None, out: TextIO,
                       start_language: str = "fr", memory: bool = False, trace: bool = False,
                       measure: bool = False) -> dict:
    """A classroom session played by a bot standing in for the facilitator, set-up to debrief."""
    def summarize(scene) -> dict | None:  # noqa: ANN001
        if not isinstance(scene, DebriefScene):
            return None
        cl = scene.classroom
        row = {"mode": "classroom", "answering": cl.config.answering, "teams": len(cl.teams),
               "items": len(cl.session.steps), "points": [cl.points(t.index) for t in cl.teams]}
        if trace:
            row["trace"] = {"language": app.language, "level": cl.session.level, "short_by": cl.session.short_by,
                            "items": cl.session.trace()}
        return row

    class SetUp(ClassSetupScene):  # the set-up as the facilitator left it: the measure on when asked
        def __init__(self, ctx) -> None:  # noqa: ANN001
            super().__init__(ctx)
            self.measure = measure

    app.class_config = None
    return _bot_session(app, index, seed, screenshots, out, start_language, memory, summarize=summarize,
                        first=SetUp, prefix="c", max_actions=MAX_ACTIONS * 2, bot_class=FacilitatorBot,
                        measure=measure, home=ClassSetupScene)


def run(content: Content, sessions: int, seed: int, size: tuple[int, int], screenshots: Path | None = None,
        out: TextIO | None = None, bias: tuple[str, ...] = (), memory: bool = False,
        mode: str = "solo", trace: bool = False, level: str | None = None, measure: bool = False,
        results: Path | None = None, console: bool = False) -> list[dict]:
    """``measure``: the pre/post measure on (the bot answers better after the game); ``results``:
    a results file the sessions are recorded in (``stats --results``); none by default, so that a
    bot never mixes with real players' results. ``console``: a class game plays as on a computer
    with two screens (the facilitator's window opens; its picture beside each screenshot)."""
    out = out or sys.stdout
    configure_headless()
    app = App(content, size=size, seed=seed, sound=False)
    app.settings = app.settings.with_value("measure", measure)  # off unless asked: a seed plays the same game
    if level is not None:  # what a player or a facilitator would pick on the title or the class set-up
        app.settings = app.settings.with_value("level", level)
    if results is not None:
        from game.storage import ResultsStore

        app.results = ResultsStore(results)
    app.open_window()
    if console:
        app.screens = 2
    if screenshots is not None:
        screenshots.mkdir(parents=True, exist_ok=True)
    language = app.language
    try:
        if mode == "classroom":
            return [play_class_session(app, i, seed + i, screenshots, out, language, memory, trace, measure)
                    for i in range(sessions)]
        played = [play_session(app, i, seed + i, screenshots, out, bias, language, memory, trace, measure)
                  for i in range(sessions)]
    finally:
        if app.console is not None:  # before SDL goes away (a window freed after it crashes)
            app.console.close()
            app.console = None
        i18n.set_language(language)  # the bot may have switched it
        if app.results is not None:
            app.results.close()
    return played


# -- monkey: random raw events for a while; any exception is a failure -----------------------
MONKEY_KEYS = [pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_TAB, pygame.K_RETURN,
               pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_F11, pygame.K_a,
               pygame.K_z, pygame.K_BACKSPACE, pygame.K_F1] + [getattr(pygame, f"K_{d}") for d in range(10)]
MONKEY_TEXT = "srpx+fdtn?aAé1 "  # typed text: facilitator keys, a team's name
MONKEY_MODS = [0, 0, 0, pygame.KMOD_LSHIFT, pygame.KMOD_LCTRL | pygame.KMOD_LALT, pygame.KMOD_LALT]


class Monkey:
    def __init__(self, app: App, rng: random.Random) -> None:
        self.app = app
        self.rng = rng
        self.events = 0
        self.resizes = 0
        self.fake_time = 0.0

    def random_events(self) -> list[pygame.event.Event]:
        """Random raw events; in a class game with the facilitator's window open, a third of them
        go to that window (and now and then its close button)."""
        events = self._random_events()
        console = self.app.console
        if console is not None and self.rng.random() < 0.33:
            if self.rng.random() < 0.02:
                return [pygame.event.Event(pygame.WINDOWCLOSE, window=console.window)]
            return [pygame.event.Event(e.type, {**e.dict, "window": console.window}) for e in events]
        return events

    def _random_events(self) -> list[pygame.event.Event]:
        r = self.rng
        w, h = self.app.screen.get_size()
        kind = r.random()
        if kind < 0.25:
            pos = (r.randrange(w), r.randrange(h))
            return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=r.choice((1, 1, 1, 3)), touch=False),
                    pygame.event.Event(pygame.MOUSEMOTION, pos=(r.randrange(w), r.randrange(h)), rel=(1, r.randrange(9)),
                                       buttons=(r.random() < 0.3, 0, 0), touch=False),
                    pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)]
        if kind < 0.45:
            x, y = r.random(), r.random()
            fid = dict(touch_id=1, finger_id=0, dx=0, dy=0)
            return [pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, pressure=1, **fid),
                    pygame.event.Event(pygame.FINGERMOTION, x=r.random(), y=r.random(), pressure=1, **fid),
                    pygame.event.Event(pygame.FINGERUP, x=x, y=y, pressure=0, **fid)]
        if kind < 0.5:
            return [pygame.event.Event(pygame.TEXTINPUT, text=r.choice(MONKEY_TEXT)) for _ in range(r.randint(1, 3))]
        if kind < 0.75:
            return [pygame.event.Event(pygame.KEYDOWN, key=r.choice(MONKEY_KEYS), mod=r.choice(MONKEY_MODS),
                                       unicode="", scancode=0) for _ in range(r.randint(1, 4))]
        if kind < 0.88:
            choice = r.random()
            if choice < 0.4:
                return [pygame.event.Event(pygame.JOYHATMOTION, instance_id=0, joy=0, hat=0,
                                           value=r.choice(((0, 1), (0, -1), (1, 0), (-1, 0), (0, 0))))]
            if choice < 0.8:
                return [pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=0, joy=0, button=r.randrange(8))]
            return [pygame.event.Event(pygame.JOYAXISMOTION, instance_id=0, joy=0, axis=r.randrange(4),
                                       value=r.uniform(-1, 1))]
        if kind < 0.91:
            return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=r.choice((-1, 1)), flipped=False, touch=False)]
        if kind < 0.94:
            self.resize()
            return []
        if kind < 0.97:
            self.change_settings()
            return []
        return [pygame.event.Event(pygame.QUIT)]

    def resize(self) -> None:
        r = self.rng
        size = r.choice([(320, 240), (3840, 2160), (1024, 600), (1080, 1920), (1280, 720)]) if r.random() < 0.5 \
            else (r.randint(320, 3840), r.randint(240, 2160))
        pygame.display.set_mode(size, pygame.RESIZABLE)
        self.app.dispatch(inp.Intent(inp.RESIZE, "window", pos=size))
        self.resizes += 1

    def change_settings(self) -> None:
        choice = self.rng.choice(MENU)
        value = self.rng.choice(choice.values)
        self.app.apply_settings(self.app.settings.with_value(choice.key, value), save=False)

    def run(self, seconds: float, mode: str) -> None:
        kiosk = mode == "kiosk"
        if kiosk:
            self.app.kiosk = KioskController(self.app)
            self.app.reset_to(AttractScene(self.app))
        else:
            self.app.kiosk = None
            self.app.reset_to(TitleScene(self.app))
        self.app.screens = 2 if mode == "classroom" else None  # a class game opens the facilitator's window
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            events = self.random_events()
            self.events += len(events)
            self.app.running = True
            self.app.step(events, self.rng.choice((0.0, 0.016, 0.1, 1.0)))
            if not self.app.running or not self.app.stack:
                # A quit: the game on the stack was kept as abandoned and the real loop would end
                # here; the monkey starts the app again from its first screen instead.
                self.app.home()
            if mode == "classroom" and isinstance(self.app.top, TitleScene) and self.rng.random() < 0.2:
                self.app.push(ClassSetupScene(self.app))  # back into classroom mode
            if kiosk and self.rng.random() < 0.05:
                self.fake_time += self.rng.choice((5, 30, 100))
        self.app.kiosk = None
        self.app.screens = None


def run_monkey(content: Content, minutes: float, seed: int, out: TextIO | None = None) -> dict:
    """Random raw events in solo, classroom then kiosk mode for ``minutes``; raises on the first error."""
    out = out or sys.stdout
    configure_headless()
    app = App(content, size=(1280, 720), seed=seed, sound=False)
    app.set_language(i18n.current_language())
    app.open_window()
    monkey = Monkey(app, random.Random(seed))
    monkey.fake_time = 0.0
    base_clock = app.clock
    app.clock = lambda: base_clock() + monkey.fake_time  # kiosk idle timers run out now and then
    third = minutes * 60 / 3
    language = i18n.current_language()
    try:
        for mode in ("solo", "classroom", "kiosk"):
            monkey.run(third, mode)
    finally:
        i18n.set_language(language)  # the monkey may have switched it: the process keeps its own
    summary = {"events": monkey.events, "resizes": monkey.resizes, "minutes": minutes, "seed": seed,
               "frames": app.frames_drawn}
    out.write(json.dumps(summary) + "\n")
    return summary
