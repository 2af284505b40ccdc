"""Building blocks for views. Every piece of data text goes through
:func:`plain`, so it is never read as markup and carries no control codes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from modality_cli.core.text import escape_controls

#: Below this width, tables turn into one block per row.
NARROW = 60
#: A table column is made at least as wide as its longest word, up to this.
MAX_WORD = 22
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
    rows: Sequence[Sequence[str | Text]],
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
            first = _cell(row[0]).copy()
            first.stylize("bold")
            blocks.append(first)
            for (label, _), value in zip(columns[1:], row[1:], strict=True):
                if value:
                    blocks.append(Text.assemble((f"{label}: ", "dim"), _cell(value)))
        return Group(*blocks)
    table = Table(title=heading(title), box=box.SIMPLE_HEAD, expand=False, show_lines=False, pad_edge=False)
    for i, ((label, _), width) in enumerate(zip(columns, _widths(console.width, columns, rows), strict=True)):
        table.add_column(label, overflow="fold", style="bold" if i == 0 else "", width=width, no_wrap=False)
    for row in rows:
        table.add_row(*(_cell(v) if v else Text(MISSING) for v in row))
    return table


def _cell(value: str | Text) -> Text:
    """A cell as inert text: data is escaped; a Text built by a view is kept."""
    return value if isinstance(value, Text) else plain(value)


def _widths(total: int, columns: Sequence[Column], rows: Sequence[Sequence[str | Text]]) -> list[int]:
    """Each column's width: a column without a share is as wide as its content;
    the rest of the line is shared out by the columns' shares, each column at
    least as wide as its longest word (so words wrap whole) when the line allows."""
    cells = [[str(row[i]) if row[i] else MISSING for row in rows] for i in range(len(columns))]
    headers = [label for label, _ in columns]
    room = total - 3 * len(columns)  # padding on both sides of every cell, and the dividers
    natural = [max(len(headers[i]), *(len(c) for c in cells[i])) for i in range(len(columns))]
    longest = [
        min(MAX_WORD, max(len(w) for c in [*cells[i], headers[i]] for w in c.split()))
        for i in range(len(columns))
    ]
    fixed = {i: natural[i] for i, (_, share) in enumerate(columns) if share is None}
    left = room - sum(fixed.values())
    shares = {i: share for i, (_, share) in enumerate(columns) if share is not None}
    widths = dict(fixed)
    if shares:
        total_share = sum(shares.values())
        for i, share in shares.items():
            widths[i] = max(4, left * share // total_share)
        # what rounding left over goes first to columns short of their longest word
        spare = left - sum(widths[i] for i in shares)
        for i in sorted(shares, key=lambda j: widths[j] - longest[j]):
            if spare <= 0:
                break
            give = max(0, min(spare, longest[i] - widths[i])) or (1 if spare else 0)
            widths[i] += give
            spare -= give
        # give each shared column its longest word, taking the room from the widest ones
        for i in shares:
            while widths[i] < longest[i]:
                donors = [j for j in shares if j != i and widths[j] > max(longest[j], 4)]
                if not donors:
                    break
                donor = max(donors, key=lambda j: widths[j] - longest[j])
                widths[donor] -= 1
                widths[i] += 1
    return [max(1, widths[i]) for i in range(len(columns))]
