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

from modality_cli.core.errors import ExitStatus, ModalityError, UsageError
from modality_cli.core.text import escape_controls


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


def _report(error: ModalityError, as_json: bool) -> None:
    if as_json:
        import json

        from modality_cli.core.text import json_inert

        _say(json_inert(json.dumps(error.as_json(), ensure_ascii=False)))
    else:
        _say(error.render())


def guarded(call: Callable[[], Any], as_json: bool = False) -> int:
    """Run ``call`` and turn every outcome into an exit status; with ``as_json``,
    an error is also written as a JSON object (README: "Errors as JSON")."""
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
        _report(error, as_json)
        return int(error.exit_status)
    except _click.exceptions.ClickException as error:
        if as_json and error.exit_code == ExitStatus.USAGE:
            _report(UsageError(error.format_message()), as_json)
            return error.exit_code
        shown = io.StringIO()
        error.show(file=shown)
        _say(escape_controls(shown.getvalue()))
        return error.exit_code
    except Abort:
        return int(ExitStatus.ERROR)
    except KeyboardInterrupt:
        return int(ExitStatus.INTERRUPTED)
    except MemoryError:
        _report(ModalityError("not enough memory to finish (see ulimit -v)."), as_json)
        return int(ExitStatus.ERROR)
    except OSError as error:
        if error.errno == errno.EPIPE:
            _silence_stdout()
            return int(ExitStatus.OK)
        _report(ModalityError(f"cannot write output ({error.strerror or error})."), as_json)
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
        from modality_cli.cli.commands import LazyCommands

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
        from modality_cli.cli.argv import normalise, wants_json

        given = normalise(sys.argv[1:] if args is None else args)

        def call() -> Any:
            return super(ModalityGroup, self).main(
                args=given,
                prog_name=prog_name or "modality",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )

        status = guarded(call, as_json=wants_json(given))
        if standalone_mode:
            sys.exit(status)
        return status
