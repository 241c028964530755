"""What the screen tests check of a laid-out scene: no text cut or out of its box, nothing on top
of anything, everything on the page. One copy, shared by the screen, title, theme and kiosk tests."""

import pygame


def check_layout(scene, size):
    w, h = size
    surface = pygame.Surface(size)
    scene.draw(surface)
    screen = pygame.Rect(0, 0, w, scene.page_height)  # a page taller than the window scrolls
    problems = []
    boxes = [(tb, "text") for tb, _ in scene.texts]
    for wdg in scene.widgets:
        if not screen.contains(wdg.rect):
            problems.append(f"widget {wdg.id} {wdg.rect} leaves the screen")
        for tb in getattr(wdg, "text_boxes", []):
            boxes.append((tb, f"widget {wdg.id}"))
            if not wdg.rect.contains(tb.box):
                problems.append(f"text box of {wdg.id} leaves the widget")
    for tb, owner in boxes:
        if tb.fitted and tb.fitted.truncated:
            problems.append(f"{owner}: text truncated: {tb.text[:50]!r}")
        if tb.bounds.width and not tb.box.contains(tb.bounds):
            problems.append(f"{owner}: text {tb.text[:40]!r} {tb.bounds} leaves its box {tb.box}")
        if tb.bounds.width and not screen.contains(tb.bounds):
            problems.append(f"{owner}: text {tb.text[:40]!r} leaves the screen")
    scene_texts = [tb for tb, _ in scene.texts if tb.bounds.width]
    for i, a in enumerate(scene_texts):
        for b in scene_texts[i + 1:]:
            if a.bounds.colliderect(b.bounds):
                problems.append(f"texts overlap: {a.text[:30]!r} / {b.text[:30]!r}")
        for wdg in scene.widgets:
            if a.bounds.colliderect(wdg.rect):
                problems.append(f"text {a.text[:30]!r} overlaps widget {wdg.id}")
    for i, a in enumerate(scene.widgets):
        for b in scene.widgets[i + 1:]:
            if a.rect.colliderect(b.rect):
                problems.append(f"widgets overlap: {a.id} / {b.id}")
    return problems
