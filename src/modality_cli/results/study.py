"""Answers of ``cards`` and ``quiz``.

No ``from __future__ import annotations`` here: Pydantic would evaluate every
annotation string when the classes are created, which costs start-up time."""

from modality_cli.results.base import Result


class Card(Result):
    #: Stable across runs ("theorist:sigmund-freud"), so re-importing a deck updates its cards.
    id: str
    deck: str
    front: str
    back: str
    tags: list[str]
    sources: list[str]


class CardDeck(Result):
    rows_field = "cards"
    rows_are_payload = True

    cards: list[Card]
    deck: str


class Question(Result):
    id: str
    deck: str
    question: str
    options: list[str]
    #: One of the options.
    answer: str
    explanation: str
    sources: list[str]


class Quiz(Result):
    rows_field = "questions"
    rows_are_payload = True

    questions: list[Question]
    seed: int | None
