"""The CLI end to end, as users and scripts call it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Callable

import pytest

from conftest import MINI, Outcome, run_process
from modality_cli import __version__
from modality_cli.cli.app import app

Cli = Callable[..., Outcome]
COMMANDS = [
    "list",
    "show",
    "theories",
    "theorists",
    "techniques",
    "compare",
    "search",
    "timeline",
    "lineage",
    "validate",
    "stats",
    "schema",
]


def test_every_command_has_help_with_examples(cli: Cli) -> None:
    top = cli("--help")
    assert top.exit_code == 0
    assert "not clinical advice" in top.stdout
    for command in COMMANDS:
        assert command in top.stdout
        result = cli(command, "--help")
        assert result.exit_code == 0, command
        assert "--json" in result.stdout
        assert "Examples:" in result.stdout


def test_no_arguments_shows_help(cli: Cli) -> None:
    result = cli()
    assert "Usage:" in result.stdout + result.stderr
    assert result.exit_code in (0, 2)


def test_version_is_the_package_version(cli: Cli) -> None:
    assert cli("--version").stdout == f"modality {__version__}\n"


def test_list_json_is_an_array_of_entries_with_the_contract_fields(mini_cli: Cli) -> None:
    result = mini_cli("list", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    rows = result.json()
    assert isinstance(rows, list) and len(rows) == 3
    for field in (
        "id",
        "name",
        "aliases",
        "summary",
        "sources",
        "family",
        "founded",
        "founders",
        "theorists",
        "theories",
        "techniques",
    ):
        assert field in rows[0], field
    assert result.stdout.endswith("\n")


def test_show_json_is_one_object_with_references_by_id(mini_cli: Cli) -> None:
    data = mini_cli("show", "tet", "--json").json()
    assert data["id"] == "talking-example-therapy"
    assert data["founders"] == ["ada-example"]
    assert data["evidence"][0]["level"] == "limited"
    assert data["bibliography"][0]["id"] == "example-2001-handbook"


def test_theorists_json_has_integer_life_dates_and_null_for_the_living(mini_cli: Cli) -> None:
    people = {p["id"]: p for p in mini_cli("theorists", "--json").json()}
    assert (people["ada-example"]["born"], people["ada-example"]["died"]) == (1870, 1940)
    assert people["cara-sample"]["died"] is None


def test_compare_json_has_the_contract_shape(mini_cli: Cli) -> None:
    data = mini_cli("compare", "bst", "tet", "--json").json()
    assert data["modalities"] == ["behavioural-sample-therapy", "talking-example-therapy"]
    assert {"id", "label", "values"} <= set(data["dimensions"][0])
    assert set(data["shared"]) == {"techniques", "theories", "theorists"}
    assert set(data["unique"]) == set(data["modalities"])


def test_theories_name_that_is_a_modality_lists_its_theories(mini_cli: Cli) -> None:
    assert mini_cli("theories", "tet", "--json").json() == mini_cli("theories", "-m", "tet", "--json").json()


def test_an_unknown_name_is_exit_1_with_a_suggestion_on_stderr(mini_cli: Cli) -> None:
    result = mini_cli("show", "talkin example")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        result.stderr
        == "Error: no modality matches 'talkin example'.\nDid you mean 'Talking example therapy'?\n"
    )


def test_with_json_an_error_is_a_json_object_on_stderr(mini_cli: Cli) -> None:
    result = mini_cli("show", "talkin example", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    error = json.loads(result.stderr)["error"]
    assert error["code"] == "not_found"
    assert error["query"] == "talkin example" and error["kind"] == "modality"
    assert error["candidates"] == [
        {"kind": "modality", "id": "talking-example-therapy", "name": "Talking example therapy"}
    ]


@pytest.mark.parametrize(
    ("args", "code", "status"),
    [
        (["theorists", "sample", "--json"], "ambiguous", 1),
        (["compare", "tet", "--json"], "usage", 2),
        (["list", "--no-such-option", "--json"], "usage", 2),
        (["show", "tet", "--format", "jsonl", "--data", "/nonexistent/kb.json"], "bad_data", 1),
        (["conditions", "nothing at all", "--fields", "id"], "not_found", 1),
    ],
)
def test_every_error_with_json_is_a_documented_object(
    mini_cli: Cli, args: list[str], code: str, status: int
) -> None:
    result = mini_cli(*args)
    assert result.exit_code == status
    assert result.stdout == ""
    error = json.loads(result.stderr)["error"]
    assert error["code"] == code and error["message"]
    if code == "ambiguous":
        assert {c["id"] for c in error["candidates"]} == {"ben-sample", "cara-sample"}


@pytest.mark.parametrize(
    "args",
    [
        ["show", "tet", "--no-color"],
        ["show", "tet", "--pager"],
        ["show", "tet", "--no-pager"],
        ["compare", "tet", "bst", "--no-color", "--no-pager"],
        ["--no-color", "show", "tet"],
    ],
)
def test_global_options_work_after_the_command(mini_cli: Cli, args: list[str]) -> None:
    result = mini_cli(*args)
    assert result.exit_code == 0, result.stderr
    assert "Talking example therapy" in result.stdout


def test_data_works_after_the_command(cli: Cli) -> None:
    from conftest import MINI

    assert cli("show", "tet", "--data", str(MINI), "--json").json()["id"] == "talking-example-therapy"
    assert cli("show", "tet", f"--data={MINI}", "--json").json()["id"] == "talking-example-therapy"


@pytest.mark.parametrize("args", [["help"], ["help", "compare"], ["compare", "--help"], ["show", "-h"]])
def test_help_works_as_a_command_and_an_option(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_help_command_is_the_same_as_the_option(cli: Cli) -> None:
    assert cli("help", "compare").stdout == cli("compare", "--help").stdout


def test_version_works_anywhere(cli: Cli) -> None:
    from modality_cli import __version__

    assert cli("show", "cbt", "--version").stdout == f"modality {__version__}\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["show", "talking", "example", "therapy"], "talking-example-therapy"),
        (["theorists", "ada", "example"], "ada-example"),
        (["techniques", "open", "talk"], "open-talk"),
        (["conditions", "worry", "example", "disorder"], "worry-example"),
    ],
)
def test_several_unquoted_words_are_one_name(mini_cli: Cli, args: list[str], expected: str) -> None:
    assert mini_cli(*args, "--json").json()["id"] == expected


@pytest.mark.parametrize(
    "words",
    [
        ["tet", "bst"],
        ["tet", "vs", "bst"],
        ["tet", "versus", "bst"],
        ["tet", "and", "bst"],
        ["tet,", "bst"],
        ["talking", "example", "therapy", "bst"],
        ["talking", "example", "therapy", "vs", "behavioural", "sample", "therapy"],
    ],
)
def test_compare_reads_names_as_people_type_them(mini_cli: Cli, words: list[str]) -> None:
    data = mini_cli("compare", *words, "--json").json()
    assert data["modalities"] == ["talking-example-therapy", "behavioural-sample-therapy"]


def test_an_ambiguous_name_is_exit_1_and_lists_candidates(mini_cli: Cli) -> None:
    result = mini_cli("theorists", "sample")
    assert result.exit_code == 1
    assert "'Ben Q. Sample' or 'Cara Sample'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "tet"],
        ["compare", "tet", "TET"],
        ["show"],
        ["nonsense-command"],
        ["list", "--no-such-option"],
        ["search", "x", "--limit", "-3"],
        ["theories", "example drive theory", "-m", "tet"],
    ],
)
def test_bad_usage_is_exit_2_on_stderr(mini_cli: Cli, args: list[str]) -> None:
    result = mini_cli(*args)
    assert result.exit_code == 2, result
    assert result.stdout == ""
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr


def test_an_empty_search_is_an_empty_array_and_success(mini_cli: Cli) -> None:
    result = mini_cli("search", "zebra", "--json")
    assert (result.exit_code, result.json()) == (0, [])


def test_a_broken_data_file_is_exit_1_naming_file_and_field(tmp_path: object, cli: Cli) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "broken.json"
    data = json.loads(MINI.read_text(encoding="utf-8"))
    data["theorists"][0]["died"] = 1800
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("--data", str(path), "list", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}: theorists[0].died: 1800 is before born (1870)" in result.stderr


def test_the_data_file_can_come_from_the_environment(cli: Cli) -> None:
    result = cli("list", "--json", env={"MODALITY_DATA": str(MINI)})
    assert next(r["id"] for r in result.json()) == "behavioural-sample-therapy"


# -- real processes: exit statuses, pipes, imports ---------------------------


def test_a_real_process_returns_the_documented_exit_statuses() -> None:
    assert run_process("--data", str(MINI), "show", "tet", "--json").returncode == 0
    missing = run_process("--data", str(MINI), "show", "nothing-like-it")
    assert missing.returncode == 1 and missing.stdout == b""
    assert run_process("--data", str(MINI), "compare", "tet").returncode == 2
    assert run_process("--data", "/nonexistent/kb.json", "list").returncode == 1


def test_json_is_utf8_whatever_the_locale(tmp_path: object) -> None:
    from pathlib import Path

    data = json.loads(MINI.read_text(encoding="utf-8"))
    data["theorists"][0]["name"] = "Ada Éxample 東"
    path = Path(str(tmp_path)) / "kb.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    result = run_process("--data", str(path), "theorists", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert "Ada Éxample 東" in result.stdout.decode("utf-8")
    table = run_process("--data", str(path), "theorists", env=env)
    assert table.returncode == 0, table.stderr
    assert b"Traceback" not in table.stderr


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["compare", "tet", "bst"], ["show", "tet"]])
def test_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    command = [sys.executable, "-m", "modality_cli", "--data", str(MINI), *args]
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert producer.stdout is not None
    producer.stdout.read(10)
    producer.stdout.close()
    _, err = producer.communicate(timeout=60)
    assert b"Traceback" not in err and b"Exception" not in err
    assert producer.returncode == 0


def modules_loaded_by(args: list[str], prefix: str, data: str | None = str(MINI)) -> list[str]:
    """The modules starting with ``prefix`` that running the CLI with ``args``
    (on the mini fixture, or on the bundled data if ``data`` is None) imports,
    in a fresh interpreter, on a run after the first (which validates the data
    and keeps its database in the cache, as a user's first run does)."""
    args = ["--data", data, *args] if data is not None else args
    run_process(*args)  # the first run
    code = (
        "import sys\n"
        "from modality_cli.cli.app import app\n"
        "from typer.testing import CliRunner\n"
        f"r = CliRunner().invoke(app, {args!r})\n"
        "assert r.exit_code == 0, r.output\n"
        f"print(sorted(m for m in sys.modules if m.startswith({prefix!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded: list[str] = ast.literal_eval(out.stdout)
    return loaded


def test_the_json_path_does_not_import_rich() -> None:
    assert modules_loaded_by(["compare", "tet", "bst", "--json"], "rich") == []


def test_running_one_command_builds_only_that_command() -> None:
    assert modules_loaded_by(["show", "tet", "--json"], "modality_cli.cli.commands.") == [
        "modality_cli.cli.commands.entries"
    ]


def test_the_command_registry_matches_the_command_modules() -> None:
    import importlib

    from modality_cli.cli.commands import REGISTRY, build

    defined: dict[str, str] = {}
    for module_name in sorted(set(REGISTRY.values())):
        module = importlib.import_module(f"modality_cli.cli.commands.{module_name}")
        defined.update({info.name or "": module_name for info in module.commands.registered_commands})
    assert defined == REGISTRY
    assert [build(name).name for name in REGISTRY] == list(REGISTRY)


def test_python_dash_m_and_the_app_are_the_same_program() -> None:
    result = run_process("--version")
    assert result.stdout.decode() == f"modality {__version__}\n"
    assert app.info.name == "modality"


def test_every_package_in_the_source_tree_is_packaged() -> None:
    import tomllib
    from pathlib import Path

    root = Path(__file__).parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(root / "src").parts) for init in (root / "src").rglob("__init__.py")
    }
    assert found <= listed, found - listed


def test_names_that_resolve_never_load_the_fuzzy_matcher() -> None:
    args = ["compare", "talking", "example", "therapy", "vs", "bst", "--json"]
    assert modules_loaded_by(args, "rapidfuzz") == []
    assert modules_loaded_by(["show", "tet", "--json"], "markdown_it") == []
