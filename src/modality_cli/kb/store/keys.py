"""What a database is found by: a digest of the data's exact bytes, and a key
that adds the program's version and the code that decides a database's content.

Change one byte of the data, or of that code, and the key changes, so a
database can never answer for data (or a program) other than its own.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from hashlib import blake2b, sha256
from pathlib import Path

from modality_cli import __version__
from modality_cli.kb.store.schema import FORMAT

#: The modules whose code decides what a database holds: the models and their
#: validation, whole-file checks, links, name keys, search texts and the schema.
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
    "core/vocab.py",
    "kb/loading.py",
    "kb/integrity.py",
    "kb/knowledge.py",
    "core/text.py",
    "core/plain.py",
    "kb/store/schema.py",
    "kb/store/fts.py",
    "kb/store/write.py",
    "kb/store/read.py",
)


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


def key(content: str) -> str:
    """The key of a knowledge base whose files' bytes have the digest ``content``,
    as read by this program."""
    digest = blake2b(f"modality {__version__} store {FORMAT}\n".encode(), digest_size=32)
    digest.update(_code())
    digest.update(content.encode())
    return digest.hexdigest()


@functools.cache
def _code() -> bytes:
    """A digest of the code in :data:`DERIVED_BY`: a database made by other code
    (a newer build with the same version number, say) is never used."""
    digest = blake2b(digest_size=32)
    here = Path(__file__).resolve().parent.parent.parent
    for name in DERIVED_BY:
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # installed without sources: the version alone must do
            digest.update(name.encode())
    return digest.digest()
