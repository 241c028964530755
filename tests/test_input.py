"""Each device alone produces the intents the scenes need."""

import pygame

from game import input as inp
from game.input import InputMapper


def kinds(mapper, *events):
    return [i.kind for e in events for i in mapper.translate(e)]


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def test_keyboard():
    m = InputMapper((800, 600))
    assert kinds(m, key(pygame.K_TAB)) == [inp.NEXT]
    assert kinds(m, key(pygame.K_TAB, pygame.KMOD_LSHIFT)) == [inp.PREV]
    assert kinds(m, key(pygame.K_UP), key(pygame.K_DOWN), key(pygame.K_LEFT), key(pygame.K_RIGHT)) == [
        inp.UP, inp.DOWN, inp.LEFT, inp.RIGHT]
    assert kinds(m, key(pygame.K_RETURN), key(pygame.K_SPACE), key(pygame.K_KP_ENTER)) == [inp.CONFIRM] * 3
    assert kinds(m, key(pygame.K_ESCAPE)) == [inp.BACK]
    picks = [i.index for e in (key(pygame.K_1), key(pygame.K_4), key(pygame.K_KP2)) for i in m.translate(e)
             if i.kind == inp.PICK]
    assert picks == [0, 3, 1]
    digits = [i.index for e in (key(pygame.K_0), key(pygame.K_7), key(pygame.K_1)) for i in m.translate(e)
              if i.kind == inp.DIGIT]
    assert digits == [0, 7, 1]
    assert kinds(m, key(pygame.K_a, pygame.KMOD_LSHIFT)) == [inp.SETTINGS]
    assert kinds(m, key(pygame.K_a, pygame.KMOD_LCTRL | pygame.KMOD_LALT)) == [inp.ADMIN]
    assert kinds(m, key(pygame.K_PAGEDOWN)) == [inp.SCROLL]
    assert kinds(m, key(pygame.K_a)) == []


def test_mouse_and_synthetic_touch_copies():
    m = InputMapper((800, 600))
    down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 20), button=1, touch=False)
    [intent] = m.translate(down)
    assert (intent.kind, intent.device, intent.pos) == (inp.POINTER_DOWN, "mouse", (10, 20))
    # SDL copies each touch as a mouse event: it must not count twice
    assert m.translate(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 20), button=1, touch=True)) == []
    assert m.translate(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 20), button=3, touch=False)) == []
    move = pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(1, 1), buttons=(1, 0, 0), touch=False)
    [intent] = m.translate(move)
    assert intent.kind == inp.POINTER_MOVE and intent.pressed


def test_a_still_pointer_does_not_take_the_focus():
    """When the window opens under a still mouse, SDL reports its place as a motion with rel
    (0, 0) (seen under Xvfb): the keyboard's focus stays where the screen put it."""
    m = InputMapper((800, 600))
    still = pygame.event.Event(pygame.MOUSEMOTION, pos=(400, 300), rel=(0, 0), buttons=(0, 0, 0), touch=False)
    assert m.translate(still) == []
    moved = pygame.event.Event(pygame.MOUSEMOTION, pos=(401, 300), rel=(1, 0), buttons=(0, 0, 0), touch=False)
    assert [i.kind for i in m.translate(moved)] == [inp.POINTER_MOVE]


def test_touch_uses_normalised_coordinates():
    m = InputMapper((1000, 500))
    ev = pygame.event.Event(pygame.FINGERDOWN, x=0.5, y=0.25, dx=0, dy=0, touch_id=1, finger_id=0, pressure=1)
    [intent] = m.translate(ev)
    assert (intent.kind, intent.device, intent.pos) == (inp.POINTER_DOWN, "touch", (500, 125))
    m.translate(pygame.event.Event(pygame.VIDEORESIZE, w=2000, h=1000, size=(2000, 1000)))
    up = pygame.event.Event(pygame.FINGERUP, x=1.0, y=1.0, dx=0, dy=0, touch_id=1, finger_id=0, pressure=0)
    [intent] = m.translate(up)
    assert intent.kind == inp.POINTER_UP and intent.pos == (1999, 999)


def test_gamepad_hat_stick_and_buttons():
    m = InputMapper((800, 600))
    hat = [pygame.event.Event(pygame.JOYHATMOTION, instance_id=0, joy=0, hat=0, value=v)
           for v in ((0, 1), (0, -1), (-1, 0), (1, 0), (0, 0))]
    assert kinds(m, *hat) == [inp.UP, inp.DOWN, inp.LEFT, inp.RIGHT]
    a = pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=0, joy=0, button=0)
    b = pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=0, joy=0, button=1)
    assert kinds(m, a, b) == [inp.CONFIRM, inp.BACK]

    def axis(n, v):
        return pygame.event.Event(pygame.JOYAXISMOTION, instance_id=0, joy=0, axis=n, value=v)

    # one intent when the stick crosses the threshold, none while held, again after release
    assert kinds(m, axis(1, 0.9), axis(1, 0.95), axis(1, 0.1), axis(1, 0.9)) == [inp.DOWN, inp.DOWN]
    assert kinds(m, axis(0, -0.9)) == [inp.LEFT]


def test_window_events():
    m = InputMapper((800, 600))
    assert kinds(m, pygame.event.Event(pygame.QUIT)) == [inp.QUIT]
    [r] = m.translate(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=600, size=(1024, 600)))
    assert r.kind == inp.RESIZE and m.window_size == (1024, 600)


def test_admin_corner_held_five_seconds():
    now = [100.0]
    m = InputMapper((800, 600), clock=lambda: now[0])
    down = pygame.event.Event(pygame.FINGERDOWN, x=0.01, y=0.01, dx=0, dy=0, touch_id=1, finger_id=0, pressure=1)
    m.translate(down)
    now[0] += 4.9
    assert m.poll() == []
    now[0] += 0.2
    assert [i.kind for i in m.poll()] == [inp.ADMIN]
    assert m.poll() == []  # once per hold
    # a press elsewhere, or released early, opens nothing
    m.translate(pygame.event.Event(pygame.FINGERDOWN, x=0.5, y=0.5, dx=0, dy=0, touch_id=1, finger_id=0, pressure=1))
    now[0] += 10
    assert m.poll() == []
