"""The database's schema: one table per kind of entry with plain columns for
the fields people filter on and the entry's whole JSON, the evidence claims
flattened, links and aliases as rows, the name keys resolution uses, and an
FTS5 index. Documented in the README ("The SQLite store"); stable within a
``FORMAT``.
"""

from __future__ import annotations

#: Bumped whenever the schema changes.
FORMAT = 1
#: The file name of a database, after its key.
SUFFIX = ".sqlite"

KINDS = ("modalities", "theories", "theorists", "techniques", "conditions", "sources")
NAMED = KINDS[:5]

#: Every kind's table starts with these; ``json`` is the entry as ``modality show
#: --json`` gives it (links already two-way), ``position`` its place in the file.
_COMMON = "id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, summary TEXT NOT NULL"

TABLES: dict[str, str] = {
    "meta": "key TEXT PRIMARY KEY, value TEXT NOT NULL",
    "modalities": (
        f"{_COMMON}, family TEXT NOT NULL, founded INTEGER, period TEXT, structure TEXT, json TEXT NOT NULL"
    ),
    "theories": f"{_COMMON}, year INTEGER, json TEXT NOT NULL",
    "theorists": f"{_COMMON}, born INTEGER, died INTEGER, json TEXT NOT NULL",
    "techniques": f"{_COMMON}, json TEXT NOT NULL",
    "conditions": f'{_COMMON}, icd11 TEXT, "group" TEXT NOT NULL, json TEXT NOT NULL',
    "sources": (
        "id TEXT PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL, year INTEGER, "
        "title TEXT NOT NULL, venue TEXT, url TEXT, doi TEXT, json TEXT NOT NULL"
    ),
    "evidence": (
        "modality TEXT NOT NULL REFERENCES modalities(id), "
        "condition TEXT NOT NULL REFERENCES conditions(id), position INTEGER NOT NULL, "
        "population TEXT NOT NULL, qualifier TEXT, system TEXT NOT NULL, grade TEXT NOT NULL, "
        "level TEXT NOT NULL, guideline TEXT, recommendation TEXT, year INTEGER, trials INTEGER, "
        "participants INTEGER, summary TEXT NOT NULL, sources TEXT NOT NULL"
    ),
    "aliases": "kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, alias TEXT NOT NULL",
    "links": (
        "kind TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, position INTEGER NOT NULL, "
        "target_kind TEXT NOT NULL, target TEXT NOT NULL"
    ),
    "name_keys": "kind TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL, derived INTEGER NOT NULL",
}

INDEXES = (
    "CREATE INDEX evidence_by_condition ON evidence(condition)",
    "CREATE INDEX evidence_by_modality ON evidence(modality)",
    "CREATE INDEX aliases_by_entry ON aliases(kind, id)",
    "CREATE INDEX links_by_entry ON links(kind, id)",
    "CREATE INDEX links_by_target ON links(target_kind, target)",
    "CREATE INDEX name_keys_by_key ON name_keys(kind, derived, key)",
)

#: The full-text index's columns after ``kind`` and ``id``, each with its bm25
#: weight: names far above summaries, summaries above long prose.
SEARCH_COLUMNS: dict[str, float] = {
    "name": 10.0,
    "aliases": 8.0,
    "codes": 6.0,  # an ICD-11 code and its title
    "summary": 3.0,
    "concepts": 2.0,  # a theory's key concepts, a theorist's contributions
    "conditions": 2.0,  # the names of the conditions a modality is rated for
    "focus": 1.5,
    "text": 1.0,  # overview, description, goals, session, cautions
    "history": 0.5,
    "misconceptions": 0.5,
}
TOKENIZER = "porter unicode61 remove_diacritics 2"
#: An entry's row in ``search`` is its kind's base plus its ``position``, so the
#: row of a known entry is found without scanning the index.
SEARCH_ROW_SPAN = 100_000_000
SEARCH_ROW_BASE = {kind: 1 + i * SEARCH_ROW_SPAN for i, kind in enumerate(NAMED)}


def statements() -> list[str]:
    """The statements that create the tables of an empty database of this schema
    (:data:`INDEXES` are created after the rows are in, which is quicker)."""
    made = [f"CREATE TABLE {name} ({columns})" for name, columns in TABLES.items()]
    columns = ", ".join(["kind UNINDEXED", "id UNINDEXED", *SEARCH_COLUMNS])
    made.append(f"CREATE VIRTUAL TABLE search USING fts5({columns}, tokenize='{TOKENIZER}')")
    return made
