"""JSON Schemas come from the models, and real outputs validate against them
with a real JSON Schema validator."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import MINI, Outcome
from modality_cli.kb.loading import bundled_path

Cli = Callable[..., Outcome]


def schema(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("schema", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    Draft202012Validator.check_schema(data)
    return data


def test_the_shipped_knowledge_base_matches_the_file_schema(cli: Cli) -> None:
    document = json.loads(bundled_path().read_text(encoding="utf-8"))
    Draft202012Validator(schema(cli)).validate(document)


def test_the_file_schema_rejects_an_unknown_field(cli: Cli) -> None:
    document = json.loads(bundled_path().read_text(encoding="utf-8"))
    document["modalities"][0]["popularity"] = 5
    assert list(Draft202012Validator(schema(cli)).iter_errors(document))


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("list", []),
        ("show", ["psychodynamic"]),
        ("show", ["cbt"]),
        ("theories", []),
        ("theories", ["psychodynamic"]),
        ("theories", ["self psychology"]),
        ("theorists", []),
        ("theorists", ["Kohut"]),
        ("techniques", ["-m", "cbt"]),
        ("techniques", ["free association"]),
        ("compare", ["psychodynamic", "cbt", "dbt"]),
        ("search", ["trauma"]),
        ("validate", []),
        ("stats", []),
        ("timeline", ["--family", "psychodynamic"]),
        ("lineage", ["psychoanalysis"]),
        ("lineage", ["--people"]),
        ("conditions", []),
        ("conditions", ["panic attacks"]),
        ("conditions", ["ptsd", "--system", "nice"]),
        ("evidence", []),
        ("evidence", ["--condition", "depression", "--population", "children"]),
    ],
)
def test_each_command_output_validates_against_its_schema(cli: Cli, command: str, args: list[str]) -> None:
    result = cli(command, *args, "--json")
    assert result.exit_code == 0, result.stderr
    Draft202012Validator(schema(cli, command)).validate(json.loads(result.stdout))


def test_an_unknown_command_has_no_schema(cli: Cli) -> None:
    result = cli("schema", "dance")
    assert result.exit_code == 2
    assert "Commands: list, show" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["show", "no such therapy at all", "--json"],
        ["--data", str(MINI), "theorists", "sample", "--json"],
        ["compare", "cbt", "--json"],
        ["list", "--bogus", "--json"],
        ["conditions", "panik", "--json"],
        ["--data", "/nonexistent.json", "list", "--json"],
    ],
)
def test_errors_with_json_validate_against_the_error_schema(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code in (1, 2)
    assert result.stdout == ""
    Draft202012Validator(schema(cli, "error")).validate(json.loads(result.stderr))
