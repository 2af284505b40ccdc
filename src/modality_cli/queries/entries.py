"""``show``, ``theories``, ``theorists`` and ``techniques``: one entry in depth,
or a filtered list.

Each answer's models are imported in the branch that builds it, so listing
theorists does not define the models of every kind of entry in depth, and
showing one entry does not define the list models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modality_cli.core.errors import UsageError
from modality_cli.core.plain import fields_of
from modality_cli.core.vocab import family_name
from modality_cli.kb.integrity import SINGULAR
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.queries.common import cited, linked, rated

if TYPE_CHECKING:
    from modality_cli.models import Modality
    from modality_cli.results.details import ModalityDetail
    from modality_cli.results.entry_details import TechniqueDetail, TheoristDetail, TheoryDetail
    from modality_cli.results.lists import TechniqueList, TheoristList, TheoryList


def show_modality(kb: KnowledgeBase, name: str) -> ModalityDetail:
    from modality_cli.results.details import ModalityDetail

    m = kb.modality(name)
    evidence = [rated(kb, m, claim) for claim in m.evidence]
    data = fields_of(m)
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
            conditions=[c.condition for c in m.evidence],
        ),
        bibliography=[kb.sources[s] for s in cited(m)],
    )


def _pick(
    kb: KnowledgeBase, kind: str, name: str | None, filtered: bool
) -> tuple[str | None, Modality | None]:
    """Read a command's NAME: the id of an entry of ``kind``, or, when it is no
    such entry but is a modality (``theories psychodynamic``), that modality as
    the filter. A NAME and filters together are a usage error."""
    if name is None:
        return None, None
    singular = SINGULAR[kind]
    found = kb.index(kind).find(name)
    as_modality = None if found is not None else kb.index("modalities").find(name)
    if found is None and as_modality is None:
        getattr(kb, singular)(name)  # raises the not-found (or ambiguous) error, with suggestions
    if filtered:
        raise UsageError(f"give a {singular} name or filters such as --modality, not both.")
    if found is not None:
        return found.id, None
    assert as_modality is not None
    return None, kb.modalities[as_modality.id]


def _scope(kb: KnowledgeBase, from_name: Modality | None, modality: str | None) -> Modality | None:
    return from_name or (kb.modality(modality) if modality is not None else None)


def theories(
    kb: KnowledgeBase, name: str | None = None, modality: str | None = None
) -> TheoryList | TheoryDetail:
    entry_id, from_name = _pick(kb, "theories", name, modality is not None)
    if entry_id is not None:
        from modality_cli.results.entry_details import TheoryDetail

        t = kb.theories[entry_id]
        contributors = [
            p.id for p in kb.theorists.values() if t.id in p.theories and p.id not in t.originators
        ]
        return TheoryDetail(
            **fields_of(t),
            contributors=contributors,
            linked=linked(
                kb, modalities=t.modalities, theories=t.related, theorists=[*t.originators, *contributors]
            ),
            bibliography=[kb.sources[s] for s in cited(t)],
        )
    from modality_cli.queries.rows import theory_row
    from modality_cli.results.lists import TheoryList

    scope = _scope(kb, from_name, modality)
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
    entry_id, from_name = _pick(kb, "theorists", name, modality is not None or theory is not None)
    if entry_id is not None:
        from modality_cli.results.entry_details import TheoristDetail

        p = kb.theorists[entry_id]
        return TheoristDetail(
            **fields_of(p),
            linked=linked(kb, modalities=p.modalities, theories=p.theories, theorists=p.influenced_by),
            bibliography=[kb.sources[s] for s in cited(p)],
        )
    from modality_cli.queries.rows import theorist_row
    from modality_cli.results.lists import TheoristList

    scope = _scope(kb, from_name, modality)
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
    entry_id, from_name = _pick(kb, "techniques", name, modality is not None)
    if entry_id is not None:
        from modality_cli.results.entry_details import TechniqueDetail

        k = kb.techniques[entry_id]
        return TechniqueDetail(
            **fields_of(k),
            linked=linked(kb, modalities=k.modalities, theories=k.theories, theorists=k.originators),
            bibliography=[kb.sources[s] for s in cited(k)],
        )
    from modality_cli.queries.rows import technique_row
    from modality_cli.results.lists import TechniqueList

    scope = _scope(kb, from_name, modality)
    chosen = [kb.techniques[i] for i in scope.techniques] if scope else list(kb.techniques.values())
    chosen.sort(key=lambda k: (k.name.casefold(), k.id))
    return TechniqueList(
        rows=[technique_row(k) for k in chosen],
        linked=linked(kb, theorists={p for k in chosen for p in k.originators}),
        modality=scope.id if scope else None,
    )
