"""'Did you mean': a query that found nothing, with its unknown words replaced
by words the archive has, written as they stand in its articles.

The index holds stems ("ferri", "ukrain"); a suggestion made of stems reads as
a typo of its own, so each stem found near a typed word is turned back into
the word the articles use. The query keeps its shape (operators, phrases,
fields): only the words change, so no "AND" appears that was not typed. A
suggestion is offered only when it finds something.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import islice

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.searching import Searcher

from reader.archive.index.words import analysed_words, spellings

# Edits are counted with OSA (a swap of two letters is one edit, "credti").
# A stem this long or shorter may differ by one edit from the typed word's,
# a longer one by two; a typed word shorter than MIN_WORD is not corrected
# (three letters are as often the start of a word as a typo of one).
SHORT_WORD = 4
MIN_WORD = 4
# The word suggested may differ from the typed one by one edit, two when the
# typed word is longer than this ("Merkle" is not offered "mere").
LONG_WORD = 6
CANDIDATES = 5  # nearest stems tried per unknown word
SURFACE_DOCS = 3  # articles read to see how a stem is written
SURFACE_WORDS = 40  # words of those articles looked at, at most

# A field with its value (left alone), an operator, or a word; a word followed
# by * or ~ is a prefix or a fuzzy term and left alone too.
_TOKEN = re.compile(
    r'(?P<field>[A-Za-z_]+:(?:"[^"]*"|\[[^\]]*\]|\S+))'
    r"|(?P<op>\b(?:AND|OR|NOT|TO)\b)"
    r"|(?P<word>[^\W\d_][\w'’-]*)(?P<tail>[*~^]\S*)?"
)
_TEXT_FIELDS = ("body", "title")


def did_you_mean(
    searcher: Searcher,
    typed: str,
    lexicon: Callable[[], list[str]],
    finds: Callable[[str], bool],
    bodies: Callable[[list[str]], dict[str, str]],
) -> str | None:
    """The typed query with its unknown words corrected, or None when no word
    needs it, none has a near word, or the corrected query finds nothing
    (`finds` runs it; `bodies` gives articles' text by id, from the store).

    `lexicon` is asked for only when a word needs it: reading it the first
    time took 1.6 s at 10,000 articles, paid for "h" or "st" typed, which no
    word is corrected from."""
    analyzer = searcher.schema["body"].analyzer
    reader = searcher.reader()
    out, at, changed = [], 0, False
    for m in _TOKEN.finditer(typed):
        if not m.group("word") or m.group("tail"):
            continue
        word = m.group("word")
        if len(word) < MIN_WORD:
            continue
        terms = [term for _, _, term in analysed_words(word, analyzer)]
        if len(terms) != 1 or terms[0] is None:
            continue  # a stop word, or a word the analyzer splits: left as typed
        if any(reader.doc_frequency(f, terms[0]) for f in _TEXT_FIELDS):
            continue  # the archive has it
        better = _nearest_word(searcher, word, terms[0], lexicon(), analyzer, bodies)
        if better is None:
            continue
        out += [typed[at : m.start("word")], better]
        at, changed = m.end("word"), True
    if not changed:
        return None
    suggestion = "".join([*out, typed[at:]])
    return suggestion if finds(suggestion) else None


def _nearest_word(
    searcher: Searcher,
    typed: str,
    term: str,
    lexicon: list[str],
    analyzer: object,
    bodies: Callable[[list[str]], dict[str, str]],
) -> str | None:
    """The archive's word nearest to a typed one, as its articles write it.

    Stems near the typed word's stem are candidates; the winner is the one
    whose written word is nearest to what was typed: "goverment" stems to
    "gover", one edit from both "over" and "govern", and "government" is the
    word meant. Ties go to the more frequent word.
    """
    reader = searcher.reader()
    limit = 1 if len(term) <= SHORT_WORD else 2
    near = process.extract(term, lexicon, scorer=OSA.distance, score_cutoff=limit, limit=CANDIDATES * 8)
    ranked = sorted(near, key=lambda m: (m[1], -reader.doc_frequency("body", m[0])))
    written = [
        w for w in (_written(searcher, stem, typed, analyzer, bodies) for stem, _, _ in ranked[:CANDIDATES]) if w
    ]
    most = 1 if len(typed) <= LONG_WORD else 2
    close = [w for w in written if OSA.distance(typed.casefold(), w.casefold()) <= most]
    return min(close, key=lambda w: OSA.distance(typed.casefold(), w.casefold()), default=None)


def _written(
    searcher: Searcher, stem: str, typed: str, analyzer: object, bodies: Callable[[list[str]], dict[str, str]]
) -> str | None:
    """How the articles write a stem: of the words that analyse to it in a few
    articles, the one nearest to what was typed ("trawlrs" → "trawlers", not
    "trawler"), in the typed word's case where the articles have both."""
    seen: Counter[str] = Counter()
    # The first few articles with the stem, not the best-scored: ranking
    # scored every article with it (4,700 for a common word at 10,000
    # articles, 70 ms) to read three, and any three show how it is written.
    reader = searcher.reader()
    docnums = islice(reader.postings("body", stem).all_ids(), SURFACE_DOCS) if ("body", stem) in reader else ()
    ids = [str(searcher.stored_fields(docnum)["id"]) for docnum in docnums]
    text_of = bodies(ids) if ids else {}
    for article_id in ids:
        body = text_of.get(article_id, "")
        for start, end in spellings(body, stem, analyzer):
            seen[body[start:end]] += 1
        if sum(seen.values()) >= SURFACE_WORDS:
            break
    if not seen:
        return None
    capital = typed[:1].isupper()

    def fit(word: str) -> tuple[int, bool, int]:
        return (OSA.distance(typed.casefold(), word.casefold()), word[:1].isupper() != capital, -seen[word])

    return min(seen, key=fit)
