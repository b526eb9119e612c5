"""Whether an article reads as English: the entity finder's cues are English
ones, and on a page in another language they mislead."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from reader.model import Block
from reader.text.gazetteer import ascii_fold

# Common English words: a text in another language written in Latin letters
# has few of them. Letters outside Latin script are no English either.
_ENGLISH_WORDS = frozenset("the of and to in is was for that on with as by it at from are be this have not".split())
# The commonest words of the other languages saved pages come in (German,
# French, Spanish, Italian, Dutch, Portuguese), none of them English words.
_OTHER_WORDS = frozenset(
    """der die das und ist nicht mit den dem ein eine auch sich von zu le la les et est des du un une
    pour dans pas que qui sur el los las y es del por con una para lo il di che della non per sono
    het een van zijn niet op dat voor ook os da em um uma não com""".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def reads_as_english(blocks: Sequence[Block]) -> bool:
    """Script and stopword evidence that an article is English: most words in
    Latin letters, at least 1 in 20 lower-case words a common English one, and
    no more words common in another language."""
    return _reads_as_english(tuple(b.text for b in blocks[:40]))


# The entity finder and the quote finder both ask, about the same article:
# the second asks the cache (0.5 ms an article of about 20 of analysis).
@functools.lru_cache(maxsize=4)
def _reads_as_english(texts: tuple[str, ...]) -> bool:
    text = " ".join(texts)
    words = _WORD.findall(text)
    if len(words) < 20:
        return True  # too little to tell; short clippings are read as they come
    latin = sum(1 for w in words if w.isascii() or ascii_fold(w).isalpha())
    if latin < 0.7 * len(words):
        return False
    prose = [w for w in words if w.islower()]  # a results table has few: it is judged by script alone
    if len(prose) < 20:
        return True
    common = sum(1 for w in prose if w in _ENGLISH_WORDS)
    other = sum(1 for w in prose if w in _OTHER_WORDS)
    return common >= len(prose) / 20 and common >= other
