#!/usr/bin/env python3
"""Screenshots of the answer pads (issue 17), made by a real class game, offline, on 127.0.0.1.

    .venv/bin/python scripts/shoot_pads.py [--out docs/screenshots] [--lang fr|en|all] [--scale 1|2]
                                           [--port 8765] [--room K7M2QX] [--timeout 120]

It starts the game headless (SDL dummy drivers) with the class set-up's « Téléphones » option on,
the pad server bound to the loopback address only (NEJ_PAD_HOST=127.0.0.1, forced: never the LAN
address; port 8765, or a free one if it is taken, as the game does), with a fixed room code so
that the QR code is the same from one run to the next (the players' animal names are drawn
anew each time), and deals items of each type picked from the real bank (two of each question
type: one the phone answers right, one wrong; and a situation card). A phone-sized Chromium page
(the system's, driven by Playwright; 390×844) joins with the room code and plays each item:
open → « Réponse envoyée » → after the reveal. It saves

    pad-join-<lang>.png                       the join form, the room code typed
    pad-<type>-question-<lang>.png            the item open on the phone (the whole page)
    pad-<type>-screen-<lang>.png              multiple and ordering: the phone's first screen only
    pad-<type>-sent-<lang>.png                the answer sent (« Réponse envoyée »)
    pad-<type>-right-<lang>.png               after the reveal, the team right
    pad-<type>-wrong-<lang>.png               after the reveal, the team wrong
    pad-scenario-reveal-<lang>.png            a situation card after the reveal
    pad-facilitator-<lang>.png                the facilitator pad (same page, facilitator code)
    pad-facilitator-reveal-<lang>.png         the facilitator pad after the reveal
    class-join-<w>x<h>-<lang>.png             the projector's join panel (QR code, address, code)

(French: every one; English: the subset in EN_SHOTS.) Bounded in time: a watchdog ends the
process after --timeout seconds (120 by default). A tool, not a test: not in the default suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["NEJ_PAD_HOST"] = "127.0.0.1"  # forced: the loopback only, whatever the shell says
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game import i18n  # noqa: E402
from game import session as session_mod  # noqa: E402
from game.app import App  # noqa: E402
from game.content.loader import load_content  # noqa: E402
from game.scenes.classroom import ClassItemScene, ClassSetupScene  # noqa: E402
from game.scenes.classroom.join import JoinScene  # noqa: E402
from game.session import Step  # noqa: E402

TYPES = ("single", "multiple", "truefalse", "estimate", "ordering")
PHONE = {"width": 390, "height": 844}
ARGS = ["--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PROJECTOR_SIZES = {"fr": [(1280, 720), (1920, 1080), (1024, 600)], "en": [(1280, 720)]}
SCREEN_SHOTS = ("multiple", "ordering")  # also the first screen alone: « Envoyer » on it without scrolling
EN_SHOTS = {"join", "multiple-sent", "truefalse-wrong", "ordering-question"}  # a few: the PNGs stay under ~2 MB
WAIT = 6.0  # seconds for one thing to show on the page or in the game


class Shooter:
    def __init__(self, out: Path, scale: int) -> None:
        self.out = out
        self.scale = scale
        self.saved: list[Path] = []

    def phone(self, page, name: str, lang: str, first_screen: bool = False) -> None:  # noqa: ANN001
        """The whole page (the viewport grown to its height, so that the sticky « Envoyer » sits
        where it ends up after a scroll), or only the first screen the phone shows."""
        if lang == "en" and name not in EN_SHOTS:
            return
        path = self.out / f"pad-{name}-{lang}.png"
        if first_screen:
            page.screenshot(path=str(path))
        else:
            height = page.evaluate("() => document.documentElement.scrollHeight")
            page.set_viewport_size({"width": PHONE["width"], "height": max(PHONE["height"], height)})
            page.screenshot(path=str(path))
            page.set_viewport_size(PHONE)
        self.saved.append(path)

    def projector(self, app: App, lang: str) -> None:
        w, h = app.surface_size()
        path = self.out / f"class-join-{w}x{h}-{lang}.png"
        pygame.image.save(app.screen, str(path))
        self.saved.append(path)


# -- the items ---------------------------------------------------------------------------------
def pick_items(content) -> list[tuple[Step, str]]:  # noqa: ANN001
    """Two questions of each type from the bank (college level first, from two themes when the
    bank allows), and one situation card: (step, what the phone does: right | wrong | choose)."""
    plan = []
    for kind in TYPES:
        pool = [q for q in content.questions.values() if q.type == kind]
        pool.sort(key=lambda q: (q.difficulty != "college", len(q.prompt)))
        if len(pool) < 2:
            raise SystemExit(f"the bank has fewer than two {kind} questions")
        first = pool[0]
        second = next((q for q in pool[1:] if q.theme != first.theme), pool[1])
        plan += [(Step("question", first.id), "right"), (Step("question", second.id), "wrong")]
    card = min(content.scenarios.values(), key=lambda s: len(s.situation))
    plan.append((Step("scenario", card.id), "choose"))
    return plan


# -- the game side -----------------------------------------------------------------------------
def until(app: App, pred, what: str, timeout: float = WAIT) -> None:  # noqa: ANN001
    """Run the game's loop (the real event queue: the pads' wake-up) until ``pred()``."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.step(pygame.event.get(), 0.05)
        if pred():
            return
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {what}")


def page_has(app: App, page, js: str, what: str, timeout: float = WAIT) -> None:  # noqa: ANN001
    until(app, lambda: bool(page.evaluate(js)), what, timeout)


def start_class(app: App, steps: list[Step] | None, room: str | None):  # noqa: ANN201 - the JoinScene
    """The class set-up with phones on (the game makes the teams), two teams, « Commencer »."""
    from game.pads import server as server_mod

    real_plan, real_server = session_mod.plan_session, server_mod.PadServer
    if steps is not None:
        session_mod.plan_session = lambda *a, **k: list(steps)  # the items we picked, dealt as the game deals
    if room:  # the same room code on every run: the same QR code and code in the pictures
        server_mod.PadServer = lambda *a, **k: real_server(room, *a, **k)
    try:
        setup = ClassSetupScene(app)
        app.push(setup)
        setup.ensure_layout(app.surface_size())
        while len(setup.teams) > 2:
            setup.on_activate(setup.widget("fewer"))
        while setup.pads.mode != "auto":
            setup.on_activate(setup.widget("pads"))
        setup.on_activate(setup.widget("start"))
    finally:
        session_mod.plan_session, server_mod.PadServer = real_plan, real_server
    join = app.top
    if not isinstance(join, JoinScene) or join.link.server is None:
        raise SystemExit("the class game did not open its pad server")
    host = join.link.server.address[0]
    if host != "127.0.0.1":
        raise SystemExit(f"the pad server listens on {host}, not the loopback: stopping")
    return join


def new_app(content, size: tuple[int, int], lang: str) -> App:  # noqa: ANN001
    i18n.set_language(lang)
    app = App(content, size=size, seed=3, sound=False)
    app.settings = app.settings.with_value("measure", False)
    app.open_window()
    app.set_language(lang)
    return app


def close_app(app: App) -> None:
    for scene in list(app.stack):
        link = getattr(scene, "pads", None) or getattr(scene, "link", None)
        if link is not None and hasattr(link, "stop"):
            link.stop()
    pygame.display.quit()


# -- the phone side ----------------------------------------------------------------------------
def open_phone(browser, url: str, scale: int):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport=PHONE, device_scale_factor=scale, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(url)
    return context, page, errors


def js_str(text: str) -> str:
    import json

    return json.dumps(text)


def answer(app: App, page, run, how: str) -> None:  # noqa: ANN001
    """The phone answers the current item: right, wrong, or (a card) its first choice."""
    item, step = run.item, run.step
    kind = item.type if step.kind == "question" else "scenario"
    if kind == "estimate":
        est = item.estimate
        if how == "right":
            value = est.answer
        else:  # far from the answer, on the slider's grid
            value = est.min if abs(est.answer - est.min) > abs(est.max - est.answer) else est.max
        page.evaluate("""(v) => { const r = document.getElementById('range'); r.value = v;
                         r.dispatchEvent(new Event('input', {bubbles: true})); }""", value)
        page.click("#more")
        page.click("#less")  # the steps' buttons too: back where the slider was put
        page.click("#send")
    elif kind == "ordering":
        want = list(item.right_ids) if how == "right" else None
        if want is not None:
            for place, cid in enumerate(want):  # each item up to its place, with the ↑ buttons
                while True:
                    now = [li.get_attribute("data-item") for li in page.query_selector_all(".orderline")]
                    if now.index(cid) <= place:
                        break
                    page.click(f'[data-move="up"][data-id="{cid}"]')
        else:  # one swap away from the dealt order (never the right one), but not the right order either
            now = [li.get_attribute("data-item") for li in page.query_selector_all(".orderline")]
            swapped = [now[1], now[0], *now[2:]]
            if swapped != list(item.right_ids):
                page.click(f'[data-move="down"][data-id="{now[0]}"]')
        page.click("#send")
    elif kind == "multiple":
        right = set(item.correct_ids)
        ids = [b.get_attribute("data-id") for b in page.query_selector_all(".choice")]
        picks = sorted(right) if how == "right" else [i for i in ids if i not in right][:1] + sorted(right)[:1]
        for cid in picks:
            page.click(f'.choice[data-id="{cid}"]')
        page.click("#send")
    else:
        ids = [b.get_attribute("data-id") for b in page.query_selector_all(".choice")]
        if kind == "scenario":
            pick = ids[0]
        else:
            right = set(item.correct_ids)
            pick = next(i for i in ids if (i in right) == (how == "right"))
        page.click(f'.choice[data-id="{pick}"]')
    page_has(app, page, "() => /envoyée|sent/.test(document.getElementById('q-status').textContent)",
             "« Réponse envoyée » on the phone")
    until(app, lambda: run.answered(0), "the phone's answer in the class game")


def play(browser, content, lang: str, shots: Shooter, room: str | None) -> list[str]:  # noqa: ANN001
    plan = pick_items(content)
    app = new_app(content, (1280, 720), lang)
    errors_all: list[str] = []
    try:
        join = start_class(app, [s for s, _how in plan], room)
        server = join.link.server
        base = server.url.split("#")[0]
        ctx, page, errors = open_phone(browser, base, shots.scale)
        errors_all = errors
        page.wait_for_selector("#v-join:not([hidden])", timeout=WAIT * 1000)
        page.fill("#room", server.room_code)
        shots.phone(page, "join", lang)
        page.click("#join")
        until(app, lambda: join.link.seated() == 1, "the phone seated (join panel's count)")
        app.request_redraw()
        app.step([], 0.05)
        if (1280, 720) in PROJECTOR_SIZES.get(lang, []):
            shots.projector(app, lang)
        join.ensure_layout(app.surface_size())
        join.on_activate(join.widget("close"))  # « Fermer »: the first item
        item_scene = app.top
        if not isinstance(item_scene, ClassItemScene):
            raise SystemExit("no class item after the join panel")
        run = item_scene.run
        for n, (step, how) in enumerate(plan):
            until(app, lambda n=n: run.step_index == n and run.phase == "ask", f"item {n + 1}")
            item = run.item
            kind = item.type if step.kind == "question" else "scenario"
            prompt = item.prompt if step.kind == "question" else item.situation
            page_has(app, page, f"() => !document.getElementById('v-q').hidden && "
                                f"document.getElementById('q-prompt').textContent === {js_str(prompt)}",
                     f"item {n + 1} ({step.id}) on the phone")
            if how != "wrong":
                shots.phone(page, f"{kind}-question", lang)
                if kind in SCREEN_SHOTS:
                    shots.phone(page, f"{kind}-screen", lang, first_screen=True)
            answer(app, page, run, how)
            if how != "wrong":
                shots.phone(page, f"{kind}-sent", lang)
            fac = facilitator(app, browser, server, shots, lang, errors_all) if n == 0 and lang == "fr" else None
            run.reveal(confirmed=True)
            page_has(app, page, "() => !document.getElementById('q-result').hidden", "the reveal on the phone")
            got = run.entry(0).answer.correct
            if kind != "scenario" and got != (how == "right"):
                raise SystemExit(f"{step.id}: the phone meant {how}, the game scored {'right' if got else 'wrong'}")
            shots.phone(page, f"{kind}-{how if kind != 'scenario' else 'reveal'}", lang)
            if fac is not None:
                fac_ctx, fac_page = fac
                page_has(app, fac_page, "() => !!document.getElementById('do-next')", "« Suivant » on the facilitator pad")
                shots.phone(fac_page, "facilitator-reveal", lang)
                fac_ctx.close()
            while run.step_index == n and not run.finished:
                run.next()
        until(app, lambda: page.evaluate("() => !document.getElementById('v-end').hidden"), "the end on the phone")
        ctx.close()
    finally:
        close_app(app)
    return errors_all


def facilitator(app: App, browser, server, shots: Shooter, lang: str, errors: list[str]):  # noqa: ANN001, ANN201
    """The facilitator pad on the first item, once the phone's answer is in: counts, notes, controls."""
    ctx, page, errs = open_phone(browser, server.admin_url, shots.scale)
    page_has(app, page, "() => !document.getElementById('v-admin').hidden && "
                        "/1 \\/ 1/.test(document.getElementById('a-teams').textContent)", "the facilitator pad's counts")
    shots.phone(page, "facilitator", lang)
    errors += errs
    return ctx, page


def projector_only(browser, content, lang: str, size: tuple[int, int], shots: Shooter,  # noqa: ANN001
                   room: str | None) -> None:
    """The join panel at another size, with one phone joined (by the link: the code in the QR)."""
    app = new_app(content, size, lang)
    try:
        join = start_class(app, None, room)
        ctx, page, _errors = open_phone(browser, join.link.server.url, shots.scale)
        until(app, lambda: join.link.seated() == 1, "the phone seated")
        app.request_redraw()
        app.step([], 0.05)
        shots.projector(app, lang)
        ctx.close()
    finally:
        close_app(app)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--lang", choices=("fr", "en", "all"), default="all")
    ap.add_argument("--scale", type=int, choices=(1, 2), default=1, help="the phone's device scale factor")
    ap.add_argument("--port", type=int, default=8765, help="the pad server's port on 127.0.0.1 (0: any free port)")
    ap.add_argument("--room", default="K7M2QX", help="the room code (the README's example); '' for a random one")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before the watchdog ends the process")
    args = ap.parse_args(argv)
    os.environ["NEJ_PAD_PORT"] = str(args.port)  # taken: the game falls back to a free one and says so

    def die() -> None:
        print(f"shoot_pads: over {args.timeout:.0f} s, stopping", file=sys.stderr, flush=True)
        os._exit(3)

    watchdog = threading.Timer(args.timeout, die)
    watchdog.daemon = True
    watchdog.start()
    chromium = shutil.which("chromium")
    if chromium is None:
        print("shoot_pads: no system Chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    shots = Shooter(args.out, args.scale)
    content = load_content(ROOT / "questions")
    langs = ("fr", "en") if args.lang == "all" else (args.lang,)
    errors: list[str] = []
    began = time.monotonic()
    with sync_playwright() as p:
        launch = ARGS + (["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])
        browser = p.chromium.launch(executable_path=chromium, args=launch)
        try:
            for lang in langs:
                errors += play(browser, content, lang, shots, args.room)
                for size in PROJECTOR_SIZES[lang]:
                    if size != (1280, 720):
                        projector_only(browser, content, lang, size, shots, args.room)
        finally:
            browser.close()
    watchdog.cancel()
    total = sum(f.stat().st_size for f in shots.saved)
    for f in shots.saved:
        print(f"{f.relative_to(ROOT) if f.is_relative_to(ROOT) else f}  {f.stat().st_size // 1024} KiB")
    print(f"{len(shots.saved)} PNG, {total / 1024 / 1024:.2f} MiB, {time.monotonic() - began:.1f} s")
    if errors:
        print("page errors:", *errors, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
