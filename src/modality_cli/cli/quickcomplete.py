"""Shell completion answered before Typer is imported.

Every TAB runs the program. Importing Typer costs most of a trivial app's
start-up, so the common request, a name for a command's positional argument
(``modality show psy<TAB>``, ``modality compare cbt psycho<TAB>``), is
answered here, from the store, in Typer's own completion protocol for each
shell it supports (bash, zsh, fish, PowerShell): the same environment
variables in, the same text out. Anything else (a command name, an option, an
option's value) returns ``False`` and Typer answers as before; a test holds
this path's output to Typer's for the same requests.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

#: The environment variable Typer reads for the program's completion requests.
COMPLETE_VAR = "_MODALITY_COMPLETE"
#: Global flags that take no value, and those that take one (skipped, as Typer
#: skips them: completion reads the data named by MODALITY_DATA only).
FLAGS = frozenset({"--no-color", "--no-pager", "--pager"})
VALUED = frozenset({"--data"})
#: Command -> the completer of its positional name argument (a list of words).
POSITIONAL: dict[str, str] = {
    "show": "complete_modality",
    "compare": "complete_modality",
    "browse": "complete_modality",
    "theories": "complete_theory_or_modality",
    "theorists": "complete_theorist_or_modality",
    "techniques": "complete_technique_or_modality",
    "conditions": "complete_condition",
}


def _split(text: str) -> list[str]:
    """Click's ``split_arg_string``: shell words, an unclosed quote kept as typed."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    out: list[str] = []
    try:
        for token in lexer:
            out.append(token)
    except ValueError:
        out.append(lexer.token)
    return out


def _request(shell: str, env: Mapping[str, str]) -> tuple[list[str], str] | None:
    """(the words before the one being completed, that word), as Typer reads them."""
    if shell == "bash":
        words = _split(env.get("COMP_WORDS", ""))
        cword = int(env.get("COMP_CWORD", "0"))
        return words[1:cword], (words[cword] if cword < len(words) else "")
    line = env.get("_TYPER_COMPLETE_ARGS", "")
    words = _split(line)
    if shell == "powershell":
        incomplete = env.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (words[1:-1] if incomplete else words[1:]), incomplete
    args = words[1:]
    if args and not line.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def _command(args: list[str]) -> tuple[str, list[str]] | None:
    """The command and its own words, global flags removed; None if any word is
    an option this path does not know."""
    rest: list[str] = []
    skip = False
    for word in args:
        if skip:
            skip = False
        elif word in VALUED:
            skip = True
        elif word in FLAGS:
            continue
        elif word.startswith("-"):
            return None
        else:
            rest.append(word)
    if skip or not rest:
        return None
    return rest[0], rest[1:]


def answer(env: Mapping[str, str], out: TextIO) -> bool:
    """Answer the completion request in ``env`` on ``out``; False to leave it to Typer."""
    shell = env.get(COMPLETE_VAR, "").removeprefix("complete_")
    if shell == "pwsh":
        shell = "powershell"
    if shell not in ("bash", "zsh", "fish", "powershell"):
        return False
    if shell == "fish" and env.get("_TYPER_COMPLETE_FISH_ACTION", "") not in ("get-args", "is-args"):
        return False
    try:
        request = _request(shell, env)
    except ValueError:
        return False
    if request is None:
        return False
    args, incomplete = request
    found = _command(args)
    if found is None or found[0] not in POSITIONAL or incomplete.startswith("-"):
        return False
    from modality_cli.cli import completion

    complete: Callable[[str], list[tuple[str, str]]] = getattr(completion, POSITIONAL[found[0]])
    items = complete(incomplete)
    if shell == "fish" and env.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
        sys.exit(0 if items else 1)
    out.write(_formatted(shell, items) + "\n")  # as click.echo writes it
    out.flush()
    return True


#: What Typer's zsh class escapes in a completion, in its order.
_ZSH_ESCAPES = (('"', '""'), ("'", "''"), ("$", "\\$"), ("`", "\\`"), (":", r"\\:"))


def _formatted(shell: str, items: list[tuple[str, str]]) -> str:
    """The completions as Typer's completion class for ``shell`` writes them."""
    if shell == "bash":
        return "\n".join(value for value, _ in items)
    rendered = _rendered()
    if shell == "zsh":
        if not items:
            return "_files"

        def escape(s: str) -> str:
            for plain, escaped in _ZSH_ESCAPES:
                s = s.replace(plain, escaped)
            return s

        lines = [
            f'"{escape(value)}":"{rendered(escape(help))}"' if help else f'"{escape(value)}"'
            for value, help in items
        ]
        return "_arguments '*: :((" + "\n".join(lines) + "))'"
    if shell == "fish":
        import re

        blank = re.compile(r"\s")
        lines = [f"{value}\t{rendered(blank.sub(' ', help))}" if help else value for value, help in items]
        return "\n".join(lines)
    return "\n".join(f"{value}:::{rendered(help) if help else ' '}" for value, help in items)


def _rendered() -> Callable[[str], str]:
    """Typer's help-text sanitizer: the text as Rich renders it, as plain text."""
    from rich.console import Console

    width = os.environ.get("TERMINAL_WIDTH")
    console = Console(width=int(width) if width else None)

    def render(text: str) -> str:
        return "".join(segment.text for segment in console.render(text)).rstrip("\n")

    return render
