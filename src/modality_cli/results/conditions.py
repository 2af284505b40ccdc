"""Answers of ``conditions`` and ``evidence``.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from modality_cli.core.plain import Trusted
from modality_cli.core.vocab import EvidenceLevel
from modality_cli.models import Condition, Source
from modality_cli.results.base import Linked, Result
from modality_cli.results.claims import RatedClaim


class ConditionRow(Result):
    id: str
    name: str
    aliases: list[str]
    summary: str
    icd11: str | None
    group: str
    group_name: str
    #: How many modalities have a rating for this condition.
    rated: int
    #: The best level any rating for it reached (null when none is recorded).
    best_level: EvidenceLevel | None
    sources: list[str]


class ConditionList(Result):
    rows_field = "rows"
    rows_are_payload = True

    rows: list[ConditionRow]
    group: str | None = None
    filters: dict[str, str | None]


class ConditionDetail(Trusted, Condition):
    group_name: str
    #: Every rating for this condition (after the filters), strongest level first.
    evidence: list[RatedClaim]
    #: The filters given (system, population, level), null where not given.
    filters: dict[str, str | None]
    linked: Linked
    bibliography: list[Source]


class EvidenceList(Result):
    rows_field = "rows"
    rows_are_payload = True

    rows: list[RatedClaim]
    filters: dict[str, str | None]
