"""One query, every output format: json, jsonl, csv, markdown and the table,
with --fields checked against the model."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from conftest import COMMAND_SAMPLES, Outcome

Cli = Callable[..., Outcome]
EVERY_COMMAND = COMMAND_SAMPLES


@pytest.mark.parametrize("args", EVERY_COMMAND)
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown"])
def test_every_command_speaks_every_format(mini_cli: Cli, args: list[str], fmt: str) -> None:
    result = mini_cli(*args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if args == ["validate"] and fmt == "jsonl":
        assert out == ""  # one line per problem, and a clean file has none
        return
    assert out.endswith("\n")
    if fmt == "json":
        json.loads(out)
    elif fmt == "jsonl":
        assert all(isinstance(json.loads(line), dict) for line in out.splitlines())
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) >= (1 if args == ["validate"] else 2)  # a header, then the rows
        assert len({len(r) for r in rows}) == 1
    elif fmt == "markdown":
        assert out.startswith(("#", "|"))


def test_json_shorthand_equals_format_json(mini_cli: Cli) -> None:
    assert mini_cli("list", "--json").stdout == mini_cli("list", "--format", "json").stdout
    assert mini_cli("list", "-F", "JSON").stdout == mini_cli("list", "--json").stdout


def test_jsonl_has_one_entry_per_line(mini_cli: Cli) -> None:
    lines = mini_cli("theorists", "-F", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["ada-example", "ben-sample", "cara-sample"]


def test_csv_flattens_lists_and_keeps_every_row(mini_cli: Cli) -> None:
    rows = list(csv.DictReader(io.StringIO(mini_cli("list", "-F", "csv").stdout)))
    assert [r["id"] for r in rows] == [
        "behavioural-sample-therapy",
        "talking-example-therapy",
        "third-way-therapy",
    ]
    assert rows[1]["aliases"] == "TET; Example talk therapy"


def test_compare_csv_is_one_row_per_dimension(mini_cli: Cli) -> None:
    rows = list(csv.DictReader(io.StringIO(mini_cli("compare", "tet", "bst", "-F", "csv").stdout)))
    assert rows[0] == {
        "dimension": "Family",
        "talking-example-therapy": "Psychodynamic and psychoanalytic",
        "behavioural-sample-therapy": "Cognitive-behavioural",
    }


def test_fields_choose_what_is_printed(mini_cli: Cli) -> None:
    data = mini_cli("theorists", "--fields", "id,born,died").json()
    assert data[0] == {"id": "ada-example", "born": 1870, "died": 1940}
    assert mini_cli("show", "tet", "--json", "--fields", "id,founded").json() == {
        "id": "talking-example-therapy",
        "founded": 1901,
    }
    csv_out = mini_cli("list", "-F", "csv", "--fields", "name,founded").stdout
    assert csv_out.splitlines()[0] == "name,founded"


def test_an_unknown_field_lists_the_valid_ones(mini_cli: Cli) -> None:
    result = mini_cli("theorists", "--fields", "id,shoe_size")
    assert result.exit_code == 2
    assert "unknown field for this answer: shoe_size" in result.stderr
    assert "Valid fields: id, name, aliases, summary, born, died" in result.stderr


def test_conflicting_output_options_are_a_usage_error(mini_cli: Cli) -> None:
    assert mini_cli("list", "--json", "--format", "csv").exit_code == 2
    assert mini_cli("list", "--format", "table", "--fields", "id").exit_code == 2
    assert mini_cli("list", "--format", "yaml").exit_code == 2


def test_markdown_show_is_a_document_with_sources(mini_cli: Cli) -> None:
    out = mini_cli("show", "tet", "-F", "markdown").stdout
    assert out.startswith("# Talking example therapy\n")
    for heading in ("## Overview", "## Evidence", "## Common misconceptions", "## Sources"):
        assert heading in out
    assert "| Low mood example | limited | review's conclusion: some support, 2010 | adults |" in out


def test_markdown_escapes_pipes_in_cells(tmp_path, cli: Cli) -> None:  # type: ignore[no-untyped-def]
    from conftest import mini_data, write_json

    data = mini_data()
    data["modalities"][0]["summary"] = "a | b"
    path = write_json(tmp_path, data)
    assert "a \\| b" in cli("--data", str(path), "list", "-F", "markdown").stdout
