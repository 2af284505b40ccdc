"""Commands that draw: timeline and lineage."""

import enum
from typing import Annotated

import typer

from modality_cli.cli.app import (
    ExportOption,
    FieldsOption,
    FormatOption,
    JsonOption,
    State,
    emit,
    joined,
)
from modality_cli.core.environment import Environment
from modality_cli.core.errors import UsageError
from modality_cli.formats import Format

#: This module's commands; :mod:`modality_cli.cli.commands` builds one when it is run.
commands = typer.Typer()


@commands.command("timeline", epilog="Examples: modality timeline | modality timeline --family psychodynamic")
def timeline_command(
    family: Annotated[
        str | None, typer.Option("--family", "-f", help="Only this family and its people.")
    ] = None,
    modality: Annotated[
        str | None,
        typer.Option("--modality", "-m", help="Only this modality, what it grew out of, and its people."),
    ] = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """Chart theorists' lifetimes and modalities' founding years on one time axis."""
    from modality_cli.queries.pictures import timeline

    emit(timeline(State.knowledge(), family, modality), json, format, fields, export)


class GraphFormat(enum.StrEnum):
    tree = "tree"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    mermaid = "mermaid"
    dot = "dot"


@commands.command(
    "lineage",
    epilog="Examples: modality lineage psychoanalysis | modality lineage --people Freud | "
    "modality lineage --format mermaid > lineage.mmd | modality lineage --format dot | dot -Tsvg",
)
def lineage_command(
    name: Annotated[
        list[str] | None,
        typer.Argument(
            help="A modality or person to centre on (default: the whole map).", show_default=False
        ),
    ] = None,
    people: Annotated[
        bool, typer.Option("--people", "-p", help="Who influenced whom, instead of modalities.")
    ] = False,
    json: JsonOption = False,
    format: Annotated[
        GraphFormat | None,
        typer.Option(
            "--format",
            "-F",
            case_sensitive=False,
            help="tree (default), json, jsonl, csv, markdown, mermaid or dot.",
            show_default=False,
        ),
    ] = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """Show the influence tree: which approach grew out of which, and who influenced whom."""
    from modality_cli.queries.pictures import lineage

    result = lineage(State.knowledge(), joined(name), people)
    if format in (GraphFormat.mermaid, GraphFormat.dot):
        if json or fields is not None or export is not None:
            raise UsageError(
                f"--format {format.value} is a diagram; leave out --json, --fields and --export."
            )
        from modality_cli.core.output import write_text
        from modality_cli.formats.graph import to_dot, to_mermaid

        text = to_mermaid(result) if format is GraphFormat.mermaid else to_dot(result)
        write_text(text, Environment.from_process())
        return
    plain_format = None if format is None or format is GraphFormat.tree else Format(format.value)
    emit(result, json, plain_format, fields, export)
