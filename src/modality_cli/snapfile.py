"""The snapshot file format, free of heavy imports (shell completion reads it).

A snapshot file is one header line of JSON, then a body of named blocks, one
per line (a block of entries has one entry per line). The header says the
format, the body's length and where each block lies in it, plus whatever the
writer adds (:mod:`modality_cli.snapshot` adds the key it is found by and a
digest of the data it was made from). The file is mapped, not read, and a
block is parsed only when asked for, so a reader touches the parts it needs.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import mmap

from modality_cli.paths import NONBLOCK, bundled_path

#: Bumped whenever the layout of a snapshot changes.
FORMAT = 2
SUFFIX = ".snapshot"


def bundled_snapshot() -> Path:
    """The snapshot shipped next to the bundled knowledge base."""
    return bundled_path().with_suffix(SUFFIX)


def content_digest(files: Iterable[Iterable[bytes]]) -> str:
    """A digest of the bytes of these files, in order, and nothing else; each
    file is given as its pieces, so a large one need not be held in memory."""
    digest = sha256()  # faster than BLAKE2 where the processor has SHA instructions
    for pieces in files:
        size = 0
        for piece in pieces:
            digest.update(piece)
            size += len(piece)
        digest.update(size.to_bytes(8, "big"))
    return digest.hexdigest()


def encode(blocks: dict[str, bytes], header: dict[str, Any]) -> bytes:
    """A snapshot file of these blocks (each one line) under this header."""
    return b"".join(chunks(blocks, header))


def chunks(blocks: dict[str, bytes], header: dict[str, Any]) -> Iterator[bytes]:
    """The pieces of :func:`encode`'s file, in order, to write without joining them."""
    table: dict[str, list[int]] = {}
    offset = 0
    for name, block in blocks.items():
        table[name] = [offset, offset + len(block)]
        offset += len(block) + 1
    yield to_json({"format": FORMAT, **header, "size": max(offset - 1, 0), "blocks": table})
    for block in blocks.values():
        yield b"\n"
        yield block


def to_json(value: Any) -> bytes:
    # json escapes newlines inside strings, so one value never spans lines
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Blocks:
    """The named blocks of a snapshot's body, each parsed at most once."""

    def __init__(self, raw: bytes | mmap.mmap, start: int, table: dict[str, list[int]]) -> None:
        self._raw = raw
        self._start = start
        self._table = table
        self._parsed: dict[str, Any] = {}

    def span(self, name: str, begin: int = 0, end: int | None = None) -> bytes:
        """The bytes of a block, or of part of it."""
        first, last = self._table[name]
        stop = last if end is None else first + end
        return self._raw[self._start + first + begin : self._start + stop]

    def read(self, name: str) -> Any:
        if name not in self._parsed:
            self._parsed[name] = self.parse(self.span(name))
        return self._parsed[name]

    def parse(self, text: bytes) -> Any:
        return json.loads(text)


def decode(raw: bytes | mmap.mmap) -> tuple[dict[str, Any], int, dict[str, list[int]]] | None:
    """The header, where the body starts and the block table of a snapshot;
    None if it is of another format, truncated, grown or malformed."""
    end = raw.find(b"\n")
    try:
        header = json.loads(raw[: max(end, 0)])
        if header.get("format") != FORMAT:
            return None
        size = len(raw) - end - 1
        table: dict[str, list[int]] = header["blocks"]
        if header["size"] != size or not all(0 <= a <= b <= size for a, b in table.values()):
            return None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return header, end + 1, table


#: Smaller snapshots are read whole: quicker than mapping them (and importing mmap).
MAP_FROM = 16 * 1024 * 1024


def mapped(path: Path) -> bytes | mmap.mmap | None:
    """The file mapped into memory (or, if small, read), or None if it is
    missing, empty or unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | NONBLOCK)  # a FIFO planted here never blocks
    except OSError:
        return None
    return from_descriptor(fd)


def from_descriptor(fd: int) -> bytes | mmap.mmap | None:
    """The open file's bytes (mapped if large), or None unless it is a regular,
    non-empty file; the descriptor is closed."""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        if info.st_size < MAP_FROM:
            with os.fdopen(fd, "rb", closefd=False) as file:
                return file.read() or None
        import mmap

        return mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)
