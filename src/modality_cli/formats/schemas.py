"""JSON Schemas, generated from the same Pydantic models that produce the
data: the knowledge-base file, and the ``--json`` output of each command."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from modality_cli import results as r
from modality_cli.core.errors import UsageError
from modality_cli.models import KnowledgeFile

OUTPUTS: dict[str, Any] = {
    "list": list[r.ModalityRow],
    "show": r.ModalityDetail,
    "theories": list[r.TheoryRow] | r.TheoryDetail,
    "theorists": list[r.TheoristRow] | r.TheoristDetail,
    "techniques": list[r.TechniqueRow] | r.TechniqueDetail,
    "conditions": list[r.ConditionRow] | r.ConditionDetail,
    "evidence": list[r.RatedClaim],
    "cards": list[r.Card],
    "quiz": list[r.Question],
    "compare": r.Comparison,
    "search": list[r.SearchHit],
    "validate": r.ValidationReport,
    "stats": r.Stats,
    "timeline": r.Timeline,
    "lineage": r.Lineage,
}
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: What ``--json`` writes on stderr when a command fails (stdout stays empty).
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "additionalProperties": False,
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"enum": ["not_found", "ambiguous", "usage", "bad_data", "io"]},
                "message": {"type": "string"},
                "hint": {"type": "string"},
                "query": {"type": "string", "description": "the name as typed (not_found, ambiguous)"},
                "kind": {"type": "string", "description": "the kind of entry looked for"},
                "candidates": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["kind", "id", "name"],
                        "additionalProperties": False,
                        "properties": {
                            "kind": {"type": "string"},
                            "id": {"type": "string"},
                            "name": {"type": "string"},
                        },
                    },
                },
                "problems": {"type": "array", "items": {"type": "string"}, "description": "bad_data"},
            },
        }
    },
}


def schema_for(command: str | None) -> dict[str, Any]:
    """The knowledge-base file's schema (no command) or a command's output schema."""
    if command is None or command in ("data", "file", "knowledge-base"):
        schema = KnowledgeFile.model_json_schema()
        title = "modality knowledge-base file"
    elif command == "error":
        schema = ERROR_SCHEMA
        title = "modality error (stderr, with --json)"
    else:
        if command not in OUTPUTS:
            raise UsageError(
                f"no JSON output schema for {command!r}.",
                "Commands: " + ", ".join(OUTPUTS) + ", error (or none for the knowledge-base file).",
            )
        schema = TypeAdapter(OUTPUTS[command]).json_schema(mode="serialization")
        title = f"modality {command} --json"
    return {"$schema": DIALECT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}
