"""``list``: every modality, one row each."""

from __future__ import annotations

from modality_cli.core.errors import NotFoundError
from modality_cli.core.text import name_key
from modality_cli.core.vocab import FAMILY_NAMES
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.queries.rows import modality_row
from modality_cli.results.lists import ModalityList


def resolve_family(text: str) -> str:
    """A family id from its id or display name, forgivingly."""
    key = name_key(text)
    for family, label in FAMILY_NAMES.items():
        if key in (name_key(family), name_key(label)):
            return family
    partial = [  # "cognitive" -> cognitive-behavioural, "family" -> systemic
        family
        for family, label in FAMILY_NAMES.items()
        if len(key) >= 3 and (key in name_key(family) or key in name_key(label))
    ]
    if len(partial) == 1:
        return partial[0]
    raise NotFoundError("family", text, hint="Families: " + ", ".join(FAMILY_NAMES) + ".")


def list_modalities(kb: KnowledgeBase, family: str | None = None) -> ModalityList:
    wanted = resolve_family(family) if family is not None else None
    rows = [
        modality_row(m)
        for m in sorted(kb.modalities.values(), key=lambda m: (m.name.casefold(), m.id))
        if wanted is None or m.family == wanted
    ]
    return ModalityList(rows=rows, family=wanted)
