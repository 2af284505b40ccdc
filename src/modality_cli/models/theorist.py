"""People: life dates, contributions, and whom they drew on.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

from pydantic import Field, ValidationInfo, field_validator

from modality_cli.models.base import LONGEST_LIFE, Entry, Slug, Text, Year, _not_future, _this_year


class Theorist(Entry):
    #: Null where no reliable public record of the year exists (some living clinicians).
    born: Year | None
    died: Year | None = None
    contributions: list[Text] = Field(default_factory=list)
    theories: list[Slug] = Field(default_factory=list)
    modalities: list[Slug] = Field(default_factory=list)
    influenced_by: list[Slug] = Field(default_factory=list)

    @field_validator("born")
    @classmethod
    def _born_not_future(cls, value: int | None) -> int | None:
        return _not_future(value, "born")

    @field_validator("died")
    @classmethod
    def _plausible_death(cls, value: int | None, info: ValidationInfo) -> int | None:
        born = info.data.get("born")
        if value is None:
            if born is not None and _this_year() - born > LONGEST_LIFE:
                raise ValueError(f"is null (living) but born is {born}, which is not plausible")
            return None
        _not_future(value, "died")
        if born is not None:
            if value < born:
                raise ValueError(f"{value} is before born ({born})")
            if value - born > LONGEST_LIFE:
                raise ValueError(f"a life from {born} to {value} is not plausible")
        return value
