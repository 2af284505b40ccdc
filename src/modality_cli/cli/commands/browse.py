"""The full-screen browser."""

from typing import Annotated

import typer

from modality_cli.cli import completion
from modality_cli.cli.app import State, joined

#: This module's commands; :mod:`modality_cli.cli.commands` builds one when it is run.
commands = typer.Typer()


@commands.command(
    "browse", epilog="Examples: modality browse | modality browse psychodynamic | modality browse Klein"
)
def browse_command(
    name: Annotated[
        list[str] | None,
        typer.Argument(
            help="Open at this entry (a modality, condition, theory, theorist or technique).",
            autocompletion=completion.complete_modality,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Explore in a full-screen browser: filter as you type, follow links between entries,
    compare modalities (needs a terminal; ? shows the keys)."""
    import sys

    from modality_cli.core.errors import UsageError

    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        raise UsageError("browse needs a terminal; for scripts use show, search or --json.")
    from modality_cli.browse.app import BrowseApp
    from modality_cli.browse.entries import Row, locate

    kb = State.knowledge()
    start = None
    if name:
        kind, entry_id = locate(kb, joined(name) or "")
        start = Row(kind, entry_id, kb.name_of(kind, entry_id), "")
    BrowseApp(kb, start).run()
