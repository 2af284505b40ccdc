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


def _rows(c: r.Comparison) -> list[tuple[str, dict[str, str]]]:
    """The rows the view shows: at a glance, each dimension's short line (evidence
    as one row per condition, under its condition's name); in full, every value."""
    if c.view == "full":
        return [(d.label, d.values) for d in c.dimensions]
    rows = []
    for d in c.dimensions:
        if d.brief is not None:
            label = d.label.removeprefix("Evidence: ") if d.id.startswith("evidence:") else d.label
            label = GLANCE_LABELS.get(d.id, label)
            rows.append((label, d.brief))
    return rows


def comparison(c: r.Comparison, console: Console) -> RenderableType:
    title = "Compare: " + " vs ".join(c.names[i] for i in c.modalities)
    parts: list[RenderableType] = []
    per_column = (console.width - 16) // max(len(c.modalities), 1)
    rows = _rows(c)
    evidence_at = next((i for i, d in enumerate(c.dimensions) if d.id.startswith("evidence:")), None)
    first_condition = c.dimensions[evidence_at].label if evidence_at is not None else None
    if console.width < NARROW or per_column < 14:
        parts.append(heading(title))
        for label, values in rows:
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
        for label, values in rows:
            if glance and first_condition is not None and label == first_condition.removeprefix("Evidence: "):
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
