"""Theories: their originators, year and key concepts.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

from pydantic import Field, field_validator

from modality_cli.models.base import Entry, Slug, Text, Year, _not_future


class Theory(Entry):
    description: Text | None = None
    originators: list[Slug] = Field(default_factory=list)
    year: Year | None = None
    key_concepts: list[Text] = Field(default_factory=list)
    modalities: list[Slug] = Field(default_factory=list)
    related: list[Slug] = Field(default_factory=list)

    @field_validator("year")
    @classmethod
    def _year_not_future(cls, value: int | None) -> int | None:
        return _not_future(value, "year")
