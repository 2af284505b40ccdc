"""The command line as people type it, made into the one Click parses.

- Global options (``--data``, ``--no-color``, ``--pager``, ``--no-pager``,
  ``--version``) may come anywhere; they are moved before the command.
- ``modality help [COMMAND]`` is ``modality [COMMAND] --help``.
- Whether the user asked for JSON, so that an error is a JSON object too.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Options of the program itself, wherever they are given; those that take a value.
GLOBAL_FLAGS = ("--no-color", "--pager", "--no-pager", "--version")
GLOBAL_WITH_VALUE = ("--data",)
JSON_FORMATS = ("json", "jsonl")


def normalise(args: Sequence[str]) -> list[str]:
    args = list(args)
    if args[:1] == ["help"]:
        args = [*args[1:], "--help"]
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--":  # everything after it is an argument
            rest += args[i:]
            break
        if token in GLOBAL_FLAGS or any(token.startswith(f"{o}=") for o in GLOBAL_WITH_VALUE):
            front.append(token)
        elif token in GLOBAL_WITH_VALUE and i + 1 < len(args):
            front += [token, args[i + 1]]
            i += 1
        else:
            rest.append(token)
        i += 1
    return front + rest


def wants_json(args: Sequence[str]) -> bool:
    """Whether the command line asks for JSON (or JSON Lines) output."""
    for i, token in enumerate(args):
        if token == "--":
            break
        if token == "--json" or token == "--fields" or token.startswith("--fields="):
            return True
        if token in ("--format", "-F") and i + 1 < len(args) and args[i + 1].lower() in JSON_FORMATS:
            return True
        if token.startswith("--format=") and token.split("=", 1)[1].lower() in JSON_FORMATS:
            return True
    return False
