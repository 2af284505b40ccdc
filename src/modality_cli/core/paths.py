"""Where the bundled knowledge base lives, and the file-opening flags the
program relies on (kept free of heavy imports, for shell completion)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

#: Open without waiting for a writer (a FIFO) and without following a final
#: symlink; 0 where the platform has no such flag (Windows has neither).
NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)


def my_uid() -> int | None:
    """This process's effective user id; None where there is none (Windows)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid() if geteuid is not None else None


#: Stands for the bundled knowledge base in ``--data`` and ``MODALITY_DATA``.
BUNDLED = "@bundled"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@functools.cache  # where the package is does not change while it runs
def bundled_path() -> Path:
    """The knowledge base shipped with the program.

    A wheel installs it as ``modality_cli/data/modalities.json``; an editable
    install or a source checkout finds it at ``data/modalities.json`` in the
    project root.
    """
    installed = _PACKAGE_DIR / "data" / "modalities.json"
    if installed.is_file():
        return installed
    return _PACKAGE_DIR.parent.parent / "data" / "modalities.json"
