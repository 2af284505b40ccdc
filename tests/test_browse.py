"""The full-screen browser, driven headless with Textual's pilot as a person
would: filter, open, follow links, go back and forward, compare, quit."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI, Outcome, mini_data, write_json
from modality_cli.browse.app import BrowseApp
from modality_cli.browse.entries import Row, as_typed, locate, matching
from modality_cli.browse.screens.compare import CompareScreen
from modality_cli.browse.screens.entry import EntryScreen
from modality_cli.browse.screens.help import HelpScreen
from modality_cli.browse.screens.home import HomeScreen
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.store.load import load

Cli = Callable[..., Outcome]


def drive(kb: KnowledgeBase, steps: Callable[[BrowseApp, Any], Awaitable[None]], start: Row | None = None,
          size: tuple[int, int] = (80, 24)) -> BrowseApp:  # fmt: skip
    app = BrowseApp(kb, start)

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(run())
    return app


def test_it_opens_on_the_modalities_grouped_by_family(shipped: KnowledgeBase) -> None:
    async def steps(app: BrowseApp, pilot: Any) -> None:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert len(screen.shown) == len(shipped.modalities)
        families = [row.detail for row in screen.shown]
        assert families == sorted(families)  # grouped
        await pilot.press("q")

    assert drive(shipped, steps).return_code in (0, None)


def test_typing_filters_and_enter_opens_the_best_hit(shipped: KnowledgeBase) -> None:
    async def steps(app: BrowseApp, pilot: Any) -> None:
        await pilot.press(*"psychodynamic", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.row.id == "psychodynamic-therapy"

    drive(shipped, steps)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("family const", "family-constellations"),
        ("naik", "naikan-therapy"),
        ("lacan", "lacanian-psychoanalysis"),
    ],
)
def test_the_filter_treats_the_word_being_typed_as_a_start(
    shipped: KnowledgeBase, typed: str, first: str
) -> None:
    assert matching(shipped, "modalities", typed)[0].id == first


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("const", "const*"),
        ("family co", "family co"),
        ("t", "t"),
        ("family ", "family "),
        ("cbt*", "cbt*"),
        ('"free assoc"', '"free assoc"'),
        ('"free', '"free'),
        ("", ""),
    ],
)
def test_only_an_unfinished_last_word_becomes_a_prefix(typed: str, sent: str) -> None:
    assert as_typed(typed) == sent


def test_links_are_followed_and_history_goes_both_ways(shipped: KnowledgeBase) -> None:
    start = Row("modalities", "psychodynamic-therapy", "Psychodynamic therapy", "")

    async def steps(app: BrowseApp, pilot: Any) -> None:
        screen = app.screen
        assert isinstance(screen, EntryScreen)
        kinds = {t.kind for t in screen.targets}
        assert {"modalities", "theories", "theorists", "techniques", "conditions"} <= kinds
        klein = next(i for i, t in enumerate(screen.targets) if t.id == "melanie-klein")
        for _ in range(klein):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen) and app.screen.row.id == "melanie-klein"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.row.id == "psychodynamic-therapy"  # type: ignore[attr-defined]
        await pilot.press("]")
        await pilot.pause()
        assert app.screen.row.id == "melanie-klein"  # type: ignore[attr-defined]

    drive(shipped, steps, start)


def test_a_condition_shows_its_rated_modalities(shipped: KnowledgeBase) -> None:
    async def steps(app: BrowseApp, pilot: Any) -> None:
        await pilot.press("down", "2")  # the conditions tab
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen) and home.kind == "conditions"
        await pilot.press("slash")
        for char in "panic attacks":
            await pilot.press("space" if char == " " else char)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.row.id == "panic-disorder"
        assert any(t.id == "cognitive-behavioural-therapy" for t in app.screen.targets)

    drive(shipped, steps)


def test_marked_modalities_are_compared(shipped: KnowledgeBase) -> None:
    async def steps(app: BrowseApp, pilot: Any) -> None:
        await pilot.press("down", "m", "down", "m", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert len(app.screen.result.modalities) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    drive(shipped, steps)


def test_question_mark_shows_the_keys(shipped: KnowledgeBase) -> None:
    async def steps(app: BrowseApp, pilot: Any) -> None:
        await pilot.press("down", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    drive(shipped, steps)


@pytest.mark.parametrize(
    ("name", "kind", "entry_id"),
    [("psychodynamic", "modalities", "psychodynamic-therapy"), ("Klein", "theorists", "melanie-klein"),
     ("panic attacks", "conditions", "panic-disorder"), ("free association", "techniques", "free-association")],
)  # fmt: skip
def test_browse_name_opens_at_that_entry(shipped: KnowledgeBase, name: str, kind: str, entry_id: str) -> None:
    assert locate(shipped, name) == (kind, entry_id)


def test_data_text_in_the_browser_is_never_markup(tmp_path: Path) -> None:
    data = mini_data()
    data["modalities"][0]["name"] = "[bold red]Talking[/] example therapy"
    data["modalities"][0]["summary"] = "\x1b[2J [link=http://x]x[/link]"
    kb = load([write_json(tmp_path, data)])

    async def steps(app: BrowseApp, pilot: Any) -> None:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        prompts = [
            str(screen.query_one("#list").get_option_at_index(i).prompt) for i in range(len(screen.shown))
        ]  # type: ignore[attr-defined]
        assert any("[bold red]Talking[/] example therapy" in p for p in prompts)

    drive(kb, steps)


def test_browse_refuses_without_a_terminal(cli: Cli) -> None:
    result = cli("--data", str(MINI), "browse")
    assert result.exit_code == 2
    assert "browse needs a terminal" in result.stderr


def test_browse_refuses_with_json_error_too(cli: Cli) -> None:
    result = cli("--data", str(MINI), "browse", "--json")
    assert result.exit_code == 2
    json.loads(result.stderr)


def test_no_other_command_imports_textual() -> None:
    from test_cli import modules_loaded_by

    for args in (["show", "tet", "--json"], ["compare", "tet", "bst"], ["list"], ["cards", "--json"]):
        assert modules_loaded_by(args, "textual") == [], args


# -- screens compared with accepted snapshots (pytest-textual-snapshot; accept changes
# with `python -m pytest tests/test_browse.py --snapshot-update`) --------------------
@pytest.mark.parametrize(
    ("press", "size"),
    [((), (80, 24)), (("down", "enter"), (80, 24)), (("question_mark",), (80, 24)), ((), (120, 40))],
    ids=["home-80x24", "entry-80x24", "help-80x24", "home-120x40"],
)
def test_screens_match_their_snapshots(
    snap_compare: Any, press: tuple[str, ...], size: tuple[int, int]
) -> None:
    kb = load([MINI])
    assert snap_compare(BrowseApp(kb), press=press, terminal_size=size)
