"""Views of ``timeline`` (bars on a time axis) and ``lineage`` (a tree)."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from modality_cli import results as r
from modality_cli.views.base import NARROW, heading, plain

LABEL_WIDTH = 26  # at least; wider terminals give labels up to a third of the width


def _tick_step(span: int, width: int) -> int:
    for step in (5, 10, 20, 25, 50, 100):
        if span / step * 6 <= width:
            return step
    return 200


def timeline_view(t: r.Timeline, console: Console) -> RenderableType:
    scope = t.modality or t.family
    title = "Timeline" + (f" ({scope})" if scope else "") + ": lifetimes ━ and founding years ◆"
    parts: list[RenderableType] = [heading(title)]
    if not t.items:
        parts.append(Text("No dated entries match."))
        return Group(*parts)
    longest = max((len(item.name) for item in t.items), default=0)
    label_width = max(LABEL_WIDTH, min(longest, console.width // 3))
    axis_width = console.width - label_width - 2
    if console.width < NARROW or axis_width < 20:
        for item in t.items:
            when = (
                f"{item.start}–{item.end or ''}"
                if item.kind == "theorist"
                else item.period or f"{item.start} ◆"
            )
            parts.append(Text.assemble((f"{when:<11}", "cyan"), plain(item.name)))
    else:
        first = t.first_year - t.first_year % 10
        last = t.last_year + 1
        span = max(last - first, 1)

        def col(year: int) -> int:
            return min(axis_width - 1, max(0, round((year - first) / span * (axis_width - 1))))

        step = _tick_step(span, axis_width)
        ruler = [" "] * axis_width
        labels = [" "] * axis_width
        for year in range((first // step) * step, last + 1, step):
            if year < first:
                continue
            c = col(year)
            ruler[c] = "┼"
            if c + len(str(year)) <= axis_width:  # a year label only where it fits whole
                for k, ch in enumerate(str(year)):
                    labels[c + k] = ch
        pad = " " * (label_width + 2)
        parts.append(Text(pad + "".join(labels), style="dim"))
        parts.append(Text(pad + "".join(ruler).replace(" ", "─"), style="dim"))
        for item in t.items:
            bar = [" "] * axis_width
            style = "magenta"
            if item.kind == "modality":
                if item.end is not None:  # a period, not a year
                    for c in range(col(item.start), col(item.end) + 1):
                        bar[c] = "┄"
                bar[col(item.start)] = "◆"
                style = "green"
            else:
                end = item.end if item.end is not None else t.last_year
                for c in range(col(item.start), col(end) + 1):
                    bar[c] = "━"
                if item.end is None:
                    bar[col(end)] = "▶"
            label = item.name if len(item.name) <= label_width else item.name[: label_width - 1] + "…"
            parts.append(Text.assemble(plain(f"{label:<{label_width}}  "), ("".join(bar).rstrip(), style)))
    if t.undated:
        count = len(t.undated)
        noun = "entry has" if count == 1 else "entries have"
        parts.append(Text(f"\n{count} {noun} no recorded date (not shown).", style="dim"))
    return Group(*parts)


def lineage_view(lineage: r.Lineage, console: Console) -> RenderableType:
    names = {n.id: n for n in lineage.nodes}
    children: dict[str, list[str]] = {n: [] for n in names}
    parents: dict[str, list[str]] = {n: [] for n in names}
    for edge in lineage.edges:
        children[edge.source].append(edge.target)
        parents[edge.target].append(edge.source)

    def label(node_id: str) -> Text:
        node = names[node_id]
        year = f" ({node.year})" if node.year else ""
        return Text.assemble(plain(node.name, "bold" if node_id == lineage.root else ""), (year, "dim"))

    def grow(tree: Tree, node_id: str, links: dict[str, list[str]], seen: set[str]) -> None:
        for nxt in links[node_id]:
            if nxt in seen:
                tree.add(Text.assemble(label(nxt), (" (see above)", "dim")))
                continue
            seen.add(nxt)
            grow(tree.add(label(nxt)), nxt, links, seen)

    what = "people" if lineage.kind == "theorists" else "modalities"
    if lineage.root is not None:
        tree = Tree(label(lineage.root))
        if parents[lineage.root]:
            grow(tree.add(Text("Grew out of", style="cyan")), lineage.root, parents, {lineage.root})
        if children[lineage.root]:
            grow(tree.add(Text("Led to", style="cyan")), lineage.root, children, {lineage.root})
        if not parents[lineage.root] and not children[lineage.root]:
            tree.add(Text("No recorded lineage.", style="dim"))
        return Group(heading(f"Lineage of {names[lineage.root].name}"), tree)
    forest = Tree(Text(f"Lineage of {what} (influence flows downwards)", style="bold cyan"))
    seen: set[str] = set()
    for node in lineage.nodes:
        if not parents[node.id] and node.id not in seen:
            seen.add(node.id)
            grow(forest.add(label(node.id)), node.id, children, seen)
    if not lineage.nodes:
        forest.add(Text("No recorded lineage.", style="dim"))
    return forest
