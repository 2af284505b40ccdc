"""The command line: the Typer app, the options commands share, and the one
hand-off from a result to its output.

The commands live in :mod:`modality_cli.cli.commands`, one module per group, and
are built only when run (see its registry); they stay thin, and the work is in
:mod:`modality_cli.queries`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from modality_cli import __version__
from modality_cli.cli import completion, settings
from modality_cli.cli.boundary import ModalityGroup
from modality_cli.core.environment import Environment
from modality_cli.formats import Format

if TYPE_CHECKING:  # the knowledge base is imported only when a command needs it
    from modality_cli.kb.knowledge import KnowledgeBase

NOTE = "Educational information, not clinical advice."

app = typer.Typer(
    cls=ModalityGroup,
    name="modality",
    help=(
        "Explore psychotherapy modalities: what each is, its theories, theorists and "
        "techniques, what helps with which condition and who says so, and how they compare. "
        f"{NOTE} Every command takes --json for scripts."
    ),
    epilog=(
        "Examples: modality compare psychodynamic cbt | modality show CBT | "
        "modality conditions panic attacks | modality theorists -m psychodynamic | "
        "modality search 'free association' --json"
    ),
    no_args_is_help=True,
    rich_markup_mode=settings.RICH_MARKUP_MODE,
    pretty_exceptions_enable=settings.PRETTY_EXCEPTIONS_ENABLE,
    pretty_exceptions_short=settings.PRETTY_EXCEPTIONS_SHORT,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """Options given before the command, and the knowledge base once loaded."""

    data: list[Path] | None = None
    no_color: bool = False
    #: None: page on a terminal when the view is taller than the screen; True always; False never.
    pager: bool | None = None
    _kb: KnowledgeBase | None = None

    @classmethod
    def knowledge(cls) -> KnowledgeBase:
        if cls._kb is None:
            from modality_cli.kb.store.load import load

            cls._kb = load(cls.data)
        return cls._kb


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (same as --format json).")]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-F",
        case_sensitive=False,
        help="table (default), json, jsonl, csv or markdown.",
        show_default=False,
    ),
]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        help="Comma-separated fields to keep in json, jsonl, csv or markdown (implies json).",
        show_default=False,
    ),
]
ExportOption = Annotated[
    Path | None,
    typer.Option(
        "--export",
        help="Save to this file instead of printing: .svg, .html, .md, .txt, .json, .jsonl or .csv.",
        show_default=False,
        dir_okay=False,
    ),
]
ModalityOption = Annotated[
    str | None,
    typer.Option(
        "--modality",
        "-m",
        help="Only those linked to this modality (name, id or alias).",
        autocompletion=completion.complete_modality,
    ),
]


def joined(words: list[str] | None) -> str | None:
    """Several unquoted words given for one name, as that name."""
    return " ".join(words) if words else None


def emit(
    result: Any,
    as_json: bool = False,
    fmt: Format | None = None,
    fields: str | None = None,
    export: Path | None = None,
) -> None:
    """Hand a result to the chosen output (or to the file named by --export):
    the only output code a command calls."""
    from modality_cli.core.errors import UsageError
    from modality_cli.formats.records import parse_fields

    if export is not None:
        if as_json or fmt is not None or fields is not None:
            raise UsageError(
                "--export takes its format from the file name; leave out --json, --format and --fields."
            )
        from modality_cli.formats.export import export as save

        save(result, export)
        typer.echo(f"Saved {export}", err=True)
        return
    if as_json and fmt not in (None, Format.json):
        raise UsageError(f"--json and --format {fmt.value} ask for different outputs; give one.")
    chosen = Format.json if as_json else fmt
    wanted = parse_fields(fields)
    if chosen is None:
        chosen = Format.json if wanted is not None else Format.table
    if wanted is not None and chosen is Format.table:
        raise UsageError("--fields applies to json, jsonl, csv and markdown output, not to tables.")
    from modality_cli.formats import write

    write(result, chosen, Environment.from_process(no_color=State.no_color), wanted, pager=State.pager)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"modality {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            envvar="MODALITY_DATA",
            metavar="PATH",
            help=(
                "Use this knowledge-base file instead of the bundled one; give it again to overlay "
                "files in order (later entries replace same-id ones). @bundled names the shipped file."
            ),
            show_default=False,
        ),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text without colour.")] = False,
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Page views through the pager (MODALITY_PAGER, PAGER or less) even when they fit the "
            "screen, or never. By default long views are paged on a terminal.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    State.data = data or None
    State.no_color = no_color
    State.pager = pager
    State._kb = None
