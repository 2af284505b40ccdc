"""Names resolve forgivingly: id, name or alias, any case, British or American
spelling, hyphens or spaces; unknown names suggest, ambiguous ones list."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import mini_data, write_json
from modality_cli.core.errors import AmbiguousNameError, NotFoundError, UsageError
from modality_cli.core.text import escape_controls, name_key
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.loading import read_knowledge_file


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Cognitive Behavioural Therapy", "cognitive-behavioral-therapy"),
        ("Person-Centred Therapy", "person centered therapy"),
        ("Mentalisation-based treatment", "MENTALIZATION BASED TREATMENT"),
        ("Eye Movement Desensitisation and Reprocessing", "eye movement desensitization & reprocessing"),
        ("Sándor Ferenczi", "sandor ferenczi"),
        ("counselling", "counseling"),
        ("Defence mechanisms", "defense mechanisms"),
        ("Two-chair dialogue", "two chair dialog"),
        ("Beck's cognitive model", "becks cognitive model"),
        ("The miracle question", "miracle question"),
        ("sand-tray", "sandtray"),
    ],
)
def test_spellings_that_people_use_fold_to_one_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_different_names_keep_different_keys() -> None:
    assert name_key("cognitive therapy") != name_key("cognitive behavioural therapy")
    assert name_key("") == ""
    assert name_key("!!!") == ""


@pytest.mark.parametrize(
    "typed",
    [
        "talking-example-therapy",
        "Talking Example Therapy",
        "TET",
        "tet",
        "example talk therapy",
        "talking example",
    ],
)
def test_a_modality_is_found_by_id_name_alias_or_short_name(mini: KnowledgeBase, typed: str) -> None:
    assert mini.modality(typed).id == "talking-example-therapy"


def test_british_and_american_spellings_find_the_same_modality(mini: KnowledgeBase) -> None:
    assert mini.modality("Behavioral Sample Therapy").id == "behavioural-sample-therapy"
    assert mini.modality("behavioural-sample").id == "behavioural-sample-therapy"


def test_a_theorist_is_found_by_surname_when_it_is_unique(mini: KnowledgeBase) -> None:
    assert mini.theorist("Example").id == "ada-example"
    assert mini.theorist("ben sample").id == "ben-sample"  # without the middle initial


def test_a_shared_surname_is_ambiguous_and_lists_the_candidates(mini: KnowledgeBase) -> None:
    with pytest.raises(AmbiguousNameError) as caught:
        mini.theorist("Sample")
    assert [c.name for c in caught.value.candidates] == ["Ben Q. Sample", "Cara Sample"]
    assert [c.id for c in caught.value.candidates] == ["ben-sample", "cara-sample"]
    assert "Did you mean 'Ben Q. Sample' or 'Cara Sample'?" in caught.value.render()


def test_a_misspelt_name_suggests_the_closest(mini: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        mini.modality("talkng exampel therapy")
    assert caught.value.suggestions[0].name == "Talking example therapy"


def test_a_name_of_another_kind_says_where_it_belongs(mini: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        mini.modality("Ada Example")
    assert caught.value.hint == "Ada Example is a theorist: try 'modality theorists ada-example'."


@pytest.mark.parametrize("typed", ["-", "\x00", "x" * 10_000, "\u202eeno", "[bold]x[/]"])
def test_odd_input_is_not_found_rather_than_a_crash(mini: KnowledgeBase, typed: str) -> None:
    with pytest.raises(NotFoundError):
        mini.modality(typed)


@pytest.mark.parametrize("typed", ["", "   ", "\t\n"])
def test_a_blank_name_is_bad_usage_with_a_pointer_to_the_list(mini: KnowledgeBase, typed: str) -> None:
    with pytest.raises(UsageError) as caught:
        mini.modality(typed)
    assert caught.value.hint == "'modality list' lists them."
    with pytest.raises(UsageError) as caught:
        mini.theorist(typed)
    assert caught.value.hint == "'modality theorists' lists them."


def test_control_characters_are_shown_not_obeyed() -> None:
    assert escape_controls("a\x1b[2Jb\rc\x08") == "a\\x1b[2Jb\\x0dc\\x08"
    assert escape_controls("line one\nline two\ttab") == "line one\nline two\ttab"
    assert escape_controls("\u202eabc") == "\\u202eabc"


def test_the_start_of_one_name_is_enough(mini: KnowledgeBase) -> None:
    assert mini.modality("behavioural sam").id == "behavioural-sample-therapy"
    assert mini.modality("third").id == "third-way-therapy"


def test_a_start_shared_by_several_names_lists_them(tmp_path: Path) -> None:
    data = mini_data()
    data["modalities"][2]["name"] = "Talking third way therapy"
    path = write_json(tmp_path, data)
    kb = KnowledgeBase(read_knowledge_file(path), str(path))
    with pytest.raises(AmbiguousNameError) as caught:
        kb.modality("talking")
    assert [c.name for c in caught.value.candidates] == [
        "Talking example therapy",
        "Talking third way therapy",
    ]


def test_a_short_start_is_not_a_guess(mini: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError):
        mini.modality("tal")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Talking example psychotherapy", "talking-example-therapy"),
        ("talking example counselling", "talking-example-therapy"),
        ("Behavioral sample treatment", "behavioural-sample-therapy"),
        ("example talk psychotherapy", "talking-example-therapy"),
        ("third way therapies", "third-way-therapy"),
    ],
)
def test_therapy_psychotherapy_and_counselling_stand_for_one_another(
    mini: KnowledgeBase, typed: str, expected: str
) -> None:
    assert mini.modality(typed).id == expected


def test_a_bare_word_is_never_a_modality_by_dropping_its_only_word(mini: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError):
        mini.modality("therapy")


def test_a_condition_named_before_therapy_points_to_the_condition(mini: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        mini.modality("worry example disorder therapy")
    assert "modality conditions worry-example" in (caught.value.hint or "")


def test_the_swapped_last_word_is_tried_only_after_the_name_as_typed(tmp_path: Path) -> None:
    data = mini_data()
    data["modalities"][2]["aliases"] = ["Talking example counselling"]
    path = write_json(tmp_path, data)
    kb = KnowledgeBase(read_knowledge_file(path))
    # the exact alias wins over "talking example" + another last word
    assert kb.modality("talking example counselling").id == "third-way-therapy"
    assert kb.modality("talking example psychotherapy").id == "talking-example-therapy"


def test_a_last_word_that_is_a_modality_itself_stays_a_name_in_a_list(tmp_path: Path) -> None:
    from modality_cli.queries.naming import split_names

    data = mini_data()
    data["modalities"][2]["name"] = "Counselling"
    kb = KnowledgeBase(read_knowledge_file(write_json(tmp_path, data)))
    assert kb.modality("talking example counselling").id == "talking-example-therapy"
    assert split_names(kb, ["tet", "counselling"]) == ["tet", "counselling"]
    assert split_names(kb, ["talking", "example", "counselling"]) == ["talking example", "counselling"]


def test_a_modality_asked_for_by_its_purpose_points_to_the_condition(mini: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        mini.modality("therapy for fictional worries")
    hint = caught.value.hint or ""
    assert "modality conditions worry-example" in hint and "modality show" not in hint
    with pytest.raises(NotFoundError) as caught:
        mini.modality("TET for WED")
    hint = caught.value.hint or ""
    assert "modality conditions worry-example" in hint
    assert "modality show talking-example-therapy" in hint


def test_for_without_a_condition_after_it_suggests_as_before(mini: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        mini.modality("therapy for nothing known")
    assert "conditions" not in (caught.value.hint or "")
