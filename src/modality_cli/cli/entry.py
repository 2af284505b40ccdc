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
        _without_pydantic_plugins()
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


def _without_pydantic_plugins() -> None:
    """Tell Pydantic there are no plugins before it looks for them.

    The first time Pydantic builds a validator (Typer builds one per option) it
    discovers plugins through ``importlib.metadata``, reading every installed
    package's metadata: about 8 ms of every run. This program uses no Pydantic
    plugin, and one installed for another program has no business in it."""
    import types

    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    loader = types.ModuleType(name, "No Pydantic plugins (see modality_cli.cli.entry).")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[name] = loader
