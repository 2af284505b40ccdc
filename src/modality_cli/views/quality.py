"""Views of ``validate`` and ``stats``."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from modality_cli import results as r
from modality_cli.views.base import heading, plain


def validation_report(report: r.ValidationReport, console: Console) -> RenderableType:
    if report.valid:
        counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items())
        return Text.assemble(("valid: ", "bold green"), plain(report.path), (f" ({counts})", "dim"))
    # One line per problem (printed with soft wrap, see views.SOFT_WRAP) so it can be grepped.
    lines: list[RenderableType] = [plain(problem) for problem in report.problems]
    noun = "problem" if len(report.problems) == 1 else "problems"
    lines.append(Text(f"{len(report.problems)} {noun}", style="bold red"))
    return Group(*lines)


def stats_view(stats: r.Stats, console: Console) -> RenderableType:
    counts = Table(title=heading("Entries"), box=box.SIMPLE_HEAD)
    counts.add_column("Kind")
    counts.add_column("Count", justify="right")
    for row in stats.counts:
        counts.add_row(row.kind, str(row.count))
    families = Table(title=heading("Modalities by family"), box=box.SIMPLE_HEAD)
    families.add_column("Family", overflow="fold")
    families.add_column("Count", justify="right")
    for family, count in stats.families.items():
        families.add_row(plain(stats.family_names[family]), str(count))
    complete = Table(
        title=heading("Completeness (share of entries with the field filled)"), box=box.SIMPLE_HEAD
    )
    for column in ("Kind", "Field"):
        complete.add_column(column, overflow="fold")
    complete.add_column("Filled", justify="right")
    complete.add_column("Share", justify="right")
    for c in stats.completeness:
        complete.add_row(c.kind, c.field, f"{c.filled}/{c.total}", f"{c.share:.0%}")
    evidence = Table(title=heading("Evidence claims"), box=box.SIMPLE_HEAD)
    evidence.add_column("By rating system", overflow="fold")
    evidence.add_column("Claims", justify="right")
    for system, count in sorted(stats.evidence_by_system.items()):
        evidence.add_row(system, str(count))
    for level, count in sorted(stats.evidence_by_level.items()):
        evidence.add_row(f"level: {level}", str(count))
    return Group(counts, families, evidence, complete)


def database_export(report: r.DatabaseExport, console: Console) -> RenderableType:
    rows = ", ".join(f"{n} {table}" for table, n in report.tables.items() if table != "meta")
    return Group(
        Text.assemble(("wrote ", "bold green"), plain(report.path), f" ({report.format})"),
        Text(rows, style="dim"),
        Text(f"Try: sqlite3 {report.path} 'SELECT name, founded FROM modalities LIMIT 5'", style="dim"),
    )
