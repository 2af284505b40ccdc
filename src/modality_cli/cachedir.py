"""The cache directory, treated as other people's input: checked before it is
used, written to only through private temporary files, and read only from
regular files that are ours.

The store of the knowledge base (snapshots today) keeps caches of users' own
knowledge-base files here, only when ``MODALITY_CACHE_DIR`` is set.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from modality_cli.paths import NOFOLLOW, NONBLOCK, my_uid

#: Set to a directory to keep caches of knowledge-base files other than the bundled one.
CACHE_ENV = "MODALITY_CACHE_DIR"
#: Temporary files left by a run that was killed are removed after this long (seconds).
STALE_AFTER = 3600
_TEMP_PREFIX = ".modality-"
_TEMP_SUFFIX = ".tmp"
_warned: set[str] = set()


def _warn(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        from modality_cli.text import escape_controls

        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"Warning: {escape_controls(message)}\n")


def directory() -> Path | None:
    """The cache directory, or None: unset, not creatable, or unsafe. A directory
    that other users can write (group- or world-writable, sticky or not) or that
    belongs to someone else is refused, as ssh refuses loose permissions: one
    warning, then the program runs without the cache. A new one is made 0700."""
    value = os.environ.get(CACHE_ENV)
    if not value:
        return None
    path = Path(value)
    try:
        if not path.exists():
            path.mkdir(mode=0o700, parents=True)
        info = path.stat()
    except OSError as error:
        _warn(f"not using the cache directory {value}: {error.strerror or error}.")
        return None
    if not stat.S_ISDIR(info.st_mode):
        _warn(f"not using the cache directory {value}: it is not a directory.")
        return None
    if my_uid() not in (None, info.st_uid):
        _warn(f"not using the cache directory {value}: it belongs to another user.")
        return None
    if my_uid() is not None and info.st_mode & 0o022:  # (Windows has no such modes)
        _warn(
            f"not using the cache directory {value}: other users can write to it "
            f"(mode {stat.S_IMODE(info.st_mode):o}); make it private with chmod 700."
        )
        return None
    return path


def open_private(path: Path, limit: int) -> int | None:
    """A descriptor open on a cache file, or None unless it is a regular file of
    ours no larger than ``limit`` (never a symlink, FIFO or device, so never a
    wait). The caller closes it."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode) and my_uid() in (None, info.st_uid) and 0 < info.st_size <= limit:
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def discard(path: Path) -> None:
    """Remove a cache file of ours that turned out unusable."""
    with contextlib.suppress(OSError):
        if path.is_file() and not path.is_symlink():
            path.unlink()


def write(target: Path, pieces: Iterable[bytes]) -> bool:
    """Write a cache file atomically: a private temporary file (created
    exclusively, mode 0600, never through a symlink) in the same directory,
    renamed over the target when complete. Removed if anything fails or the run
    is interrupted; stale ones from killed runs are cleared. False on failure."""
    _clear_stale(target.parent)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX)
        with os.fdopen(handle, "wb") as file:
            for piece in pieces:
                file.write(piece)
        os.replace(temporary, target)  # readers see the whole file or none
        temporary = None
        return True
    except OSError:
        return False
    finally:  # also on Ctrl-C
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _clear_stale(folder: Path) -> None:
    cutoff = time.time() - STALE_AFTER
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(_TEMP_PREFIX) and entry.name.endswith(_TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    if (
                        stat.S_ISREG(info.st_mode)
                        and info.st_mtime < cutoff
                        and my_uid() in (None, info.st_uid)
                    ):
                        os.unlink(entry.path)
