"""The registry of a loaded bank (``Content``) and the issues found while loading it
(``ContentIssue``): plain data, shared by the loader and the checks that run after it, so
that neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from game.content.models import Axis, Career, Fact, Indicator, Post, Practice, Question, Scenario, Source, Takeaway, Theme


@dataclass(frozen=True, order=True)
class ContentIssue:
    path: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"



class Located(Protocol):
    """Where an item came from (the loader's ItemRef): it can find the position of a field."""

    def position(self, loc: tuple[Any, ...]) -> tuple[int, int]: ...


@dataclass
class Content:
    """Every item that loaded, by id, and the issues found on the way."""

    themes: dict[str, Theme] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    axes: dict[str, Axis] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    careers: dict[str, Career] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    takeaways: dict[str, Takeaway] = field(default_factory=dict)
    practices: dict[str, Practice] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)  # the kiosk's attract loop
    issues: list[ContentIssue] = field(default_factory=list)
    skipped: int = 0
    # (section, id) -> (file, ItemRef): where each item came from, for messages about it.
    origins: dict[tuple[str, str], tuple[str, Located]] = field(default_factory=dict, repr=False)

    def locate(self, section: str, item_id: str, loc: tuple[Any, ...] = ()) -> tuple[str, int, int]:
        """File, line and column of an item's field (``loc`` as in pydantic errors)."""
        path, ref = self.origins.get((section, item_id), ("?", None))
        line, col = ref.position(loc) if ref is not None else (1, 1)
        return path, line, col

    @property
    def errors(self) -> list[ContentIssue]:
        return [i for i in self.issues if i.severity == "error"]

    def playable(self) -> bool:
        return bool(self.questions or self.scenarios) and bool(self.careers) and bool(self.axes)

    def sources_of(self, item: Any) -> list[Source]:
        """The sources an item names (``source`` or ``sources``), in the author's order."""
        return [self.sources[i] for i in getattr(item, "source_ids", ()) if i in self.sources]

    def items_of_theme(self, theme_id: str) -> tuple[list[Question], list[Scenario]]:
        return (
            [q for q in self.questions.values() if q.theme == theme_id],
            [s for s in self.scenarios.values() if s.theme == theme_id],
        )
