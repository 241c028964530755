"""The kiosk policy with plain-number times: no window, no waiting (issue 15.1)."""

from __future__ import annotations

import pytest

from game.flow.kiosk import (PIN_LOCK_SECONDS, IdleWarning, KioskPolicy, PinAccepted, PinLocked, PinRefused, Reset,
                             WarningDismissed)
from game.flow.solorun import SoloRun
from game.session import Session, Step


def policy(now=0.0):
    return KioskPolicy(idle_seconds=90, results_idle_seconds=30, countdown_seconds=20,
                       verify=lambda typed: typed == "2468", last_input=now)


def test_an_idle_player_is_warned_then_the_game_is_wiped(mini_content):
    """A passer-by answers one question and walks away: warned after 90 s, wiped 20 s later,
    the game kept as abandoned, the attract screen in French again."""
    kiosk = policy(1000.0)
    wiped = []
    kept = []

    class Store:
        def record_session(self, record):
            kept.append(record)

    run = SoloRun(Session(mini_content, "all", [Step("question", "q_single"), Step("question", "q_tf")]),
                  mode="kiosk", store=Store())

    def on_event(event):
        if isinstance(event, Reset):
            run.abandon()
            wiped.append(event)

    kiosk.subscribe(on_event)
    kiosk.on_input(1000.0)
    run.answer_question(["b"])
    assert kiosk.tick(1089.0, "play") is None
    warning = kiosk.tick(1090.0, "play")
    assert warning == IdleWarning(1110.0) and kiosk.remaining(1090.0) == 20
    assert kiosk.tick(1100.0, "play") is None  # one warning, not one per frame
    assert kiosk.remaining(1109.2) == 1
    assert kiosk.tick(1109.9, "play") is None and not wiped
    reset = kiosk.tick(1110.0, "play")
    assert reset == Reset("idle", "fr") and wiped == [reset]
    assert [type(e) for e in kiosk.events] == [IdleWarning, Reset]
    assert kiosk.warning_until is None and kiosk.last_input == 1110.0 and kiosk.resets == 1
    [record] = kept
    assert record.mode == "kiosk" and not record.finished and len(record.answers) == 1
    # The attract screen is guarded: no warning however long nobody plays.
    assert kiosk.tick(5000.0, "guarded") is None


def test_a_touch_dismisses_the_warning_and_the_idle_time_starts_again():
    kiosk = policy()
    kiosk.tick(95.0, "play")
    kiosk.on_input(100.0)
    assert kiosk.events[-1] == WarningDismissed() and kiosk.remaining(100.0) == 0
    assert kiosk.tick(189.0, "play") is None and kiosk.tick(190.0, "play") == IdleWarning(210.0)


def test_results_time_out_sooner():
    kiosk = policy()
    assert kiosk.tick(31.0, "results") == IdleWarning(51.0)
    assert policy().tick(31.0, "play") is None


def test_the_admin_code_locks_after_three_wrong_tries():
    kiosk = policy()
    assert kiosk.check_pin("1111", 0.0) is False and kiosk.events[-1] == PinRefused(2)
    kiosk.check_pin("1111", 1.0)
    assert kiosk.check_pin("1111", 2.0) is False and kiosk.events[-1] == PinLocked(2.0 + PIN_LOCK_SECONDS)
    assert kiosk.lock_remaining(2.0) == PIN_LOCK_SECONDS
    assert kiosk.check_pin("2468", 30.0) is False  # locked: even the right code waits
    assert kiosk.check_pin("2468", 2.0 + PIN_LOCK_SECONDS) is True and kiosk.events[-1] == PinAccepted()
    assert kiosk.failed_pins == 0


def test_an_unknown_screen_is_a_mistake_not_a_silent_no():
    with pytest.raises(ValueError):
        policy().tick(1.0, "attract")
