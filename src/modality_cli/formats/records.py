"""Results as plain data: the JSON payload, flat records for CSV, JSON Lines
and Markdown tables, and the field names ``--fields`` may choose from."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from modality_cli import results as r
from modality_cli.errors import UsageError

LISTS = (r.ModalityList, r.TheoryList, r.TheoristList, r.TechniqueList)


def payload(result: BaseModel) -> Any:
    """What ``--json`` prints: an array for list answers, an object otherwise."""
    if isinstance(result, LISTS):
        return [row.model_dump(mode="json") for row in result.rows]
    if isinstance(result, r.SearchResults):
        return [hit.model_dump(mode="json") for hit in result.hits]
    return result.model_dump(mode="json")


def records(result: BaseModel) -> list[dict[str, Any]]:
    """One flat-ish record per row: list rows, search hits, compare dimensions,
    completeness rows of stats, problems of validate, or the single entry."""
    if isinstance(result, r.Comparison):
        return [{"dimension": d.label, **d.values} for d in result.dimensions]
    if isinstance(result, r.Stats):
        return [c.model_dump(mode="json") for c in result.completeness]
    if isinstance(result, r.Timeline):
        return [i.model_dump(mode="json") for i in result.items]
    if isinstance(result, r.Lineage):
        return [e.model_dump(mode="json") for e in result.edges]
    if isinstance(result, r.ValidationReport):
        return [{"problem": p} for p in result.problems]
    data = payload(result)
    return data if isinstance(data, list) else [data]


def valid_fields(result: BaseModel) -> list[str]:
    if isinstance(result, LISTS):
        return list(type(result).model_fields["rows"].annotation.__args__[0].model_fields)  # type: ignore[union-attr]
    if isinstance(result, r.SearchResults):
        return list(r.SearchHit.model_fields)
    if isinstance(result, r.Comparison):
        return ["dimension", *result.modalities]
    if isinstance(result, r.Stats):
        return list(r.Completeness.model_fields)
    if isinstance(result, r.Timeline):
        return list(r.TimelineItem.model_fields)
    if isinstance(result, r.Lineage):
        return list(r.LineageEdge.model_fields)
    if isinstance(result, r.ValidationReport):
        return ["problem"]
    return list(type(result).model_fields)


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
