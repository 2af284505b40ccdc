"""List rows: the fields of an entry that a list answer shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from modality_cli.core.plain import fields_of
from modality_cli.core.vocab import family_name
from modality_cli.results.lists import ModalityRow, TechniqueRow, TheoristRow, TheoryRow

if TYPE_CHECKING:
    from modality_cli.models import Entry, Modality, Technique, Theorist, Theory

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
