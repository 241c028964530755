"""The command line refuses nonsense (issue 15.5): global options on either side of the subcommand,
the kiosk code typed twice and kept hashed, validate FILE against its bank, import in any format."""

import shutil
import tomllib

import pygame
import pytest

from conftest import MINI, ROOT
from game import cli, i18n

BROKEN = ROOT / "tests" / "broken"
FORMATS = ROOT / "tests" / "fixtures" / "formats"
NB = "\u00a0"


# ------------------------------------------------------------------ global options, both ways

GLOBAL = [
    (["--fullscreen"], "fullscreen", True),
    (["--size", "1024x600"], "size", (1024, 600)),
    (["--size=1024x600"], "size", (1024, 600)),
    (["--seed", "7"], "seed", 7),
    (["--content", str(MINI)], "content", MINI),
    (["--no-sound"], "no_sound", True),
    (["--kiosk"], "kiosk", True),
    (["--classroom"], "classroom", True),
    (["--lang", "en"], "lang", "en"),
]


@pytest.mark.parametrize("option,dest,value", GLOBAL, ids=[" ".join(o) for o, _d, _v in GLOBAL])
@pytest.mark.parametrize("command", [["play"], ["stats"], ["validate", "x.yaml"], ["kiosk-code"]])
def test_a_global_option_works_before_and_after_the_subcommand(option, dest, value, command):
    before = cli.parse_args(option + command)
    after = cli.parse_args(command[:1] + option + command[1:])
    assert getattr(before, dest) == getattr(after, dest) == value
    assert before.command == after.command == command[0]
    if command[0] == "validate":
        assert before.paths == after.paths == [cli.Path("x.yaml")]
    i18n.set_language("fr")


@pytest.mark.parametrize("option,dest,value", GLOBAL, ids=[" ".join(o) for o, _d, _v in GLOBAL])
def test_autoplay_takes_every_global_option_after_it(option, dest, value):
    """autoplay has its own --seed and --size: they mean the same as the global ones."""
    args = cli.parse_args(["autoplay", "--sessions", "2"] + option)
    got = {"seed": args.auto_seed, "size": args.auto_size}.get(dest, getattr(args, dest))
    assert got == value and args.sessions == 2
    i18n.set_language("fr")


def test_lang_after_the_subcommand_sets_the_language_of_the_messages(tmp_path, capsys):
    (tmp_path / "empty.yaml").write_text("# rien\n", encoding="utf-8")
    try:
        assert cli.main(["validate", str(tmp_path / "empty.yaml"), "--no-layout", "--lang", "en"]) == 0
        assert i18n.current_language() == "en"
    finally:
        i18n.set_language("fr")
    assert "1 warning" in capsys.readouterr().out


def test_the_seed_given_before_autoplay_is_the_robots_seed(capsys):
    import json

    runs = []
    for argv in (["--seed", "5", "autoplay"], ["autoplay", "--seed", "5"], ["autoplay", "--seed", "6"]):
        assert cli.main(["--content", str(MINI)] + argv + ["--sessions", "1"]) == 0
        runs.append(json.loads(capsys.readouterr().out.strip().splitlines()[-1]))
    assert runs[0] == runs[1]
    assert runs[0]["seed"] == 5 and runs[2]["seed"] == 6


# ------------------------------------------------------------------ the kiosk admin code

class Typed:
    """Stands for getpass.getpass: hands out the answers in order, remembers the prompts."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.prompts = []

    def __call__(self, prompt=""):
        self.prompts.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)


def test_kiosk_code_asks_twice_refuses_weak_codes_and_keeps_only_a_hash(tmp_path, monkeypatch, capsys):
    from game.settings import SettingsStore

    monkeypatch.setenv("NEJ_CONFIG_DIR", str(tmp_path))
    typed = Typed("1234", "1234", "5821", "5812", "5821", "5821")
    assert cli.kiosk_code_command(typed) == 0
    assert len(typed.prompts) == 6 and not typed.answers
    err = capsys.readouterr().err
    assert "deviner" in err and "différents" in err
    text = (tmp_path / "settings.toml").read_text(encoding="utf-8")
    assert "5821" not in text and "kiosk_admin_hash" in tomllib.loads(text)
    assert SettingsStore(tmp_path / "settings.toml").load().check_admin_code("5821")


def test_kiosk_code_without_a_good_code_saves_nothing_and_says_how(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEJ_CONFIG_DIR", str(tmp_path))
    assert cli.kiosk_code_command(Typed("", "", "12", "12", "2468", "2468")) == 1
    assert cli.kiosk_code_command(Typed("5821")) == 1  # the input ended (Ctrl+D)
    assert not (tmp_path / "settings.toml").exists()
    err = capsys.readouterr().err
    assert "vide" in err and "court" in err and "connu" in err and "kiosk-code" in err


def test_the_kiosk_code_is_never_a_command_line_argument():
    with pytest.raises(SystemExit):
        cli.parse_args(["kiosk-code", "5821"])


def test_a_first_kiosk_start_asks_for_a_code_and_prints_none(tmp_path, monkeypatch, capsys):
    from game.scenes.kiosk import AttractScene
    from game.scenes.kiosk_code import KioskCodeScene

    monkeypatch.setenv("NEJ_CONFIG_DIR", str(tmp_path))
    try:
        app = cli.build_app(cli.parse_args(["--kiosk", "--no-sound"]), cli.load_playable(MINI))
        assert isinstance(app.top, KioskCodeScene) and isinstance(app.stack[0], AttractScene)
        assert not app.settings.kiosk_admin_hash
        err = capsys.readouterr().err
        assert not any(ch.isdigit() for ch in err.replace(str(tmp_path), ""))  # no code printed
        for key in "5821":
            app.top.press(key)
        app.top.press("ok")
        for key in "5821":
            app.top.press(key)
        app.top.press("ok")
        assert app.settings.check_admin_code("5821") and app.kiosk.check_pin("5821")
        pygame.display.quit()
        again = cli.build_app(cli.parse_args(["--kiosk", "--no-sound"]), cli.load_playable(MINI))
        assert isinstance(again.top, AttractScene)  # the code is kept: not asked again
        assert again.settings.check_admin_code("5821")
    finally:
        pygame.display.quit()


# ------------------------------------------------------------------ validate FILE

def test_validate_one_file_uses_its_sibling_files(tmp_path, capsys):
    """Issue 15.5: a file's themes and sources are in the other files of its folder."""
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    shutil.copy(BROKEN / "typography.yaml", tmp_path)
    shutil.copy(BROKEN / "unknown_theme.yaml", tmp_path)  # a sibling's own error is not this file's
    assert cli.main(["validate", "--no-layout", str(tmp_path / "typography.yaml")]) == 0
    out = capsys.readouterr().out
    assert "thème inconnu" not in out and "unknown_theme.yaml" not in out
    assert f"{tmp_path / 'typography.yaml'}:5:13: avertissement" in out
    assert out.strip().endswith("0 erreur, 1 avertissement, 1 questions, 0 situations, 0 métiers")


def test_validate_a_file_alone_in_its_folder_uses_the_games_themes(tmp_path, capsys):
    (tmp_path / "mine.yaml").write_text(
        "questions:\n  - id: mine_q1\n    theme: obsolescence\n    type: truefalse\n    prompt: \"Court.\"\n"
        "    choices:\n      - {id: vrai, text: \"Vrai\", correct: true}\n      - {id: faux, text: \"Faux\"}\n"
        "    explanation: \"Court.\"\n    source: poster\n", encoding="utf-8")
    assert cli.main(["validate", "--no-layout", str(tmp_path / "mine.yaml")]) == 0
    out = capsys.readouterr().out
    assert "inconnu" not in out and out.strip().endswith("1 questions, 0 situations, 0 métiers")


def test_an_empty_bank_file_is_a_warning_that_names_it(tmp_path, capsys):
    shutil.copy(BROKEN / "_registry.yaml", tmp_path)
    (tmp_path / "vide.yaml").write_text("# à remplir\n", encoding="utf-8")
    (tmp_path / "rien.yaml").write_text("questions: []\n", encoding="utf-8")
    assert cli.main(["validate", "--no-layout", "--strict", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    for name in ("vide.yaml", "rien.yaml"):
        assert f"{tmp_path / name}:1:1: avertissement{NB}: fichier vide" in out


# ------------------------------------------------------------------ import in any format

@pytest.mark.parametrize("source,name,fmt", [
    ("sample.gift", "banque.sgift", None),
    ("sample.gift", "export_moodle.dat", None),
    ("sample.aiken.txt", "quiz.questions", None),
    ("sample.gift", "quiz.questions", "gift"),
    ("sample.aiken.txt", "quiz.dat", "aiken"),
])
def test_import_reads_any_extension(tmp_path, capsys, source, name, fmt):
    shutil.copy(FORMATS / source, tmp_path / name)
    out = tmp_path / "out.yaml"
    argv = ["import", str(tmp_path / name), "-o", str(out), "--theme", "obsolescence"]
    assert cli.main(argv + (["--format", fmt] if fmt else [])) == 0
    printed = capsys.readouterr().out
    assert "questions importées" in printed
    assert out.read_text(encoding="utf-8").count("- id: ") >= 3


def test_an_unknown_format_gets_a_clear_message(tmp_path, capsys):
    (tmp_path / "notes.dat").write_text("Des notes, pas des questions.\n", encoding="utf-8")
    assert cli.main(["import", str(tmp_path / "notes.dat"), "-o", str(tmp_path / "o.yaml")]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'notes.dat'}:1:1: erreur{NB}: format non reconnu" in out and "--format gift" in out
    assert not (tmp_path / "o.yaml").exists()
    with pytest.raises(SystemExit):
        cli.parse_args(["import", "x", "-o", "y", "--format", "csv"])
    assert f"format inconnu{NB}: csv (formats connus{NB}: gift, aiken, kahoot)" in capsys.readouterr().err
