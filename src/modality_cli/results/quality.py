"""Answers of ``validate`` and ``stats``.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from typing import Any

from modality_cli.results.base import Result


class ValidationReport(Result):
    path: str
    valid: bool
    #: One line per problem: ``file: field path: what is wrong``.
    problems: list[str]
    counts: dict[str, int]

    def flat_records(self) -> list[dict[str, Any]]:
        return [{"problem": p} for p in self.problems]

    def flat_columns(self) -> list[str]:
        return ["problem"]


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
    rows_field = "completeness"

    counts: list[KindCount]
    families: dict[str, int]
    family_names: dict[str, str]
    completeness: list[Completeness]
    evidence_by_system: dict[str, int]
    evidence_by_level: dict[str, int]
    sources_by_kind: dict[str, int]


class DatabaseExport(Result):
    """What ``export --sqlite`` wrote."""

    path: str
    format: str
    #: Rows per table.
    tables: dict[str, int]

    def flat_records(self) -> list[dict[str, Any]]:
        return [{"table": name, "rows": count} for name, count in self.tables.items()]

    def flat_columns(self) -> list[str]:
        return ["table", "rows"]
