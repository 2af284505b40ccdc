"""The layout shows the layers: packages by layer, no module loose at the top,
and no import circle anywhere (imports inside functions and for type checkers
count too)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "modality_cli"
LAYERS = {"core", "models", "kb", "queries", "results", "views", "formats", "browse", "cli"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                if target in modules and target != name:
                    graph[name].add(target)
                    break
    return graph


def test_the_top_level_holds_only_the_layers() -> None:
    loose = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py"}
    assert loose == set()
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert packages == LAYERS


def test_there_is_no_import_circle() -> None:
    modules = _modules()
    graph = _imports(modules)
    assert graph["modality_cli.cli.app"], "the import graph was not read"
    circles = []
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(modules):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_lower_layers_never_import_higher_ones() -> None:
    order = ["core", "models", "kb", "results", "queries", "formats", "views", "browse", "cli"]
    allowed = {  # a layer may import the layers before it, and these
        "formats": {"views"},  # the table format is the view
        "views": {"formats"},
        "kb": {"results"},  # export --sqlite answers with a result
    }
    graph = _imports(_modules())
    wrong = []
    for source, targets in graph.items():
        layer = source.split(".")[1] if source.count(".") else None
        if layer not in order:
            continue
        for target in targets:
            other = target.split(".")[1] if target.count(".") else None
            if (
                other in order
                and order.index(other) > order.index(layer)
                and other not in allowed.get(layer, set())
            ):
                wrong.append(f"{source} -> {target}")
    assert wrong == []
