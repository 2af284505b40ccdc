"""timeline and lineage: pictures at a fixed width, and Mermaid and DOT that
the real parsers accept."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pydot
import pytest

from conftest import Outcome

Cli = Callable[..., Outcome]
MERMAID_DIR = os.environ.get("MODALITY_MERMAID_DIR")
REQUIRE_PARSERS = os.environ.get("MODALITY_REQUIRE_PARSERS") == "1"


def test_the_timeline_draws_lifetimes_and_founding_years_on_one_axis(mini_cli: Cli) -> None:
    out = mini_cli("timeline", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert lines[0].startswith("Timeline: lifetimes")
    assert "1870" in lines[1] or "1880" in lines[1]
    ada = next(line for line in lines if line.startswith("Ada Example"))
    ben = next(line for line in lines if line.startswith("Ben Q. Sample"))
    cara = next(line for line in lines if line.startswith("Cara Sample"))
    assert "━" in ada and ada.index("━") < ben.index("━") < cara.index("━")
    assert cara.rstrip().endswith("▶")  # still living
    assert "◆" in next(line for line in lines if line.startswith("Talking example therapy"))
    assert all(len(line) <= 80 for line in lines)
    assert "1 entry has no recorded date" in out  # third-way-therapy has no founding year


def test_the_timeline_filters_and_lists_on_a_narrow_terminal(mini_cli: Cli) -> None:
    data = mini_cli("timeline", "-m", "bst", "--json").json()
    # the modality, what it grew out of, and the people of both
    assert {i["id"] for i in data["items"]} == {
        "behavioural-sample-therapy",
        "talking-example-therapy",
        "ben-sample",
        "ada-example",
    }
    narrow = mini_cli("timeline", env={"COLUMNS": "30"}).stdout
    assert "1870–1940  Ada Example" in narrow


def test_lineage_of_one_modality_shows_what_it_grew_from_and_led_to(mini_cli: Cli) -> None:
    out = mini_cli("lineage", "tet", env={"COLUMNS": "80"}).stdout
    assert out.splitlines()[:4] == [
        "Lineage of Talking example therapy",
        "Talking example therapy (1901)",
        "└── Led to",
        "    └── Behavioural sample therapy (1960)",
    ]


def test_lineage_of_people_follows_influence(mini_cli: Cli) -> None:
    data = mini_cli("lineage", "--people", "--json").json()
    assert data["edges"] == [{"source": "ada-example", "target": "ben-sample"}]
    assert mini_cli("lineage", "Ben Q. Sample", "--json").json()["kind"] == "theorists"


def test_lineage_of_an_unknown_name_is_not_found(mini_cli: Cli) -> None:
    result = mini_cli("lineage", "nothing like it")
    assert result.exit_code == 1
    assert "no modality matches" in result.stderr


def test_dot_output_is_accepted_by_a_dot_parser(cli: Cli) -> None:
    for args in (["lineage"], ["lineage", "psychoanalysis"], ["lineage", "--people"]):
        text = cli(*args, "--format", "dot").stdout
        graphs = pydot.graph_from_dot_data(text)
        assert graphs is not None and len(graphs) == 1
        graph = graphs[0]
        assert len(graph.get_edges()) == len(cli(*args, "--json").json()["edges"])


def test_dot_escapes_quotes_and_backslashes(tmp_path: Path, cli: Cli) -> None:
    from conftest import mini_data, write_json

    data = mini_data()
    data["modalities"][0]["name"] = 'Say "hello" \\ goodbye'
    path = write_json(tmp_path, data)
    text = cli("--data", str(path), "lineage", "--format", "dot").stdout
    graph = pydot.graph_from_dot_data(text)[0]  # type: ignore[index]
    labels = [n.get_label() for n in graph.get_nodes()]
    assert '"Say \\"hello\\" \\\\ goodbye (1901)"' in labels


def _mermaid_parse(text: str) -> subprocess.CompletedProcess[str]:
    assert MERMAID_DIR is not None
    return subprocess.run(
        ["node", str(Path(MERMAID_DIR) / "mermaid_check.mjs")],
        input=text,
        capture_output=True,
        text=True,
        cwd=MERMAID_DIR,
        timeout=120,
    )


@pytest.mark.skipif(
    not REQUIRE_PARSERS and (MERMAID_DIR is None or shutil.which("node") is None),
    reason="Mermaid's parser is set up by .ci/run (MODALITY_MERMAID_DIR)",
)
def test_mermaid_output_is_accepted_by_mermaids_parser(tmp_path: Path, cli: Cli) -> None:
    from conftest import mini_data, write_json

    data = mini_data()
    data["modalities"][0]["name"] = 'Quote " hash # [bracket] (paren) {brace}'
    hostile = write_json(tmp_path, data)
    for args in (
        ["lineage"],
        ["lineage", "cbt"],
        ["lineage", "--people"],
        ["--data", str(hostile), "lineage"],
    ):
        text = cli(*args, "--format", "mermaid").stdout
        result = _mermaid_parse(text)
        assert result.returncode == 0, (args, result.stderr)
        assert "flowchart" in result.stdout
    broken = _mermaid_parse("flowchart TD\n    a[[[ -->\n")
    assert broken.returncode == 1  # the checker really parses


@pytest.mark.parametrize("extra", [["--json"], ["--fields", "source"]])
def test_a_diagram_format_with_json_or_fields_is_a_usage_error(mini_cli: Cli, extra: list[str]) -> None:
    result = mini_cli("lineage", "--format", "mermaid", *extra)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "is a diagram" in result.stderr
