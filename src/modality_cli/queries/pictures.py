"""``timeline`` and ``lineage``: the knowledge base as pictures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from modality_cli.core.errors import NotFoundError
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.models import Entry, Modality, Theorist
from modality_cli.models.modality import period_end
from modality_cli.queries.listing import resolve_family
from modality_cli.results import Lineage, LineageEdge, LineageNode, Timeline, TimelineItem


def timeline(kb: KnowledgeBase, family: str | None = None, modality: str | None = None) -> Timeline:
    """Theorists' lifetimes and modalities' founding years on one axis."""
    modalities = list(kb.modalities.values())
    wanted_family = resolve_family(family) if family is not None else None
    scope = kb.modality(modality) if modality is not None else None
    if wanted_family is not None:
        modalities = [m for m in modalities if m.family == wanted_family]
    if scope is not None:
        modalities = [scope, *(kb.modalities[i] for i in scope.influenced_by)]
    people_ids = dict.fromkeys(p for m in modalities for p in m.theorists)
    people = (
        [kb.theorists[p] for p in people_ids] if (scope or wanted_family) else list(kb.theorists.values())
    )
    items = [
        TimelineItem(kind="theorist", id=p.id, name=p.name, start=p.born, end=p.died)
        for p in people
        if p.born is not None
    ]
    items += [
        TimelineItem(
            kind="modality",
            id=m.id,
            name=m.name,
            start=began,
            end=None if m.founded is not None or m.period is None else period_end(m.period),
            family=m.family,
            period=None if m.founded is not None else m.period,
        )
        for m in modalities
        if (began := m.began) is not None
    ]
    items.sort(key=lambda i: (i.start, i.kind, i.name.casefold()))
    undated = [p.id for p in people if p.born is None] + [m.id for m in modalities if m.began is None]
    this_year = dt.date.today().year
    first = min((i.start for i in items), default=this_year)
    last = max((i.end or (this_year if i.kind == "theorist" else i.start) for i in items), default=this_year)
    return Timeline(
        items=items,
        first_year=first,
        last_year=last,
        undated=undated,
        family=wanted_family,
        modality=scope.id if scope else None,
    )


def lineage(kb: KnowledgeBase, name: str | None = None, people: bool = False) -> Lineage:
    """Who or what grew out of whom: the influence graph, whole or around one entry."""
    root: Entry | None = None
    if name is not None and not people:
        root = kb.index("modalities").find(name)
        if root is None and kb.index("theorists").find(name) is not None:
            people = True
        elif root is None:
            kb.modality(name)  # raises the not-found error, with suggestions
    entries: Mapping[str, Modality] | Mapping[str, Theorist] = kb.theorists if people else kb.modalities
    if name is not None and people:
        root = kb.theorist(name)
    parents = {e.id: [p for p in e.influenced_by if p in entries] for e in entries.values()}
    edges = [(parent, child) for child, ps in parents.items() for parent in ps]
    if root is not None:
        keep = {root.id} | _reach(root.id, parents) | _reach(root.id, _children(parents))
        edges = [(a, b) for a, b in edges if a in keep and b in keep]
    else:
        keep = {x for edge in edges for x in edge}
    if root is None and not keep and name is not None:
        raise NotFoundError("lineage", name)
    nodes = [
        LineageNode(
            id=e.id,
            name=e.name,
            kind="theorist" if people else "modality",
            year=getattr(e, "born", None) if people else getattr(e, "began", None),
        )
        for e in entries.values()
        if e.id in keep
    ]
    nodes.sort(key=lambda n: (n.year is None, n.year or 0, n.name.casefold()))
    return Lineage(
        kind="theorists" if people else "modalities",
        root=root.id if root else None,
        nodes=nodes,
        edges=[LineageEdge(source=a, target=b) for a, b in sorted(edges)],
    )


def _children(parents: dict[str, list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {key: [] for key in parents}
    for child, ps in parents.items():
        for p in ps:
            out[p].append(child)
    return out


def _reach(start: str, graph: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(graph.get(start, []))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(graph.get(node, []))
    return seen
