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
# A first name that opens this many place names of the gazetteer ("Santa Cruz",
# "Santa Fe", … 100 of them) and that fewer than this share of people bear
# (the 1990 US census: Santa, 0.006 %; Santiago 0.022 %, Al 0.023 %) is used
# mostly for places and titles, not people: it carries no gender ("Santa
# Claus … he said" clashed with gender-guesser's female Santa). A name the
# census lacks is not known to be rare: "Abu" (Abu Dhabi, and "father of" in
# a man's name) keeps its gender, and without it "she said" after a quote of
# Nesma Hajjaj's went to Walid Abu Hatab.
PLACE_OPENINGS = 10
RARE_SHARE = 0.01  # per cent of people


@functools.cache
def _genders() -> tuple[WordSet, WordSet, WordSet]:
    """(women's names, men's names, every first name), lower-cased; a name
    used for both, or mostly for places (_place_words), is in neither of the
    first two.

    Loading the dictionary takes about a second, so the three sets are kept in
    the cache directory under a key of this code and the package's version.
    """
    from reader.text import word_set
    from reader.text.gazetteer import CACHE_PACKAGES, cache_sources

    path = cache_path("first-names", (Path(__file__), Path(word_set.__file__), *cache_sources()), CACHE_PACKAGES)
    return kept(path, _build, lambda found: isinstance(found, tuple) and len(found) == 3)


def _build() -> tuple[WordSet, WordSet, WordSet]:
    from gender_guesser.detector import Detector

    ungendered = _place_words()
    female_names, male_names, every_name = set(), set(), set()
    for name, codes in Detector(case_sensitive=False).names.items():
        word = ascii_fold(name).lower()
        every_name.add(word)
        kinds = set(codes)
        if word in ungendered:
            continue
        if kinds and kinds <= _FEMALE:
            female_names.add(word)
        elif kinds and kinds <= _MALE:
            male_names.add(word)
    return WordSet(female_names), WordSet(male_names), WordSet(every_name)


def _place_words() -> set[str]:
    """The words that open PLACE_OPENINGS place names or more and that some
    people, but fewer than RARE_SHARE per cent, have as a first name."""
    from collections import Counter

    from reader.text.gazetteer import gazetteer

    openings = Counter(place.split()[0] for place in gazetteer().places if " " in place)
    return {word for word, n in openings.items() if n >= PLACE_OPENINGS and 0 < _census_share(word) < RARE_SHARE}


@functools.cache
def _census_shares() -> dict[str, float]:
    """Each first name's share of people in per cent (the 1990 US census, the
    `names` package's lists of women's and men's names)."""
    from reader.text.gazetteer import census_rows

    shares: dict[str, float] = {}
    for listing in ("dist.female.first", "dist.male.first"):
        for name, share, *_ in census_rows(listing):
            shares[name.lower()] = shares.get(name.lower(), 0.0) + float(share)
    return shares


def _census_share(word: str) -> float:
    return _census_shares().get(word, 0.0)


def gender(first_name: str) -> str | None:
    """ "f", "m", or None when the name is both, unknown, or not a first name."""
    female, male, _ = _genders()
    word = ascii_fold(first_name).lower().rstrip(".")
    if word in female:
        return "f"
    if word in male:
        return "m"
    return None


# A first name that this share of the other sex bears too, against its own,
# in the 1990 US census is no evidence of either ("Taylor": men 0.024 %, women
# 0.012 %; gender-guesser calls it mostly a man's, and "she said" after a quote
# of Taylor Swift's went to the man named before her).
BOTH_SEXES = 1 / 3


@functools.cache
def _census_by_sex() -> dict[str, tuple[float, float]]:
    """Each first name's share of women and of men, in per cent (the 1990 US census)."""
    from reader.text.gazetteer import census_rows

    women = {row[0].lower(): float(row[1]) for row in census_rows("dist.female.first")}
    men = {row[0].lower(): float(row[1]) for row in census_rows("dist.male.first")}
    return {name: (women.get(name, 0.0), men.get(name, 0.0)) for name in women.keys() | men.keys()}


def pronoun_gender(first_name: str) -> str | None:
    """The gender a "he" or "she" can agree with: gender()'s, unless the census
    has the name borne by the other sex as well (BOTH_SEXES) or mostly by it."""
    found = gender(first_name)
    shares = _census_by_sex().get(ascii_fold(first_name).lower().rstrip("."))
    if found is None or shares is None:
        return found
    own, other = shares if found == "f" else shares[::-1]
    return None if other >= own * BOTH_SEXES else found


def is_first_name(word: str) -> bool:
    """Whether the word is a first name of anyone's (Ben, Alex and Robin too)."""
    return ascii_fold(word).lower().rstrip(".") in _genders()[2]
