"""Whoosh's single segment writer with its postings grouped by term as they
are added, instead of pooled as one tuple each and sorted at the commit.

Whoosh's SegmentWriter puts every posting in a PostingPool as a 5-tuple
(field, term, document, weight, positions), sizes each one, sorts them all
at the commit and hands them to the field writer one call at a time, which
asks the per-document reader for the document's field length each time.
Profiled on 500 generated articles (274,000 postings): the pool, the sort,
that loop and the length lookups were about a third of the writer's time.

Here a posting goes into its term's lists (documents arrive in order, so
each list is already sorted), only the terms are sorted at the commit, each
field's lengths are read once, and a term's postings are written a block at a
time. The files written are byte for byte Whoosh's own (a test compares them),
so every reader of the index (postings.py, fast_search.py) is unchanged.

Used by the single writer only (the import's index steps and short updates):
a step holds a few seconds of an import, and the grouped lists take about
half the memory of Whoosh's tuples. Acts on a verified Whoosh release only
(whoosh_version.py): the block writer's private attributes are set here.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.writing import SegmentWriter

_Posting = tuple[int, float, Any]  # document, weight, encoded value


class GroupedPostings:
    """Stands in for Whoosh's PostingPool: field → term bytes → the term's
    postings (document, weight, encoded value), in the order they came."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[bytes, list[_Posting]]] = {}

    def terms(self, fieldname: str) -> dict[bytes, list[_Posting]]:
        """A field's terms, to add postings to."""
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        return terms

    def add(self, item: tuple[str, bytes, int, float, Any]) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        terms = self.terms(fieldname)
        posting = (docnum, weight, vbytes)
        if tbytes in terms:
            terms[tbytes].append(posting)
        else:
            terms[tbytes] = [posting]

    def sorted_terms(self, fieldname: str) -> Iterator[tuple[bytes, list[_Posting]]]:
        """A field's terms in byte order, each term's postings by document."""
        terms = self.fields[fieldname]
        for tbytes in sorted(terms):
            postings = terms[tbytes]
            if any(a[0] > b[0] for a, b in zip(postings, postings[1:], strict=False)):
                # Documents of merged segments can come after newer ones: sort as the pool did.
                postings = sorted(postings, key=lambda p: p[:2])
            yield tbytes, postings

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, Any]]:
        """Every posting in the pool's order (field, term, document)."""
        for fieldname in sorted(self.fields):
            for tbytes, postings in self.sorted_terms(fieldname):
                for docnum, weight, value in postings:
                    yield fieldname, tbytes, docnum, weight, value

    def cleanup(self) -> None:
        self.fields.clear()


class GroupingSegmentWriter(SegmentWriter):
    """SegmentWriter with GroupedPostings and a term-at-a-time flush."""

    pool: Any  # Whoosh's PostingPool, then GroupedPostings

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.pool.cleanup()  # Whoosh's pool made no files yet; ours replaces it
        self.pool = GroupedPostings()

    def add_document(self, **fields: Any) -> None:
        """SegmentWriter.add_document for fields with neither term vectors nor
        spelling words (ours), each posting put in its term's list at once."""
        schema = self.schema
        names = sorted(name for name in fields if not name.startswith("_"))
        if any(name not in schema or schema[name].vector or schema[name].separate_spelling() for name in names):
            super().add_document(**fields)
            return
        self._check_state()
        perdocwriter = self.perdocwriter
        docnum = self.docnum
        docboost = self._doc_boost(fields)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in names:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, fieldname, docboost)
                    scorable = field.scorable
                    terms = self.pool.terms(fieldname)
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if scorable:
                            length += freq
                        posting = (docnum, weight * boost, vbytes)
                        if tbytes in terms:
                            terms[tbytes].append(posting)
                        else:
                            terms[tbytes] = [posting]
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        # As SegmentWriter._flush_segment, with write_postings for add_postings.
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        write_postings(self.fieldwriter, self.schema, lengths, self.pool, self.docnum)
        self.fieldwriter.close()
        if lengths:
            lengths.close()


def write_postings(fieldwriter: Any, schema: Any, lengths: Any, pool: GroupedPostings, doccount: int) -> None:
    """What FieldWriter.add_postings does with the pool's sorted postings."""
    for fieldname in sorted(name for name, terms in pool.fields.items() if terms):
        fieldwriter.start_field(fieldname, schema[fieldname])
        if lengths is not None:
            field_lengths = [lengths.doc_field_length(d, fieldname) for d in range(doccount)]
        else:
            field_lengths = [0] * doccount
        for tbytes, postings in pool.sorted_terms(fieldname):
            fieldwriter.start_term(tbytes)
            _write_term(fieldwriter._postwriter, postings, field_lengths)
            fieldwriter.finish_term()
        fieldwriter.finish_field()


def _write_term(postwriter: Any, postings: list[_Posting], field_lengths: list[int]) -> None:
    """A term's postings a block at a time: the same blocks, statistics and
    bytes as W3PostingsWriter.add_posting called once per posting."""
    count = len(postings)
    if count < postwriter._inlinelimit or postwriter._byteids:
        for docnum, weight, value in postings:
            postwriter.add_posting(docnum, weight, b"" if value is None else value, field_lengths[docnum])
        return
    limit = postwriter._blocklimit
    for start in range(0, count, limit):
        block = postings[start : start + limit]
        weights = [p[1] for p in block]
        present = [n for n in (field_lengths[p[0]] for p in block) if n]
        postwriter._ids = array("I", [p[0] for p in block])
        postwriter._weights = array("f", weights)
        postwriter._values = [p[2] for p in block if p[2]]
        # add_posting keeps the largest weight seen above 0, and the lengths of
        # postings whose length is not 0.
        postwriter._maxweight = max([0, *weights])
        postwriter._minlength = min(present) if present else None
        postwriter._maxlength = max([0, *present])
        postwriter._write_block(last=start + limit >= count)
