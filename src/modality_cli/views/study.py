"""Views of flash cards and quiz questions, and the quiz as it is asked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.text import Text

from modality_cli import results as r
from modality_cli.core.text import escape_controls
from modality_cli.views.base import rows_view

LETTERS = "abcdefgh"


def card_deck(result: r.CardDeck, console: Console) -> RenderableType:
    rows = [[c.front, c.back] for c in result.cards]
    view = rows_view(console, f"Flash cards ({result.deck})", [("Front", 2), ("Back", 3)], rows, "No cards.")
    hint = "Save for Anki with --export deck.apkg, or as --export deck.csv / deck.tsv."
    return Group(view, Text(f"{len(result.cards)} cards. {hint}", style="dim"))


def quiz_view(result: r.Quiz, console: Console) -> RenderableType:
    rows = [
        [q.question, "; ".join(f"{LETTERS[i]}) {o}" for i, o in enumerate(q.options)), q.answer]
        for q in result.questions
    ]
    return rows_view(console, "Quiz", [("Question", 3), ("Options", 3), ("Answer", 2)], rows, "No questions.")


def ask(result: r.Quiz, read_line: Callable[[], str], out: TextIO, echo: bool = False) -> tuple[int, int]:
    """Ask each question in turn: read an answer (its number or letter), say
    whether it was right, with the correct answer and its sources, and end with
    the score. End of input ends the quiz cleanly. Returns (right, asked)."""

    import shutil
    import textwrap

    width = shutil.get_terminal_size().columns if out.isatty() else 0

    def say(text: str = "") -> None:
        text = escape_controls(text)
        if width and len(text) > width:  # wrap at words, keeping an option's indent
            indent = " " * (len(text) - len(text.lstrip()) + (3 if text.lstrip()[:1].isdigit() else 0))
            text = textwrap.fill(text, width=width - 1, subsequent_indent=indent)
        out.write(text + "\n")
        out.flush()

    right = asked = 0
    total = len(result.questions)
    for n, q in enumerate(result.questions, 1):
        say(f"\nQuestion {n} of {total}: {q.question}")
        for i, option in enumerate(q.options):
            say(f"  {i + 1}) {option}")
        choice = None
        while choice is None:
            out.write(f"Your answer (1-{len(q.options)}): ")
            out.flush()
            line = read_line()
            if echo and line:  # an answer from a pipe: show it, as a terminal would
                say(line.strip())
            if not line:  # end of input
                say("")
                say(f"Stopped. Score: {right} of {asked}.")
                return right, asked
            choice = _choice(line.strip(), len(q.options))
            if choice is None:
                last = LETTERS[len(q.options) - 1]
                say(f"Please answer with a number from 1 to {len(q.options)} or a letter a-{last}.")
        asked += 1
        if q.options[choice] == q.answer:
            right += 1
            say("Right.")
        else:
            say(f"Not quite: the answer is {q.answer.rstrip('.')}.")
        say(f"{q.explanation} [{', '.join(q.sources)}]")
    say("")
    say(f"Score: {right} of {asked}.")
    return right, asked


def _choice(text: str, count: int) -> int | None:
    if text.isdigit() and 1 <= int(text) <= count:
        return int(text) - 1
    low = text.lower().rstrip(")")
    if len(low) == 1 and low in LETTERS[:count]:
        return LETTERS.index(low)
    return None
