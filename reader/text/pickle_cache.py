"""Word lists built once from data packages and kept, pickled, in the cache
directory: a process loads the copy in milliseconds instead of building the
lists again (about a second, and tens of MB, each)."""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
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
