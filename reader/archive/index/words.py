"""Words of a text as the index's analyzer reads them, with their places:
for snippets, the reader's highlights and 'did you mean'."""

from __future__ import annotations

from collections.abc import Iterator

from reader.archive.index.whoosh_schema import word_terms


def analysed_words(text: str, analyzer: object, start: int = 0) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, term) of each word of `text` from `start` on (0 or a word's
    end), term None for a stop word."""
    words = word_terms(analyzer)  # type: ignore[arg-type]
    if words.simple:
        return ((lo, hi, term) for _, lo, hi, term in words.spans(text, start))
    tokens = analyzer(text, chars=True, removestops=False)  # type: ignore[operator]
    return ((t.startchar, t.endchar, None if t.stopped else t.text) for t in tokens if t.startchar >= start)


def matching_words(text: str, terms: set[str], analyzer: object) -> Iterator[tuple[int, int]]:
    """Character spans of the words of `text` that analyse to one of `terms`, in order."""
    return ((start, end) for start, end, term in analysed_words(text, analyzer) if term in terms)


def matched_words(text: str, terms: set[str], analyzer: object) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) of the words of `text` that analyse to one of `terms`,
    in order; with our analyzers only the words that could are analysed."""
    words = word_terms(analyzer)  # type: ignore[arg-type]
    if words.simple:
        return words.spans_among(text, terms)
    return ((start, end, term) for start, end, term in analysed_words(text, analyzer) if term in terms)


def spellings(text: str, term: str, analyzer: object) -> Iterator[tuple[int, int]]:
    """Character spans of the words of `text` that analyse to `term`, in order
    (only words that could, by their first letters, are analysed)."""
    words = word_terms(analyzer)  # type: ignore[arg-type]
    if words.simple:
        return words.spans_of(text, term)
    return matching_words(text, {term}, analyzer)
