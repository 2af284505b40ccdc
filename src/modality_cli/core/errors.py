"""Errors the program reports to users, and the exit statuses they map to.

Errors are raised where the problem is found and turned into a message and an
exit status in one place, :func:`modality_cli.cli.app.run` (through
:class:`modality_cli.app.ModalityGroup`).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, NamedTuple

from modality_cli.core.text import escape_controls


class ExitStatus(enum.IntEnum):
    OK = 0
    ERROR = 1  # not found, ambiguous, bad data, cannot write output
    USAGE = 2
    INTERRUPTED = 130


class Candidate(NamedTuple):
    """An entry an error points to: a suggestion, or one of several a name could mean."""

    kind: str
    id: str
    name: str


class ModalityError(Exception):
    """An error with a message for people and, where useful, a hint."""

    exit_status = ExitStatus.ERROR
    #: The ``code`` of the JSON error object (see README, "Errors as JSON").
    code = "io"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def render(self) -> str:
        lines = [f"Error: {self.message}"]
        if self.hint:
            lines.append(self.hint)
        return "\n".join(one_line(line) for line in lines) + "\n"

    def as_json(self) -> dict[str, Any]:
        """The error as the object ``--json`` prints on stderr."""
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.hint:
            error["hint"] = self.hint
        return {"error": error}


class _NameError(ModalityError):
    """A name that resolves to no entry, or to more than one."""

    code = "not_found"

    def __init__(self, kind: str, name: str, candidates: Sequence[Candidate], message: str, hint: str | None):
        self.kind = kind
        self.name = name
        self.candidates = list(candidates)
        super().__init__(message, hint)

    def as_json(self) -> dict[str, Any]:
        out = super().as_json()
        out["error"].update(
            query=self.name,
            kind=self.kind,
            candidates=[c._asdict() for c in self.candidates],
        )
        return out


class NotFoundError(_NameError):
    def __init__(
        self, kind: str, name: str, suggestions: Sequence[Candidate] = (), hint: str | None = None
    ) -> None:
        if hint is None and suggestions:
            hint = "Did you mean " + _or_list([c.name for c in suggestions]) + "?"
        super().__init__(kind, name, suggestions, f"no {kind} matches {name!r}.", hint)

    @property
    def suggestions(self) -> list[Candidate]:
        return self.candidates


class AmbiguousNameError(_NameError):
    code = "ambiguous"

    def __init__(self, kind: str, name: str, candidates: Sequence[Candidate]) -> None:
        kinds = {c.kind for c in candidates}
        shown = [c.name if kinds == {kind} else f"{c.name} ({c.kind})" for c in candidates]
        super().__init__(
            kind,
            name,
            candidates,
            f"{name!r} could be more than one {kind if kinds == {kind} else 'entry'}.",
            "Did you mean " + _or_list(shown) + "? Give more of the name.",
        )


class UsageError(ModalityError):
    exit_status = ExitStatus.USAGE
    code = "usage"


class DataError(ModalityError):
    """A knowledge-base file that cannot be used; one problem per line."""

    code = "bad_data"

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
        return "\n".join(one_line(line) for line in lines) + "\n"

    def as_json(self) -> dict[str, Any]:
        out = super().as_json()
        out["error"]["problems"] = [p if self.prefixed else f"{self.source}: {p}" for p in self.problems]
        return out


def one_line(text: str) -> str:
    """Text for one line of an error: control characters, newlines included, made
    visible, so a name or path from the user cannot forge a second line."""
    return escape_controls(text).replace("\n", "\\n")


def _or_list(items: Sequence[str]) -> str:
    quoted = [f"'{i}'" for i in items]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
