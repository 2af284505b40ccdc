"""Results as plain data: the JSON payload, flat records for CSV, JSON Lines
and Markdown tables, and the field names ``--fields`` may choose from."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel

from modality_cli.core.errors import UsageError
from modality_cli.core.plain import plain
from modality_cli.results.base import Result


def _rows_field(result: BaseModel) -> str | None:
    field: str | None = getattr(result, "rows_field", None)
    return field


def _flat(result: BaseModel) -> Result | None:
    """The answer, if it has a table form of its own (compare, validate)."""
    return result if isinstance(result, Result) and result.flat_columns() is not None else None


def _rows(result: BaseModel) -> list[dict[str, Any]]:
    return [plain(row) for row in getattr(result, _rows_field(result) or "")]


def payload(result: BaseModel) -> Any:
    """What ``--json`` prints: an array for list answers, an object otherwise."""
    return _rows(result) if getattr(result, "rows_are_payload", False) else plain(result)


def records(result: BaseModel) -> list[dict[str, Any]]:
    """One flat-ish record per row: list rows, search hits, compare dimensions,
    stats' completeness, timeline items, lineage edges, validate's problems,
    or the single entry."""
    flat = _flat(result)
    if flat is not None:
        return flat.flat_records() or []
    if _rows_field(result):
        return _rows(result)
    return [payload(result)]


def fields_name_columns(result: BaseModel) -> bool:
    """Whether --fields picks record columns of an object answer (compare,
    stats, timeline...) rather than keys of each item or of the single entry."""
    if _flat(result) is not None:
        return True
    return _rows_field(result) is not None and not getattr(result, "rows_are_payload", False)


def valid_fields(result: BaseModel) -> list[str]:
    flat = _flat(result)
    if flat is not None:
        return flat.flat_columns() or []
    field = _rows_field(result)
    if field:
        row_model = get_args(type(result).__pydantic_fields__[field].annotation)[0]
        return list(row_model.__pydantic_fields__)
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
