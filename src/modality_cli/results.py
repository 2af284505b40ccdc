"""Result models: what each query returns. One model feeds both the JSON
output (:func:`modality_cli.plain.plain`) and the Rich view, so the two always
agree. Queries build them from validated entries, so they are not validated
again (:class:`~modality_cli.plain.Trusted`).

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from pydantic import BaseModel, ConfigDict

from modality_cli.models import Modality, Source, Technique, Theorist, Theory
from modality_cli.plain import Trusted
from modality_cli.vocab import EvidenceLevel


class Result(Trusted, BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Linked(Result):
    """Display names of every entry an answer refers to by id, per kind."""

    modalities: dict[str, str] = {}
    theories: dict[str, str] = {}
    theorists: dict[str, str] = {}
    techniques: dict[str, str] = {}


# -- list rows -------------------------------------------------------------
class ModalityRow(Result):
    id: str
    name: str
    aliases: list[str]
    summary: str
    family: str
    family_name: str
    founded: int | None
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
    rows: list[ModalityRow]
    family: str | None = None


class TheoryList(Result):
    rows: list[TheoryRow]
    linked: Linked
    modality: str | None = None


class TheoristList(Result):
    rows: list[TheoristRow]
    linked: Linked
    modality: str | None = None
    theory: str | None = None


class TechniqueList(Result):
    rows: list[TechniqueRow]
    linked: Linked
    modality: str | None = None


# -- single entries --------------------------------------------------------
class RatedClaim(Result):
    """An evidence claim with its rating system's name and our normalised level."""

    condition: str
    system: str
    system_name: str
    grade: str
    level: EvidenceLevel
    year: int | None
    summary: str
    sources: list[str]


class ModalityDetail(Trusted, Modality):
    family_name: str
    evidence: list[RatedClaim]  # type: ignore[assignment]
    linked: Linked
    bibliography: list[Source]


class TheoryDetail(Trusted, Theory):
    #: People who list this theory among their work without having originated it.
    contributors: list[str]
    linked: Linked
    bibliography: list[Source]


class TheoristDetail(Trusted, Theorist):
    linked: Linked
    bibliography: list[Source]


class TechniqueDetail(Trusted, Technique):
    linked: Linked
    bibliography: list[Source]


# -- compare ---------------------------------------------------------------
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


# -- search ----------------------------------------------------------------
class SearchHit(Result):
    kind: str
    id: str
    name: str
    aliases: list[str]
    summary: str
    score: float
    matched: list[str]
    sources: list[str]


class SearchResults(Result):
    query: str
    hits: list[SearchHit]


# -- pictures ----------------------------------------------------------------
class TimelineItem(Result):
    kind: str  # "theorist" or "modality"
    id: str
    name: str
    start: int
    end: int | None  # a theorist's death year; null for the living and for modalities
    family: str | None = None


class Timeline(Result):
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
    kind: str  # "modalities" or "theorists"
    root: str | None
    nodes: list[LineageNode]
    edges: list[LineageEdge]


# -- quality -----------------------------------------------------------------
class ValidationReport(Result):
    path: str
    valid: bool
    #: One line per problem: ``file: field path: what is wrong``.
    problems: list[str]
    counts: dict[str, int]


class KindCount(Result):
    kind: str
    count: int


class Completeness(Result):
    kind: str
    field: str
    filled: int
    total: int
    share: float


class Stats(Result):
    counts: list[KindCount]
    families: dict[str, int]
    family_names: dict[str, str]
    completeness: list[Completeness]
    evidence_by_system: dict[str, int]
    evidence_by_level: dict[str, int]
    sources_by_kind: dict[str, int]
