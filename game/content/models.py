"""Typed models of the game's content: themes, sources, questions, scenario cards, careers.

Pure data: this module never imports pygame. Every id is a lowercase slug; logic keys on
ids, never on displayed text.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from game.i18n import _
from game.qtypes import qtype
from game.qtypes.base import MAX_CHOICES, MIN_CHOICES, FieldError  # noqa: F401 - used from here too
from pydantic import BaseModel, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
IdStr = Field(pattern=ID_PATTERN, max_length=80)
SourceId = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]

# Questions take MIN_CHOICES to MAX_CHOICES answers (game.qtypes: 2 to 6; an ordering 3 to 6);
# scenario cards 2 to 4.
MAX_CARD_CHOICES = 4


class Model(BaseModel):
    """Base: unknown fields are errors (a typo like ``explaination`` must not pass)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _source_field(description: str = "Source id (one). For several, write « sources: [a, b] » instead.") -> Any:
    return Field(default=None, pattern=ID_PATTERN, description=description)


def _sources_field() -> Any:
    return Field(default=None, min_length=1,
                 description="Several source ids, in the order shown: « sources: [ademe_2022, arcep_2023] ».")


def _one_or_several(data: Any) -> Any:
    """Before validation: ``sources: [a, b]`` also fills ``source`` with its first id, so that
    code that shows one source keeps working; ``source`` and ``sources`` together is an error."""
    if isinstance(data, dict) and data.get("sources") is not None:
        if data.get("source") is not None:
            raise FieldError(("source",), _(
                "«\u00a0source\u00a0» et «\u00a0sources\u00a0» ensemble\u00a0: mets tous les ids dans "
                "«\u00a0sources: [a, b]\u00a0» et retire «\u00a0source\u00a0»"))
        listed = data["sources"]
        first = listed[0] if isinstance(listed, list) and listed else None
        if isinstance(first, str):
            data = {**data, "source": first}
    return data


def _check_sources(sources: list[str] | None) -> None:
    if sources and len(set(sources)) != len(sources):
        index = next(i for i, s in enumerate(sources) if s in sources[:i])
        raise FieldError(("sources", index), _("source «\u00a0{id}\u00a0» citée deux fois").format(id=sources[index]))


# For editors (JSON Schema): never « source » and « sources » together; a card needs one of them.
_NOT_BOTH = {"not": {"required": ["source", "sources"]}}
_ONE_OF = {"oneOf": [{"required": ["source"]}, {"required": ["sources"]}]}


class SourceIds:
    """``source_ids``: what code reads, for items that take ``source: id`` (one) or
    ``sources: [id, id]`` (several): every id, in the author's order. ``source`` stays the
    first id, for screens that show only one."""

    @property
    def source_ids(self) -> tuple[str, ...]:
        listed = getattr(self, "sources", None)
        if listed:
            return tuple(listed)
        one = getattr(self, "source", None)
        return (one,) if one else ()


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
    cited_in: Literal["poster", "talk", "public"] = Field(
        description="Which source document cites it: the poster « Numérique », the La Mêlée talk, "
        "or « public »: a public body or study that neither document names, whose guidance an item "
        "repeats (its note says which issue of the documents it answers; it gives no figure)."
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


class Comparison(SourceIds, Model):
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


# The six manipulation techniques of the inoculation studies (Roozenbeek & van der Linden 2019;
# Basol et al. 2020), plus doctored images and deepfakes: named by posts, and by the prebunking
# questions and cards that teach them (shown after the answer).
TECHNIQUES = ("impersonation", "emotion", "polarisation", "conspiracy", "discrediting", "trolling",
              "doctored_image", "deepfake")


def _technique_field():  # noqa: ANN202
    return Field(default=None, description="Prebunking: the manipulation technique this item teaches to spot, "
                 "named to the player after the answer.")


class Question(SourceIds, Model):
    model_config = ConfigDict(json_schema_extra=_NOT_BOTH)

    id: str = IdStr
    theme: str = IdStr
    type: Literal["single", "multiple", "truefalse", "estimate", "ordering"] = Field(
        description="single: one right answer; multiple: several, ticked then validated; truefalse: « Vrai » "
                    "then « Faux »; estimate: a figure on a slider (« estimate » block, no choices); ordering: "
                    "3 to 6 items to put in order, written in the right order (first = top), none « correct ».")
    difficulty: Literal["college", "lycee", "adulte"] = "college"
    prompt: str = Field(min_length=1)
    choices: list[Choice] = Field(default_factory=list)
    order: Literal["shuffle", "fixed"] = Field(
        default="shuffle",
        description="shuffle: each session shows the choices in its own order; fixed: always in the "
                    "file's order (a scale, « aucune de ces réponses » last). True/false is always fixed.",
    )
    estimate: Estimate | None = None
    explanation: str = Field(min_length=1)
    source: str | None = _source_field(
        "Source id; left empty only by importers, and « validate » then asks for one. "
        "For several, write « sources: [a, b] » instead.")
    sources: list[SourceId] | None = _sources_field()
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
    twin: str | None = Field(
        default=None, pattern=ID_PATTERN,
        description="Pre/post measure: the id of the parallel question on the same idea (other wording, "
                    "other figures). One of the two is asked before the game, the other after.")
    technique: Literal[TECHNIQUES] | None = _technique_field()  # type: ignore[valid-type]

    _one_or_several = model_validator(mode="before")(classmethod(lambda cls, data: _one_or_several(data)))

    @model_validator(mode="after")
    def _shape_fits_type(self) -> Question:
        _check_sources(self.sources)
        qtype(self.type).validate(self)  # what each type needs: game/qtypes/<type>.py
        return self

    @property
    def correct_ids(self) -> frozenset[str]:
        """The choices marked right (none for an estimate or an ordering)."""
        return frozenset(c.id for c in self.choices if c.correct)

    @property
    def right_ids(self) -> tuple[str, ...]:
        """The right answer as choice ids: the right choices, or an ordering's right order."""
        return qtype(self.type).right_ids(self)


class ScenarioChoice(SourceIds, Model):
    model_config = ConfigDict(json_schema_extra=_NOT_BOTH)

    id: str = IdStr
    text: str = Field(min_length=1)
    consequence: str = Field(min_length=1)
    reason: str | None = Field(
        default=None,
        description="What the player did, for the career reasons: « as fait remplacer la batterie ».",
    )
    effects: dict[str, float] = Field(default_factory=dict, description="Change of each indicator.")
    basis: str | None = Field(default=None, description="Which figure the effects come from.")
    source: str | None = _source_field()
    sources: list[SourceId] | None = _sources_field()
    axes: dict[str, float] = Field(default_factory=dict)

    _one_or_several = model_validator(mode="before")(classmethod(lambda cls, data: _one_or_several(data)))

    @model_validator(mode="after")
    def _effects_have_basis(self) -> ScenarioChoice:
        _check_sources(self.sources)
        if any(self.effects.values()) and not (self.basis and self.source_ids):
            raise FieldError(("effects",), _("des «\u00a0effects\u00a0» demandent une «\u00a0basis\u00a0» et une «\u00a0source\u00a0»"))
        return self


class Scenario(SourceIds, Model):
    model_config = ConfigDict(json_schema_extra=_ONE_OF)

    id: str = IdStr
    theme: str = IdStr
    title: str = Field(min_length=1)
    situation: str = Field(min_length=1)
    choices: list[ScenarioChoice]
    source: str | None = _source_field("Source id (one; « source » or « sources » is required). "
                                       "For several, write « sources: [a, b] » instead.")
    sources: list[SourceId] | None = _sources_field()
    dominant: bool = Field(
        default=False,
        description="true: one choice beats the others on every gauge, and that is the lesson "
                    "(« validate » then does not warn « aucun compromis »).",
    )
    technique: Literal[TECHNIQUES] | None = _technique_field()  # type: ignore[valid-type]
    debate: str | None = Field(
        default=None, description="Classroom: an open question for the class, shown after the card as « Débat : … »."
    )
    facilitator_notes: str | None = Field(
        default=None, description="Classroom: what the facilitator can bring out in the debate (facilitator only)."
    )

    _one_or_several = model_validator(mode="before")(classmethod(lambda cls, data: _one_or_several(data)))

    @model_validator(mode="after")
    def _choice_count(self) -> Scenario:
        _check_sources(self.sources)
        if not self.source_ids:
            raise FieldError(("source",), _("champ obligatoire manquant\u00a0: «\u00a0{field}\u00a0»").format(field="source"))
        n = len(self.choices)
        if not MIN_CHOICES <= n <= MAX_CARD_CHOICES:
            raise FieldError(("choices",),
                _("{n} choix\u00a0: une carte en a de {low} à {high}").format(n=n, low=MIN_CHOICES, high=MAX_CARD_CHOICES))
        if len({c.id for c in self.choices}) != n:
            raise FieldError(("choices",), _("deux réponses ont le même id"))
        return self


class Career(SourceIds, Model):
    id: str = IdStr
    name: str = Field(min_length=1)
    issue: str = Field(min_length=1, description="The issue (enjeu) the job acts on.")
    description: str = Field(min_length=1)
    day: str | None = Field(default=None, description="A day in the job, in two sentences.")
    path: str = Field(min_length=1, description="How to get there in France: typical studies.")
    source: str = IdStr
    axes: dict[str, float]


class Takeaway(SourceIds, Model):
    """An end-of-session card: one of the talk's good practices or « comment agir » steps."""

    id: str = IdStr
    scope: Literal["me", "collective"] = Field(
        description="me: « Ce que tu peux faire dès demain »; collective: « Ce que ta classe, ta commune peut faire »."
    )
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    themes: list[str] = Field(min_length=1, description="Themes this card answers (chosen from the player's).")
    example: str | None = Field(default=None, description="A real example from the sources.")
    closing: bool = Field(
        default=False,
        description="true: the last card of every session, shown after the two chosen ones "
                    "(the talk's hopeful ending: what is already changing). One card at most.")
    source: str = IdStr


class Practice(SourceIds, Model):
    """One of the seven good practices of the talk, shown on the classroom debrief."""

    id: str = IdStr
    rank: int = Field(ge=1, le=7, description="Its number in the talk, 1 to 7.")
    title: str = Field(min_length=1)
    how: str = Field(min_length=1, description="How to act, in one or two sentences.")
    example: str | None = Field(default=None, description="A real example from the sources.")
    source: str = IdStr




class Post(SourceIds, Model):
    """A made-up social-media post for the discernment task of the pre/post measure: the player
    rates how reliable it looks (1 to 7). Reliable posts name no technique; the others name the
    manipulation technique they use (the inoculation studies' six, plus doctored images and deepfakes)."""

    model_config = ConfigDict(json_schema_extra=_NOT_BOTH)

    id: str = IdStr
    theme: str = IdStr
    difficulty: Literal["college", "lycee", "adulte"] = "college"
    author: str = Field(min_length=1, max_length=40, description="The made-up account shown: « @info_vraie_24 ».")
    text: str = Field(min_length=1, max_length=280, description="The post, as short as a real one.")
    reliable: bool = Field(description="true: a trustworthy post; false: it uses « technique ».")
    technique: Literal[TECHNIQUES] | None = Field(  # type: ignore[valid-type]
        default=None, description="For a manipulative post: the technique it uses.")
    explanation: str = Field(min_length=1, description="Shown after the measure: why it can be trusted, or how it manipulates.")
    source: str | None = _source_field()
    sources: list[SourceId] | None = _sources_field()

    _one_or_several = model_validator(mode="before")(classmethod(lambda cls, data: _one_or_several(data)))

    @model_validator(mode="after")
    def _technique_fits(self) -> Post:
        _check_sources(self.sources)
        if self.reliable and self.technique is not None:
            raise FieldError(("technique",), _("un post fiable n'a pas de «\u00a0technique\u00a0»\u00a0: "
                                               "retire-la, ou écris «\u00a0reliable: false\u00a0»"))
        if not self.reliable and self.technique is None:
            raise FieldError(("technique",), _("un post trompeur nomme sa «\u00a0technique\u00a0» de manipulation"))
        return self


class Fact(SourceIds, Model):
    """A fact the kiosk's attract screen shows between players: one or two sentences that read
    alone (their subject named, every acronym spelt out), with the source of their figure."""

    model_config = ConfigDict(json_schema_extra=_ONE_OF)

    id: str = IdStr
    text: str = Field(min_length=1, max_length=220,
                      description="Reads alone: its subject named, acronyms spelt out (« le RGAA, référentiel… »).")
    source: str | None = _source_field()
    sources: list[SourceId] | None = _sources_field()

    _one_or_several = model_validator(mode="before")(classmethod(lambda cls, data: _one_or_several(data)))

    @model_validator(mode="after")
    def _has_source(self) -> Fact:
        _check_sources(self.sources)
        if not self.source_ids:
            raise FieldError(("source",), _("champ obligatoire manquant\u00a0: «\u00a0{field}\u00a0»").format(field="source"))
        return self


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
    "posts": Post,
    "facts": Fact,
}
