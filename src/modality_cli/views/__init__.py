"""Rich views: one renderer per result type. Imported only for human output."""

from __future__ import annotations

import importlib
from typing import Any

from rich.console import Console, RenderableType

from modality_cli.core.environment import Environment

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
    "DatabaseExport": ("quality", "database_export"),
    "ConditionList": ("conditions", "condition_list"),
    "ConditionDetail": ("conditions", "condition_detail"),
    "EvidenceList": ("conditions", "evidence_list"),
    "CardDeck": ("study", "card_deck"),
    "Quiz": ("study", "quiz_view"),
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


def show(result: Any, env: Environment, pager: bool | None = None) -> None:
    """Print the view of ``result``; on a terminal, through the pager when it is
    taller than the screen (``pager``: None for that, True always, False never)."""
    import os

    from modality_cli.core.output import write_text
    from modality_cli.views import pager as paging

    console = make_console(env)
    renderable = render(result, console)
    soft_wrap = type(result).__name__ in SOFT_WRAP
    with console.capture() as captured:  # written below in one checked write
        console.print(renderable, soft_wrap=soft_wrap)
    text = captured.get()
    if (
        pager is not False
        and paging.wanted(text, pager, env.can_page, os.environ)
        and paging.page(text, os.environ)
    ):
        return
    write_text(text, env)
