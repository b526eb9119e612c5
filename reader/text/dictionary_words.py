"""Which capitalised words are English's common words, by a dictionary.

A word the dictionary writes only in lower case ("therefore", "figure",
"ingredients") is capitalised in a text because it starts a sentence or a
heading, not because it names someone; a word the dictionary itself
capitalises (John, America, Theseus) is a proper name. The word list is
Webster's Second (public domain), as the english-words package (MIT) ships it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from reader.text.pickle_cache import cache_path, kept
from reader.text.word_set import WordSet


@functools.cache
def _words() -> WordSet:
    """The 236,000 words as a trie kept in the cache directory: 0.7 MB in a
    process, where the package's set of them takes 22 MB."""
    from reader.text import word_set

    path = cache_path("webster", (Path(__file__), Path(word_set.__file__)), ("english-words", "marisa-trie"))
    return kept(path, _build, lambda found: isinstance(found, WordSet))


def _build() -> WordSet:
    from english_words import get_english_words_set

    return WordSet(get_english_words_set(["web2"], lower=False, alpha=True))


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
