"""Shell completion completes names of every kind, continues what was typed,
and stays light (no models, no Rich)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import MINI
from modality_cli.cli import completion
from modality_cli.core.paths import bundled_path


def complete(*words: str, env: dict[str, str] | None = None) -> list[str]:
    line = " ".join(["modality", *words])
    result = subprocess.run(
        [sys.executable, "-m", "modality_cli"],
        env={
            **os.environ,
            "_MODALITY_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words)),
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_modality_names_complete_from_ids_and_aliases() -> None:
    offered = complete("show", "cb")
    assert {"cbasp", "cbt", "cbt-for-insomnia", "cbt-for-psychosis"} <= set(offered)
    assert all(name.startswith("cb") for name in offered) and len(set(offered)) == len(offered)
    assert "psychodynamic-therapy" in complete("show", "psycho")
    assert "psychoanalysis" in complete("compare", "cbt", "psychoa")


def test_people_complete_by_surname_as_typed() -> None:
    assert "Freud" in complete("theorists", "Fr")
    assert "kohut" in complete("theorists", "koh")


def test_theories_and_techniques_complete() -> None:
    assert "self-psychology" in complete("theories", "self")
    assert "free-association" in complete("techniques", "free")
    assert "heinz-kohut" not in complete("techniques", "free")


def test_every_completion_resolves_to_its_entry(mini: object) -> None:
    from modality_cli.kb.knowledge import KnowledgeBase

    assert isinstance(mini, KnowledgeBase)
    os.environ["MODALITY_DATA"] = str(MINI)
    try:
        for value, label in completion.complete_modality(""):
            assert mini.modality(value).name == label
        for value, label in completion.complete_theorist("s"):
            assert mini.theorist(value).name == label
    finally:
        del os.environ["MODALITY_DATA"]


@pytest.mark.parametrize("bad", ["/nonexistent.json", str(MINI.parent)])
def test_completion_with_a_bad_data_file_offers_nothing_and_does_not_fail(bad: str) -> None:
    assert complete("show", "x", env={"MODALITY_DATA": bad}) == []


def test_completion_does_not_build_models_or_import_rich() -> None:
    code = (
        "import os, sys\n"
        "os.environ.update(_MODALITY_COMPLETE='complete_bash', COMP_WORDS='modality show cb', COMP_CWORD='2')\n"
        "from modality_cli.cli.entry import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('rich', 'modality_cli.models', 'modality_cli.kb.knowledge'))]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in result.stderr
    assert "cbt" in result.stdout.split()
    assert sorted(result.stdout.split()) == sorted(complete("show", "cb"))


@pytest.mark.parametrize("kind", ["modalities", "theories", "theorists", "techniques", "conditions"])
def test_the_store_offers_the_names_the_file_offers(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from modality_cli.kb.store.load import load

    load()  # the bundled data's database is in the cache
    completion._reader.cache_clear()
    assert completion._from_store(bundled_path(), bundled_path().read_bytes()) is not None
    from_store = completion._entries(kind)
    monkeypatch.setattr(completion, "_from_store", lambda path, raw: None)
    completion._reader.cache_clear()
    from_file = completion._entries(kind)
    completion._reader.cache_clear()
    assert len(from_store) == len(from_file) > 0
    for mine, theirs in zip(from_store, from_file, strict=True):
        assert mine == {"id": theirs["id"], "name": theirs["name"], "aliases": theirs.get("aliases", [])}


def test_completion_ignores_a_database_of_other_bytes() -> None:
    assert completion._from_store(bundled_path(), b'{"schema_version": 1}') is None


def test_a_completion_of_two_kinds_reads_the_data_once() -> None:
    completion._reader.cache_clear()
    assert completion.complete_theory_or_modality("psy")
    assert completion._reader.cache_info().misses == 1


@pytest.mark.parametrize("shell", ["zsh", "fish"])
@pytest.mark.parametrize("name", ["Talking [bold]example[/] therapy", "Talking [/] example therapy"])
def test_completion_prints_names_as_written(tmp_path: object, shell: str, name: str) -> None:
    import json
    from pathlib import Path

    from conftest import mini_data

    data = mini_data()
    data["modalities"][0]["name"] = name
    path = Path(str(tmp_path)) / "kb.json"
    path.write_text(json.dumps(data))
    env = {
        **os.environ,
        "MODALITY_DATA": str(path),
        "_MODALITY_COMPLETE": f"complete_{shell}",
        "_TYPER_COMPLETE_ARGS": "modality show ta",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    result = subprocess.run(
        [sys.executable, "-m", "modality_cli"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stderr == ""
    assert name in result.stdout


# -- the quick path: answered before Typer is imported, as Typer would answer --------------------
TYPER = "from modality_cli.cli.app import app\napp(prog_name='modality')\n"
QUICK = "from modality_cli.cli.entry import run\nrun()\n"


def _request(shell: str, words: list[str], incomplete: str) -> dict[str, str]:
    line = " ".join(["modality", *words, incomplete])
    if shell == "bash":
        return {"_MODALITY_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) + 1)}
    env = {"_MODALITY_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": line}
    if shell == "powershell":
        env["_TYPER_COMPLETE_WORD_TO_COMPLETE"] = incomplete
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return env


def _answer(code: str, env: dict[str, str]) -> tuple[int, str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("_MODALITY", "_TYPER", "COMP_"))}
    result = subprocess.run(
        [sys.executable, "-c", code], env={**full, **env}, capture_output=True, text=True, timeout=60
    )
    return result.returncode, result.stdout


REQUESTS = [
    (["show"], "psy"),
    (["show"], "Psy"),
    (["show"], ""),
    (["show", "cognitive"], "beh"),
    (["compare", "cbt"], "psychoa"),
    (["theories"], "self"),
    (["theorists"], "Fr"),
    (["theorists"], "koh"),
    (["techniques"], "free"),
    (["conditions"], "pan"),
    (["browse"], "k"),
    (["--no-color", "show"], "gest"),
    (["--data", "@bundled", "show"], "cb"),
    (["show"], "zzzz-nothing"),
    (["show"], "o'"),
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
@pytest.mark.parametrize(("words", "incomplete"), REQUESTS, ids=[" ".join([*w, i]) for w, i in REQUESTS])
def test_the_quick_path_answers_as_typer_does(shell: str, words: list[str], incomplete: str) -> None:
    env = _request(shell, words, incomplete)
    assert _answer(QUICK, env) == _answer(TYPER, env)


@pytest.mark.parametrize(
    ("words", "incomplete"),
    [([], "sh"), (["show"], "--js"), (["theorists", "-m"], "psy"), (["list", "--family"], "")],
)
def test_what_the_quick_path_does_not_know_is_left_to_typer(words: list[str], incomplete: str) -> None:
    env = _request("bash", words, incomplete)
    assert _answer(QUICK, env) == _answer(TYPER, env)
    assert _answer(QUICK, env)[1]  # Typer answered


def test_the_quick_path_imports_neither_typer_nor_the_models() -> None:
    code = (
        "import sys\nfrom modality_cli.cli.entry import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('typer', 'click', 'pydantic', 'modality_cli.models'))]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    env = {**os.environ, **_request("bash", ["show"], "psy")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in result.stderr
    assert "psychoanalysis" in result.stdout.split()
