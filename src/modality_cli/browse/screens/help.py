"""The keys, shown with ``?``."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = """Keys

  type           filter the list (the same search as 'modality search')
  up / down      move; Enter opens the highlighted entry; / back to the filter
  1-5 or click   modalities, conditions, theories, theorists, techniques
  m, then c      mark two or three modalities, then compare them
  Enter          on an entry: follow the highlighted link
  Tab            on an entry: move between its text and its links
  Esc, Backspace back;  ]  forward again
  ?              this help;  q or Ctrl-C  quit

Educational information, not clinical advice."""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        yield Static(KEYS, id="help", markup=False)

    def action_close(self) -> None:
        self.dismiss()
