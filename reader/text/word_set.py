"""A large fixed set of words held compactly: a MARISA trie (marisa-trie, MIT).

The word lists the entity cues look words up in (Webster's 236,000 words, the
gazetteer's 36,000 places and 60,000 first names, the census's surnames) were
frozensets of str, about 90 bytes a word: 47 MB in every process that
analyses text, each import worker included. As tries they take 1.5 MB, load
from the cache directory in milliseconds, and pickle as their bytes.

A lookup (`word in words`) costs about 0.8 µs against a frozenset's 0.3; an
article asks about 550 of them, 0.25-0.35 ms more of its 15-20 ms of analysis
(replayed lookups, generated and real pages). A cache of recent answers in
front was tried and cost more than it saved (the Python call around it is as
dear as the trie's lookup), so there is none.
"""

from __future__ import annotations

from marisa_trie import Trie as WordSet

__all__ = ["WordSet"]
