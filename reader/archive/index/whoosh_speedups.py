"""Some of Whoosh's inner loops, done faster with the same results, and its
writer's inlining of short posting lists mended (INLINE_BELOW).

Installed on import (whoosh_index.py imports this module). Each replacement keeps
Whoosh's own method as `whoosh_*` so tests can compare the two on the same
index, and falls back to it outside the case it knows.

Measured on 10,000 articles (tests/bench/bench_import.py query set, p50 ms):
"budget OR vote" 38.6 -> 30.8, "storm" 11.6 -> 8.2 with the lengths in
memory; see _adjacent_spans for phrases.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from whoosh import fields as whoosh_fields
from whoosh.codec import base, whoosh3
from whoosh.query.spans import Span, SpanNear2
from whoosh.reading import SegmentReader
from whoosh.system import emptybytes
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

from reader.archive.index import whoosh_version


class LengthsInMemory:
    """One segment's field-length column (a byte per document), read once.

    Every scored match looks up its document's field length; without memory
    maps (whoosh_index.py reads files plainly, to keep memory down) each lookup was a
    seek and a read: a third of a broad query's time ("budget OR vote" at
    10,000 articles: 42,000 reads per query).
    """

    __slots__ = ("_data", "_doccount")

    def __init__(self, data: bytes, doccount: int) -> None:
        self._data, self._doccount = data, doccount

    def __getitem__(self, docnum: int) -> int:
        return self._data[docnum] if docnum < len(self._data) else 0

    def __iter__(self) -> Iterator[int]:
        yield from self._data
        yield from itertools.repeat(0, max(0, self._doccount - len(self._data)))


whoosh_cached_reader = whoosh3.W3PerDocReader._cached_reader


def _cached_reader(self: whoosh3.W3PerDocReader, fieldname: str, column: object) -> object:
    reader = whoosh_cached_reader(self, fieldname, column)
    if column is whoosh3.LENGTHS_COLUMN and getattr(reader, "_fixedlen", None) == 1:
        data = reader._dbfile.get(reader._basepos, reader._count)  # type: ignore[union-attr]
        reader = self._readers[fieldname] = LengthsInMemory(data, self._doccount)
    return reader


whoosh_get_spans = SpanNear2.SpanNear2Matcher._get_spans


def _adjacent_spans(self: SpanNear2.SpanNear2Matcher) -> list[Span]:
    """A phrase's matches in the current document: word i at start + i.

    Whoosh builds Span objects for every position of every word and pairs them
    with binary searches; for an exact phrase (ordered, next to each other)
    intersecting the shifted position sets gives the same spans. Half of a
    common phrase's time ("port authority" at 10,000 articles, 2,265 matches).
    """
    ms = self.ms
    if not (self.ordered and self.slop == 1 and self.mindist == 1) or not all(
        hasattr(m, "value_as") and m.supports("positions") and not m.supports("characters") for m in ms
    ):
        return whoosh_get_spans(self)
    starts = set(ms[0].value_as("positions"))
    for offset, m in enumerate(ms[1:], 1):
        starts.intersection_update(p - offset for p in m.value_as("positions"))
        if not starts:
            return []
    last = len(ms) - 1
    return [Span(start, start + last) for start in sorted(starts)]


whoosh_add_postings_to_pool = SegmentWriter.add_postings_to_pool


def _add_postings_to_pool(self: SegmentWriter, reader: object, startdoc: int, docmap: dict[int, int] | None) -> None:
    """A merge's reading of a segment's postings, in the term table's order.

    Whoosh looks every term up again by its key (a hash of the key, a seek
    and a read in the term table, then the postings' header) and reads each
    posting through a matcher's methods. Merging five 200-article segments
    spent 60 % of its time there. Here the term table is read in order, each
    term's blocks are read once, and a block's ids, weights and values are
    taken whole, as the matcher reads them; a deleted document is left out,
    as Whoosh's filter does. The pool gets the same tuples. Merging those
    segments (1,000 generated articles) took 15.0 CPU ms an article, now 10.9
    (medians of 3 alternating runs, load 6-7, only this method swapped). An
    import's index steps merge about every article once from ~3,000 on
    (MERGE_SMALL, 14 segments at a time).
    """
    terms = getattr(reader, "_terms", None)
    if not isinstance(reader, SegmentReader) or not isinstance(terms, whoosh3.W3TermsReader):
        whoosh_add_postings_to_pool(self, reader, startdoc, docmap)
        return
    add_post = self.pool.add
    schema = self.schema
    deleted = reader.deleted_docs_set
    codec, postfile = terms._codec, terms._postfile
    for (fieldname, btext), terminfo in terms.items():
        if fieldname not in schema:
            continue
        format_ = schema[fieldname].format
        for docnum, weight, value in term_postings(codec, postfile, terminfo, format_):
            if deleted and docnum in deleted:
                continue
            add_post((fieldname, btext, docmap[docnum] if docmap is not None else startdoc + docnum, weight, value))


def term_postings(
    codec: whoosh3.W3Codec, postfile: object, terminfo: whoosh3.W3TermInfo, format_: object
) -> Iterator[tuple[int, float, object]]:
    """One term's (docnum, weight, value) in order, a block at a time."""
    m = codec.postings_reader(postfile, terminfo, format_)
    if not isinstance(m, whoosh3.W3LeafMatcher):  # inlined: a short list in the term info
        while m.is_active():
            yield m.id(), m.weight(), m.value()
            m.next()
        return
    while m.is_active():
        m._read_ids()
        m._read_weights()
        m._read_values()
        yield from zip(m._ids, m._weights, m._values, strict=True)
        m._next_block()


# A term with fewer postings than this in a segment keeps them in its entry of
# the term table ("inlined") instead of a block of the postings file. Whoosh's
# writer has this path (W3Codec's inlinelimit), but it is off by default (limit
# 1) and broken: it calls a method by a name the term info does not have
# (set_inline for set_inlined), and a list with no values (the id field) read
# back inlined gives "" where the merge of segments wants bytes or None. Whoosh
# reads inlined postings as they are. Most terms of a step's segment are in one
# or two of its articles, and each was a block of its own: pickled, compressed,
# written with a header. The single writer, 600 articles in commits of 200, CPU
# ms an article (medians of alternating runs, load 5-7): generated ones, no
# inlining 17.4, below 4 11.8, below 16 12.8 (index 18.3 -> 16.9 MB); the real
# saved pages, no inlining 13.1, below 4 8.7 (index 15.4 -> 13.6 MB).
INLINE_BELOW = 4

whoosh_finish_postings = whoosh3.W3PostingsWriter.finish_postings


def _finish_postings(self: whoosh3.W3PostingsWriter) -> whoosh3.W3TermInfo:
    """Whoosh's finish_postings, with its inlining mended: a short list that
    has values (positions, frequencies) goes into the term info; any other is
    written as blocks, as Whoosh does."""
    terminfo = self._terminfo
    if self._blockcount == 0 and 0 < len(self._ids) < self._inlinelimit and self._values:
        terminfo.add_block(self)
        terminfo.set_inlined(self._ids, self._weights, self._values)
    else:
        if self._ids:
            self._write_block(last=True)
        terminfo.set_extent(self._startoffset, self._postfile.tell() - self._startoffset)
    self._terminfo = None
    return terminfo


def write_codec() -> whoosh3.W3Codec:
    """The codec our writers use: Whoosh's, with a term's few postings
    inlined where the mended finish_postings is installed."""
    if whoosh3.W3PostingsWriter.finish_postings is not _finish_postings:
        return whoosh3.W3Codec()
    return whoosh3.W3Codec(inlinelimit=INLINE_BELOW)


# The writer's path for each posting (about 600 a document): into the pool as
# a document is added, then, sorted, to the segment's writer at the commit.
# Whoosh's pool estimates each posting's size behind type asserts, its
# postings writer asserts every argument's type again, and each posting's
# field length was looked up through three calls (doc_field_length,
# _cached_reader, the lengths column). Here the pool adds the same size
# without the asserts, the postings writer keeps the same statistics, and the
# lengths of a field are read once from the in-memory column (LengthsInMemory)
# when the writer comes to that field. The segment holds the same postings and
# term statistics (tested against Whoosh's). The single writer, 600 generated
# articles in commits of 200, CPU ms an article, medians of 5 alternating runs
# (load 3-6): 15.7 -> 14.0. A merge's postings take the same path.
whoosh_pool_add = PostingPool.add
whoosh_add_posting = whoosh3.W3PostingsWriter.add_posting
whoosh_add_postings = base.FieldWriter.add_postings
# A field length's byte (0: none) as the length Whoosh's doc_field_length gives.
LENGTH_OF_BYTE = [None, *(byte_to_length(b) for b in range(1, 256))]


def _pool_add(self: PostingPool, item: tuple) -> None:
    """PostingPool.add: the same size estimate, without its type asserts."""
    self.fieldnames.add(item[0])
    value = item[4]
    # Whoosh's sum: a 5-tuple 48, the field name 21 + len, the term 26 + 2 len,
    # the docnum 18, the weight 16, the value 21 + len.
    self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + (len(value) if value else 0)
    if self.currentsize > self.limit:
        self.save()
    self.current.append(item)


def _add_posting(
    self: whoosh3.W3PostingsWriter, id_: int, weight: float, vbytes: bytes, length: int | None = None
) -> None:
    """W3PostingsWriter.add_posting without its per-posting type asserts."""
    if len(self._ids) >= self._blocklimit:
        self._write_block()
    self._ids.append(id_)
    self._weights.append(weight)
    if weight > self._maxweight:
        self._maxweight = weight
    if vbytes:
        self._values.append(vbytes)
    if length:
        minlength = self._minlength
        if minlength is None or length < minlength:
            self._minlength = length
        if length > self._maxlength:
            self._maxlength = length


def _add_postings(self: whoosh3.W3FieldWriter, schema: object, lengths: object, items: Iterator[tuple]) -> None:
    """FieldWriter.add_postings (the sorted pool to the segment's term table
    and postings), each field's lengths read from its in-memory column."""
    if not isinstance(lengths, whoosh3.W3PerDocReader):
        whoosh_add_postings(self, schema, lengths, items)
        return
    start_field, start_term = self.start_field, self.start_term
    finish_term, finish_field = self.finish_term, self.finish_field
    length_of = LENGTH_OF_BYTE
    lastfn: str | None = None
    lasttext: bytes | None = None
    column: bytes | None = None
    other: object = None  # a lengths column not held in memory: Whoosh's lookup
    add_posting = None
    for fieldname, btext, docnum, weight, value in items:
        if lastfn is not None and fieldname < lastfn:
            raise base.OutOfOrderError(f"Field {lastfn!r} .. {fieldname!r}")
        if fieldname == lastfn and lasttext and btext < lasttext:
            raise base.OutOfOrderError(f"Term {lastfn}:{lasttext!r} .. {fieldname}:{btext!r}")
        if fieldname != lastfn:
            if lasttext is not None:
                finish_term()
            if lastfn is not None:
                finish_field()
            start_field(fieldname, schema[fieldname])  # type: ignore[index]
            lastfn, lasttext = fieldname, None
            name = whoosh3._lenfield(fieldname)
            reader = lengths._cached_reader(name, whoosh3.LENGTHS_COLUMN) if lengths.has_column(name) else None
            column = reader._data if isinstance(reader, LengthsInMemory) else None
            other = reader if column is None else None
        if docnum == -1:  # a spelling word (Whoosh's hack): not a posting
            continue
        if btext != lasttext:
            if lasttext is not None:
                finish_term()
            start_term(btext)
            lasttext = btext
            add_posting = self._postwriter.add_posting
        if column is not None:
            length = length_of[column[docnum]] if docnum < len(column) else None
        elif other is not None:
            length = lengths.doc_field_length(docnum, fieldname)
        else:
            length = 0
        add_posting(docnum, weight, emptybytes if value is None else value, length)  # type: ignore[misc]
    if lasttext is not None:
        finish_term()
    if lastfn is not None:
        finish_field()


# Adding a document: Whoosh asks each field for its postings through two
# generators (the format's word_values, then field.index, which encodes each
# term), then hands every posting to the pool one call at a time. Here a
# field whose format makes its postings as one list (WordPositions.postings:
# the same tuples) gives them to the pool in one step, with the pool's same
# size estimate. Schemas with spelling or term vectors take Whoosh's path.
whoosh_add_document = SegmentWriter.add_document


def _add_document(self: SegmentWriter, **fields: object) -> None:
    """SegmentWriter.add_document, a field's postings handed to the pool together."""
    schema = self.schema
    pool = self.pool
    plain = self.__dict__.get("_reader_plain")
    if plain is None:
        plain = self._reader_plain = type(pool) is PostingPool and not any(
            field.vector or field.separate_spelling() for _, field in schema.items()
        )
    if not plain:
        whoosh_add_document(self, **fields)
        return
    self._check_state()
    perdocwriter = self.perdocwriter
    docnum = self.docnum
    docboost = self._doc_boost(fields)
    fieldnames = sorted([name for name in fields if not name.startswith("_")])
    self._check_fields(schema, fieldnames)
    perdocwriter.start_doc(docnum)
    try:
        for fieldname in fieldnames:
            value = fields.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                fieldboost = self._field_boost(fields, fieldname, docboost)
                made = getattr(field.format, "postings", None)
                items = None
                if made is not None and type(field).index is whoosh_fields.FieldType.index:
                    items = made(value, field.analyzer)
                if items is None:
                    items = list(field.index(value))
                if field.scorable:
                    length = sum(item[1] for item in items)
                posts = [(fieldname, term, docnum, weight * fieldboost, vbytes) for term, _, weight, vbytes in items]
                _pool_extend(pool, fieldname, posts)
            customval = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            column = field.column_type
            if column and customval is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
    except Exception:
        perdocwriter.cancel_doc()
        raise
    perdocwriter.finish_doc()
    self._added = True
    self.docnum += 1


def _pool_extend(self: PostingPool, fieldname: str, posts: list[tuple]) -> None:
    """_pool_add for each of one field's postings: the same size estimate
    (the pool saves a run to disk when it passes its limit)."""
    if not posts:
        return
    self.fieldnames.add(fieldname)
    self.currentsize += (150 + len(fieldname)) * len(posts) + sum(
        2 * len(post[1]) + (len(post[4]) if post[4] else 0) for post in posts
    )
    self.current.extend(posts)
    if self.currentsize > self.limit:
        self.save()


def install() -> bool:
    """Put the faster methods in place, on a Whoosh release they were verified
    against only (whoosh_version.py); says whether it did."""
    if not whoosh_version.verified():
        return False
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    SpanNear2.SpanNear2Matcher._get_spans = _adjacent_spans
    whoosh3.W3PostingsWriter.finish_postings = _finish_postings
    SegmentWriter.add_postings_to_pool = _add_postings_to_pool
    PostingPool.add = _pool_add
    whoosh3.W3PostingsWriter.add_posting = _add_posting
    whoosh3.W3FieldWriter.add_postings = _add_postings
    SegmentWriter.add_document = _add_document
    return True


def installed() -> bool:
    """Whether the faster methods are in place (segment_merge reads the lengths they hold in memory)."""
    return whoosh3.W3PerDocReader._cached_reader is _cached_reader


def uninstall() -> None:
    """Whoosh's own methods back (for tests that compare the two)."""
    whoosh3.W3PerDocReader._cached_reader = whoosh_cached_reader
    SpanNear2.SpanNear2Matcher._get_spans = whoosh_get_spans
    whoosh3.W3PostingsWriter.finish_postings = whoosh_finish_postings
    SegmentWriter.add_postings_to_pool = whoosh_add_postings_to_pool
    PostingPool.add = whoosh_pool_add
    whoosh3.W3PostingsWriter.add_posting = whoosh_add_posting
    whoosh3.W3FieldWriter.add_postings = whoosh_add_postings
    SegmentWriter.add_document = whoosh_add_document


install()
