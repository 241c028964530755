"""What a several-answer question says under its prompt, without saying it twice: most prompts
of the bank already end with « Plusieurs réponses possibles. » (« More than one answer
possible. », « Choose all that apply. »), and the hint « Plusieurs réponses sont justes :
cochez-les toutes. » repeated it. No pygame: the solo and the class screens share it."""

from __future__ import annotations

from game.i18n import _

# Words a prompt uses to say there may be several answers (both languages: a bank may be in
# either), and those that also say to tick them all. Lower case, matched anywhere in the prompt.
SAYS_SEVERAL = ("plusieurs réponses", "plusieurs bonnes réponses", "more than one answer", "several answers",
                "more than one right answer")
SAYS_ALL = ("cochez-les toutes", "coche-les toutes", "toutes les bonnes réponses", "all that apply",
            "tick them all", "tick all", "all the right answers")


def multiple_hint(prompt: str, group: bool) -> str:
    """The hint under a several-answer question's ``prompt``, to a group (« vous », the class) or
    to one player (« tu », who also validates): in full when the prompt says nothing of it; only
    « tick them all » when the prompt already says there may be several (« possibles » does not
    say that every right one must be ticked); nothing when the prompt says that too."""
    said = " ".join(prompt.lower().split())
    if any(w in said for w in SAYS_ALL):
        return ""
    if any(w in said for w in SAYS_SEVERAL):
        return _("Cochez toutes les bonnes réponses.") if group else _("Coche toutes les bonnes réponses, puis valide.")
    return (_("Plusieurs réponses sont justes\u00a0: cochez-les toutes.") if group
            else _("Plusieurs réponses sont justes\u00a0: coche-les toutes, puis valide."))
