"""Errors the program reports to users, and the exit statuses they map to.

Errors are raised where the problem is found and turned into a message and an
exit status in one place, :func:`modality_cli.cli.run` (through
:class:`modality_cli.app.ModalityGroup`).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from modality_cli.text import escape_controls


class ExitStatus(enum.IntEnum):
    OK = 0
    ERROR = 1  # not found, ambiguous, bad data, cannot write output
    USAGE = 2
    INTERRUPTED = 130


class ModalityError(Exception):
    """An error with a message for people and, where useful, a hint."""

    exit_status = ExitStatus.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def render(self) -> str:
        lines = [f"Error: {self.message}"]
        if self.hint:
            lines.append(self.hint)
        return "\n".join(escape_controls(line) for line in lines) + "\n"


class NotFoundError(ModalityError):
    def __init__(
        self, kind: str, name: str, suggestions: Sequence[str] = (), hint: str | None = None
    ) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)
        if hint is None and self.suggestions:
            hint = "Did you mean " + _or_list(self.suggestions) + "?"
        super().__init__(f"no {kind} matches {name!r}.", hint)


class AmbiguousNameError(ModalityError):
    def __init__(self, kind: str, name: str, candidates: Sequence[str]) -> None:
        self.kind = kind
        self.name = name
        self.candidates = list(candidates)
        super().__init__(
            f"{name!r} could be more than one {kind}.",
            "Did you mean " + _or_list(self.candidates) + "?",
        )


class UsageError(ModalityError):
    exit_status = ExitStatus.USAGE


class DataError(ModalityError):
    """A knowledge-base file that cannot be used; one problem per line."""

    def __init__(self, source: str, problems: Sequence[str], prefixed: bool = False) -> None:
        self.source = source
        self.problems = list(problems)
        self.prefixed = prefixed  # problems already name the file they come from
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"the knowledge base {source} is not usable ({count} {noun}).")

    def render(self) -> str:
        shown = self.problems[:50]
        lines = [f"Error: {self.message}", *(p if self.prefixed else f"{self.source}: {p}" for p in shown)]
        if len(self.problems) > len(shown):
            lines.append(f"... and {len(self.problems) - len(shown)} more.")
        return "\n".join(escape_controls(line) for line in lines) + "\n"


def _or_list(items: Sequence[str]) -> str:
    quoted = [f"'{i}'" for i in items]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
