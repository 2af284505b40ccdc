"""Snapshots of validated knowledge bases: the same answers as validating the
file, never used for other bytes, ignored when damaged, and written only to a
cache directory the user names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import MINI, run_process
from modality_cli import snapshot
from modality_cli.knowledge import KnowledgeBase, from_bytes, load
from modality_cli.paths import bundled_path
from modality_cli.plain import plain
from modality_cli.snapfile import FORMAT, bundled_snapshot, content_digest
from test_results import every_answer


def _files(*paths: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in paths]


def _content(*paths: Path) -> str:
    return content_digest([p.read_bytes()] for p in paths)


def _key(*paths: Path) -> str:
    return snapshot.key(_content(*paths))


def _fresh(*paths: Path) -> KnowledgeBase:
    return from_bytes(_files(*paths), str(paths[0]))


def _restored(*paths: Path) -> KnowledgeBase:
    key = _key(*paths)
    kb = snapshot.loads(snapshot.dumps(_fresh(*paths), key, _content(*paths)), key, str(paths[0]))
    assert kb is not None
    return kb


def test_the_shipped_snapshot_is_current() -> None:
    """Run ``python -m modality_cli.snapshot`` after editing data/modalities.json."""
    files = _files(bundled_path())
    expected = snapshot.dumps(from_bytes(files, "shipped"), _key(bundled_path()), _content(bundled_path()))
    assert bundled_snapshot().read_bytes() == expected


def test_the_shipped_data_loads_from_its_snapshot() -> None:
    assert type(load().modalities).__name__ == "Restored"


@pytest.mark.parametrize("path", [bundled_path(), MINI], ids=["shipped", "mini"])
def test_a_snapshot_gives_every_answer_that_validating_the_file_gives(path: Path) -> None:
    fresh, restored = _fresh(path), _restored(path)
    assert isinstance(restored.modalities, snapshot.Restored)
    for kind in snapshot.KINDS:
        assert list(restored.entries(kind)) == list(fresh.entries(kind))
        assert [plain(e) for e in restored.entries(kind).values()] == [
            plain(e) for e in fresh.entries(kind).values()
        ]
    if path == MINI:
        return
    for ours, theirs in zip(every_answer(restored), every_answer(fresh), strict=True):
        assert plain(ours) == plain(theirs)


def test_entries_are_decoded_only_when_read() -> None:
    kb = _restored(bundled_path())
    assert isinstance(kb.modalities, snapshot.Restored)
    kb.modality("cbt")
    assert len(kb.modalities._entries) == 1  # the one asked for
    assert kb.modalities["cognitive-behavioural-therapy"] is kb.modality("CBT")


def test_a_snapshot_of_other_bytes_is_not_used(tmp_path: Path) -> None:
    changed = tmp_path / "kb.json"
    changed.write_bytes(MINI.read_bytes() + b"\n")
    raw = snapshot.dumps(_fresh(MINI), _key(MINI), _content(MINI))
    assert snapshot.loads(raw, _key(changed), "x") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-10],  # truncated
        lambda raw: raw + b"\n",  # appended to
        lambda raw: raw.replace(b'{"format":2', b'{"format":99', 1),  # another format
        lambda raw: b"",
        lambda raw: b"\x00\xff not json",
        lambda raw: raw.split(b"\n", 1)[0],  # a header alone
        lambda raw: raw.replace(b'"size":', b'"size":"x","was":', 1),
        lambda raw: raw.replace(b'"blocks":{', b'"blocks":{"names.x":[5,1],', 1),
    ],
    ids=["truncated", "appended", "format", "empty", "binary", "header-only", "bad-size", "bad-table"],
)
def test_a_damaged_snapshot_is_ignored(damage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    key = _key(MINI)
    raw = snapshot.dumps(_fresh(MINI), key, _content(MINI))
    assert raw.startswith(b'{"format":%d,' % FORMAT)
    assert snapshot.loads(raw, key, "x") is not None
    assert snapshot.loads(damage(raw), key, "x") is None


def test_an_entry_damaged_inside_a_snapshot_is_an_error_with_a_hint(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"MODALITY_CACHE_DIR": str(cache)}
    assert run_process("--data", str(MINI), "list", env=env).returncode == 0
    [kept] = list(cache.iterdir())
    raw = kept.read_bytes()
    at = raw.index(b'{"id":"talking-example-therapy"')
    kept.write_bytes(raw[:at] + b"#" + raw[at + 1 :])  # same length, no longer JSON
    result = run_process("--data", str(MINI), "show", "tet", env=env)
    assert result.returncode == 1
    assert b"snapshot is damaged; delete" in result.stderr
    assert b"Traceback" not in result.stderr


def test_the_key_covers_every_file_and_their_order(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"schema_version": 1}))
    one = _key(MINI)
    assert _key(MINI, other) != one
    assert _key(other, MINI) != _key(MINI, other)


def test_a_cache_directory_is_used_only_when_named(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"MODALITY_CACHE_DIR": str(cache)}
    first = run_process("--data", str(MINI), "show", "tet", "--json", env=env)
    assert first.returncode == 0
    [kept] = list(cache.iterdir())
    assert kept.name == _key(MINI) + ".snapshot"
    again = run_process("--data", str(MINI), "show", "tet", "--json", env=env)
    assert again.stdout == first.stdout
    assert list(cache.iterdir()) == [kept]


def test_a_cached_snapshot_is_what_answers(tmp_path: Path) -> None:
    """Proof that the cache is read: a planted snapshot with the file's key wins."""
    cache = tmp_path / "cache"
    cache.mkdir()
    key = _key(MINI)
    raw = snapshot.dumps(_fresh(MINI), key, _content(MINI)).replace(b"Example", b"Planted")  # same length
    (cache / (key + ".snapshot")).write_bytes(raw)
    result = run_process("--data", str(MINI), "show", "tet", "--json", env={"MODALITY_CACHE_DIR": str(cache)})
    assert "Planted" in result.stdout.decode()


def test_an_unwritable_cache_directory_costs_only_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    result = run_process(
        "--data", str(MINI), "show", "tet", "--json", env={"MODALITY_CACHE_DIR": str(blocked)}
    )
    assert result.returncode == 0
    assert result.stderr.decode().startswith("Warning: not using the cache directory")
    assert result.stderr.count(b"\n") == 1
    assert json.loads(result.stdout)["id"] == "talking-example-therapy"


def test_invalid_data_is_never_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1, "modalities": [{"id": "x"}]}))
    result = run_process("--data", str(bad), "list", env={"MODALITY_CACHE_DIR": str(cache)})
    assert result.returncode == 1
    assert not cache.exists() or list(cache.iterdir()) == []


def test_no_cache_directory_means_no_snapshot_is_written(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MODALITY_CACHE_DIR"}
    assert "MODALITY_CACHE_DIR" not in env
    before = sorted(p.name for p in MINI.parent.iterdir())
    run_process("--data", str(MINI), "show", "tet")
    assert sorted(p.name for p in MINI.parent.iterdir()) == before


def test_the_key_covers_the_code_that_makes_a_snapshot() -> None:
    """Every module named exists, so the key follows code changes, not just versions."""
    here = Path(snapshot.__file__).parent
    assert all((here / name).is_file() for name in snapshot.DERIVED_BY)
    for module in ("text", "searchable", "knowledge", "integrity", "models/base", "models/modality"):
        assert f"{module}.py" in snapshot.DERIVED_BY
    models = Path(snapshot.__file__).parent / "models"
    assert {f"models/{p.name}" for p in models.glob("*.py")} <= set(snapshot.DERIVED_BY)


def test_a_large_snapshot_is_mapped_and_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mmap

    from modality_cli import snapfile

    path = tmp_path / "kb.snapshot"
    path.write_bytes(snapshot.dumps(_fresh(MINI), _key(MINI), _content(MINI)))
    monkeypatch.setattr(snapfile, "MAP_FROM", 0)
    raw = snapfile.mapped(path)
    assert isinstance(raw, mmap.mmap)
    kb = snapshot.loads(raw, _key(MINI), "x")
    assert kb is not None
    fresh = _fresh(MINI)
    for kind in snapshot.KINDS:
        assert [plain(e) for e in kb.entries(kind).values()] == [
            plain(e) for e in fresh.entries(kind).values()
        ]
