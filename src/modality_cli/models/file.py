"""The whole knowledge-base file, as written on disk.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time.
"""

from typing import Literal

from pydantic import Field

from modality_cli.models.base import _Model
from modality_cli.models.condition import Condition
from modality_cli.models.modality import Modality
from modality_cli.models.source import Source
from modality_cli.models.technique import Technique
from modality_cli.models.theorist import Theorist
from modality_cli.models.theory import Theory


class KnowledgeFile(_Model):
    """The whole file, as written on disk."""

    schema_version: Literal[1] = 1
    modalities: list[Modality] = Field(default=[])
    theories: list[Theory] = Field(default=[])
    theorists: list[Theorist] = Field(default=[])
    techniques: list[Technique] = Field(default=[])
    conditions: list[Condition] = Field(default=[])
    sources: list[Source] = Field(default=[])
