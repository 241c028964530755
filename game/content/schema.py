"""JSON Schema of a bank file, generated from the models, for editors' autocompletion."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from game.content.models import Axis, Career, Fact, Indicator, Post, Practice, Question, Scenario, Source, Takeaway, Theme


class Bank(BaseModel):
    """One YAML file of questions/: any of these sections, each a list."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_ref: str | None = Field(default=None, alias="$schema")
    themes: list[Theme] = []
    sources: list[Source] = []
    axes: list[Axis] = []
    indicators: list[Indicator] = []
    careers: list[Career] = []
    questions: list[Question] = []
    scenarios: list[Scenario] = []
    takeaways: list[Takeaway] = []
    practices: list[Practice] = []
    posts: list[Post] = []
    facts: list[Fact] = []


def bank_schema() -> dict[str, Any]:
    schema = Bank.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Numérique en jeu : fichier de contenu"
    return schema
