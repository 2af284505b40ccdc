"""Rendering at a fixed width: the right content, data text shown literally,
never obeyed as markup or terminal codes."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from conftest import mini_data, queries, write_json
from modality_cli.core.environment import Environment
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.loading import read_knowledge_file
from modality_cli.views import show


def rendered(result: object, width: int = 100, color: bool = False) -> str:
    out = io.StringIO()
    env = Environment(stdout=out, stderr=io.StringIO(), stdout_isatty=color, color=color, width=width)
    show(result, env)
    return out.getvalue()


def all_words_in(value: str, text: str) -> bool:
    """Every word of ``value`` is on screen (a table may wrap it across lines)."""
    return all(word in text for word in value.split())


HOSTILE = "[bold]Bold?[/bold] :smile: \x1b[2J\x1b]8;;http://x\x07link\r\x08"


@pytest.fixture
def hostile(tmp_path: Path) -> KnowledgeBase:
    data = mini_data()
    data["modalities"][0]["summary"] = HOSTILE
    data["modalities"][0]["name"] = "[red]Talking[/red] example therapy"
    data["techniques"][0]["name"] = "Open :warning: talk [/x]"
    path = write_json(tmp_path, data)
    return KnowledgeBase(read_knowledge_file(path), str(path))


def test_the_modality_list_shows_every_row(mini: KnowledgeBase) -> None:
    text = rendered(queries.list_modalities(mini), width=200)
    for name in ("Behavioural sample therapy", "Talking example therapy", "Third way therapy"):
        assert name in text
    assert "Cognitive-behavioural" in text


def test_show_has_every_section_in_order(mini: KnowledgeBase) -> None:
    text = rendered(queries.show_modality(mini, "tet"))
    sections = [
        "Overview",
        "History and founders",
        "Key theorists",
        "Theories",
        "Techniques",
        "In practice",
        "Goals",
        "Evidence",
        "Cautions and controversies",
        "Common misconceptions",
        "Related",
        "Sources",
    ]
    assert text.index("At a glance") < text.index("\nOverview\n")
    positions = [text.index(f"\n{s}\n") for s in sections]
    assert positions == sorted(positions)
    assert "Popular claim: Open talk means reacting to pictures." in text
    assert "Low mood example  (modality conditions low-mood-example)" in text
    assert "limited  review's conclusion: some support, 2010; adults." in text
    assert "Ada Example (2001). The example handbook. Test Press. [example-2001-handbook]" in text


def test_markup_and_emoji_codes_in_data_print_literally(hostile: KnowledgeBase) -> None:
    text = rendered(queries.show_modality(hostile, "tet"), width=200)
    assert "[red]Talking[/red] example therapy" in text
    assert "[bold]Bold?[/bold] :smile:" in text
    techniques = rendered(queries.techniques(hostile), width=200)
    assert "Open :warning: talk [/x]" in techniques


def test_escape_sequences_in_data_never_reach_the_terminal(hostile: KnowledgeBase) -> None:
    for width, color in ((200, False), (200, True), (30, True)):
        text = rendered(queries.show_modality(hostile, "tet"), width=width, color=color)
        assert "\x1b[2J" not in text and "\x1b]8" not in text and "\r" not in text and "\x08" not in text
        assert "\\x1b[2J" in text.replace("\n", "")


def test_plain_output_has_no_colour_codes(mini: KnowledgeBase) -> None:
    assert "\x1b[" not in rendered(queries.compare(mini, ["tet", "bst"]))


def test_colour_is_used_on_a_terminal(mini: KnowledgeBase) -> None:
    assert "\x1b[" in rendered(queries.compare(mini, ["tet", "bst"]), color=True)


@pytest.mark.parametrize("width", [20, 40, 80, 300])
def test_compare_keeps_every_value_readable_at_any_width(mini: KnowledgeBase, width: int) -> None:
    text = rendered(queries.compare(mini, ["tet", "bst", "third way"], full=True), width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    for value in (
        "Patterns of talk.",
        "Present behaviour.",
        "Length: One to two years. Frequency: Weekly.",
        "Length: 8 to 12 sessions. Frequency: Weekly.",
    ):
        assert all_words_in(value, text)


@pytest.mark.parametrize("width", [20, 45, 120])
def test_lists_keep_every_value_at_any_width(mini: KnowledgeBase, width: int) -> None:
    text = rendered(queries.list_modalities(mini), width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert all_words_in("Talking example therapy Psychodynamic and psychoanalytic 1901", text)
    # summaries where there is room for them; one line per modality where there is not
    assert all_words_in("A fictional modality used by the test suite.", text) == (width >= 120)


@pytest.mark.parametrize("width", [80, 120])
def test_table_columns_do_not_split_words(shipped: KnowledgeBase, width: int) -> None:
    from modality_cli.queries.conditions import list_conditions

    for result in (queries.list_modalities(shipped), list_conditions(shipped)):
        text = rendered(result, width=width)
        for word in (
            "Cognitive-behavioural",
            "Stress-associated",
            "Neurodevelopmental",
            "Obsessive-compulsive",
        ):
            # no cell holds just the start of the word (the rest folded onto the next line)
            for k in range(max(5, word.find("-") + 2), len(word)):
                assert not re.search(r"(?<!\S)" + re.escape(word[:k]) + r"(?=\s|$)", text), word[:k]


def test_compare_shows_shared_and_unique(mini: KnowledgeBase) -> None:
    text = rendered(queries.compare(mini, ["tet", "bst"]), width=120)
    assert "Shared by all" in text
    assert "Techniques: Shared review" in text
    assert "Only in Talking example therapy" in text
    assert "Techniques: Open talk" in text


def test_an_empty_search_says_so(mini: KnowledgeBase) -> None:
    assert "Nothing matches." in rendered(queries.search(mini, "zebra"))


def test_json_and_view_come_from_the_same_result(mini: KnowledgeBase) -> None:
    from modality_cli.formats.records import payload

    result = queries.compare(mini, ["tet", "bst"], full=True)
    data = payload(result)
    text = "".join(rendered(result, width=300).split())
    for dim in data["dimensions"]:
        for value in dim["values"].values():
            assert "".join(value.split()) in text
    json.dumps(data)


@pytest.mark.parametrize("width", [20, 40, 80, 300])
def test_show_keeps_the_name_and_summary_whole_at_any_width(mini: KnowledgeBase, width: int) -> None:
    for result in (
        queries.show_modality(mini, "tet"),
        queries.theorists(mini, "ben sample"),
        queries.techniques(mini, "open talk"),
        queries.theories(mini, "example drive theory"),
    ):
        text = rendered(result, width=width)
        assert max(len(line) for line in text.splitlines()) <= width
        assert all_words_in(result.name, text)  # type: ignore[union-attr]
        assert all_words_in(result.summary, text)  # type: ignore[union-attr]
        assert "…" not in text


def test_every_renderer_named_exists_for_a_result_model() -> None:
    import importlib

    from modality_cli import results, views

    for model, (module, name) in views.RENDERERS.items():
        assert model in results.__all__
        assert callable(getattr(importlib.import_module(f"modality_cli.views.{module}"), name))
    assert set(views.RENDERERS) >= views.SOFT_WRAP


def _every_answer(kb: KnowledgeBase) -> list[object]:
    from pathlib import Path

    from conftest import MINI
    from modality_cli.queries import conditions as cq
    from modality_cli.queries import study
    from modality_cli.queries.pictures import lineage, timeline
    from modality_cli.queries.quality import stats, validate_files
    from modality_cli.results import DatabaseExport

    return [
        queries.list_modalities(kb),
        queries.theories(kb),
        queries.theorists(kb),
        queries.techniques(kb),
        queries.search(kb, "talk"),
        queries.show_modality(kb, "tet"),
        queries.theories(kb, "example drive theory"),
        queries.theorists(kb, "ada example"),
        queries.techniques(kb, "open talk"),
        queries.compare(kb, ["tet", "bst"]),
        queries.compare(kb, ["tet", "bst"], full=True),
        validate_files([Path(MINI)]),
        timeline(kb),
        lineage(kb),
        stats(kb),
        cq.list_conditions(kb),
        cq.show_condition(kb, "wed"),
        cq.evidence(kb),
        study.cards(kb),
        study.quiz(kb, 3, seed=1),
        DatabaseExport(path="kb.db", format="sqlite", tables={"meta": 4, "modalities": 2, "evidence": 3}),
    ]


def test_every_view_has_a_rendering_test(mini: KnowledgeBase) -> None:
    from modality_cli.views import RENDERERS

    assert {type(a).__name__ for a in _every_answer(mini)} == set(RENDERERS)


@pytest.mark.parametrize("width", [80, 120])
def test_every_view_fits_the_terminal(mini: KnowledgeBase, width: int) -> None:
    for answer in _every_answer(mini):
        text = rendered(answer, width=width)
        assert text.strip(), type(answer).__name__
        if type(answer).__name__ != "ValidationReport":  # one problem per line, never wrapped, for grep
            assert max(len(line) for line in text.splitlines()) <= width, type(answer).__name__


def test_compare_at_a_glance_fits_70_lines_at_80_columns(shipped: KnowledgeBase) -> None:
    text = rendered(queries.compare(shipped, ["psychodynamic", "cbt"]), width=80)
    assert len(text.splitlines()) <= 70
    for label in ("Family", "Founded", "Works on", "Length", "Formats", "Evidence for", "Main caution"):
        assert label in text
    assert "Depression" in text  # a condition both are rated for, side by side
    full = rendered(queries.compare(shipped, ["psychodynamic", "cbt"], full=True), width=80)
    assert "What it works on" in full
    assert len(full.splitlines()) > len(text.splitlines())
