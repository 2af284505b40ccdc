"""Reading a knowledge-base file into models, with every problem reported by
the path of the offending field (``theorists[3].died``)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from modality_cli.errors import DataError
from modality_cli.paths import bundled_path

if TYPE_CHECKING:
    from modality_cli.models import KnowledgeFile

__all__ = ["bundled_path", "parse", "read_bytes", "read_chunks", "read_knowledge_file"]

#: Larger files are refused before parsing (the 100,000-modality benchmark file is ~350 MB).
MAX_BYTES = 1024 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


def read_knowledge_file(path: Path) -> KnowledgeFile:
    """Parse and validate the shape of one file; raise :class:`DataError`."""
    return parse(read_bytes(path), str(path))


def parse(raw: bytes, label: str) -> KnowledgeFile:
    """Parse and validate the shape of one file's bytes; raise :class:`DataError`."""
    from modality_cli.models import KnowledgeFile

    if raw.startswith(_BOM):
        raise DataError(label, ["starts with a byte-order mark; save it as UTF-8 without one"])
    try:
        # A first pass checks the JSON grammar and duplicate keys without building
        # objects (each object becomes a marker); the models are then built from
        # the bytes by pydantic-core in one pass.
        # UTF-8 and nothing else (json.loads alone would also take UTF-16 and UTF-32)
        top = json.loads(raw.decode("utf-8"), object_pairs_hook=_check_keys)
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
    document = json.loads(raw)
    try:
        return KnowledgeFile.model_validate(document)
    except ValidationError as exc:
        raise DataError(label, validation_problems(exc, document)) from None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a :class:`DataError` saying why they cannot be read."""
    with _reading(path):
        return path.read_bytes()


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
        size = path.stat().st_size
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
