"""The Whoosh schema and analyzers: what is searchable, and how words are matched."""

from __future__ import annotations

import pickle
import re
import sys
from collections.abc import Iterator

from whoosh import fields, formats
from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint

# 6: the body is no longer stored (snippets come from the store).
# 7: the values of a field of many (entity names, speakers, highlights) are
# VALUE_GAP positions apart.
# 8: each entity field has a twin holding each whole name as one term (NAME_FIELDS).
# An index whose SCHEMA file says another version is rebuilt from the store on open.
SCHEMA_VERSION = "8"

# A field of many values (an article's entity names) gets them joined with
# VALUE_SEP, which no tokenizer reads as a word, and WordPositions puts each
# value VALUE_GAP positions after the last: a phrase never matches across two
# names (entity:"American South" in "American", "South Africa"), nor does a
# phrase with a slop below the gap. Joined with " | ", as before version 7,
# the separator was dropped and the names' words were adjacent.
VALUE_SEP = "\x1f"
VALUE_GAP = 100

# Whoosh pickles the schema into the index, WordPositions by its module's name:
# indexes written before this module moved here name `reader.archive.schema`.
# Under that name too, they open as they are instead of all being rebuilt.
sys.modules.setdefault("reader.archive.schema", sys.modules[__name__])


def text_analyzer() -> Analyzer:
    """Words, lowercased, accents folded (Kuźnica → kuznica), stop words out, stemmed.

    Accent folding sits before stemming so the stemmer sees plain ASCII.
    """
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter() | StemFilter()


_UNSEEN = "\x00"  # a word no cache entry holds yet (its term may be None; no word is this)


class WordTerms:
    """What a field's analyzer makes of each word, found by its own tokenizer
    pattern and worked out once per distinct spelling.

    Whoosh runs every token through a chain of generators (tokenizer, lower,
    accent fold, stop, stem), setting attributes on a Token object at each
    step. Only for analyzers that map one word to at most one term, as ours
    do; `simple` says whether this analyzer is one we can read this way.
    """

    LIMIT = 200_000

    def __init__(self, analyzer: Analyzer, terms: dict[str, str | None] | None = None) -> None:
        self.analyzer = analyzer
        items = getattr(analyzer, "items", None)
        self.simple = bool(items) and isinstance(items[0], RegexTokenizer) and not items[0].gaps  # type: ignore[index]
        self._pattern = items[0].expression if self.simple else None  # type: ignore[index]
        self._terms: dict[str, str | None] = {} if terms is None else terms

    def spans(self, text: str, start: int = 0) -> Iterator[tuple[int, int, int, str | None]]:
        """(word number, start, end, term or None for a stop word) for each word of
        the text from `start` on (a word's end or 0; numbered from there)."""
        if self._pattern is None:
            raise ValueError("not a one-word-one-term analyzer")
        terms = self._terms
        if len(terms) > self.LIMIT:
            terms.clear()
        for index, match in enumerate(self._pattern.finditer(text, start)):
            word = match.group()
            try:
                term = terms[word]
            except KeyError:
                term = terms[word] = _term_of(self.analyzer, word)
            yield index, match.start(), match.end(), term

    def terms(self, text: str) -> list[str | None]:
        """The term of each word of the text in order (None for a stop word):
        spans() without the offsets, for the index writer."""
        if self._pattern is None:
            raise ValueError("not a one-word-one-term analyzer")
        cache = self._terms
        if len(cache) > self.LIMIT:
            cache.clear()
        found: list[str | None] = []
        for match in self._pattern.finditer(text):
            word = match.group()
            try:
                found.append(cache[word])
            except KeyError:
                term = cache[word] = _term_of(self.analyzer, word)
                found.append(term)
        return found

    def spans_of(self, text: str, term: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each word of the text that analyses to `term`.

        Only words that begin as the term does, lowercased and accent-folded,
        are analysed: stemming changes a word's end, never its first letters,
        and analysing every word of an article to find one term's spellings
        was most of a "did you mean" (8,000 words never seen before at 10,000
        articles: 160 ms)."""
        return ((start, end) for start, end, _ in self.spans_among(text, {term}))

    def spans_among(self, text: str, terms: set[str] | frozenset[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, term) of each word of the text that analyses to one of `terms`.

        As spans_of, for several terms: only words that begin as one of them
        does are analysed. A snippet over a long real page stemmed every word
        before its first match, most never seen before (17 snippets, 7 ms a
        key typed on the 787-page archive)."""
        if self._pattern is None:
            raise ValueError("not a one-word-one-term analyzer")
        heads = tuple({term[:2] for term in terms})
        cache = self._terms
        for match in self._pattern.finditer(text):
            word = match.group()
            # A word analysed before is looked up (on an archive's common words,
            # nearly all: the first letters' check cost more than the lookup).
            found = cache.get(word, _UNSEEN)
            if found is _UNSEEN:
                if not word[:2].lower().translate(accent_map).startswith(heads):
                    continue
                found = cache[word] = _term_of(self.analyzer, word)
            if found is not None and found in terms:
                yield match.start(), match.end(), found


_WORD_TERMS: dict[int, WordTerms] = {}
# Words' terms by the analyzer's pickled form. Every commit of the index writes
# a new generation, and the next writer unpickles the schema again: new
# analyzer objects, so the terms cached per object started empty at each of an
# import's index steps (2,000 generated articles in 10 steps: 241,000 words
# stemmed, about 50,000 distinct).
_TERMS_BY_FORM: dict[str, dict[str, str | None]] = {}


def word_terms(analyzer: Analyzer) -> WordTerms:
    """The WordTerms of an analyzer (one per analyzer object), its cache of
    words shared by every analyzer that pickles the same."""
    key = id(analyzer)
    found = _WORD_TERMS.get(key)
    if found is None or found.analyzer is not analyzer:
        if len(_WORD_TERMS) > 16:  # each opening of an index unpickles new analyzers
            _WORD_TERMS.clear()
        found = _WORD_TERMS[key] = WordTerms(analyzer, _terms_by_form(analyzer))
    return found


def _terms_by_form(analyzer: Analyzer) -> dict[str, str | None]:
    """The word cache shared by analyzers of the same form."""
    form = _form(analyzer)
    if form not in _TERMS_BY_FORM and len(_TERMS_BY_FORM) > 8:
        _TERMS_BY_FORM.clear()
    return _TERMS_BY_FORM.setdefault(form, {})


def _form(analyzer: Analyzer) -> str:
    """What an analyzer is made of: each step's class and public settings
    (patterns by their text, sets and maps sorted, functions by name). Its
    pickle is no key: the same unpickled schema pickled differently later."""

    def plain(value: object) -> object:
        if isinstance(value, re.Pattern):
            return (value.pattern, value.flags)
        if isinstance(value, set | frozenset):
            return sorted(map(repr, value))
        if isinstance(value, dict):
            return sorted((repr(k), repr(v)) for k, v in value.items())
        if callable(value):
            return (getattr(value, "__module__", ""), getattr(value, "__qualname__", repr(value)))
        return value

    steps = getattr(analyzer, "items", None) or [analyzer]
    return repr(
        [
            (
                type(step).__module__,
                type(step).__qualname__,
                sorted((name, repr(plain(value))) for name, value in vars(step).items() if not name.startswith("_")),
            )
            for step in steps
        ]
    )


class WordPositions(formats.Positions):
    """Whoosh's Positions format, with each distinct raw word analysed once
    (WordTerms), and values joined with VALUE_SEP kept VALUE_GAP positions apart.

    That chain was a fifth of the writer's time. For text without VALUE_SEP
    the postings are identical to Positions' (a test compares them on
    generated text), so reading the index is unchanged.
    """

    def word_values(self, value: object, analyzer: Analyzer, **kwargs: object) -> Iterator[tuple]:
        words = word_terms(analyzer)
        if not isinstance(value, str) or not words.simple:
            if isinstance(value, str):  # no analyzer of ours: the values' words stay adjacent
                value = value.replace(VALUE_SEP, " ")
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, poslist in _positions(value, words).items():
            count = len(poslist)
            yield term, count, count * boost, _encoded(poslist)

    def postings(self, value: object, analyzer: Analyzer) -> list[tuple[bytes, int, float, bytes]] | None:
        """What Whoosh's field.index() makes of the value (each term as UTF-8
        bytes, its frequency, weight and encoded positions), as one list for
        the index writer (whoosh_speedups._add_document); None where
        word_values would take Whoosh's own path."""
        words = word_terms(analyzer)
        if not isinstance(value, str) or not words.simple:
            return None
        boost = self.field_boost
        return [
            (term.encode("utf-8"), len(poslist), len(poslist) * boost, _encoded(poslist))
            for term, poslist in _positions(value, words).items()
        ]


def _positions(value: str, words: WordTerms) -> dict[str, list[int]]:
    """Each term of the text with its word positions, numbered as StopFilter
    numbers them, each value of a field of many VALUE_GAP after the last."""
    positions: dict[str, list[int]] = {}
    pos = -1
    for piece in value.split(VALUE_SEP):
        first = True
        for index, term in enumerate(words.terms(piece)):
            if term is None:
                continue
            # As StopFilter renumbers: the first kept word keeps its place,
            # each later one follows it with stop words closed up; a
            # value's first word is VALUE_GAP after the last value's last.
            pos = index if pos < 0 else pos + (VALUE_GAP if first else 1)
            first = False
            found = positions.get(term)
            if found is None:
                positions[term] = [pos]
            else:
                found.append(pos)
    return positions


# A term's positions as Positions.encode writes them, for a term at one
# position: most of an article's terms (about 3 in 4 of a generated body's)
# are, and each was packed and pickled anew.
_ONE_POSITION: dict[int, bytes] = {}


def _encoded(poslist: list[int]) -> bytes:
    """Positions.encode: the count, then the gaps between positions (the first from 0), pickled."""
    count = len(poslist)
    if count == 1:
        pos = poslist[0]
        found = _ONE_POSITION.get(pos)
        if found is None:
            found = pack_uint(1) + pickle.dumps(poslist, 2)
            if len(_ONE_POSITION) < 100_000:
                _ONE_POSITION[pos] = found
        return found
    gaps = [poslist[0], *(b - a for a, b in zip(poslist, poslist[1:], strict=False))]
    return pack_uint(count) + pickle.dumps(gaps, 2)


def _term_of(analyzer: Analyzer, word: str) -> str | None:
    """What the analyzer makes of one whole word: its term, or None if stopped."""
    for token in analyzer(word, positions=True, removestops=True, mode="index"):
        return token.text
    return None


def text_field(analyzer: Analyzer, **kwargs: object) -> fields.TEXT:
    """A TEXT field whose postings are made by WordPositions."""
    field = fields.TEXT(analyzer=analyzer, **kwargs)
    field.format = WordPositions(field_boost=field.format.field_boost)
    return field


def name_analyzer() -> Analyzer:
    """For sites, bylines and paths: lowercase and accent-folded, never stemmed."""
    return RegexTokenizer(r"[^\W_]+") | LowercaseFilter() | CharsetFilter(accent_map)


def whole_name_analyzer() -> Analyzer:
    """For the whole-name fields: each value (whole_name() made it) one term."""
    return RegexTokenizer(r"[^\x1f]+") | LowercaseFilter()


_NAME_WORD = re.compile(r"[^\W_]+")


def whole_name(name: str) -> str:
    """A name as its whole-name term: its words as name_analyzer reads them
    (lowercased, accents folded), one space apart ("U.S. Army" -> "u s army"),
    so that a quoted name in a query, made the same way, finds exactly the
    articles naming it."""
    return " ".join(word.lower().translate(accent_map) for word in _NAME_WORD.findall(name))


def build_schema() -> fields.Schema:
    """Only the id is stored: snippets are made from the store's text and display
    metadata comes from the store too. Storing the body (compressed, a copy of
    what the store holds) cost 13 % of the writer's time and a quarter of the index (the
    790 real saved pages: 22 -> 16 MB).

    No field has spelling=True: Whoosh would index title and body a second
    time, unstemmed, and build a word graph at every commit. That made the
    writer 2.6x slower (1,000 articles: 17.5 s against 6.7 s, one writer), and
    nothing reads it: fuzzy terms are matched against the stemmed lexicon
    (search.py).
    """
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        title=text_field(text, field_boost=2.0),
        body=text_field(text),
        byline=text_field(names),
        site=text_field(names),
        published=fields.DATETIME(sortable=True),
        # 1 when the date is unknown: sorted on first, so undated articles go last
        # whichever way dates are sorted.
        undated=fields.NUMERIC(sortable=True, bits=8, stored=False),
        tags=fields.KEYWORD(lowercase=True, commas=True, scorable=True),
        path=text_field(names),
        # Canonical names of the article's entities, all and by type, and the
        # speakers of its quotes: entity:"Alexander Lukashenko", person:Truss.
        entity=text_field(names),
        person=text_field(names),
        place=text_field(names),
        org=text_field(names),
        group=text_field(names),
        speaker=text_field(names),
        # Each whole name as one term: entity:"Paris" (quoted) is the entity
        # named Paris, not also "Paris Hilton" (search.parse reads it so).
        **{twin: text_field(whole_name_analyzer()) for twin in NAME_FIELDS.values()},
        # The reader's own: highlighted passages, their notes, and is:highlight.
        highlight=text_field(text),
        note=text_field(text),
        is_=fields.KEYWORD(lowercase=True),
    )


# Names people type → schema fields.
FIELD_ALIASES = {
    "byline": ["author", "by"],
    "tags": ["tag"],
    "published": ["date"],
    "is_": ["is"],
}
SEARCH_FIELDS = ("title", "body")
# An entity field and its twin of whole names (not a field people type).
NAME_FIELDS = {field: f"{field}_name" for field in ("entity", "person", "place", "org", "group")}
ENTITY_FIELDS = {"PERSON": "person", "PLACE": "place", "ORG": "org", "GROUP": "group"}
KNOWN_FIELDS = frozenset(
    {"id", "title", "body", "byline", "site", "published", "tags", "path", "entity", "speaker", "highlight", "note"}
    | {"is"}
    | set(ENTITY_FIELDS.values())
    | {alias for aliases in FIELD_ALIASES.values() for alias in aliases}
)
