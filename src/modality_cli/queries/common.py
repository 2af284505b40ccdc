"""Pieces the queries share: rows, linked names and bibliographies."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from pydantic import BaseModel

from modality_cli.knowledge import KnowledgeBase
from modality_cli.models import Entry, Modality, Technique, Theorist, Theory
from modality_cli.plain import fields_of
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


R = TypeVar("R", bound=BaseModel)


def row(model: type[R], entry: Entry, **extra: object) -> R:
    """A list row: the entry's fields that the row model has, plus ``extra``."""
    fields = set(model.__pydantic_fields__) - set(extra)
    return model(**fields_of(entry, fields), **extra)


def modality_row(m: Modality) -> ModalityRow:
    return row(ModalityRow, m, family_name=family_name(m.family))


def theory_row(t: Theory) -> TheoryRow:
    return row(TheoryRow, t)


def theorist_row(p: Theorist) -> TheoristRow:
    return row(TheoristRow, p)


def technique_row(k: Technique) -> TechniqueRow:
    return row(TechniqueRow, k)
