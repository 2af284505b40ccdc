"""Views of list answers: modalities, theories, theorists, techniques, search.

Ids are left to ``--json`` and the detail views; names resolve forgivingly, so
the tables spend their width on what people read."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.text import Text

from modality_cli import results as r
from modality_cli.views.base import names, plain, rows_view, years

#: From this width lists add each entry's summary.
WIDE = 120


def modality_list(result: r.ModalityList, console: Console) -> RenderableType:
    title = "Modalities" + (f" ({result.rows[0].family_name})" if result.family and result.rows else "")
    # one line per modality where the terminal is narrow; the summary where it is wide
    wide = console.width >= WIDE
    rows = [
        [
            m.name,
            m.family_name,
            str(m.founded) if m.founded else m.period or "",
            *([m.summary] if wide else []),
        ]
        for m in result.rows
    ]
    columns = [("Name", 3), ("Family", 2), ("Founded", None), *([("Summary", 5)] if wide else [])]
    view = rows_view(console, title, columns, rows, "No modalities match.")
    if wide or not rows:
        return view
    return Group(
        view, Text("'modality show NAME' for one in full; a wider terminal adds summaries.", style="dim")
    )


def theory_list(result: r.TheoryList, console: Console) -> RenderableType:
    title = "Theories" + (f" in {result.modality}" if result.modality else "")
    rows = [
        [t.name, str(t.year) if t.year else "", names(t.originators, result.linked.theorists), t.summary]
        for t in result.rows
    ]
    return rows_view(
        console,
        title,
        [("Name", 2), ("Year", None), ("Originators", 2), ("Summary", 4)],
        rows,
        "No theories match.",
    )


def theorist_list(result: r.TheoristList, console: Console) -> RenderableType:
    scope = [s for s in (result.modality, result.theory) if s]
    title = "Theorists" + (f" ({', '.join(scope)})" if scope else "")
    rows = [[p.name, years(p.born, p.died), "; ".join(p.contributions) or p.summary] for p in result.rows]
    return rows_view(
        console, title, [("Name", 1), ("Life", None), ("Contributions", 3)], rows, "No theorists match."
    )


def technique_list(result: r.TechniqueList, console: Console) -> RenderableType:
    title = "Techniques" + (f" in {result.modality}" if result.modality else "")
    rows = [[k.name, k.summary] for k in result.rows]
    return rows_view(console, title, [("Name", 1), ("Summary", 3)], rows, "No techniques match.")


def _snippet(hit: r.SearchHit) -> Text:
    """The passage that matched, its matched words highlighted; inert text."""
    if not hit.snippet:
        return plain(hit.summary)
    text = plain(hit.snippet)
    for start, end in hit.highlights:
        text.stylize("bold yellow", start, end)
    return text


def search_results(result: r.SearchResults, console: Console) -> RenderableType:
    rows: list[list[str | Text]] = [[h.name, h.kind, _snippet(h)] for h in result.hits]
    table = rows_view(
        console,
        f"Search: {result.query}",
        [("Name", 2), ("Kind", None), ("Matched", 4)],
        rows,
        "Nothing matches.",
    )
    kinds = list(dict.fromkeys(h.kind for h in result.hits))
    if not kinds:
        return table
    more = result.total - len(result.hits)
    if more > 0:
        table = Group(table, Text(f"{more} more not shown: --limit 0 shows all.", style="dim"))
    from modality_cli.kb.integrity import COMMANDS, SINGULAR

    command = {SINGULAR[kind]: name for kind, name in COMMANDS.items()}
    hint = "; ".join(f"a {kind}: 'modality {command[kind]} NAME'" for kind in kinds)
    return Group(table, Text(f"To see {hint}.", style="dim"))
