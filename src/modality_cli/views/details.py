"""Views of one entry in depth."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from modality_cli import results as r
from modality_cli.models import Misconception, Source
from modality_cli.views.base import MISSING, NARROW, bullets, names, plain, section, years


def title(
    console: Console, name: str, subtitle: str, aliases: Sequence[str], summary: str, entry_id: str
) -> RenderableType:
    """The entry's name, what it is, its other names and summary: in a panel
    when the name fits its border, else as plain lines (nothing is cut off)."""
    body: list[RenderableType] = [plain(subtitle, "dim")]
    if aliases:
        body.append(Text.assemble(("Also called: ", "dim"), plain(", ".join(aliases))))
    body += [plain(summary), Text.assemble(("id: ", "dim"), plain(entry_id, "dim"))]
    if console.width < NARROW or len(name) + 6 > console.width:
        return Group(plain(name, "bold"), *body)
    return Panel(Group(*body), title=plain(name, "bold"), title_align="left")


def _misconceptions(items: Sequence[Misconception]) -> RenderableType | None:
    if not items:
        return None
    blocks: list[RenderableType] = []
    for item in items:
        blocks.append(Text.assemble(("Popular claim: ", "yellow"), plain(item.claim)))
        blocks.append(Text.assemble(("Scholarly account: ", "green"), plain(item.correction)))
    return Group(*blocks)


def _citation(source: Source) -> Text:
    authors = ", ".join(source.authors)
    parts = [f"{authors} ({source.year or 'n.d.'}). {source.title}."]
    if source.venue:
        parts.append(f" {source.venue}.")
    if source.doi:
        parts.append(f" doi:{source.doi}")
    elif source.url:
        parts.append(f" {source.url}")
    return plain("".join(parts))


def bibliography(sources: Sequence[Source]) -> Group:
    lines: list[RenderableType] = []
    for source in sources:
        lines.append(Text.assemble((f"[{source.id}] ", "dim"), _citation(source)))
    return Group(*lines) if lines else Group(plain(None))


def _line(label: str, value: str) -> Text:
    return Text.assemble((f"{label}: ", "bold"), plain(value))


def _evidence(claims: Sequence[r.RatedClaim]) -> RenderableType:
    from modality_cli.views.conditions import grade_text, who_for

    if not claims:
        return Text("No rating recorded here. Absence of a rating is not evidence either way.")
    by_condition: dict[str, list[r.RatedClaim]] = {}
    for claim in claims:
        by_condition.setdefault(claim.condition, []).append(claim)
    blocks: list[RenderableType] = []
    for condition, group in by_condition.items():
        blocks.append(
            Text.assemble(
                plain(group[0].condition_name, "bold"), (f"  (modality conditions {condition})", "dim")
            )
        )
        for claim in group:
            blocks.append(
                Text.assemble(
                    ("  ", ""),
                    (claim.level, "magenta"),
                    (" — ", "dim"),
                    plain(f"{grade_text(claim)}; {who_for(claim)}"),
                )
            )
            blocks.append(
                Text.assemble(("    ", ""), plain(claim.summary), (f"  [{', '.join(claim.sources)}]", "dim"))
            )
    return Group(*blocks)


def modality_detail(m: r.ModalityDetail, console: Console) -> RenderableType:
    founded = str(m.founded) if m.founded is not None else "no single founding year"
    people = names(m.founders, m.linked.theorists) or MISSING
    return Group(
        title(console, m.name, f"{m.family_name} · founded {founded}", m.aliases, m.summary, m.id),
        section("Overview", plain(m.overview)),
        section("History and founders", Group(_line("Founders", people), plain(m.history))),
        section("Key theorists", plain(names(m.theorists, m.linked.theorists))),
        section("Theories", plain(names(m.theories, m.linked.theories))),
        section("Techniques", plain(names(m.techniques, m.linked.techniques))),
        section(
            "In practice",
            Group(
                _line("Focus", m.focus or MISSING),
                _line("Time orientation", ", ".join(m.time_orientation) or MISSING),
                _line("Structure", m.structure or MISSING),
                _line("Therapist's role", m.therapist_role or MISSING),
                _line("A session", m.session or MISSING),
                _line("Typical length", m.duration or MISSING),
                _line("Frequency", m.frequency or MISSING),
                _line("Formats", ", ".join(m.formats) or MISSING),
            ),
        ),
        section("Goals", bullets(m.goals)),
        section("Evidence", _evidence(m.evidence)),
        section("Cautions and controversies", bullets(m.cautions)),
        *([section("Common misconceptions", _misconceptions(m.misconceptions))] if m.misconceptions else []),
        section(
            "Related",
            Group(
                _line("Grew out of", names(m.influenced_by, m.linked.modalities) or MISSING),
                _line("Related", names(m.related, m.linked.modalities) or MISSING),
            ),
        ),
        section("Sources", bibliography(m.bibliography)),
        _checked(m.checked),
        Text("Educational information, not clinical advice.", style="dim"),
    )


def _checked(date: object) -> Text:
    return Text(f"\nLast checked: {date}" if date else "", style="dim")


def theory_detail(t: r.TheoryDetail, console: Console) -> RenderableType:
    subtitle = "theory" + (f" · {t.year}" if t.year else "")
    return Group(
        title(console, t.name, subtitle, t.aliases, t.summary, t.id),
        section("Description", plain(t.description)),
        section("Originators", plain(names(t.originators, t.linked.theorists))),
        *(
            [section("Also developed by", plain(names(t.contributors, t.linked.theorists)))]
            if t.contributors
            else []
        ),
        section("Key concepts", bullets(t.key_concepts)),
        section("Modalities built on it", plain(names(t.modalities, t.linked.modalities))),
        section("Related theories", plain(names(t.related, t.linked.theories))),
        *([section("Common misconceptions", _misconceptions(t.misconceptions))] if t.misconceptions else []),
        section("Sources", bibliography(t.bibliography)),
        _checked(t.checked),
    )


def theorist_detail(p: r.TheoristDetail, console: Console) -> RenderableType:
    return Group(
        title(console, p.name, years(p.born, p.died), p.aliases, p.summary, p.id),
        section("Contributions", bullets(p.contributions)),
        section("Theories", plain(names(p.theories, p.linked.theories))),
        section("Modalities", plain(names(p.modalities, p.linked.modalities))),
        section("Influenced by", plain(names(p.influenced_by, p.linked.theorists))),
        *([section("Common misconceptions", _misconceptions(p.misconceptions))] if p.misconceptions else []),
        section("Sources", bibliography(p.bibliography)),
        _checked(p.checked),
    )


def technique_detail(k: r.TechniqueDetail, console: Console) -> RenderableType:
    return Group(
        title(console, k.name, "technique", k.aliases, k.summary, k.id),
        section("What is done", plain(k.description)),
        section("Used in", plain(names(k.modalities, k.linked.modalities))),
        section("Originators", plain(names(k.originators, k.linked.theorists))),
        section("Theories", plain(names(k.theories, k.linked.theories))),
        *([section("Common misconceptions", _misconceptions(k.misconceptions))] if k.misconceptions else []),
        section("Sources", bibliography(k.bibliography)),
        _checked(k.checked),
    )
