"""Modalities, and the evidence claims rated for them.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from modality_cli.core.vocab import EVIDENCE_SYSTEMS, EvidenceLevel, evidence_level
from modality_cli.models.base import EARLIEST_YEAR, Entry, Slug, Text, Year, _Model, _not_future

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


Population = Literal["adults", "children and young people", "older adults", "all ages"]
#: A NICE guideline code (NG222, CG159, ...) or another body's short guideline name.
GuidelineCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$")]
#: A recommendation's number as the body gives it ("1.6.1", "10").
RecommendationNumber = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.]{0,19}$")]
Count = Annotated[int, Field(ge=1, le=10_000_000)]
#: When a modality took shape, where no single founding year is defensible: a
#: decade ("1950s"), a span of decades ("1960s-1970s") or of years ("1955-1965"),
#: or, where sources show only that it was in use by a year and none says when
#: it began, that year ("by 2003": the historian's terminus ante quem).
Period = Annotated[
    str,
    StringConstraints(pattern=r"^(?:by [0-9]{4}|[0-9]{3}(?:0s|[0-9])(?:-[0-9]{3}(?:0s|[0-9]))?)$"),
]
_BY = "by "


def period_start(period: str) -> int:
    """The first year a period covers ("1960s-1970s" -> 1960, "by 2003" -> 2003)."""
    return int(period.removeprefix(_BY)[:4])


def period_end(period: str) -> int:
    """The last year a period covers ("1960s-1970s" -> 1979, "1955-1965" -> 1965,
    "by 2003" -> 2003)."""
    last = period.removeprefix(_BY).rsplit("-", 1)[-1]
    return int(last[:4]) + (9 if last.endswith("s") else 0)


class EvidenceClaim(_Model):
    """One rating of one modality for one condition, in its rater's own terms:
    the link between a modality and a condition."""

    #: The condition's id.
    condition: Slug
    population: Population
    #: A restriction the rating body states ("relapse prevention", "with medication").
    qualifier: Text | None = None
    system: str
    #: The body's own grade, in its own words (NICE's verb, Division 12's status...).
    grade: Text
    #: The guideline the rating is in (NICE's code: NG222, CG159...), where it has one.
    guideline: GuidelineCode | None = None
    #: The body's number for the recommendation, where it numbers them.
    recommendation: RecommendationNumber | None = None
    #: When the rating or review was published; null where the rater does not date it.
    year: Year | None = None
    #: For a review: how many trials and participants it pooled, where it says.
    trials: Count | None = None
    participants: Count | None = None
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
    #: Where no single year is defensible, the decade or span it took shape in.
    period: Period | None = None
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

    @field_validator("period")
    @classmethod
    def _sound_period(cls, value: str | None) -> str | None:
        if value is None:
            return None
        start, end = period_start(value), period_end(value)
        if start < EARLIEST_YEAR:
            raise ValueError(f"{value!r} starts before {EARLIEST_YEAR}")
        if end < start:
            raise ValueError(f"{value!r} ends before it starts")
        _not_future(start, "period")
        return value

    @property
    def founding(self) -> str | None:
        """The founding year or, failing one, the period, as text ("1955", "1950s")."""
        return str(self.founded) if self.founded is not None else self.period

    @property
    def founding_phrase(self) -> str:
        """ "founded 1955", "took shape in the 1950s", or "no single founding year"."""
        if self.founded is not None:
            return f"founded {self.founded}"
        if self.period is not None:
            if self.period.startswith(_BY):
                return f"in use {self.period}"  # "in use by 2003"
            the = "the " if self.period.endswith("s") else ""  # "the 1950s", but "1955-1965"
            return f"took shape in {the}{self.period}"
        return "no single founding year"

    @property
    def began(self) -> int | None:
        """The founding year, or else the first year of the period: where the
        modality goes on a timeline."""
        if self.founded is not None:
            return self.founded
        return None if self.period is None else period_start(self.period)
