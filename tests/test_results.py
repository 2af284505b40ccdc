"""Answers are built without re-validation and written without Pydantic's
serializer (both for speed); these tests hold every answer over the whole
shipped knowledge base to what validation and ``model_dump`` would give."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from conftest import FIXTURES, queries
from modality_cli.core.plain import plain
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.store.load import load
from modality_cli.queries.pictures import lineage, timeline
from modality_cli.queries.quality import stats, validate_files
from modality_cli.results import Linked, RatedClaim

# A serializer warning means a field holds something other than its type.
pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load()


def every_answer(kb: KnowledgeBase) -> Iterator[BaseModel]:
    """Every query's answer for every entry of the shipped data."""
    yield queries.list_modalities(kb)
    for family in sorted({m.family for m in kb.modalities.values()}):
        yield queries.list_modalities(kb, family)
    for m in kb.modalities.values():
        yield queries.show_modality(kb, m.id)
        yield queries.theories(kb, modality=m.id)
        yield queries.theorists(kb, modality=m.id)
        yield queries.techniques(kb, modality=m.id)
        yield timeline(kb, modality=m.id)
        yield lineage(kb, m.id)
    for t in kb.theories.values():
        yield queries.theories(kb, t.id)
        yield queries.theorists(kb, theory=t.id)
    for p in kb.theorists.values():
        yield queries.theorists(kb, p.id)
        yield lineage(kb, p.id, people=True)
    for k in kb.techniques.values():
        yield queries.techniques(kb, k.id)
    ids = list(kb.modalities)
    for first, second in itertools.pairwise(ids):
        yield queries.compare(kb, [first, second])
    for query in ("free association", "trauma", "schema", "Freud", "depression", "mindfulness"):
        yield queries.search(kb, query)
    yield timeline(kb)
    yield lineage(kb)
    yield stats(kb)
    yield validate_files([FIXTURES / "mini.json"])


def test_every_answer_is_a_valid_instance_of_its_model(kb: KnowledgeBase) -> None:
    count = 0
    for answer in every_answer(kb):
        dumped = answer.model_dump()
        again = type(answer).model_validate(dumped)
        assert again.model_dump() == dumped, type(answer).__name__
        count += 1
    assert count > 500


def test_plain_data_is_what_pydantic_would_dump(kb: KnowledgeBase) -> None:
    for answer in every_answer(kb):
        assert plain(answer) == answer.model_dump(mode="json"), type(answer).__name__


def test_plain_keeps_field_order_and_converts_dates_and_enums() -> None:
    import enum

    class Colour(enum.Enum):
        red = "red"

    class Item(BaseModel):
        when: dt.date
        colour: Colour
        pair: tuple[int, int]
        names: dict[str, str]

    item = Item(when=dt.date(1900, 5, 6), colour=Colour.red, pair=(1, 2), names={"a": "b"})
    assert list(plain(item)) == ["when", "colour", "pair", "names"]
    assert plain(item) == item.model_dump(mode="json")


def test_a_trusted_model_fills_defaults_and_refuses_unknown_or_missing_fields() -> None:
    assert Linked().modalities == {}
    assert Linked().modalities is not Linked().modalities
    with pytest.raises(TypeError, match="no field"):
        Linked(places={})  # type: ignore[call-arg]
    fields: dict[str, Any] = {"condition": "x", "system": "nice", "system_name": "NICE", "grade": "g"}
    with pytest.raises(TypeError, match="needs"):
        RatedClaim(**fields)


def test_the_shipped_file_is_the_one_loaded(kb: KnowledgeBase) -> None:
    assert Path(kb.origin).name == "modalities.json"


def test_every_result_model_is_found_where_the_package_says() -> None:
    from modality_cli import results

    for name in results.__all__:
        assert getattr(results, name).__name__ == name


def test_a_command_defines_only_its_own_results() -> None:
    from test_cli import modules_loaded_by

    assert modules_loaded_by(["show", "tet", "--json"], "modality_cli.results.") == [
        "modality_cli.results.base",
        "modality_cli.results.claims",
        "modality_cli.results.details",
    ]


def test_the_json_writer_writes_what_the_json_module_writes(kb: KnowledgeBase) -> None:
    import json

    from modality_cli.formats.machine import pretty

    for answer in every_answer(kb):
        data = plain(answer)
        assert pretty(data) == json.dumps(data, ensure_ascii=False, indent=2), type(answer).__name__


@pytest.mark.parametrize(
    ("args", "models"),
    [
        (["theorists", "--json"], ["base", "theorist"]),
        (["compare", "cbt", "dbt", "--json"], ["base", "modality"]),
    ],
)
def test_a_command_on_the_shipped_data_defines_only_the_models_it_reads(
    args: list[str], models: list[str]
) -> None:
    from test_cli import modules_loaded_by

    assert modules_loaded_by(args, "modality_cli.models.", data=None) == [
        f"modality_cli.models.{m}" for m in models
    ]


def test_a_run_never_reads_installed_packages_metadata() -> None:
    """Pydantic would read every installed package's metadata to look for plugins."""
    import subprocess
    import sys

    from conftest import MINI

    code = (
        "import sys\n"
        f"sys.argv = ['modality', '--data', {str(MINI)!r}, 'show', 'tet', '--json']\n"
        "from modality_cli.cli.entry import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in sys.modules if m.startswith('importlib.metadata')), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "LOADED []" in result.stderr, result.stderr
    assert '"talking-example-therapy"' in result.stdout
