"""What every entry shares: the constrained types, the checks on years and
dates, misconceptions, and the fields of every looked-up entry.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

import datetime as _dt
import functools
from typing import Annotated, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

#: Years before this are not plausible for anything in the knowledge base.
EARLIEST_YEAR = 1500
#: Nobody in the knowledge base lived longer than this.
LONGEST_LIFE = 120

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
]
Text = Annotated[str, StringConstraints(pattern=r"\S", max_length=20_000)]
Year = Annotated[int, Field(ge=EARLIEST_YEAR)]

_Y = TypeVar("_Y", int, int | None)


@functools.cache
def _today() -> _dt.date:
    """Today, read once per process (validation asks for it thousands of times)."""
    return _dt.date.today()


def _this_year() -> int:
    return _today().year


def _not_future(year: _Y, what: str) -> _Y:
    if year is not None and year > _this_year():
        raise ValueError(f"{what} {year} is in the future")
    return year


def _date_not_future(value: _dt.date | None, what: str) -> _dt.date | None:
    if value is not None and value > _today():
        raise ValueError(f"{what} date {value} is in the future")
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class Misconception(_Model):
    """A claim popular accounts make, and what the scholarly record holds."""

    claim: Text
    correction: Text
    sources: list[Slug] = Field(min_length=1)


class Entry(_Model):
    """Fields every looked-up entry carries."""

    id: Slug
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    summary: Text
    sources: list[Slug] = Field(min_length=1)
    misconceptions: list[Misconception] = Field(default_factory=list)
    checked: Annotated[_dt.date, Field(strict=False)] | None = None

    @field_validator("checked")
    @classmethod
    def _checked_not_future(cls, value: _dt.date | None) -> _dt.date | None:
        return _date_not_future(value, "checked")
