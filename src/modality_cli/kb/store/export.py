"""``export --sqlite``: the whole knowledge base as a database of the store's
documented schema, for sqlite3, sqlite-utils or Datasette."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from modality_cli.core.errors import ModalityError
from modality_cli.core.text import escape_controls
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.store import write
from modality_cli.kb.store.connect import connect
from modality_cli.kb.store.schema import TABLES
from modality_cli.results import DatabaseExport


def export(kb: KnowledgeBase, target: Path) -> DatabaseExport:
    """Write ``kb`` to a new database at ``target`` (replacing a file there, atomically)."""
    shown = escape_controls(str(target))
    if target.is_dir():
        raise ModalityError(f"cannot write {shown}: it is a directory.", hint="Name a file, e.g. kb.db.")
    directory = target.parent if str(target.parent) else Path(".")
    try:
        write.to_file(kb, directory / target.name, {"key": "", "content": ""}, private=False)
        connection = connect(target)
        try:
            tables = {
                name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                for name in [*TABLES, "search"]
            }
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or error
        raise ModalityError(f"cannot write {shown}: {reason}.") from None
    return DatabaseExport(path=str(target), format="sqlite", tables=tables)
