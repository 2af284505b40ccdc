"""Answers of ``timeline`` and ``lineage``.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from modality_cli.results.base import Result


class TimelineItem(Result):
    kind: str  # "theorist" or "modality"
    id: str
    name: str
    start: int
    end: int | None  # a theorist's death year; a period's last year; else null
    family: str | None = None
    #: A modality with no single founding year: the period it took shape in ("1950s").
    period: str | None = None


class Timeline(Result):
    rows_field = "items"

    items: list[TimelineItem]
    first_year: int
    last_year: int
    #: Entries left off for want of a date.
    undated: list[str]
    family: str | None = None
    modality: str | None = None


class LineageNode(Result):
    id: str
    name: str
    kind: str  # "modality" or "theorist"
    year: int | None


class LineageEdge(Result):
    source: str  # the influence
    target: str  # what grew out of it


class Lineage(Result):
    rows_field = "edges"

    kind: str  # "modalities" or "theorists"
    root: str | None
    nodes: list[LineageNode]
    edges: list[LineageEdge]
