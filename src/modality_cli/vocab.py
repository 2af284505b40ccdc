"""Controlled vocabularies: families and evidence-rating systems.

The evidence rubric is documented in README.md ("How evidence is graded");
keep the two in step.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

EvidenceLevel = Literal[
    "strong",
    "moderate",
    "limited",
    "mixed",
    "insufficient",
    "contested",
    "not-recommended",
]

#: Strongest first (the order of the Literal above); used for evidence headlines.
LEVEL_ORDER: tuple[EvidenceLevel, ...] = get_args(EvidenceLevel)

FAMILY_NAMES: dict[str, str] = {
    "psychodynamic": "Psychodynamic and psychoanalytic",
    "humanistic": "Humanistic and existential",
    "cognitive-behavioural": "Cognitive-behavioural",
    "systemic": "Systemic and family",
    "trauma-focused": "Trauma-focused",
    "postmodern": "Brief and postmodern",
    "integrative": "Integrative and other",
    "creative-arts": "Creative arts and play",
}


class EvidenceSystem(NamedTuple):
    """A body's way of rating evidence, with its own grades mapped to our level."""

    id: str
    name: str
    grades: dict[str, EvidenceLevel]
    short: str  # for one-line displays


EVIDENCE_SYSTEMS: dict[str, EvidenceSystem] = {
    s.id: s
    for s in (
        EvidenceSystem(
            "apa-div12",
            "APA Division 12 (Society of Clinical Psychology) research-supported treatments",
            {"strong": "strong", "modest": "moderate", "controversial": "contested"},
            "APA Division 12",
        ),
        EvidenceSystem(
            "nice",
            "NICE guideline (National Institute for Health and Care Excellence, UK)",
            {"offer": "strong", "consider": "moderate", "do not offer": "not-recommended"},
            "NICE",
        ),
        EvidenceSystem(
            "apa-cpg",
            "APA clinical practice guideline",
            {
                "strong": "strong",
                "conditional": "moderate",
                "insufficient evidence": "insufficient",
            },
            "APA guideline",
        ),
        EvidenceSystem(
            "va-dod",
            "VA/DoD clinical practice guideline (US Departments of Veterans Affairs and Defense)",
            {
                "strong for": "strong",
                "weak for": "moderate",
                "neither for nor against": "insufficient",
                "weak against": "not-recommended",
                "strong against": "not-recommended",
            },
            "VA/DoD guideline",
        ),
        EvidenceSystem(
            "review",
            "Systematic review or meta-analysis (named in the claim's sources)",
            {
                "supported": "moderate",
                "some support": "limited",
                "mixed": "mixed",
                "insufficient evidence": "insufficient",
                "not supported": "not-recommended",
            },
            "review",
        ),
    )
}


def evidence_level(system: str, grade: str) -> EvidenceLevel:
    """Our normalised level for a grade given in ``system``'s own terms."""
    return EVIDENCE_SYSTEMS[system].grades[grade]


def family_name(family: str) -> str:
    return FAMILY_NAMES.get(family, family.replace("-", " ").capitalize())
