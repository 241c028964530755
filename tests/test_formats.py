"""Teacher formats: Moodle GIFT (import and export), Aiken, Kahoot spreadsheets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - a test dependency (pyproject « test » extra)
    st = None

from game.content.formats import html_to_text, slugify
from game.content.formats.aiken import parse_aiken
from game.content.formats.convert import (
    ImportResult,
    detect_format,
    export_gift,
    import_files,
    import_text,
    to_yaml,
)
from game.content.formats.gift import parse_gift
from game.content.loader import load_content
from game.content.models import Question

ROOT = Path(__file__).resolve().parent.parent
FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"
QUESTIONS = ROOT / "questions"


def plain(message: str) -> str:
    """Messages use no-break spaces (« », :); the tests spell them with ordinary spaces."""
    return message.replace("\u00a0", " ")


def issues_of(result) -> list[tuple[int, int, str, str]]:
    return [(i.line, i.column, i.severity, plain(i.message)) for i in result.issues]


def shape(q: Question) -> tuple:
    """What a round trip keeps: type, texts, which answers are right, feedback, explanation."""
    return (q.type, q.prompt, [(c.text, c.correct, c.feedback) for c in q.choices], q.explanation)


def by_id(result: ImportResult) -> dict[str, Question]:
    return {q.id: q for q in result.questions}


# ---------------------------------------------------------------------------------- GIFT


@pytest.fixture(scope="module")
def sample() -> ImportResult:
    return import_files([FORMATS / "sample.gift"], None)


def test_sample_gift_imports_everything(sample: ImportResult) -> None:
    assert sample.issues == []
    assert [(q.id, q.type, q.origin) for q in sample.questions] == [
        ("batterie_usee", "single", "sample.gift:7"),
        ("reconditionne", "truefalse", "sample.gift:14"),
        ("allonger_la_duree_de_vie", "multiple", "sample.gift:17"),
        ("au_hasard", "truefalse", "sample.gift:25"),
        ("sample_q5", "truefalse", "sample.gift:27"),  # no title: file stem and rank
        ("caracteres_speciaux", "single", "sample.gift:29"),
        ("page_web", "single", "sample.gift:31"),
        ("markdown", "single", "sample.gift:36"),
        ("sur_deux_lignes", "single", "sample.gift:41"),
        ("espaces_insecables", "single", "sample.gift:44"),
    ]
    assert all(q.source is None for q in sample.questions)


def test_gift_single_with_feedback_and_general_feedback(sample: ImportResult) -> None:
    q = by_id(sample)["batterie_usee"]
    assert q.prompt == "Quel geste fait durer un smartphone le plus longtemps ?"
    assert [(c.id, c.text, c.correct, c.feedback) for c in q.choices] == [
        ("a", "Faire remplacer la batterie quand elle s'use", True, "Oui : c'est souvent la première pièce qui lâche."),
        ("b", "Le recharger toute la nuit", False, "Pas vraiment : ça fatigue la batterie."),
        ("c", "En changer tous les deux ans", False, "Non, c'est l'inverse."),
    ]
    # ####general feedback, with an escaped \n line break.
    assert q.explanation == "La fabrication représente l'essentiel de l'impact d'un smartphone.\nLe garder longtemps, c'est agir."


def test_gift_weights_make_a_multiple_question(sample: ImportResult) -> None:
    q = by_id(sample)["allonger_la_duree_de_vie"]
    assert [(c.text, c.correct) for c in q.choices] == [
        ("Le nettoyer et le protéger", True),
        ("Le faire réparer", True),
        ("Le remplacer dès qu'il ralentit", False),
    ]
    assert q.explanation == "Explication à compléter."


def test_gift_categories_become_themes(sample: ImportResult) -> None:
    themes = [(t.id, t.title) for t in sample.themes]
    assert themes == [("obsolescence_et_reparation", "Obsolescence et réparation"), ("verifier_l_info", "Vérifier l'info")]
    assert {q.theme for q in sample.questions[:3]} == {"obsolescence_et_reparation"}
    assert {q.theme for q in sample.questions[3:]} == {"verifier_l_info"}
    theme = sample.themes[0]
    assert theme.short == "Questions importées de sample.gift"
    assert "Questions importées de sample.gift" in theme.intro


def test_gift_theme_option_wins_over_categories() -> None:
    result = import_files([FORMATS / "sample.gift"], "obsolescence", existing_themes={"obsolescence"})
    assert {q.theme for q in result.questions} == {"obsolescence"}
    assert result.themes == []


def test_gift_category_of_an_existing_theme_makes_no_theme_entry() -> None:
    text = "$CATEGORY: $course$/top/Fake news\n\nQ ?{=a ~b}\n"
    result = import_text(text, "quiz.gift", "gift", existing_themes={"fake_news"})
    assert result.questions[0].theme == "fake_news"
    assert result.themes == []
    result = import_text(text, "quiz.gift", "gift", existing_themes=())
    assert [(t.id, t.title) for t in result.themes] == [("fake_news", "Fake news")]
    result = import_text(text, "quiz.gift", "gift")  # by default, the game's own bank says what exists
    assert result.themes == []
    result = import_text("Q ?{=a ~b}\n", "quiz.gift", "gift", "nouveau_theme")
    assert [(t.id, t.title, t.short) for t in result.themes] == [
        ("nouveau_theme", "nouveau_theme", "Questions importées de quiz.gift")]
    result = import_text("Q ?{=a ~b}\n", "quiz.gift", "gift", "Numérique responsable", existing_themes=())
    assert [(t.id, t.title) for t in result.themes] == [("numerique_responsable", "Numérique responsable")]
    assert result.questions[0].theme == "numerique_responsable"


def test_gift_escapes_html_markdown_and_line_breaks(sample: ImportResult) -> None:
    q = by_id(sample)["caracteres_speciaux"]
    assert q.prompt == "Dans un tableur, que fait la formule =SOMME(A1:A3) ?"
    assert [c.text for c in q.choices] == ["Elle additionne A1, A2 et A3", "Elle multiplie les cellules",
                                           "Rien { c'est une erreur }"]
    assert q.choices[0].feedback == "Le : désigne une plage, le = commence une formule."
    q = by_id(sample)["page_web"]
    assert q.prompt == "Tu veux envoyer une vidéo de 1\u00a0Go à toute la classe.\nQue fais-tu ?"
    assert q.choices[0].text == "J'envoie un lien"
    assert q.choices[0].feedback == "Le fichier n'est stocké qu'une fois.\nBien joué."
    assert by_id(sample)["markdown"].prompt == "Qui *fabrique* la plupart des batteries de nos appareils ?"
    assert by_id(sample)["sur_deux_lignes"].prompt == "Cette question est écrite\nsur deux lignes du fichier."
    q = by_id(sample)["espaces_insecables"]
    assert q.prompt == "Que veut dire «\u00a0obsolescence programmée\u00a0»\u202f?"
    assert q.choices[0].feedback == "Oui\u202f; c'est interdit en France depuis 2015."


def test_gift_true_false_feedback_follows_moodle() -> None:
    """Moodle: {TRUE#feedback for a wrong answer#feedback for a right answer}: the first text
    goes to the answer that is wrong, the second to the answer that is right."""
    result = import_text(
        "::t::Vrai ?{TRUE#Raté, c'était vrai.#Bravo, c'est vrai.}\n\n"
        "::f::Faux ?{FALSE#Raté, c'était faux.#Bravo, c'est faux.}\n\n"
        "::seul::Vrai ?{T#Seulement pour qui se trompe}\n\n"
        "::rien::Faux ?{F}\n",
        "tf.gift", "gift", "obsolescence")
    assert result.issues == []
    q = by_id(result)
    assert [(c.id, c.text, c.correct, c.feedback) for c in q["t"].choices] == [
        ("vrai", "Vrai", True, "Bravo, c'est vrai."),
        ("faux", "Faux", False, "Raté, c'était vrai."),
    ]
    assert [(c.id, c.text, c.correct, c.feedback) for c in q["f"].choices] == [
        ("vrai", "Vrai", False, "Raté, c'était faux."),
        ("faux", "Faux", True, "Bravo, c'est faux."),
    ]
    assert [(c.correct, c.feedback) for c in q["seul"].choices] == [(True, None), (False, "Seulement pour qui se trompe")]
    assert [(c.correct, c.feedback) for c in q["rien"].choices] == [(False, None), (True, None)]
    reconditionne = import_files([FORMATS / "sample.gift"], None).questions[1]
    assert [(c.correct, c.feedback) for c in reconditionne.choices] == [
        (True, "Exact, et il est garanti."), (False, "Si : il est testé et réparé avant d'être revendu.")]
    assert reconditionne.explanation == "Reconditionné ne veut pas dire « d'occasion sans contrôle »."


def test_gift_errors_one_per_question_with_line_and_message() -> None:
    result = import_files([FORMATS / "sample_errors.gift"], None)
    assert issues_of(result) == [
        (3, 1, "error", "question d'association (« -> ») non prise en charge : le jeu ne l'importe que si chaque "
                        "réponse de droite est un rang (1, 2, 3…), pour en faire une question à classer : question ignorée"),
        (7, 1, "error", "question de type « réponse courte » non prise en charge : ignorée"),
        (9, 1, "error", "question de type « composition » non prise en charge : ignorée"),
        (11, 1, "error", "question de type « description » non prise en charge : ignorée"),
        (13, 1, "error", "question de type « texte à trous vrai/faux » non prise en charge : ignorée"),
        (15, 1, "error", "7 réponses : le jeu en affiche de 2 à 6 : question ignorée"),
        (23, 51, "error", "accolade « { » sans « } » fermante : question ignorée"),
        (25, 1, "error", "question de type « réponse courte » non prise en charge : ignorée "
                         "(pour une question vrai/faux, écris {T}, {TRUE}, {F} ou {FALSE} en majuscules)"),
        (27, 1, "error", "aucune bonne réponse (mets « = » devant la bonne réponse, ou des poids positifs « ~%50% ») : "
                         "question ignorée"),
        (29, 1, "error", "2 bonnes réponses dans une question à réponse unique : question ignorée "
                         "(pour plusieurs bonnes réponses, donne-leur des poids « ~%50% »)"),
        (31, 1, "error", "il faut au moins 2 réponses (ici : 1) : question ignorée"),
        (33, 50, "error", "un second bloc d'accolades dans la question : question ignorée "
                          "(écris \\{ et \\} pour des accolades dans le texte)"),
        (35, 1, "error", "énoncé vide : question ignorée"),
        (37, 51, "error", "accolade « } » sans « { » ouvrante : question ignorée"),
        (41, 3, "warning", "crédit partiel de 50 % ignoré : la réponse compte comme fausse"),
        (45, 1, "warning", "les poids des bonnes réponses font 75 % et non 100 % : Moodle refuserait cette question"),
        (47, 32, "warning", "texte à trous : « _____ » marque la place de la réponse dans l'énoncé"),
        (49, 1, "warning", "titre non fermé : le second « :: » manque (il est lu comme du texte)"),
        (51, 1, "warning", "mets une ligne vide après « $CATEGORY: » : la suite est lue comme une question"),
        (54, 48, "warning", "réponse vide : ignorée"),
        (56, 97, "warning", "texte avant la première réponse, sans « ~ » ni « = » : lu comme une réponse fausse"),
        (60, 1, "error", "pas de ligne vide entre cette question et la suivante (ligne 61) : questions ignorées"),
    ]
    assert all(i.path == str(FORMATS / "sample_errors.gift") for i in result.issues)
    # The questions with a warning import; the others are left out.
    q = by_id(result)
    assert list(q) == ["combien", "credit_partiel", "poids_faux", "texte_a_trous", "sample_errors_q19", "apres_categorie",
                       "reponse_vide", "texte_avant", "correcte"]
    assert [c.correct for c in q["credit_partiel"].choices] == [True, False, False]
    assert q["poids_faux"].type == "multiple"
    assert q["texte_a_trous"].prompt == "Le cobalt est _____ en République démocratique du Congo."
    assert q["sample_errors_q19"].prompt == "Titre sans fin Faut-il réparer avant de racheter ?"
    assert q["apres_categorie"].theme == "cobalt"
    assert [c.text for c in q["reponse_vide"].choices] == ["vérifié et réparé", "jeté"]
    assert [(c.text, c.correct) for c in q["texte_avant"].choices] == [
        ("environ", False), ("2 %", False), ("4 %", True), ("40 %", False)]
    assert q["correcte"].origin == "sample_errors.gift:58"
    # No category before « Cobalt »: the file name makes a theme; « Cobalt » is a theme of the game already.
    assert [(t.id, t.title) for t in result.themes] == [("sample_errors", "Import de sample_errors.gift")]
    assert {q.theme for q in result.questions} == {"sample_errors", "cobalt"}


def test_gift_utf8_bom_crlf_and_windows_1252(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.gift"
    crlf.write_bytes("\ufeff// é\r\n\r\n::Q::Énoncé accentué ?{=Oui ~Non}\r\n".encode())
    result = import_files([crlf], "obsolescence")
    assert result.issues == []
    assert result.questions[0].prompt == "Énoncé accentué ?"
    assert result.questions[0].origin == "crlf.gift:3"
    legacy = tmp_path / "legacy.gift"
    legacy.write_bytes("// ligne 1\n::Q::Réparer ?{=Oui ~Non}\n".encode("cp1252"))
    result = import_files([legacy], "obsolescence")
    assert issues_of(result) == [(2, 1, "warning", "le fichier n'est pas en UTF-8 : lu comme du Windows-1252, vérifie "
                                                   "les accents (ou enregistre-le en UTF-8)")]
    assert result.questions[0].prompt == "Réparer ?"


def test_gift_ids_are_unique_and_avoid_existing_ones() -> None:
    text = "::Même titre::A ?{=a ~b}\n\n::Même titre::B ?{=a ~b}\n\nC ?{=a ~b}\n"
    result = import_text(text, "Quiz élèves.gift", "gift", "obsolescence", existing_ids={"meme_titre"})
    assert [q.id for q in result.questions] == ["meme_titre_2", "meme_titre_3", "quiz_eleves_q3"]


def test_gift_unexpected_error_becomes_an_issue(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.content.formats import gift

    def boom(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("boum")

    monkeypatch.setattr(gift._Reader, "question", boom)
    result = parse_gift("// rien\n\n  ::Q::A ?{=a ~b}\n", "x.gift")
    assert [(i.line, i.column) for i in result.issues] == [(3, 3)]
    assert plain(result.issues[0].message) == "erreur inattendue en lisant cette question (RuntimeError: boum) : question ignorée"


def test_html_to_text() -> None:
    assert html_to_text("<p>Un&nbsp;<b>deux</b></p><p>trois<br/>quatre</p><script>x()</script>") == "Un\u00a0deux\ntrois\nquatre"
    assert html_to_text("<ul><li>a</li><li>b</li></ul>") == "- a\n- b"
    assert slugify("$course$/top/Numérique : réseaux") == "course_top_numerique_reseaux"


def test_category_paths() -> None:
    from game.content.formats.convert import _category_theme

    assert _category_theme("$course$/top/Numérique//réseaux/Sobriété") == (
        "numerique_reseaux_sobriete", "Sobriété", "Numérique/réseaux / Sobriété")
    assert _category_theme("Fake news") == ("fake_news", "Fake news", "Fake news")


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format(Path("quiz.gift")) == "gift"
    assert detect_format(Path("quiz.aiken.txt")) == "aiken"
    assert detect_format(Path("quiz.xlsx")) == "kahoot"
    assert detect_format(Path("moodle.txt"), "Q ?{=a ~b}") == "gift"
    assert detect_format(Path("aiken.txt"), "Q ?\nA) a\nB) b\nANSWER: A\n") == "aiken"
    other = tmp_path / "quiz.docx"
    other.write_text("x")
    assert issues_of(import_files([other], None)) == [(1, 1, "error", "format inconnu : nomme le fichier en .gift "
                                                       "(Moodle GIFT), .aiken.txt (Aiken) ou .xlsx (Kahoot)")]
    assert issues_of(import_files([tmp_path / "absent.gift"], None)) == [(1, 1, "error", "fichier introuvable")]


# ------------------------------------------------------------------------------- Export


@pytest.fixture(scope="module")
def bank():
    content = load_content(FORMATS / "roundtrip.yaml")
    assert not content.errors
    return content


def test_export_gift_lines(bank) -> None:
    gift = export_gift(list(bank.questions.values()), bank.themes)
    lines = gift.splitlines()
    assert "// Thème : Ateliers : tests" in lines
    assert "$CATEGORY: ateliers" in lines
    assert lines.count("$CATEGORY: ateliers") == 1
    assert "::rt_single::Dans «\u00a0A \\= \\{1 \\~ 2\\}\u00a0», que vaut A\u202f? Réponds \\: vite \\#1{" in lines
    assert "\t=L'ensemble \\{1 \\~ 2\\} \\= deux nombres#Oui\u00a0\\: c'est \\#1 \\{bravo\\} \\~ tilde \\= égal" in lines
    assert "\t~C\\:\\\\Windows\\\\n n'est pas un saut de ligne" in lines
    assert ("\t####Explication sur deux lignes \\:\\nla seconde ligne \\#\\#\\#\\# avec des dièses et des accolades \\{\\}."
            in lines)
    # multiple: the right answers share +100 %, the wrong ones -100 %: grades Moodle accepts.
    assert "\t~%50%Réponse \\= juste#Bien \\: \\#1" in lines
    assert "\t~%-50%Aussi fausse" in lines
    assert ["\t~%100%Celle-ci", "\t~%-100%Pas celle-là"] == [x for x in lines if x in ("\t~%100%Celle-ci", "\t~%-100%Pas celle-là")]
    assert lines.count("\t~%33.33333%Un") == 1
    # true/false: {TRUE#feedback for a wrong answer#feedback for a right answer}
    assert ("::rt_vrai::Vrai ou faux \\: 1 + 1 \\= 2 \\{en base 10\\}{TRUE#Si\u00a0\\: compte sur tes doigts \\#maths."
            "#Oui \\: 1 + 1 \\= 2.####L'addition \\: \\{1, 1\\} → 2.}") in lines
    assert ("::rt_faux::Vrai ou faux \\: un écran s'éteint tout seul quand on part{FALSE#Non \\: il reste souvent en veille."
            "####Éteindre les appareils, c'est économiser l'énergie.}") in lines
    assert ("::rt_faux_juste::Un smartphone neuf n'a aucun impact{FALSE##Exact \\: sa fabrication pèse lourd."
            "####La fabrication compte le plus.}") in lines
    # Text that Moodle would read as HTML or as a [format] tag is marked [plain].
    assert "::rt_html_like::[plain][html]<b>Ce texte</b> n'est pas du HTML &amp; le reste{" in lines
    assert "\t=[plain][plain] aussi" in lines
    # estimate: a numeric question, announced by a comment.
    assert "// estimation exportée en question numérique Moodle (réponse 800 à 100 près)" in lines
    assert ("::rt_estimate::Combien de kilos de matières pour fabriquer un ordinateur ?\\n(réponse en kg)"
            "{#800:100####Environ 800 kg.}") in lines


MOODLE_GRADES = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                 12.5, 11.11111, 10, 5, 0}


def test_export_weights_are_moodle_grades(real_content) -> None:
    import re

    gift = export_gift(list(real_content.questions.values()), real_content.themes)
    weights = [float(w) for w in re.findall(r"^\t~%(-?[0-9.]+)%", gift, re.MULTILINE)]
    assert weights
    assert all(abs(w) in MOODLE_GRADES for w in weights)


def test_round_trip_keeps_questions(bank, tmp_path: Path) -> None:
    questions = list(bank.questions.values())
    path = tmp_path / "ateliers.gift"
    path.write_text(export_gift(questions, bank.themes), encoding="utf-8")
    result = import_files([path], None, existing_themes=bank.themes, existing_ids=())
    assert [q.id for q in result.questions] == [q.id for q in questions]
    for original, back in zip(questions, result.questions):
        assert shape(back) == shape(original), original.id
        assert back.theme == original.theme
    assert result.themes == []
    assert result.issues == []
    # The estimate went out as a Moodle numerical question and comes back as an estimate: its
    # answer, tolerance and unit kept, its slider made around the answer.
    original = next(q for q in questions if q.type == "estimate")
    back = by_id(result)[original.id]
    assert (back.estimate.answer, back.estimate.tolerance, back.estimate.unit) == (
        original.estimate.answer, original.estimate.tolerance, original.estimate.unit)
    assert back.estimate.min <= back.estimate.answer <= back.estimate.max


def test_round_trip_of_the_real_bank(real_content, tmp_path: Path) -> None:
    everything = list(real_content.questions.values())
    path = tmp_path / "bank.gift"
    path.write_text(export_gift(everything, real_content.themes), encoding="utf-8")
    result = import_files([path], None, existing_themes=real_content.themes, existing_ids=())
    # Orderings go out as descriptions (GIFT has no ordering), which come back skipped and named.
    orderings = [q for q in everything if q.type == "ordering"]
    assert orderings and [plain(i.message) for i in result.issues] == [
        "question de type « description » non prise en charge : ignorée"] * len(orderings)
    # Estimates come back as estimates (their slider remade around the answer): compared apart.
    questions = [q for q in everything if q.type not in ("ordering", "estimate")]
    back = {q.id: q for q in result.questions}
    for q in everything:
        if q.type == "estimate":
            assert (back[q.id].estimate.answer, back[q.id].estimate.tolerance) == (q.estimate.answer, q.estimate.tolerance)
    result.questions = [q for q in result.questions if q.type != "estimate"]
    assert result.themes == []
    assert [(q.id, q.theme) for q in result.questions] == [(q.id, q.theme) for q in questions]
    assert [shape(q) for q in result.questions] == [shape(q) for q in questions]


# --------------------------------------------------------------------------------- YAML


def test_to_yaml_is_a_valid_bank_with_only_source_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    shutil.copytree(QUESTIONS, folder)
    result = import_files([FORMATS / "sample.gift", FORMATS / "sample_errors.gift", FORMATS / "sample.aiken.txt"], None)
    out = folder / "importe.yaml"
    text = to_yaml(result)
    out.write_text(text, encoding="utf-8")
    assert "batterie_usee" in text and "|-\n" in text  # multi-line texts as block scalars
    assert "Que veut dire «\u00a0obsolescence programmée\u00a0»\u202f?" in text  # kept as written
    content = load_content(folder)
    ours = [i for i in content.issues if i.path == str(out)]
    assert [i for i in ours if i.severity == "error"] == []
    for q in result.questions:
        assert content.questions[q.id].origin == q.origin
    source_warnings = [i for i in ours if "source" in i.message]
    assert len(source_warnings) == len(result.questions)
    assert all(plain(i.message).startswith(("pas de source", "un chiffre sans source", "typographie")) for i in ours)
    for theme in result.themes:
        assert content.themes[theme.id] == theme
    data = yaml.safe_load(text)
    first = data["questions"][0]
    assert "source" not in first
    assert first["explanation"].startswith("La fabrication")


def test_to_yaml_round_trips_through_the_loader(tmp_path: Path) -> None:
    result = import_files([FORMATS / "sample.gift"], None)
    out = tmp_path / "bank.yaml"
    out.write_text(to_yaml(result), encoding="utf-8")
    content = load_content(out)
    assert content.errors == []
    assert [shape(content.questions[q.id]) for q in result.questions] == [shape(q) for q in result.questions]


# -------------------------------------------------------------------------------- Aiken


def test_aiken_sample() -> None:
    result = import_files([FORMATS / "sample.aiken.txt"], "obsolescence")
    assert result.issues == []
    q1, q2, q3 = result.questions
    assert (q1.id, q1.type, q1.origin) == ("sample_q1", "single", "sample.aiken.txt:1")
    assert [(c.id, c.text, c.correct) for c in q1.choices] == [
        ("a", "Faire remplacer la batterie", True), ("b", "Le recharger toute la nuit", False),
        ("c", "En changer tous les deux ans", False)]
    assert q2.type == "truefalse"
    assert q2.prompt == "Un e-mail avec une pièce jointe lourde\na un impact environnemental."
    assert [(c.id, c.text, c.correct) for c in q2.choices] == [("vrai", "Vrai", True), ("faux", "Faux", False)]
    assert q3.origin == "sample.aiken.txt:13" and len(q3.choices) == 4
    assert q1.explanation == "Explication à compléter."


AIKEN_ERRORS = """Question sans ANSWER ?
A) Oui
B) Non

Question suivante ?
A) Un
B) Deux
ANSWER: C

ANSWER: A

Trop de réponses ?
A) 1
B) 2
C) 3
D) 4
E) 5
F) 6
G) 7
ANSWER: A

Une seule ?
A) Oui
ANSWER: A

Bonne question ?
A) Oui
B) Non
ANSWER: b

  B) Réponse orpheline

Sans fin ?
A) x
B) y
"""


def test_aiken_errors_with_lines() -> None:
    result = import_text(AIKEN_ERRORS, "erreurs.txt", "aiken", "obsolescence")
    assert issues_of(result) == [
        (1, 1, "error", "ligne « ANSWER: » manquante avant la question suivante (ligne 5) : question ignorée"),
        (8, 1, "error", "« ANSWER: C » : aucune réponse C) dans cette question : question ignorée"),
        (10, 1, "error", "« ANSWER: » sans question au-dessus : ligne ignorée"),
        (12, 1, "error", "7 réponses : le jeu en affiche de 2 à 6 : question ignorée"),
        (22, 1, "error", "il faut au moins 2 réponses (ici : 1) : question ignorée"),
        (31, 3, "error", "réponse « B) » sans question au-dessus : ignorée"),
        (33, 1, "error", "ligne « ANSWER: » manquante à la fin du fichier : question ignorée"),
    ]
    assert [(q.prompt, [c.correct for c in q.choices]) for q in result.questions] == [("Bonne question ?", [False, True])]


# ------------------------------------------------------------------------------- Kahoot


KAHOOT_HEADER = ["", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                 "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                 "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"]


def make_kahoot(path: Path, rows: list[list], header_row: int = 8) -> Path:
    """A workbook laid out like Kahoot's template: instructions, header on row 8, questions below."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B2"] = "Quiz template"
    ws["B3"] = "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one)."
    ws["B4"] = "Remember: questions have a limit of 120 characters and answers can have 75 characters max."
    for col, value in enumerate(KAHOOT_HEADER, start=1):
        ws.cell(row=header_row, column=col, value=value)
    for r, row in enumerate(rows, start=header_row + 1):
        for col, value in enumerate(row, start=1):
            ws.cell(row=r, column=col, value=value)
    wb.save(path)
    return path


def test_kahoot_template(tmp_path: Path) -> None:
    path = make_kahoot(tmp_path / "kahoot.xlsx", [
        [1, "Quel geste fait durer un smartphone ?", "Le jeter", "Changer la batterie", "Le laisser au soleil", None, 20, 2],
        [2, "Quels indices d'une fausse info ?", "Pas de source", "Média connu", "Titre choc", "Date et auteur", 30, "1,3"],
        [3, "Q" * 130, "Oui", "Non", None, None, 20, 1],
        [4, "Réponse longue ?", "R" * 80, "Non", None, None, 20, "2"],
        [5, "Le cobalt vient surtout de RDC.", "Vrai", "Faux", None, None, 10, 1],
        [6, "Mauvais numéro ?", "Un", "Deux", None, None, 20, 5],
        [7, "Sans bonne réponse ?", "Un", "Deux", None, None, 20, None],
        [8, "Une seule réponse ?", "Un", None, None, None, 20, 1],
        [9],  # the template's numbered empty rows
        [10, "Virgule d'un Excel français ?", "Un", "Deux", "Trois", None, 20, 1.3],
        [11, None, "Un", "Deux", None, None, 20, 1],
        [12, "Bonne réponse vide ?", "Un", "Deux", None, None, 20, "1, 3"],
    ])
    result = import_files([path], "obsolescence")
    assert issues_of(result) == [
        (11, 2, "warning", "question de 130 caractères : Kahoot en accepte 120 au plus"),
        (12, 3, "warning", "réponse 1 de 80 caractères : Kahoot en accepte 75 au plus"),
        (14, 8, "error", "bonne réponse « 5 » illisible : indique les numéros des bonnes réponses, de 1 à 4, "
                         "séparés par des virgules : question ignorée"),
        (15, 8, "error", "aucune bonne réponse indiquée (colonne « Correct answer(s) ») : question ignorée"),
        (16, 3, "error", "il faut au moins 2 réponses (ici : 1) : question ignorée"),
        (19, 2, "error", "réponses sans question : ligne ignorée"),
        (20, 8, "error", "la bonne réponse 3 est vide : question ignorée"),
    ]
    q = by_id(result)
    assert list(q) == ["kahoot_q1", "kahoot_q2", "kahoot_q3", "kahoot_q4", "kahoot_q5", "kahoot_q10"]
    assert [(c.text, c.correct) for c in q["kahoot_q1"].choices] == [
        ("Le jeter", False), ("Changer la batterie", True), ("Le laisser au soleil", False)]
    assert q["kahoot_q1"].type == "single" and q["kahoot_q1"].origin == "kahoot.xlsx:9"
    assert q["kahoot_q2"].type == "multiple"
    assert [c.correct for c in q["kahoot_q2"].choices] == [True, False, True, False]
    assert q["kahoot_q3"].prompt == "Q" * 130  # too long for Kahoot, imported whole
    assert q["kahoot_q4"].choices[0].text == "R" * 80
    assert q["kahoot_q5"].type == "truefalse"
    assert [(c.id, c.correct) for c in q["kahoot_q5"].choices] == [("vrai", True), ("faux", False)]
    assert [c.correct for c in q["kahoot_q10"].choices] == [True, False, True]


def test_kahoot_header_anywhere_and_bad_files(tmp_path: Path) -> None:
    path = make_kahoot(tmp_path / "moved.xlsx", [["", "Q ?", "a", "b", "", "", 20, 1]], header_row=3)
    result = import_files([path], "obsolescence")
    assert result.issues == [] and result.questions[0].origin == "moved.xlsx:4"
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "rien d'un quiz"
    wb.save(tmp_path / "empty.xlsx")
    assert issues_of(import_files([tmp_path / "empty.xlsx"], "obsolescence")) == [
        (1, 1, "error", "ligne d'en-tête introuvable (Question, Answer 1 … Answer 4, Time limit, Correct answer(s)) : "
                        "utilise le modèle de tableur de Kahoot")]
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    assert issues_of(import_files([tmp_path / "broken.xlsx"], "obsolescence")) == [
        (1, 1, "error", "classeur .xlsx illisible : BadZipFile")]


# ---------------------------------------------------------------------- Property tests

if st is None:  # pragma: no cover
    @pytest.mark.skip(reason="hypothesis n'est pas installé")
    def test_property_tests_need_hypothesis() -> None:
        pass
else:
    GIFTISH = st.text(alphabet="{}~=#:\\/%$[]->.TRUEFASLtrue0123456789 \t\n\r\u00a0é«»abc<p>&;", max_size=300)
    AIKENISH = st.text(alphabet="ABCDE).: \t\nANSWERanswer?xé\r", max_size=300)

    def _check(result: ImportResult, text: str) -> None:
        lines = len(text.splitlines()) + 2
        for i in result.issues:
            assert 1 <= i.line <= lines and i.column >= 1, i
        yaml.safe_load(to_yaml(result))

    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.one_of(st.text(max_size=300), GIFTISH))
    def test_gift_parser_never_raises(text: str) -> None:
        parsed = parse_gift(text, "x.gift")
        assert all(i.line >= 1 and i.column >= 1 for i in parsed.issues)
        _check(import_text(text, "x.gift", "gift", existing_themes=(), existing_ids=()), text)

    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.one_of(st.text(max_size=300), AIKENISH))
    def test_aiken_parser_never_raises(text: str) -> None:
        parsed = parse_aiken(text, "x.txt")
        assert all(i.line >= 1 and i.column >= 1 for i in parsed.issues)
        _check(import_text(text, "x.txt", "aiken", "obsolescence", existing_themes=(), existing_ids=()), text)

    @settings(max_examples=150, deadline=None, database=None)
    @given(st.lists(st.text(min_size=1, max_size=40).filter(lambda t: t.strip()), min_size=2, max_size=4),
           st.text(min_size=1, max_size=60).filter(lambda t: t.strip()))
    def test_gift_export_round_trip_of_any_text(texts: list[str], prompt: str) -> None:
        """Whatever the characters, escaping keeps the texts (as the loader strips them)."""
        from pydantic import ValidationError

        try:
            q = Question(id="q", theme="t", type="single", prompt=prompt, explanation=prompt,
                         choices=[{"id": "abcd"[i], "text": t, "correct": i == 0} for i, t in enumerate(texts)])
        except ValidationError:
            return
        back = import_text(export_gift([q]), "x.gift", "gift", existing_themes=(), existing_ids=())
        everything = "".join(texts) + prompt
        if any(ch in everything for ch in "\r<&[") or any(0xF0000 <= ord(ch) <= 0xF00FF for ch in everything) or \
                any(t != t.strip(" \t\n\r\0\x0b") for t in [q.prompt] + [c.text for c in q.choices]):
            return  # HTML-looking text, our private-use placeholders and PHP-trim differences: not compared
        assert [shape(x) for x in back.questions] == [shape(q)]
