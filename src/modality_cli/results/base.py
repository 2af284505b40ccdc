"""What every answer shares, and the linked names answers carry.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from modality_cli.core.plain import Trusted


class Result(Trusted, BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    #: For an answer made of rows of one model: the field holding them. CSV, JSON
    #: Lines, Markdown tables and ``--fields`` work on those rows.
    rows_field: ClassVar[str | None] = None
    #: Whether ``--json`` prints the rows alone, as an array.
    rows_are_payload: ClassVar[bool] = False

    def flat_records(self) -> list[dict[str, Any]] | None:
        """For an answer whose table form is not simply its rows or itself (compare,
        validate): that table, one flat record per row."""
        return None

    def flat_columns(self) -> list[str] | None:
        """The columns of :meth:`flat_records`."""
        return None


class Linked(Result):
    """Display names of every entry an answer refers to by id, per kind."""

    modalities: dict[str, str] = {}
    theories: dict[str, str] = {}
    theorists: dict[str, str] = {}
    techniques: dict[str, str] = {}
    conditions: dict[str, str] = {}
