"""``--export FILE``: save an answer as SVG, HTML, Markdown, text, JSON or CSV.

The only place the program writes a file, and only the one the user named."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

from modality_cli.core.errors import ModalityError, UsageError

SUFFIXES = (".svg", ".html", ".htm", ".md", ".markdown", ".txt", ".json", ".jsonl", ".csv")
EXPORT_WIDTH = 110


#: Formats only flash cards have.
CARD_SUFFIXES = (".apkg", ".tsv")


def export(result: Any, path: Path) -> None:
    suffix = path.suffix.lower()
    cards = type(result).__name__ == "CardDeck"
    allowed = SUFFIXES + CARD_SUFFIXES if cards else SUFFIXES
    if suffix not in allowed:
        raise UsageError(
            f"cannot tell what format {path.name!r} should be.",
            "Name the file with one of: " + ", ".join(allowed) + ".",
        )
    if cards and suffix in (*CARD_SUFFIXES, ".csv"):
        from modality_cli.formats.anki import to_apkg, to_separated

        if suffix == ".apkg":
            save(path, to_apkg(result))
            return
        text = to_separated(result, "\t" if suffix == ".tsv" else ",")
    elif suffix in (".md", ".markdown"):
        from modality_cli.formats.markdown import to_markdown

        text = to_markdown(result)
    elif suffix in (".html", ".htm"):
        from modality_cli.formats.html import to_html

        text = to_html(result, _title(result))
    elif suffix in (".json", ".jsonl", ".csv"):
        from modality_cli.formats.machine import render

        text = render(result, suffix[1:], None)
    else:
        text = _recorded(result, suffix)
    save(path, text.encode("utf-8", errors="backslashreplace"))


def save(path: Path, data: bytes) -> None:
    """Write the file whole or not at all: into a new temporary file beside it
    (created exclusively, never through a planted symlink), every byte checked,
    then renamed over the target. On failure nothing is left behind."""
    import os
    import tempfile

    from modality_cli.core.output import write_all
    from modality_cli.core.text import escape_controls

    shown = escape_controls(str(path))
    directory = path.parent if str(path.parent) else Path(".")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(handle, "wb") as file:
            write_all(file, data)
            os.fsync(file.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file would be
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise ModalityError(f"cannot write {shown}: {error.strerror or error}.") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _recorded(result: Any, suffix: str) -> str:
    from rich.console import Console

    from modality_cli.views import render

    console = Console(
        file=io.StringIO(),
        record=True,
        width=EXPORT_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        emoji=False,
        highlight=False,
    )
    console.print(render(result, console))
    if suffix == ".svg":
        from modality_cli.core.text import xml_safe

        return xml_safe(console.export_svg(title=_title(result)))
    return console.export_text()


def _title(result: Any) -> str:
    """The page or window title: the entry's name, what is being compared, or
    what the list holds."""
    names = getattr(result, "names", None)
    if isinstance(names, dict):
        return "Compare: " + " vs ".join(names.values())
    name = getattr(result, "name", None)
    if isinstance(name, str):
        return name
    query = getattr(result, "query", None)
    if isinstance(query, str):
        return f"Search: {query}"
    kind = type(result).__name__.removesuffix("List").removesuffix("Results")
    return f"modality: {kind.lower()}"
