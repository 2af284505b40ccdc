"""The answer about one modality in depth (the other kinds' answers are in
:mod:`.entry_details`, so ``show`` defines only the modality's models).

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from modality_cli.core.plain import Trusted
from modality_cli.models import Modality, Source
from modality_cli.results.base import Linked
from modality_cli.results.claims import RatedClaim


class ModalityDetail(Trusted, Modality):
    family_name: str
    evidence: list[RatedClaim]  # type: ignore[assignment]
    linked: Linked
    bibliography: list[Source]
