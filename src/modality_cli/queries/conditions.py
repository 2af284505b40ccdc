"""``conditions`` and ``evidence``: what is rated for a condition, by whom, and how.

Evidence claims live on the modalities they rate; each condition knows which
modalities are rated for it (linked when the knowledge base was loaded), so one
condition reads only those modalities."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from modality_cli.core.errors import NotFoundError
from modality_cli.core.plain import fields_of
from modality_cli.core.text import name_key
from modality_cli.core.vocab import (
    CONDITION_GROUPS,
    EVIDENCE_SYSTEMS,
    LEVEL_ORDER,
    POPULATIONS,
    EvidenceLevel,
    best_of,
    group_name,
)
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.queries.common import cited, linked, rated

if TYPE_CHECKING:
    from modality_cli.models import Condition
    from modality_cli.results.claims import RatedClaim
    from modality_cli.results.conditions import ConditionDetail, ConditionList, EvidenceList

ALL_AGES = "all ages"


def _matching(text: str, choices: dict[str, Iterable[str]], what: str) -> set[str]:
    """The choices whose id or label the text names: exactly, else by containment
    ("div12" names both Division 12 systems, "children" the children's population)."""
    key = name_key(text)
    keys = {choice: {name_key(label) for label in labels} for choice, labels in choices.items()}
    exact = {choice for choice, labels in keys.items() if key in labels}
    if exact:
        return exact
    partial = {choice for choice, labels in keys.items() if key and any(key in label for label in labels)}
    if partial:
        return partial
    raise NotFoundError(what, text, hint=f"Known {what}s: " + ", ".join(choices) + ".")


def resolve_systems(text: str) -> set[str]:
    return _matching(
        text, {s.id: (s.id, s.short, s.name) for s in EVIDENCE_SYSTEMS.values()}, "rating system"
    )


def resolve_population(text: str) -> str:
    found = _matching(text, {p: (p,) for p in POPULATIONS}, "population")
    if len(found) > 1:
        raise NotFoundError("population", text, hint="Populations: " + ", ".join(POPULATIONS) + ".")
    return found.pop()


def resolve_level(text: str) -> EvidenceLevel:
    key = name_key(text)
    for level in LEVEL_ORDER:
        if key == name_key(level):
            return level
    raise NotFoundError("evidence level", text, hint="Levels: " + ", ".join(LEVEL_ORDER) + ".")


def resolve_group(text: str) -> str:
    found = _matching(text, {g: (g, label) for g, label in CONDITION_GROUPS.items()}, "condition group")
    if len(found) > 1:
        raise NotFoundError("condition group", text, hint="Groups: " + ", ".join(CONDITION_GROUPS) + ".")
    return found.pop()


class Filters:
    """The filters of ``conditions NAME`` and ``evidence``, read once."""

    def __init__(
        self, system: str | None = None, population: str | None = None, level: str | None = None
    ) -> None:
        self.systems = resolve_systems(system) if system is not None else None
        self.population = resolve_population(population) if population is not None else None
        self.level = resolve_level(level) if level is not None else None
        self.given = {
            "system": ", ".join(sorted(self.systems)) if self.systems is not None else None,
            "population": self.population,
            "level": self.level,
        }

    def keep(self, claim: RatedClaim) -> bool:
        if self.systems is not None and claim.system not in self.systems:
            return False
        # a rating for all ages applies to each age group
        if self.population is not None and claim.population not in (self.population, ALL_AGES):
            return False
        return self.level is None or claim.level == self.level


def _order(claim: RatedClaim) -> tuple[int, int, str, int]:
    systems = list(EVIDENCE_SYSTEMS)
    return (
        LEVEL_ORDER.index(claim.level),
        systems.index(claim.system),
        claim.modality_name.casefold(),
        -(claim.year or 0),
    )


def _claims(kb: KnowledgeBase, condition: Condition) -> list[RatedClaim]:
    found: list[RatedClaim] = []
    for modality_id in condition.modalities:
        m = kb.modalities[modality_id]
        found += [rated(kb, m, c) for c in m.evidence if c.condition == condition.id]
    return found


def best_level(claims: Iterable[RatedClaim]) -> EvidenceLevel | None:
    found = best_of(claims)
    return found[0] if found else None


def list_conditions(
    kb: KnowledgeBase, group: str | None = None, filters: Filters | None = None
) -> ConditionList:
    """Every condition (of a group), with how many modalities are rated for it and
    the best level reached; with filters, only the ratings that pass count, and
    conditions with none are left out."""
    from modality_cli.results.conditions import ConditionList, ConditionRow

    filters = filters or Filters()
    filtered = any(v is not None for v in filters.given.values())
    wanted = resolve_group(group) if group is not None else None
    rows = []
    for c in sorted(kb.conditions.values(), key=lambda c: (c.name.casefold(), c.id)):
        if wanted is not None and c.group != wanted:
            continue
        claims = [claim for claim in _claims(kb, c) if filters.keep(claim)]
        if filtered and not claims:
            continue
        rows.append(
            ConditionRow(
                **fields_of(c, {"id", "name", "aliases", "summary", "icd11", "group", "sources"}),
                group_name=group_name(c.group),
                rated=len({claim.modality for claim in claims}),
                best_level=best_level(claims),
            )
        )
    return ConditionList(rows=rows, group=wanted, filters=filters.given)


def show_condition(kb: KnowledgeBase, name: str, filters: Filters | None = None) -> ConditionDetail:
    from modality_cli.results.conditions import ConditionDetail

    filters = filters or Filters()
    c = kb.condition(name)
    claims = sorted((claim for claim in _claims(kb, c) if filters.keep(claim)), key=_order)
    sources = list(dict.fromkeys([*cited(c), *(s for claim in claims for s in claim.sources)]))
    return ConditionDetail(
        **fields_of(c),
        group_name=group_name(c.group),
        evidence=claims,
        filters=filters.given,
        linked=linked(kb, modalities=c.modalities, conditions=c.related),
        bibliography=[kb.sources[s] for s in sources],
    )


def conditions(
    kb: KnowledgeBase,
    name: str | None = None,
    group: str | None = None,
    filters: Filters | None = None,
) -> ConditionList | ConditionDetail:
    if name is None:
        return list_conditions(kb, group, filters)
    if group is not None:
        from modality_cli.core.errors import UsageError

        raise UsageError("--group lists conditions; leave it out when you name one.")
    return show_condition(kb, name, filters)


def evidence(
    kb: KnowledgeBase,
    condition: str | None = None,
    modality: str | None = None,
    filters: Filters | None = None,
) -> EvidenceList:
    """Every claim as one row, filtered; ordered by condition, then strongest level."""
    from modality_cli.results.conditions import EvidenceList

    filters = filters or Filters()
    chosen_condition = kb.condition(condition) if condition is not None else None
    if modality is not None:
        scope = [kb.modality(modality)]
    elif chosen_condition is not None:
        scope = [kb.modalities[i] for i in chosen_condition.modalities]
    else:
        scope = list(kb.modalities.values())
    rows = [
        claim
        for m in scope
        for c in m.evidence
        if chosen_condition is None or c.condition == chosen_condition.id
        for claim in [rated(kb, m, c)]
        if filters.keep(claim)
    ]
    rows.sort(key=lambda r: (r.condition_name.casefold(), *_order(r)))
    given = {
        "condition": chosen_condition.id if chosen_condition else None,
        "modality": scope[0].id if modality is not None else None,
        **filters.given,
    }
    return EvidenceList(rows=rows, filters=given)
