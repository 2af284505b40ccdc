"""Commands that look entries up: list, show, theories, theorists, techniques."""

from typing import Annotated

import typer

from modality_cli.cli import completion
from modality_cli.cli.app import (
    ExportOption,
    FieldsOption,
    FormatOption,
    JsonOption,
    ModalityOption,
    State,
    emit,
    joined,
)

#: This module's commands; :mod:`modality_cli.cli.commands` builds one when it is run.
commands = typer.Typer()


@commands.command(
    "list", epilog="Examples: modality list | modality list --family cognitive-behavioural --json"
)
def list_command(
    family: Annotated[
        str | None, typer.Option("--family", "-f", help="Only this family (e.g. psychodynamic).")
    ] = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """List every modality, one row each."""
    from modality_cli.queries.listing import list_modalities

    emit(list_modalities(State.knowledge(), family), json, format, fields, export)


@commands.command(
    "show", epilog='Examples: modality show CBT | modality show "person-centred therapy" --json'
)
def show_command(
    name: Annotated[
        list[str],
        typer.Argument(
            help="Modality name, id or alias (any case or spelling; several words need no quotes).",
            autocompletion=completion.complete_modality,
            show_default=False,
        ),
    ],
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """Show one modality in full: overview, history, theories, techniques, sessions, evidence, sources."""
    from modality_cli.queries.entries import show_modality

    emit(show_modality(State.knowledge(), " ".join(name)), json, format, fields, export)


@commands.command(
    "theories",
    epilog="Examples: modality theories psychodynamic | modality theories 'self psychology'",
)
def theories_command(
    name: Annotated[
        list[str] | None,
        typer.Argument(
            help="A theory to show in depth, or a modality to list its theories.",
            autocompletion=completion.complete_theory_or_modality,
            show_default=False,
        ),
    ] = None,
    modality: ModalityOption = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """List theories, or show one theory in depth."""
    from modality_cli.queries.entries import theories

    emit(theories(State.knowledge(), joined(name), modality), json, format, fields, export)


@commands.command(
    "theorists", epilog="Examples: modality theorists -m psychodynamic | modality theorists Kohut --json"
)
def theorists_command(
    name: Annotated[
        list[str] | None,
        typer.Argument(
            help="A person to show in depth (name, surname or id).",
            autocompletion=completion.complete_theorist_or_modality,
            show_default=False,
        ),
    ] = None,
    modality: ModalityOption = None,
    theory: Annotated[
        str | None,
        typer.Option(
            "--theory",
            "-t",
            help="Only people linked to this theory.",
            autocompletion=completion.complete_theory,
        ),
    ] = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """List theorists with life dates and contributions, or show one person in depth."""
    from modality_cli.queries.entries import theorists

    emit(theorists(State.knowledge(), joined(name), modality, theory), json, format, fields, export)


@commands.command(
    "techniques", epilog="Examples: modality techniques -m cbt | modality techniques 'free association'"
)
def techniques_command(
    name: Annotated[
        list[str] | None,
        typer.Argument(
            help="A technique to show in depth, or a modality to list its techniques.",
            autocompletion=completion.complete_technique_or_modality,
            show_default=False,
        ),
    ] = None,
    modality: ModalityOption = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """List techniques, or show one technique in depth with every modality that uses it."""
    from modality_cli.queries.entries import techniques

    emit(techniques(State.knowledge(), joined(name), modality), json, format, fields, export)
