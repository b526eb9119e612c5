"""reader/text/pickle_cache.py: lists built once, then loaded from the cache directory."""

from __future__ import annotations

import pickle
from pathlib import Path

from reader.text.pickle_cache import kept


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_built_once_then_loaded(tmp_path: Path) -> None:
    calls, build = _counting(frozenset({"anna", "olof"}))
    path = tmp_path / "cache" / "names-abc.pickle"
    assert kept(path, build, lambda found: isinstance(found, frozenset)) == {"anna", "olof"}
    assert kept(path, build, lambda found: isinstance(found, frozenset)) == {"anna", "olof"}
    assert len(calls) == 1 and path.exists()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # nothing left aside


def test_an_unusable_or_damaged_copy_is_built_again(tmp_path: Path) -> None:
    path = tmp_path / "names.pickle"
    calls, build = _counting(("a", "b", "c"))
    path.write_bytes(b"not a pickle")
    assert kept(path, build, lambda found: isinstance(found, tuple)) == ("a", "b", "c")
    path.write_bytes(pickle.dumps(["a list"]))  # what another code kept there
    assert kept(path, build, lambda found: isinstance(found, tuple)) == ("a", "b", "c")
    assert len(calls) == 2


def test_a_cache_that_cannot_be_written_still_gives_the_value(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    calls, build = _counting({"x": 1})
    assert kept(blocker / "sub" / "names.pickle", build, lambda found: True) == {"x": 1}  # a file where a folder goes
    assert len(calls) == 1
