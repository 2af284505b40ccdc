"""Console-script entry point, kept tiny so that Ctrl-C during start-up is
handled too (the heavy imports happen inside the guard)."""

from __future__ import annotations

import sys


def run() -> None:
    try:
        from modality_cli.cli import app

        app(prog_name="modality")
    except KeyboardInterrupt:
        sys.exit(130)
