"""Where output goes and what the terminal can do, injectable for tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import NamedTuple, TextIO


class Environment(NamedTuple):
    stdout: TextIO
    stderr: TextIO
    stdout_isatty: bool
    color: bool
    width: int | None = None
    #: The process's own terminal, which a pager may take over (never an injected stream).
    can_page: bool = False

    @classmethod
    def from_process(cls, environ: Mapping[str, str] | None = None, no_color: bool = False) -> Environment:
        environ = os.environ if environ is None else environ
        stdout = sys.stdout
        try:
            isatty = stdout.isatty()
        except (AttributeError, ValueError):
            isatty = False
        color = (
            isatty
            and not no_color
            and "NO_COLOR" not in environ
            and environ.get("TERM") != "dumb"
            and environ.get("FORCE_COLOR", "") not in ("0", "false", "no")
        )
        width = _int(environ.get("COLUMNS"))
        return cls(
            stdout=stdout, stderr=sys.stderr, stdout_isatty=isatty, color=color, width=width, can_page=isatty
        )


def _int(text: str | None) -> int | None:
    try:
        value = int(text) if text else None
    except ValueError:
        return None
    return value if value and value > 0 else None
