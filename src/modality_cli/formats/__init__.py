"""Output formats. ``table`` is the Rich view; the others are written straight
to stdout as UTF-8 and never import Rich."""

from __future__ import annotations

import enum
from typing import Any

from modality_cli.environment import Environment


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


def write_text(text: str, env: Environment) -> None:
    """UTF-8 bytes on stdout whatever the locale, every byte checked and flushed,
    so output that cannot be written in full (a closed pipe, a full disk, a file
    size limit) is an error here, not a truncated file and exit 0."""
    stream = env.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        # backslashreplace: a lone surrogate becomes \udxxx, still a valid JSON escape
        write_all(buffer, text.encode("utf-8", errors="backslashreplace"))
    else:
        stream.write(text)
        stream.flush()


def write_all(file: Any, data: bytes) -> None:
    """Write every byte of ``data`` to a binary file, then flush: a short write is
    retried, and one that writes nothing is an error."""
    import errno

    view = memoryview(data)
    while view:
        written = file.write(view)
        if not written:
            raise OSError(errno.EIO, "output could not be written in full")
        view = view[written:]
    file.flush()
