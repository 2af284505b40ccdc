"""Rich views: one renderer per result type. Imported only for human output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console, RenderableType

from modality_cli import results as r
from modality_cli.environment import Environment
from modality_cli.views import compare, details, lists

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
}


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


def show(result: Any, env: Environment) -> None:
    console = make_console(env)
    console.print(render(result, console))
