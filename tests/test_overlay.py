"""Your own data: --data replaces the bundled file, several --data overlay in
order, @bundled names the shipped file, and errors name the file they are in."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import MINI, Outcome, mini_data, write_json

Cli = Callable[..., Outcome]
EXAMPLE = Path(__file__).parent.parent / "examples" / "local-programme.json"


def test_the_example_overlays_the_bundled_knowledge_base(cli: Cli) -> None:
    result = cli(
        "--data", "@bundled", "--data", str(EXAMPLE), "techniques", "distress tolerance skills", "--json"
    )
    assert result.exit_code == 0, result.stderr
    assert "example-skills-group" in result.json()["modalities"]
    assert "dialectical-behaviour-therapy" in result.json()["modalities"]


def test_the_example_alone_is_incomplete_and_validate_says_why(cli: Cli) -> None:
    result = cli("validate", str(EXAMPLE))
    assert result.exit_code == 1
    assert f"{EXAMPLE}: modalities[0].theorists[0]: unknown theorist 'marsha-linehan'" in result.stdout


def test_validate_checks_the_overlay_in_use(cli: Cli) -> None:
    result = cli("--data", "@bundled", "--data", str(EXAMPLE), "validate", "--json")
    assert result.exit_code == 0
    assert result.json()["counts"]["modalities"] >= 46


def test_a_later_file_replaces_same_id_entries_and_adds_new_ones(tmp_path: Path, cli: Cli) -> None:
    data = {
        "modalities": [dict(mini_data()["modalities"][2], summary="Replaced by the overlay.")],
        "sources": [],
    }
    extra = write_json(tmp_path, data, "extra.json")
    result = cli("--data", str(MINI), "--data", str(extra), "show", "third way", "--json")
    assert result.json()["summary"] == "Replaced by the overlay."
    assert len(cli("--data", str(MINI), "--data", str(extra), "list", "--json").json()) == 3


def test_a_broken_reference_in_an_overlay_names_its_file(tmp_path: Path, cli: Cli) -> None:
    bad = dict(mini_data()["techniques"][2], id="new-technique", name="New technique", modalities=["nowhere"])
    extra = write_json(tmp_path, {"techniques": [bad]}, "mine.json")
    result = cli("--data", str(MINI), "--data", str(extra), "list")
    assert result.exit_code == 1
    assert f"{extra}: techniques[0].modalities[0]: unknown modality 'nowhere'" in result.stderr


def test_a_shape_error_in_an_overlay_names_its_file(tmp_path: Path, cli: Cli) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"theorists": [{"id": "x"}]}), encoding="utf-8")
    result = cli("--data", str(MINI), "--data", str(extra), "list")
    assert result.exit_code == 1
    assert f"{extra}: theorists[0].name: is required" in result.stderr


def test_the_environment_variable_takes_a_path_list(cli: Cli) -> None:
    import os

    result = cli("list", "--json", env={"MODALITY_DATA": os.pathsep.join(["@bundled", str(EXAMPLE)])})
    assert "example-skills-group" in [row["id"] for row in result.json()]
