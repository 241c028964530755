"""Does every text fit on the smallest supported screen? Measured by drawing the real scenes.

It builds an App to lay the scenes out, so it lives beside the app, not among the scenes
(no scene imports game.app).

Used by ``validate``: each question, answer feedback, scenario card, consequence, theme
introduction and career sheet is laid out at 1024×600 with the game's own layout code; a
text that had to be cut is reported at the line of the field it comes from.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.app import App, configure_headless
from game.classroom import ClassConfig, Classroom, default_teams
from game.content.checks import texts_of
from game.content.loader import Content, ContentIssue
from game import i18n
from game.i18n import _
from game.scenes.base import Scene
from game.scenes.classroom import ClassItemScene
from game.scenes.overlays import CareerScene
from game.scenes.play import Play
from game.scenes.question import QuestionScene
from game.scenes.scenario import ScenarioScene
from game.scenes.themes import ThemeIntroScene
from game.session import Session, Step
from game.ui.widgets import Button

SMALLEST = (1024, 600)


def _fitting_length(renderer: Any, tb: Any) -> int:
    """How many characters of a cut text fit its box (a binary search on the text's start)."""
    text, box = tb.text, tb.box
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if renderer.fit(text[:mid], box.width, box.height, tb.size, tb.min_size, tb.bold).truncated:
            high = mid - 1
        else:
            low = mid
    return low


def _truncated_texts(scene: Scene, size: tuple[int, int]) -> list[tuple[str, int]]:
    """(text, how many characters too many) for each text the scene had to cut."""
    scene.scrollable = False  # at the default text size everything must fit one screen, unscrolled
    scene.draw(pygame.Surface(size))
    boxes = [tb for tb, _c in scene.texts]
    for w in scene.widgets:
        boxes.extend(getattr(w, "text_boxes", []))
    renderer = scene.ctx.renderer
    return [(tb.text, max(1, len(tb.text) - _fitting_length(renderer, tb)))
            for tb in boxes if tb.fitted is not None and tb.fitted.truncated]


def _field_of(item: Any, text: str, fields: list[tuple[tuple[Any, ...], str]]) -> tuple[Any, ...]:
    """The field whose words the cut text holds (the longest match wins); else the field that
    holds the cut text (a screen may show a part of a field)."""
    best: tuple[Any, ...] = ("id",)
    best_len = 0
    for loc, value in fields:
        if value and value in text and len(value) > best_len:
            best, best_len = loc, len(value)
    if best_len == 0:
        for loc, value in fields:
            if value and text.strip() and text.strip() in value:
                return loc
    return best


def _debate_scene(app: App, content: Content, kind: str, item_id: str) -> Scene:
    classroom = Classroom(content, ClassConfig(default_teams(2)), Session(content, "all", [Step(kind, item_id)]))
    scene = ClassItemScene(app, classroom)
    scene.phase, scene.notes_shown = "debate", True
    return scene


def check_fit(content: Content, size: tuple[int, int] = SMALLEST,
              only: set[tuple[str, str]] | None = None) -> list[ContentIssue]:
    """Every text cut at ``size``, said with how many characters too many. ``only``: the
    (section, id) of the items to check (``validate FILE`` checks that file's items alone)."""
    def wanted(section: str, item_id: str) -> bool:
        return only is None or (section, item_id) in only

    configure_headless()
    pygame.font.init()
    app = App(content, size=size, sound=False)
    issues: list[ContentIssue] = []

    def report(section: str, item_id: str, item: Any, texts: list[tuple[str, int]]) -> None:
        fields = list(texts_of(section, item))
        worst: dict[tuple[Any, ...], tuple[int, int]] = {}  # field -> (characters too many, length)
        for text, excess in texts:
            loc = _field_of(item, text, fields)
            if excess > worst.get(loc, (0, 0))[0]:
                worst[loc] = (excess, len(text))
        for loc, (excess, length) in worst.items():
            path, line, col = content.locate(section, item_id, loc)
            issues.append(ContentIssue(path, line, col, _(
                "texte trop long pour un écran {w}×{h}\u00a0: raccourcis «\u00a0{field}\u00a0»").format(
                    w=size[0], h=size[1], field=".".join(str(p) for p in loc)) + " " + i18n.ngettext(
                "d'environ {n}\u00a0caractère (sur {total})", "d'environ {n}\u00a0caractères (sur {total})",
                excess).format(n=excess, total=length)))

    def play_for(kind: str, item_id: str) -> Play:
        return Play(Session(content, "all", [Step(kind, item_id)], seed=0))

    for qid, q in content.questions.items():
        if not wanted("questions", qid):
            continue
        cut = _truncated_texts(QuestionScene(app, play_for("question", qid), q), size)
        answers: list[tuple[list[str], float | None]]
        if q.type == "estimate":
            answers = [([], q.estimate.min)]
        else:
            answers = [([c.id], None) for c in q.choices]
            if q.type == "multiple":
                answers.append(([c.id for c in q.choices], None))
        for ids, value in answers:
            scene = QuestionScene(app, play_for("question", qid), q)
            scene._submit(ids, value)
            cut += _truncated_texts(scene, size)
        if cut:
            report("questions", qid, q, cut)
    for sid, sc in content.scenarios.items():
        if not wanted("scenarios", sid):
            continue
        cut = _truncated_texts(ScenarioScene(app, play_for("scenario", sid), sc), size)
        for choice in sc.choices:
            scene = ScenarioScene(app, play_for("scenario", sid), sc)
            scene.on_activate(Button(f"choice:{choice.id}", pygame.Rect(0, 0, 1, 1)))
            cut += _truncated_texts(scene, size)
        if cut:
            report("scenarios", sid, sc, cut)
    for section, kind in (("questions", "question"), ("scenarios", "scenario")):
        for item_id, item in getattr(content, section).items():
            if item.debate and wanted(section, item_id):  # the classroom debate, with the facilitator's notes shown
                cut = _truncated_texts(_debate_scene(app, content, kind, item_id), size)
                if cut:
                    report(section, item_id, item, cut)
    for tid, theme in content.themes.items():
        if not wanted("themes", tid):
            continue
        cut = _truncated_texts(ThemeIntroScene(app, tid), size)
        if cut:
            report("themes", tid, theme, cut)
    for cid, career in content.careers.items():
        if not wanted("careers", cid):
            continue
        cut = _truncated_texts(CareerScene(app, cid), size)
        if cut:
            report("careers", cid, career, cut)
    return issues
