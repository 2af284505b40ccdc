"""Answers of the list commands: one row per entry.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from modality_cli.results.base import Linked, Result


class ModalityRow(Result):
    id: str
    name: str
    aliases: list[str]
    summary: str
    family: str
    family_name: str
    founded: int | None
    period: str | None
    founders: list[str]
    theorists: list[str]
    theories: list[str]
    techniques: list[str]
    sources: list[str]


class TheoryRow(Result):
    id: str
    name: str
    aliases: list[str]
    summary: str
    year: int | None
    originators: list[str]
    modalities: list[str]
    sources: list[str]


class TheoristRow(Result):
    id: str
    name: str
    aliases: list[str]
    summary: str
    born: int | None
    died: int | None
    contributions: list[str]
    theories: list[str]
    modalities: list[str]
    sources: list[str]


class TechniqueRow(Result):
    id: str
    name: str
    aliases: list[str]
    summary: str
    originators: list[str]
    modalities: list[str]
    sources: list[str]


class ModalityList(Result):
    rows_field = "rows"
    rows_are_payload = True

    rows: list[ModalityRow]
    family: str | None = None


class TheoryList(Result):
    rows_field = "rows"
    rows_are_payload = True

    rows: list[TheoryRow]
    linked: Linked
    modality: str | None = None


class TheoristList(Result):
    rows_field = "rows"
    rows_are_payload = True

    rows: list[TheoristRow]
    linked: Linked
    modality: str | None = None
    theory: str | None = None


class TechniqueList(Result):
    rows_field = "rows"
    rows_are_payload = True

    rows: list[TechniqueRow]
    linked: Linked
    modality: str | None = None
