"""Shell completion of names. Runs on every TAB press, so it reads ids, names
and aliases straight from the JSON file, without building the models."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from stat import S_ISREG
from typing import Any

from modality_cli.core.paths import BUNDLED, bundled_path
from modality_cli.core.text import escape_controls

Candidates = list[tuple[str, str]]


def _data_path() -> Path:
    paths = [p for p in os.environ.get("MODALITY_DATA", "").split(os.pathsep) if p]
    last = paths[-1] if paths else BUNDLED
    return bundled_path() if last == BUNDLED else Path(last)


def _entries(kind: str) -> list[dict[str, Any]]:
    try:
        path = _data_path()
        stat = path.stat()
        if not S_ISREG(stat.st_mode):  # a pipe or device: nothing to complete from, and never a wait
            return []
        return _reader(path, stat.st_size, stat.st_mtime_ns)(kind)
    except (OSError, ValueError, LookupError, TypeError):
        return []  # completion never fails loudly


Reader = Callable[[str], list[dict[str, Any]]]


@functools.lru_cache(maxsize=4)
def _reader(path: Path, size: int, mtime: int) -> Reader:
    """How to read each kind's names from this file, worked out once (one TAB may
    ask for two kinds): from its database in the store when there is one for
    these very bytes, else from the JSON."""
    raw = path.read_bytes()
    from_store = _from_store(path, raw)
    if from_store is not None:
        return from_store
    data = json.loads(raw)
    return lambda kind: [
        e
        for e in (data.get(kind, []) if isinstance(data, dict) else [])
        if isinstance(e, dict) and isinstance(e.get("id"), str)
    ]


def _from_store(path: Path, raw: bytes) -> Reader | None:
    """The names in the store's database of these bytes (the bundled one, or the
    cache's), which spares parsing the whole knowledge base on every TAB."""
    import sqlite3

    from modality_cli.kb.store import cache
    from modality_cli.kb.store.connect import bundled_database, opened
    from modality_cli.kb.store.keys import content_digest, key
    from modality_cli.kb.store.schema import SUFFIX

    store_key = key(content_digest([[raw]]))
    places = [bundled_database()] if path == bundled_path() else []
    folder = cache.directory()
    if folder is not None:
        places.append(folder / (store_key + SUFFIX))
    for place in places:
        if not cache.is_private(place, 1 << 40) and not (place == bundled_database() and place.is_file()):
            continue
        connection = opened(place, store_key)
        if connection is None:
            continue

        def read(kind: str, connection: sqlite3.Connection = connection) -> list[dict[str, Any]]:
            try:
                return _names_in(connection, kind)
            except sqlite3.Error:  # damaged inside: completion never fails loudly
                return []

        return read
    return None


def _names_in(connection: Any, kind: str) -> list[dict[str, Any]]:
    """Each entry's id, name and aliases, from the store's tables."""
    from modality_cli.kb.store.schema import NAMED

    if kind not in NAMED:
        return []
    aliases: dict[str, list[str]] = {}
    for entry_id, alias in connection.execute(
        "SELECT id, alias FROM aliases WHERE kind = ? ORDER BY id, position", (kind,)
    ):
        aliases.setdefault(entry_id, []).append(alias)
    rows = connection.execute(f"SELECT id, name FROM {kind} ORDER BY position")
    return [{"id": i, "name": n, "aliases": aliases.get(i, [])} for i, n in rows]


def _matches(kind: str, incomplete: str) -> Candidates:
    """One completion per entry: its id, an alias or its name (spaces as hyphens,
    which resolve the same), continuing exactly what was typed so far."""
    typed = incomplete.casefold()
    out: Candidates = []
    for entry in _entries(kind):
        label = str(entry.get("name", entry["id"]))
        texts = [entry["id"], *(str(a) for a in entry.get("aliases", [])), label]
        for text in texts:
            word = text.replace(" ", "-")
            if word.casefold().startswith(typed):
                rest = word[len(incomplete) :]
                value = incomplete + (rest.lower() if incomplete.islower() else rest)
                out.append((escape_controls(value), _as_written(label)))
                break
    return out


def _as_written(label: str) -> str:
    """A name shown as help beside a completion, printed as written: Typer reads
    that help as Rich markup for zsh, fish and PowerShell, so a "[" is escaped
    (Rich's own rule) and control characters are made visible."""
    return escape_controls(label).replace("[", "\\[")


def completer(kind: str) -> Callable[[str], Candidates]:
    def complete(incomplete: str) -> Candidates:
        return _matches(kind, incomplete)

    complete.__name__ = f"complete_{kind}"
    return complete


complete_modality = completer("modalities")
complete_theory = completer("theories")
complete_theorist = completer("theorists")
complete_technique = completer("techniques")
complete_condition = completer("conditions")


def complete_theory_or_modality(incomplete: str) -> Candidates:
    return _matches("theories", incomplete) + _matches("modalities", incomplete)


def complete_theorist_or_modality(incomplete: str) -> Candidates:
    return _matches("theorists", incomplete) + _matches("modalities", incomplete)


def complete_technique_or_modality(incomplete: str) -> Candidates:
    return _matches("techniques", incomplete) + _matches("modalities", incomplete)
