"""Paging long views, as git does: only on a terminal, only when the view is
taller than the screen (unless forced), through ``MODALITY_PAGER``, ``PAGER``
or ``less``, with ``LESS=FRX`` unless the user set ``LESS``."""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
from collections.abc import Mapping

#: Options for less when the user has not set LESS: quit if one screen (F), keep
#: colours (R), leave the text on the screen after quitting (X).
LESS_DEFAULT = "FRX"


def command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager to run, or None for none (an empty value or ``cat``)."""
    chosen = environ.get("MODALITY_PAGER", environ.get("PAGER", "less"))
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words == ["cat"]:
        return None
    return words


def wanted(text: str, forced: bool | None, isatty: bool, environ: Mapping[str, str]) -> bool:
    """Whether ``text`` should go through the pager: never off a terminal; when
    forced (``--pager``) always; by default when it is taller than the screen."""
    if not isatty or forced is False:
        return False
    if forced:
        return True
    height = shutil.get_terminal_size(fallback=(80, 24)).lines
    return text.count("\n") >= height


def page(text: str, environ: Mapping[str, str]) -> bool:
    """Show ``text`` through the pager; False if there is none to run (the
    caller then prints it)."""
    words = command(environ)
    if words is None:
        return False
    env = dict(environ)
    env.setdefault("LESS", LESS_DEFAULT)
    try:
        process = subprocess.Popen(words, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert process.stdin is not None
    with contextlib.suppress(BrokenPipeError, OSError):  # the reader quit early
        process.stdin.write(text.encode("utf-8", errors="backslashreplace"))
    with contextlib.suppress(BrokenPipeError, OSError):
        process.stdin.close()
    while True:
        try:
            process.wait()
            return True
        except KeyboardInterrupt:  # the pager handles Ctrl-C; wait for it to end
            continue
