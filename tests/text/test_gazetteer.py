"""The gazetteer's cached copy: the same lists, remade when damaged."""

from __future__ import annotations

import pickle

from reader.text import gazetteer as gz


def _fresh() -> gz.Gazetteer:
    gz.gazetteer.cache_clear()
    try:
        return gz.gazetteer()
    finally:
        gz.gazetteer.cache_clear()


def test_the_cached_copy_holds_the_built_lists() -> None:
    path = gz._cache_path()
    assert not path.exists()  # each test has its own NEWSREADER_HOME
    built = _fresh()
    assert path.exists()
    with path.open("rb") as fh:
        assert pickle.load(fh) == built
    assert _fresh() == built
    assert "lisbon" in built.places and "poland" in built.countries and "anna" in built.first_names


def test_a_damaged_copy_is_built_again() -> None:
    path = gz._cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    again = _fresh()
    assert "lisbon" in again.places
    with path.open("rb") as fh:
        assert pickle.load(fh) == again
