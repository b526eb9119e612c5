"""Top hits scored with NumPy over Whoosh's own postings: Whoosh's answer, faster.

Whoosh walks every matching document through a tree of matcher objects, a
few microseconds of Python each: a word found in a quarter of 50,000 articles
cost ~90 ms before any snippet was made, and block-quality skipping does not
help on news text (every block holds a document as good as the best).

Here a term's posting list is read into arrays (postings.py), and BM25F is
computed for all of its documents in one NumPy expression, written in the
same order of operations as Whoosh's, so the scores are Whoosh's scores. The
tree is the one Whoosh's parser made and adds up as Whoosh's matchers add up:
And and Or give the sum of the parts that match, a phrase the sum of its
words' scores (it is an And of its words, kept where they stand next to each
other), Not a score of 1. Ties are broken by document number, as Whoosh's
collector does. A node kind this module does not know is run through
Whoosh's own matcher for that node; what cannot be combined that way (a
sloppy phrase, a scored word range, another weighting) raises Unsupported
and the caller asks Whoosh for the whole query. Tests compare the two on
generated indexes.

Reading Whoosh's private layout is safe only on the releases it was checked
against (whoosh_version.py): on any other every query raises Unsupported, and
an error while reading the layout (an attribute renamed, a pickle laid out
otherwise) is Unsupported too, logged once, so Whoosh answers the query and
only an index Whoosh itself cannot read is called damaged.
"""

from __future__ import annotations

import logging
import pickle
import struct
import weakref
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from whoosh import formats, query
from whoosh.columns import NumericColumn
from whoosh.query.ranges import NumericRange
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from reader.archive.index import whoosh_version
from reader.archive.index.postings import Postings, delta_arrays, field_lengths, read_postings

_log = logging.getLogger(__name__)


class Unsupported(Exception):
    """The query needs something this module does not do (the caller asks Whoosh)."""


# What reading Whoosh's private layout raises when it is not the layout we
# know (an attribute renamed, a pickle laid out otherwise): the query goes to
# Whoosh, which reads its own files, and says "damaged" only if they are.
_LAYOUT_ERRORS = (
    AttributeError,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    EOFError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
)
_logged: set[str] = set()


def _unsupported(exc: BaseException) -> Unsupported:
    """`exc` from reading Whoosh's layout as Unsupported, logged once per kind."""
    kind = f"{type(exc).__name__}: {exc}"
    if kind not in _logged:
        _logged.add(kind)
        _log.warning("fast search fell back to Whoosh (%s)", kind)
    return Unsupported(kind)


def _check_version() -> None:
    if not whoosh_version.verified():
        raise Unsupported(
            f"Whoosh-Reloaded {whoosh_version.installed() or '?'} is not one the readers were verified on"
        )


@dataclass(frozen=True)
class TopDocs:
    """The best documents (global numbers, best first), their scores, and how many matched."""

    docnums: list[int]
    scores: list[float]
    total: int


class _Segment:
    """One segment being searched: its reader, and arrays computed once per query."""

    def __init__(self, top: Searcher, leaf: Searcher, offset: int) -> None:
        self.top, self.leaf, self.offset = top, leaf, offset
        self.reader = leaf.reader()
        self.size = self.reader.doc_count_all()
        self._postings: dict[tuple[str, bytes, bool], Postings | None] = {}
        self._live: np.ndarray | None = None

    def empty(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float64)

    def live(self) -> np.ndarray:
        """Documents not deleted (postings still list deleted ones)."""
        if self._live is None:
            self._live = np.ones(self.size, dtype=bool)
            deleted = self.reader.deleted_docs_set if self.reader.has_deletions() else ()
            if deleted:
                self._live[np.fromiter(deleted, dtype=np.int64)] = False
        return self._live

    def postings(self, fieldname: str, btext: bytes, values: bool = False) -> Postings | None:
        key = (fieldname, btext, values)
        if key not in self._postings:
            self._postings[key] = read_postings(self.reader, fieldname, btext, values)
        return self._postings[key]


def _term_scores(segment: _Segment, fieldname: str, btext: bytes, p: Postings) -> np.ndarray:
    """Scores of a term's documents, as Whoosh's BM25F scorer computes them."""
    top = segment.top
    weighting = top.weighting
    if not isinstance(weighting, BM25F) or type(weighting).scorer is not BM25F.scorer:
        raise Unsupported("a weighting other than BM25F")
    if not top.schema[fieldname].scorable:
        return p.weights  # WeightScorer: the posting's weight
    idf = top.idf(fieldname, btext)
    avgfl = top.avg_field_length(fieldname) or 1
    B = weighting._field_B.get(fieldname, weighting.B)  # noqa: SLF001, N806
    K1 = weighting.K1  # noqa: N806
    tf = p.weights
    fl = field_lengths(segment.reader, segment.size, fieldname)[p.ids]
    # scoring.bm25(), term for term: idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
    return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))


def _term_bytes(segment: _Segment, fieldname: str, text: object) -> bytes | None:
    if fieldname not in segment.top.schema:
        return None
    try:
        return segment.top.schema[fieldname].to_bytes(text)
    except ValueError:
        return None


def _evaluate(node: query.Query, segment: _Segment, context: object) -> tuple[np.ndarray, np.ndarray]:
    """(matches, scores) of a query node over one segment's documents."""
    if node is query.NullQuery or isinstance(node, query.NullQuery.__class__):
        return segment.empty()
    if type(node) is query.Term:
        mask, scores = segment.empty()
        btext = _term_bytes(segment, node.fieldname, node.text)
        p = segment.postings(node.fieldname, btext) if btext is not None else None
        if p is not None and btext is not None:
            mask[p.ids] = True
            scores[p.ids] = _term_scores(segment, node.fieldname, btext, p)
            if node.boost != 1.0:
                scores *= node.boost
        return mask, scores
    if type(node) is query.Or and not node.scale and not node.minmatch:
        mask, scores = segment.empty()
        for sub in node.subqueries:
            m, s = _evaluate(sub, segment, context)
            mask |= m
            scores += s
        if node.boost != 1.0:
            scores *= node.boost
        return mask, scores
    if type(node) is query.And:
        return _evaluate_and(node, segment, context)
    if type(node) is query.AndNot:
        mask, scores = _evaluate(node.a, segment, context)
        excluded, _ = _evaluate(node.b, segment, context)
        return mask & ~excluded, scores
    if type(node) is query.Not:
        # Whoosh's inverse matcher: every live document the query misses, each
        # with weight and score 1.0 (whatever the Not's boost).
        excluded, _ = _evaluate(node.query, segment, context)
        mask = ~excluded & segment.live()
        return mask, mask.astype(np.float64)
    if type(node) is query.Phrase:
        return _evaluate_phrase(node, segment)
    if type(node) is NumericRange or type(node) is query.DateRange:
        return _evaluate(node._compile_query(segment.reader), segment, context)  # noqa: SLF001
    if type(node) is ConstantScoreQuery and not getattr(context, "needs_current", False):
        # A date range: Whoosh lists the matches with the score as every
        # weight (0 reads as 1.0).
        mask = _matches(node.child, segment, context)
        return mask, np.where(mask, float(node.score or 1.0), 0.0)
    if type(node) is query.TermRange:
        # Scored by whichever Or matcher Whoosh picks for the index's size.
        raise Unsupported("a scored term range")
    if type(node) is query.Every and node.fieldname in (None, "", "*"):
        mask = segment.live().copy()
        return mask, np.where(mask, float(node.boost or 1.0), 0.0)
    return _by_whoosh(node, segment, context)


def _matches(node: query.Query, segment: _Segment, context: object) -> np.ndarray:
    """Which documents a query matches, where the score does not count."""
    if type(node) is query.TermRange:
        mask = np.zeros(segment.size, dtype=bool)
        for btext in node._btexts(segment.reader):  # noqa: SLF001
            p = segment.postings(node.fieldname, btext) if btext else None
            if p is not None:
                mask[p.ids] = True
        return mask
    if type(node) is query.Or and not node.minmatch:
        mask = np.zeros(segment.size, dtype=bool)
        for sub in node.subqueries:
            mask |= _matches(sub, segment, context)
        return mask
    return _evaluate(node, segment, context)[0]


def _evaluate_and(node: query.And, segment: _Segment, context: object) -> tuple[np.ndarray, np.ndarray]:
    mask = np.ones(segment.size, dtype=bool)
    scores = np.zeros(segment.size, dtype=np.float64)
    for sub in node.subqueries:
        m, s = _evaluate(sub, segment, context)
        mask &= m
        scores += s
    if node.boost != 1.0:
        scores *= node.boost
    scores[~mask] = 0.0
    return mask, scores


# Keys of (candidate, position) pairs: candidate * _STRIDE + position.
_STRIDE = 1 << 32


def _phrase_keep(values: list[list[bytes]], where: list[np.ndarray]) -> np.ndarray:
    """Which candidates hold word i at start + i for every word of the phrase.

    values[i][where[i][c]] is word i's posting in candidate c. Positions are
    made from deltas with one cumulative sum, and a phrase start is a
    (candidate, start) key that every word's shifted keys contain.
    """
    count = len(where[0])
    keys = None
    for offset, (word_values, rows) in enumerate(zip(values, where, strict=True)):
        lengths, deltas = delta_arrays([word_values[r] for r in rows.tolist()])
        running = np.cumsum(deltas)
        before = np.concatenate(([0], running))[np.cumsum(lengths) - lengths]
        positions = running - np.repeat(before, lengths) - offset
        owners = np.repeat(np.arange(count, dtype=np.int64), lengths)
        # Ascending already: candidates in order, positions rising within each.
        word_keys = (owners * _STRIDE + positions)[positions >= 0]
        if keys is None or len(word_keys) == 0:
            keys = word_keys
        else:
            at = np.searchsorted(word_keys, keys)
            keys = keys[(at < len(word_keys)) & (word_keys[np.minimum(at, len(word_keys) - 1)] == keys)]
        if len(keys) == 0:
            break
    keep = np.zeros(count, dtype=bool)
    if keys is not None:
        keep[keys // _STRIDE] = True
    return keep


def _evaluate_phrase(node: query.Phrase, segment: _Segment) -> tuple[np.ndarray, np.ndarray]:
    """Documents with the words one after another; scored as the And of the words."""
    mask, scores = segment.empty()
    if node.fieldname not in segment.top.schema:
        return mask, scores
    field = segment.top.schema[node.fieldname]
    layout = getattr(type(field.format), "decode_positions", None)
    if node.slop != 1 or layout is not formats.Positions.decode_positions:
        raise Unsupported("a sloppy phrase, or positions stored otherwise than formats.Positions")
    btexts = [_term_bytes(segment, node.fieldname, w) for w in node.words]
    if any(b is None for b in btexts):
        return mask, scores
    postings = [segment.postings(node.fieldname, b, values=True) for b in btexts]  # type: ignore[arg-type]
    if any(p is None for p in postings):
        return mask, scores
    candidates = postings[0].ids  # type: ignore[union-attr]
    for p in postings[1:]:
        candidates = np.intersect1d(candidates, p.ids, assume_unique=True)  # type: ignore[union-attr]
    if len(candidates) == 0:
        return mask, scores
    if len(postings) > 1:
        where = [np.searchsorted(p.ids, candidates) for p in postings]  # type: ignore[union-attr]
        try:
            keep = _phrase_keep([p.values for p in postings], where)  # type: ignore[misc, union-attr]
        except ValueError as exc:  # a position list that does not read as its posting says
            raise Unsupported(str(exc)) from exc
        candidates = candidates[keep]
    mask[candidates] = True
    for btext, p in zip(btexts, postings, strict=True):
        term_scores = np.zeros(segment.size, dtype=np.float64)
        term_scores[p.ids] = _term_scores(segment, node.fieldname, btext, p)  # type: ignore[arg-type, union-attr]
        scores += term_scores
    scores[~mask] = 0.0
    if node.boost != 1.0:
        scores *= node.boost
    return mask, scores


def _by_whoosh(node: query.Query, segment: _Segment, context: object) -> tuple[np.ndarray, np.ndarray]:
    """A node we do not evaluate ourselves, through Whoosh's own matcher."""
    mask, scores = segment.empty()
    m = node.matcher(segment.leaf, context)
    while m.is_active():
        docnum = m.id()
        mask[docnum] = True
        scores[docnum] = m.score()
        m.next()
    return mask, scores


def _by_segment(
    searcher: Searcher, q: query.Query, allow: Iterable[int] | None
) -> Iterator[tuple[_Segment, np.ndarray, np.ndarray]]:
    """For each segment: (segment, its matching live documents, their scores)."""
    context = searcher.context()
    allowed = None if allow is None else np.fromiter(allow, dtype=np.int64)
    for leaf, offset in searcher.leaf_searchers():
        segment = _Segment(searcher, leaf, offset)
        if segment.size == 0:
            continue
        mask, scores = _evaluate(q, segment, context)
        mask &= segment.live()
        if allowed is not None:
            inside = allowed[(allowed >= offset) & (allowed < offset + segment.size)] - offset
            permitted = np.zeros(segment.size, dtype=bool)
            permitted[inside] = True
            mask &= permitted
        docs = np.flatnonzero(mask)
        yield segment, docs, scores[docs]


def top_docs(searcher: Searcher, q: query.Query, limit: int | None, allow: Iterable[int] | None = None) -> TopDocs:
    """The `limit` best documents for a query (all of them for None), best first.

    Raises Unsupported for what only Whoosh can answer; the caller then asks
    Whoosh. `allow` keeps only those (global) document numbers.
    """
    _check_version()
    try:
        found = [(docs + segment.offset, scores) for segment, docs, scores in _by_segment(searcher, q, allow)]
    except _LAYOUT_ERRORS as exc:
        raise _unsupported(exc) from exc
    if not found:
        return TopDocs([], [], 0)
    docs = np.concatenate([d for d, _ in found])
    scores = np.concatenate([s for _, s in found])
    total = len(docs)
    if limit is not None and total > limit:
        # The limit best, then ordered: score down, document number up.
        kth = -np.partition(-scores, limit - 1)[limit - 1]
        keep = scores >= kth
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs, -scores))
    if limit is not None:
        order = order[:limit]
    return TopDocs(docs[order].tolist(), scores[order].tolist(), total)


def sorted_docs(
    searcher: Searcher,
    q: query.Query,
    limit: int | None,
    by: list[tuple[str, bool]],
    allow: Iterable[int] | None = None,
) -> TopDocs:
    """The first `limit` matches in the order of column values, `by` (field,
    reversed) pairs, most significant first: as Whoosh's sorting collector
    orders them, then by document number. Scores are 0.0 (Whoosh gives the
    sort key in their place). Whoosh computed a key per match in Python: a
    date-sorted listing of 10,000 matches took ~100 ms at 50,000 articles."""
    _check_version()
    docs_parts: list[np.ndarray] = []
    value_parts: list[list[np.ndarray]] = [[] for _ in by]
    try:
        for segment, docs, _ in _by_segment(searcher, q, allow):
            docs_parts.append(docs + segment.offset)
            for values, (fieldname, _) in zip(value_parts, by, strict=True):
                values.append(_column(segment, fieldname)[docs])
    except _LAYOUT_ERRORS as exc:
        raise _unsupported(exc) from exc
    if not docs_parts:
        return TopDocs([], [], 0)
    docs = np.concatenate(docs_parts)
    keys = []
    for values, (_, reverse) in zip(value_parts, by, strict=True):
        # Ranks keep the order (and the ties) of the raw values, which are
        # unsigned 64-bit (a missing date is the largest), and negate safely.
        ranks = np.unique(np.concatenate(values), return_inverse=True)[1].astype(np.int64)
        keys.append(-ranks if reverse else ranks)
    # lexsort's last key is the most significant.
    order = np.lexsort((docs, *reversed(keys)))
    if limit is not None:
        order = order[:limit]
    return TopDocs(docs[order].tolist(), [0.0] * len(order), len(docs))


_COLUMNS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _column(segment: _Segment, fieldname: str) -> np.ndarray:
    """A numeric column of one segment: every document's raw (sortable, unsigned) value."""
    per_reader = _COLUMNS.setdefault(segment.reader, {})
    if fieldname not in per_reader:
        schema = segment.top.schema
        numeric = fieldname in schema and isinstance(schema[fieldname].column_type, NumericColumn)
        if not numeric or not segment.reader.has_column(fieldname):
            raise Unsupported(f"sorting by {fieldname!r}, not a numeric column")
        values = list(segment.reader.column_reader(fieldname, translate=False))
        if any(not 0 <= v < 1 << 64 for v in values):
            raise Unsupported(f"values of {fieldname!r} beyond 64 bits")
        per_reader[fieldname] = np.array(values, dtype=np.uint64)
    return per_reader[fieldname]
