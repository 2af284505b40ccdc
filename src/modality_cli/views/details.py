"""Views of one entry in depth."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from modality_cli import results as r
from modality_cli.models import Misconception, Source
from modality_cli.views.base import MISSING, NARROW, bullets, labelled, names, plain, section, years


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


def bibliography(sources: Sequence[Source]) -> RenderableType:
    """One source per item, its id after it; a wrapped citation keeps its indent."""
    if not sources:
        return plain(None)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for source in sources:
        grid.add_row("•", Text.assemble(_citation(source), (f" [{source.id}]", "dim")))
    return grid


def _line(label: str, value: str) -> Text:
    return Text.assemble((f"{label}: ", "bold"), plain(value))


def _evidence(claims: Sequence[r.RatedClaim]) -> RenderableType:
    from modality_cli.results.claims import applies_to, rating_text

    if not claims:
        return Text("No rating recorded here. Absence of a rating is not evidence either way.")
    from modality_cli.core.vocab import LEVEL_ORDER

    by_condition: dict[str, list[r.RatedClaim]] = {}
    for claim in sorted(claims, key=lambda c: LEVEL_ORDER.index(c.level)):
        by_condition.setdefault(claim.condition, []).append(claim)
    width = 2 + max(len(c.level) for c in claims)
    blocks: list[RenderableType] = []
    for condition, group in by_condition.items():
        blocks.append(
            Text.assemble(
                plain(group[0].condition_name, "bold"), (f"  (modality conditions {condition})", "dim")
            )
        )
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="magenta", min_width=width)
        grid.add_column(overflow="fold")
        for claim in group:
            grid.add_row(
                f"  {claim.level}",
                Text.assemble(
                    plain(f"{rating_text(claim)}; {applies_to(claim)}. "),
                    plain(claim.summary),
                    (f" [{', '.join(claim.sources)}]", "dim"),
                ),
            )
        blocks.append(grid)
    return Group(*blocks)


#: At most this many conditions in the at-a-glance card (the Evidence section has them all).
GLANCE_CONDITIONS = 6


def _glance(m: r.ModalityDetail) -> RenderableType:
    """What a person came for, first: who and when, what it works on, how long,
    in what format, what it is rated for and by whom, and the main cautions."""
    from modality_cli.core.text import brief, lower_first
    from modality_cli.core.vocab import LEVEL_ORDER, rated_by

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    who = names(m.founders, m.linked.theorists)
    when = m.founding or "no single founding year"
    grid.add_row("Family", plain(m.family_name))
    grid.add_row("Founded", plain(f"{when}; {who}" if who else when))
    grid.add_row("Works on", plain(brief(m.focus, 90)))
    length = [brief(v, 60) for v in (m.duration, m.frequency) if v]
    grid.add_row("Length", plain("; ".join([length[0], *map(lower_first, length[1:])]) if length else None))
    grid.add_row("Formats", plain(", ".join(m.formats) or None))
    by_condition: dict[str, list[r.RatedClaim]] = {}
    for claim in m.evidence:
        by_condition.setdefault(claim.condition, []).append(claim)
    ranked = sorted(
        by_condition.values(),
        key=lambda cs: (min(LEVEL_ORDER.index(c.level) for c in cs), cs[0].condition_name.casefold()),
    )
    lines = []
    for claims in ranked[:GLANCE_CONDITIONS]:
        lines.append(f"{claims[0].condition_name}: {rated_by(claims)}")
    if len(ranked) > GLANCE_CONDITIONS:
        lines.append(f"and {len(ranked) - GLANCE_CONDITIONS} more conditions (Evidence, below)")
    grid.add_row("Evidence", plain("\n".join(lines) if lines else "no rating recorded here"))
    cautions = [brief(c, 100) for c in m.cautions[:3]]
    grid.add_row("Cautions", bullets(cautions) if cautions else plain(None))
    return section("At a glance", grid)


def modality_detail(m: r.ModalityDetail, console: Console) -> RenderableType:
    founded = m.founding_phrase
    people = names(m.founders, m.linked.theorists) or MISSING
    return Group(
        title(console, m.name, f"{m.family_name} · {founded}", m.aliases, m.summary, m.id),
        _glance(m),
        section("Overview", plain(m.overview)),
        section("History and founders", Group(_line("Founders", people), plain(m.history))),
        section("Key theorists", plain(names(m.theorists, m.linked.theorists))),
        section("Theories", plain(names(m.theories, m.linked.theories))),
        section("Techniques", plain(names(m.techniques, m.linked.techniques))),
        section(
            "In practice",
            labelled(
                [
                    ("Focus", m.focus),
                    ("Time orientation", ", ".join(m.time_orientation) or None),
                    ("Structure", m.structure),
                    ("Therapist's role", m.therapist_role),
                    ("A session", m.session),
                    ("Typical length", m.duration),
                    ("Frequency", m.frequency),
                    ("Formats", ", ".join(m.formats) or None),
                ]
            ),
        ),
        section("Goals", bullets(m.goals)),
        section("Evidence", _evidence(m.evidence)),
        section("Cautions and controversies", bullets(m.cautions)),
        *([section("Common misconceptions", _misconceptions(m.misconceptions))] if m.misconceptions else []),
        section(
            "Related",
            labelled(
                [
                    ("Grew out of", names(m.influenced_by, m.linked.modalities) or None),
                    ("Related", names(m.related, m.linked.modalities) or None),
                ]
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
