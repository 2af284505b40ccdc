"""Reading a knowledge-base file into models, with every problem reported by
the path of the offending field (``theorists[3].died``)."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import select
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from modality_cli.core.errors import DataError
from modality_cli.core.paths import NONBLOCK, bundled_path

if TYPE_CHECKING:
    from modality_cli.models import KnowledgeFile

__all__ = ["bundled_path", "is_regular", "parse", "read_bytes", "read_chunks", "read_knowledge_file"]

#: Larger files are refused before parsing (the 100,000-modality benchmark file is ~350 MB).
MAX_BYTES = 1024 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_BOM_PROBLEM = "starts with a byte-order mark; save it as UTF-8 without one"


def read_knowledge_file(path: Path) -> KnowledgeFile:
    """Parse and validate the shape of one file; raise :class:`DataError`."""
    return parse(read_bytes(path), str(path))


def parse(raw: bytes, label: str) -> KnowledgeFile:
    """Parse and validate the shape of one file's bytes; raise :class:`DataError`."""
    from modality_cli.models import KnowledgeFile

    if raw.startswith(_BOM):
        raise DataError(label, [_BOM_PROBLEM])
    try:
        # A first pass checks the JSON grammar and duplicate keys without building
        # objects (each object becomes a marker); the models are then built from
        # the bytes by pydantic-core in one pass.
        # UTF-8 and nothing else (json.loads alone would also take UTF-16 and UTF-32)
        top = json.loads(raw.decode("utf-8"), object_pairs_hook=_check_keys, parse_int=_integer)
    except UnicodeDecodeError as exc:
        raise DataError(label, [f"is not valid UTF-8 (byte {exc.start})"]) from None
    except _DuplicateKey as exc:
        raise DataError(label, [f"duplicate key {exc.key!r} in one JSON object"]) from None
    except json.JSONDecodeError as exc:
        problem = f"is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise DataError(label, [problem]) from None
    except RecursionError:
        raise DataError(label, ["is nested too deeply to be a knowledge base"]) from None
    if top is not _OBJECT:  # the top level was not an object
        kind = type(top).__name__
        raise DataError(label, [f"the top level must be a JSON object, not {_json_type(kind)}"])
    try:
        return KnowledgeFile.model_validate_json(raw)
    except ValidationError:
        pass
    # The file is not valid: validate the parsed document instead, whose errors
    # carry the offending values and let each message name its entry.
    document = json.loads(raw, parse_int=_integer)
    try:
        return KnowledgeFile.model_validate(document)
    except ValidationError as exc:
        raise DataError(label, validation_problems(exc, document)) from None


#: A pipe or device that sends nothing for this long is given up on (seconds).
READ_WAIT = 30.0


def is_regular(path: Path) -> bool:
    """Whether ``path`` is an ordinary file (which can be read twice and has a size)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def read_bytes(path: Path) -> bytes:
    """The file's bytes, read once, or a :class:`DataError` saying why they cannot
    be. The size limit holds while reading, so a device or pipe that never ends
    (``/dev/zero``, a FIFO whose writer never closes) is given up on, never read
    forever."""
    with _reading(path):
        if is_regular(path):
            with path.open("rb") as file:
                return _read_limited(path, file.read, wait=None)
        fd = os.open(path, os.O_RDONLY | NONBLOCK)
        try:
            # select() waits on pipes only on POSIX; elsewhere the read simply blocks
            return _read_limited(path, lambda n: os.read(fd, n), wait=fd if os.name == "posix" else None)
        finally:
            os.close(fd)


def _read_limited(path: Path, read: Callable[[int], bytes], wait: int | None) -> bytes:
    label = str(path)
    chunks: list[bytes] = []
    total = 0
    started = False
    # A stream is checked as it arrives, so a device that sends bytes without
    # end (``/dev/urandom``) is refused within its first chunk, not after 1 GiB.
    text = codecs.getincrementaldecoder("utf-8")() if wait is not None else None
    while True:
        if wait is not None:
            ready, _, _ = select.select([wait], [], [], READ_WAIT)
            if not ready:
                raise DataError(label, [f"sent no data for {READ_WAIT:.0f} seconds; giving up"])
        try:
            chunk = read(1 << 20)
        except BlockingIOError:
            continue
        if not chunk:
            return b"".join(chunks)
        if wait is not None and not started:  # a stream that is not JSON is refused at once
            first = chunk.lstrip(b" \t\r\n")
            if first:
                started = True
                if first.startswith(_BOM):
                    raise DataError(label, [_BOM_PROBLEM])
                if not first.startswith(b"{"):
                    raise DataError(label, ["is not valid JSON: it does not start with '{'"])
        if text is not None:
            pending = len(text.getstate()[0])  # bytes of a character split across chunks
            try:
                text.decode(chunk)
            except UnicodeDecodeError as exc:
                raise DataError(label, [f"is not valid UTF-8 (byte {total - pending + exc.start})"]) from None
        total += len(chunk)
        if total > MAX_BYTES:
            raise DataError(label, [f"is larger than the limit of {MAX_BYTES // (1024 * 1024)} MiB"])
        chunks.append(chunk)


def read_chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    """The file's bytes in pieces (to hash a large file without holding it),
    with the same errors as :func:`read_bytes`."""
    with _reading(path), path.open("rb") as file:
        while chunk := file.read(size):
            yield chunk


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    label = str(path)
    try:
        if path.is_dir():
            raise DataError(label, ["is a directory, not a knowledge-base file"])
        size = path.stat().st_size if is_regular(path) else 0
        if size > MAX_BYTES:
            limit = MAX_BYTES // (1024 * 1024)
            raise DataError(label, [f"is {size // (1024 * 1024)} MiB; the limit is {limit} MiB"])
        yield
    except FileNotFoundError:
        raise DataError(label, ["does not exist"]) from None
    except PermissionError:
        raise DataError(label, ["cannot be read (permission denied)"]) from None
    except OSError as exc:
        raise DataError(label, [f"cannot be read ({exc.strerror or exc})"]) from None


#: Integers longer than this are not years or counts: they stay a marker that fails
#: validation at their field (Python refuses to convert very long digit strings).
MAX_DIGITS = 30


class HugeNumber:
    """A JSON integer too long to be any value in the knowledge base."""

    def __init__(self, digits: str) -> None:
        self.length = len(digits.lstrip("-"))

    def __repr__(self) -> str:
        return f"a {self.length}-digit number"


def _integer(text: str) -> int | HugeNumber:
    return int(text) if len(text) <= MAX_DIGITS else HugeNumber(text)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


_OBJECT = object()


def _check_keys(pairs: list[tuple[str, Any]]) -> object:
    if len({key for key, _ in pairs}) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return _OBJECT


def _json_type(python_type: str) -> str:
    return {
        "list": "an array",
        "str": "a string",
        "int": "a number",
        "float": "a number",
        "bool": "a boolean",
        "NoneType": "null",
    }.get(python_type, python_type)


def format_path(loc: tuple[int | str, ...]) -> str:
    """``('theorists', 3, 'died')`` -> ``theorists[3].died``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def validation_problems(exc: ValidationError, document: Any) -> list[str]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "is not a known field"
        elif error["type"] == "missing":
            message = "is required"
        elif "input" in error and not isinstance(error["input"], dict | list):
            shown = repr(error["input"])
            message += f" (got {shown[:60]}{'...' if len(shown) > 60 else ''})"
        entry_id = _entry_id(document, loc)
        suffix = f" [entry {entry_id!r}]" if entry_id else ""
        problems.append(f"{format_path(loc)}: {message}{suffix}")
    return problems


def _entry_id(document: Any, loc: tuple[int | str, ...]) -> str | None:
    """The id of the entry an error sits in, to make the message easy to act on."""
    if len(loc) >= 3 and isinstance(loc[1], int) and loc[2] != "id":
        try:
            entry = document[loc[0]][loc[1]]
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            return str(entry["id"])
    return None
