"""Modalities, and the evidence claims rated for them.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from modality_cli.models.base import Entry, Slug, Text, Year, _Model, _not_future
from modality_cli.vocab import EVIDENCE_SYSTEMS, EvidenceLevel, evidence_level

Family = Literal[
    "psychodynamic",
    "humanistic",
    "cognitive-behavioural",
    "systemic",
    "trauma-focused",
    "postmodern",
    "integrative",
    "creative-arts",
]
TimeOrientation = Literal["past", "present", "future"]
Structure = Literal["directive", "mixed", "exploratory"]
Format = Literal["individual", "couple", "family", "group", "online", "self-help"]


class EvidenceClaim(_Model):
    """One rating of one modality for one condition, in its rater's own terms."""

    condition: Text
    system: str
    grade: Text
    #: When the rating was given; null where the rater does not date it (see the source).
    year: Year | None = None
    summary: Text
    sources: list[Slug] = Field(min_length=1)

    @field_validator("system")
    @classmethod
    def _known_system(cls, value: str) -> str:
        if value not in EVIDENCE_SYSTEMS:
            known = ", ".join(sorted(EVIDENCE_SYSTEMS))
            raise ValueError(f"unknown rating system {value!r} (known: {known})")
        return value

    @field_validator("grade")
    @classmethod
    def _grade_of_system(cls, value: str, info: ValidationInfo) -> str:
        system = EVIDENCE_SYSTEMS.get(info.data.get("system", ""))
        if system is not None and value not in system.grades:
            allowed = ", ".join(repr(g) for g in system.grades)
            raise ValueError(f"{value!r} is not one of {system.id}'s grades ({allowed})")
        return value

    @field_validator("year")
    @classmethod
    def _year_not_future(cls, value: int | None) -> int | None:
        return _not_future(value, "year")

    @property
    def level(self) -> EvidenceLevel:
        return evidence_level(self.system, self.grade)


class Modality(Entry):
    family: Family
    founded: Year | None = None
    founders: list[Slug] = Field(default_factory=list)
    theorists: list[Slug] = Field(default_factory=list)
    theories: list[Slug] = Field(default_factory=list)
    techniques: list[Slug] = Field(default_factory=list)
    overview: Text | None = None
    history: Text | None = None
    focus: Text | None = None
    time_orientation: list[TimeOrientation] = Field(default_factory=list)
    structure: Structure | None = None
    therapist_role: Text | None = None
    session: Text | None = None
    duration: Text | None = None
    frequency: Text | None = None
    formats: list[Format] = Field(default_factory=list)
    goals: list[Text] = Field(default_factory=list)
    evidence: list[EvidenceClaim] = Field(default_factory=list)
    cautions: list[Text] = Field(default_factory=list)
    influenced_by: list[Slug] = Field(default_factory=list)
    related: list[Slug] = Field(default_factory=list)
    resources: list[Slug] = Field(default_factory=list)

    @field_validator("founded")
    @classmethod
    def _founded_not_future(cls, value: int | None) -> int | None:
        return _not_future(value, "founded")
