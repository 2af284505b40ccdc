"""Two or three modalities side by side, as ``compare`` shows them."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class CompareScreen(Screen[None]):
    BINDINGS = [Binding("escape,backspace", "back", "Back")]

    def __init__(self, result: Any, view: Any) -> None:
        super().__init__()
        self.result = result
        self.view = view

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="entry"):
            yield Static(self.view, id="view")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Compare"
        self.query_one("#entry", VerticalScroll).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
