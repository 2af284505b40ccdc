"""Hostile input, broken data, odd terminals: the right output or a clear
one-line error with the right exit status, never a traceback or a hang."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import COMMAND_SAMPLES, MINI, Outcome, invoke, mini_data, run_process, write_json
from modality_cli.cli.boundary import guarded
from modality_cli.core.errors import DataError
from modality_cli.kb.loading import read_knowledge_file

BROKEN = Path(__file__).parent / "broken"
EXPECTED: dict[str, str] = json.loads((BROKEN / "EXPECTED.json").read_text(encoding="utf-8"))
Cli = Callable[..., Outcome]


def test_the_corpus_is_large_enough() -> None:
    assert len(EXPECTED) >= 25
    assert sorted(EXPECTED) == sorted(p.name for p in BROKEN.glob("*.json") if p.name != "EXPECTED.json")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_damaged_file_is_refused_naming_file_and_field(name: str) -> None:
    path = BROKEN / name
    result = invoke("--data", str(path), "list", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}: {EXPECTED[name]}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_reports_each_damaged_file_one_line_per_problem(name: str) -> None:
    path = BROKEN / name
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{path}: {EXPECTED[name]}") for line in lines), result.stdout
    assert lines[-1].endswith("problem") or lines[-1].endswith("problems")


def test_validate_json_lists_the_problems(tmp_path: Path) -> None:
    result = invoke("validate", str(BROKEN / "died-before-born.json"), "--json")
    assert result.exit_code == 1
    report = result.json()
    assert report["valid"] is False
    assert report["problems"][0].endswith(
        "broken/died-before-born.json: theorists[0].died: 1850 is before born (1870) (got 1850) [entry 'ada-example']"
    )


def test_a_fifty_megabyte_file_is_refused_with_its_field(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    data = mini_data()
    data["modalities"][0]["padding"] = "x" * (50 * 1024 * 1024)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    result = invoke("--data", str(path), "show", "tet")
    assert result.exit_code == 1
    assert f"{path}: modalities[0].padding: is not a known field" in result.stderr
    assert len(result.stderr) < 1000


def test_a_directory_a_missing_path_and_an_empty_path_are_refused(tmp_path: Path) -> None:
    for target, message in ((tmp_path, "is a directory"), (tmp_path / "nope.json", "does not exist")):
        result = invoke("--data", str(target), "list")
        assert result.exit_code == 1
        assert f"{target}: {message}" in result.stderr


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_json(tmp_path, mini_data())

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(DataError) as caught:
        read_knowledge_file(path)
    assert caught.value.problems == ["cannot be read (permission denied)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_an_unreadable_file_is_refused_by_the_real_program(tmp_path: Path) -> None:
    path = write_json(tmp_path, mini_data())
    path.chmod(0)
    result = run_process("--data", str(path), "list")
    assert result.returncode == 1
    assert b"permission denied" in result.stderr


# -- terminal injection through the whole program -------------------------------

INJECTED = (
    "Evil \x1b[2J\x1b]8;;http://example.invalid\x07link\x1b]8;;\x07 [bold red]markup[/] :fire: \r\x08\x9b1m"
)


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    data = mini_data()
    for section in ("modalities", "theories", "theorists", "techniques"):
        for entry in data[section]:
            entry["summary"] = INJECTED
    data["modalities"][0]["name"] = "[link=http://x]Talking[/link] example therapy"
    for condition in data["conditions"]:
        condition["summary"] = INJECTED
    data["conditions"][0]["name"] = "Worry " + INJECTED
    data["theorists"][0]["contributions"] = [INJECTED]
    return write_json(tmp_path, data)


@pytest.mark.parametrize("args", [a for a in COMMAND_SAMPLES if a[0] not in ("stats", "validate")])
@pytest.mark.parametrize("columns", ["30", "200"])
def test_data_text_cannot_drive_the_terminal(hostile_file: Path, args: list[str], columns: str) -> None:
    result = invoke("--data", str(hostile_file), *args, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    for code in ("\x1b", "\r", "\x08", "\x07", "\x9b"):
        assert code not in result.stdout
    flat = "".join(result.stdout.split())
    # the data is on screen, as written: escapes visible, markup literal
    assert "\\x1b[2J" in flat or "[link=http://x]Talking" in flat
    # (search shows the passage that matched rather than the summary)
    if columns == "200" and args[0] not in ("compare", "timeline", "lineage", "search"):
        assert "[boldred]markup[/]:fire:" in flat


def test_json_keeps_hostile_text_exact(hostile_file: Path) -> None:
    result = invoke("--data", str(hostile_file), "show", "tet", "--json")
    assert result.json()["summary"] == INJECTED
    assert "\x1b" not in result.stdout  # escaped by JSON as \u001b
    assert "\\u001b[2J" in result.stdout


# -- streams, signals and terminals ---------------------------------------------


def test_a_full_disk_ends_with_a_one_line_error() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "modality_cli", "--data", str(MINI), "list", "--format", "csv"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.decode().strip() == "Error: cannot write output (No space left on device)."


def test_a_full_disk_with_json_ends_with_a_json_error() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "modality_cli", "--data", str(MINI), "list", "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert result.returncode == 1
    error = json.loads(result.stderr)["error"]
    assert error == {"code": "io", "message": "cannot write output (No space left on device)."}


def test_a_closed_stdout_ends_with_a_one_line_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "modality_cli", "--data", str(MINI), "list", "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert result.stderr.decode().strip() == "Error: standard output is closed."


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["compare", "tet", "bst"],
        *(["list", "--format", fmt] for fmt in ("json", "jsonl", "csv", "markdown")),
        ["compare", "tet", "bst", "--json"],
        ["lineage", "--format", "mermaid"],
    ],
)
@pytest.mark.parametrize("head", [["head", "-n", "1"], ["head", "-c", "10"]])
def test_piping_into_head_ends_quietly(args: list[str], head: list[str]) -> None:
    command = [sys.executable, "-m", "modality_cli", "--data", str(MINI), *args]
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    consumer = subprocess.run(head, stdin=producer.stdout, capture_output=True, timeout=60)
    assert producer.stdout is not None
    producer.stdout.close()
    _, err = producer.communicate(timeout=60)
    assert consumer.stdout
    assert err == b""
    assert producer.returncode == 0


def test_ctrl_c_exits_130_quietly(tmp_path: Path) -> None:
    fifo = tmp_path / "kb.fifo"
    os.mkfifo(fifo)  # reading it blocks until interrupted
    process = subprocess.Popen(
        [sys.executable, "-m", "modality_cli", "--data", str(fifo), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert b"Traceback" not in err and out == b""


def test_an_interrupt_anywhere_in_a_command_is_130() -> None:
    def interrupted() -> None:
        raise KeyboardInterrupt

    assert guarded(interrupted) == 130


def _on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run the program with stdout on a pseudo-terminal and return what it printed."""
    controller, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    full_env.update({"TERM": "xterm-256color", "COLUMNS": "100", "MODALITY_PAGER": "", **env})
    process = subprocess.Popen(
        [sys.executable, "-m", "modality_cli", "--data", str(MINI), *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=full_env,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(controller)
    assert process.returncode == 0
    return b"".join(chunks)


def test_a_terminal_gets_colour() -> None:
    assert b"\x1b[" in _on_a_terminal(["compare", "tet", "bst"], {})


@pytest.mark.parametrize(
    ("env", "args"),
    [
        ({"NO_COLOR": "1"}, []),
        ({"TERM": "dumb"}, []),
        ({"FORCE_COLOR": "0"}, []),
        ({}, ["--no-color"]),
    ],
)
def test_colour_can_be_turned_off(env: dict[str, str], args: list[str]) -> None:
    output = _on_a_terminal([*args, "compare", "tet", "bst"], env)
    assert b"\x1b[" not in output
    assert b"Talking example therapy" in output


def test_a_c_locale_gives_readable_output() -> None:
    result = run_process("--data", str(MINI), "show", "tet", env={"LC_ALL": "C", "LANG": "C"})
    assert result.returncode == 0
    assert b"Talking example therapy" in result.stdout


# -- read-only and offline -------------------------------------------------------

ALL_COMMANDS = COMMAND_SAMPLES


def test_the_program_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for args in ALL_COMMANDS:
        result = invoke("--data", str(MINI), *args)
        assert result.exit_code == 0, (args, result.stderr)


@pytest.mark.parametrize("cache", ["on", "off"])
def test_the_program_writes_nothing_but_its_cache(tmp_path: Path, cache: str) -> None:
    """With the cache on (the default), the one file written is the cache's
    database of the data; turned off, nothing at all."""
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("MODALITY_CACHE_DIR", "MODALITY_NO_CACHE")},
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PYTHONDONTWRITEBYTECODE": "1",
        **({"MODALITY_NO_CACHE": "1"} if cache == "off" else {}),
    }
    for args in ALL_COMMANDS:
        subprocess.run(
            [sys.executable, "-m", "modality_cli", "--data", str(MINI), *args],
            cwd=work,
            env=env,
            capture_output=True,
            check=True,
            timeout=60,
        )
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    if cache == "off":
        assert written == []
    else:
        assert len(written) == 1 and written[0].startswith(".cache/modality/"), written
        assert written[0].endswith(".sqlite")
    assert list(work.iterdir()) == []


def test_the_pager_is_used_only_on_a_terminal(mini_cli: Cli) -> None:
    # not a terminal here: --pager changes nothing, and nothing waits for a key
    assert mini_cli("--pager", "show", "tet").stdout == mini_cli("show", "tet").stdout


def _pager_to(path: Path) -> str:
    """A pager that records the LESS it was given and what it was sent."""
    return f"sh -c 'echo LESS=$LESS > {path}; cat >> {path}'"


@pytest.mark.parametrize(
    ("args", "lines", "paged"),
    [
        (["show", "tet"], "10", True),  # taller than the screen
        (["show", "tet"], "500", False),  # fits: printed at once
        (["show", "tet", "--no-pager"], "10", False),
        (["--no-pager", "show", "tet"], "10", False),
        (["list", "--pager"], "500", True),  # forced, even when it fits
    ],
)
def test_the_pager_takes_long_views_on_a_terminal(
    tmp_path: Path, args: list[str], lines: str, paged: bool
) -> None:
    record = tmp_path / "paged.txt"
    out = _on_a_terminal(args, {"MODALITY_PAGER": _pager_to(record), "LINES": lines})
    assert record.exists() == paged
    if paged:
        text = record.read_text()
        assert text.startswith("LESS=FRX\n")
        assert "Talking example therapy" in text
        assert b"Talking example therapy" not in out
    else:
        assert b"Talking example" in out


def test_the_users_less_options_are_kept(tmp_path: Path) -> None:
    record = tmp_path / "paged.txt"
    _on_a_terminal(["show", "tet"], {"MODALITY_PAGER": _pager_to(record), "LINES": "10", "LESS": "-R"})
    assert record.read_text().startswith("LESS=-R\n")


def test_a_missing_pager_prints_the_view(tmp_path: Path) -> None:
    out = _on_a_terminal(["show", "tet"], {"MODALITY_PAGER": "no-such-pager-here", "LINES": "10"})
    assert b"Talking example therapy" in out
