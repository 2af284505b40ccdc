"""The command line: parse, call a query, hand the result to JSON or a view.

Commands stay thin; the work is in :mod:`modality_cli.queries`.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Any

import typer

from modality_cli import __version__, completion
from modality_cli.boundary import ModalityGroup
from modality_cli.environment import Environment
from modality_cli.formats import Format

NOTE = "Educational information, not clinical advice."

app = typer.Typer(
    cls=ModalityGroup,
    name="modality",
    help=(
        "Explore psychotherapy modalities: what each is, its theories, theorists and "
        "techniques, what the evidence says, and how they compare. "
        f"{NOTE} Every command takes --json for scripts."
    ),
    epilog=(
        "Examples: modality compare psychodynamic cbt | modality show CBT | "
        "modality theorists -m psychodynamic | modality search 'free association' --json"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """Options given before the command, and the knowledge base once loaded."""

    data: list[Path] | None = None
    no_color: bool = False
    pager: bool = False
    _kb: Any = None

    @classmethod
    def knowledge(cls) -> Any:
        if cls._kb is None:
            from modality_cli.knowledge import load

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


def emit(result: Any, as_json: bool = False, fmt: Format | None = None, fields: str | None = None) -> None:
    """Hand a result to the chosen output: the only output code a command calls."""
    from modality_cli.errors import UsageError
    from modality_cli.formats import write
    from modality_cli.formats.records import parse_fields

    if as_json and fmt not in (None, Format.json):
        raise UsageError(f"--json and --format {fmt.value} ask for different outputs; give one.")
    chosen = Format.json if as_json else fmt
    wanted = parse_fields(fields)
    if chosen is None:
        chosen = Format.json if wanted is not None else Format.table
    if wanted is not None and chosen is Format.table:
        raise UsageError("--fields applies to json, jsonl, csv and markdown output, not to tables.")
    env = Environment.from_process(no_color=State.no_color)
    write(result, chosen, env, wanted, pager=State.pager)


def save(result: Any, path: Path, title: str) -> None:
    """Write an answer to the file the user named, and say so on stderr."""
    from modality_cli.formats.export import export

    export(result, path, title)
    typer.echo(f"Saved {path}", err=True)


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
        bool, typer.Option("--pager", help="Page long views through less (only on a terminal).")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    State.data = data or None
    State.no_color = no_color
    State.pager = pager
    State._kb = None


@app.command("list", epilog="Examples: modality list | modality list --family cognitive-behavioural --json")
def list_command(
    family: Annotated[
        str | None, typer.Option("--family", "-f", help="Only this family (e.g. psychodynamic).")
    ] = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """List every modality, one row each."""
    from modality_cli.queries.listing import list_modalities

    emit(list_modalities(State.knowledge(), family), json, format, fields)


@app.command("show", epilog='Examples: modality show CBT | modality show "person-centred therapy" --json')
def show_command(
    name: Annotated[
        str,
        typer.Argument(
            help="Modality name, id or alias (any case or spelling).",
            autocompletion=completion.complete_modality,
        ),
    ],
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """Show one modality in full: overview, history, theories, techniques, sessions, evidence, sources."""
    from modality_cli.queries.entries import show_modality

    result = show_modality(State.knowledge(), name)
    if export is not None:
        save(result, export, result.name)
    else:
        emit(result, json, format, fields)


@app.command(
    "theories",
    epilog="Examples: modality theories psychodynamic | modality theories 'self psychology'",
)
def theories_command(
    name: Annotated[
        str | None,
        typer.Argument(
            help="A theory to show in depth, or a modality to list its theories.",
            autocompletion=completion.complete_theory_or_modality,
        ),
    ] = None,
    modality: ModalityOption = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """List theories, or show one theory in depth."""
    from modality_cli.queries.entries import theories

    emit(theories(State.knowledge(), name, modality), json, format, fields)


@app.command(
    "theorists", epilog="Examples: modality theorists -m psychodynamic | modality theorists Kohut --json"
)
def theorists_command(
    name: Annotated[
        str | None,
        typer.Argument(
            help="A person to show in depth (name, surname or id).",
            autocompletion=completion.complete_theorist_or_modality,
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
) -> None:
    """List theorists with life dates and contributions, or show one person in depth."""
    from modality_cli.queries.entries import theorists

    emit(theorists(State.knowledge(), name, modality, theory), json, format, fields)


@app.command(
    "techniques", epilog="Examples: modality techniques -m cbt | modality techniques 'free association'"
)
def techniques_command(
    name: Annotated[
        str | None,
        typer.Argument(
            help="A technique to show in depth, or a modality to list its techniques.",
            autocompletion=completion.complete_technique_or_modality,
        ),
    ] = None,
    modality: ModalityOption = None,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """List techniques, or show one technique in depth with every modality that uses it."""
    from modality_cli.queries.entries import techniques

    emit(techniques(State.knowledge(), name, modality), json, format, fields)


@app.command(
    "compare", epilog="Examples: modality compare psychodynamic cbt | modality compare cbt dbt act --json"
)
def compare_command(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Two or more modalities.", show_default=False, autocompletion=completion.complete_modality
        ),
    ],
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
    export: ExportOption = None,
) -> None:
    """Compare modalities side by side, then show what they share and what is unique to each."""
    from modality_cli.queries.compare import compare

    result = compare(State.knowledge(), names)
    if export is not None:
        save(result, export, "Compare: " + " vs ".join(result.names.values()))
    else:
        emit(result, json, format, fields)


@app.command("search", epilog="Examples: modality search 'free association' | modality search trauma --json")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to look for in every kind of entry.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="At most this many hits (0 for all).")
    ] = 20,
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Search modalities, theories, theorists and techniques; best matches first."""
    from modality_cli.queries.search import search

    emit(search(State.knowledge(), query, limit), json, format, fields)


@app.command(
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
    from modality_cli.loading import bundled_path
    from modality_cli.queries.quality import validate_files

    targets = [path] if path is not None else (State.data or [bundled_path()])
    report = validate_files(targets, strict=strict)
    emit(report, json, format, fields)
    if not report.valid:
        raise typer.Exit(1)


@app.command("stats", epilog="Examples: modality stats | modality stats --json | jq .counts")
def stats_command(
    json: JsonOption = False,
    format: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Count entries per kind and family, and how complete each field is."""
    from modality_cli.queries.quality import stats

    emit(stats(State.knowledge()), json, format, fields)


@app.command("timeline", epilog="Examples: modality timeline | modality timeline --family psychodynamic")
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
) -> None:
    """Chart theorists' lifetimes and modalities' founding years on one time axis."""
    from modality_cli.queries.pictures import timeline

    emit(timeline(State.knowledge(), family, modality), json, format, fields)


class GraphFormat(enum.StrEnum):
    tree = "tree"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    mermaid = "mermaid"
    dot = "dot"


@app.command(
    "lineage",
    epilog="Examples: modality lineage psychoanalysis | modality lineage --people Freud | "
    "modality lineage --format mermaid > lineage.mmd | modality lineage --format dot | dot -Tsvg",
)
def lineage_command(
    name: Annotated[
        str | None, typer.Argument(help="A modality or person to centre on (default: the whole map).")
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
) -> None:
    """Show the influence tree: which approach grew out of which, and who influenced whom."""
    from modality_cli.queries.pictures import lineage

    result = lineage(State.knowledge(), name, people)
    if format in (GraphFormat.mermaid, GraphFormat.dot):
        from modality_cli.formats import write_text
        from modality_cli.formats.graph import to_dot, to_mermaid

        text = to_mermaid(result) if format is GraphFormat.mermaid else to_dot(result)
        write_text(text, Environment.from_process())
        return
    plain_format = None if format is None or format is GraphFormat.tree else Format(format.value)
    emit(result, json, plain_format, fields)


@app.command("schema", epilog="Examples: modality schema > kb.schema.json | modality schema compare")
def schema_command(
    command: Annotated[
        str | None,
        typer.Argument(help="A command whose --json output to describe; none for the knowledge-base file."),
    ] = None,
) -> None:
    """Print a JSON Schema: of the knowledge-base file, or of a command's JSON output."""
    import json as json_module

    from modality_cli.formats import write_text
    from modality_cli.schemas import schema_for

    text = json_module.dumps(schema_for(command), indent=2, ensure_ascii=False) + "\n"
    write_text(text, Environment.from_process())
