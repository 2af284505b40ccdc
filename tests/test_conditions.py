"""Conditions and evidence: the model, the queries and the commands, on the
mini fixture (the shipped knowledge base is checked in test_knowledge_base)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest

from conftest import Outcome, mini_data, write_json
from modality_cli.core.errors import NotFoundError
from modality_cli.core.vocab import EVIDENCE_SYSTEMS, LEVEL_ORDER, evidence_level
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.queries.conditions import Filters, evidence, list_conditions, show_condition

Cli = Callable[..., Outcome]


def test_a_condition_lists_the_modalities_rated_for_it(mini: KnowledgeBase) -> None:
    assert mini.conditions["worry-example"].modalities == [
        "talking-example-therapy",
        "behavioural-sample-therapy",
    ]
    assert mini.conditions["unrated-example"].modalities == []


def test_related_conditions_hold_both_ways(mini: KnowledgeBase) -> None:
    assert mini.conditions["worry-example"].related == ["low-mood-example"]
    assert mini.conditions["low-mood-example"].related == ["worry-example"]


@pytest.mark.parametrize(
    "name", ["Worry example disorder", "WED", "wed", "fictional worries", "worry-example"]
)
def test_a_condition_resolves_by_every_name(mini: KnowledgeBase, name: str) -> None:
    assert show_condition(mini, name).id == "worry-example"


def test_a_condition_shows_every_rating_strongest_first(mini: KnowledgeBase) -> None:
    detail = show_condition(mini, "worry example disorder")
    levels = [c.level for c in detail.evidence]
    assert levels == sorted(levels, key=LEVEL_ORDER.index)
    assert len(detail.evidence) == 3
    assert {c.modality for c in detail.evidence} == {"talking-example-therapy", "behavioural-sample-therapy"}
    nice = [c for c in detail.evidence if c.system == "nice" and c.grade == "offer"]
    assert nice[0].guideline == "NG999" and nice[0].recommendation == "1.4.1"
    assert nice[0].population == "children and young people" and nice[0].qualifier == "fictional children"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(system="nice"), 2),
        (Filters(system="NICE"), 2),
        (Filters(system="div12"), 1),
        (Filters(level="strong"), 2),
        (Filters(level="moderate"), 1),
        # an all-ages rating counts for children too
        (Filters(population="children"), 2),
        (Filters(population="adults"), 2),
        (Filters(population="older adults"), 1),
        (Filters(system="nice", population="adults"), 1),
    ],
)
def test_filters_keep_only_matching_ratings(mini: KnowledgeBase, filters: Filters, expected: int) -> None:
    assert len(show_condition(mini, "worry-example", filters).evidence) == expected


@pytest.mark.parametrize("bad", [{"system": "cochrane-ish"}, {"population": "martians"}, {"level": "great"}])
def test_an_unknown_filter_value_is_not_found_and_lists_the_known_ones(
    mini: KnowledgeBase, bad: dict[str, str]
) -> None:
    with pytest.raises(NotFoundError) as caught:
        show_condition(mini, "worry-example", Filters(**bad))
    hint = caught.value.hint or ""
    assert "Known" in hint or "Levels" in hint


def test_the_list_counts_rated_modalities_and_the_best_level(mini: KnowledgeBase) -> None:
    rows = {r.id: r for r in list_conditions(mini).rows}
    assert rows["worry-example"].rated == 2 and rows["worry-example"].best_level == "strong"
    assert rows["low-mood-example"].rated == 1 and rows["low-mood-example"].best_level == "limited"
    assert rows["unrated-example"].rated == 0 and rows["unrated-example"].best_level is None
    assert rows["worry-example"].icd11 == "6B00"


def test_a_filtered_list_leaves_out_conditions_with_no_matching_rating(mini: KnowledgeBase) -> None:
    rows = list_conditions(mini, filters=Filters(system="nice")).rows
    assert [r.id for r in rows] == ["worry-example"]


def test_evidence_flattens_every_claim(mini: KnowledgeBase) -> None:
    rows = evidence(mini).rows
    total = sum(len(m.evidence) for m in mini.modalities.values())
    assert len(rows) == total == 4
    assert {r.condition_name for r in rows} == {"Worry example disorder", "Low mood example"}
    assert len(evidence(mini, condition="WED").rows) == 3
    assert len(evidence(mini, modality="tet").rows) == 2
    assert len(evidence(mini, condition="WED", modality="tet").rows) == 1


def test_conditions_json_contract(mini_cli: Cli) -> None:
    out = mini_cli("conditions", "--json")
    assert out.exit_code == 0
    rows = out.json()
    assert isinstance(rows, list) and len(rows) == 3
    for row in rows:
        for field in ("id", "name", "aliases", "summary", "icd11", "group", "sources", "rated", "best_level"):
            assert field in row


CLAIM_FIELDS = (
    "modality", "modality_name", "system", "system_name", "grade", "level", "year",
    "population", "qualifier", "recommendation", "summary", "sources",
)  # fmt: skip


def test_one_condition_json_carries_its_claims(mini_cli: Cli) -> None:
    out = mini_cli("conditions", "fictional", "worries", "--json")  # unquoted words are one name
    assert out.exit_code == 0, out.stderr
    data = out.json()
    assert data["id"] == "worry-example"
    for field in ("id", "name", "aliases", "summary", "icd11", "group", "sources", "evidence"):
        assert field in data
    for claim in data["evidence"]:
        for field in CLAIM_FIELDS:
            assert field in claim


def test_evidence_json_adds_the_condition(mini_cli: Cli) -> None:
    rows = mini_cli("evidence", "--json").json()
    assert len(rows) == 4
    for row in rows:
        for field in (*CLAIM_FIELDS, "condition", "condition_name"):
            assert field in row


def test_evidence_csv_has_one_row_per_claim(mini_cli: Cli) -> None:
    out = mini_cli("evidence", "--format", "csv", "--system", "nice")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == 2
    assert {r["guideline"] for r in rows} == {"NG999"}


def test_the_condition_view_carries_the_caveats(mini_cli: Cli) -> None:
    out = " ".join(mini_cli("conditions", "wed").stdout.split())
    assert "not what will happen to one person" in out
    assert "no rating is not evidence of no effect" in out
    assert "not clinical advice" in out
    assert "Behavioural sample" in out and "NICE: offer (NG999" in out and "1.4.1)" in out


def test_a_condition_given_to_show_points_to_conditions(mini_cli: Cli) -> None:
    out = mini_cli("show", "worry example disorder")
    assert out.exit_code == 1
    assert "modality conditions worry-example" in out.stderr


def test_an_unknown_condition_is_exit_1(mini_cli: Cli) -> None:
    out = mini_cli("conditions", "nothing like this")
    assert out.exit_code == 1 and out.stdout == ""
    assert "no condition matches" in out.stderr


def test_search_finds_a_condition_by_alias_and_points_to_conditions(mini_cli: Cli) -> None:
    hits = mini_cli("search", "fictional worries", "--json").json()
    assert hits[0]["kind"] == "condition" and hits[0]["id"] == "worry-example"
    assert hits[0]["command"] == "modality conditions worry-example"


def test_compare_adds_a_row_per_rated_condition(mini_cli: Cli) -> None:
    data = mini_cli("compare", "tet", "bst", "--json").json()
    rows = {d["id"]: d for d in data["dimensions"]}
    worry = rows["evidence:worry-example"]
    assert worry["values"]["talking-example-therapy"].startswith("moderate")
    assert worry["values"]["behavioural-sample-therapy"].startswith("strong")
    assert rows["evidence:low-mood-example"]["values"]["behavioural-sample-therapy"] == "no rating recorded"


def _with_claim(**claim: Any) -> dict[str, Any]:
    data = mini_data()
    base = {"condition": "worry-example", "population": "adults", "system": "nice", "grade": "offer",
            "summary": "x", "sources": ["sample-1999-manual"]}  # fmt: skip
    data["modalities"][0]["evidence"].append({**base, **claim})
    return data


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        ({"condition": "no-such-condition"}, "evidence[2].condition: unknown condition 'no-such-condition'"),
        ({"condition": "Free text condition"}, "evidence[2].condition"),
        ({"population": "everyone"}, "evidence[2].population"),
        ({"grade": "recommend"}, "is not one of nice's grades"),
        ({"recommendation": "1.2 ; rm"}, "evidence[2].recommendation"),
        ({"trials": 0}, "evidence[2].trials"),
    ],
)
def test_a_bad_claim_is_a_field_error(tmp_path: Any, cli: Cli, claim: dict[str, Any], message: str) -> None:
    path = write_json(tmp_path, _with_claim(**claim))
    out = cli("validate", str(path))
    assert out.exit_code == 1
    assert message in out.stdout + out.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"icd11": "6B0"}, "conditions[0].icd11"),
        ({"icd11": "not a code"}, "conditions[0].icd11"),
        ({"group": "nerves"}, "conditions[0].group"),
        ({"related": ["nowhere"]}, "conditions[0].related[0]: unknown condition 'nowhere'"),
        ({"related": ["worry-example"]}, "an entry cannot name itself"),
        ({"aliases": ["example sadness"]}, "so it would be ambiguous"),
    ],
)
def test_a_bad_condition_is_a_field_error(
    tmp_path: Any, cli: Cli, change: dict[str, Any], message: str
) -> None:
    data = mini_data()
    data["conditions"][0].update(change)
    out = cli("validate", str(write_json(tmp_path, data)))
    assert out.exit_code == 1
    assert message in out.stdout + out.stderr


def test_every_grade_of_every_system_maps_to_a_level() -> None:
    for system in EVIDENCE_SYSTEMS.values():
        for grade in system.grades:
            assert evidence_level(system.id, grade) in LEVEL_ORDER


def test_a_review_never_reaches_strong_and_harm_lists_never_recommend() -> None:
    assert "strong" not in EVIDENCE_SYSTEMS["review"].grades.values()
    assert set(EVIDENCE_SYSTEMS["harm-list"].grades.values()) == {"harmful"}
    assert "strong" not in EVIDENCE_SYSTEMS["discredited-poll"].grades.values()


@pytest.mark.parametrize("args", [["conditions", "wed", "--json"], ["evidence", "--json"]])
def test_the_json_path_of_the_evidence_commands_does_not_import_rich(args: list[str]) -> None:
    from test_cli import modules_loaded_by

    assert modules_loaded_by(args, "rich") == []
    assert modules_loaded_by(args, "modality_cli.cli.commands.") == ["modality_cli.cli.commands.evidence"]
