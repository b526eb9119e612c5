"""Which capitalised words are English's common words, by a dictionary.

A word the dictionary writes only in lower case ("therefore", "figure",
"ingredients") is capitalised in a text because it starts a sentence or a
heading, not because it names someone; a word the dictionary itself
capitalises (John, America, Theseus) is a proper name. The word list is
Webster's Second (public domain), as the english-words package (MIT) ships it,
and the ~4,800 entries of its GCIDE list (GNU's collaborative dictionary, with
WordNet's words) that Webster's lacks and that GCIDE writes in lower case:
Webster's is from 1934 and has no internet, email, pesto or checkpoint. GCIDE
capitalises its other headwords, so only its lower-case entries say anything
about case. Those that are also a place, a first name or surname, a company or
a brand (google, kylie, hoover) are left out: there the name is the commoner use.
"""

from __future__ import annotations

import functools
from pathlib import Path

from reader.text.pickle_cache import cache_path, kept
from reader.text.word_set import WordSet


@functools.cache
def _words() -> WordSet:
    """The 240,000 words as a trie kept in the cache directory: 0.7 MB in a
    process, where the package's set of them takes 22 MB."""
    from reader.text import companies, gazetteer

    sources = (Path(__file__), *gazetteer.cache_sources(), companies.COMPANY_NAMES_PATH)
    path = cache_path("webster", sources, ("english-words", *gazetteer.CACHE_PACKAGES))
    return kept(path, _build, lambda found: isinstance(found, WordSet))


def _build() -> WordSet:
    from english_words import get_english_words_set

    from reader.text.companies import company_names
    from reader.text.gazetteer import gazetteer

    webster = get_english_words_set(["web2"], lower=False, alpha=True)
    g, table = gazetteer(), company_names()
    names = (g.places, g.first_names, g.surnames, table.names, table.brands, table.short_names)
    modern = {
        w
        for w in get_english_words_set(["gcide"], lower=False, alpha=True)
        if w[:1].islower() and not any(w in listed for listed in names)
    }
    return WordSet(webster | modern)


def _forms(low: str) -> list[str]:
    """The word and the stems an English ending may hide (plurals, -ed, -ing, -ly)."""
    out = [low]
    if low.endswith("ies") and len(low) > 4:
        out.append(low[:-3] + "y")
    if low.endswith("es") and len(low) > 4:
        out.append(low[:-2])
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        out.append(low[:-1])
    if low.endswith("ed") and len(low) > 4:
        out += [low[:-2], low[:-1]]
    if low.endswith("ing") and len(low) > 5:
        out += [low[:-3], low[:-3] + "e"]
    if low.endswith("ly") and len(low) > 4:
        out.append(low[:-2])
    return out


def common_word(word: str) -> bool:
    """The dictionary has this word (or its stem) in lower case and not capitalised."""
    return word not in _words() and lower_case_word(word)


def lower_case_word(word: str) -> bool:
    """The dictionary has this word (or its stem) in lower case, capitalised too or not (ah, will, hope)."""
    words = _words()
    return word.isalpha() and any(form in words for form in _forms(word.lower()))


def dictionary_name(word: str) -> bool:
    """The dictionary itself capitalises this word: a proper name."""
    return word[:1].isupper() and word in _words()
