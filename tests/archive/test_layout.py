"""The archive's three parts stay apart: the SQLite store (reader/archive/store/),
the Whoosh index (reader/archive/index/), and what the archive does with them
beside the Archive door. Read from the source, every import counted (inside
functions and TYPE_CHECKING blocks too)."""

from __future__ import annotations

import ast
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).resolve().parent


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _uses(imports: set[str], package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in imports)


def _modules(folder: str = "") -> dict[str, set[str]]:
    root = PACKAGE / folder if folder else PACKAGE
    return {str(p.relative_to(PACKAGE.parent)): _imports(p) for p in sorted(root.rglob("*.py"))}


def test_no_module_imports_both_sqlite3_and_whoosh() -> None:
    both = [name for name, imports in _modules().items() if _uses(imports, "sqlite3") and _uses(imports, "whoosh")]
    assert both == []


def test_only_the_archive_imports_sqlite3_or_whoosh() -> None:
    outside = [
        name
        for name, imports in _modules().items()
        if not name.startswith("reader/archive/") and (_uses(imports, "sqlite3") or _uses(imports, "whoosh"))
    ]
    assert outside == []


def test_the_store_knows_nothing_of_the_index_and_the_index_no_sql() -> None:
    store = _modules("archive/store")
    index = _modules("archive/index")
    assert store and index
    assert [n for n, i in store.items() if _uses(i, "whoosh") or _uses(i, "reader.archive.index")] == []
    assert [n for n, i in index.items() if _uses(i, "sqlite3")] == []
