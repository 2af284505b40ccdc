"""Controlled vocabularies: families, condition groups, populations and
evidence-rating systems.

The evidence rubric is documented in README.md ("How evidence is graded");
keep the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple, Protocol, TypeVar, get_args

EvidenceLevel = Literal[
    "strong",
    "moderate",
    "limited",
    "mixed",
    "insufficient",
    "contested",
    "pending",
    "not-recommended",
    "discredited",
    "harmful",
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


#: Groups of conditions, roughly the chapters of ICD-11's mental-health classification.
CONDITION_GROUPS: dict[str, str] = {
    "mood": "Mood",
    "anxiety": "Anxiety and fear-related",
    "obsessive-compulsive": "Obsessive-compulsive and related",
    "stress": "Stress-associated",
    "eating": "Feeding and eating",
    "psychotic": "Schizophrenia and other psychotic",
    "personality": "Personality",
    "substance-use": "Substance use",
    "neurodevelopmental": "Neurodevelopmental",
    "sleep": "Sleep-wake",
    "behaviour": "Disruptive behaviour",
    "self-harm": "Self-harm and suicide",
    "physical-health": "Physical health",
    "relationship": "Relationship and family",
    "general": "General or mixed",
}

#: Who a rating applies to, as the rating body states it.
POPULATIONS: tuple[str, ...] = ("adults", "children and young people", "older adults", "all ages")


class EvidenceSystem(NamedTuple):
    """A body's way of rating evidence, with its own grades mapped to our level."""

    id: str
    name: str
    grades: dict[str, EvidenceLevel]
    short: str  # for one-line displays
    tag: str  # the shortest form, for tables


EVIDENCE_SYSTEMS: dict[str, EvidenceSystem] = {
    s.id: s
    for s in (
        EvidenceSystem(
            "apa-div12",
            "APA Division 12 (Society of Clinical Psychology) research-supported treatments",
            {
                "strong": "strong",
                "modest": "moderate",
                "controversial": "contested",
                "strong/controversial": "contested",
                "modest/controversial": "contested",
                "no research support": "insufficient",
                "no research support/treatment is potentially harmful": "harmful",
            },
            "APA Division 12",
            "Div 12",
        ),
        EvidenceSystem(
            "apa-div12-2015",
            "APA Division 12 research-supported treatments, 2015 criteria (Tolin and colleagues)",
            {
                "very strong": "strong",
                "strong": "strong",
                "weak": "limited",
                "insufficient evidence": "insufficient",
                "pending re-evaluation": "pending",
            },
            "APA Division 12 (2015 criteria)",
            "Div 12 (2015)",
        ),
        EvidenceSystem(
            "nice",
            "NICE guideline (National Institute for Health and Care Excellence, UK)",
            {
                "offer": "strong",
                "provide": "strong",
                "consider": "moderate",
                "discuss": "moderate",
                "introduce": "strong",
                "do not routinely offer": "not-recommended",
                "do not offer": "not-recommended",
            },
            "NICE",
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
            "APA",
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
            "VA/DoD",
        ),
        EvidenceSystem(
            "who-mhgap",
            "WHO mhGAP guideline (World Health Organization Mental Health Gap Action Programme)",
            {
                "strong": "strong",
                "conditional": "moderate",
                "conditional against": "not-recommended",
                "strong against": "not-recommended",
            },
            "WHO mhGAP",
            "WHO",
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
            "review",
        ),
        EvidenceSystem(
            "harm-list",
            "Lilienfeld (2007) list of potentially harmful therapies",
            {"probably harmful": "harmful", "possibly harmful": "harmful"},
            "potentially harmful list",
            "harm list",
        ),
        EvidenceSystem(
            "discredited-poll",
            "Delphi poll of experts on discredited treatments (Norcross and colleagues)",
            {
                "certainly discredited": "discredited",
                "probably discredited": "discredited",
                "possibly discredited": "contested",
            },
            "discredited-treatments poll",
            "Delphi poll",
        ),
    )
}


def evidence_level(system: str, grade: str) -> EvidenceLevel:
    """Our normalised level for a grade given in ``system``'s own terms."""
    return EVIDENCE_SYSTEMS[system].grades[grade]


class _Rated(Protocol):
    @property
    def level(self) -> EvidenceLevel: ...


_R = TypeVar("_R", bound=_Rated)


def best_of(claims: Iterable[_R]) -> tuple[EvidenceLevel, list[_R]] | None:
    """The best level among ``claims`` (strongest first, as :data:`LEVEL_ORDER`)
    and the claims at that level; None for no claims."""
    chosen = list(claims)
    if not chosen:
        return None
    best = min((c.level for c in chosen), key=LEVEL_ORDER.index)
    return best, [c for c in chosen if c.level == best]


class _Rater(_Rated, Protocol):
    @property
    def system(self) -> str: ...


def rated_by(claims: Iterable[_Rater]) -> str:
    """ "strong (NICE, Div 12)": the best level and the systems that gave it."""
    found = best_of(claims)
    if found is None:
        return "no rating recorded"
    best, top = found
    return f"{best} ({', '.join(dict.fromkeys(EVIDENCE_SYSTEMS[c.system].tag for c in top))})"


def family_name(family: str) -> str:
    return FAMILY_NAMES.get(family, family.replace("-", " ").capitalize())


def group_name(group: str) -> str:
    return CONDITION_GROUPS.get(group, group.replace("-", " ").capitalize())
