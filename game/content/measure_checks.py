"""Checks on the pre/post measure's content: question twins and discernment posts (issue 18).

A twin names the parallel question on the same idea: it must exist, share the theme and the
level, be another question (not the same prompt), and belong to one pair only. Warnings only,
like the other content checks: the game still plays, the measure just leaves that pair out.
Pure: no pygame.
"""

from __future__ import annotations


from game.content.bank import Content, ContentIssue
from game.content.checks import fold
from game.i18n import _


def _plain(text: str) -> str:
    """A prompt without case, accents, spaces or punctuation: « the same question » means this."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def twin_pairs(content: Content) -> list[tuple[str, str]]:
    """The valid twin pairs, each once, as (the id that names its twin, the twin), sorted."""
    pairs: set[tuple[str, str]] = set()
    for qid, question in content.questions.items():
        twin = content.questions.get(question.twin) if question.twin else None
        if twin is None or not _fits(question, twin):
            continue
        if twin.twin not in (None, qid):  # the twin is paired with a third question
            continue
        pairs.add(tuple(sorted((qid, twin.id))))  # type: ignore[arg-type]
    taken: dict[str, int] = {}
    for a, b in pairs:
        taken[a] = taken.get(a, 0) + 1
        taken[b] = taken.get(b, 0) + 1
    return sorted(p for p in pairs if taken[p[0]] == 1 and taken[p[1]] == 1)


def _fits(question, twin) -> bool:  # noqa: ANN001 - two Questions
    return (twin.id != question.id and twin.theme == question.theme and twin.difficulty == question.difficulty
            and _plain(twin.prompt) != _plain(question.prompt))


def check_measure(content: Content) -> list[ContentIssue]:

    issues: list[ContentIssue] = []

    def warn(qid: str, message: str) -> None:
        path, line, col = content.locate("questions", qid, ("twin",))
        issues.append(ContentIssue(path, line, col, message, "warning"))

    named_by: dict[str, list[str]] = {}
    for qid, question in content.questions.items():
        if not question.twin:
            continue
        twin = content.questions.get(question.twin)
        named_by.setdefault(question.twin, []).append(qid)
        if question.twin == qid:
            warn(qid, _("«\u00a0twin\u00a0»\u00a0: la question «\u00a0{id}\u00a0» se nomme elle-même").format(id=qid))
        elif twin is None:
            warn(qid, _("«\u00a0twin\u00a0»\u00a0: pas de question «\u00a0{twin}\u00a0»").format(twin=question.twin))
        elif twin.theme != question.theme:
            warn(qid, _("«\u00a0twin\u00a0»\u00a0: «\u00a0{id}\u00a0» (thème {a}) et «\u00a0{twin}\u00a0» (thème {b}) "
                        "doivent avoir le même thème").format(id=qid, twin=twin.id, a=question.theme, b=twin.theme))
        elif twin.difficulty != question.difficulty:
            warn(qid, _("«\u00a0twin\u00a0»\u00a0: «\u00a0{id}\u00a0» ({a}) et «\u00a0{twin}\u00a0» ({b}) doivent avoir "
                        "le même niveau").format(id=qid, twin=twin.id, a=question.difficulty, b=twin.difficulty))
        elif _plain(twin.prompt) == _plain(question.prompt):
            warn(qid, _("«\u00a0twin\u00a0»\u00a0: «\u00a0{id}\u00a0» et «\u00a0{twin}\u00a0» posent la même question\u00a0: "
                        "un jumeau dit la même idée avec d'autres mots et d'autres chiffres").format(id=qid, twin=twin.id))
        elif twin.twin not in (None, qid):
            warn(qid, _("«\u00a0twin\u00a0»\u00a0: «\u00a0{twin}\u00a0» a déjà pour jumeau «\u00a0{other}\u00a0»").format(
                twin=twin.id, other=twin.twin))
    for target, namers in sorted(named_by.items()):
        if len(namers) > 1 and target in content.questions:
            for qid in sorted(namers)[1:]:
                warn(qid, _("«\u00a0twin\u00a0»\u00a0: «\u00a0{twin}\u00a0» est déjà le jumeau de «\u00a0{other}\u00a0»").format(
                    twin=target, other=sorted(namers)[0]))
    return issues
