"""Rich views: one renderer per result type. Imported only for human output."""

from __future__ import annotations

import importlib
from typing import Any

from rich.console import Console, RenderableType

from modality_cli.environment import Environment

#: Result model -> the module of this package with its renderer, and the renderer.
#: Only the module a result needs is imported (and with it only its results).
RENDERERS: dict[str, tuple[str, str]] = {
    "ModalityList": ("lists", "modality_list"),
    "TheoryList": ("lists", "theory_list"),
    "TheoristList": ("lists", "theorist_list"),
    "TechniqueList": ("lists", "technique_list"),
    "SearchResults": ("lists", "search_results"),
    "ModalityDetail": ("details", "modality_detail"),
    "TheoryDetail": ("details", "theory_detail"),
    "TheoristDetail": ("details", "theorist_detail"),
    "TechniqueDetail": ("details", "technique_detail"),
    "Comparison": ("compare", "comparison"),
    "ValidationReport": ("quality", "validation_report"),
    "Timeline": ("pictures", "timeline_view"),
    "Lineage": ("pictures", "lineage_view"),
    "Stats": ("quality", "stats_view"),
    "ConditionList": ("conditions", "condition_list"),
    "ConditionDetail": ("conditions", "condition_detail"),
    "EvidenceList": ("conditions", "evidence_list"),
}


#: Answers printed one logical line per line, never wrapped to the terminal.
SOFT_WRAP: set[str] = {"ValidationReport"}


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
    module, name = RENDERERS[type(result).__name__]
    renderer = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    view: RenderableType = renderer(result, console)
    return view


def show(result: Any, env: Environment, pager: bool = False) -> None:
    console = make_console(env)
    renderable = render(result, console)
    soft_wrap = type(result).__name__ in SOFT_WRAP
    if pager and env.stdout_isatty:
        import os

        os.environ.setdefault("LESS", "-R")  # let less show colours rather than escape codes
        with console.pager(styles=env.color and "R" in os.environ["LESS"].upper()):
            console.print(renderable, soft_wrap=soft_wrap)
    else:
        console.print(renderable, soft_wrap=soft_wrap)
