from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

from modality_cli.cli.app import app
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.loading import read_knowledge_file
from modality_cli.kb.store.load import load
from modality_cli.queries.compare import compare
from modality_cli.queries.entries import show_modality, techniques, theories, theorists
from modality_cli.queries.listing import list_modalities
from modality_cli.queries.search import search

# The query functions, one namespace for the tests (the package imports them per command).
queries = SimpleNamespace(
    compare=compare,
    list_modalities=list_modalities,
    search=search,
    show_modality=show_modality,
    techniques=techniques,
    theories=theories,
    theorists=theorists,
)

FIXTURES = Path(__file__).parent / "fixtures"

#: One call of every command against the mini fixture, for suites that run them all.
COMMAND_SAMPLES: list[list[str]] = [
    ["list"],
    ["show", "tet"],
    ["theories"],
    ["theories", "example drive theory"],
    ["theorists"],
    ["theorists", "ada example"],
    ["techniques"],
    ["techniques", "open talk"],
    ["conditions"],
    ["conditions", "wed"],
    ["evidence"],
    ["cards"],
    ["compare", "tet", "bst"],
    ["search", "talk"],
    ["timeline"],
    ["lineage", "tet"],
    ["stats"],
    ["validate"],
]
MINI = FIXTURES / "mini.json"


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def invoke(*args: str, env: dict[str, str] | None = None) -> Outcome:
    """Run the CLI in-process through Typer's runner, as a user would."""
    runner = CliRunner()
    result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    return Outcome(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli() -> Callable[..., Outcome]:
    return invoke


@pytest.fixture
def mini_cli() -> Callable[..., Outcome]:
    def run(*args: str, env: dict[str, str] | None = None) -> Outcome:
        return invoke("--data", str(MINI), *args, env=env)

    return run


def run_process(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m modality_cli`` as a real subprocess."""
    # the caller's data and cache only (by default, the test session's own cache)
    full_env = {k: v for k, v in os.environ.items() if k not in ("MODALITY_DATA", "MODALITY_NO_CACHE")}
    full_env["MODALITY_CACHE_DIR"] = str(SESSION_CACHE)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "modality_cli", *args],
        capture_output=True,
        env=full_env,
        input=stdin.encode() if stdin is not None else None,
        timeout=60,
    )


#: The cache directory of this test session: never the user's own.
SESSION_CACHE = Path(tempfile.mkdtemp(prefix="modality-test-cache-"))


@pytest.fixture(autouse=True)
def session_cache_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run with the cache on (the default) in the session's own directory,
    unless they say otherwise."""
    monkeypatch.setenv("MODALITY_CACHE_DIR", str(SESSION_CACHE))
    monkeypatch.delenv("MODALITY_NO_CACHE", raising=False)


@pytest.fixture(scope="session")
def shipped() -> KnowledgeBase:
    return load()


@pytest.fixture(scope="session")
def mini() -> KnowledgeBase:
    return KnowledgeBase(read_knowledge_file(MINI), str(MINI))


def write_json(tmp_path: Path, data: Any, name: str = "kb.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def mini_data() -> dict[str, Any]:
    return json.loads(MINI.read_text(encoding="utf-8"))
