"""Console-script entry point, kept tiny so that Ctrl-C during start-up is
handled too (the heavy imports happen inside the guard).

Until :func:`run` takes over, Ctrl-C simply ends the process (the default action
of SIGINT: no traceback, and the shell sees status 130); from then on it raises
KeyboardInterrupt, which the program turns into exit status 130."""

from __future__ import annotations

import gc
import signal
import sys

if __name__ != "__main__" and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run() -> None:
    # One command per process: reference counting frees what a command drops (its
    # data holds no reference cycles), so the cycle collector would only re-scan the
    # objects that importing Typer, Pydantic and the models creates, about 10 ms of
    # every run. The process ends long before cyclic garbage could add up.
    gc.disable()
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if _answered_quickly():
            return
        from modality_cli.cli.app import app

        app(prog_name="modality")
    except KeyboardInterrupt:
        sys.exit(130)


def _answered_quickly() -> bool:
    """A shell completion request answered before Typer is imported, when it can be
    (:mod:`modality_cli.cli.quickcomplete`)."""
    import os

    if not os.environ.get("_MODALITY_COMPLETE", "").startswith("complete_"):
        return False
    from modality_cli.cli.quickcomplete import answer

    try:
        return answer(os.environ, sys.stdout)
    except (OSError, ValueError, LookupError):
        return False
