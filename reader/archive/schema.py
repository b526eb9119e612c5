"""The Whoosh schema and analyzers: what is searchable, and how words are matched."""

from __future__ import annotations

from whoosh import fields
from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

SCHEMA_VERSION = "5"


def text_analyzer() -> Analyzer:
    """Words, lowercased, accents folded (Kuźnica → kuznica), stop words out, stemmed.

    Accent folding sits before stemming so the stemmer sees plain ASCII.
    """
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter() | StemFilter()


def name_analyzer() -> Analyzer:
    """For sites, bylines and paths: lowercase and accent-folded, never stemmed."""
    return RegexTokenizer(r"[^\W_]+") | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> fields.Schema:
    """The body is stored because snippets need it; display metadata comes from the store.

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
        title=fields.TEXT(analyzer=text, field_boost=2.0),
        body=fields.TEXT(analyzer=text, stored=True),
        byline=fields.TEXT(analyzer=names),
        site=fields.TEXT(analyzer=names),
        published=fields.DATETIME(sortable=True),
        # 1 when the date is unknown: sorted on first, so undated articles go last
        # whichever way dates are sorted.
        undated=fields.NUMERIC(sortable=True, bits=8, stored=False),
        tags=fields.KEYWORD(lowercase=True, commas=True, scorable=True),
        path=fields.TEXT(analyzer=names),
        # Canonical names of the article's entities, all and by type, and the
        # speakers of its quotes: entity:"Alexander Lukashenko", person:Truss.
        entity=fields.TEXT(analyzer=names),
        person=fields.TEXT(analyzer=names),
        place=fields.TEXT(analyzer=names),
        org=fields.TEXT(analyzer=names),
        group=fields.TEXT(analyzer=names),
        speaker=fields.TEXT(analyzer=names),
        # The reader's own: highlighted passages, their notes, and is:highlight.
        highlight=fields.TEXT(analyzer=text),
        note=fields.TEXT(analyzer=text),
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
ENTITY_FIELDS = {"PERSON": "person", "PLACE": "place", "ORG": "org", "GROUP": "group"}
KNOWN_FIELDS = frozenset(
    {"id", "title", "body", "byline", "site", "published", "tags", "path", "entity", "speaker", "highlight", "note"}
    | {"is"}
    | set(ENTITY_FIELDS.values())
    | {alias for aliases in FIELD_ALIASES.values() for alias in aliases}
)
