"""Pieces the queries share: linked names and bibliographies."""

from __future__ import annotations

from collections.abc import Iterable

from modality_cli.knowledge import KnowledgeBase
from modality_cli.models.base import Entry
from modality_cli.results.base import Linked


def linked(
    kb: KnowledgeBase,
    modalities: Iterable[str] = (),
    theories: Iterable[str] = (),
    theorists: Iterable[str] = (),
    techniques: Iterable[str] = (),
) -> Linked:
    return Linked(
        modalities={i: kb.name_of("modalities", i) for i in modalities},
        theories={i: kb.name_of("theories", i) for i in theories},
        theorists={i: kb.name_of("theorists", i) for i in theorists},
        techniques={i: kb.name_of("techniques", i) for i in techniques},
    )


def cited(entry: Entry) -> list[str]:
    """Every source id an entry cites, in first-cited order."""
    from modality_cli.models import Modality

    ids = list(entry.sources)
    for item in entry.misconceptions:
        ids += item.sources
    if isinstance(entry, Modality):
        for claim in entry.evidence:
            ids += claim.sources
        ids += entry.resources
    return list(dict.fromkeys(ids))
