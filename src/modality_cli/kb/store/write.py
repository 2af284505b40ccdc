"""Writing a validated, linked knowledge base to a SQLite database.

The same database serves three uses: the bundled knowledge base's (built
when the wheel is built), a user's own files' (kept in the cache directory),
and ``modality export --sqlite``. A file is written atomically: a private
temporary file in the same directory, renamed over the target when complete.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from modality_cli import __version__
from modality_cli.core.plain import plain
from modality_cli.core.text import name_key
from modality_cli.kb.integrity import REFERENCES
from modality_cli.kb.knowledge import KnowledgeBase, derived_keys
from modality_cli.kb.store import cache, fts
from modality_cli.kb.store.schema import (
    FORMAT,
    INDEXES,
    KINDS,
    NAMED,
    SEARCH_COLUMNS,
    SEARCH_ROW_BASE,
    statements,
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def populate(connection: sqlite3.Connection, kb: KnowledgeBase, meta: dict[str, str]) -> None:
    """Create the schema in an empty database and fill it from ``kb``."""
    with connection:
        for statement in statements():
            connection.execute(statement)
        info = {"format": str(FORMAT), "version": __version__, "origin": kb.origin, **meta}
        connection.executemany("INSERT INTO meta VALUES (?, ?)", info.items())
        for kind in KINDS:
            connection.executemany(
                f"INSERT INTO {kind} VALUES ({', '.join('?' * _width(kind))})", _rows(kb, kind)
            )
        connection.executemany(f"INSERT INTO evidence VALUES ({', '.join('?' * 15)})", _claims(kb))
        for kind in NAMED:
            entries = kb.entries(kind).values()
            connection.executemany(
                "INSERT INTO aliases VALUES (?, ?, ?, ?)",
                ((kind, e.id, i, alias) for e in entries for i, alias in enumerate(e.aliases)),
            )
            connection.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?)", _links(kind, entries))
            connection.executemany("INSERT INTO name_keys VALUES (?, ?, ?, ?)", _keys(kind, entries))
            columns = ", ".join(["rowid", "kind", "id", *SEARCH_COLUMNS])
            base = SEARCH_ROW_BASE[kind]
            connection.executemany(
                f"INSERT INTO search ({columns}) VALUES ({', '.join('?' * (3 + len(SEARCH_COLUMNS)))})",
                ((base + i, kind, e.id, *fts.columns(kb, kind, e)) for i, e in enumerate(entries)),
            )
        for statement in INDEXES:
            connection.execute(statement)


_WIDTHS = {"modalities": 9, "theories": 6, "theorists": 7, "techniques": 5, "conditions": 7, "sources": 9}


def _width(kind: str) -> int:
    return _WIDTHS[kind]


def _rows(kb: KnowledgeBase, kind: str) -> Iterator[tuple[Any, ...]]:
    for position, entry in enumerate(kb.entries(kind).values()):
        data = plain(entry)
        text = _json(data)
        if kind == "sources":
            yield (entry.id, position, data["kind"], data["year"], data["title"], data["venue"],
                   data["url"], data["doi"], text)  # fmt: skip
            continue
        common = (entry.id, position, entry.name, entry.summary)
        if kind == "modalities":
            yield (*common, data["family"], data["founded"], data["period"], data["structure"], text)
        elif kind == "theories":
            yield (*common, data["year"], text)
        elif kind == "theorists":
            yield (*common, data["born"], data["died"], text)
        elif kind == "conditions":
            yield (*common, data["icd11"], data["group"], text)
        else:
            yield (*common, text)


def _claims(kb: KnowledgeBase) -> Iterator[tuple[Any, ...]]:
    for m in kb.modalities.values():
        for position, c in enumerate(m.evidence):
            yield (m.id, c.condition, position, c.population, c.qualifier, c.system, c.grade, c.level,
                   c.guideline, c.recommendation, c.year, c.trials, c.participants, c.summary,
                   _json(c.sources))  # fmt: skip


def _links(kind: str, entries: Any) -> Iterator[tuple[str, str, str, int, str, str]]:
    for entry in entries:
        for field, target_kind in REFERENCES[kind].items():
            for position, target in enumerate(getattr(entry, field)):
                yield kind, entry.id, field, position, target_kind, target


def _keys(kind: str, entries: Any) -> Iterator[tuple[str, str, str, int]]:
    for entry in entries:
        seen: set[tuple[str, int]] = set()
        for derived, texts in ((0, (entry.id, entry.name, *entry.aliases)), (1, None)):
            keys = [name_key(t) for t in texts] if texts is not None else list(derived_keys(kind, entry))
            for key in keys:
                if key and (key, derived) not in seen:
                    seen.add((key, derived))
                    yield kind, key, entry.id, derived


def in_memory(kb: KnowledgeBase) -> sqlite3.Connection:
    """A database of ``kb`` in memory (for a knowledge base that is not cached)."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    populate(connection, kb, {"key": "", "content": ""})
    return connection


def to_file(kb: KnowledgeBase, target: Path, meta: dict[str, str], private: bool = True) -> None:
    """Write ``kb``'s database to ``target`` atomically: a temporary file
    (created exclusively, mode 0600, never through a symlink) in the same
    directory, renamed over the target when complete; removed if anything fails
    or the run is interrupted. Not ``private``, the file ends with the mode an
    ordinary new file would have. Raises OSError (or sqlite3.Error) on failure."""
    with cache.replacing(target, private) as temporary:
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA page_size = 4096")
            connection.execute("PRAGMA temp_store = MEMORY")
            populate(connection, kb, meta)
            connection.execute("PRAGMA optimize")
        finally:
            connection.close()
