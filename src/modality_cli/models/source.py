"""Sources: the publications and pages the knowledge base cites.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

import datetime as _dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from modality_cli.models.base import Slug, Text, Year, _date_not_future, _Model, _not_future

SourceKind = Literal["book", "chapter", "article", "review", "guideline", "manual", "website"]


class Source(_Model):
    id: Slug
    kind: SourceKind
    authors: list[Text] = Field(min_length=1)
    #: Publication year; null for an undated web page (``accessed`` then says when it was read).
    year: Year | None = None
    title: Text
    venue: Text | None = None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    accessed: Annotated[_dt.date, Field(strict=False)] | None = None

    @field_validator("year")
    @classmethod
    def _year_not_future(cls, value: int | None) -> int | None:
        return _not_future(value, "year")

    @field_validator("accessed")
    @classmethod
    def _accessed_not_future(cls, value: _dt.date | None) -> _dt.date | None:
        return _date_not_future(value, "accessed")
