"""The command line: parse, call a query, hand the result to JSON or a view.

Commands stay thin; the work is in :mod:`modality_cli.queries`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from modality_cli import __version__
from modality_cli.boundary import ModalityGroup
from modality_cli.environment import Environment

NOTE = "Educational information, not clinical advice."

app = typer.Typer(
    cls=ModalityGroup,
    name="modality",
    help=(
        "Explore psychotherapy modalities: what each is, its theories, theorists and "
        "techniques, what the evidence says, and how they compare. "
        f"{NOTE} Every command takes --json for scripts."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """Options given before the command, and the knowledge base once loaded."""

    data: list[Path] | None = None
    no_color: bool = False
    _kb: Any = None

    @classmethod
    def knowledge(cls) -> Any:
        if cls._kb is None:
            from modality_cli.knowledge import load

            cls._kb = load(cls.data)
        return cls._kb


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (for scripts) instead of a table.")]
ModalityOption = Annotated[
    str | None,
    typer.Option("--modality", "-m", help="Only those linked to this modality (name, id or alias)."),
]


def emit(result: Any, as_json: bool) -> None:
    env = Environment.from_process(no_color=State.no_color)
    if as_json:
        from modality_cli.jsonout import write_json

        write_json(result, env.stdout)
    else:
        from modality_cli.views import show

        show(result, env)


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
            help="Use this knowledge-base file instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text without colour.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    State.data = data or None
    State.no_color = no_color
    State._kb = None


@app.command("list", epilog="Examples: modality list | modality list --family cognitive-behavioural --json")
def list_command(
    family: Annotated[
        str | None, typer.Option("--family", "-f", help="Only this family (e.g. psychodynamic).")
    ] = None,
    json: JsonOption = False,
) -> None:
    """List every modality, one row each."""
    from modality_cli.queries import list_modalities

    emit(list_modalities(State.knowledge(), family), json)


@app.command("show", epilog='Examples: modality show CBT | modality show "person-centred therapy" --json')
def show_command(
    name: Annotated[str, typer.Argument(help="Modality name, id or alias (any case or spelling).")],
    json: JsonOption = False,
) -> None:
    """Show one modality in full: overview, history, theories, techniques, sessions, evidence, sources."""
    from modality_cli.queries import show_modality

    emit(show_modality(State.knowledge(), name), json)


@app.command(
    "theories",
    epilog="Examples: modality theories psychodynamic | modality theories 'self psychology'",
)
def theories_command(
    name: Annotated[
        str | None, typer.Argument(help="A theory to show in depth, or a modality to list its theories.")
    ] = None,
    modality: ModalityOption = None,
    json: JsonOption = False,
) -> None:
    """List theories, or show one theory in depth."""
    from modality_cli.queries import theories

    emit(theories(State.knowledge(), name, modality), json)


@app.command(
    "theorists", epilog="Examples: modality theorists -m psychodynamic | modality theorists Kohut --json"
)
def theorists_command(
    name: Annotated[
        str | None, typer.Argument(help="A person to show in depth (name, surname or id).")
    ] = None,
    modality: ModalityOption = None,
    theory: Annotated[
        str | None, typer.Option("--theory", "-t", help="Only people linked to this theory.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """List theorists with life dates and contributions, or show one person in depth."""
    from modality_cli.queries import theorists

    emit(theorists(State.knowledge(), name, modality, theory), json)


@app.command(
    "techniques", epilog="Examples: modality techniques -m cbt | modality techniques 'free association'"
)
def techniques_command(
    name: Annotated[
        str | None, typer.Argument(help="A technique to show in depth, or a modality to list its techniques.")
    ] = None,
    modality: ModalityOption = None,
    json: JsonOption = False,
) -> None:
    """List techniques, or show one technique in depth with every modality that uses it."""
    from modality_cli.queries import techniques

    emit(techniques(State.knowledge(), name, modality), json)


@app.command(
    "compare", epilog="Examples: modality compare psychodynamic cbt | modality compare cbt dbt act --json"
)
def compare_command(
    names: Annotated[list[str], typer.Argument(help="Two or more modalities.", show_default=False)],
    json: JsonOption = False,
) -> None:
    """Compare modalities side by side, then show what they share and what is unique to each."""
    from modality_cli.queries import compare

    emit(compare(State.knowledge(), names), json)


@app.command("search", epilog="Examples: modality search 'free association' | modality search trauma --json")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to look for in every kind of entry.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="At most this many hits (0 for all).")
    ] = 20,
    json: JsonOption = False,
) -> None:
    """Search modalities, theories, theorists and techniques; best matches first."""
    from modality_cli.queries import search

    emit(search(State.knowledge(), query, limit), json)


@app.command(
    "validate",
    epilog="Examples: modality validate | modality validate my-kb.json --strict --json",
)
def validate_command(
    path: Annotated[
        Path | None,
        typer.Argument(help="Knowledge-base file to check (default: the one in use).", show_default=False),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also report empty optional fields and sources never cited.")
    ] = False,
    json: JsonOption = False,
) -> None:
    """Check a knowledge-base file: shape, references, ambiguous names; one line per problem."""
    from modality_cli.loading import bundled_path
    from modality_cli.queries.quality import validate_file

    target = path or (State.data[0] if State.data else bundled_path())
    report = validate_file(target, strict=strict)
    emit(report, json)
    if not report.valid:
        raise typer.Exit(1)


@app.command("stats", epilog="Examples: modality stats | modality stats --json | jq .counts")
def stats_command(json: JsonOption = False) -> None:
    """Count entries per kind and family, and how complete each field is."""
    from modality_cli.queries.quality import stats

    emit(stats(State.knowledge()), json)
