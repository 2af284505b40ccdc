"""Loading a knowledge base: from its database when there is a sound one for
exactly these bytes, else by validating the files and writing one.

Where a database is looked for, in order:

* the bundled knowledge base's, shipped in the wheel next to the data
  (``modality_cli/data/modalities.sqlite``, built when the wheel is built);
* the cache directory (:mod:`modality_cli.kb.store.cache`), under the key of the
  files' bytes (:mod:`modality_cli.kb.store.keys`).

Anything else (another key, another format, a damaged or foreign file) is
ignored and the files are validated as if there were none.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from modality_cli.core.paths import BUNDLED, bundled_path
from modality_cli.kb.knowledge import KnowledgeBase, from_bytes
from modality_cli.kb.loading import is_regular, read_bytes, read_chunks
from modality_cli.kb.store import cache, digests, read
from modality_cli.kb.store.connect import bundled_database, opened
from modality_cli.kb.store.keys import content_digest, key
from modality_cli.kb.store.schema import SUFFIX

#: A cached database larger than this is not read.
MAX_CACHE = 8 * 1024 * 1024 * 1024


def load(paths: list[Path] | None = None) -> KnowledgeBase:
    """The bundled knowledge base, one file instead of it, or several files
    overlaid in order (later entries replace earlier ones with the same id)."""
    bundled = bundled_path()
    chosen = [bundled if str(p) == BUNDLED else p for p in (paths or [bundled])]
    label = str(chosen[0]) if len(chosen) == 1 else "overlay of " + " + ".join(map(str, chosen))
    files: list[tuple[str, bytes]] | None = None
    if all(is_regular(path) for path in chosen):  # hashed in pieces, read in full only if needed
        content = _digest_of_files(chosen)
    else:  # a pipe or device can be read only once: read it, then hash what was read
        files = [(str(path), read_bytes(path)) for path in chosen]
        content = content_digest([raw] for _, raw in files)
    kb = find(key(content), label, bundled=chosen == [bundled])
    if kb is None:
        files = files or [(str(path), read_bytes(path)) for path in chosen]
        kb = from_bytes(files, label)
        content = content_digest([raw] for _, raw in files)  # of the bytes validated
        keep(kb, key(content), content)
    return kb


def _digest_of_files(paths: list[Path]) -> str:
    """The digest of regular files' bytes: remembered for a large file that has not
    changed since it was last hashed (:mod:`~modality_cli.kb.store.digests`),
    else read and hashed."""
    if not digests.worth_remembering(paths):
        return content_digest(read_chunks(path) for path in paths)
    remembered = digests.recall(paths)
    if remembered is not None:
        return remembered
    taken = digests.now()
    content = content_digest(read_chunks(path) for path in paths)
    digests.remember(paths, content, taken)
    return content


def find(store_key: str, origin: str, bundled: bool) -> KnowledgeBase | None:
    """The knowledge base from a database with this key, if there is a sound one."""
    if bundled:
        connection = opened(bundled_database(), store_key) if bundled_database().is_file() else None
        if connection is not None:
            return read.restore(connection, origin)
    folder = cache.directory()
    if folder is None:
        return None
    place = folder / (store_key + SUFFIX)
    if not cache.is_private(place, MAX_CACHE):
        return None
    connection = opened(place, store_key)
    if connection is None:  # ours, under our key, and not a sound database of it
        cache.discard(place)
        return None
    return read.restore(connection, origin)


def keep(kb: KnowledgeBase, store_key: str, content: str) -> None:
    """Save the database in the cache directory, if it is on and safe. A cache
    that cannot be written is skipped: it only saves time."""
    folder = cache.directory()
    if folder is None:
        return
    target = folder / (store_key + SUFFIX)
    if target.exists():
        return
    from modality_cli.kb.store import write

    try:
        write.to_file(kb, target, {"key": store_key, "content": content})
    except (OSError, sqlite3.Error):
        return


def database(kb: KnowledgeBase) -> sqlite3.Connection:
    """The database a knowledge base reads search and look-ups from: the one it
    was restored from, or one built in memory the first time it is asked for."""
    if kb.connection is None:
        from modality_cli.kb.store import write

        kb.connection = write.in_memory(kb)
    return kb.connection


def build_bundled(target: Path | None = None) -> Path:
    """Write the bundled knowledge base's database (run when the wheel is built)."""
    source = bundled_path()
    raw = source.read_bytes()
    content = content_digest([[raw]])
    target = target or bundled_database()
    kb = from_bytes([(str(source), raw)], str(source))
    from modality_cli.kb.store import write

    write.to_file(kb, target, {"key": key(content), "content": content}, private=False)
    return target


def main() -> None:
    import sys

    target = build_bundled(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
