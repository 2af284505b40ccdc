"""Building blocks for views. Every piece of data text goes through
:func:`plain`, so it is never read as markup and carries no control codes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from modality_cli.text import escape_controls

#: Below this width, tables turn into one block per row.
NARROW = 60
MISSING = "—"


def plain(text: str | None, style: str = "") -> Text:
    return Text(escape_controls(text) if text else MISSING, style=style)


def heading(text: str) -> Text:
    return Text(escape_controls(text), style="bold cyan")


def section(title: str, body: RenderableType | None) -> Group:
    return Group(Text(""), heading(title), body if body is not None else plain(None))


def bullets(items: Iterable[str]) -> RenderableType:
    """One item per line after a bullet; a wrapped item keeps its indent."""
    shown = list(items)
    if not shown:
        return plain(None)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in shown:
        grid.add_row("•", plain(item))
    return grid


def labelled(rows: Iterable[tuple[str, RenderableType | str | None]]) -> Table:
    """Label and value side by side; a wrapped value keeps its indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(f"{label}:", value if value is not None and not isinstance(value, str) else plain(value))
    return grid


def names(ids: Sequence[str], table: dict[str, str]) -> str:
    return ", ".join(table.get(i, i) for i in ids)


def years(born: int | None, died: int | None) -> str:
    if born is None:
        return "dates not recorded" if died is None else f"died {died}"
    return f"{born}–{died}" if died is not None else f"born {born}"


Column = tuple[str, int | None]  # label, and its share of spare width (None: as wide as its content)


def rows_view(
    console: Console,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    empty: str,
) -> RenderableType:
    """A table on a wide terminal, one block per row on a narrow one; values
    wrap and fold, never vanish."""
    if not rows:
        return Group(heading(title), Text(empty))
    if console.width < NARROW:
        blocks: list[RenderableType] = [heading(title)]
        for row in rows:
            blocks.append(Text(""))
            blocks.append(plain(row[0], "bold"))
            for (label, _), value in zip(columns[1:], row[1:], strict=True):
                if value:
                    blocks.append(Text.assemble((f"{label}: ", "dim"), plain(value)))
        return Group(*blocks)
    table = Table(title=heading(title), box=box.SIMPLE_HEAD, expand=True, show_lines=False)
    for i, (label, ratio) in enumerate(columns):
        table.add_column(
            label,
            overflow="fold",
            style="bold" if i == 0 else "",
            ratio=ratio,
            no_wrap=ratio is None,
            min_width=4,
        )
    for row in rows:
        table.add_row(*(plain(v) if v else Text(MISSING) for v in row))
    return table
