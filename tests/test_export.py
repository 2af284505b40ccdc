"""--export saves show and compare as SVG, HTML, Markdown or text, writing
only the file named."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import Outcome, mini_data, write_json

Cli = Callable[..., Outcome]


@pytest.mark.parametrize(
    ("name", "marker"),
    [("out.svg", "<svg"), ("out.html", "<!DOCTYPE html>"), ("out.md", "# Compare:"), ("out.txt", "Compare:")],
)
def test_compare_exports_by_file_extension(tmp_path: Path, mini_cli: Cli, name: str, marker: str) -> None:
    target = tmp_path / name
    result = mini_cli("compare", "tet", "bst", "--export", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Saved {target}\n"
    text = target.read_text(encoding="utf-8")
    assert marker in text
    assert "Talking" in text and "Behavioural" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_show_exports_markdown_and_json(tmp_path: Path, mini_cli: Cli) -> None:
    md = tmp_path / "tet.md"
    assert mini_cli("show", "tet", "--export", str(md)).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# Talking example therapy")
    js = tmp_path / "tet.json"
    assert mini_cli("show", "tet", "--export", str(js)).exit_code == 0
    assert '"id": "talking-example-therapy"' in js.read_text(encoding="utf-8")


def test_exported_svg_and_html_carry_data_text_literally(tmp_path: Path, cli: Cli) -> None:
    data = mini_data()
    data["modalities"][0]["summary"] = "[bold]<script>alert(1)</script>[/bold] \x1b[2J"
    path = write_json(tmp_path, data)
    for name in ("x.svg", "x.html"):
        target = tmp_path / name
        assert cli("--data", str(path), "show", "tet", "--export", str(target)).exit_code == 0
        text = target.read_text(encoding="utf-8")
        assert "<script>" not in text
        assert "&lt;script&gt;" in text or "&lt;script" in text
        assert "\x1b" not in text


def test_an_unknown_extension_is_a_usage_error(tmp_path: Path, mini_cli: Cli) -> None:
    result = mini_cli("show", "tet", "--export", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert "Name the file with one of: .svg" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_path_is_a_clear_error(tmp_path: Path, mini_cli: Cli) -> None:
    result = mini_cli("show", "tet", "--export", str(tmp_path / "missing" / "x.svg"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "No such file or directory" in result.stderr


def test_export_with_another_output_choice_is_a_usage_error(tmp_path: Path, mini_cli: Cli) -> None:
    target = tmp_path / "x.svg"
    for extra in (["--json"], ["--format", "csv"], ["--fields", "id"]):
        result = mini_cli("compare", "tet", "bst", "--export", str(target), *extra)
        assert result.exit_code == 2
        assert "--export takes its format from the file name" in result.stderr
    assert not target.exists()


#: Every command that prints a view, with a sample call on the mini fixture.
VIEW_COMMANDS = [
    ["list"],
    ["show", "tet"],
    ["theories"],
    ["theorists"],
    ["theorists", "ada", "example"],
    ["techniques", "open", "talk"],
    ["conditions"],
    ["conditions", "wed"],
    ["evidence"],
    ["compare", "tet", "bst"],
    ["search", "talk"],
    ["timeline"],
    ["lineage"],
]


@pytest.mark.parametrize("args", VIEW_COMMANDS)
@pytest.mark.parametrize("suffix", [".html", ".md", ".svg", ".txt", ".csv", ".json"])
def test_every_view_exports(tmp_path: Path, mini_cli: Cli, args: list[str], suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    result = mini_cli(*args, "--export", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.stat().st_size > 0


class _Page(HTMLParser):
    """Collects the title and checks that tags open and close in order."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.title = ""
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "title":
            self.title += data


@pytest.mark.parametrize(
    ("args", "title", "tag"),
    [
        (["show", "tet"], "Talking example therapy", "h2"),
        (
            ["compare", "tet", "bst"],
            "Compare: Talking example therapy vs Behavioural sample therapy",
            "table",
        ),
        (["conditions", "wed"], "Worry example disorder", "table"),
        (["list"], "modality: modality", "table"),
    ],
)
def test_html_export_is_a_real_page(
    tmp_path: Path, mini_cli: Cli, args: list[str], title: str, tag: str
) -> None:
    target = tmp_path / "page.html"
    assert mini_cli(*args, "--export", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    page.close()
    assert page.stack == []
    assert page.title == title
    assert tag in page.tags
    assert "prefers-color-scheme: dark" in text and "@media print" in text
    assert "font-family" not in text.split("body {", 1)[1].split("}", 1)[0] or "system-ui" in text
    assert "not clinical advice" in text


def test_markdown_and_html_keep_data_syntax_inert(tmp_path: Path, cli: Cli) -> None:
    data = mini_data()
    data["modalities"][0]["summary"] = (
        "**loud** [click](javascript:alert(1)) <img src=x onerror=alert(1)> # no"
    )
    data["modalities"][0]["name"] = "Talking *example* therapy"
    path = write_json(tmp_path, data)
    md = tmp_path / "x.md"
    page = tmp_path / "x.html"
    assert cli("--data", str(path), "show", "tet", "--export", str(md)).exit_code == 0
    assert cli("--data", str(path), "show", "tet", "--export", str(page)).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert "\\*\\*loud\\*\\*" in text and "\\[click\\]" in text and "\\<img" in text
    html = page.read_text(encoding="utf-8")
    assert "<strong>loud</strong>" not in html and "<em>example</em>" not in html
    assert "<img" not in html and 'href="javascript' not in html
    assert "**loud**" in html and "&lt;img src=x" in html


def test_svg_and_html_are_well_formed_whatever_the_data(tmp_path: Path, cli: Cli) -> None:
    import xml.dom.minidom

    data = mini_data()
    data["modalities"][0]["summary"] = "null\x00 bell\x07 vt\x0b ff\x0c esc\x1b end\ufffe"
    path = write_json(tmp_path, data)
    target = tmp_path / "x.svg"
    assert cli("--data", str(path), "show", "tet", "--export", str(target)).exit_code == 0
    xml.dom.minidom.parse(str(target))
    page = tmp_path / "x.html"
    assert cli("--data", str(path), "show", "tet", "--export", str(page)).exit_code == 0
    assert not set(page.read_text(encoding="utf-8")) & {"\x00", "\x07", "\x0b", "\x0c", "\x1b", "\ufffe"}


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs headless Chromium")
def test_html_export_opens_in_a_headless_browser(tmp_path: Path, mini_cli: Cli) -> None:
    page = tmp_path / "compare.html"
    assert mini_cli("compare", "tet", "bst", "--export", str(page)).exit_code == 0
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert shot.stat().st_size > 1000
