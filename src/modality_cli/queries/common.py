"""Pieces the queries share: rows, linked names and bibliographies."""

from __future__ import annotations

from collections.abc import Iterable

from modality_cli.knowledge import KnowledgeBase
from modality_cli.models import Entry, Modality, Technique, Theorist, Theory
from modality_cli.results import Linked, ModalityRow, TechniqueRow, TheoristRow, TheoryRow
from modality_cli.vocab import family_name


def linked(
    kb: KnowledgeBase,
    modalities: Iterable[str] = (),
    theories: Iterable[str] = (),
    theorists: Iterable[str] = (),
    techniques: Iterable[str] = (),
) -> Linked:
    return Linked(
        modalities={i: kb.modalities[i].name for i in modalities},
        theories={i: kb.theories[i].name for i in theories},
        theorists={i: kb.theorists[i].name for i in theorists},
        techniques={i: kb.techniques[i].name for i in techniques},
    )


def cited(entry: Entry) -> list[str]:
    """Every source id an entry cites, in first-cited order."""
    ids = list(entry.sources)
    for item in entry.misconceptions:
        ids += item.sources
    if isinstance(entry, Modality):
        for claim in entry.evidence:
            ids += claim.sources
        ids += entry.resources
    return list(dict.fromkeys(ids))


def modality_row(m: Modality) -> ModalityRow:
    return ModalityRow(
        id=m.id,
        name=m.name,
        aliases=m.aliases,
        summary=m.summary,
        family=m.family,
        family_name=family_name(m.family),
        founded=m.founded,
        founders=m.founders,
        theorists=m.theorists,
        theories=m.theories,
        techniques=m.techniques,
        sources=m.sources,
    )


def theory_row(t: Theory) -> TheoryRow:
    return TheoryRow(
        id=t.id,
        name=t.name,
        aliases=t.aliases,
        summary=t.summary,
        year=t.year,
        originators=t.originators,
        modalities=t.modalities,
        sources=t.sources,
    )


def theorist_row(p: Theorist) -> TheoristRow:
    return TheoristRow(
        id=p.id,
        name=p.name,
        aliases=p.aliases,
        summary=p.summary,
        born=p.born,
        died=p.died,
        contributions=p.contributions,
        theories=p.theories,
        modalities=p.modalities,
        sources=p.sources,
    )


def technique_row(k: Technique) -> TechniqueRow:
    return TechniqueRow(
        id=k.id,
        name=k.name,
        aliases=k.aliases,
        summary=k.summary,
        originators=k.originators,
        modalities=k.modalities,
        sources=k.sources,
    )


def by_name(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.name.casefold(), e.id))
