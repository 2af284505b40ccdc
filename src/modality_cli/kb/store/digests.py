"""Remembered digests of large knowledge-base files, so a run need not read a
file of hundreds of megabytes in full only to find its database.

As git's index does, a digest is trusted only while the file's identity and
timestamps are exactly those it was taken with (device, inode, size,
modification and change times, to the nanosecond), and only if the file had
not changed in the two seconds before the digest was taken (a write in the
same tick as the hashing could otherwise go unseen). The change time cannot
be set back by a user, so an edited file is always hashed again. The memo
lives in the cache directory, under the same rules as the databases; with the
cache off, every run hashes every file.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from hashlib import sha256
from pathlib import Path
from typing import Any

from modality_cli.kb.store import cache

#: Files smaller than this are hashed every run (it takes a few milliseconds).
REMEMBER_FROM = 8 * 1024 * 1024
#: A file changed less than this many seconds before it was hashed is hashed again.
RACY = 2.0
_SUFFIX = ".digest"


def _identity(paths: list[Path]) -> list[list[Any]] | None:
    found: list[list[Any]] = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            return None
        found.append(
            [
                os.path.realpath(path),
                info.st_dev,
                info.st_ino,
                info.st_size,
                info.st_mtime_ns,
                info.st_ctime_ns,
            ]
        )
    return found


def _place(folder: Path, identity: list[list[Any]]) -> Path:
    names = json.dumps([entry[0] for entry in identity], ensure_ascii=False)
    return folder / (sha256(names.encode()).hexdigest()[:40] + _SUFFIX)


def worth_remembering(paths: list[Path]) -> bool:
    try:
        return sum(os.stat(p).st_size for p in paths) >= REMEMBER_FROM
    except OSError:
        return False


def recall(paths: list[Path]) -> str | None:
    """The digest remembered for exactly these files as they are now, or None."""
    folder = cache.directory()
    identity = _identity(paths)
    if folder is None or identity is None:
        return None
    place = _place(folder, identity)
    fd = cache.open_private(place, 64 * 1024)
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as file:
            memo = json.loads(file.read())
        if memo.get("identity") != identity:
            return None
        newest = max(max(int(entry[4]), int(entry[5])) for entry in identity) / 1e9
        if newest > float(memo["taken"]) - RACY:
            return None
        digest = memo["digest"]
        return digest if isinstance(digest, str) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(paths: list[Path], digest: str, taken: float) -> None:
    """Keep the digest of these files, taken at ``taken`` (before they were read)."""
    folder = cache.directory()
    identity = _identity(paths)
    if folder is None or identity is None:
        return
    place = _place(folder, identity)
    text = json.dumps({"identity": identity, "taken": taken, "digest": digest}, ensure_ascii=False)
    with contextlib.suppress(OSError), cache.replacing(place) as temporary:
        Path(temporary).write_text(text, encoding="utf-8")


def now() -> float:
    return time.time()
