"""Markdown, for notes: tables for lists and comparisons, a document for one entry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from modality_cli import results as r
from modality_cli.core.plain import plain
from modality_cli.core.text import markdown_inert
from modality_cli.formats.records import records, select

DEFAULT_COLUMNS: dict[type[Any], list[str]] = {
    r.ModalityList: ["name", "family_name", "founded", "summary"],
    r.TheoryList: ["name", "year", "summary"],
    r.TheoristList: ["name", "born", "died", "summary"],
    r.TechniqueList: ["name", "summary"],
    r.SearchResults: ["name", "kind", "summary"],
    r.Stats: ["kind", "field", "filled", "total", "share"],
    r.ValidationReport: ["problem"],
    r.DatabaseExport: ["table", "rows"],
    r.Timeline: ["start", "end", "kind", "name"],
    r.Lineage: ["source", "target"],
    r.ConditionList: ["name", "icd11", "group_name", "rated", "best_level"],
    r.EvidenceList: ["condition_name", "modality_name", "system", "grade", "level", "year", "population"],
}
CLAIM_COLUMNS = (
    [
        "modality_name",
        "system_name",
        "grade",
        "guideline",
        "recommendation",
        "level",
        "year",
        "population",
        "qualifier",
    ],
    [
        "Modality",
        "Rated by",
        "Grade",
        "Guideline",
        "Recommendation",
        "Level",
        "Year",
        "Population",
        "Qualifier",
    ],
)
CAVEATS = (
    "*A rating describes average results in trials, not what will happen to one person; no rating is "
    "not evidence of no effect. Educational information, not clinical advice.*"
)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return markdown_inert(str(value))


def _cell(value: Any) -> str:
    return _text(value).replace("\n", " ")


def table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], headers: Sequence[str] | None = None
) -> str:
    head = list(headers or columns)
    lines = ["| " + " | ".join(_cell(h) for h in head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _names(ids: Sequence[str], table_: dict[str, str]) -> str:
    return _text(", ".join(table_.get(i, i) for i in ids)) or "—"


def _bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {_text(i)}" for i in items) if items else "—"


def _sources(sources: Sequence[Any]) -> str:
    lines = []
    for s in sources:
        where = f" {s.venue}." if s.venue else ""
        link = f" https://doi.org/{s.doi}" if s.doi else (f" {s.url}" if s.url else "")
        year = s.year if s.year is not None else "n.d."
        lines.append(f"- [{s.id}] {', '.join(s.authors)} ({year}). {s.title}.{where}{link}")
    return _text("\n".join(lines)) if lines else "—"


def _misconceptions(items: Sequence[Any]) -> list[str]:
    if not items:
        return []
    out = ["## Common misconceptions", ""]
    for m in items:
        out += [f"- **Popular claim:** {_text(m.claim)}", f"  **Scholarly account:** {_text(m.correction)}"]
    return [*out, ""]


def _modality(m: r.ModalityDetail) -> str:
    founded = m.founding_phrase
    lines = [f"# {_text(m.name)}", "", f"*{m.family_name} · {founded} · id `{m.id}`*", ""]
    if m.aliases:
        lines += [f"Also called: {_text(m.aliases)}", ""]
    lines += [f"> {_text(m.summary)}", ""]
    sections: list[tuple[str, str]] = [
        ("Overview", _text(m.overview) or "—"),
        ("History and founders", f"Founders: {_names(m.founders, m.linked.theorists)}\n\n{_text(m.history)}"),
        ("Key theorists", _names(m.theorists, m.linked.theorists)),
        ("Theories", _names(m.theories, m.linked.theories)),
        ("Techniques", _names(m.techniques, m.linked.techniques)),
        (
            "In practice",
            "\n".join(
                f"- **{label}:** {_text(value) or '—'}"
                for label, value in (
                    ("Focus", m.focus),
                    ("Time orientation", m.time_orientation),
                    ("Structure", m.structure),
                    ("Therapist's role", m.therapist_role),
                    ("A session", m.session),
                    ("Typical length", m.duration),
                    ("Frequency", m.frequency),
                    ("Formats", m.formats),
                )
            ),
        ),
        ("Goals", _bullets(m.goals)),
    ]
    for title, body in sections:
        lines += [f"## {title}", "", body, ""]
    lines += ["## Evidence", ""]
    if m.evidence:
        rows = [_claim_row(c) for c in m.evidence]
        lines.append(
            table(
                rows,
                ["condition_name", "level", "rating", "for", "summary"],
                ["Condition", "Level", "Rating (the body's own words)", "For", "Summary"],
            )
        )
    else:
        lines += ["No rating recorded here.", ""]
    lines += ["## Cautions and controversies", "", _bullets(m.cautions), ""]
    lines += _misconceptions(m.misconceptions)
    lines += [
        "## Related",
        "",
        f"- Grew out of: {_names(m.influenced_by, m.linked.modalities)}",
        f"- Related: {_names(m.related, m.linked.modalities)}",
        "",
        "## Sources",
        "",
        _sources(m.bibliography),
        "",
    ]
    if m.checked:
        lines += [f"*Last checked: {m.checked}*", ""]
    return "\n".join(lines)


def _entry(d: r.TheoryDetail | r.TheoristDetail | r.TechniqueDetail) -> str:
    lines = [f"# {_text(d.name)}", "", f"*id `{d.id}`*", "", f"> {_text(d.summary)}", ""]
    if isinstance(d, r.TheoristDetail):
        born = d.born if d.born is not None else "?"
        lines += [
            f"Life: {born}–{d.died if d.died is not None else ''}",
            "",
            "## Contributions",
            "",
            _bullets(d.contributions),
            "",
        ]
        lines += ["## Theories", "", _names(d.theories, d.linked.theories), ""]
        lines += ["## Modalities", "", _names(d.modalities, d.linked.modalities), ""]
    elif isinstance(d, r.TheoryDetail):
        lines += ["## Description", "", _text(d.description) or "—", ""]
        lines += ["## Originators", "", _names(d.originators, d.linked.theorists), ""]
        lines += ["## Key concepts", "", _bullets(d.key_concepts), ""]
        lines += ["## Modalities built on it", "", _names(d.modalities, d.linked.modalities), ""]
    else:
        lines += ["## What is done", "", _text(d.description) or "—", ""]
        lines += ["## Used in", "", _names(d.modalities, d.linked.modalities), ""]
    lines += _misconceptions(d.misconceptions)
    lines += ["## Sources", "", _sources(d.bibliography), ""]
    return "\n".join(lines)


def _claim_row(claim: r.RatedClaim) -> dict[str, Any]:
    from modality_cli.results.claims import applies_to, rating_text

    return {**plain(claim), "rating": rating_text(claim), "for": applies_to(claim)}


def _condition(c: r.ConditionDetail) -> str:
    icd = f"ICD-11 {c.icd11}" if c.icd11 else "no single ICD-11 code"
    lines = [f"# {_text(c.name)}", "", f"*condition · {c.group_name} · {icd} · id `{c.id}`*", ""]
    if c.aliases:
        lines += [f"Also called: {_text(c.aliases)}", ""]
    lines += [f"> {_text(c.summary)}", "", "## Rated modalities, strongest first", ""]
    if c.evidence:
        lines.append(table([_claim_row(x) for x in c.evidence], *CLAIM_COLUMNS))
    else:
        lines += ["No rating recorded here.", ""]
    lines += ["## Sources", "", _sources(c.bibliography), "", CAVEATS, ""]
    return "\n".join(lines)


def _comparison(c: r.Comparison) -> str:
    title = " vs ".join(c.names[i] for i in c.modalities)
    rows = [{"dimension": d.label, **d.values} for d in c.dimensions]
    lines = [
        f"# Compare: {_text(title)}",
        "",
        table(rows, ["dimension", *c.modalities], ["Dimension", *(c.names[i] for i in c.modalities)]),
    ]
    linked = {
        "techniques": c.linked.techniques,
        "theories": c.linked.theories,
        "theorists": c.linked.theorists,
    }

    def overlap(label: str, o: r.Overlap) -> list[str]:
        out = [f"## {_text(label)}", ""]
        for field in ("techniques", "theories", "theorists"):
            ids = getattr(o, field)
            out.append(f"- {field.capitalize()}: {_names(ids, linked[field]) if ids else 'none'}")
        return [*out, ""]

    lines += overlap("Shared by all", c.shared)
    for mid in c.modalities:
        lines += overlap(f"Only in {c.names[mid]}", c.unique[mid])
    return "\n".join(lines)


def to_markdown(result: BaseModel, fields: list[str] | None = None) -> str:
    if fields is None:
        if isinstance(result, r.ModalityDetail):
            return _modality(result)
        if isinstance(result, r.TheoryDetail | r.TheoristDetail | r.TechniqueDetail):
            return _entry(result)
        if isinstance(result, r.Comparison):
            return _comparison(result)
        if isinstance(result, r.ConditionDetail):
            return _condition(result)
    rows = [select(x, fields) for x in records(result)]
    columns = fields or DEFAULT_COLUMNS.get(type(result)) or (list(rows[0]) if rows else [])
    return table(rows, columns)
