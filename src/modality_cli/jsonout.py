"""JSON output: written straight to stdout as UTF-8, never through Rich."""

from __future__ import annotations

import json
from typing import Any, TextIO

from pydantic import BaseModel

from modality_cli.results import ModalityList, SearchResults, TechniqueList, TheoristList, TheoryList


def payload(result: BaseModel) -> Any:
    """What ``--json`` prints: an array for list answers, an object otherwise."""
    if isinstance(result, ModalityList | TheoryList | TheoristList | TechniqueList):
        return [row.model_dump(mode="json") for row in result.rows]
    if isinstance(result, SearchResults):
        return [hit.model_dump(mode="json") for hit in result.hits]
    return result.model_dump(mode="json")


def write_json(result: BaseModel, stream: TextIO) -> None:
    text = json.dumps(payload(result), ensure_ascii=False, indent=2) + "\n"
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(text)
        stream.flush()
