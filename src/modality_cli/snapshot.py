"""Snapshots: a knowledge base validated once, saved so later runs skip the work.

Validating a file (its shape with Pydantic, then references, names and
lineage) and linking it both ways costs far more than any query. A snapshot
keeps the result: every entry already linked, the name indexes and the search
texts, each entry on a line of its own so a command decodes only the entries
it reads.

A snapshot is found by its **key**, a BLAKE2b hash of the program version, the
snapshot format, the models' fields and the exact bytes of every file read
(in order). Change one byte of the data and the key changes, so a snapshot
can never stand in for data other than its own. A snapshot's own body carries
a checksum too; one that is truncated, corrupt or of another format is
ignored and the files are validated as if there were none.

Snapshots live in two places:

* next to the bundled knowledge base (``modalities.snapshot``), built with
  ``python -m modality_cli.snapshot`` and checked by the test suite, so the
  shipped data starts fast;
* in ``MODALITY_CACHE_DIR``, only when the user sets it: the program writes
  nothing unless asked, so caching other files is opt-in.

The format: line 1 is a header (format, key, checksum of the rest); line 2
the ids, display names and name keys of every kind; line 3 the folded search
texts; then one line per entry, modalities first, then theories, theorists,
techniques and sources, each kind in file order. Snapshots are JSON and
contain no code: a planted file can at worst hold other data.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import json
import os
from collections.abc import Callable, ItemsView, Iterator, Mapping, ValuesView
from pathlib import Path
from typing import Any, Generic, TypeVar

from modality_cli import __version__, models

try:  # BLAKE2 is built into CPython; hashlib would first load OpenSSL (~4 ms per run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b
from modality_cli.knowledge import KnowledgeBase, NameIndex, from_bytes
from modality_cli.paths import bundled_path
from modality_cli.plain import build, plain

#: Bumped whenever the layout below changes.
FORMAT = 1
KINDS = ("modalities", "theories", "theorists", "techniques", "sources")
NAMED = KINDS[:4]
#: Set to a directory to keep snapshots of knowledge-base files other than the bundled one.
CACHE_ENV = "MODALITY_CACHE_DIR"
SUFFIX = ".snapshot"

T = TypeVar("T")


def key(files: list[tuple[str, bytes]]) -> str:
    """The key of a knowledge base read from these bytes, by this program."""
    digest = blake2b(f"modality {__version__} snapshot {FORMAT}\n{_shape()}\n".encode(), digest_size=32)
    for _, raw in files:
        digest.update(len(raw).to_bytes(8, "big"))
        digest.update(raw)
    return digest.hexdigest()


def _checksum(body: bytes) -> str:
    return blake2b(body, digest_size=32).hexdigest()


def _shape() -> str:
    """The models' field names: a snapshot is only read by models of its shape."""
    shapes = (models.Modality, models.Theory, models.Theorist, models.Technique, models.Source)
    extra = (models.Misconception, models.EvidenceClaim)
    return ";".join(f"{m.__name__}:{','.join(m.__pydantic_fields__)}" for m in (*shapes, *extra))


def bundled_snapshot() -> Path:
    return bundled_path().with_suffix(SUFFIX)


# -- writing -------------------------------------------------------------------
def dumps(kb: KnowledgeBase, snapshot_key: str) -> bytes:
    """The snapshot of a validated knowledge base, as bytes (the same every time)."""
    tables = {
        "ids": {kind: list(kb.entries(kind)) for kind in KINDS},
        "names": {kind: kb.index(kind).names for kind in NAMED},
        "exact": {kind: kb.index(kind).exact for kind in NAMED},
        "derived": {kind: kb.index(kind).derived for kind in NAMED},
    }
    search = {kind: [blob for _, blob in kb.searchable(kind)] for kind in NAMED}
    lines = [_line(tables), _line(search)]
    lines += [_line(plain(entry)) for kind in KINDS for entry in kb.entries(kind).values()]
    body = b"\n".join(lines)
    header = {"format": FORMAT, "key": snapshot_key, "checksum": _checksum(body)}
    return _line(header) + b"\n" + body


def _line(value: Any) -> bytes:
    # json escapes newlines inside strings, so one value is one line
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def keep(kb: KnowledgeBase, snapshot_key: str) -> None:
    """Save a snapshot in the cache directory, if the user set one. A cache that
    cannot be written is skipped without a word: it only saves time."""
    directory = os.environ.get(CACHE_ENV)
    if not directory:
        return
    target = Path(directory) / (snapshot_key + SUFFIX)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(dumps(kb, snapshot_key))
        os.replace(temporary, target)  # readers see the whole file or none
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


# -- reading -------------------------------------------------------------------
def find(snapshot_key: str, origin: str, bundled: bool) -> KnowledgeBase | None:
    """The knowledge base from a snapshot with this key, if there is a sound one."""
    places = [bundled_snapshot()] if bundled else []
    directory = os.environ.get(CACHE_ENV)
    if directory:
        places.append(Path(directory) / (snapshot_key + SUFFIX))
    for place in places:
        try:
            raw = place.read_bytes()
        except OSError:
            continue
        kb = loads(raw, snapshot_key, origin)
        if kb is not None:
            return kb
    return None


def loads(raw: bytes, snapshot_key: str, origin: str) -> KnowledgeBase | None:
    """The knowledge base in a snapshot, or None if it is not the snapshot of
    ``snapshot_key`` or is damaged."""
    head, _, body = raw.partition(b"\n")
    try:
        header = json.loads(head)
        if header != {"format": FORMAT, "key": snapshot_key, "checksum": _checksum(body)}:
            return None
        lines = body.split(b"\n")
        tables = json.loads(lines[0])
        ids: dict[str, list[str]] = tables["ids"]
        if len(lines) != 2 + sum(len(ids[kind]) for kind in KINDS):
            return None
    except (ValueError, KeyError, TypeError):
        return None
    entries: dict[str, Mapping[str, Any]] = {}
    start = 2
    for kind in KINDS:
        end = start + len(ids[kind])
        entries[kind] = Restored(ids[kind], lines[start:end], _RESTORE[kind])
        start = end
    indexes = {
        kind: NameIndex(
            kind, entries[kind], tables["names"][kind], tables["exact"][kind], tables["derived"][kind]
        )
        for kind in NAMED
    }
    texts = _Once(lambda: json.loads(lines[1]))
    searchable: dict[str, Callable[[], list[str]]] = {
        kind: functools.partial(_kind_of, texts, kind) for kind in NAMED
    }
    return KnowledgeBase.restored(origin, entries, indexes, searchable)


def _kind_of(tables: Callable[[], dict[str, Any]], kind: str) -> Any:
    return tables()[kind]


class _Once:
    """A value computed on first use."""

    def __init__(self, compute: Callable[[], Any]) -> None:
        self._compute = compute
        self._value: Any = None
        self._done = False

    def __call__(self) -> Any:
        if not self._done:
            self._value = self._compute()
            self._done = True
        return self._value


class Restored(Mapping[str, T], Generic[T]):
    """Entries by id, each decoded from its snapshot line when first read."""

    def __init__(self, ids: list[str], lines: list[bytes], restore: Callable[[dict[str, Any]], T]) -> None:
        self._lines = dict(zip(ids, lines, strict=True))
        self._restore = restore
        self._entries: dict[str, T] = {}

    def __getitem__(self, entry_id: str) -> T:
        entry = self._entries.get(entry_id)
        if entry is None:
            entry = self._entries[entry_id] = self._restore(json.loads(self._lines[entry_id]))
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._lines

    def values(self) -> ValuesView[T]:
        self._read_all()
        return self._entries.values()

    def items(self) -> ItemsView[str, T]:
        self._read_all()
        return self._entries.items()

    def _read_all(self) -> None:
        """Decode every entry not read yet in one pass (much faster than one by one)."""
        missing = [i for i in self._lines if i not in self._entries]
        if not missing:
            return
        decoded = json.loads(b"[" + b",".join(self._lines[i] for i in missing) + b"]")
        for entry_id, data in zip(missing, decoded, strict=True):
            self._entries[entry_id] = self._restore(data)
        self._entries = {i: self._entries[i] for i in self._lines}  # file order


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
    "sources": _source,
}


def main() -> None:
    """Write the bundled knowledge base's snapshot (run after editing the data)."""
    source = bundled_path()
    files = [(str(source), source.read_bytes())]
    kb = from_bytes(files, str(source))
    target = bundled_snapshot()
    target.write_bytes(dumps(kb, key(files)))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
