"""The cache directory, treated as other people's input: checked before it is
used, written to only through private temporary files, and read only from
regular files that are ours.

The store keeps a database of each knowledge-base file it has validated here
(not the bundled one, whose database ships with the program). On by default,
as pip's, ruff's and mypy's caches are: in the user's cache directory
(platformdirs' ``user_cache_dir``), ``MODALITY_CACHE_DIR`` to move it,
``MODALITY_NO_CACHE=1`` to turn it off.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from modality_cli.core.paths import NOFOLLOW, NONBLOCK, my_uid

#: Moves the cache directory.
CACHE_ENV = "MODALITY_CACHE_DIR"
#: Set (to anything but "0") to write and read no cache at all.
NO_CACHE_ENV = "MODALITY_NO_CACHE"
#: Temporary files left by a run that was killed are removed after this long (seconds).
STALE_AFTER = 3600
TEMP_PREFIX = ".modality-"
TEMP_SUFFIX = ".tmp"
_warned: set[str] = set()


def _warn(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        from modality_cli.core.text import escape_controls

        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"Warning: {escape_controls(message)}\n")


def directory() -> Path | None:
    """The cache directory, or None: turned off, not creatable, or unsafe. A
    directory that other users can write (group- or world-writable, sticky or
    not) or that belongs to someone else is refused, as ssh refuses loose
    permissions: one warning, then the program runs without the cache. A new one
    is made 0700."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    value = os.environ.get(CACHE_ENV) or str(default_directory())
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


def default_directory() -> Path:
    """The user's cache directory for this program (``~/.cache/modality`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("modality", appauthor=False))


def is_private(path: Path, limit: int) -> bool:
    """Whether ``path`` is a regular file of ours (never a symlink, FIFO or
    device), not empty and no larger than ``limit``."""
    fd = open_private(path, limit)
    if fd is None:
        return False
    os.close(fd)
    return True


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


def clear_stale(folder: Path) -> None:
    """Remove temporary files that a killed run left in ``folder`` (ours, and old)."""
    cutoff = time.time() - STALE_AFTER
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    if (
                        stat.S_ISREG(info.st_mode)
                        and info.st_mtime < cutoff
                        and my_uid() in (None, info.st_uid)
                    ):
                        os.unlink(entry.path)


@contextlib.contextmanager
def replacing(target: Path, private: bool = True) -> Iterator[str]:
    """A path to write ``target``'s new contents to, renamed over ``target`` when
    the block ends: a temporary file in the same directory, created exclusively
    (mode 0600, never through a symlink), removed if anything fails or the run
    is interrupted. Not ``private``, the file ends with the mode an ordinary new
    file would have. Stale temporary files of killed runs are cleared first."""
    clear_stale(target.parent)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    os.close(handle)
    try:
        yield temporary
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)  # readers see the whole file or none
        temporary = ""
    finally:  # also on Ctrl-C
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
