"""--export saves show and compare as SVG, HTML, Markdown or text, writing
only the file named."""

from __future__ import annotations

from collections.abc import Callable
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
