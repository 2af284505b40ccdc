"""Checked writes: every byte of the output written and flushed, or an error
(never a truncated file and exit 0). Shared by the views and the formats."""

from __future__ import annotations

from typing import Any

from modality_cli.core.environment import Environment


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
