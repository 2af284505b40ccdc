"""Views of conditions and evidence claims."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.text import Text

from modality_cli import results as r
from modality_cli.core.text import name_key
from modality_cli.results.claims import applies_to, rating_text
from modality_cli.views.base import heading, names, plain, rows_view, section
from modality_cli.views.details import bibliography, title

#: Printed under every view of ratings: what a rating is, and is not.
CAVEATS = (
    "A rating describes average results in trials, not what will happen to one person; "
    "no rating is not evidence of no effect.",
    "Educational information, not clinical advice.",
)


def caveats() -> Text:
    return Text("\n" + "\n".join(CAVEATS), style="dim")


def condition_list(result: r.ConditionList, console: Console) -> RenderableType:
    title_text = "Conditions" + (f" ({result.rows[0].group_name})" if result.group and result.rows else "")
    rows = [
        [c.name, c.icd11 or "", c.group_name, str(c.rated), c.best_level or "none recorded"]
        for c in result.rows
    ]
    return Group(
        rows_view(
            console,
            title_text,
            [("Condition", 3), ("ICD-11", None), ("Group", 2), ("Rated", None), ("Best level", None)],
            rows,
            "No conditions match.",
        ),
        Text("Rated: how many modalities have a rating. 'modality conditions NAME' shows them.", style="dim"),
    )


#: From this width the claims tables also show each claim's sources.
WIDE = 110


def _claims_table(console: Console, claims: Sequence[r.RatedClaim], heading_text: str) -> RenderableType:
    wide = console.width >= WIDE
    rows = [
        [c.modality_name, c.level, rating_text(c), applies_to(c), *([", ".join(c.sources)] if wide else [])]
        for c in claims
    ]
    columns = [("Modality", 3), ("Level", None), ("Rating, in the body's words", 4), ("For", 3)]
    return rows_view(
        console,
        heading_text,
        columns + ([("Source", 3)] if wide else []),
        rows,
        "No rating recorded.",
    )


def condition_detail(c: r.ConditionDetail, console: Console) -> RenderableType:
    subtitle = f"condition · {c.group_name}" + (
        f" · ICD-11 {c.icd11}" if c.icd11 else " · no single ICD-11 code"
    )
    if c.icd11 and c.icd11_title and name_key(c.icd11_title) != name_key(c.name):
        subtitle += f" ({c.icd11_title})"
    shown = [f"{k} {v}" for k, v in c.filters.items() if v]
    label = "Rated modalities, strongest first" + (f" ({'; '.join(shown)})" if shown else "")
    return Group(
        title(console, c.name, subtitle, c.aliases, c.summary, c.id),
        *([section("About", plain(c.description))] if c.description else []),
        Text(""),
        _claims_table(console, c.evidence, label)
        if c.evidence
        else Group(
            heading(label), Text("No rating recorded here" + (" for these filters." if shown else "."))
        ),
        *([section("Related conditions", plain(names(c.related, c.linked.conditions)))] if c.related else []),
        section("Sources", bibliography(c.bibliography)),
        caveats(),
    )


def evidence_list(result: r.EvidenceList, console: Console) -> RenderableType:
    shown = [f"{k} {v}" for k, v in result.filters.items() if v]
    title_text = "Evidence" + (f" ({'; '.join(shown)})" if shown else "")
    rows = [[c.condition_name, c.modality_name, c.level, rating_text(c), applies_to(c)] for c in result.rows]
    return Group(
        rows_view(
            console,
            title_text,
            [
                ("Condition", 2),
                ("Modality", 2),
                ("Level", None),
                ("Rating, in the body's words", 3),
                ("For", 2),
            ],
            rows,
            "No rating matches these filters.",
        ),
        caveats(),
    )
