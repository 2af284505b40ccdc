"""Checks that need the whole file: unique ids and names, references that
resolve, and lineage without cycles. Each problem names its field path."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from modality_cli.core.text import name_key
from modality_cli.models.base import Entry

if TYPE_CHECKING:
    from modality_cli.models import KnowledgeFile, Source

_E = TypeVar("_E", bound=Entry)

KINDS = ("modalities", "theories", "theorists", "techniques", "conditions")

# field -> kind of entry it refers to, per kind of entry
REFERENCES: dict[str, dict[str, str]] = {
    "modalities": {
        "founders": "theorists",
        "theorists": "theorists",
        "theories": "theories",
        "techniques": "techniques",
        "influenced_by": "modalities",
        "related": "modalities",
        "resources": "sources",
    },
    "theories": {"originators": "theorists", "modalities": "modalities", "related": "theories"},
    "theorists": {"theories": "theories", "modalities": "modalities", "influenced_by": "theorists"},
    "techniques": {"originators": "theorists", "modalities": "modalities", "theories": "theories"},
    "conditions": {"related": "conditions", "modalities": "modalities"},
}
#: The command that shows one entry of each kind in full.
COMMANDS = {
    "modalities": "show",
    "theories": "theories",
    "theorists": "theorists",
    "techniques": "techniques",
    "conditions": "conditions",
}
#: The command that lists every entry of each kind.
LISTS = {**COMMANDS, "modalities": "list"}
SINGULAR = {
    "modalities": "modality",
    "theories": "theory",
    "theorists": "theorist",
    "techniques": "technique",
    "conditions": "condition",
    "sources": "source",
}


def check(kb: KnowledgeFile) -> list[str]:
    """Every cross-entry problem in ``kb``, one line each; empty when sound."""
    problems: list[str] = []
    ids = {kind: _unique_ids(kind, getattr(kb, kind), problems) for kind in (*KINDS, "sources")}
    for kind in KINDS:
        for i, entry in enumerate(getattr(kb, kind)):
            where = f"{kind}[{i}]"
            problems.extend(_source_refs(where, entry, ids["sources"]))
            for field, target in REFERENCES[kind].items():
                for j, ref in enumerate(getattr(entry, field)):
                    if ref not in ids[target]:
                        problems.append(
                            f"{where}.{field}[{j}]: unknown {SINGULAR[target]} {ref!r} [entry {entry.id!r}]"
                        )
                    elif target == kind and ref == entry.id:
                        problems.append(
                            f"{where}.{field}[{j}]: an entry cannot name itself [entry {entry.id!r}]"
                        )
        problems.extend(_name_collisions(kind, getattr(kb, kind)))
    for i, modality in enumerate(kb.modalities):
        for k, claim in enumerate(modality.evidence):
            if claim.condition not in ids["conditions"]:
                problems.append(
                    f"modalities[{i}].evidence[{k}].condition: unknown condition {claim.condition!r} "
                    f"[entry {modality.id!r}]"
                )
    problems.extend(_cycles("modalities", kb.modalities, lambda m: m.influenced_by))
    problems.extend(_cycles("theorists", kb.theorists, lambda t: t.influenced_by))
    return problems


def _unique_ids(kind: str, entries: Sequence[Entry | Source], problems: list[str]) -> set[str]:
    first: dict[str, int] = {}
    for i, entry in enumerate(entries):
        entry_id = entry.id
        if entry_id in first:
            problems.append(f"{kind}[{i}].id: duplicate id {entry_id!r} (first at {kind}[{first[entry_id]}])")
        else:
            first[entry_id] = i
    return set(first)


def _source_refs(where: str, entry: Entry, sources: set[str]) -> Iterator[str]:
    def bad(path: str, refs: Iterable[str]) -> Iterator[str]:
        for j, ref in enumerate(refs):
            if ref not in sources:
                yield f"{where}.{path}[{j}]: unknown source {ref!r} [entry {entry.id!r}]"

    yield from bad("sources", entry.sources)
    for k, item in enumerate(entry.misconceptions):
        yield from bad(f"misconceptions[{k}].sources", item.sources)
    for k, claim in enumerate(getattr(entry, "evidence", ())):  # modalities' evidence claims
        yield from bad(f"evidence[{k}].sources", claim.sources)


#: An abbreviation in capitals ("EFT", "PCT", "EX/RP"): the one kind of alias
#: that several entries may share, since therapies do share them. A shared
#: abbreviation is ambiguous by design: typing it lists every entry that has it.
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9/&+-]*[A-Z0-9]")


def _shareable(field: str, text: str) -> bool:
    return field.startswith("aliases") and _ABBREVIATION.fullmatch(text) is not None


def _name_collisions(kind: str, entries: Sequence[Entry]) -> Iterator[str]:
    owner: dict[str, tuple[int, str, bool]] = {}
    for i, entry in enumerate(entries):
        names = [("id", entry.id), ("name", entry.name)]
        names += [(f"aliases[{j}]", alias) for j, alias in enumerate(entry.aliases)]
        for field, text in names:
            key = name_key(text)
            if not key:
                if field != "id":
                    yield f"{kind}[{i}].{field}: {text!r} has no letters or digits to look it up by"
                continue
            shareable = _shareable(field, text)
            seen = owner.setdefault(key, (i, entry.id, shareable))
            if seen[0] != i and not (shareable and seen[2]):
                yield (
                    f"{kind}[{i}].{field}: {text!r} also names {kind}[{seen[0]}] ({seen[1]}), "
                    "so it would be ambiguous"
                )


def _cycles(kind: str, entries: Sequence[_E], parents_of: Callable[[_E], list[str]]) -> Iterator[str]:
    index = {e.id: i for i, e in enumerate(entries)}
    parents = {e.id: [p for p in parents_of(e) if p in index and p != e.id] for e in entries}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    reported: set[frozenset[str]] = set()

    for root in parents:
        if state.get(root):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(parents[root]))]
        path = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                cycle = [*path[path.index(child) :], child]
                members = frozenset(cycle)
                if members not in reported:
                    reported.add(members)
                    yield (
                        f"{kind}[{index[node]}].influenced_by: lineage cycle "
                        + " -> ".join(cycle)
                        + " (influence must run one way)"
                    )
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(parents[child])))
                path.append(child)
