"""View of ``compare``: dimensions side by side, then shared and unique."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from modality_cli import results as r
from modality_cli.views.base import NARROW, heading, names, plain

#: Shorter labels for the at-a-glance table.
GLANCE_LABELS = {
    "founded": "Founded",
    "focus": "Works on",
    "structure": "Structure",
    "duration": "Length",
    "cautions": "Main caution",
}


NONE = "—"
#: The label of the at-a-glance row that lists each modality's other rated conditions.
ALSO = "Also rated for"


def _rows(c: r.Comparison) -> list[tuple[str, dict[str, str], bool]]:
    """The rows the view shows, each with whether it is evidence. In full, every
    dimension in full. At a glance, each dimension's short line; evidence as a row
    per condition that two or more of the modalities are rated for (side by side),
    then one row naming each modality's other rated conditions with their level."""
    if c.view == "full":
        return [(d.label, d.values, d.id.startswith("evidence:")) for d in c.dimensions]
    from modality_cli.core.vocab import LEVEL_ORDER

    rows: list[tuple[str, dict[str, str], bool]] = []
    also: dict[str, list[str]] = {m: [] for m in c.modalities}  # each one's levels elsewhere
    for d in c.dimensions:
        if d.brief is None:
            continue
        if not d.id.startswith("evidence:"):
            if also and d.id == "cautions" and any(also.values()):
                rows.append((ALSO, _counts(also, c.modalities, LEVEL_ORDER), True))
                also = {}
            rows.append((GLANCE_LABELS.get(d.id, d.label), d.brief, False))
            continue
        rated = [m for m in c.modalities if d.brief[m] != NONE]
        if len(rated) >= 2:
            rows.append((d.label.removeprefix("Evidence: "), d.brief, True))
        else:
            for m in rated:
                also[m].append(d.brief[m].split(" (")[0])
    return rows


def _counts(levels: dict[str, list[str]], modalities: list[str], order: tuple[str, ...]) -> dict[str, str]:
    """ "12 more: 7 strong, 3 moderate, 2 limited" per modality (--full names them)."""
    out = {}
    for m in modalities:
        found = levels.get(m, [])
        if not found:
            out[m] = NONE
            continue
        parts = [f"{found.count(level)} {level}" for level in order if level in found]
        out[m] = f"{len(found)} more: " + ", ".join(parts)
    return out


def comparison(c: r.Comparison, console: Console) -> RenderableType:
    title = "Compare: " + " vs ".join(c.names[i] for i in c.modalities)
    parts: list[RenderableType] = []
    per_column = (console.width - 16) // max(len(c.modalities), 1)
    rows = _rows(c)
    if console.width < NARROW or per_column < 14:
        parts.append(heading(title))
        for label, values, _ in rows:
            parts.append(Text(""))
            parts.append(plain(label, "bold"))
            for mid in c.modalities:
                parts.append(Text.assemble((f"  {c.names[mid]}: ", "dim"), plain(values[mid])))
    else:
        glance = c.view == "glance"
        table = Table(title=heading(title), box=box.SIMPLE_HEAD, show_lines=not glance, padding=(0, 1))
        table.add_column(
            "",
            style="bold",
            overflow="fold",
            min_width=10,
            max_width=(32 if console.width >= 110 else 24) if glance else 16,
        )
        for mid in c.modalities:
            table.add_column(plain(c.names[mid]), overflow="fold", ratio=1)
        started = False
        for label, values, evidence in rows:
            if glance and evidence and not started:
                started = True
                table.add_section()
                table.add_row(Text("Evidence for", style="bold cyan"), *("" for _ in c.modalities))
            table.add_row(plain(label), *(plain(values[mid]) for mid in c.modalities))
        parts.append(table)

    most = 4 if c.view == "glance" else None

    def listed(ids: list[str], table_names: dict[str, str]) -> str:
        if not ids:
            return "none"
        shown = ids if most is None or len(ids) <= most else ids[:most]
        text = names(shown, table_names)
        return text + (f" and {len(ids) - len(shown)} more" if len(shown) < len(ids) else "")

    sections = [("Shared by all", c.shared), *((f"Only in {c.names[m]}", c.unique[m]) for m in c.modalities)]
    for label, o in sections:
        if not (o.techniques or o.theories or o.theorists):
            parts += [Text(""), Text.assemble(heading(label), ": no techniques, theories or theorists")]
            continue
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for field, table_names in (
            ("techniques", c.linked.techniques),
            ("theories", c.linked.theories),
            ("theorists", c.linked.theorists),
        ):
            grid.add_row(f"  {field.capitalize()}:", plain(listed(getattr(o, field), table_names)))
        parts += [Text(""), heading(label), grid]
    more = " --full: all in prose." if c.view == "glance" else ""
    parts.append(Text(f"\nEducational information, not clinical advice.{more}", style="dim"))
    return Group(*parts)
