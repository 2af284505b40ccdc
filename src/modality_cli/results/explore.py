"""Answers of ``compare`` and ``search``.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from typing import Any

from modality_cli.results.base import Linked, Result


class Dimension(Result):
    id: str
    label: str
    values: dict[str, str]


class Overlap(Result):
    techniques: list[str]
    theories: list[str]
    theorists: list[str]


class Comparison(Result):
    modalities: list[str]
    names: dict[str, str]
    dimensions: list[Dimension]
    shared: Overlap
    unique: dict[str, Overlap]
    linked: Linked

    def flat_records(self) -> list[dict[str, Any]]:
        return [{"dimension": d.label, **d.values} for d in self.dimensions]

    def flat_columns(self) -> list[str]:
        return ["dimension", *self.modalities]


class SearchHit(Result):
    kind: str
    id: str
    name: str
    aliases: list[str]
    summary: str
    score: float
    matched: list[str]
    #: The command that shows this entry in full.
    command: str
    sources: list[str]


class SearchResults(Result):
    rows_field = "hits"
    rows_are_payload = True

    query: str
    hits: list[SearchHit]
