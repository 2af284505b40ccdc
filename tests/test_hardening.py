"""Reliability and security, by class: writes that cannot finish, input that is
not a regular file, limits, interrupts, a cache other people could reach, and
data text kept inert in every output format."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import COMMAND_SAMPLES, MINI, Outcome, invoke, mini_data, run_process, write_json

Cli = Callable[..., Outcome]


def _limited(fsize: int | None = None, memory: int | None = None) -> Callable[[], None]:
    def apply() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return apply


def _program(
    *args: str, stdout: object = subprocess.PIPE, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("MODALITY_DATA", "MODALITY_CACHE_DIR")}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "modality_cli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        **kwargs,
    )


# -- writes that cannot finish ------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["show", "cbt", "--json"],
        ["show", "cbt", "--format", "jsonl"],
        ["evidence", "--format", "csv"],
        ["show", "cbt", "--format", "markdown"],
        ["show", "cbt"],
        ["conditions"],
    ],
)
def test_output_cut_short_by_a_file_size_limit_is_an_error(tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "out"
    with target.open("wb") as out:
        result = _program(*args, stdout=out, preexec_fn=_limited(fsize=4096))
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1
    assert "cannot write output" in result.stderr.decode()


@pytest.mark.parametrize("suffix", [".html", ".svg", ".md", ".json", ".csv", ".txt"])
def test_an_export_cut_short_leaves_no_file(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"cbt{suffix}"
    result = _program("show", "cbt", "--export", str(target), preexec_fn=_limited(fsize=2048))
    assert result.returncode == 1
    assert "cannot write" in result.stderr.decode()
    assert list(tmp_path.iterdir()) == []


def test_an_export_replaces_a_planted_symlink_instead_of_writing_through_it(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "out.md"
    link.symlink_to(victim)
    assert invoke("--data", str(MINI), "show", "tet", "--export", str(link)).exit_code == 0
    assert victim.read_text() == "precious"
    assert not link.is_symlink() and link.read_text().startswith("# Talking example therapy")


# -- input that is not a regular file -------------------------------------------------
def test_a_knowledge_base_can_come_down_a_pipe() -> None:
    result = _program("--data", "/dev/stdin", "list", "--json", input=MINI.read_bytes())
    assert result.returncode == 0, result.stderr
    assert {row["id"] for row in json.loads(result.stdout)} >= {"talking-example-therapy"}


def test_a_pipe_that_is_not_read_twice_validates_too() -> None:
    # the hashing and the validation read the same bytes: a pipe is read once
    result = _program("--data", "/dev/stdin", "validate", input=MINI.read_bytes())
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_at_once(device: str) -> None:
    started = time.monotonic()
    result = _program("--data", device, "list")
    assert result.returncode == 1
    # random bytes open with "{" about one time in 250: then the UTF-8 check refuses them
    assert "not valid JSON" in result.stderr.decode() or "not valid UTF-8" in result.stderr.decode()
    assert time.monotonic() - started < 30


def test_a_stream_that_opens_like_json_but_is_not_text_is_refused_in_its_first_chunk() -> None:
    # what /dev/urandom sends when its first byte happens to be "{"
    result = _program("--data", "/dev/stdin", "list", input=b"{" + b"\xff\xfe" * 4096)
    assert result.returncode == 1
    assert "is not valid UTF-8 (byte 1)" in result.stderr.decode()


def _read_stream(chunks: list[bytes]) -> bytes:
    """What the loader reads from a stream that delivers ``chunks`` one read at a time."""
    from modality_cli.kb import loading

    delivered = iter([*chunks, b""])
    ready, writer = os.pipe()  # a descriptor select() always finds readable
    try:
        os.write(writer, b"x")
        return loading._read_limited(Path("stream"), lambda _n: next(delivered), wait=ready)
    finally:
        os.close(ready)
        os.close(writer)


def test_a_stream_with_a_character_split_across_chunks_is_read_whole() -> None:
    whole = _read_stream([b'{"a": "caf\xc3', b'\xa9", "b": "\xe2\x82', b'\xac"}'])
    assert whole.decode() == '{"a": "caf\u00e9", "b": "\u20ac"}'


def test_a_bad_byte_after_a_split_character_is_counted_from_the_stream_start() -> None:
    from modality_cli.core.errors import DataError

    with pytest.raises(DataError) as caught:
        _read_stream([b'{"a": "\xc3', b"\xa9\xff"])
    assert caught.value.problems == ["is not valid UTF-8 (byte 9)"]


def test_a_fifo_that_sends_nothing_is_given_up_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from modality_cli.kb import loading

    fifo = tmp_path / "kb.fifo"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR)  # a writer that never writes or closes
    try:
        monkeypatch.setattr(loading, "READ_WAIT", 0.3)
        result = invoke("--data", str(fifo), "list")
    finally:
        os.close(writer)
    assert result.exit_code == 1
    assert "sent no data" in result.stderr


def test_completion_never_waits_on_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "kb.fifo"
    os.mkfifo(fifo)
    env = {"MODALITY_DATA": str(fifo), "_MODALITY_COMPLETE": "complete_bash", "COMP_WORDS": "modality show t"}
    done = subprocess.run(
        [sys.executable, "-m", "modality_cli"],
        env={**os.environ, **env, "COMP_CWORD": "2"},
        capture_output=True,
        timeout=30,
    )
    assert done.returncode == 0


# -- limits ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("section", "index", "field"),
    [
        ("theorists", 0, "born"),
        ("theorists", 0, "died"),
        ("modalities", 0, "founded"),
        ("theories", 0, "year"),
    ],
)
def test_a_number_too_long_to_convert_is_a_field_error(
    tmp_path: Path, cli: Cli, section: str, index: int, field: str
) -> None:
    data = mini_data()
    data[section][index][field] = 0
    text = json.dumps(data).replace(f'"{field}": 0', f'"{field}": ' + "9" * 5000, 1)
    path = tmp_path / "kb.json"
    path.write_text(text)
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert (
        f"{section}[{index}].{field}: Input should be a valid integer (got a 5000-digit number)"
        in result.stdout
    )


def test_a_file_too_large_for_the_memory_limit_is_refused_with_the_figures(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from synthetic import write as write_synthetic

    big = tmp_path / "big.json"
    write_synthetic(2000, big)
    limit = 110 * 1024 * 1024  # enough to start, not to validate 7 MB
    result = _program("--data", str(big), "list", "--json", preexec_fn=_limited(memory=limit))
    assert result.returncode == 1
    message = result.stderr.decode()
    assert "MB of memory to validate" in message and "ulimit -v" in message


@pytest.fixture(scope="module")
def slow_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base that takes about a second to validate, so an interrupt can
    land in loading as well as in start-up and output."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from synthetic import write as write_synthetic

    path = tmp_path_factory.mktemp("slow") / "kb.json"
    write_synthetic(1500, path)
    return path


@pytest.mark.parametrize("delay", [0.1, 0.15, 0.2, 0.3, 0.4, 0.55, 0.7, 0.9, 1.2, 1.6])
def test_ctrl_c_at_any_moment_of_a_run_is_130_without_a_traceback(slow_data: Path, delay: float) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MODALITY_DATA", "MODALITY_CACHE_DIR")}
    process = subprocess.Popen(
        [sys.executable, "-m", "modality_cli", "--data", str(slow_data), "search", "synthetic", "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    # a loaded machine may deliver the signal while Python itself is still starting
    # (its site module, or runpy finding the package), before any of the program's
    # code runs: Python's own traceback and status 1. Once the program runs, never.
    if _OUR_FRAME.search(err) is None and b"KeyboardInterrupt" in err:
        return
    assert process.returncode in (0, 130, -signal.SIGINT), err
    assert b"Traceback" not in err and b"Exception ignored" not in err, err


#: A traceback frame in the program's own modules (package markers excepted).
_OUR_FRAME = re.compile(rb'File "[^"]*[/\\]modality_cli[/\\](?!__init__\.py"|__main__\.py", line 1,)[^"]*"')


# -- the cache is other people's input ---------------------------------------------------
def _cached(tmp_path: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return run_process("--data", str(MINI), *args, env={"MODALITY_CACHE_DIR": str(cache)})


def test_a_new_cache_directory_is_private_and_its_files_too(tmp_path: Path) -> None:
    cache = tmp_path / "new" / "cache"
    assert _cached(tmp_path, cache, "list", "--json").returncode == 0
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    files = list(cache.iterdir())
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600


@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o775, 0o757])
def test_a_cache_directory_others_can_write_is_refused_with_one_warning(tmp_path: Path, mode: int) -> None:
    cache = tmp_path / "shared"
    cache.mkdir()
    cache.chmod(mode)
    result = _cached(tmp_path, cache, "show", "tet", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == "talking-example-therapy"
    warning = result.stderr.decode()
    assert warning.startswith("Warning: not using the cache directory") and warning.count("\n") == 1
    assert list(cache.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the directory to another user")
def test_a_cache_directory_of_another_user_is_refused(tmp_path: Path) -> None:
    cache = tmp_path / "theirs"
    cache.mkdir(mode=0o700)
    os.chown(cache, 65534, 65534)
    result = _cached(tmp_path, cache, "list", "--json")
    assert result.returncode == 0 and b"belongs to another user" in result.stderr


def _snapshot_name(tmp_path: Path) -> str:
    cache = tmp_path / "probe"
    assert _cached(tmp_path, cache, "list", "--json").returncode == 0
    return next(cache.iterdir()).name


@pytest.mark.parametrize(
    "kind", ["symlink", "fifo", "directory", "huge-header", "nested", "empty", "garbage"]
)
def test_a_cached_file_that_is_not_a_sound_database_is_ignored(tmp_path: Path, kind: str) -> None:
    name = _snapshot_name(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    planted = cache / name
    elsewhere = tmp_path / "elsewhere.json"
    if kind == "symlink":
        elsewhere.write_bytes(b"not a snapshot")
        planted.symlink_to(elsewhere)
    elif kind == "fifo":
        os.mkfifo(planted)
    elif kind == "directory":
        planted.mkdir()
    elif kind == "huge-header":
        planted.write_bytes(b"SQLite format 3\x00" + b"\xff" * 84 + os.urandom(4000))
    elif kind == "nested":
        planted.write_bytes(b"[" * 100_000 + b"\n")
    elif kind == "empty":
        planted.write_bytes(b"")
    else:
        planted.write_bytes(os.urandom(4096))
    result = _cached(tmp_path, cache, "show", "tet", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "talking-example-therapy"
    assert b"Traceback" not in result.stderr
    if kind == "symlink":
        assert elsewhere.read_bytes() == b"not a snapshot"  # never written through
    if kind in ("huge-header", "garbage"):
        # ours and unusable: replaced by a sound database
        assert not planted.exists() or planted.read_bytes()[:16] == b"SQLite format 3\x00"


def test_stale_temporary_files_of_killed_runs_are_cleared(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    stale = cache / ".modality-abc.tmp"
    stale.write_bytes(b"half a snapshot")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    fresh = cache / ".modality-def.tmp"
    fresh.write_bytes(b"another run, still writing")
    assert _cached(tmp_path, cache, "list", "--json").returncode == 0
    assert not stale.exists() and fresh.exists()


# -- data text inert in every output ---------------------------------------------------------
CONTROLS = "\x1b[2J\x07\x08\r\x9b1m\u202e\u2066\u2028"
FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    data = mini_data()
    for section in ("modalities", "theories", "theorists", "techniques", "conditions"):
        for entry in data[section]:
            entry["summary"] = f"{FORMULA} {CONTROLS} end"
    data["modalities"][0]["name"] = "Talking " + CONTROLS + " example therapy"
    data["theorists"][0]["name"] = "@Ada " + CONTROLS + " Example"
    return write_json(tmp_path, data)


FORMATS = [["--json"], ["--format", "jsonl"], ["--format", "csv"], ["--format", "markdown"], []]


@pytest.mark.parametrize("args", [a for a in COMMAND_SAMPLES if a[0] not in ("stats", "validate")])
@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "jsonl", "csv", "markdown", "table"])
def test_no_output_format_passes_control_characters_through(
    hostile: Path, args: list[str], fmt: list[str]
) -> None:
    if args[0] in ("show", "compare") or (
        args[0] in ("theorists", "techniques", "theories", "conditions") and len(args) > 1
    ):
        args = {"show": ["show", "tet"], "compare": ["compare", "tet", "bst"]}.get(args[0], args)
    result = invoke("--data", str(hostile), *args, *fmt)
    assert result.exit_code == 0, result.stderr
    for char in "\x1b\x07\x08\r\x9b\u202e\u2066\u2028":
        assert char not in result.stdout, (args, fmt, repr(char))


def test_csv_cells_that_look_like_formulas_are_neutralised(hostile: Path) -> None:
    result = invoke("--data", str(hostile), "theorists", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert any(v.startswith("'@Ada") for row in rows for v in row.values())


def test_json_keeps_the_text_exact_while_escaping_it(hostile: Path) -> None:
    result = invoke("--data", str(hostile), "show", "tet", "--json")
    assert json.loads(result.stdout)["summary"] == f"{FORMULA} {CONTROLS} end"
    assert "\\u009b" in result.stdout and "\\u202e" in result.stdout


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_diagrams_pass_no_control_characters(hostile: Path, fmt: str) -> None:
    result = invoke("--data", str(hostile), "lineage", "--format", fmt)
    assert result.exit_code == 0
    assert not set(result.stdout) & set("\x1b\x07\x08\r\x9b\u202e\u2066\u2028")


def test_an_error_quoting_a_path_with_a_newline_is_still_one_line(cli: Cli) -> None:
    result = cli("--data", "/nowhere/x\nError: forged", "list")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert sum(line.startswith("Error:") for line in lines) == 1
    assert "\\nError: forged" in result.stderr
