"""Finding and opening a database, free of heavy imports (shell completion
opens one on every TAB)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from modality_cli.core.paths import bundled_path
from modality_cli.kb.store.schema import FORMAT, SUFFIX


def bundled_database() -> Path:
    """Where the wheel puts the bundled knowledge base's database."""
    return bundled_path().with_suffix(SUFFIX)


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection to the database file at ``path`` (which is not
    changed while it is open: databases are replaced, never edited)."""
    # a URI's own characters escaped (urllib.parse would cost its import on every run)
    text = str(path).replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    uri = f"file:{text}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def opened(path: Path, key: str) -> sqlite3.Connection | None:
    """The database at ``path`` if it is a sound one of this format and key; else None."""
    try:
        connection = connect(path)
    except sqlite3.Error:
        return None
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta WHERE key IN ('format', 'key')"))
        if meta.get("format") == str(FORMAT) and meta.get("key") == key:
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None
