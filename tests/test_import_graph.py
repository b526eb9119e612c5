"""The layout's rules, read from the source's import statements (every one, those
inside functions too: a lazy import still makes a circle).

- No circle between modules of reader/: each module can be read (and moved)
  after what it imports.
- The layers run one way: text (pure stages over blocks) below ingest (the
  format readers, which run those stages) below archive (which imports files and
  keeps them) below the command line and the app. Nothing imports upwards.
- The domain (text, ingest, archive) imports no Textual and no Rich: the app is
  only one of its users.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "reader"

# What each part of reader/ must not import (by module-name prefix).
UPWARD = {
    "reader.text": ("reader.ingest", "reader.archive", "reader.cli", "reader.tui"),
    "reader.ingest": ("reader.archive", "reader.cli", "reader.tui"),
    "reader.archive": ("reader.cli", "reader.tui"),
    "reader.tui": ("reader.cli",),
}
DOMAIN = ("reader.text", "reader.ingest", "reader.archive")
UI_LIBRARIES = ("textual", "rich")


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(tree: ast.Module, package: str, known: set[str]) -> set[str]:
    """Every module name a module's import statements name; `from package import
    module` names the module, `from module import name` the module. `package` is
    where a relative import starts."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in known else module)
    return found


def import_graph(root: Path = SOURCE) -> dict[str, set[str]]:
    """Each module of the package at `root`, with every module it imports (in or out of the package)."""
    files = {_module_name(path, root): path for path in root.rglob("*.py")}
    known = set(files)
    graph = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = _imported(ast.parse(path.read_text(encoding="utf-8")), package, known) - {name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, around (strongly connected
    components of more than one module, or a module importing itself)."""
    inside = {name: {m for m in targets if m in graph} for name, targets in graph.items()}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []
    for start in sorted(inside):
        if start in order:
            continue
        # Tarjan's algorithm, iteratively (no recursion limit on a deep chain).
        work = [(start, iter(sorted(inside[start])))]
        order[start] = low[start] = len(order)
        stack.append(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    work.append((target, iter(sorted(inside[target]))))
                    break
                if target in stack:
                    low[node] = min(low[node], order[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == order[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return found


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{name} imports {target}"
        for name, targets in sorted(graph.items())
        for part, forbidden in UPWARD.items()
        if _within(name, part)
        for target in sorted(targets)
        if any(_within(target, above) for above in forbidden)
    ]


def ui_imports(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{name} imports {target}"
        for name, targets in sorted(graph.items())
        if any(_within(name, part) for part in DOMAIN)
        for target in sorted(targets)
        if any(_within(target, library) for library in UI_LIBRARIES)
    ]


GRAPH = import_graph()


def test_the_graph_sees_the_whole_package() -> None:
    assert "reader.cli" in GRAPH and "reader.tui.app" in GRAPH and "reader.archive" in GRAPH
    assert "reader.ingest.detect" in GRAPH["reader.ingest"]  # a lazy import, inside a function


def test_no_module_of_reader_is_in_an_import_circle() -> None:
    assert circles(GRAPH) == []


def test_no_import_runs_up_the_layers() -> None:
    assert upward_imports(GRAPH) == []


def test_the_domain_imports_no_textual_and_no_rich() -> None:
    assert ui_imports(GRAPH) == []


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "reader" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "reader"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A small reader/ with one of each fault the checks must see."""
    return _write(
        tmp_path,
        {
            "__init__.py": "",
            "text/__init__.py": "",
            "text/chrome.py": "from reader.ingest.common import squash\n",
            "ingest/__init__.py": "def door():\n    from reader.ingest import detect\n",
            "ingest/common.py": "def squash(s):\n    return s\n",
            "ingest/detect.py": "from reader.ingest import IngestError\n",
            "archive/__init__.py": "import textual.app\n",
            "tui/__init__.py": "",
            "tui/a.py": "def f():\n    from reader.tui import b\n",
            "tui/b.py": "from reader.tui.a import f\n",
            "tui/c.py": "from reader.tui.a import f\n",
            "tui/d.py": "from . import e\n",
            "tui/e.py": "from .d import x\n",
        },
    )


def test_the_checks_find_each_fault(package: Path) -> None:
    graph = import_graph(package)
    assert circles(graph) == [
        ["reader.ingest", "reader.ingest.detect"],
        ["reader.tui.a", "reader.tui.b"],
        ["reader.tui.d", "reader.tui.e"],
    ]
    assert upward_imports(graph) == ["reader.text.chrome imports reader.ingest.common"]
    assert ui_imports(graph) == ["reader.archive imports textual.app"]
