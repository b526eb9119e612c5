"""The large word lists (Webster's words, first names, places, surnames) as
tries kept in the cache directory: built once, loaded after, small in memory."""

from __future__ import annotations

import pickle

from reader.paths import cache_dir
from reader.text import dictionary_words, first_names
from reader.text import gazetteer as gz
from reader.text.word_set import WordSet


def _twice(cached) -> tuple[object, object]:  # type: ignore[no-untyped-def]
    """Built in a fresh cache directory (each test has its own), then loaded from it."""
    cached.cache_clear()
    try:
        built = cached()
        cached.cache_clear()
        return built, cached()
    finally:
        cached.cache_clear()


def test_websters_words_are_built_once_then_loaded() -> None:
    built, loaded = _twice(dictionary_words._words)
    assert [p.name.split("-")[0] for p in cache_dir().glob("webster-*.pickle")] == ["webster"]
    assert built == loaded and len(loaded) > 200_000  # type: ignore[arg-type]
    assert dictionary_words.common_word("Therefore") and dictionary_words.common_word("Ingredients")
    assert dictionary_words.dictionary_name("John") and not dictionary_words.common_word("John")
    assert not dictionary_words.lower_case_word("Kowalska")


def test_first_names_are_built_once_then_loaded() -> None:
    built, loaded = _twice(first_names._genders)
    assert len(list(cache_dir().glob("first-names-*.pickle"))) == 1
    assert built == loaded
    assert first_names.gender("Anna") == "f" and first_names.gender("Jonas") == "m"
    assert first_names.gender("Robin") is None and first_names.is_first_name("Robin")
    assert not first_names.is_first_name("Harbour")


def test_the_large_lists_are_tries_of_a_few_megabytes_not_sets_of_str() -> None:
    # As frozensets of str these lists took 47 MB of every analysing process.
    g = gz.gazetteer()
    large = [dictionary_words._words(), *first_names._genders()]
    large += [g.places, g.major_places, g.first_names, g.surnames, g.common_surnames]
    assert all(isinstance(words, WordSet) for words in large)
    assert sum(len(pickle.dumps(words)) for words in large) < 2_500_000
    assert "lisbon" in g.places and "anna" in g.first_names and "kowalski" in g.surnames
    assert "harbour" not in g.places and "harbour" not in g.first_names


def test_words_webster_lacks_come_from_gcide_unless_a_name_uses_them_more() -> None:
    # Webster's is from 1934: "Internet" and "Email" capitalised were read as names.
    assert dictionary_words.common_word("Internet") and dictionary_words.common_word("Email")
    # GCIDE has "google" the verb and "kylie" the boomerang; the brand and the first name come first.
    assert not dictionary_words.lower_case_word("Google") and not dictionary_words.lower_case_word("Kylie")
