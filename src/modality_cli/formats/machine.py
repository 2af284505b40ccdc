"""JSON, JSON Lines and CSV."""

from __future__ import annotations

import io
import json
from json.encoder import encode_basestring as _string  # the C encoder when available
from typing import Any

from pydantic import BaseModel

from modality_cli.core.text import csv_inert, json_inert
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
        return json_inert(pretty(data) + "\n")
    rows = [select(item, fields) for item in records(result)]
    if fmt == "jsonl":
        return json_inert("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    return _csv(rows, fields or valid_fields(result))


def pretty(value: Any) -> str:
    """The same text as ``json.dumps(value, ensure_ascii=False, indent=2)`` for
    plain data (strings, numbers, booleans, None, lists and dicts with string
    keys), made about twice as fast: the standard library indents in a chain of
    generators, which shows in the start-up time of a long list."""
    out: list[str] = []
    _write(value, out, "\n")
    return "".join(out)


def _write(value: Any, out: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(_string(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator)
            out.append(_string(key))
            out.append(": ")
            _write(item, out, inner)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
        elif all(type(item) is str for item in value):
            inner = newline + "  "
            out.append("[" + inner + ("," + inner).join(map(_string, value)) + newline + "]")
        else:
            inner = newline + "  "
            separator = "[" + inner
            for item in value:
                out.append(separator)
                _write(item, out, inner)
                separator = "," + inner
            out.append(newline + "]")
    elif kind is int:  # as the json module writes them (bool is not int here: type() is exact)
        out.append(int.__repr__(value))
    elif value is None:
        out.append("null")
    else:  # floats and booleans, as the json module writes them
        out.append(json.dumps(value, ensure_ascii=False))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        text = "; ".join(str(v) for v in value)
    elif isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return csv_inert(text)


def _csv(rows: list[dict[str, Any]], default_columns: list[str]) -> str:
    import csv

    out = io.StringIO()
    columns = list(dict.fromkeys(key for row in rows for key in row)) or default_columns
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([csv_inert(c) for c in columns])
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()
