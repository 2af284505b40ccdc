"""An evidence claim as every answer shows it: the link between a modality and
a condition, in the rating body's own terms and our normalised level.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from modality_cli.core.vocab import EvidenceLevel
from modality_cli.results.base import Result


class RatedClaim(Result):
    """One rating of one modality for one condition. ``grade`` is the body's own
    word; ``level`` is derived from it by the documented rubric; a ``review``
    claim states that review's conclusion, not a body's grade."""

    modality: str
    modality_name: str
    condition: str
    condition_name: str
    population: str
    qualifier: str | None
    system: str
    system_name: str
    grade: str
    level: EvidenceLevel
    guideline: str | None
    recommendation: str | None
    year: int | None
    trials: int | None
    participants: int | None
    summary: str
    sources: list[str]


def rating_text(claim: RatedClaim) -> str:
    """The body's own grade in one phrase, with its guideline, recommendation and
    year: "NICE: offer (NG116 1.6.1), 2018"; a review's is labelled as the review's."""
    from modality_cli.core.vocab import EVIDENCE_SYSTEMS

    if claim.system == "review":
        text = f"review's conclusion: {claim.grade}"
    else:
        text = f"{EVIDENCE_SYSTEMS[claim.system].short}: {claim.grade}"
    where = " ".join(p for p in (claim.guideline, claim.recommendation) if p)
    if where:
        text += f" ({where})"
    if claim.year:
        text += f", {claim.year}"
    return text


def applies_to(claim: RatedClaim) -> str:
    """Who the rating is for: the population and any restriction."""
    return claim.population + (f"; {claim.qualifier}" if claim.qualifier else "")
