"""``search``: ranked hits across every kind of entry, from the store's
full-text index (:mod:`modality_cli.kb.store.fts`).

Entries that match every term of the query come first, then those that match
fewer; within each, SQLite's bm25 with a weight per field decides. An entry
whose name or alias is exactly the query comes before all others."""

from __future__ import annotations

from modality_cli.core.errors import UsageError
from modality_cli.core.text import name_key
from modality_cli.kb.integrity import COMMANDS, SINGULAR
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.store import fts
from modality_cli.kb.store.load import database
from modality_cli.results import SearchHit, SearchResults

KINDS = ("modalities", "conditions", "theories", "theorists", "techniques")
KIND_NAMES = {SINGULAR[kind]: kind for kind in KINDS}
#: Added to the score of an entry whose name or alias is the query.
EXACT_NAME_BONUS = 100.0


def search(kb: KnowledgeBase, query: str, limit: int | None = 20, kind: str | None = None) -> SearchResults:
    """Hits for ``query`` (at most ``limit``; None or 0 for all), of one kind
    ("modality", "condition", ...) or of every kind."""
    if not query.strip():
        raise UsageError("search needs a word to look for.", "For example: modality search panic attacks")
    kinds = [KIND_NAMES[kind]] if kind else list(KINDS)
    connection = database(kb)
    found_terms = fts.terms(query)
    # the entry the query names outright: as typed, or without its question words
    keys = {name_key(query), name_key(" ".join(t.text for t in found_terms))} - {""}
    exact = {hit for key in keys for hit in fts.named(connection, key, kinds)}
    wanted = None if not limit else limit + len(exact)
    found, total = fts.find(connection, found_terms, kinds, wanted)
    order = {k: i for i, k in enumerate(KINDS)}
    if exact:  # the entry the query names outright, before everything else
        named = [h for h in found if (h.kind, h.id) in exact]
        missing = sorted(exact - {(h.kind, h.id) for h in named})
        rows = {(k, i): fts.row_of(connection, k, i) for k, i in missing}
        named += [
            fts.Found(row, k, i, len(found_terms), 0.0) for (k, i), row in rows.items() if row is not None
        ]
        total += sum(
            row is not None and not fts.matches(connection, found_terms, row) for row in rows.values()
        )
        named.sort(key=lambda h: order[h.kind])
        found = named + [h for h in found if (h.kind, h.id) not in exact]
    shown = found[:limit] if limit else found
    bonus = exact
    conditions_matched: set[str] | None = None
    explained = fts.explain(connection, found_terms, [hit.rowid for hit in shown])
    hits = []
    for hit in shown:
        kind_plural = hit.kind
        entry = kb.entries(kind_plural)[hit.id]
        matched, snippet = explained[hit.rowid]
        if not snippet and "conditions" in matched:  # matched only by what it is rated for
            if conditions_matched is None:
                conditions_matched = {h.id for h in fts.find(connection, found_terms, ["conditions"])[0]}
            rated = dict.fromkeys(c.condition for c in getattr(entry, "evidence", []))
            names = [kb.conditions[c].name for c in rated if c in conditions_matched]
            snippet = "Rated for " + ", ".join(names) if names else ""
        if not snippet:  # matched by a name alone: its summary says what it is
            snippet = entry.summary
        hits.append(
            SearchHit(
                kind=SINGULAR[hit.kind],
                id=entry.id,
                name=entry.name,
                aliases=entry.aliases,
                summary=entry.summary,
                score=round(
                    _score(hit, len(found_terms)) + EXACT_NAME_BONUS * ((hit.kind, hit.id) in bonus), 4
                ),
                matched=matched,
                matched_terms=hit.matched_terms,
                snippet=snippet.replace(fts.MARK_START, "").replace(fts.MARK_END, ""),
                highlights=_highlights(snippet),
                command=f"modality {COMMANDS[kind_plural]} {entry.id}",
                sources=entry.sources,
            )
        )
    return SearchResults(query=query, kind=kind, total=total, hits=hits)


def _score(hit: fts.Found, terms: int) -> float:
    """A score that grows with relevance: the share of terms matched, then bm25
    (which SQLite gives as a negative number, lower meaning better)."""
    share = hit.matched_terms / terms if terms else 0.0
    return round(100 * share + min(-hit.rank, 99.0) / 100, 4)


def _highlights(snippet: str) -> list[list[int]]:
    """[start, end) of each marked match in the snippet once the marks are removed."""
    spans: list[list[int]] = []
    position = 0
    start = 0
    for char in snippet:
        if char == fts.MARK_START:
            start = position
        elif char == fts.MARK_END:
            spans.append([start, position])
        else:
            position += 1
    return spans
