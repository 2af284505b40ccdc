"""Techniques: what a therapist does, and where it comes from.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

from pydantic import Field

from modality_cli.models.base import Entry, Slug, Text


class Technique(Entry):
    description: Text | None = None
    originators: list[Slug] = Field(default_factory=list)
    modalities: list[Slug] = Field(default_factory=list)
    theories: list[Slug] = Field(default_factory=list)
