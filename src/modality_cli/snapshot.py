"""Snapshots: a knowledge base validated once, saved so later runs skip the work.

Validating a file (its shape with Pydantic, then references, names and
lineage) and linking it both ways costs far more than any query. A snapshot
keeps the result: every entry already linked, the name indexes, the search
texts and the names shell completion offers, in the file format of
:mod:`modality_cli.snapfile`, so a command decodes only what it reads.

A snapshot is found by its **key**, a BLAKE2b hash of the program version,
the snapshot format, the code that decides a snapshot's content (models,
checks, name keys, search texts) and the exact bytes of every file read (in
order). Change one byte of the data and the key changes, so a snapshot
can never stand in for data other than its own. A snapshot of another format
or key, or of the wrong length (truncated, appended to), is ignored and the
files are validated as if there were none; one damaged inside is reported
with a hint to delete it.

Snapshots live in two places:

* next to the bundled knowledge base (``modalities.snapshot``), built with
  ``python -m modality_cli.snapshot`` and checked by the test suite, so the
  shipped data starts fast;
* in ``MODALITY_CACHE_DIR``, only when the user sets it: the program writes
  nothing unless asked, so caching other files is opt-in.

Snapshots are JSON and contain no code: a planted file can at worst hold
other data.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
from collections.abc import Callable, ItemsView, Iterator, Mapping, ValuesView
from hashlib import blake2b
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from modality_cli import __version__, cachedir, models
from modality_cli.errors import DataError
from modality_cli.knowledge import Keys, KnowledgeBase, NameIndex, from_bytes
from modality_cli.paths import bundled_path
from modality_cli.plain import build, plain
from modality_cli.snapfile import (
    FORMAT,
    SUFFIX,
    Blocks,
    bundled_snapshot,
    chunks,
    content_digest,
    decode,
    encode,
    from_descriptor,
    mapped,
    to_json,
)

if TYPE_CHECKING:
    import mmap

KINDS = ("modalities", "theories", "theorists", "techniques", "conditions", "sources")
NAMED = KINDS[:5]
#: Set to a directory to keep snapshots of knowledge-base files other than the bundled one.
CACHE_ENV = cachedir.CACHE_ENV
#: A cached snapshot larger than this is not read (a snapshot is about 1.5 times its data).
MAX_CACHE = 4 * 1024 * 1024 * 1024

T = TypeVar("T")


def key(content: str) -> str:
    """The key of a knowledge base whose files' bytes have the digest ``content``
    (:func:`~modality_cli.snapfile.content_digest`), as read by this program."""
    digest = blake2b(f"modality {__version__} snapshot {FORMAT}\n".encode(), digest_size=32)
    digest.update(_code())
    digest.update(content.encode())
    return digest.hexdigest()


#: The modules whose code decides what a snapshot holds: the models and their
#: validation, whole-file checks, links, name keys, search texts and the format.
DERIVED_BY = (
    "models/__init__.py",
    "models/base.py",
    "models/modality.py",
    "models/theory.py",
    "models/theorist.py",
    "models/technique.py",
    "models/condition.py",
    "models/source.py",
    "models/file.py",
    "vocab.py",
    "loading.py",
    "integrity.py",
    "knowledge.py",
    "text.py",
    "searchable.py",
    "plain.py",
    "snapshot.py",
    "snapfile.py",
    "cachedir.py",
)


@functools.cache
def _code() -> bytes:
    """A digest of the code in :data:`DERIVED_BY`: a snapshot made by other code
    (a newer build with the same version number, say) is never used."""
    digest = blake2b(digest_size=32)
    here = Path(__file__).parent
    for name in DERIVED_BY:
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # installed without sources: the version alone must do
            digest.update(name.encode())
    return digest.digest()


# -- writing -------------------------------------------------------------------
def dumps(kb: KnowledgeBase, snapshot_key: str, content: str) -> bytes:
    """The snapshot of a validated knowledge base, as bytes (the same every time).
    ``content`` is the digest of the data's bytes, which completion checks."""
    return encode(_blocks(kb), {"key": snapshot_key, "content": content})


def _blocks(kb: KnowledgeBase) -> dict[str, bytes]:
    blocks: dict[str, bytes] = {}
    for kind in NAMED:
        index = kb.index(kind)
        blocks[f"names.{kind}"] = to_json(index.names)
        blocks[f"keys.{kind}"] = to_json([index.exact, index.derived])
        blocks[f"search.{kind}"] = to_json([blob for _, blob in kb.searchable(kind)])
        blocks[f"complete.{kind}"] = to_json([[e.id, e.name, *e.aliases] for e in kb.entries(kind).values()])
    blocks["ids.sources"] = to_json(list(kb.sources))
    for kind in KINDS:
        lines = [to_json(plain(entry)) for entry in kb.entries(kind).values()]
        blocks[f"at.{kind}"] = to_json(list(itertools.accumulate((len(x) + 1 for x in lines), initial=0)))
        blocks[f"entries.{kind}"] = b"\n".join(lines)
    return blocks


def keep(kb: KnowledgeBase, snapshot_key: str, content: str) -> None:
    """Save a snapshot in the cache directory, if the user set one and it is safe
    (:mod:`modality_cli.cachedir`). A cache that cannot be written is skipped: it
    only saves time."""
    folder = cachedir.directory()
    if folder is None:
        return
    target = folder / (snapshot_key + SUFFIX)
    if not target.exists():
        cachedir.write(target, chunks(_blocks(kb), {"key": snapshot_key, "content": content}))


# -- reading -------------------------------------------------------------------
def find(snapshot_key: str, origin: str, bundled: bool) -> KnowledgeBase | None:
    """The knowledge base from a snapshot with this key, if there is a sound one."""
    if bundled:
        raw = mapped(bundled_snapshot())
        kb = None if raw is None else loads(raw, snapshot_key, origin)
        if kb is not None:
            return kb
    folder = cachedir.directory()
    if folder is not None:
        place = folder / (snapshot_key + SUFFIX)
        fd = cachedir.open_private(place, MAX_CACHE)
        raw = None if fd is None else from_descriptor(fd)
        kb = None if raw is None else loads(raw, snapshot_key, origin)
        if kb is not None:
            return kb
        if raw is not None:  # ours, under our key, and not a sound snapshot of it
            cachedir.discard(place)
    return None


def loads(raw: bytes | mmap.mmap, snapshot_key: str, origin: str) -> KnowledgeBase | None:
    """The knowledge base in a snapshot, or None if it is not the snapshot of
    ``snapshot_key`` or is damaged. Only the header is read here; each block is
    parsed when a command first needs it."""
    decoded = decode(raw)
    if decoded is None or decoded[0].get("key") != snapshot_key:
        return None
    _, start, table = decoded
    blocks = _Blocks(raw, start, table, origin)
    try:
        ids = {kind: list(blocks.read(f"names.{kind}")) for kind in NAMED}
        ids["sources"] = blocks.read("ids.sources")
    except (DataError, KeyError, TypeError):
        return None
    entries: dict[str, Mapping[str, Any]] = {
        kind: Restored(ids[kind], blocks, kind, _RESTORE[kind]) for kind in KINDS
    }
    indexes = {
        kind: NameIndex(
            kind,
            entries[kind],
            functools.partial(blocks.read, f"names.{kind}"),
            functools.partial(_keys, blocks, kind),
        )
        for kind in NAMED
    }
    searchable: dict[str, Callable[[], list[str]]] = {
        kind: functools.partial(blocks.read, f"search.{kind}") for kind in NAMED
    }
    return KnowledgeBase.restored(origin, entries, indexes, searchable)


def _keys(blocks: Blocks, kind: str) -> Keys:
    exact, derived = blocks.read(f"keys.{kind}")
    return exact, derived


class _Blocks(Blocks):
    """Blocks whose damage is reported as bad data of the knowledge base, with a hint."""

    def __init__(self, raw: bytes | mmap.mmap, start: int, table: dict[str, list[int]], origin: str) -> None:
        super().__init__(raw, start, table)
        self._origin = origin

    def parse(self, text: bytes) -> Any:
        try:
            return super().parse(text)
        except (ValueError, RecursionError):
            raise DataError(
                self._origin, ["its saved snapshot is damaged; delete the snapshot to rebuild it"]
            ) from None


class Restored(Mapping[str, T], Generic[T]):
    """Entries by id, each decoded from its line of the snapshot when first read."""

    def __init__(
        self, ids: list[str], blocks: Blocks, kind: str, restore: Callable[[dict[str, Any]], T]
    ) -> None:
        self._ids = ids
        self._position = {entry_id: i for i, entry_id in enumerate(ids)}
        self._blocks = blocks
        self._kind = kind
        self._restore = restore
        self._entries: dict[str, T] = {}

    def __getitem__(self, entry_id: str) -> T:
        entry = self._entries.get(entry_id)
        if entry is None:
            i = self._position[entry_id]
            starts = self._blocks.read(f"at.{self._kind}")
            line = self._blocks.span(f"entries.{self._kind}", starts[i], starts[i + 1] - 1)
            entry = self._entries[entry_id] = self._restore(self._blocks.parse(line))
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._position

    def values(self) -> ValuesView[T]:
        self._read_all()
        return self._entries.values()

    def items(self) -> ItemsView[str, T]:
        self._read_all()
        return self._entries.items()

    def _read_all(self) -> None:
        """Decode every entry in one pass (much faster than one by one), keeping
        the ones read already, in file order."""
        if len(self._entries) == len(self._ids):
            return
        block = self._blocks.span(f"entries.{self._kind}")
        decoded = self._blocks.parse(b"[" + block.replace(b"\n", b",") + b"]") if block else []
        read = self._entries
        self._entries = {
            entry_id: read[entry_id] if entry_id in read else self._restore(data)
            for entry_id, data in zip(self._ids, decoded, strict=True)
        }


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


def main() -> None:
    """Write the bundled knowledge base's snapshot (run after editing the data)."""
    source = bundled_path()
    raw = source.read_bytes()
    content = content_digest([[raw]])
    target = bundled_snapshot()
    target.write_bytes(dumps(from_bytes([(str(source), raw)], str(source)), key(content), content))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
