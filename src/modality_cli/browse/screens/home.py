"""The first screen: every entry of a kind, filtered as you type."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, OptionList, Tab, Tabs
from textual.widgets.option_list import Option

from modality_cli.browse.entries import KINDS, Row, matching, rows
from modality_cli.browse.screens.base import BrowserScreen
from modality_cli.core.text import escape_controls


def label(row: Row, marked: bool = False) -> Text:
    """An entry's line in a list: its name, then (dim) its family or summary; data
    text is inert (never markup, controls shown)."""
    detail = escape_controls(row.detail)
    detail = detail if len(detail) <= 70 else detail[:69] + "…"
    return Text.assemble(
        ("● " if marked else "  ", "bold"), (escape_controls(row.name), "bold"), "  ", (detail, "dim")
    )


class HomeScreen(BrowserScreen):
    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("m", "mark", "Mark to compare"),
        Binding("c", "compare", "Compare marked"),
        Binding("1", "kind(0)", "Modalities", show=False),
        Binding("2", "kind(1)", "Conditions", show=False),
        Binding("3", "kind(2)", "Theories", show=False),
        Binding("4", "kind(3)", "Theorists", show=False),
        Binding("5", "kind(4)", "Techniques", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind = "modalities"
        self.shown: list[Row] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Tabs(*(Tab(kind.capitalize(), id=kind) for kind in KINDS), id="kinds")
        yield Input(placeholder="Type to filter (the same search as 'modality search')", id="filter")
        yield OptionList(id="list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#filter", Input).focus()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab.id and event.tab.id != self.kind:
            self.kind = event.tab.id
            self.refresh_list()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        listing = self.query_one("#list", OptionList)
        if self.shown:
            self.browser.open(self.shown[listing.highlighted or 0])

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        listing = self.query_one("#list", OptionList)
        if key in ("down", "up") and self.focused is self.query_one("#filter", Input):
            listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.browser.open(self.shown[event.option_index])

    def refresh_list(self) -> None:
        text = self.query_one("#filter", Input).value.strip()
        kb = self.browser.kb
        self.shown = matching(kb, self.kind, text) if text else rows(kb, self.kind)
        listing = self.query_one("#list", OptionList)
        listing.clear_options()
        listing.add_options(
            [Option(label(row, (row.kind, row.id) in self.browser.marked), id=row.id) for row in self.shown]
        )
        if self.shown:
            listing.highlighted = 0
        self.sub_title = f"{len(self.shown)} {self.kind}" + (f" matching {text!r}" if text else "")

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_kind(self, index: int) -> None:
        self.query_one("#kinds", Tabs).active = list(KINDS)[index]

    def action_mark(self) -> None:
        listing = self.query_one("#list", OptionList)
        if self.kind != "modalities" or listing.highlighted is None or not self.shown:
            self.notify("Only modalities can be compared.", severity="warning")
            return
        row = self.shown[listing.highlighted]
        key = (row.kind, row.id)
        marked = self.browser.marked
        if key in marked:
            marked.remove(key)
        elif len(marked) >= 3:
            self.notify("Compare two or three at a time.", severity="warning")
            return
        else:
            marked.append(key)
        listing.replace_option_prompt_at_index(listing.highlighted, label(row, key in marked))

    def action_compare(self) -> None:
        self.browser.compare()
