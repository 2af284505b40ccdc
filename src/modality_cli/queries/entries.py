"""``show``, ``theories``, ``theorists`` and ``techniques``: one entry in depth,
or a filtered list."""

from __future__ import annotations

from modality_cli.errors import NotFoundError, UsageError
from modality_cli.knowledge import KnowledgeBase
from modality_cli.models import Modality
from modality_cli.queries.common import (
    cited,
    linked,
    technique_row,
    theorist_row,
    theory_row,
)
from modality_cli.results import (
    ModalityDetail,
    RatedClaim,
    TechniqueDetail,
    TechniqueList,
    TheoristDetail,
    TheoristList,
    TheoryDetail,
    TheoryList,
)
from modality_cli.vocab import EVIDENCE_SYSTEMS, family_name


def show_modality(kb: KnowledgeBase, name: str) -> ModalityDetail:
    m = kb.modality(name)
    evidence = [
        RatedClaim(**claim.model_dump(), system_name=EVIDENCE_SYSTEMS[claim.system].name, level=claim.level)
        for claim in m.evidence
    ]
    data = m.model_dump()
    data["evidence"] = evidence
    return ModalityDetail(
        **data,
        family_name=family_name(m.family),
        linked=linked(
            kb,
            modalities=[*m.influenced_by, *m.related],
            theories=m.theories,
            theorists=m.theorists,
            techniques=m.techniques,
        ),
        bibliography=[kb.sources[s] for s in cited(m)],
    )


def _modality_filter(kb: KnowledgeBase, modality: str | None) -> Modality | None:
    return kb.modality(modality) if modality is not None else None


def _name_or_modality(kb: KnowledgeBase, kind: str, name: str, modality: str | None) -> Modality | None:
    """``theories psychodynamic``: a NAME that is no entry of ``kind`` but is a
    modality is read as ``--modality``."""
    if modality is not None:
        raise UsageError(f"give a {kind} name or --modality, not both.")
    found = kb.index("modalities").find(name)
    return kb.modalities[found.id] if found is not None else None


def theories(
    kb: KnowledgeBase, name: str | None = None, modality: str | None = None
) -> TheoryList | TheoryDetail:
    if name is not None:
        found = kb.index("theories").find(name)
        if found is None:
            as_modality = _name_or_modality(kb, "theory", name, modality)
            if as_modality is None:
                kb.theory(name)  # raises the not-found error, with suggestions
            return theories(kb, modality=as_modality.id if as_modality else None)
        if modality is not None:
            raise UsageError("give a theory name or --modality, not both.")
        t = kb.theories[found.id]
        contributors = [
            p.id for p in kb.theorists.values() if t.id in p.theories and p.id not in t.originators
        ]
        return TheoryDetail(
            **t.model_dump(),
            contributors=contributors,
            linked=linked(
                kb, modalities=t.modalities, theories=t.related, theorists=[*t.originators, *contributors]
            ),
            bibliography=[kb.sources[s] for s in cited(t)],
        )
    scope = _modality_filter(kb, modality)
    chosen = [kb.theories[i] for i in scope.theories] if scope else list(kb.theories.values())
    chosen.sort(key=lambda t: (t.year is None, t.year or 0, t.name.casefold()))
    return TheoryList(
        rows=[theory_row(t) for t in chosen],
        linked=linked(kb, theorists={p for t in chosen for p in t.originators}),
        modality=scope.id if scope else None,
    )


def theorists(
    kb: KnowledgeBase, name: str | None = None, modality: str | None = None, theory: str | None = None
) -> TheoristList | TheoristDetail:
    if name is not None:
        found = kb.index("theorists").find(name)
        if found is None:
            if theory is None:
                as_modality = _name_or_modality(kb, "theorist", name, modality)
                if as_modality is not None:
                    return theorists(kb, modality=as_modality.id)
            kb.theorist(name)  # raises the not-found error, with suggestions
        if modality is not None or theory is not None:
            raise UsageError("give a theorist name or filters (--modality, --theory), not both.")
        assert found is not None
        p = kb.theorists[found.id]
        return TheoristDetail(
            **p.model_dump(),
            linked=linked(kb, modalities=p.modalities, theories=p.theories, theorists=p.influenced_by),
            bibliography=[kb.sources[s] for s in cited(p)],
        )
    scope = _modality_filter(kb, modality)
    chosen = [kb.theorists[i] for i in scope.theorists] if scope else list(kb.theorists.values())
    theory_scope = kb.theory(theory) if theory is not None else None
    if theory_scope is not None:
        chosen = [p for p in chosen if theory_scope.id in p.theories]
    chosen.sort(key=lambda p: (p.born is None, p.born or 0, p.name.casefold()))
    return TheoristList(
        rows=[theorist_row(p) for p in chosen],
        linked=linked(kb),
        modality=scope.id if scope else None,
        theory=theory_scope.id if theory_scope else None,
    )


def techniques(
    kb: KnowledgeBase, name: str | None = None, modality: str | None = None
) -> TechniqueList | TechniqueDetail:
    if name is not None:
        found = kb.index("techniques").find(name)
        if found is None:
            as_modality = _name_or_modality(kb, "technique", name, modality)
            if as_modality is None:
                kb.technique(name)  # raises the not-found error, with suggestions
            return techniques(kb, modality=as_modality.id if as_modality else None)
        if modality is not None:
            raise UsageError("give a technique name or --modality, not both.")
        k = kb.techniques[found.id]
        return TechniqueDetail(
            **k.model_dump(),
            linked=linked(kb, modalities=k.modalities, theories=k.theories, theorists=k.originators),
            bibliography=[kb.sources[s] for s in cited(k)],
        )
    scope = _modality_filter(kb, modality)
    chosen = [kb.techniques[i] for i in scope.techniques] if scope else list(kb.techniques.values())
    chosen.sort(key=lambda k: (k.name.casefold(), k.id))
    return TechniqueList(
        rows=[technique_row(k) for k in chosen],
        linked=linked(kb, theorists={p for k in chosen for p in k.originators}),
        modality=scope.id if scope else None,
    )


__all__ = ["NotFoundError", "show_modality", "techniques", "theories", "theorists"]
