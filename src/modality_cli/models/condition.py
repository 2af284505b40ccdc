"""Conditions: the problems that rating bodies and reviews rate therapies for.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from modality_cli.models.base import Entry, Slug, Text

ConditionGroup = Literal[
    "mood",
    "anxiety",
    "obsessive-compulsive",
    "stress",
    "eating",
    "psychotic",
    "personality",
    "substance-use",
    "neurodevelopmental",
    "sleep",
    "behaviour",
    "self-harm",
    "physical-health",
    "relationship",
    "general",
]
#: An ICD-11 (MMS) code: a four-character stem code, optionally with a subcategory.
Icd11Code = Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{4}(?:\.[0-9A-Z]{1,3})?$")]


class Condition(Entry):
    """A diagnosis or problem, under every name people use for it."""

    #: The ICD-11 code; null where no single code fits (an umbrella or a problem, not a diagnosis).
    icd11: Icd11Code | None = None
    #: The ICD-11 title of that code, where it differs from the entry's name.
    icd11_title: Text | None = None
    group: ConditionGroup
    description: Text | None = None
    related: list[Slug] = Field(default_factory=list)
    #: Modalities rated for this condition: filled in from their evidence when the
    #: knowledge base is loaded (a value written in the file is replaced).
    modalities: list[Slug] = Field(default_factory=list)
