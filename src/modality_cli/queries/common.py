"""Pieces the queries share: linked names, bibliographies and rated claims."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.models.base import Entry
from modality_cli.results.base import Linked

if TYPE_CHECKING:
    from modality_cli.models import EvidenceClaim, Modality
    from modality_cli.results.claims import RatedClaim


def linked(
    kb: KnowledgeBase,
    modalities: Iterable[str] = (),
    theories: Iterable[str] = (),
    theorists: Iterable[str] = (),
    techniques: Iterable[str] = (),
    conditions: Iterable[str] = (),
) -> Linked:
    return Linked(
        modalities={i: kb.name_of("modalities", i) for i in modalities},
        theories={i: kb.name_of("theories", i) for i in theories},
        theorists={i: kb.name_of("theorists", i) for i in theorists},
        techniques={i: kb.name_of("techniques", i) for i in techniques},
        conditions={i: kb.name_of("conditions", i) for i in conditions},
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


def rated(kb: KnowledgeBase, m: Modality, claim: EvidenceClaim) -> RatedClaim:
    """A modality's evidence claim as answers show it: with the names of its
    modality, condition and rating system, and its derived level."""
    from modality_cli.core.plain import fields_of
    from modality_cli.core.vocab import EVIDENCE_SYSTEMS
    from modality_cli.results.claims import RatedClaim

    return RatedClaim(
        **fields_of(claim),
        modality=m.id,
        modality_name=m.name,
        condition_name=kb.name_of("conditions", claim.condition),
        system_name=EVIDENCE_SYSTEMS[claim.system].name,
        level=claim.level,
    )
