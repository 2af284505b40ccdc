"""Results as plain data: the JSON payload, flat records for CSV, JSON Lines
and Markdown tables, and the field names ``--fields`` may choose from."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from modality_cli import results as r
from modality_cli.errors import UsageError
from modality_cli.plain import plain

# Answers made of rows of one model: where the rows are, and their model.
# The first five print a JSON array; the others print an object whose rows
# are what CSV, JSON Lines and Markdown tables (and --fields) work on.
_ROWS: dict[type[BaseModel], tuple[str, type[BaseModel]]] = {
    r.ModalityList: ("rows", r.ModalityRow),
    r.TheoryList: ("rows", r.TheoryRow),
    r.TheoristList: ("rows", r.TheoristRow),
    r.TechniqueList: ("rows", r.TechniqueRow),
    r.SearchResults: ("hits", r.SearchHit),
    r.Stats: ("completeness", r.Completeness),
    r.Timeline: ("items", r.TimelineItem),
    r.Lineage: ("edges", r.LineageEdge),
}
ARRAYS = (r.ModalityList, r.TheoryList, r.TheoristList, r.TechniqueList, r.SearchResults)


def _rows(result: BaseModel) -> list[dict[str, Any]]:
    attribute, _ = _ROWS[type(result)]
    return [plain(row) for row in getattr(result, attribute)]


def payload(result: BaseModel) -> Any:
    """What ``--json`` prints: an array for list answers, an object otherwise."""
    return _rows(result) if isinstance(result, ARRAYS) else plain(result)


def records(result: BaseModel) -> list[dict[str, Any]]:
    """One flat-ish record per row: list rows, search hits, compare dimensions,
    stats' completeness, timeline items, lineage edges, validate's problems,
    or the single entry."""
    if isinstance(result, r.Comparison):
        return [{"dimension": d.label, **d.values} for d in result.dimensions]
    if isinstance(result, r.ValidationReport):
        return [{"problem": p} for p in result.problems]
    if type(result) in _ROWS:
        return _rows(result)
    return [payload(result)]


def fields_name_columns(result: BaseModel) -> bool:
    """Whether --fields picks record columns of an object answer (compare,
    stats, timeline...) rather than keys of each item or of the single entry."""
    if isinstance(result, r.Comparison | r.ValidationReport):
        return True
    return type(result) in _ROWS and not isinstance(result, ARRAYS)


def valid_fields(result: BaseModel) -> list[str]:
    if isinstance(result, r.Comparison):
        return ["dimension", *result.modalities]
    if isinstance(result, r.ValidationReport):
        return ["problem"]
    if type(result) in _ROWS:
        return list(_ROWS[type(result)][1].__pydantic_fields__)
    return list(type(result).__pydantic_fields__)


def check_fields(result: BaseModel, fields: list[str]) -> None:
    allowed = valid_fields(result)
    unknown = [f for f in fields if f not in allowed]
    if unknown:
        raise UsageError(
            f"unknown field{'s' if len(unknown) > 1 else ''} for this answer: {', '.join(unknown)}.",
            "Valid fields: " + ", ".join(allowed) + ".",
        )
    if not fields:
        raise UsageError(
            "--fields needs at least one field name.", "Valid fields: " + ", ".join(allowed) + "."
        )


def select(record: dict[str, Any], fields: list[str] | None) -> dict[str, Any]:
    return record if fields is None else {f: record.get(f) for f in fields}


def parse_fields(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [f.strip() for f in text.split(",") if f.strip()]
