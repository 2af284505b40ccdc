"""Commands about conditions and the evidence for therapies: conditions, evidence."""

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
from modality_cli.core.vocab import EVIDENCE_SYSTEMS, LEVEL_ORDER

#: This module's commands; :mod:`modality_cli.cli.commands` builds one when it is run.
commands = typer.Typer()

SystemOption = Annotated[
    str | None,
    typer.Option(
        "--system",
        "-s",
        help=f"Only ratings of this system: {', '.join(EVIDENCE_SYSTEMS)} "
        "('div12' means both Division 12 systems).",
        show_default=False,
    ),
]
PopulationOption = Annotated[
    str | None,
    typer.Option(
        "--population",
        "-p",
        help="Only ratings for adults, children (and young people), older adults or all ages "
        "(ratings for all ages count for each group).",
        show_default=False,
    ),
]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level",
        "-l",
        help=f"Only ratings at this level: {', '.join(LEVEL_ORDER)}.",
        show_default=False,
    ),
]
ConditionOption = Annotated[
    str | None,
    typer.Option(
        "--condition",
        "-c",
        help="Only ratings for this condition (name, alias or id).",
        autocompletion=completion.complete_condition,
        show_default=False,
    ),
]


@commands.command(
    "conditions",
    epilog=(
        "Examples: modality conditions | modality conditions panic attacks | "
        "modality conditions PTSD --system nice | modality conditions depression --population children --json"
    ),
)
def conditions_command(
    name: Annotated[
        list[str] | None,
        typer.Argument(
            help="A condition to show with every rated modality (name, everyday name, abbreviation or id).",
            autocompletion=completion.complete_condition,
            show_default=False,
        ),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option("--group", "-g", help="List only this group (e.g. anxiety, mood).", show_default=False),
    ] = None,
    system: SystemOption = None,
    population: PopulationOption = None,
    level: LevelOption = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """List conditions, or show one with every rated modality, strongest evidence first (the
    filters apply to the ratings shown or counted).

    Educational information, not clinical advice."""
    from modality_cli.queries.conditions import Filters, conditions

    filters = Filters(system, population, level)
    answer = conditions(State.knowledge(), joined(name), group, filters)
    emit(answer, json, format, fields, export)


@commands.command(
    "evidence",
    epilog=(
        "Examples: modality evidence --condition ptsd --format csv | "
        "modality evidence -m cbt --system nice --json"
    ),
)
def evidence_command(
    condition: ConditionOption = None,
    modality: ModalityOption = None,
    system: SystemOption = None,
    population: PopulationOption = None,
    level: LevelOption = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """Every evidence claim as one row (condition, modality, system, grade, level, year...), for
    scripts and spreadsheets.

    Educational information, not clinical advice."""
    from modality_cli.queries.conditions import Filters, evidence

    answer = evidence(State.knowledge(), condition, modality, Filters(system, population, level))
    emit(answer, json, format, fields, export)
