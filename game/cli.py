"""Command line: play (default), validate, autoplay. ``python main.py`` = ``python -m game``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from game import i18n
from game.i18n import _
from game.session import LEVELS

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
COMMANDS = ("play", "validate", "autoplay", "import", "export", "stats", "schema", "kiosk-code")
IMPORT_FORMATS = ("gift", "aiken", "kahoot")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(_("taille attendue sous la forme LARGEURxHAUTEUR, par exemple 1280x720")) from None
    if not (160 <= w <= 16384 and 120 <= h <= 16384):
        raise argparse.ArgumentTypeError(_("taille hors limites\u00a0: {size}").format(size=text))
    return w, h


def _import_format(text: str) -> str:
    if text.lower() not in IMPORT_FORMATS:
        raise argparse.ArgumentTypeError(_("format inconnu\u00a0: {name} (formats connus\u00a0: {known})").format(
            name=text, known=", ".join(IMPORT_FORMATS)))
    return text.lower()


def _date(text: str):  # noqa: ANN202 - imported on use: the game itself never needs game.stats
    from game.stats import parse_date

    return parse_date(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description=_("Numérique en jeu\u00a0: un jeu sérieux sur le numérique responsable."),
    )
    parser.add_argument("--fullscreen", action="store_true", help=_("plein écran"))
    parser.add_argument("--size", type=_size, default=(1280, 720), help=_("taille de la fenêtre, ex. 1280x720"))
    parser.add_argument("--seed", type=int, default=None, help=_("graine du hasard (parties reproductibles)"))
    parser.add_argument("--content", type=Path, default=QUESTIONS, help=_("dossier du contenu (YAML)"))
    parser.add_argument("--no-sound", action="store_true", help=_("sans aucun son"))
    parser.add_argument("--kiosk", action="store_true",
                        help=_("mode borne : plein écran, écran d'accueil, remise à zéro après inactivité, "
                               "sortie par code administrateur"))
    parser.add_argument("--classroom", action="store_true",
                        help=_("mode classe : des équipes, un·e animateur·trice, un vidéoprojecteur").replace(" :", "\u00a0:"))
    parser.add_argument("--lang", choices=i18n.SUPPORTED, default=None,
                        help=_("langue (défaut : variable NEJ_LANG, puis la langue du système, puis le français)").replace(" :", "\u00a0:"))
    sub = parser.add_subparsers(dest="command", metavar="{" + ",".join(COMMANDS) + "}")
    sub.add_parser("play", help=_("jouer (par défaut)"))
    val = sub.add_parser("validate", help=_("vérifier les fichiers de questions"))
    val.add_argument("paths", nargs="*", type=Path, help=_("fichiers ou dossiers (défaut\u00a0: questions/)"))
    val.add_argument("--lang", dest="val_lang", choices=i18n.SUPPORTED, default=None,
                     help=_("langue des messages"))
    val.add_argument("--strict", action="store_true", help=_("les avertissements comptent comme des erreurs"))
    val.add_argument("--no-layout", action="store_true",
                     help=_("ne pas vérifier que les textes tiennent sur un écran 1024×600"))
    imp = sub.add_parser("import", help=_("convertir des questions Moodle GIFT, Aiken ou Kahoot (.xlsx) en YAML"))
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("-o", "--output", type=Path, required=True, help=_("fichier YAML à écrire, ex. questions/import.yaml"))
    imp.add_argument("--theme", default=None, help=_("thème des questions importées (id ou nom)"))
    imp.add_argument("--format", dest="import_format", type=_import_format, default=None,
                     metavar="{" + ",".join(IMPORT_FORMATS) + "}",
                     help=_("format des fichiers, quelle que soit leur extension (défaut\u00a0: d'après "
                            "l'extension, sinon d'après le contenu)"))
    exp = sub.add_parser("export", help=_("écrire les questions au format Moodle GIFT"))
    exp.add_argument("paths", nargs="*", type=Path, help=_("fichiers ou dossiers (défaut\u00a0: questions/)"))
    exp.add_argument("--format", choices=("gift",), default="gift")
    exp.add_argument("-o", "--output", type=Path, required=True)
    sta = sub.add_parser("stats", help=_("résultats anonymes\u00a0: réussite par thème, questions manquées, métiers"))
    sta.add_argument("--since", type=_date, default=None, metavar=_("AAAA-MM-JJ"),
                     help=_("parties commencées depuis ce jour (inclus)"))
    sta.add_argument("--mode", choices=("solo", "classroom", "kiosk"), default=None)
    sta.add_argument("--csv", type=Path, default=None, metavar=_("FICHIER"),
                     help=_("écrire aussi une ligne par réponse dans ce fichier CSV"))
    sta.add_argument("--results", dest="stats_results", type=Path, default=None, metavar=_("FICHIER"),
                     help=_("lire ce fichier de résultats (défaut : celui du jeu)"))
    sch = sub.add_parser("schema", help=_("écrire le schéma JSON des fichiers de questions"))
    sch.add_argument("-o", "--output", type=Path, default=None, help=_("fichier à écrire (défaut : la sortie)").replace(" :", "\u00a0:"))
    auto = sub.add_parser("autoplay", help=_("faire jouer un robot sans fenêtre"))
    auto.add_argument("--sessions", type=int, default=1)
    auto.add_argument("--seed", dest="auto_seed", type=int, default=None)
    auto.add_argument("--size", dest="auto_size", type=_size, default=None)
    auto.add_argument("--monkey", action="store_true", help=_("événements au hasard (clics, touches, manette, "
                                                              "redimensionnements, réglages), en solo puis en borne"))
    auto.add_argument("--memory", action="store_true", help=_("ajouter la mémoire utilisée (Mio) à chaque ligne"))
    auto.add_argument("--mode", dest="auto_mode", choices=("solo", "classroom"), default="solo",
                      help=_("mode joué par le robot"))
    auto.add_argument("--minutes", type=float, default=1.0, help=_("durée du mode --monkey"))
    auto.add_argument("--bias", default="", help=_("axes du profil que le robot privilégie, ex. repair,inclusion"))
    auto.add_argument("--screenshots", type=Path, default=None, help=_("dossier où enregistrer une image par écran"))
    auto.add_argument("--trace", action="store_true",
                      help=_("ajouter à chaque ligne les éléments dans l'ordre joué (niveau, ordre des réponses, "
                             "départ du curseur) et les métiers montrés avec leur raison"))
    auto.add_argument("--difficulty", choices=LEVELS, default=None,
                      help=_("niveau choisi par le robot (college, lycee, adulte)"))
    auto.add_argument("--measure", action="store_true",
                      help=_("avec la mesure avant/après (le robot répond un peu mieux après la partie)"))
    auto.add_argument("--results", dest="auto_results", type=Path, default=None, metavar=_("FICHIER"),
                      help=_("enregistrer les parties du robot dans ce fichier de résultats (à lire avec "
                             "« stats --results »), jamais dans les vrais résultats"))
    auto.add_argument("--console", action="store_true",
                      help=_("en classe, comme avec deux écrans\u00a0: la fenêtre animateur·trice s'ouvre (son image "
                             "à côté de chaque capture)"))
    sub.add_parser("kiosk-code", help=_("choisir le code administrateur de la borne (demandé deux fois, "
                                        "jamais écrit en clair)"))
    parser.epilog = _("Les options générales (--lang, --size, --seed, --content…) s'écrivent avant ou après "
                      "la commande\u00a0: «\u00a0main.py autoplay --lang en\u00a0» = «\u00a0main.py --lang en "
                      "autoplay\u00a0».")
    return parser


def _hoist_global_options(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """Global options written after the subcommand are moved before it, unless the subcommand has
    an option of the same name (``autoplay --seed``, ``validate --lang``: they mean the same)."""
    takes_value = {}
    for action in parser._actions:
        for option in action.option_strings:
            takes_value[option] = action.nargs != 0
    sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    i = 0
    while i < len(argv):  # find the subcommand: the first word that is not a global option or its value
        word = argv[i]
        if word == "--":
            return argv
        if word.startswith("-"):
            i += 2 if takes_value.get(word, False) else 1
            continue
        break
    if sub is None or i >= len(argv) or argv[i] not in sub.choices:
        return argv
    own = sub.choices[argv[i]]._option_string_actions
    head, command, moved, rest = argv[:i], argv[i], [], []
    j = i + 1
    while j < len(argv):
        word = argv[j]
        if word == "--":
            rest.extend(argv[j:])
            break
        name = word.split("=", 1)[0]
        if name in own:  # the subcommand's own option: keep it, and its value
            n = 2 if own[name].nargs != 0 and "=" not in word else 1
            rest.extend(argv[j:j + n])
            j += n
        elif name in takes_value and name not in ("-h", "--help"):
            n = 2 if takes_value[name] and "=" not in word else 1
            moved.extend(argv[j:j + n])
            j += n
        else:
            rest.append(word)
            j += 1
    return head + moved + [command] + rest


def _bank_of(file: Path, content_dir: Path) -> list[Path]:
    """What one file is checked against: its bank's folder (the file and its sibling files, which
    give the themes, sources and axes; paths kept as typed, for the messages), or the whole
    content folder when the file is in one of its subfolders. A file whose folder defines no
    themes is checked against the content folder as well."""
    folder, home = file.parent, content_dir.resolve()
    if home in folder.resolve().parents:
        return [content_dir]
    siblings = sorted(q for q in folder.glob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
    if folder.resolve() == home:
        return siblings

    def has_themes(q: Path) -> bool:
        head = q.read_bytes()[:2_000_000] if q.stat().st_size < 2_000_000 else b""
        return head.startswith(b"themes:") or b"\nthemes:" in head

    return siblings + ([] if any(has_themes(q) for q in siblings) else [content_dir])


def validate(paths: list[Path], strict: bool = False, layout: bool = True, content_dir: Path = QUESTIONS) -> int:
    """Print every problem as path:line:column: message, then a count; 1 if any error.
    A file given alone is checked with its bank (see ``_bank_of``); only its own problems are shown."""
    from game.content.loader import load_content

    load: list[Path] = []
    shown: set[Path] | None = set()  # the files whose problems are printed (None: every file read)
    for p in paths:
        if p.is_file():
            load.extend(q for q in _bank_of(p, content_dir) if q not in load)
            shown.add(p.resolve())
        else:
            load.append(p)
            shown = None
    if not paths:
        load, shown = [QUESTIONS], None
    content = load_content(load)
    from game.content.bank_checks import check_bank

    def mine(path: str) -> bool:
        return shown is None or Path(path).resolve() in shown

    items = {key for key, (path, _ref) in content.origins.items() if mine(path)}
    issues = list(content.issues) + check_bank(content)
    if any(p.resolve() == QUESTIONS.resolve() for p in load):  # the game's own banks
        from game.content.translate import missing_translations

        for lang in i18n.SUPPORTED:
            if lang != i18n.DEFAULT_LANGUAGE:
                issues += missing_translations(content, lang)
    if layout and any(section in ("questions", "scenarios") for section, _id in items):
        from game.fitcheck import check_fit

        issues += check_fit(content, only=items if shown is not None else None)
    issues = [i for i in issues if mine(i.path)]
    for issue in sorted(issues):
        label = _("avertissement\u00a0:") if issue.severity == "warning" else _("erreur\u00a0:")
        print(f"{issue.path}:{issue.line}:{issue.column}: {label} {issue.message}")
    errors = sum(1 for i in issues if i.severity == "error")
    warnings = len(issues) - errors

    def count(section: str) -> int:
        return sum(1 for s, _id in items if s == section)

    print(", ".join([
        i18n.ngettext("{n} erreur", "{n} erreurs", errors).format(n=errors),
        i18n.ngettext("{n} avertissement", "{n} avertissements", warnings).format(n=warnings),
        _("{q} questions, {s} situations, {c} métiers").format(
            q=count("questions"), s=count("scenarios"), c=count("careers")),
    ]))
    return 1 if errors or (strict and warnings) else 0


def import_command(files: list[Path], output: Path, theme: str | None, content_dir: Path,
                   fmt: str | None = None) -> int:
    """Teacher files -> one YAML bank; every problem printed with its file and line."""
    from game.content.formats import resolve_format
    from game.content.formats.convert import ImportResult, import_files, to_yaml
    from game.content.loader import ContentIssue, load_content

    bank = load_content([content_dir])
    result = ImportResult()
    refused = []
    for path in files:  # one file at a time, in the order given, each in its own format
        found, problem = resolve_format(path, fmt)
        if problem:
            refused.append(ContentIssue(str(path), 1, 1, problem))
            continue
        part = import_files([path], theme, fmt=found,
                            existing_themes=list(bank.themes) + [t.id for t in result.themes],
                            existing_ids=list(bank.questions) + [q.id for q in result.questions])
        result.questions += part.questions
        result.themes += part.themes
        result.issues += part.issues
        result.files += part.files
    result.issues += refused
    for issue in sorted(result.issues):
        label = _("avertissement\u00a0:") if issue.severity == "warning" else _("erreur\u00a0:")
        print(f"{issue.path}:{issue.line}:{issue.column}: {label} {issue.message}")
    if result.questions:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(to_yaml(result), encoding="utf-8")
    n = len(result.questions)
    print(i18n.ngettext("{n} question importée dans {path}", "{n} questions importées dans {path}", n).format(
        n=n, path=output) + " — " + _("ajoute une source à chacune, puis lance «\u00a0python main.py validate\u00a0»."))
    return 0 if n else 1


def export_command(paths: list[Path], output: Path) -> int:
    from game.content.formats.convert import export_gift
    from game.content.loader import load_content

    content = load_content(paths or [QUESTIONS])
    for issue in content.errors:
        print(issue, file=sys.stderr)
    output.write_text(export_gift(list(content.questions.values()), content.themes, content.sources), encoding="utf-8")
    n = len(content.questions)
    print(i18n.ngettext("{n} question exportée dans {path}", "{n} questions exportées dans {path}", n).format(
        n=n, path=output))
    return 0


def write_schema(output: Path | None) -> int:
    import json

    from game.content.schema import bank_schema

    text = json.dumps(bank_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    return 0


def load_playable(path: Path):  # noqa: ANN201
    """The content, or None with a message saying why nothing can be played."""
    from game.content.loader import load_content

    content = load_content([path])
    content.origins = {}  # positions are for messages about files; the game needs only the items
    for issue in content.issues:
        logging.getLogger("game.content").warning("%s", issue)
    if not content.playable():
        print(_("Rien à jouer dans {path}\u00a0: {n} problème(s). Lance «\u00a0python main.py validate\u00a0» pour les voir.")
              .format(path=path, n=len(content.issues)), file=sys.stderr)
        for issue in content.issues[:20]:
            print(f"  {issue}", file=sys.stderr)
        return None
    return content


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The arguments, and the process's language: --lang, else NEJ_LANG, else the system's.
    A language saved in the settings file counts only when neither --lang nor NEJ_LANG says one.
    Global options may come before or after the subcommand."""
    i18n.set_language(i18n.language_from_environment())
    parser = build_parser()
    args = parser.parse_args(_hoist_global_options(parser, list(sys.argv[1:] if argv is None else argv)))
    if getattr(args, "val_lang", None):  # « validate --lang en »: the same as « --lang en validate »
        args.lang = args.val_lang
    if args.lang:
        i18n.set_language(args.lang)
    return args


def kiosk_code_command(prompt=None) -> int:  # noqa: ANN001 - getpass.getpass, or a test's stand-in
    """For a technician: type the kiosk's admin code twice (never shown, never an argument); only
    its salted hash is written to the settings file."""
    import getpass

    from game.settings import SettingsStore, code_problem, how_to_set_code

    ask = prompt or getpass.getpass
    store = SettingsStore()
    print(_("Code administrateur de la borne (de 4 à 12\u00a0chiffres), pour le fichier {path}").format(
        path=store.path))
    for _attempt in range(3):
        try:
            code = ask(_("Nouveau code\u00a0: "))
            again = ask(_("Retapez-le\u00a0: "))
        except (EOFError, KeyboardInterrupt):
            print()
            print(_("Aucun code enregistré.") + " " + how_to_set_code(), file=sys.stderr)
            return 1
        problem = code_problem(code, again)
        if problem is None:
            _hash, saved = store.set_admin_code(code)
            if not saved:
                for message in store.messages:
                    print(message, file=sys.stderr)
                print(_("Le code n'a pas pu être enregistré dans {path}.").format(path=store.path), file=sys.stderr)
                return 1
            print(_("Code enregistré (seule son empreinte est gardée) dans {path}.").format(path=store.path))
            return 0
        print(problem, file=sys.stderr)
    print(_("Aucun code enregistré.") + " " + how_to_set_code(), file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    if args.command == "validate":
        return validate(args.paths, strict=args.strict, layout=not args.no_layout, content_dir=args.content)
    if args.command == "kiosk-code":
        return kiosk_code_command()
    if args.command == "schema":
        return write_schema(args.output)
    if args.command == "stats":  # works even when the content is broken
        from game.content.loader import load_content
        from game.stats import run_stats

        store = None
        if args.stats_results is not None:
            from game.storage import ResultsStore

            store = ResultsStore(args.stats_results)
        try:
            return run_stats(args.since, args.mode, args.csv, store=store, content=load_content([args.content]))
        finally:
            if store is not None:
                store.close()
    if args.command == "import":
        return import_command(args.files, args.output, args.theme, args.content, fmt=args.import_format)
    if args.command == "export":
        return export_command(args.paths, args.output)
    content = load_playable(args.content)
    if content is None:
        return 2
    if args.command == "autoplay":
        from game import autoplay

        seed = args.auto_seed if args.auto_seed is not None else (args.seed or 0)
        if args.monkey:
            autoplay.run_monkey(content, args.minutes, seed)
            return 0
        bias = tuple(a for a in args.bias.split(",") if a)
        unknown = [a for a in bias if a not in content.axes]
        if unknown:
            print(_("axe inconnu\u00a0: {axes} (connus\u00a0: {known})").format(
                axes=", ".join(unknown), known=", ".join(sorted(content.axes))), file=sys.stderr)
            return 2
        autoplay.run(content, args.sessions, seed, args.auto_size or args.size, args.screenshots,
                     bias=bias, memory=args.memory, mode=args.auto_mode, trace=args.trace,
                     level=args.difficulty, measure=args.measure, results=args.auto_results,
                     console=args.console)
        return 0
    app = build_app(args, content)
    app.run()
    if app.results is not None:
        for message in app.results.messages:  # e.g. a folder that could not be written
            print(message, file=sys.stderr)
        app.results.close()
    return 0


def build_app(args: argparse.Namespace, content):  # noqa: ANN001, ANN201 - App is imported on use
    """The game as the command line asks for it: settings applied, window open, first scene pushed."""
    from game.app import App
    from game.scenes.title import TitleScene
    from game.settings import SettingsStore

    app = App(content, size=args.size, fullscreen=args.fullscreen, seed=args.seed, sound=not args.no_sound)
    store = SettingsStore()
    settings = store.load()
    for message in store.messages:
        print(_("Réglages\u00a0: {message}").format(message=message), file=sys.stderr)
    # --lang and NEJ_LANG win over the file; a file that names no language leaves the system's.
    if args.lang or "NEJ_LANG" in os.environ or "language" not in store.chosen:
        settings = settings.with_value("language", i18n.current_language())
    kiosk = args.kiosk or settings.mode == "kiosk"
    store.writable = not kiosk  # a kiosk never writes its settings file
    app.store = store
    app.apply_settings(settings, save=False)
    app.after_first_frame.append(lambda: setattr(app, "results", open_results()))
    if kiosk:
        from game.scenes.kiosk import AttractScene, KioskController

        app.fullscreen = True
        app.kiosk = KioskController(app)
        app.open_window()
        app.push(AttractScene(app))
        if not settings.kiosk_admin_hash:  # first start: the person setting the kiosk up chooses its code
            from game.scenes.kiosk_code import KioskCodeScene

            app.push(KioskCodeScene(app))
    else:
        app.open_window()
        app.push(TitleScene(app))
        if args.classroom or settings.mode == "classroom":
            app.push(app.make("class_setup"))  # « Retour » leads to the title
    return app


def open_results():  # noqa: ANN201
    """The anonymous results store, or None when it cannot be used (the game plays on)."""
    try:
        from game.storage import ResultsStore
    except ImportError:
        return None
    return ResultsStore()  # opened on the first session recorded, not before the first frame
