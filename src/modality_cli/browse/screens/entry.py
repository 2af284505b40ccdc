"""One entry in depth, as its command shows it, with every linked entry to follow."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from modality_cli.browse.entries import KINDS, Row, links
from modality_cli.browse.screens.base import BrowserScreen
from modality_cli.core.text import escape_controls


class EntryScreen(BrowserScreen):
    BINDINGS = [
        Binding("escape,backspace", "back", "Back"),
        Binding("]", "forward", "Forward"),
        Binding("tab", "switch", "Links / text", show=False),
    ]

    def __init__(self, row: Row, result: Any) -> None:
        super().__init__()
        self.row = row
        self.result = result
        self.targets = links(result)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="entry"):
            yield Static(self.browser.rendered(self.result), id="view")
        options = [
            Option(Text.assemble((f"{t.detail}: ", "dim"), escape_controls(t.name)), id=f"{t.kind}:{t.id}")
            for t in self.targets
        ]
        yield OptionList(*options, id="links", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = escape_controls(self.row.name)
        self.sub_title = f"{KINDS[self.row.kind]} · Enter follows a link"
        self.query_one("#links", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.browser.open(self.targets[event.option_index])

    def action_back(self) -> None:
        self.browser.back()

    def action_forward(self) -> None:
        self.browser.forward_()

    def action_switch(self) -> None:
        entry = self.query_one("#entry", VerticalScroll)
        links_list = self.query_one("#links", OptionList)
        (entry if self.focused is links_list else links_list).focus()
