"""What the browser shows, from the same queries as the commands: rows of each
kind, one entry in depth (as the command's answer), and where names point."""

from __future__ import annotations

from typing import Any, NamedTuple

from modality_cli.core.errors import AmbiguousNameError, NotFoundError
from modality_cli.kb.integrity import SINGULAR
from modality_cli.kb.knowledge import KnowledgeBase

#: Kinds, in the order of the browser's tabs, with their singular names.
KINDS = {kind: SINGULAR[kind] for kind in ("modalities", "conditions", "theories", "theorists", "techniques")}


class Row(NamedTuple):
    kind: str
    id: str
    name: str
    detail: str


def rows(kb: KnowledgeBase, kind: str) -> list[Row]:
    """Every entry of a kind; modalities grouped by family, the rest by name."""
    from modality_cli.core.vocab import family_name

    if kind == "modalities":
        chosen = sorted(kb.modalities.values(), key=lambda m: (family_name(m.family), m.name.casefold()))
        return [Row(kind, m.id, m.name, family_name(m.family)) for m in chosen]
    entries = sorted(kb.entries(kind).values(), key=lambda e: e.name.casefold())
    return [Row(kind, e.id, e.name, e.summary) for e in entries]


def matching(kb: KnowledgeBase, kind: str, text: str) -> list[Row]:
    """The entries of a kind that ``modality search`` finds for ``text``, best first.

    The filter answers as the person types, so its last word counts as the start
    of a word ("family const" finds family constellations)."""
    from modality_cli.queries.search import search

    hits = search(kb, as_typed(text), None, kind=KINDS[kind]).hits
    return [Row(kind, h.id, h.name, h.summary) for h in hits]


#: A last word shorter than this stays a whole word: "t*" would match nearly
#: every entry, and working out why each matched takes seconds.
PREFIX_MIN = 3


def as_typed(text: str) -> str:
    """``text`` with its last word made a prefix (``const`` -> ``const*``), unless
    it already ends a word (a space, a closing quote or a ``*``) or is shorter
    than :data:`PREFIX_MIN`."""
    if not text or text[-1].isspace() or text.endswith(("*", '"')) or text.count('"') % 2:
        return text
    if len(text.split()[-1]) < PREFIX_MIN:
        return text
    return text + "*"


def answer(kb: KnowledgeBase, kind: str, entry_id: str) -> Any:
    """The answer the command gives for one entry (``show``, ``theorists NAME``...)."""
    from modality_cli.queries import entries as q
    from modality_cli.queries.conditions import show_condition

    if kind == "modalities":
        return q.show_modality(kb, entry_id)
    if kind == "conditions":
        return show_condition(kb, entry_id)
    if kind == "theories":
        return q.theories(kb, entry_id)
    if kind == "theorists":
        return q.theorists(kb, entry_id)
    return q.techniques(kb, entry_id)


def links(result: Any) -> list[Row]:
    """Every entry an answer links to, by kind, in the answer's order."""
    linked = getattr(result, "linked", None)
    if linked is None:
        return []
    out = []
    for kind, singular in KINDS.items():
        for entry_id, name in getattr(linked, kind, {}).items():
            out.append(Row(kind, entry_id, name, singular))
    return out


def locate(kb: KnowledgeBase, name: str) -> tuple[str, str]:
    """The kind and id an entry's name means: a modality first, then any kind
    whose name matches exactly; otherwise the modality error (with suggestions)."""
    try:
        return "modalities", kb.resolve("modalities", name).id
    except (NotFoundError, AmbiguousNameError) as error:
        for kind in KINDS:
            if kind != "modalities":
                found = kb.index(kind).find(name)
                if found is not None:
                    return kind, found.id
        raise error from None
