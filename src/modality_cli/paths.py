"""Where the bundled knowledge base lives (kept free of heavy imports, for
shell completion)."""

from __future__ import annotations

import functools
from pathlib import Path

#: Stands for the bundled knowledge base in ``--data`` and ``MODALITY_DATA``.
BUNDLED = "@bundled"
_PACKAGE_DIR = Path(__file__).resolve().parent


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
