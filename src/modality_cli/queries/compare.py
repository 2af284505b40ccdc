"""``compare``: modalities side by side on fixed dimensions, with what they
share and what is unique to each."""

from __future__ import annotations

from collections.abc import Callable

from modality_cli.core.errors import UsageError
from modality_cli.core.text import brief, lower_first
from modality_cli.core.vocab import EVIDENCE_SYSTEMS, LEVEL_ORDER, best_of, family_name, rated_by
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.models import Modality
from modality_cli.queries.common import linked
from modality_cli.results import Comparison, Dimension, Overlap

NOT_RECORDED = "not recorded"


def _join(items: list[str], empty: str = NOT_RECORDED) -> str:
    return "; ".join(items) if items else empty


def _lines(items: list[str]) -> str:
    """A list of sentences, one per line after a bullet."""
    return "\n".join(f"• {i}" for i in items) if items else NOT_RECORDED


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _evidence_headline(kb: KnowledgeBase, m: Modality) -> str:
    found = best_of(m.evidence)
    if found is None:
        return "no rating recorded here"
    best, top = found
    conditions = list(dict.fromkeys(kb.name_of("conditions", c.condition) for c in top))
    systems = sorted({EVIDENCE_SYSTEMS[c.system].id for c in top})
    more = len(m.evidence) - len(top)
    text = f"{best} for {', '.join(conditions)} ({', '.join(systems)})"
    if more:
        text += f"; {more} more rating{'s' if more > 1 else ''}"
    return text


def _for_condition(m: Modality, condition: str, brief: bool = False) -> str:
    """Every rating of ``m`` for one condition, best level first, in one line
    (``brief``: the best level and the systems that gave it)."""
    claims = sorted(
        (c for c in m.evidence if c.condition == condition), key=lambda c: LEVEL_ORDER.index(c.level)
    )
    if not claims:
        return "—" if brief else "no rating recorded"
    if brief:
        return rated_by(claims)
    ratings = list(
        dict.fromkeys(
            f"{EVIDENCE_SYSTEMS[c.system].short}: {c.grade}" + (f" ({c.year})" if c.year else "")
            for c in claims
        )
    )
    return f"{claims[0].level} — " + "; ".join(ratings)


def _condition_rows(kb: KnowledgeBase, chosen: list[Modality]) -> list[Dimension]:
    """One row per condition any of the modalities is rated for, by name."""
    ids = {c.condition for m in chosen for c in m.evidence}
    rows = sorted(ids, key=lambda i: kb.name_of("conditions", i).casefold())
    return [
        Dimension(
            id=f"evidence:{i}",
            label=f"Evidence: {kb.name_of('conditions', i)}",
            values={m.id: _for_condition(m, i) for m in chosen},
            brief={m.id: _for_condition(m, i, brief=True) for m in chosen},
        )
        for i in rows
    ]


Row = tuple[str, str, Callable[[Modality], str], Callable[[Modality], str] | None]


def _dimensions(kb: KnowledgeBase) -> list[Row]:
    """Each dimension: id, label, its full value, and its one-line value for the
    at-a-glance table (None: shown only with --full)."""

    def names(kind: str, ids: list[str]) -> str:
        return _join([kb.name_of(kind, i) for i in ids])

    def founding(m: Modality) -> str:
        when = m.founding or "no single founding year"
        who = names("theorists", m.founders) if m.founders else "no single founder"
        return f"{when}; {who}"

    def founded_brief(m: Modality) -> str:
        when = m.founding or "no single year"
        who = [kb.name_of("theorists", i) for i in m.founders]
        shown = ", ".join(who[:2]) + (" and others" if len(who) > 2 else "")
        return f"{when}; {shown}" if who else when

    def labelled(*parts: tuple[str, str | None]) -> str:
        shown = [f"{label}: {_sentence(value)}" for label, value in parts if value]
        return " ".join(shown) or NOT_RECORDED

    return [
        ("family", "Family", lambda m: family_name(m.family), lambda m: family_name(m.family)),
        ("founded", "Founded and founders", founding, founded_brief),
        ("focus", "What it works on", lambda m: m.focus or NOT_RECORDED, lambda m: brief(m.focus, 50)),
        (
            "time_orientation",
            "Time orientation",
            lambda m: ", ".join(m.time_orientation) or NOT_RECORDED,
            lambda m: ", ".join(m.time_orientation) or NOT_RECORDED,
        ),
        (
            "structure",
            "Structure and therapist's role",
            lambda m: labelled(("Structure", m.structure), ("Role", m.therapist_role)),
            lambda m: m.structure or NOT_RECORDED,
        ),
        (
            "duration",
            "Typical length and frequency",
            lambda m: labelled(("Length", m.duration), ("Frequency", m.frequency)),
            lambda m: (
                "; ".join(
                    lower_first(brief(v, 40)) if i else brief(v, 40)
                    for i, v in enumerate(x for x in (m.duration, m.frequency) if x)
                )
                or NOT_RECORDED
            ),
        ),
        ("session", "What a session is like", lambda m: m.session or NOT_RECORDED, None),
        (
            "formats",
            "Formats",
            lambda m: ", ".join(m.formats) or NOT_RECORDED,
            lambda m: ", ".join(m.formats) or NOT_RECORDED,
        ),
        ("theories", "Key theories", lambda m: names("theories", m.theories), None),
        ("techniques", "Key techniques", lambda m: names("techniques", m.techniques), None),
        ("goals", "Goals", lambda m: _lines(m.goals), None),
        ("evidence", "Evidence headline", lambda m: _evidence_headline(kb, m), None),
        (
            "cautions",
            "Cautions",
            lambda m: _lines(m.cautions),
            lambda m: brief(m.cautions[0], 50) if m.cautions else "none recorded",
        ),
        (
            "influenced_by",
            "Grew out of",
            lambda m: names("modalities", m.influenced_by) if m.influenced_by else "none recorded",
            None,
        ),
    ]


def compare(kb: KnowledgeBase, names: list[str], full: bool = False) -> Comparison:
    """Compare the modalities that ``names`` (the words as typed) name: see
    :func:`modality_cli.queries.naming.split_names` for how they are read."""
    from modality_cli.queries.naming import split_names

    names = split_names(kb, names)
    if len(names) < 2:
        raise UsageError(
            "compare needs at least two modalities.", "Example: modality compare psychodynamic cbt"
        )
    chosen: list[Modality] = []
    for name in names:
        m = kb.modality(name)
        if any(m.id == c.id for c in chosen):
            raise UsageError(f"{name!r} names {m.name}, which is already being compared.")
        chosen.append(m)
    dimensions = [
        Dimension(
            id=dim_id,
            label=label,
            values={m.id: value(m) for m in chosen},
            brief={m.id: short(m) for m in chosen} if short else None,
        )
        for dim_id, label, value, short in _dimensions(kb)
    ]
    at = next(i for i, d in enumerate(dimensions) if d.id == "evidence") + 1
    dimensions[at:at] = _condition_rows(kb, chosen)
    fields = ("techniques", "theories", "theorists")
    sets = {m.id: {f: getattr(m, f) for f in fields} for m in chosen}

    def shared(field: str) -> list[str]:
        first, *rest = chosen
        return [i for i in getattr(first, field) if all(i in getattr(o, field) for o in rest)]

    def unique(m: Modality, field: str) -> list[str]:
        others = {i for o in chosen if o.id != m.id for i in sets[o.id][field]}
        return [i for i in getattr(m, field) if i not in others]

    return Comparison(
        view="full" if full else "glance",
        modalities=[m.id for m in chosen],
        names={m.id: m.name for m in chosen},
        dimensions=dimensions,
        shared=Overlap(**{f: shared(f) for f in fields}),
        unique={m.id: Overlap(**{f: unique(m, f) for f in fields}) for m in chosen},
        linked=linked(
            kb,
            theories={i for m in chosen for i in m.theories},
            theorists={i for m in chosen for i in m.theorists},
            techniques={i for m in chosen for i in m.techniques},
            conditions={c.condition for m in chosen for c in m.evidence},
        ),
    )
