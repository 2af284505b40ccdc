"""Views of list answers: modalities, theories, theorists, techniques, search."""

from __future__ import annotations

from rich.console import Console, RenderableType

from modality_cli import results as r
from modality_cli.views.base import names, rows_view, years


def modality_list(result: r.ModalityList, console: Console) -> RenderableType:
    title = "Modalities" + (f" ({result.rows[0].family_name})" if result.family and result.rows else "")
    rows = [
        [m.name, m.id, m.family_name, str(m.founded) if m.founded else "", m.summary] for m in result.rows
    ]
    return rows_view(
        console, title, ["Name", "Id", "Family", "Founded", "Summary"], rows, "No modalities match."
    )


def theory_list(result: r.TheoryList, console: Console) -> RenderableType:
    title = "Theories" + (f" in {result.modality}" if result.modality else "")
    rows = [
        [
            t.name,
            t.id,
            str(t.year) if t.year else "",
            names(t.originators, result.linked.theorists),
            t.summary,
        ]
        for t in result.rows
    ]
    return rows_view(
        console, title, ["Name", "Id", "Year", "Originators", "Summary"], rows, "No theories match."
    )


def theorist_list(result: r.TheoristList, console: Console) -> RenderableType:
    scope = [s for s in (result.modality, result.theory) if s]
    title = "Theorists" + (f" ({', '.join(scope)})" if scope else "")
    rows = [
        [p.name, p.id, years(p.born, p.died), "; ".join(p.contributions) or p.summary] for p in result.rows
    ]
    return rows_view(console, title, ["Name", "Id", "Life", "Contributions"], rows, "No theorists match.")


def technique_list(result: r.TechniqueList, console: Console) -> RenderableType:
    title = "Techniques" + (f" in {result.modality}" if result.modality else "")
    rows = [[k.name, k.id, k.summary] for k in result.rows]
    return rows_view(console, title, ["Name", "Id", "Summary"], rows, "No techniques match.")


def search_results(result: r.SearchResults, console: Console) -> RenderableType:
    rows = [[h.name, h.kind, h.id, h.summary] for h in result.hits]
    return rows_view(
        console, f"Search: {result.query}", ["Name", "Kind", "Id", "Summary"], rows, "Nothing matches."
    )
