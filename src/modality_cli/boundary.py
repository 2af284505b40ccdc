"""The one place where errors become a message on stderr and an exit status.

:class:`ModalityGroup` is the Typer/Click group the app uses, so the same
handling applies whether the program runs from the console script, from
``python -m modality_cli`` or from Typer's test runner.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from typer import _click
from typer.core import TyperGroup
from typer.exceptions import Abort

from modality_cli.errors import ExitStatus, ModalityError
from modality_cli.text import escape_controls


def _say(message: str) -> None:
    try:
        sys.stderr.write(message if message.endswith("\n") else message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the interpreter's
    final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _tolerant_streams() -> None:
    """Characters the output encoding lacks become escapes, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def guarded(call: Callable[[], Any]) -> int:
    """Run ``call`` and turn every outcome into an exit status."""
    if sys.stderr is None:  # started with stderr closed: errors go nowhere, work goes on
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:  # started with stdout closed
        _say("Error: standard output is closed.")
        return int(ExitStatus.ERROR)
    _tolerant_streams()
    try:
        outcome = call()
        sys.stdout.flush()
    except ModalityError as error:
        _say(error.render())
        return int(error.exit_status)
    except _click.exceptions.ClickException as error:
        shown = io.StringIO()
        error.show(file=shown)
        _say(escape_controls(shown.getvalue()))
        return error.exit_code
    except Abort:
        return int(ExitStatus.ERROR)
    except KeyboardInterrupt:
        return int(ExitStatus.INTERRUPTED)
    except OSError as error:
        if error.errno == errno.EPIPE:
            _silence_stdout()
            return int(ExitStatus.OK)
        _say(f"Error: cannot write output ({error.strerror or error}).")
        return int(ExitStatus.ERROR)
    except Exception as error:  # the last line of defence: never a traceback
        if os.environ.get("MODALITY_DEBUG"):
            raise
        _say(f"Error: an internal error occurred ({type(error).__name__}). Set MODALITY_DEBUG=1 for details.")
        return int(ExitStatus.ERROR)
    return outcome if isinstance(outcome, int) else int(ExitStatus.OK)


class ModalityGroup(TyperGroup):
    """The app's group: errors handled by :func:`guarded`, commands built lazily."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from modality_cli.commands import LazyCommands

        self.commands = LazyCommands(self.commands)

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return list(self.commands)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        def call() -> Any:
            return super(ModalityGroup, self).main(
                args=args,
                prog_name=prog_name or "modality",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )

        status = guarded(call)
        if standalone_mode:
            sys.exit(status)
        return status
