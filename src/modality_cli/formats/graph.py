"""Lineage as Mermaid flowchart and Graphviz DOT source."""

from __future__ import annotations

from modality_cli.core.text import escape_controls
from modality_cli.results import Lineage


def _mermaid_label(text: str) -> str:
    # Mermaid entity codes: '#' starts one and '"' ends a quoted label.
    clean = escape_controls(text).replace("\n", " ")
    return clean.replace("#", "#35;").replace('"', "#quot;")


def to_mermaid(lineage: Lineage) -> str:
    ids = {node.id: f"n{i}" for i, node in enumerate(lineage.nodes)}
    lines = ["flowchart TD"]
    for node in lineage.nodes:
        year = f" ({node.year})" if node.year else ""
        lines.append(f'    {ids[node.id]}["{_mermaid_label(node.name + year)}"]')
    for edge in lineage.edges:
        lines.append(f"    {ids[edge.source]} --> {ids[edge.target]}")
    if lineage.root is not None:
        lines.append(f"    style {ids[lineage.root]} stroke-width:3px")
    return "\n".join(lines) + "\n"


def _dot_string(text: str) -> str:
    clean = escape_controls(text).replace("\n", " ")
    return '"' + clean.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(lineage: Lineage) -> str:
    lines = [
        f"digraph {_dot_string('lineage of ' + lineage.kind)} {{",
        "    rankdir=TB;",
        "    node [shape=box];",
    ]
    for node in lineage.nodes:
        year = f" ({node.year})" if node.year else ""
        extra = ", penwidth=3" if node.id == lineage.root else ""
        lines.append(f"    {_dot_string(node.id)} [label={_dot_string(node.name + year)}{extra}];")
    for edge in lineage.edges:
        lines.append(f"    {_dot_string(edge.source)} -> {_dot_string(edge.target)};")
    lines.append("}")
    return "\n".join(lines) + "\n"
