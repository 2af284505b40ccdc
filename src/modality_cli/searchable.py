"""The text each entry offers to ``search``: which fields count, how much, and
the folded text of all of them that the quick containment test reads (kept
with a knowledge-base snapshot, so a search need not decode every entry)."""

from __future__ import annotations

from collections.abc import Iterator

from modality_cli.models.base import Entry
from modality_cli.text import fold_text

# field -> weight; fields an entry's kind lacks are skipped
WEIGHTS: dict[str, float] = {
    "name": 10.0,
    "aliases": 8.0,
    "icd11": 6.0,
    "summary": 3.0,
    "key_concepts": 2.0,
    "contributions": 2.0,
    "focus": 1.5,
    "evidence": 1.5,  # the conditions a modality has been rated for
    "goals": 1.0,
    "overview": 1.0,
    "description": 1.0,
    "history": 0.5,
    "session": 0.5,
    "misconceptions": 0.5,
}


def texts(entry: Entry, field: str) -> Iterator[str]:
    value = getattr(entry, field)
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif field == "evidence":  # the conditions rated
        for claim in value:
            yield claim.condition
    elif field == "misconceptions":
        for item in value:
            yield item.claim
            yield item.correction
    else:
        yield from value


def fields(entry: Entry) -> list[str]:
    present = type(entry).__pydantic_fields__
    return [f for f in WEIGHTS if f in present]


def folded(entry: Entry) -> str:
    """Every searchable text of the entry, lower-cased and accent-free."""
    return fold_text(" ".join(t for f in fields(entry) for t in texts(entry, f)))
