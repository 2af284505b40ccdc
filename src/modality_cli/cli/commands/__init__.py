"""The commands, one module per group, found through a small registry.

Running a command imports and builds that one command only (pip's pattern):
the other command modules are never imported, which keeps start-up and shell
completion cheap. ``--help`` builds them all to list them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typer._click import Command

#: Command name -> the module of this package that defines it, in the order help lists them.
REGISTRY: dict[str, str] = {
    "list": "entries",
    "show": "entries",
    "theories": "entries",
    "theorists": "entries",
    "techniques": "entries",
    "conditions": "evidence",
    "evidence": "evidence",
    "compare": "explore",
    "search": "explore",
    "browse": "browse",
    "cards": "study",
    "quiz": "study",
    "timeline": "pictures",
    "lineage": "pictures",
    "validate": "quality",
    "stats": "quality",
    "schema": "quality",
    "export": "quality",
}


def build(name: str) -> Command:
    """The Click command for ``name``, built from its module's Typer commands."""
    from typer.main import get_command_from_info

    from modality_cli.cli import settings

    module = importlib.import_module(f"{__name__}.{REGISTRY[name]}")
    for info in module.commands.registered_commands:
        if info.name == name:
            return get_command_from_info(
                info,
                pretty_exceptions_short=settings.PRETTY_EXCEPTIONS_SHORT,
                rich_markup_mode=settings.RICH_MARKUP_MODE,
            )
    raise LookupError(f"modality_cli.cli.commands.{REGISTRY[name]} defines no command {name!r}")


class LazyCommands(MutableMapping[str, "Command"]):
    """The group's commands by name: every registered name is listed, and a
    command is built the first time it is looked up."""

    def __init__(self, built: MutableMapping[str, Command] | None = None) -> None:
        self._built: dict[str, Command] = dict(built or {})

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            if name not in REGISTRY:
                raise KeyError(name)
            self._built[name] = build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*REGISTRY, *self._built]))

    def __len__(self) -> int:
        return len(set(REGISTRY) | set(self._built))

    def __contains__(self, name: object) -> bool:
        return name in REGISTRY or name in self._built
