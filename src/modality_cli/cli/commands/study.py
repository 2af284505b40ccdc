"""Commands for study: cards and quiz."""

from pathlib import Path
from typing import Annotated

import typer

from modality_cli.cli.app import (
    FieldsOption,
    FormatOption,
    JsonOption,
    ModalityOption,
    State,
    emit,
)

#: This module's commands; :mod:`modality_cli.cli.commands` builds one when it is run.
commands = typer.Typer()

DeckOption = Annotated[
    str | None,
    typer.Option(
        "--deck",
        "-d",
        help="theorists, modalities, techniques, theories, misconceptions, conditions or all (default).",
        show_default=False,
    ),
]


@commands.command(
    "cards",
    epilog=(
        "Examples: modality cards --deck theorists --export theorists.apkg | "
        "modality cards -m psychodynamic --export psychodynamic.csv | modality cards --json"
    ),
)
def cards_command(
    deck: DeckOption = None,
    modality: ModalityOption = None,
    family: Annotated[
        str | None, typer.Option("--family", "-f", help="Only this family (e.g. psychodynamic).")
    ] = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            help="Save to this file: .apkg (Anki), .csv or .tsv (Anki, Quizlet, spreadsheets), "
            "or .json, .md, .html.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Flash cards drawn from the knowledge base, each with the sources of what it states."""
    from modality_cli.queries.study import cards

    emit(cards(State.knowledge(), deck, modality, family), json, format, fields, export)


@commands.command(
    "quiz",
    epilog=(
        "Examples: modality quiz --count 5 | modality quiz --deck theorists --seed 7 | "
        "printf '1\\n3\\n' | modality quiz --count 2 --seed 1 | modality quiz --json"
    ),
)
def quiz_command(
    count: Annotated[int, typer.Option("--count", "-n", min=0, help="How many questions (0 for all).")] = 10,
    deck: DeckOption = None,
    modality: ModalityOption = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="The same seed asks the same questions in the same order.")
    ] = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """A multiple-choice quiz: asks one question at a time, reading answers (a number or a
    letter) from the terminal or a pipe; --json prints the questions instead."""
    from modality_cli.queries.study import quiz

    result = quiz(State.knowledge(), count, deck, modality, seed)
    if json or format is not None or fields is not None:
        emit(result, json, format, fields)
        return
    import sys

    from modality_cli.views.study import ask

    ask(result, sys.stdin.readline, sys.stdout, echo=not sys.stdin.isatty())
