"""Shell completion of names. Runs on every TAB press, so it reads ids, names
and aliases straight from the JSON file, without building the models."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from modality_cli.paths import BUNDLED, bundled_path

Candidates = list[tuple[str, str]]


def _data_path() -> Path:
    paths = [p for p in os.environ.get("MODALITY_DATA", "").split(os.pathsep) if p]
    last = paths[-1] if paths else BUNDLED
    return bundled_path() if last == BUNDLED else Path(last)


def _entries(kind: str) -> list[dict[str, Any]]:
    try:
        path = _data_path()
        raw = path.read_bytes()
        if path == bundled_path():
            named = _from_snapshot(raw, kind)
            if named is not None:
                return named
        data = json.loads(raw)
        entries = data.get(kind, []) if isinstance(data, dict) else []
        return [e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]
    except (OSError, ValueError, LookupError, TypeError):
        return []  # completion never fails loudly


def _from_snapshot(raw: bytes, kind: str) -> list[dict[str, Any]] | None:
    """The names kept in the bundled snapshot, if it was made from these very bytes
    (reading them there spares parsing the whole knowledge base on every TAB)."""
    from modality_cli import snapfile

    snapshot = snapfile.mapped(snapfile.bundled_snapshot())
    decoded = None if snapshot is None else snapfile.decode(snapshot)
    if snapshot is None or decoded is None:
        return None
    header, start, table = decoded
    if header.get("content") != snapfile.content_digest([[raw]]):
        return None
    rows = snapfile.Blocks(snapshot, start, table).read(f"complete.{kind}")
    return [{"id": row[0], "name": row[1], "aliases": row[2:]} for row in rows]


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
                out.append((incomplete + (rest.lower() if incomplete.islower() else rest), label))
                break
    return out


def completer(kind: str) -> Callable[[str], Candidates]:
    def complete(incomplete: str) -> Candidates:
        return _matches(kind, incomplete)

    complete.__name__ = f"complete_{kind}"
    return complete


complete_modality = completer("modalities")
complete_theory = completer("theories")
complete_theorist = completer("theorists")
complete_technique = completer("techniques")


def complete_theory_or_modality(incomplete: str) -> Candidates:
    return _matches("theories", incomplete) + _matches("modalities", incomplete)


def complete_theorist_or_modality(incomplete: str) -> Candidates:
    return _matches("theorists", incomplete) + _matches("modalities", incomplete)


def complete_technique_or_modality(incomplete: str) -> Candidates:
    return _matches("techniques", incomplete) + _matches("modalities", incomplete)
