"""JSON, JSON Lines and CSV."""

from __future__ import annotations

import io
import json
from typing import Any

from pydantic import BaseModel

from modality_cli.formats.records import fields_name_columns, payload, records, select, valid_fields


def render(result: BaseModel, fmt: str, fields: list[str] | None) -> str:
    if fmt == "json":
        data = payload(result)
        if fields is not None and isinstance(data, list):
            data = [select(item, fields) for item in data]
        elif fields is not None:
            data = (
                [select(x, fields) for x in records(result)]
                if fields_name_columns(result)
                else select(data, fields)
            )
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    rows = [select(item, fields) for item in records(result)]
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return _csv(rows, fields or valid_fields(result))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _csv(rows: list[dict[str, Any]], default_columns: list[str]) -> str:
    import csv

    out = io.StringIO()
    columns = list(dict.fromkeys(key for row in rows for key in row)) or default_columns
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()
