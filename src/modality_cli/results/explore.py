"""Answers of ``compare`` and ``search``.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from typing import Any, Literal

from modality_cli.results.base import Linked, Result


class Dimension(Result):
    id: str
    label: str
    #: Each modality's value in full.
    values: dict[str, str]
    #: Each modality's value in one short line, for the at-a-glance table; null for
    #: dimensions shown only in full (``compare --full``).
    brief: dict[str, str] | None


class Overlap(Result):
    techniques: list[str]
    theories: list[str]
    theorists: list[str]


class Comparison(Result):
    #: What the table view shows: "glance" (the default) or "full" (``--full``).
    view: Literal["glance", "full"]
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
    #: Higher is better: 100 times the share of the query's terms matched, plus a
    #: part from bm25 (the order of ``search``'s answer is the order to trust).
    score: float
    #: The fields the query matched (name, aliases, codes, summary, concepts,
    #: conditions, focus, text, history, misconceptions).
    matched: list[str]
    #: How many of the query's terms the entry matched (question words such as
    #: "what helps with" are not terms).
    matched_terms: int
    #: A short passage of the best-matching text.
    snippet: str
    #: [start, end) of each matched word in ``snippet``.
    highlights: list[list[int]]
    #: The command that shows this entry in full.
    command: str
    sources: list[str]


class SearchResults(Result):
    rows_field = "hits"
    rows_are_payload = True

    query: str
    #: The one kind searched ("modality", ...), or null for every kind.
    kind: str | None
    #: How many entries matched, of which ``hits`` holds the first (``--limit``).
    total: int
    hits: list[SearchHit]
