"""What the browser's screens ask of the App, as a protocol: screens depend on
this, not on the App module (which imports the screens), so there is no import
circle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from rich.console import RenderableType

    from modality_cli.browse.entries import Row
    from modality_cli.kb.knowledge import KnowledgeBase


class Browser(Protocol):
    kb: KnowledgeBase
    #: (kind, id) of the modalities marked for comparison.
    marked: list[tuple[str, str]]

    def rendered(self, result: Any) -> RenderableType: ...

    def open(self, row: Row, forget_ahead: bool = True) -> None: ...

    def back(self) -> None: ...

    def forward_(self) -> None: ...

    def compare(self) -> None: ...
