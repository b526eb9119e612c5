"""The domain's value types: an article as blocks of text, and search hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# A closed set: the app turns a kind into a CSS class name, so a kind from a
# file is checked on the way in and mapped to "paragraph" on the way out.
# "code": a program or preformatted text, whose lines and indentation are its meaning.
BLOCK_KINDS = ("heading", "paragraph", "caption", "blockquote", "list_item", "code")
# Years a publication date may have. Outside them a date is a placeholder (Hugo's
# 0001-01-01 for "none", 9999-12-31 for "never") or hostile, and periods of a
# timeline cannot be counted over it: such an article is undated.
DATE_YEARS = range(1000, 2201)


@dataclass(frozen=True)
class Block:
    """One unit of an article's text.

    `repeats` counts how often the block stood in the source (folding merges
    duplicates into one block); `occurrences` are the positions, in source order,
    where it stood, so a reader can show where the repeats were.
    """

    kind: str
    text: str
    repeats: int = 1
    occurrences: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "text": self.text,
            "repeats": self.repeats,
            "occurrences": list(self.occurrences),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        occ = data.get("occurrences") or ()
        kind = data.get("kind", "paragraph")
        return cls(
            kind=kind if kind in BLOCK_KINDS else "paragraph",
            text=str(data.get("text", "")),
            repeats=int(data.get("repeats", 1)),
            occurrences=tuple(int(x) for x in occ),
        )


@dataclass(frozen=True)
class Article:
    """What an ingest module makes of one document: clean text plus metadata."""

    title: str
    blocks: tuple[Block, ...]
    format: str
    byline: str | None = None
    site: str | None = None
    url: str | None = None
    published: datetime | None = None
    language: str | None = None
    part: str = ""  # which article of a multi-article file (e.g. a JSON export)
    # From a newsreader export: blocks already folded (not folded again), and
    # the reader's state to restore: (("tags", […]), ("starred", True), …).
    folded: bool = False
    state: tuple[tuple[str, object], ...] = ()

    @property
    def body(self) -> str:
        """The text as one string, paragraphs separated by blank lines."""
        return "\n\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Highlight:
    """A passage the reader marked, with an optional note. Its place is where the
    passage stood when marked; after a re-import it is found again by its text."""

    id: int
    article_id: str
    block: int
    start: int
    end: int
    text: str
    note: str = ""


@dataclass(frozen=True)
class StoredArticle:
    """An article as the archive holds it: with id, sources and reading state."""

    id: str
    article: Article
    content_hash: str
    imported_at: datetime
    updated_at: datetime
    paths: tuple[str, ...] = ()
    is_read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()
    read_position: float = 0.0
    entities: tuple[dict[str, Any], ...] = ()  # {"name", "type", "mentions": [...]}
    quotes: tuple[dict[str, Any], ...] = ()  # {"block", "start", "end", "text", "kind", "speaker"}
    highlights: tuple[Highlight, ...] = ()


@dataclass(frozen=True)
class SnippetPart:
    """A piece of a snippet; `match` marks a search term to highlight."""

    text: str
    match: bool = False


@dataclass(frozen=True)
class Hit:
    """One search result with the metadata a results list shows."""

    id: str
    title: str
    site: str | None
    published: datetime | None
    score: float
    snippet: tuple[SnippetPart, ...] = ()
    paths: tuple[str, ...] = ()
    is_read: bool = False
    starred: bool = False
    story: str | None = None  # the story this article is a version of (its first article's id)
    versions: int = 1  # how many articles tell that story
    tags: tuple[str, ...] = ()  # as the reader typed them

    @property
    def snippet_text(self) -> str:
        return "".join(p.text for p in self.snippet)


@dataclass(frozen=True)
class SearchFilters:
    """Narrowing a search from the keyboard: dates, site, tag, entity, reading state."""

    date_from: str = ""  # YYYY[-MM[-DD]]
    date_to: str = ""
    site: str = ""
    tag: str = ""
    entity: str = ""
    starred: bool = False
    unread: bool = False

    @property
    def active(self) -> bool:
        return any((self.date_from, self.date_to, self.site, self.tag, self.entity, self.starred, self.unread))

    def describe(self) -> str:
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or '…'} to {self.date_to or '…'}")
        parts += [
            f"{name} {value}"
            for name, value in (("site", self.site), ("tag", self.tag), ("entity", self.entity))
            if value
        ]
        parts += [name for name, on in (("starred", self.starred), ("unread", self.unread)) if on]
        return ", ".join(parts)

    def query_text(self) -> str:
        """The field part of the filters, in the query language."""

        def quoted(value: str) -> str:
            return '"' + value.replace('"', "") + '"'

        parts = []
        if self.date_from or self.date_to:
            parts.append(f"date:[{self.date_from or '1900'} to {self.date_to or '2999'}]")
        if self.site:
            parts.append(f"site:{quoted(self.site)}")
        if self.tag:
            parts.append(f"tag:{quoted(self.tag.lower())}")
        if self.entity:
            parts.append(f"entity:{quoted(self.entity)}")
        return " ".join(parts)


@dataclass(frozen=True)
class SavedSearch:
    """A query kept under a name, with what it finds now."""

    name: str
    query: str
    filters: SearchFilters
    matches: int = 0
    unread: int = 0


@dataclass(frozen=True)
class SearchResult:
    """The answer to one query: hits plus what the status line and CLI need."""

    query: str
    hits: tuple[Hit, ...]
    total: int
    elapsed_ms: float
    suggestion: str | None = None
    terms: tuple[str, ...] = field(default=())
    snipped: int | None = None  # how many of the first hits have their snippets made (None: every hit)
    # A query with nothing to look for: its words, each one the index leaves
    # out ("the", "and of", "a"). Empty when any word was searched.
    left_out: tuple[str, ...] = field(default=())

    def nothing_to_search(self, *, short: bool = False) -> str | None:
        """Why such a query found nothing and what to type instead (None for
        any other query); `short` for a narrow status line."""
        if not self.left_out:
            return None
        words = ", ".join(f"“{w}”" for w in self.left_out)
        verb = "is" if len(self.left_out) == 1 else "are"
        one_letter = any(len(w) < 2 for w in self.left_out)
        common = any(len(w) >= 2 for w in self.left_out)
        why = " or ".join(w for w, said in (("too short", one_letter), ("too common", common)) if said)
        if short:
            return f"{words}: {why} to search; add a rarer word"
        return f"{words} {verb} {why} to search; add a rarer word (a name, a place, a topic)"
