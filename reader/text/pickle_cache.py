"""Word lists built once from data packages and kept, pickled, in the cache
directory: a process loads the copy in milliseconds instead of building the
lists again (about a second, and tens of MB, each)."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def kept(path: Path, build: Callable[[], T], usable: Callable[[object], bool]) -> T:
    """The value pickled at `path` if it is `usable`, else `build()`'s, written
    there for the next process. The name of `path` should change with what
    builds the value (a key of the code and the data packages' versions), so a
    stale copy is never read."""
    try:
        with path.open("rb") as cache:
            cached = pickle.load(cache)
        if usable(cached):
            return cached  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - missing, unreadable or stale: build it again
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: workers starting together never read half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.stem}-", delete=False) as aside:
            pickle.dump(built, aside, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(aside.name, path)
    except OSError:
        pass  # a read-only cache directory: build it in each process
    return built


def cache_path(name: str, sources: Iterable[Path], packages: Iterable[str]) -> Path:
    """`name-KEY.pickle` in the cache directory, KEY a digest of the code that
    builds the value (`sources`) and the versions of the packages its data and
    its pickled form come from, so a change to either makes a new copy."""
    from importlib.metadata import version

    from reader.paths import cache_dir

    key = hashlib.sha256()
    for source in sources:
        key.update(source.read_bytes())
    for package in packages:
        key.update(f"{package}={version(package)};".encode())
    return cache_dir() / f"{name}-{key.hexdigest()[:16]}.pickle"
