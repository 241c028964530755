"""The game keeps going without a sound card, and says why when nothing can be played."""

import pygame

from game.audio import Audio, synth
from game.cli import main


def test_no_audio_device_means_silence_not_a_crash(monkeypatch):
    monkeypatch.setenv("SDL_AUDIODRIVER", "no_such_driver")
    pygame.mixer.quit()
    audio = Audio()
    assert audio.available is None  # nothing opened before the first sound
    audio.play("right")
    assert audio.available is False
    audio.play("wrong")  # and it stays quiet afterwards: no second try to open the device
    assert audio.available is False and not pygame.mixer.get_init()
    audio.close()


def test_audio_opens_lazily_on_the_dummy_driver():
    audio = Audio()
    assert not pygame.mixer.get_init()
    audio.play("right")
    assert audio.available is True and pygame.mixer.get_init()
    audio.close()
    assert not pygame.mixer.get_init()


def test_synth_makes_clean_pcm():
    data = synth([(440.0, 0.1)])
    assert len(data) == 2 * int(22050 * 0.1)
    assert data[:2] == b"\x00\x00"  # fades in from silence: no click


def test_nothing_playable_refuses_to_start_and_says_why(tmp_path, capsys):
    (tmp_path / "bank.yaml").write_text("questions:\n  - id: x\n", encoding="utf-8")
    assert main(["--content", str(tmp_path), "autoplay"]) == 2
    err = capsys.readouterr().err
    assert "Rien à jouer" in err and f"{tmp_path / 'bank.yaml'}:2:5:" in err


def test_a_broken_item_is_left_out_and_the_rest_plays(tmp_path, capsys):
    import shutil

    from conftest import MINI

    for f in MINI.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "broken.yaml").write_text(
        "questions:\n  - id: broken\n    theme: obsolescence\n    type: single\n", encoding="utf-8")
    assert main(["--content", str(tmp_path), "autoplay", "--sessions", "1"]) == 0
    out = capsys.readouterr().out
    assert '"score"' in out
