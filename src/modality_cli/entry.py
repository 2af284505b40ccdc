"""Console-script entry point, kept tiny so that Ctrl-C during start-up is
handled too (the heavy imports happen inside the guard)."""

from __future__ import annotations

import gc
import sys


def run() -> None:
    # One command per process: reference counting frees what a command drops (its
    # data holds no reference cycles), so the cycle collector would only re-scan the
    # objects that importing Typer, Pydantic and the models creates, about 10 ms of
    # every run. The process ends long before cyclic garbage could add up.
    gc.disable()
    try:
        from modality_cli.cli import app

        app(prog_name="modality")
    except KeyboardInterrupt:
        sys.exit(130)
