"""Pydantic models of the knowledge-base file (``data/modalities.json``).

These describe the *shape* of one file. Checks that need the whole file
(unique ids, references that resolve, lineage cycles) live in
:mod:`modality_cli.integrity`.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

import datetime as _dt
import functools
from typing import Annotated, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from modality_cli.vocab import EVIDENCE_SYSTEMS, EvidenceLevel, evidence_level

#: Years before this are not plausible for anything in the knowledge base.
EARLIEST_YEAR = 1500
#: Nobody in the knowledge base lived longer than this.
LONGEST_LIFE = 120

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
]
Text = Annotated[str, StringConstraints(pattern=r"\S", max_length=20_000)]
Year = Annotated[int, Field(ge=EARLIEST_YEAR)]

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
SourceKind = Literal["book", "chapter", "article", "review", "guideline", "manual", "website"]


_Y = TypeVar("_Y", int, int | None)


@functools.cache
def _today() -> _dt.date:
    """Today, read once per process (validation asks for it thousands of times)."""
    return _dt.date.today()


def _this_year() -> int:
    return _today().year


def _not_future(year: _Y, what: str) -> _Y:
    if year is not None and year > _this_year():
        raise ValueError(f"{what} {year} is in the future")
    return year


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class Misconception(_Model):
    """A claim popular accounts make, and what the scholarly record holds."""

    claim: Text
    correction: Text
    sources: list[Slug] = Field(min_length=1)


class Entry(_Model):
    """Fields every looked-up entry carries."""

    id: Slug
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    summary: Text
    sources: list[Slug] = Field(min_length=1)
    misconceptions: list[Misconception] = Field(default_factory=list)
    checked: Annotated[_dt.date, Field(strict=False)] | None = None

    @field_validator("checked")
    @classmethod
    def _checked_not_future(cls, value: _dt.date | None) -> _dt.date | None:
        if value is not None and value > _today():
            raise ValueError(f"checked date {value} is in the future")
        return value


class Theorist(Entry):
    #: Null where no reliable public record of the year exists (some living clinicians).
    born: Year | None
    died: Year | None = None
    contributions: list[Text] = Field(default_factory=list)
    theories: list[Slug] = Field(default_factory=list)
    modalities: list[Slug] = Field(default_factory=list)
    influenced_by: list[Slug] = Field(default_factory=list)

    @field_validator("born")
    @classmethod
    def _born_not_future(cls, value: int | None) -> int | None:
        return _not_future(value, "born")

    @field_validator("died")
    @classmethod
    def _plausible_death(cls, value: int | None, info: ValidationInfo) -> int | None:
        born = info.data.get("born")
        if value is None:
            if born is not None and _this_year() - born > LONGEST_LIFE:
                raise ValueError(f"is null (living) but born is {born}, which is not plausible")
            return None
        _not_future(value, "died")
        if born is not None:
            if value < born:
                raise ValueError(f"{value} is before born ({born})")
            if value - born > LONGEST_LIFE:
                raise ValueError(f"a life from {born} to {value} is not plausible")
        return value


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


class Technique(Entry):
    description: Text | None = None
    originators: list[Slug] = Field(default_factory=list)
    modalities: list[Slug] = Field(default_factory=list)
    theories: list[Slug] = Field(default_factory=list)


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


class Source(_Model):
    id: Slug
    kind: SourceKind
    authors: list[Text] = Field(min_length=1)
    #: Publication year; null for an undated web page (``accessed`` then says when it was read).
    year: Year | None = None
    title: Text
    venue: Text | None = None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    accessed: Annotated[_dt.date, Field(strict=False)] | None = None

    @field_validator("year")
    @classmethod
    def _year_not_future(cls, value: int | None) -> int | None:
        return _not_future(value, "year")

    @field_validator("accessed")
    @classmethod
    def _accessed_not_future(cls, value: _dt.date | None) -> _dt.date | None:
        if value is not None and value > _today():
            raise ValueError(f"accessed date {value} is in the future")
        return value


class KnowledgeFile(_Model):
    """The whole file, as written on disk."""

    schema_version: Literal[1] = 1
    modalities: list[Modality] = []
    theories: list[Theory] = []
    theorists: list[Theorist] = []
    techniques: list[Technique] = []
    sources: list[Source] = []
