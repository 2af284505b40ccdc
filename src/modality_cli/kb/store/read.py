"""Reading a knowledge base back from its database: entries decoded from their
JSON only when a command reads them, name keys looked up in the database."""

from __future__ import annotations

import datetime as _dt
import functools
import json
import sqlite3
from collections.abc import Callable, ItemsView, Iterator, Mapping, ValuesView
from typing import Any, Generic, TypeVar

from modality_cli import models
from modality_cli.core.errors import DataError
from modality_cli.core.plain import build
from modality_cli.kb.knowledge import KnowledgeBase, NameIndex
from modality_cli.kb.store.schema import KINDS, NAMED

T = TypeVar("T")


def restore(connection: sqlite3.Connection, origin: str) -> KnowledgeBase:
    """The knowledge base in a database (opened with :func:`~modality_cli.kb.store.connect.opened`)."""
    entries: dict[str, Mapping[str, Any]] = {
        kind: Rows(connection, kind, _RESTORE[kind], origin) for kind in KINDS
    }
    indexes = {
        kind: NameIndex(
            kind,
            entries[kind],
            functools.partial(_names, connection, kind, origin),
            functools.partial(_keys, connection, kind, origin),
        )
        for kind in NAMED
    }
    return KnowledgeBase.restored(origin, entries, indexes, connection)


def _damaged(origin: str) -> DataError:
    return DataError(origin, ["its saved database is damaged; delete it to rebuild it"])


def _names(connection: sqlite3.Connection, kind: str, origin: str) -> NameTable:
    return NameTable(connection, kind, origin)


class NameTable(Mapping[str, str]):
    """One kind's display names by id, each looked up when asked for (a view that
    names a few linked entries reads a few rows, not the whole table)."""

    def __init__(self, connection: sqlite3.Connection, kind: str, origin: str) -> None:
        self._connection = connection
        self._kind = kind
        self._origin = origin
        self._names: dict[str, str] = {}

    def _query(self, sql: str, *args: Any) -> list[Any]:
        try:
            return self._connection.execute(sql, args).fetchall()
        except sqlite3.Error:
            raise _damaged(self._origin) from None

    def __getitem__(self, entry_id: str) -> str:
        name = self._names.get(entry_id)
        if name is None:
            rows = self._query(f"SELECT name FROM {self._kind} WHERE id = ?", entry_id)
            if not rows:
                raise KeyError(entry_id)
            name = self._names[entry_id] = rows[0][0]
        return name

    def __iter__(self) -> Iterator[str]:
        return iter(row[0] for row in self._query(f"SELECT id FROM {self._kind} ORDER BY position"))

    def __len__(self) -> int:
        return int(self._query(f"SELECT count(*) FROM {self._kind}")[0][0])


def _keys(connection: sqlite3.Connection, kind: str, origin: str) -> tuple[KeyTable, KeyTable]:
    return KeyTable(connection, kind, 0, origin), KeyTable(connection, kind, 1, origin)


class KeyTable(Mapping[str, list[str]]):
    """One kind's exact (or derived) name keys, looked up in the database rather
    than read whole: a look-up costs the same at 100 entries and at 100,000."""

    def __init__(self, connection: sqlite3.Connection, kind: str, derived: int, origin: str) -> None:
        self._connection = connection
        self._where = (kind, derived)
        self._origin = origin

    def _query(self, sql: str, *args: Any) -> list[Any]:
        try:
            return self._connection.execute(sql, (*self._where, *args)).fetchall()
        except sqlite3.Error:
            raise _damaged(self._origin) from None

    def __getitem__(self, key: str) -> list[str]:
        ids: list[str] | None = self.get(key)
        if ids is None:
            raise KeyError(key)
        return ids

    def get(self, key: str, default: Any = None) -> Any:
        rows = self._query(
            "SELECT id FROM name_keys WHERE kind = ? AND derived = ? AND key = ? ORDER BY rowid", key
        )
        return [row[0] for row in rows] or default

    def starting(self, prefix: str) -> list[str]:
        """Ids of entries with a key that starts with ``prefix``, in key order."""
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = self._query(
            "SELECT id FROM name_keys WHERE kind = ? AND derived = ? AND key >= ? AND key < ? "
            "ORDER BY key, rowid",
            prefix,
            end,
        )
        return list(dict.fromkeys(row[0] for row in rows))

    @functools.cached_property
    def _all(self) -> dict[str, list[str]]:
        """Every key, read once (suggestions scan them all, twice)."""
        table: dict[str, list[str]] = {}
        for key, entry_id in self._query(
            "SELECT key, id FROM name_keys WHERE kind = ? AND derived = ? ORDER BY rowid"
        ):
            table.setdefault(key, []).append(entry_id)
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def items(self) -> ItemsView[str, list[str]]:
        return self._all.items()


class Rows(Mapping[str, T], Generic[T]):
    """One kind's entries by id, each decoded from its JSON when first read."""

    def __init__(
        self, connection: sqlite3.Connection, kind: str, restore: Callable[[dict[str, Any]], T], origin: str
    ) -> None:
        self._connection = connection
        self._kind = kind
        self._restore = restore
        self._origin = origin
        self._entries: dict[str, T] = {}
        self._complete = False

    def _query(self, sql: str, *args: Any) -> list[Any]:
        try:
            return self._connection.execute(sql, args).fetchall()
        except sqlite3.Error:
            raise _damaged(self._origin) from None

    def _decode(self, text: str) -> T:
        try:
            return self._restore(json.loads(text))
        except (ValueError, TypeError, KeyError, RecursionError):
            raise _damaged(self._origin) from None

    @functools.cached_property
    def _ids(self) -> list[str]:
        return [row[0] for row in self._query(f"SELECT id FROM {self._kind} ORDER BY position")]

    def __getitem__(self, entry_id: str) -> T:
        entry = self._entries.get(entry_id)
        if entry is None:
            rows = self._query(f"SELECT json FROM {self._kind} WHERE id = ?", entry_id)
            if not rows:
                raise KeyError(entry_id)
            entry = self._entries[entry_id] = self._decode(rows[0][0])
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, entry_id: object) -> bool:
        if entry_id in self._entries:
            return True
        return bool(self._query(f"SELECT 1 FROM {self._kind} WHERE id = ?", entry_id))

    def values(self) -> ValuesView[T]:
        self._read_all()
        return self._entries.values()

    def items(self) -> ItemsView[str, T]:
        self._read_all()
        return self._entries.items()

    def _read_all(self) -> None:
        """Decode every entry in one pass, keeping those read already, in file order."""
        if self._complete:
            return
        read = self._entries
        self._entries = {
            entry_id: read[entry_id] if entry_id in read else self._decode(text)
            for entry_id, text in self._query(f"SELECT id, json FROM {self._kind} ORDER BY position")
        }
        self._complete = True


# -- from plain data back to models ---------------------------------------------
def _date(value: str | None) -> _dt.date | None:
    return None if value is None else _dt.date.fromisoformat(value)


def _entry(model: type[T], data: dict[str, Any]) -> T:
    data["misconceptions"] = [build(models.Misconception, m) for m in data["misconceptions"]]
    data["checked"] = _date(data["checked"])
    return build(model, data)  # type: ignore[type-var]


def _modality(data: dict[str, Any]) -> models.Modality:
    data["evidence"] = [build(models.EvidenceClaim, c) for c in data["evidence"]]
    return _entry(models.Modality, data)


def _source(data: dict[str, Any]) -> models.Source:
    data["accessed"] = _date(data["accessed"])
    return build(models.Source, data)


_RESTORE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "modalities": _modality,
    "theories": lambda data: _entry(models.Theory, data),
    "theorists": lambda data: _entry(models.Theorist, data),
    "techniques": lambda data: _entry(models.Technique, data),
    "conditions": lambda data: _entry(models.Condition, data),
    "sources": _source,
}
