"""Rich views: one renderer per result type. Imported only for human output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console, RenderableType

from modality_cli import results as r
from modality_cli.environment import Environment
from modality_cli.views import compare, details, lists, pictures, quality

RENDERERS: dict[type[Any], Callable[[Any, Console], RenderableType]] = {
    r.ModalityList: lists.modality_list,
    r.TheoryList: lists.theory_list,
    r.TheoristList: lists.theorist_list,
    r.TechniqueList: lists.technique_list,
    r.SearchResults: lists.search_results,
    r.ModalityDetail: details.modality_detail,
    r.TheoryDetail: details.theory_detail,
    r.TheoristDetail: details.theorist_detail,
    r.TechniqueDetail: details.technique_detail,
    r.Comparison: compare.comparison,
    r.ValidationReport: quality.validation_report,
    r.Timeline: pictures.timeline_view,
    r.Lineage: pictures.lineage_view,
    r.Stats: quality.stats_view,
}


#: Answers printed one logical line per line, never wrapped to the terminal.
SOFT_WRAP: set[type[Any]] = {r.ValidationReport}


def make_console(env: Environment) -> Console:
    return Console(
        file=env.stdout,
        width=env.width,
        force_terminal=env.color or None,
        no_color=not env.color,
        color_system="auto" if env.color else None,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def render(result: Any, console: Console) -> RenderableType:
    return RENDERERS[type(result)](result, console)


def show(result: Any, env: Environment, pager: bool = False) -> None:
    console = make_console(env)
    renderable = render(result, console)
    soft_wrap = type(result) in SOFT_WRAP
    if pager and env.stdout_isatty:
        import os

        os.environ.setdefault("LESS", "-R")  # let less show colours rather than escape codes
        with console.pager(styles=env.color and "R" in os.environ["LESS"].upper()):
            console.print(renderable, soft_wrap=soft_wrap)
    else:
        console.print(renderable, soft_wrap=soft_wrap)
