"""View of ``compare``: dimensions side by side, then shared and unique."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from modality_cli import results as r
from modality_cli.views.base import NARROW, heading, names, plain


def comparison(c: r.Comparison, console: Console) -> RenderableType:
    title = "Compare: " + " vs ".join(c.names[i] for i in c.modalities)
    parts: list[RenderableType] = []
    per_column = (console.width - 16) // max(len(c.modalities), 1)
    if console.width < NARROW or per_column < 14:
        parts.append(heading(title))
        for dim in c.dimensions:
            parts.append(Text(""))
            parts.append(plain(dim.label, "bold"))
            for mid in c.modalities:
                parts.append(Text.assemble((f"  {c.names[mid]}: ", "dim"), plain(dim.values[mid])))
    else:
        table = Table(title=heading(title), box=box.SIMPLE_HEAD, show_lines=True)
        table.add_column("", style="bold", overflow="fold", min_width=10, max_width=16)
        for mid in c.modalities:
            table.add_column(plain(c.names[mid]), overflow="fold", ratio=1)
        for dim in c.dimensions:
            table.add_row(plain(dim.label), *(plain(dim.values[mid]) for mid in c.modalities))
        parts.append(table)

    def overlap(label: str, o: r.Overlap) -> list[RenderableType]:
        lines: list[RenderableType] = [heading(label)]
        for field, table_names in (
            ("techniques", c.linked.techniques),
            ("theories", c.linked.theories),
            ("theorists", c.linked.theorists),
        ):
            ids = getattr(o, field)
            lines.append(
                Text.assemble((f"  {field.capitalize()}: ", "bold"), plain(names(ids, table_names) or "none"))
            )
        return lines

    parts.append(Text(""))
    parts += overlap("Shared by all", c.shared)
    for mid in c.modalities:
        parts.append(Text(""))
        parts += overlap(f"Only in {c.names[mid]}", c.unique[mid])
    parts.append(Text("\nEducational information, not clinical advice.", style="dim"))
    return Group(*parts)
