"""Full-text search: the text each entry gives the index, column by column, and
the query that reads it.

The index is SQLite's FTS5 with the ``porter`` and ``unicode61
remove_diacritics`` tokenizers, so word forms meet (memory, memories) and
accents fold; hits are ranked by bm25 with a weight per column
(:data:`~modality_cli.kb.store.schema.SEARCH_COLUMNS`). What people type is never
passed to FTS5 as syntax: every word is quoted, so a query cannot fail to parse.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from modality_cli.core.text import words
from modality_cli.kb.store.schema import NAMED, SEARCH_COLUMNS, SEARCH_ROW_BASE, SEARCH_ROW_SPAN

if TYPE_CHECKING:
    from modality_cli.kb.knowledge import KnowledgeBase
    from modality_cli.models import Entry

#: Marks around a matched word in a snippet (private-use characters, never markup).
MARK_START = "\ue000"
MARK_END = "\ue001"
#: Words of a snippet around the match.
SNIPPET_WORDS = 14

#: The columns a snippet is taken from, most telling first.
SNIPPET_ORDER = (
    *("summary", "text", "focus", "concepts", "history", "misconceptions"),
    *("conditions", "name", "aliases", "codes"),
)

_FIELDS: dict[str, tuple[str, ...]] = {
    "codes": ("icd11", "icd11_title"),
    "summary": ("summary",),
    "concepts": ("key_concepts", "contributions"),
    "focus": ("focus",),
    "text": ("overview", "description", "therapist_role", "session", "goals", "cautions"),
    "history": ("history",),
}


def columns(kb: KnowledgeBase, kind: str, entry: Entry) -> list[str]:
    """The entry's text for each search column, in the order of the columns."""
    values: dict[str, str] = {
        "name": entry.name,
        "aliases": " ; ".join([*entry.aliases, entry.id.replace("-", " ")]),
        "misconceptions": " ; ".join(f"{m.claim} {m.correction}" for m in entry.misconceptions),
    }
    for column, names in _FIELDS.items():
        values[column] = " ; ".join(_texts(entry, names))
    if kind == "modalities":
        rated = dict.fromkeys(claim.condition for claim in entry.__dict__.get("evidence", []))
        values["conditions"] = " ; ".join(
            text for c in rated for text in (kb.conditions[c].name, *kb.conditions[c].aliases)
        )
    return [_with_joined(values.get(column, "")) for column in SEARCH_COLUMNS]


_APOSTROPHE_WORD = re.compile(r"\w+(?:['\u2019\u2018`]\w+)+")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")


def _with_joined(text: str) -> str:
    """The text, then each word with an apostrophe written as one word
    ("D'Zurilla" also as "DZurilla"), as people type it and as
    :func:`~modality_cli.core.text.words` reads it (the tokenizer splits at the
    apostrophe)."""
    if "'" not in text and "\u2019" not in text and "\u2018" not in text and "`" not in text:
        return text
    joined = dict.fromkeys(_APOSTROPHES.sub("", w) for w in _APOSTROPHE_WORD.findall(text))
    return f"{text} ; {' '.join(joined)}" if joined else text


def _texts(entry: Entry, names: Iterable[str]) -> Iterator[str]:
    fields = entry.__dict__  # the model's values (getattr of a missing field is slow in Pydantic)
    for name in names:
        value = fields.get(name)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))


# -- the query -------------------------------------------------------------------
#: Words that say what kind of question it is, not what it is about: dropped
#: from a query unless nothing else is left.
QUESTION_WORDS = frozenset(
    [
        "what",
        "which",
        "who",
        "whom",
        "how",
        "why",
        "when",
        "where",
        "is",
        "are",
        "was",
        "were",
        "be",
        "does",
        "do",
        "did",
        "can",
        "could",
        "should",
        "would",
        "will",
        "help",
        "helps",
        "helped",
        "helping",
        "helpful",
        "good",
        "best",
        "better",
        "work",
        "works",
        "treat",
        "treats",
        "treating",
        "treatment",
        "treatments",
        "therapy",
        "therapies",
        "for",
        "with",
        "my",
        "me",
        "i",
        "has",
        "have",
        "had",
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "and",
        "or",
        "about",
        "against",
        "people",
        "someone",
    ]
)
_TOKENS = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    """One thing a query asks for: a word (with its spellings), a prefix or a phrase."""

    text: str
    expression: str


def terms(query: str) -> list[Term]:
    """The query's terms: each quoted phrase, each word ending in ``*`` as a
    prefix, each other word with its British and American spellings; question
    words ("what helps with", "best therapy for") dropped where others remain."""
    found: list[Term] = []
    for phrase, bare in _TOKENS.findall(query):
        if phrase:
            parts = words(phrase)
            if parts:
                found.append(Term(phrase.strip(), _quoted(" ".join(parts))))
            continue
        prefix = bare.endswith("*")
        parts = words(bare)
        if not parts:
            continue
        if prefix:
            found.append(Term(bare, _quoted(" ".join(parts)) + "*"))
        elif len(parts) == 1:
            found.append(Term(bare, " OR ".join(_quoted(v) for v in spellings(parts[0]))))
        else:  # "CBT-I", "post-traumatic": its parts, in order
            found.append(Term(bare, _quoted(" ".join(parts))))
    # "for*" (the word the browser's filter is still typing) is a question word too
    informative = [t for t in found if t.text.casefold().strip("?!.,;:*") not in QUESTION_WORDS]
    unique = {t.expression: t for t in (informative or found)}
    return list(unique.values())


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


_BRITISH = (
    (re.compile(r"ior"), "iour"),
    (re.compile(r"iz(ation|ations|e|ed|es|ing|er|ers)$"), r"is\1"),
    (re.compile(r"el(ing|ed|or|ors)$"), r"ell\1"),
    (re.compile(r"^ped"), "paed"),
    (re.compile(r"er$"), "re"),
    (re.compile(r"ers$"), "res"),
    (re.compile(r"ered$"), "red"),
    (re.compile(r"or$"), "our"),
    (re.compile(r"se$"), "ce"),
    (re.compile(r"ses$"), "ces"),
    (re.compile(r"g$"), "gue"),
    (re.compile(r"gs$"), "gues"),
    (re.compile(r"ram$"), "ramme"),
    (re.compile(r"rams$"), "rammes"),
)


def spellings(word: str) -> list[str]:
    """A folded word and the British spellings it may stand for (the index
    holds the text as written; :func:`~modality_cli.core.text.words` folds British
    spellings to American ones). A spelling that is not a word matches nothing."""
    found = [word]
    for pattern, british in _BRITISH:
        other = pattern.sub(british, word)
        if other != word and other not in found:
            found.append(other)
    return found


#: Among equally good matches, therapies and conditions (what people mostly look
#: for) come before theories, techniques and people.
KIND_WEIGHTS = {"modalities": 1.0, "conditions": 1.0, "theories": 0.85, "techniques": 0.85, "theorists": 0.75}


@dataclass(frozen=True)
class Found:
    #: The entry's row in the index.
    rowid: int
    kind: str
    id: str
    #: How many of the query's terms the entry matches.
    matched_terms: int
    #: bm25 (lower is better).
    rank: float


def find(
    connection: sqlite3.Connection, found_terms: list[Term], kinds: Iterable[str], limit: int | None = None
) -> tuple[list[Found], int]:
    """Entries of these kinds that match at least one term, those that match more
    terms first, then by weighted bm25: the first ``limit`` (all if None), and how
    many match in all. The ranking runs inside SQLite, on rows alone (an entry's
    kind is read from its row number, see
    :data:`~modality_cli.kb.store.schema.SEARCH_ROW_BASE`), so only the hits shown
    are read in full."""
    if not found_terms:
        return [], 0
    chosen = [k for k in NAMED if k in set(kinds)]
    anything = _anything(found_terms)
    span = SEARCH_ROW_SPAN
    of_kinds = (
        ""
        if len(chosen) == len(NAMED)
        else (
            " AND ("
            + " OR ".join(
                f"rowid BETWEEN {SEARCH_ROW_BASE[k]} AND {SEARCH_ROW_BASE[k] + span - 1}" for k in chosen
            )
            + ")"
        )
    )
    (total,) = connection.execute(
        f"SELECT count(*) FROM search WHERE search MATCH ?{of_kinds}", [anything]
    ).fetchone()
    if not total:
        return [], 0
    weights = ", ".join(str(w) for w in SEARCH_COLUMNS.values())
    # how many terms each entry matches; a term that matches nothing adds nothing,
    # and with one term left every match matches it
    live = [
        t
        for t in found_terms
        if connection.execute("SELECT 1 FROM search WHERE search MATCH ? LIMIT 1", [t.expression]).fetchone()
    ]
    per_term = (
        " + ".join("(rowid IN (SELECT rowid FROM search WHERE search MATCH ?))" for _ in live)
        if len(live) > 1
        else "1"
    )
    kind_weight = " ".join(
        f"WHEN rowid < {SEARCH_ROW_BASE[k] + span} THEN {KIND_WEIGHTS.get(k, 1.0)}" for k in NAMED
    )
    ranked = (
        f"SELECT rowid, {per_term} AS terms, "
        f"bm25(search, 0, 0, {weights}) * CASE {kind_weight} ELSE 1 END AS score "
        f"FROM search WHERE search MATCH ?{of_kinds} ORDER BY terms DESC, score"
        + (" LIMIT ?" if limit else "")
    )
    term_args = [t.expression for t in live] if len(live) > 1 else []
    order = connection.execute(ranked, [*term_args, anything, *([limit] if limit else [])]).fetchall()
    # then the kind and id of just those rows (a join would cost more than the ranking)
    names: dict[int, tuple[str, str]] = {}
    for start in range(0, len(order), 500):
        chunk = [row[0] for row in order[start : start + 500]]
        names.update(
            (rowid, (kind, entry_id))
            for rowid, kind, entry_id in connection.execute(
                f"SELECT rowid, kind, id FROM search WHERE rowid IN ({', '.join('?' * len(chunk))})", chunk
            )
        )
    hits = [Found(rowid, *names[rowid], terms, score) for rowid, terms, score in order]
    return hits, total


def matches(connection: sqlite3.Connection, found_terms: list[Term], rowid: int) -> bool:
    """Whether one entry (by its row in the index) matches any of the terms."""
    if not found_terms:
        return False
    row = connection.execute(
        "SELECT 1 FROM search WHERE search MATCH ? AND rowid = ?", (_anything(found_terms), rowid)
    ).fetchone()
    return row is not None


def _anything(found_terms: list[Term]) -> str:
    return " OR ".join(f"({t.expression})" for t in found_terms)


def explain(
    connection: sqlite3.Connection, found_terms: list[Term], rowids: list[int]
) -> dict[int, tuple[list[str], str]]:
    """For each entry (by its row in the index): which columns the query matched,
    and a short snippet of the most telling one with each match between
    :data:`MARK_START` and :data:`MARK_END`. A few queries for all the entries."""
    if not rowids or not found_terms:
        return {rowid: ([], "") for rowid in rowids}
    anything = _anything(found_terms)
    marks = ", ".join("?" * len(rowids))
    matched: dict[int, list[str]] = {rowid: [] for rowid in rowids}
    for column in SEARCH_COLUMNS:
        for (rowid,) in connection.execute(
            f"SELECT rowid FROM search WHERE search MATCH ? AND rowid IN ({marks})",
            [f"{column} : ({anything})", *rowids],
        ):
            matched[rowid].append(column)
    # the snippet from the most telling column that matched: prose over bare names;
    # an entry matched only by the conditions it is rated for gets none (the caller
    # says which conditions)
    chosen: dict[str, list[int]] = {}
    for rowid, columns in matched.items():
        telling = sorted(columns, key=SNIPPET_ORDER.index)
        # matched only by a name: the caller shows the summary, which says more
        # than a list of the entry's other names
        if telling and telling[0] not in ("conditions", "aliases", "codes"):
            chosen.setdefault(telling[0], []).append(rowid)
    snippets: dict[int, str] = {}
    names = list(SEARCH_COLUMNS)
    for column, ids in chosen.items():
        rows = connection.execute(
            f"SELECT rowid, snippet(search, {names.index(column) + 2}, ?, ?, '…', {SNIPPET_WORDS}) "
            f"FROM search WHERE search MATCH ? AND rowid IN ({', '.join('?' * len(ids))})",
            [MARK_START, MARK_END, anything, *ids],
        )
        snippets.update(rows)
    return {rowid: (matched[rowid], snippets.get(rowid, "")) for rowid in rowids}


def row_of(connection: sqlite3.Connection, kind: str, entry_id: str) -> int | None:
    """The entry's row in the index."""
    if kind not in NAMED:
        return None
    row = connection.execute(f"SELECT position FROM {kind} WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else SEARCH_ROW_BASE[kind] + int(row[0])


def named(connection: sqlite3.Connection, key: str, kinds: Iterable[str]) -> set[tuple[str, str]]:
    """(kind, id) of the entries whose id, name or an alias has exactly this name
    key; failing those, the one entry of a kind a derived key names ("psychodynamic"
    for psychodynamic therapy, "Kohut" for Heinz Kohut)."""
    chosen = list(kinds)
    marks = ", ".join("?" * len(chosen))
    exact = connection.execute(
        f"SELECT kind, id FROM name_keys WHERE derived = 0 AND key = ? AND kind IN ({marks})", [key, *chosen]
    ).fetchall()
    if exact:
        return {(kind, entry_id) for kind, entry_id in exact}
    derived: dict[str, set[str]] = {}
    for kind, entry_id in connection.execute(
        f"SELECT kind, id FROM name_keys WHERE derived = 1 AND key = ? AND kind IN ({marks})", [key, *chosen]
    ):
        derived.setdefault(kind, set()).add(entry_id)
    return {(kind, next(iter(ids))) for kind, ids in derived.items() if len(ids) == 1}
