"""Commands that work across entries: compare and search."""

import enum
from typing import Annotated

import typer

from modality_cli.cli import completion
from modality_cli.cli.app import (
    ExportOption,
    FieldsOption,
    FormatOption,
    JsonOption,
    State,
    emit,
)

#: This module's commands; :mod:`modality_cli.cli.commands` builds one when it is run.
commands = typer.Typer()


class SearchKind(enum.StrEnum):
    modality = "modality"
    condition = "condition"
    theory = "theory"
    theorist = "theorist"
    technique = "technique"


@commands.command(
    "compare", epilog="Examples: modality compare psychodynamic cbt | modality compare cbt dbt act --json"
)
def compare_command(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Two or more modalities: 'A B', 'A vs B', 'A and B' or 'A, B'; names of several words "
            "need no quotes.",
            show_default=False,
            autocompletion=completion.complete_modality,
        ),
    ],
    full: Annotated[bool, typer.Option("--full", help="Every dimension in full prose.")] = False,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """Compare modalities side by side, then show what they share and what is unique to each."""
    from modality_cli.queries.compare import compare

    emit(compare(State.knowledge(), names, full=full), json, format, fields, export)


@commands.command(
    "search", epilog="Examples: modality search 'free association' | modality search trauma --json"
)
def search_command(
    query: Annotated[
        list[str],
        typer.Argument(
            help="Words to look for in every kind of entry (no quotes needed).", show_default=False
        ),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="At most this many hits (0 for all).")
    ] = 20,
    kind: Annotated[
        SearchKind | None,
        typer.Option("--kind", "-k", help="Only entries of this kind.", show_default=False),
    ] = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """Search modalities, conditions, theories, theorists and techniques; best matches first.

    Word forms match (memory, memories) and accents fold. Entries that match
    every word come first, then those that match most of them; question words
    ("what helps with", "best therapy for") are ignored. A phrase in quotes
    ('"false memory"') matches as a phrase; a word ending in * is a prefix."""
    from modality_cli.queries.search import search

    chosen = None if kind is None else kind.value
    emit(search(State.knowledge(), " ".join(query), limit, chosen), json, format, fields, export)
