"""``search``: ranked hits across every kind of entry.

Each entry's text is first checked with a cheap containment test on its
lower-cased text; only entries that pass are split into words and scored, so
a search stays fast on large knowledge bases."""

from __future__ import annotations

import re

from modality_cli import searchable
from modality_cli.integrity import COMMANDS, SINGULAR
from modality_cli.knowledge import KnowledgeBase
from modality_cli.models import Entry
from modality_cli.results import SearchHit, SearchResults
from modality_cli.text import fold_text, name_key, words

KINDS = ("modalities", "conditions", "theories", "theorists", "techniques")
EXACT_NAME_BONUS = 100.0
STEM = 4  # letters of a query word that the quick containment test looks for
PREFIX = 3  # a query word this long also matches the start of a longer word


def _word_start(term: str, stem: str) -> re.Pattern[str]:
    """The stem at the start of a word of the folded text (words are split at
    anything but letters and digits, as :func:`~modality_cli.text.words` splits
    them); a term too short to match as a prefix must be a whole word. A second,
    sharper test than containment, so fewer entries are read and scored."""
    whole = r"(?![^\W_])" if len(term) < PREFIX else ""
    return re.compile(r"(?<![^\W_])" + re.escape(stem) + whole)


def _matches(query_word: str, vocabulary: set[str]) -> bool:
    if query_word in vocabulary:
        return True
    return len(query_word) >= PREFIX and any(w.startswith(query_word) for w in vocabulary)


def search(kb: KnowledgeBase, query: str, limit: int | None = 20) -> SearchResults:
    terms = list(dict.fromkeys(words(query)))
    stems = [fold_text(t)[:STEM] for t in terms]
    starts = [_word_start(t, stem) for t, stem in zip(terms, stems, strict=True)]
    key = name_key(query)
    hits: list[SearchHit] = []
    if terms:
        for kind in KINDS:
            singular = SINGULAR[kind]
            for entry_id, blob in kb.searchable(kind):
                if not all(stem in blob for stem in stems):
                    continue
                if not all(start.search(blob) for start in starts):
                    continue
                entry = kb.entries(kind)[entry_id]
                hit = _score(entry, searchable.fields(entry), terms, key)
                if hit is not None:
                    score, matched = hit
                    hits.append(
                        SearchHit(
                            kind=singular,
                            id=entry.id,
                            name=entry.name,
                            aliases=entry.aliases,
                            summary=entry.summary,
                            score=round(score, 2),
                            matched=matched,
                            command=f"modality {COMMANDS[kind]} {entry.id}",
                            sources=entry.sources,
                        )
                    )
    order = [SINGULAR[kind] for kind in KINDS]
    hits.sort(key=lambda h: (-h.score, order.index(h.kind), h.name.casefold()))
    if limit:
        hits = hits[:limit]
    return SearchResults(query=query, hits=hits)


def _score(entry: Entry, fields: list[str], terms: list[str], key: str) -> tuple[float, list[str]] | None:
    vocab = {f: {w for t in searchable.texts(entry, f) for w in words(t)} for f in fields}
    score = 0.0
    matched: list[str] = []
    for term in terms:
        found = [f for f in fields if _matches(term, vocab[f])]
        if not found:
            return None  # every word of the query must match somewhere
        score += max(searchable.WEIGHTS[f] for f in found)
        matched += [f for f in found if f not in matched]
    if key in {name_key(n) for n in (entry.id, entry.name, *entry.aliases)}:
        score += EXACT_NAME_BONUS
    return score, matched
