"""What the browser's screens share."""

from __future__ import annotations

from typing import cast

from textual.screen import Screen

from modality_cli.browse.browser import Browser


class BrowserScreen(Screen[None]):
    """A screen of the browser, with typed access to its App."""

    @property
    def browser(self) -> Browser:
        return cast(Browser, self.app)
