"""What the browser's screens share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from modality_cli.browse.app import BrowseApp


class BrowserScreen(Screen[None]):
    """A screen of the browser, with typed access to its App."""

    @property
    def browser(self) -> BrowseApp:
        from modality_cli.browse.app import BrowseApp

        assert isinstance(self.app, BrowseApp)
        return self.app
