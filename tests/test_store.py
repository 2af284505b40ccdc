"""The SQLite store: the same answers as validating the file, never used for
other bytes, ignored when damaged, kept in the cache directory by default (and
never when turned off), and a schema that sqlite3 reads as the README says."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import MINI, run_process
from modality_cli.core.paths import bundled_path
from modality_cli.core.plain import plain
from modality_cli.kb.knowledge import KnowledgeBase, from_bytes
from modality_cli.kb.store import keys, load, read, write
from modality_cli.kb.store.connect import opened
from modality_cli.kb.store.schema import KINDS, SUFFIX, TABLES
from test_results import every_answer


def _files(*paths: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in paths]


def _content(*paths: Path) -> str:
    return keys.content_digest([p.read_bytes()] for p in paths)


def _key(*paths: Path) -> str:
    return keys.key(_content(*paths))


def _fresh(*paths: Path) -> KnowledgeBase:
    return from_bytes(_files(*paths), str(paths[0]))


def _database(tmp_path: Path, *paths: Path) -> Path:
    target = tmp_path / ("kb" + SUFFIX)
    write.to_file(_fresh(*paths), target, {"key": _key(*paths), "content": _content(*paths)})
    return target


def _restored(tmp_path: Path, *paths: Path) -> KnowledgeBase:
    connection = opened(_database(tmp_path, *paths), _key(*paths))
    assert connection is not None
    return read.restore(connection, str(paths[0]))


@pytest.mark.parametrize("path", [bundled_path(), MINI], ids=["shipped", "mini"])
def test_a_database_gives_every_answer_that_validating_the_file_gives(path: Path, tmp_path: Path) -> None:
    fresh, restored = _fresh(path), _restored(tmp_path, path)
    assert isinstance(restored.modalities, read.Rows)
    for kind in KINDS:
        assert list(restored.entries(kind)) == list(fresh.entries(kind))
        assert [plain(e) for e in restored.entries(kind).values()] == [
            plain(e) for e in fresh.entries(kind).values()
        ]
    if path == MINI:
        return
    for ours, theirs in zip(every_answer(restored), every_answer(fresh), strict=True):
        assert plain(ours) == plain(theirs)


def test_entries_are_decoded_only_when_read(tmp_path: Path) -> None:
    kb = _restored(tmp_path, bundled_path())
    assert isinstance(kb.modalities, read.Rows)
    kb.modality("cbt")
    assert len(kb.modalities._entries) == 1  # the one asked for
    assert kb.modalities["cognitive-behavioural-therapy"] is kb.modality("CBT")


def test_names_resolve_from_the_database_as_from_the_file(tmp_path: Path) -> None:
    fresh, restored = _fresh(bundled_path()), _restored(tmp_path, bundled_path())
    for name in ["cbt", "Kohut", "transactional", "psychodynamic", "Milan", "panic attacks"]:
        for kind in ("modalities", "theorists", "conditions"):
            try:
                expected = fresh.resolve(kind, name).id
            except Exception as error:
                with pytest.raises(type(error)):
                    restored.resolve(kind, name)
            else:
                assert restored.resolve(kind, name).id == expected


def test_a_database_of_other_bytes_is_not_used(tmp_path: Path) -> None:
    changed = tmp_path / "kb.json"
    changed.write_bytes(MINI.read_bytes() + b"\n")
    assert opened(_database(tmp_path, MINI), _key(changed)) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"",
        lambda raw: b"\x00\xff not a database" * 100,
        lambda raw: raw[:100] + b"\x00" * 4096 + raw[4196:],  # a page overwritten
    ],
    ids=["truncated", "empty", "binary", "overwritten"],
)
def test_a_damaged_database_is_ignored(damage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = _database(tmp_path, MINI)
    assert opened(target, _key(MINI)) is not None
    target.write_bytes(damage(target.read_bytes()))
    assert opened(target, _key(MINI)) is None


def test_a_database_of_another_format_is_ignored(tmp_path: Path) -> None:
    target = _database(tmp_path, MINI)
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'format'")
    connection.close()
    assert opened(target, _key(MINI)) is None


def test_an_entry_damaged_inside_a_database_is_an_error_with_a_hint(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"MODALITY_CACHE_DIR": str(cache)}
    assert run_process("--data", str(MINI), "list", env=env).returncode == 0
    [kept] = list(cache.iterdir())
    with sqlite3.connect(kept) as connection:
        connection.execute("UPDATE modalities SET json = '{not json' WHERE id = 'talking-example-therapy'")
    connection.close()
    result = run_process("--data", str(MINI), "show", "tet", env=env)
    assert result.returncode == 1
    assert b"database is damaged; delete" in result.stderr
    assert b"Traceback" not in result.stderr


def test_the_key_covers_every_file_and_their_order(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"schema_version": 1}))
    one = _key(MINI)
    assert _key(MINI, other) != one
    assert _key(other, MINI) != _key(MINI, other)


def test_the_cache_is_on_by_default_and_answers_the_second_run(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"MODALITY_CACHE_DIR": str(cache)}
    first = run_process("--data", str(MINI), "show", "tet", "--json", env=env)
    assert first.returncode == 0
    [kept] = list(cache.iterdir())
    assert kept.name == _key(MINI) + SUFFIX
    assert kept.stat().st_mode & 0o777 == 0o600
    assert cache.stat().st_mode & 0o777 == 0o700
    again = run_process("--data", str(MINI), "show", "tet", "--json", env=env)
    assert again.stdout == first.stdout
    assert list(cache.iterdir()) == [kept]


def test_the_default_cache_is_the_users_cache_directory(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"MODALITY_CACHE_DIR": "", "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    assert run_process("--data", str(MINI), "list", env=env).returncode == 0
    assert [p.name for p in (home / ".cache" / "modality").iterdir()] == [_key(MINI) + SUFFIX]


def test_a_cached_database_is_what_answers(tmp_path: Path) -> None:
    """Proof that the cache is read: a planted database with the file's key wins."""
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    planted = _database(tmp_path, MINI)
    with sqlite3.connect(planted) as connection:
        connection.execute("UPDATE modalities SET json = replace(json, 'Example', 'Planted')")
    connection.close()
    planted.rename(cache / (_key(MINI) + SUFFIX))
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


def test_the_cache_turned_off_writes_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = sorted(p.name for p in MINI.parent.iterdir())
    env = {"MODALITY_CACHE_DIR": str(cache), "MODALITY_NO_CACHE": "1"}
    assert run_process("--data", str(MINI), "show", "tet", env=env).returncode == 0
    assert not cache.exists()
    assert sorted(p.name for p in MINI.parent.iterdir()) == before


def test_the_key_covers_the_code_that_makes_a_database() -> None:
    """Every module named exists, so the key follows code changes, not just versions."""
    here = Path(keys.__file__).parent.parent.parent
    assert all((here / name).is_file() for name in keys.DERIVED_BY)
    for module in ("core/text", "core/vocab", "kb/knowledge", "kb/integrity", "kb/loading", "kb/store/fts"):
        assert f"{module}.py" in keys.DERIVED_BY
    assert {f"models/{p.name}" for p in (here / "models").glob("*.py")} <= set(keys.DERIVED_BY)
    for module in ("schema", "fts", "write", "read"):
        assert f"kb/store/{module}.py" in keys.DERIVED_BY


def test_the_schema_is_what_the_readme_documents() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        assert f"`{table}`" in readme, table
        for column in columns.split(", "):
            name = column.split()[0].strip('"')
            assert f"`{name}`" in readme, (table, name)
    assert "`search`" in readme


def test_an_exported_database_answers_sql_as_documented(tmp_path: Path) -> None:
    target = tmp_path / "kb.db"
    result = run_process("export", "--sqlite", str(target))
    assert result.returncode == 0, result.stderr
    connection = sqlite3.connect(target)
    shipped = json.loads(bundled_path().read_text(encoding="utf-8"))
    (count,) = connection.execute("SELECT count(*) FROM modalities").fetchone()
    assert count == len(shipped["modalities"])
    rows = connection.execute(
        "SELECT m.name FROM evidence e JOIN modalities m ON m.id = e.modality "
        "WHERE e.condition = 'panic-disorder' AND e.system = 'nice'"
    ).fetchall()
    assert ("Cognitive behavioural therapy",) in rows
    (name,) = connection.execute(
        "SELECT name FROM search WHERE search MATCH 'free association' ORDER BY rank LIMIT 1"
    ).fetchone()
    assert name
    entry = json.loads(
        connection.execute("SELECT json FROM modalities WHERE id = 'psychoanalysis'").fetchone()[0]
    )
    assert entry["id"] == "psychoanalysis"
    assert target.stat().st_mode & 0o777 == 0o644


def test_the_bundled_database_is_used_when_the_wheel_carries_one(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / ("modalities" + SUFFIX)
    load.build_bundled(target)
    monkeypatch.setattr(load, "bundled_database", lambda: target)
    monkeypatch.setenv("MODALITY_NO_CACHE", "1")
    kb = load.load()
    assert isinstance(kb.modalities, read.Rows)


def test_a_large_file_s_digest_is_remembered_until_it_changes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os
    import time

    from modality_cli.kb.store import digests

    monkeypatch.setattr(digests, "REMEMBER_FROM", 0)  # remember even the small test file
    monkeypatch.setenv("MODALITY_CACHE_DIR", str(tmp_path / "cache"))
    # hashed well after the file last changed (its change time is now, and cannot be set back)
    monkeypatch.setattr(digests, "now", lambda: time.time() + 10)
    data = tmp_path / "kb.json"
    data.write_bytes(MINI.read_bytes())
    old = os.stat(data).st_mtime - 10
    os.utime(data, (old, old))
    paths = [data]
    assert digests.recall(paths) is None
    first = load._digest_of_files(paths)
    assert first == _content(data)
    assert digests.recall(paths) == first  # remembered

    def unreadable(path: Path):  # type: ignore[no-untyped-def]
        raise AssertionError("the file was read again")

    monkeypatch.setattr(load, "read_chunks", unreadable)
    assert load._digest_of_files(paths) == first  # not read again
    monkeypatch.undo()
    monkeypatch.setattr(digests, "REMEMBER_FROM", 0)
    monkeypatch.setenv("MODALITY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(digests, "now", lambda: time.time() + 10)
    # an edit of the same size, with the old modification time put back: the change time moves
    raw = data.read_bytes()
    data.write_bytes(raw.replace(b"Example", b"Exampel", 1))
    os.utime(data, (old, old))
    assert digests.recall(paths) is None
    assert load._digest_of_files(paths) == _content(data) != first


def test_a_digest_taken_just_after_a_change_is_not_trusted(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from modality_cli.kb.store import digests

    monkeypatch.setattr(digests, "REMEMBER_FROM", 0)
    monkeypatch.setenv("MODALITY_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "kb.json"
    data.write_bytes(MINI.read_bytes())  # changed just now
    load._digest_of_files([data])
    assert digests.recall([data]) is None  # the same tick as the hashing: hashed again next time


def test_an_export_to_a_name_with_uri_characters_works(tmp_path: Path) -> None:
    target = tmp_path / "kb?v=1#x%20.db"
    result = run_process("export", "--sqlite", str(target))
    assert result.returncode == 0, result.stderr
    assert sqlite3.connect(target).execute("SELECT count(*) FROM modalities").fetchone()[0] > 100


def test_completion_from_a_damaged_database_offers_nothing_and_does_not_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from modality_cli.cli import completion

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    target = _database(tmp_path, MINI)
    with sqlite3.connect(target) as writable:
        writable.execute("DROP TABLE aliases")
    writable.close()
    target.rename(cache / (_key(MINI) + SUFFIX))
    monkeypatch.setenv("MODALITY_CACHE_DIR", str(cache))
    read = completion._from_store(MINI, MINI.read_bytes())
    assert read is not None  # the database is found under its key
    assert read("modalities") == []  # and its damage costs only the completions
