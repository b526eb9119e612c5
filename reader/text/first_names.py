"""Which words are first names, and which first names are women's and which
are men's, from gender-guesser's dictionary: evidence for resolving "she" and
"he" to the person named before, and for finding the name at the head of a
byline."""

from __future__ import annotations

import functools
from pathlib import Path

from reader.text.gazetteer import ascii_fold
from reader.text.pickle_cache import cache_path, kept
from reader.text.word_set import WordSet

_FEMALE = {"female", "mostly_female"}
_MALE = {"male", "mostly_male"}


@functools.cache
def _genders() -> tuple[WordSet, WordSet, WordSet]:
    """(women's names, men's names, every first name), lower-cased; a name
    used for both is in neither of the first two.

    Loading the dictionary takes about a second, so the three sets are kept in
    the cache directory under a key of this code and the package's version.
    """
    from reader.text import word_set

    path = cache_path("first-names", (Path(__file__), Path(word_set.__file__)), ("gender-guesser", "marisa-trie"))
    return kept(path, _build, lambda found: isinstance(found, tuple) and len(found) == 3)


def _build() -> tuple[WordSet, WordSet, WordSet]:
    from gender_guesser.detector import Detector

    female_names, male_names, every_name = set(), set(), set()
    for name, codes in Detector(case_sensitive=False).names.items():
        every_name.add(ascii_fold(name).lower())
        kinds = set(codes)
        if kinds and kinds <= _FEMALE:
            female_names.add(ascii_fold(name).lower())
        elif kinds and kinds <= _MALE:
            male_names.add(ascii_fold(name).lower())
    return WordSet(female_names), WordSet(male_names), WordSet(every_name)


def gender(first_name: str) -> str | None:
    """ "f", "m", or None when the name is both, unknown, or not a first name."""
    female, male, _ = _genders()
    word = ascii_fold(first_name).lower().rstrip(".")
    if word in female:
        return "f"
    if word in male:
        return "m"
    return None


def is_first_name(word: str) -> bool:
    """Whether the word is a first name of anyone's (Ben, Alex and Robin too)."""
    return ascii_fold(word).lower().rstrip(".") in _genders()[2]
