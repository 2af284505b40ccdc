"""``search``: ranked hits across every kind of entry."""

from __future__ import annotations

from collections.abc import Iterator

from modality_cli.knowledge import KnowledgeBase
from modality_cli.models import Entry
from modality_cli.results import SearchHit, SearchResults
from modality_cli.text import name_key, words

KIND_NAMES = {
    "modalities": "modality",
    "theories": "theory",
    "theorists": "theorist",
    "techniques": "technique",
}
# field -> weight; fields an entry lacks are skipped
WEIGHTS: dict[str, float] = {
    "name": 10.0,
    "aliases": 8.0,
    "summary": 3.0,
    "key_concepts": 2.0,
    "contributions": 2.0,
    "focus": 1.5,
    "goals": 1.0,
    "overview": 1.0,
    "description": 1.0,
    "history": 0.5,
    "session": 0.5,
    "misconceptions": 0.5,
}
EXACT_NAME_BONUS = 100.0


def _texts(entry: Entry, field: str) -> Iterator[str]:
    value = getattr(entry, field, None)
    if value is None:
        return
    if isinstance(value, str):
        yield value
    else:
        for item in value:
            if isinstance(item, str):
                yield item
            else:  # misconceptions
                yield item.claim
                yield item.correction


def _field_words(entry: Entry) -> dict[str, set[str]]:
    return {f: {w for t in _texts(entry, f) for w in words(t)} for f in WEIGHTS}


def _matches(query_word: str, vocabulary: set[str]) -> bool:
    if query_word in vocabulary:
        return True
    return len(query_word) >= 3 and any(w.startswith(query_word) for w in vocabulary)


def search(kb: KnowledgeBase, query: str, limit: int | None = 20) -> SearchResults:
    terms = list(dict.fromkeys(words(query)))
    key = name_key(query)
    hits: list[SearchHit] = []
    if terms:
        for kind, singular in KIND_NAMES.items():
            for entry in getattr(kb, kind).values():
                hit = _score(entry, terms, key)
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
                            sources=entry.sources,
                        )
                    )
    order = list(KIND_NAMES.values())
    hits.sort(key=lambda h: (-h.score, order.index(h.kind), h.name.casefold()))
    if limit:
        hits = hits[:limit]
    return SearchResults(query=query, hits=hits)


def _score(entry: Entry, terms: list[str], key: str) -> tuple[float, list[str]] | None:
    vocab = _field_words(entry)
    score = 0.0
    matched: list[str] = []
    for term in terms:
        fields = [f for f in WEIGHTS if _matches(term, vocab[f])]
        if not fields:
            return None  # every word of the query must match somewhere
        score += max(WEIGHTS[f] for f in fields)
        matched += [f for f in fields if f not in matched]
    if key in {name_key(n) for n in (entry.id, entry.name, *entry.aliases)}:
        score += EXACT_NAME_BONUS
    return score, matched
