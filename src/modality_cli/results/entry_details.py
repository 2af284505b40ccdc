"""Answers about one theory, theorist or technique in depth.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from modality_cli.core.plain import Trusted
from modality_cli.models import Source, Technique, Theorist, Theory
from modality_cli.results.base import Linked


class TheoryDetail(Trusted, Theory):
    #: People who list this theory among their work without having originated it.
    contributors: list[str]
    linked: Linked
    bibliography: list[Source]


class TheoristDetail(Trusted, Theorist):
    linked: Linked
    bibliography: list[Source]


class TechniqueDetail(Trusted, Technique):
    linked: Linked
    bibliography: list[Source]
