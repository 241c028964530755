"""Typed models of the game's content: themes, sources, questions, scenario cards, careers.

Pure data: this module never imports pygame. Every id is a lowercase slug; logic keys on
ids, never on displayed text.
"""

from __future__ import annotations

from typing import Literal

from game.i18n import _, ngettext
from pydantic import BaseModel, ConfigDict, Field, model_validator

IdStr = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)

MAX_CHOICES = 4
MIN_CHOICES = 2


class Model(BaseModel):
    """Base: unknown fields are errors (a typo like ``explaination`` must not pass)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class FieldError(ValueError):
    """A model-level check that knows which field is at fault, so that the message points
    at that field's line rather than at the start of the item."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc


class Theme(Model):
    id: str = IdStr
    title: str = Field(min_length=1)
    short: str = Field(min_length=1, description="One line shown under the title on the theme list.")
    intro: str = Field(min_length=1, description="A short introduction shown when the theme is chosen.")


class Source(Model):
    id: str = IdStr
    organisation: str = Field(min_length=1)
    title: str = Field(min_length=1)
    year: int | None = None
    cited_in: Literal["poster", "talk"] = Field(
        description="Which source document cites it: the poster « Numérique » or the La Mêlée talk."
    )
    note: str | None = Field(default=None, description="Footnote or page in the citing document.")
    url: str | None = None

    @property
    def short_label(self) -> str:
        """« UNICEF, 2014 »: what the feedback screen shows after « Source : »."""
        return f"{self.organisation}, {self.year}" if self.year else self.organisation


class Axis(Model):
    id: str = IdStr
    label: str = Field(min_length=1)
    topic: str = Field(min_length=1, description="Used in sentences: « sur {topic} ».")


class Comparison(Model):
    """« soit l'équivalent de 3 smartphones neufs »: one unit of comparison, with its source."""

    per: float = Field(gt=0, description="How much of the indicator one unit represents.")
    singular: str = Field(min_length=1)
    plural: str = Field(min_length=1)
    source: str = IdStr


class Indicator(Model):
    id: str = IdStr
    label: str = Field(min_length=1)
    unit: str = ""
    lower_is_better: bool = True
    comparison: Comparison | None = None


class Choice(Model):
    id: str = IdStr
    text: str = Field(min_length=1)
    correct: bool = False
    feedback: str | None = Field(default=None, description="Why this answer is right or wrong.")


class Estimate(Model):
    """An estimate-a-figure question: the player picks a value on a slider with steps."""

    min: float
    max: float
    step: float = Field(gt=0)
    answer: float
    unit: str = ""
    tolerance: float = Field(default=0, ge=0, description="Answers within ± tolerance count as right.")

    @model_validator(mode="after")
    def _answer_in_range(self) -> Estimate:
        if self.min >= self.max:
            raise FieldError(("max",), _("«\u00a0min\u00a0» doit être plus petit que «\u00a0max\u00a0»"))
        if not self.min <= self.answer <= self.max:
            raise FieldError(("answer",), 
                _("la réponse {answer} est hors de l'intervalle {low} – {high}").format(
                    answer=f"{self.answer:g}", low=f"{self.min:g}", high=f"{self.max:g}"
                )
            )
        if (self.max - self.min) / self.step > 200:
            raise FieldError(("step",), _("plus de 200 crans\u00a0: choisis un «\u00a0step\u00a0» plus grand"))
        return self


class Question(Model):
    id: str = IdStr
    theme: str = IdStr
    type: Literal["single", "multiple", "truefalse", "estimate"]
    difficulty: Literal["college", "lycee", "adulte"] = "college"
    prompt: str = Field(min_length=1)
    choices: list[Choice] = Field(default_factory=list)
    estimate: Estimate | None = None
    explanation: str = Field(min_length=1)
    source: str | None = Field(
        default=None, pattern=r"^[a-z0-9][a-z0-9_.-]*$",
        description="Source id; left empty only by importers, and « validate » then asks for one.",
    )
    axes: dict[str, float] = Field(
        default_factory=dict, description="Profile weight earned by a right answer, per axis id."
    )
    origin: str | None = Field(default=None, description="Where an imported item came from: « quiz.gift:12 ».")
    debate: str | None = Field(
        default=None, description="Classroom: an open question for the class, shown after the item as « Débat : … »."
    )
    facilitator_notes: str | None = Field(
        default=None, description="Classroom: what the facilitator can bring out in the debate (facilitator only)."
    )

    @model_validator(mode="after")
    def _shape_fits_type(self) -> Question:
        if self.type == "estimate":
            if self.estimate is None:
                raise FieldError(("type",), _("une question «\u00a0estimate\u00a0» a besoin d'un bloc «\u00a0estimate\u00a0»"))
            if self.choices:
                raise FieldError(("choices",), _("une question «\u00a0estimate\u00a0» n'a pas de «\u00a0choices\u00a0»"))
            return self
        if self.estimate is not None:
            raise FieldError(("estimate",), _("seule une question «\u00a0estimate\u00a0» a un bloc «\u00a0estimate\u00a0»"))
        n = len(self.choices)
        if not MIN_CHOICES <= n <= MAX_CHOICES:
            raise FieldError(("choices",), ngettext(
                "{n} réponse\u00a0: une question en a de {low} à {high}",
                "{n} réponses\u00a0: une question en a de {low} à {high}", n).format(n=n, low=MIN_CHOICES, high=MAX_CHOICES))
        ids = [c.id for c in self.choices]
        if len(set(ids)) != n:
            raise FieldError(("choices",), _("deux réponses ont le même id"))
        right = sum(c.correct for c in self.choices)
        if self.type in ("single", "truefalse") and right != 1:
            raise FieldError(("choices",),
                _("une question «\u00a0{type}\u00a0» a exactement une bonne réponse (ici\u00a0: {n})").format(type=self.type, n=right)
            )
        if self.type == "truefalse" and n != 2:
            raise FieldError(("choices",), _("une question «\u00a0truefalse\u00a0» a exactement deux réponses"))
        if self.type == "multiple" and right < 1:
            raise FieldError(("choices",), _("une question «\u00a0multiple\u00a0» a au moins une bonne réponse"))
        return self

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.choices if c.correct)


class ScenarioChoice(Model):
    id: str = IdStr
    text: str = Field(min_length=1)
    consequence: str = Field(min_length=1)
    reason: str | None = Field(
        default=None,
        description="What the player did, for the career reasons: « as fait remplacer la batterie ».",
    )
    effects: dict[str, float] = Field(default_factory=dict, description="Change of each indicator.")
    basis: str | None = Field(default=None, description="Which figure the effects come from.")
    source: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    axes: dict[str, float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _effects_have_basis(self) -> ScenarioChoice:
        if any(self.effects.values()) and not (self.basis and self.source):
            raise FieldError(("effects",), _("des «\u00a0effects\u00a0» demandent une «\u00a0basis\u00a0» et une «\u00a0source\u00a0»"))
        return self


class Scenario(Model):
    id: str = IdStr
    theme: str = IdStr
    title: str = Field(min_length=1)
    situation: str = Field(min_length=1)
    choices: list[ScenarioChoice]
    source: str = IdStr
    debate: str | None = Field(
        default=None, description="Classroom: an open question for the class, shown after the card as « Débat : … »."
    )
    facilitator_notes: str | None = Field(
        default=None, description="Classroom: what the facilitator can bring out in the debate (facilitator only)."
    )

    @model_validator(mode="after")
    def _choice_count(self) -> Scenario:
        n = len(self.choices)
        if not MIN_CHOICES <= n <= MAX_CHOICES:
            raise FieldError(("choices",),
                _("{n} choix\u00a0: une carte en a de {low} à {high}").format(n=n, low=MIN_CHOICES, high=MAX_CHOICES))
        if len({c.id for c in self.choices}) != n:
            raise FieldError(("choices",), _("deux réponses ont le même id"))
        return self


class Career(Model):
    id: str = IdStr
    name: str = Field(min_length=1)
    issue: str = Field(min_length=1, description="The issue (enjeu) the job acts on.")
    description: str = Field(min_length=1)
    day: str | None = Field(default=None, description="A day in the job, in two sentences.")
    path: str = Field(min_length=1, description="How to get there in France: typical studies.")
    source: str = IdStr
    axes: dict[str, float]


class Takeaway(Model):
    """An end-of-session card: one of the talk's good practices or « comment agir » steps."""

    id: str = IdStr
    scope: Literal["me", "collective"] = Field(
        description="me: « Ce que tu peux faire dès demain »; collective: « Ce que ta classe, ta commune peut faire »."
    )
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    themes: list[str] = Field(min_length=1, description="Themes this card answers (chosen from the player's).")
    example: str | None = Field(default=None, description="A real example from the sources.")
    source: str = IdStr


class Practice(Model):
    """One of the seven good practices of the talk, shown on the classroom debrief."""

    id: str = IdStr
    rank: int = Field(ge=1, le=7, description="Its number in the talk, 1 to 7.")
    title: str = Field(min_length=1)
    how: str = Field(min_length=1, description="How to act, in one or two sentences.")
    example: str | None = Field(default=None, description="A real example from the sources.")
    source: str = IdStr


SECTIONS: dict[str, type[Model]] = {
    "themes": Theme,
    "sources": Source,
    "axes": Axis,
    "indicators": Indicator,
    "careers": Career,
    "questions": Question,
    "scenarios": Scenario,
    "takeaways": Takeaway,
    "practices": Practice,
}
