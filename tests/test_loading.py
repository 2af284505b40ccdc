"""Loading: a knowledge-base file becomes models, or every problem is named
by file and field path, and nothing is accepted silently."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI, mini_data, write_json
from modality_cli.core.errors import AmbiguousNameError, DataError
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.loading import bundled_path, read_knowledge_file


def problems_for(tmp_path: Path, data: Any) -> list[str]:
    path = write_json(tmp_path, data)
    with pytest.raises(DataError) as caught:
        KnowledgeBase(read_knowledge_file(path), str(path))
    assert caught.value.source == str(path)
    return caught.value.problems


def test_the_fixture_loads_and_links_both_ways(mini: KnowledgeBase) -> None:
    # shared-review names behavioural-sample-therapy; the modality did not name it back
    assert "shared-review" in mini.modalities["behavioural-sample-therapy"].techniques
    # talking-example-therapy names open-talk; the technique did not name it back
    assert mini.techniques["open-talk"].modalities == ["talking-example-therapy", "third-way-therapy"][:1]
    # founders count as theorists, and theorists learn their modalities
    assert "ben-sample" in mini.modalities["behavioural-sample-therapy"].theorists
    assert mini.theorists["ben-sample"].modalities == [
        "talking-example-therapy",
        "behavioural-sample-therapy",
    ]
    # originators and theorists' theories agree
    assert mini.theorists["ada-example"].theories == ["example-drive-theory"]


def test_the_bundled_file_is_found_from_the_installed_package() -> None:
    path = bundled_path()
    assert path.name == "modalities.json" and path.is_file()


def test_a_death_before_birth_names_the_field(tmp_path: Path) -> None:
    data = mini_data()
    data["theorists"][1]["died"] = 1900
    assert problems_for(tmp_path, data) == [
        "theorists[1].died: 1900 is before born (1921) (got 1900) [entry 'ben-sample']"
    ]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["modalities"][0].update(colour="red"), "modalities[0].colour: is not a known field"),
        (
            lambda d: d["modalities"][0].update(id="Not A Slug"),
            "modalities[0].id: String should match pattern",
        ),
        (lambda d: d["modalities"][1].update(name=""), "modalities[1].name: String should match pattern"),
        (lambda d: d["modalities"][1].update(name="   "), "modalities[1].name: String should match pattern"),
        (lambda d: d["modalities"][0].pop("summary"), "modalities[0].summary: is required"),
        (
            lambda d: d["modalities"][0].update(founded=2999),
            "modalities[0].founded: founded 2999 is in the future",
        ),
        (
            lambda d: d["modalities"][0].update(founded="1901"),
            "modalities[0].founded: Input should be a valid integer",
        ),
        (lambda d: d["modalities"][0].update(family="astrology"), "modalities[0].family: Input should be"),
        (
            lambda d: d["theorists"][0].update(born=1200),
            "theorists[0].born: Input should be greater than or equal to 1500",
        ),
        (
            lambda d: d["theorists"][0].update(died=2000),
            "theorists[0].died: a life from 1870 to 2000 is not plausible",
        ),
        (
            lambda d: d["theorists"][2].update(born=1850),
            "theorists[2].died: is null (living) but born is 1850",
        ),
        (lambda d: d["sources"][0].update(doi="doi:10.1/x"), "sources[0].doi: String should match pattern"),
        (
            lambda d: d["modalities"][0]["evidence"][0].update(grade="strong"),
            "modalities[0].evidence[0].grade: 'strong' is not one of review's grades",
        ),
        (
            lambda d: d["modalities"][0]["evidence"][0].update(system="vibes"),
            "modalities[0].evidence[0].system: unknown rating system 'vibes'",
        ),
        (
            lambda d: d["modalities"][0].update(sources=[]),
            "modalities[0].sources: List should have at least 1 item",
        ),
        (lambda d: d.update(modalities={}), "modalities: Input should be a valid list"),
        (lambda d: d.update(extra_section=[]), "extra_section: is not a known field"),
    ],
)
def test_a_malformed_field_is_reported_by_its_path(tmp_path: Path, mutate: Any, expected: str) -> None:
    data = mini_data()
    mutate(data)
    problems = problems_for(tmp_path, data)
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["modalities"][0]["founders"].append("nobody"),
            "modalities[0].founders[1]: unknown theorist 'nobody'",
        ),
        (
            lambda d: d["techniques"][0]["modalities"].append("nothing"),
            "techniques[0].modalities[0]: unknown modality 'nothing'",
        ),
        (
            lambda d: d["modalities"][1]["sources"].append("ghost"),
            "modalities[1].sources[1]: unknown source 'ghost'",
        ),
        (
            lambda d: d["modalities"][0]["evidence"][0]["sources"].append("ghost"),
            "modalities[0].evidence[0].sources[1]: unknown source 'ghost'",
        ),
        (
            lambda d: d["theorists"].append(dict(d["theorists"][0])),
            "theorists[3].id: duplicate id 'ada-example' (first at theorists[0])",
        ),
        (
            lambda d: d["modalities"][0]["related"].append("talking-example-therapy"),
            "modalities[0].related[1]: an entry cannot name itself",
        ),
        (
            lambda d: d["modalities"][0]["influenced_by"].append("behavioural-sample-therapy"),
            "modalities[1].influenced_by: lineage cycle",
        ),
        (
            lambda d: d["modalities"][1]["aliases"].append("tet"),
            "modalities[1].aliases[1]: 'tet' also names modalities[0]",
        ),
    ],
)
def test_a_broken_cross_reference_is_reported_by_its_path(tmp_path: Path, mutate: Any, expected: str) -> None:
    data = mini_data()
    mutate(data)
    problems = problems_for(tmp_path, data)
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    data = mini_data()
    data["theorists"][0]["born"] = "eighteen seventy"
    data["theorists"][1]["died"] = 1800
    data["sources"][1]["year"] = 3000
    assert len(problems_for(tmp_path, data)) == 3


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is not valid JSON: Expecting value (line 1, column 1)"),
        (b'{"modalities": [', "is not valid JSON"),
        (b"modalities: []", "is not valid JSON"),
        (b"[]", "the top level must be a JSON object, not an array"),
        (b'"text"', "the top level must be a JSON object, not a string"),
        (b"\xef\xbb\xbf{}", "starts with a byte-order mark"),
        (b'{"modalities": [], "bad": "\xff\xfe"}', "is not valid UTF-8 (byte 27)"),
        (b'{"modalities": [], "modalities": []}', "duplicate key 'modalities'"),
        (b"[" * 100_000 + b"]" * 100_000, "is nested too deeply"),
    ],
)
def test_a_file_that_is_not_a_knowledge_base_is_refused(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        read_knowledge_file(path)
    assert caught.value.source == str(path)
    assert caught.value.problems[0].startswith(expected), caught.value.problems


def test_a_missing_file_or_a_directory_is_refused(tmp_path: Path) -> None:
    for path, expected in ((tmp_path / "absent.json", "does not exist"), (tmp_path, "is a directory")):
        with pytest.raises(DataError) as caught:
            read_knowledge_file(path)
        assert expected in caught.value.problems[0]


def test_the_fixture_is_valid_as_written() -> None:
    assert json.loads(MINI.read_text(encoding="utf-8"))["schema_version"] == 1


def test_an_abbreviation_in_capitals_may_be_shared_and_is_then_ambiguous(tmp_path: Path) -> None:
    data = mini_data()
    data["modalities"][1]["aliases"].append("TET")  # modalities[0] has it too
    path = write_json(tmp_path, data)
    kb = KnowledgeBase(read_knowledge_file(path), str(path))
    with pytest.raises(AmbiguousNameError) as caught:
        kb.modality("tet")
    assert {c.id for c in caught.value.candidates} == {
        "talking-example-therapy",
        "behavioural-sample-therapy",
    }
    assert kb.modality("talking example").id == "talking-example-therapy"


@pytest.mark.parametrize("alias", ["Tet", "tet", "T"])
def test_only_a_capital_abbreviation_may_be_shared(tmp_path: Path, alias: str) -> None:
    data = mini_data()
    data["modalities"][0]["aliases"].append("T")
    data["modalities"][1]["aliases"].append(alias)
    problems = problems_for(tmp_path, data)
    assert any("also names modalities[0]" in p for p in problems)


@pytest.mark.parametrize(
    ("period", "began", "phrase"),
    [
        ("1950s", 1950, "took shape in the 1950s"),
        ("1960s-1970s", 1960, "took shape in the 1960s-1970s"),
        ("1955-1965", 1955, "took shape in 1955-1965"),
        ("by 2003", 2003, "in use by 2003"),
    ],
)
def test_a_period_places_an_undated_modality(tmp_path: Path, period: str, began: int, phrase: str) -> None:
    data = mini_data()
    data["modalities"][2]["period"] = period
    path = write_json(tmp_path, data)
    third = KnowledgeBase(read_knowledge_file(path), str(path)).modalities["third-way-therapy"]
    assert (third.began, third.founding, third.founding_phrase) == (began, period, phrase)


@pytest.mark.parametrize("period", ["by 203", "by 3021", "before 2003", "by 2003s", "2003-by 2005"])
def test_a_period_that_is_not_one_is_reported(tmp_path: Path, period: str) -> None:
    data = mini_data()
    data["modalities"][2]["period"] = period
    assert any(p.startswith("modalities[2].period") for p in problems_for(tmp_path, data))
