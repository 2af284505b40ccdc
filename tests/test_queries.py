"""Queries are pure functions from the knowledge base to result models."""

from __future__ import annotations

import pytest

from conftest import queries
from modality_cli.core.errors import NotFoundError, UsageError
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.results import ModalityDetail, TheoryDetail, TheoryList


def test_list_sorts_by_name_and_filters_by_family_forgivingly(mini: KnowledgeBase) -> None:
    everything = queries.list_modalities(mini)
    assert [r.id for r in everything.rows] == [
        "behavioural-sample-therapy",
        "talking-example-therapy",
        "third-way-therapy",
    ]
    for typed in ("cognitive-behavioural", "Cognitive Behavioral", "cognitive"):
        assert [r.id for r in queries.list_modalities(mini, typed).rows] == ["behavioural-sample-therapy"]


def test_an_unknown_family_lists_the_real_ones(mini: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        queries.list_modalities(mini, "astrology")
    assert "psychodynamic" in (caught.value.hint or "")


def test_show_carries_evidence_in_its_rater_terms_and_our_level(mini: KnowledgeBase) -> None:
    detail = queries.show_modality(mini, "BST")
    assert isinstance(detail, ModalityDetail)
    claim = detail.evidence[0]
    assert (claim.system, claim.grade, claim.level) == ("apa-div12", "strong", "strong")
    assert claim.system_name.startswith("APA Division 12")
    assert [s.id for s in detail.bibliography] == ["sample-1999-manual"]
    assert detail.linked.modalities == {"talking-example-therapy": "Talking example therapy"}


def test_theories_of_a_modality_by_name_or_option(mini: KnowledgeBase) -> None:
    by_name = queries.theories(mini, "tet")
    by_option = queries.theories(mini, modality="tet")
    assert isinstance(by_name, TheoryList)
    assert by_name == by_option
    assert [t.id for t in by_name.rows] == ["example-drive-theory"]
    assert by_name.modality == "talking-example-therapy"


def test_a_theory_by_name_is_shown_in_depth(mini: KnowledgeBase) -> None:
    detail = queries.theories(mini, "example drive theory")
    assert isinstance(detail, TheoryDetail)
    assert detail.originators == ["ada-example"]
    assert detail.modalities == ["talking-example-therapy"]


def test_a_name_and_a_filter_together_are_a_usage_error(mini: KnowledgeBase) -> None:
    with pytest.raises(UsageError):
        queries.theories(mini, "example drive theory", modality="tet")
    with pytest.raises(UsageError):
        queries.techniques(mini, "open talk", modality="tet")


def test_theorists_are_ordered_by_birth_and_filter_by_modality_and_theory(mini: KnowledgeBase) -> None:
    assert [p.id for p in queries.theorists(mini).rows] == ["ada-example", "ben-sample", "cara-sample"]  # type: ignore[union-attr]
    scoped = queries.theorists(mini, modality="talking example therapy")
    assert [p.id for p in scoped.rows] == ["ada-example", "ben-sample"]  # type: ignore[union-attr]
    by_theory = queries.theorists(mini, theory="example drive theory")
    assert [p.id for p in by_theory.rows] == ["ada-example"]  # type: ignore[union-attr]


def test_a_technique_lists_every_modality_that_uses_it(mini: KnowledgeBase) -> None:
    detail = queries.techniques(mini, "shared review")
    assert detail.modalities == ["behavioural-sample-therapy", "talking-example-therapy", "third-way-therapy"]  # type: ignore[union-attr]


def test_compare_gives_fixed_dimensions_and_what_is_shared_and_unique(mini: KnowledgeBase) -> None:
    result = queries.compare(mini, ["TET", "behavioral sample therapy"])
    assert result.modalities == ["talking-example-therapy", "behavioural-sample-therapy"]
    labels = [d.id for d in result.dimensions]
    assert len(labels) >= 10
    assert labels[:3] == ["family", "founded", "focus"]
    values = {d.id: d.values for d in result.dimensions}
    assert values["founded"] == {
        "talking-example-therapy": "1901; Ada Example",
        "behavioural-sample-therapy": "1960; Ben Q. Sample",
    }
    assert (
        values["evidence"]["behavioural-sample-therapy"]
        == "strong for Worry example disorder (apa-div12, nice)"
    )
    assert (
        values["evidence"]["talking-example-therapy"]
        == "moderate for Worry example disorder (nice); 1 more rating"
    )
    assert result.shared.techniques == ["shared-review"]
    assert result.shared.theorists == ["ben-sample"]
    assert result.unique["talking-example-therapy"].techniques == ["open-talk"]
    assert result.unique["behavioural-sample-therapy"].techniques == ["homework-sheets"]


def test_compare_with_sparse_entries_says_not_recorded(mini: KnowledgeBase) -> None:
    result = queries.compare(mini, ["third way", "tet", "bst"])
    values = {d.id: d.values for d in result.dimensions}
    assert values["focus"]["third-way-therapy"] == "not recorded"
    assert values["evidence"]["third-way-therapy"] == "no rating recorded here"
    assert result.shared.techniques == ["shared-review"]


@pytest.mark.parametrize("names", [["tet"], [], ["tet", "TET"]])
def test_compare_needs_two_different_modalities(mini: KnowledgeBase, names: list[str]) -> None:
    with pytest.raises(UsageError):
        queries.compare(mini, names)


def test_search_ranks_names_above_passing_mentions(mini: KnowledgeBase) -> None:
    hits = queries.search(mini, "talk").hits
    assert [(h.kind, h.id) for h in hits][:2] == [
        ("modality", "talking-example-therapy"),
        ("technique", "open-talk"),
    ]
    assert "name" in hits[0].matched


def test_an_exact_name_wins_and_full_matches_come_before_partial_ones(mini: KnowledgeBase) -> None:
    hits = queries.search(mini, "open talk").hits
    assert hits[0].id == "open-talk"
    assert queries.search(mini, "zebra").hits == []
    partial = queries.search(mini, "talk zebra").hits
    assert partial and all(h.matched_terms == 1 for h in partial)
    both = queries.search(mini, "talk open", limit=None).hits
    assert [h.matched_terms for h in both] == sorted((h.matched_terms for h in both), reverse=True)


def test_a_question_word_is_dropped_whether_or_not_it_is_written_as_a_prefix(shipped: KnowledgeBase) -> None:
    plain = [h.id for h in queries.search(shipped, "panic what", limit=None).hits]
    assert [h.id for h in queries.search(shipped, "panic what*", limit=None).hits] == plain
    assert plain == [h.id for h in queries.search(shipped, "panic", limit=None).hits]


@pytest.mark.parametrize("query", ["!!!", "\x00", '"', "*"])
def test_a_search_with_no_words_in_it_finds_nothing(mini: KnowledgeBase, query: str) -> None:
    assert queries.search(mini, query).hits == []


@pytest.mark.parametrize("query", ["", "   ", "\t"])
def test_a_blank_search_is_bad_usage(mini: KnowledgeBase, query: str) -> None:
    with pytest.raises(UsageError, match="needs a word"):
        queries.search(mini, query)


@pytest.mark.parametrize("query", ["D'Zurilla", "D\u2019Zurilla", "dzurilla", "d'zurilla problem solving"])
def test_search_finds_a_name_written_with_an_apostrophe_however_it_is_typed(
    shipped: KnowledgeBase, query: str
) -> None:
    assert "problem-solving-therapy" in [h.id for h in queries.search(shipped, query).hits]
