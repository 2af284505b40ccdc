"""The browser's App: the knowledge base, the history of entries opened, and the
modalities marked for comparison."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from textual.app import App
from textual.binding import Binding

from modality_cli.browse.entries import Row, answer
from modality_cli.browse.screens.compare import CompareScreen
from modality_cli.browse.screens.entry import EntryScreen
from modality_cli.browse.screens.help import HelpScreen
from modality_cli.browse.screens.home import HomeScreen
from modality_cli.kb.knowledge import KnowledgeBase


class BrowseApp(App[None]):
    CSS_PATH = "browse.tcss"
    TITLE = "modality"
    SUB_TITLE = "educational information, not clinical advice"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Keys"),
    ]

    def __init__(self, kb: KnowledgeBase, start: Row | None = None) -> None:
        super().__init__()
        self.kb = kb
        self.start = start
        self.marked: list[tuple[str, str]] = []
        self.ahead: list[Row] = []  # entries gone back from, for "forward"

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        if self.start is not None:
            self.open(self.start)

    def rendered(self, result: Any) -> RenderableType:
        """The command's own view of an answer, laid out for the screen's width."""
        from rich.console import Console

        from modality_cli.views import render

        console = Console(width=max(40, self.size.width - 4), markup=False, emoji=False, highlight=False)
        return render(result, console)

    def open(self, row: Row, forget_ahead: bool = True) -> None:
        if forget_ahead:
            self.ahead.clear()
        self.push_screen(EntryScreen(row, answer(self.kb, row.kind, row.id)))

    def back(self) -> None:
        screen = self.screen
        if isinstance(screen, EntryScreen):
            self.ahead.append(screen.row)
        if len(self.screen_stack) > 2:
            self.pop_screen()

    def forward_(self) -> None:
        if self.ahead:
            self.open(self.ahead.pop(), forget_ahead=False)

    def compare(self) -> None:
        if not 2 <= len(self.marked) <= 3:
            self.notify("Mark two or three modalities with m first.", severity="warning")
            return
        from modality_cli.queries.compare import compare

        result = compare(self.kb, [entry_id for _, entry_id in self.marked])
        self.push_screen(CompareScreen(result, self.rendered(result)))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
