"""Output formats. ``table`` is the Rich view; the others are written straight
to stdout as UTF-8 and never import Rich."""

from __future__ import annotations

import enum
from typing import Any

from modality_cli.core.environment import Environment
from modality_cli.core.output import write_text


class Format(enum.StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


def write(
    result: Any, fmt: Format, env: Environment, fields: list[str] | None = None, pager: bool | None = None
) -> None:
    if fmt is Format.table:
        from modality_cli.views import show

        show(result, env, pager=pager)
        return
    from modality_cli.formats import records

    if fields is not None:
        records.check_fields(result, fields)
    if fmt is Format.markdown:
        from modality_cli.formats.markdown import to_markdown

        text = to_markdown(result, fields)
    else:
        from modality_cli.formats import machine

        text = machine.render(result, fmt.value, fields)
    write_text(text, env)
