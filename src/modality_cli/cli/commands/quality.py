"""Commands about the knowledge base itself: validate, stats, schema."""

from pathlib import Path
from typing import Annotated

import typer

from modality_cli.cli.app import (
    FieldsOption,
    FormatOption,
    JsonOption,
    State,
    emit,
)
from modality_cli.core.environment import Environment

#: This module's commands; :mod:`modality_cli.cli.commands` builds one when it is run.
commands = typer.Typer()


@commands.command(
    "validate",
    epilog="Examples: modality validate | modality validate my-kb.json --strict --json",
)
def validate_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Knowledge-base file to check (default: the --data files, else the bundled one).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also report empty optional fields and sources never cited.")
    ] = False,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Check a knowledge-base file: shape, references, ambiguous names; one line per problem."""
    from modality_cli.kb.loading import bundled_path
    from modality_cli.queries.quality import validate_files

    targets = [path] if path is not None else (State.data or [bundled_path()])
    report = validate_files(targets, strict=strict)
    emit(report, json, format, fields)
    if not report.valid:
        raise typer.Exit(1)


@commands.command("stats", epilog="Examples: modality stats | modality stats --json | jq .counts")
def stats_command(
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Count entries per kind and family, and how complete each field is."""
    from modality_cli.queries.quality import stats

    emit(stats(State.knowledge()), json, format, fields)


@commands.command("schema", epilog="Examples: modality schema > kb.schema.json | modality schema compare")
def schema_command(
    command: Annotated[
        str | None,
        typer.Argument(help="A command whose --json output to describe; none for the knowledge-base file."),
    ] = None,
    json: Annotated[
        bool, typer.Option("--json", help="Accepted for symmetry: a schema is always JSON.")
    ] = False,
) -> None:
    """Print a JSON Schema: of the knowledge-base file, or of a command's JSON output."""
    import json as json_module

    from modality_cli.core.output import write_text
    from modality_cli.formats.schemas import schema_for

    text = json_module.dumps(schema_for(command), indent=2, ensure_ascii=False) + "\n"
    write_text(text, Environment.from_process())


@commands.command(
    "export",
    epilog="Examples: modality export --sqlite kb.db && sqlite3 kb.db 'SELECT name FROM modalities' "
    "| datasette kb.db",
)
def export_command(
    sqlite: Annotated[
        Path,
        typer.Option(
            "--sqlite",
            help="Write the whole knowledge base to this SQLite database (the schema is in the README).",
            show_default=False,
            dir_okay=False,
        ),
    ],
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Write the knowledge base (the --data files, else the bundled one) as a SQLite database."""
    from modality_cli.kb.store.export import export

    emit(export(State.knowledge(), sqlite), json, format, fields)
