"""``validate`` and ``stats``: is a knowledge-base file sound, and how complete is it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from modality_cli.core.errors import DataError
from modality_cli.core.vocab import FAMILY_NAMES, family_name
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.store.load import load
from modality_cli.models import Entry
from modality_cli.queries.common import cited
from modality_cli.results import Completeness, KindCount, Stats, ValidationReport

#: Fields whose absence makes an entry less useful; reported by ``validate --strict``
#: and measured by ``stats``.
EXPECTED: dict[str, tuple[str, ...]] = {
    "modalities": (
        "aliases",
        "founded",
        "founders",
        "theories",
        "techniques",
        "overview",
        "history",
        "focus",
        "time_orientation",
        "structure",
        "therapist_role",
        "session",
        "duration",
        "frequency",
        "formats",
        "goals",
        "evidence",
        "cautions",
        "related",
        "checked",
    ),
    "theories": ("aliases", "description", "originators", "year", "key_concepts", "modalities", "checked"),
    "theorists": ("aliases", "contributions", "theories", "modalities", "checked"),
    "techniques": ("aliases", "description", "originators", "modalities", "checked"),
    "conditions": ("aliases", "icd11", "modalities", "checked"),
}
KINDS = tuple(EXPECTED)


def _filled(entry: Entry, field: str) -> bool:
    # a modality is dated by its founding year or, where none is defensible, its period
    value = getattr(entry, "began" if field == "founded" else field)
    return value is not None and value != [] and value != ""


def validate_files(paths: list[Path], strict: bool = False) -> ValidationReport:
    """Every problem in the file at ``paths`` (or in their overlay); never raises
    for a bad file. Each problem starts with the file it is in."""
    label = " + ".join(str(p) for p in paths)
    try:
        kb = load(paths)
    except DataError as error:
        problems = error.problems if error.prefixed else [f"{error.source}: {p}" for p in error.problems]
        return ValidationReport(path=label, valid=False, problems=problems, counts={})
    gaps = [f"{kb.origin}: {gap}" for gap in _gaps(kb)] if strict else []
    counts = {kind: len(getattr(kb, kind)) for kind in (*KINDS, "sources")}
    return ValidationReport(path=label, valid=not gaps, problems=gaps, counts=counts)


def _gaps(kb: KnowledgeBase) -> list[str]:
    gaps: list[str] = []
    for kind, fields in EXPECTED.items():
        for i, entry in enumerate(getattr(kb, kind).values()):
            for field in fields:
                if field != "aliases" and not _filled(entry, field):
                    gaps.append(f"{kind}[{i}].{field}: is empty [entry {entry.id!r}]")
    used = {s for kind in KINDS for e in getattr(kb, kind).values() for s in cited(e)}
    for i, source in enumerate(kb.sources.values()):
        if source.id not in used:
            gaps.append(f"sources[{i}]: {source.id!r} is never cited")
    return gaps


def stats(kb: KnowledgeBase) -> Stats:
    counts = [KindCount(kind=kind, count=len(getattr(kb, kind))) for kind in (*KINDS, "sources")]
    families: Counter[str] = Counter(m.family for m in kb.modalities.values())
    completeness = []
    for kind, fields in EXPECTED.items():
        entries = list(getattr(kb, kind).values())
        for field in fields:
            filled = sum(_filled(e, field) for e in entries)
            share = round(filled / len(entries), 3) if entries else 0.0
            completeness.append(
                Completeness(kind=kind, field=field, filled=filled, total=len(entries), share=share)
            )
    claims = [c for m in kb.modalities.values() for c in m.evidence]
    return Stats(
        counts=counts,
        families={f: families.get(f, 0) for f in FAMILY_NAMES},
        family_names={f: family_name(f) for f in FAMILY_NAMES},
        completeness=completeness,
        evidence_by_system=dict(Counter(c.system for c in claims)),
        evidence_by_level=dict(Counter(c.level for c in claims)),
        sources_by_kind=dict(Counter(s.kind for s in kb.sources.values())),
    )
