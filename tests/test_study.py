"""Flash cards and the quiz: drawn from the knowledge base, sourced, exported
for Anki and spreadsheets, and asked from a terminal or a pipe."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINI, Outcome
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.queries.study import DECKS, cards, quiz

Cli = Callable[..., Outcome]


def test_every_deck_draws_cards_with_sources(shipped: KnowledgeBase) -> None:
    for deck in DECKS:
        drawn = cards(shipped, deck).cards
        assert drawn, deck
        for card in drawn:
            assert card.front and card.back and card.sources, card.id
            assert all(s in shipped.sources for s in card.sources)
            assert card.deck == deck
    ids = [c.id for c in cards(shipped).cards]
    assert len(ids) == len(set(ids))


def test_cards_can_be_scoped_to_a_modality_or_a_family(shipped: KnowledgeBase) -> None:
    people = {c.front for c in cards(shipped, "theorists", modality="psychodynamic").cards}
    assert {"Sigmund Freud", "Melanie Klein", "Heinz Kohut"} <= people
    assert "Aaron T. Beck" not in people
    family = cards(shipped, "modalities", family="systemic").cards
    assert family and all("family::systemic" in c.tags for c in family)


def test_a_theorist_card_gives_life_dates(shipped: KnowledgeBase) -> None:
    freud = next(c for c in cards(shipped, "theorists").cards if c.id == "theorist:sigmund-freud")
    assert freud.back.startswith("1856–1939.")


def test_an_unknown_deck_lists_the_decks(cli: Cli) -> None:
    result = cli("cards", "--deck", "nonsense")
    assert result.exit_code == 1 and "Decks: theorists" in result.stderr


def test_the_anki_package_is_a_real_collection_with_stable_notes(tmp_path: Path, cli: Cli) -> None:
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert cli("cards", "--deck", "theorists", "--export", str(first)).exit_code == 0
    assert cli("cards", "--deck", "theorists", "--export", str(second)).exit_code == 0

    def notes(path: Path) -> list[tuple[str, str]]:
        with zipfile.ZipFile(path) as package:
            (tmp_path / "col.anki2").write_bytes(package.read("collection.anki2"))
        with sqlite3.connect(tmp_path / "col.anki2") as db:
            return sorted(db.execute("select guid, flds from notes").fetchall())

    expected = len(cli("cards", "--deck", "theorists", "--json").json())
    assert len(notes(first)) == expected > 50
    assert [g for g, _ in notes(first)] == [
        g for g, _ in notes(second)
    ]  # re-import updates, never duplicates


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_card_text_files_open_without_formula_surprises(tmp_path: Path, cli: Cli, suffix: str) -> None:
    import json

    from conftest import mini_data

    data = mini_data()
    data["theorists"][0]["name"] = '=HYPERLINK("http://x")'
    kb = tmp_path / "kb.json"
    kb.write_text(json.dumps(data))
    target = tmp_path / f"deck{suffix}"
    assert cli("--data", str(kb), "cards", "--export", str(target)).exit_code == 0
    rows = list(csv.reader(io.StringIO(target.read_text()), delimiter="\t" if suffix == ".tsv" else ","))
    assert rows[0] == ["front", "back", "tags", "sources"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)


def test_a_quiz_is_reproducible_from_its_seed(shipped: KnowledgeBase) -> None:
    first = quiz(shipped, 8, seed=42)
    assert first == quiz(shipped, 8, seed=42)
    assert [q.id for q in first.questions] != [q.id for q in quiz(shipped, 8, seed=43).questions]


def test_every_question_has_its_answer_among_distinct_options(shipped: KnowledgeBase) -> None:
    for question in quiz(shipped, 0, seed=1).questions:
        assert question.answer in question.options
        assert len(set(question.options)) == len(question.options) >= 2
        assert question.sources and question.explanation
        assert question.explanation != question.answer  # it adds to the answer, not repeats it


def test_quiz_json_prints_questions_without_asking(cli: Cli) -> None:
    questions = cli("quiz", "--count", "3", "--seed", "5", "--json").json()
    assert len(questions) == 3
    for q in questions:
        assert {"question", "options", "answer", "explanation", "sources"} <= set(q)


def _quiz(answers: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "modality_cli", "--data", str(MINI), "quiz", *args],
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_quiz_reads_answers_from_a_pipe_and_scores_them() -> None:
    from modality_cli.kb.store.load import load

    questions = quiz(load([MINI]), 2, seed=3).questions
    right = questions[0].options.index(questions[0].answer) + 1
    wrong = next(i for i, o in enumerate(questions[1].options, 1) if o != questions[1].answer)
    result = _quiz(f"{right}\nnot an answer\n{wrong}\n", "--count", "2", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "Right." in result.stdout and "Not quite" in result.stdout
    assert "Please answer with a number" in result.stdout
    assert result.stdout.rstrip().endswith("Score: 1 of 2.")


def test_the_quiz_ends_cleanly_at_end_of_input() -> None:
    result = _quiz("", "--count", "3", "--seed", "1")
    assert result.returncode == 0 and result.stderr == ""
    assert "Stopped. Score: 0 of 0." in result.stdout


def test_letters_answer_too() -> None:
    result = _quiz("a\n", "--count", "1", "--seed", "2")
    assert result.returncode == 0
    assert "Right." in result.stdout or "Not quite" in result.stdout


def test_the_study_commands_do_not_import_genanki_or_rich_for_json() -> None:
    from test_cli import modules_loaded_by

    assert modules_loaded_by(["cards", "--json"], "genanki") == []
    assert modules_loaded_by(["quiz", "--json", "--seed", "1"], "rich") == []
