"""Merging index segments term by term into a segment of their own, instead
of through the writer's posting pool.

Whoosh merges a segment by adding every posting of it to the writer's pool,
beside the new documents: the pool sorts them all again (spilling runs of
pickled postings to disk past its 32 MB) before they are written. But each
segment's term table is already sorted, and its documents come after the
previous segment's, so walking the segments' term tables side by side gives the
postings in the order the segment writer wants: no pool, no sort, no runs.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from whoosh.codec import whoosh3
from whoosh.reading import SegmentReader
from whoosh.system import emptybytes
from whoosh.writing import SegmentWriter

from reader.archive.index.whoosh_speedups import LENGTH_OF_BYTE, LengthsInMemory, term_postings


def merged_segment(writer: SegmentWriter, segments: list[Any]) -> Any:
    """One new segment holding the live documents of `segments`, in their
    order, written with the writer's codec; the index's table of contents is
    the caller's (the writer's commit) to change."""
    storage, schema, codec = writer.storage, writer.schema, writer.codec
    segment = codec.new_segment(storage, writer.indexname)
    perdoc = codec.per_document_writer(storage, segment)
    fields = codec.field_writer(storage, segment)
    readers = [SegmentReader(storage, schema, seg) for seg in segments]
    try:
        # Stored fields, lengths and columns, document by document, as
        # Whoosh's add_reader writes them (its own method, on this segment).
        shim = SimpleNamespace(schema=schema, perdocwriter=perdoc, docnum=0)
        renumber: list[tuple[int, dict[int, int] | None, set[int]]] = []
        for reader in readers:
            names = set(schema.names()) | {n for n in reader.indexed_field_names() if n in schema}
            base = shim.docnum
            docmap = SegmentWriter.write_per_doc(shim, names, reader)  # type: ignore[arg-type]
            renumber.append((base, docmap, reader.deleted_docs_set if docmap is not None else set()))
        perdoc.close()
        segment.set_doc_count(shim.docnum)
        lengths = codec.per_document_reader(storage, segment)
        try:
            _write_postings(fields, schema, lengths, readers, renumber)
        finally:
            lengths.close()
        fields.close()
    except BaseException:
        if not perdoc.is_closed:
            perdoc.close()
        if not fields.is_closed:
            fields.close()
        raise
    finally:
        for reader in readers:
            reader.close()
    if writer.compound and segment.should_assemble():
        segment.create_compound_file(storage)
        segment.compound = True
    return segment


def _terms(reader: SegmentReader, index: int) -> Iterator[tuple[tuple[str, bytes], int, Any]]:
    """A segment's (field, term), its place among the merged segments, and its term info, in the table's order."""
    for key, terminfo in reader._terms.items():
        yield key, index, terminfo


def _write_postings(
    fields: Any,
    schema: Any,
    lengths: Any,
    readers: list[SegmentReader],
    renumber: list[tuple[int, dict[int, int] | None, set[int]]],
) -> None:
    """Every term of the segments with its postings, renumbered, to the new
    segment's field writer: the segments' term tables walked side by side
    (a term in several comes out once per segment, in segment order)."""
    merged = heapq.merge(*(_terms(r, i) for i, r in enumerate(readers)), key=lambda item: item[0])
    length_of = LENGTH_OF_BYTE
    field = text = None
    column: bytes | None = None
    other = False  # a lengths column not held in memory: Whoosh's lookup
    fieldobj: Any = None
    add_posting: Any = None
    started = False  # a term, or a field, is written only once it has a posting
    field_started = False
    for (fieldname, btext), index, terminfo in merged:
        if fieldname not in schema:
            continue
        if fieldname != field:
            if started:
                fields.finish_term()
            if field_started:
                fields.finish_field()
            field, text, started, field_started = fieldname, None, False, False
            fieldobj = schema[fieldname]
            name = whoosh3._lenfield(fieldname)
            # The field's lengths, a byte per document (whoosh_speedups holds them in memory).
            held = lengths._cached_reader(name, whoosh3.LENGTHS_COLUMN) if lengths.has_column(name) else None
            column = held._data if isinstance(held, LengthsInMemory) else None
            other = held is not None and column is None
        if btext != text:
            if started:
                fields.finish_term()
            text, started = btext, False
        reader = readers[index]
        base, docmap, deleted = renumber[index]
        terms = reader._terms
        for docnum, weight, value in term_postings(terms._codec, terms._postfile, terminfo, fieldobj.format):
            if docmap is not None:
                if docnum in deleted:
                    continue
                docnum = docmap[docnum]
            else:
                docnum += base
            if not started:
                if not field_started:
                    fields.start_field(fieldname, fieldobj)
                    field_started = True
                fields.start_term(btext)
                started = True
                add_posting = fields._postwriter.add_posting
            if column is not None:
                length = length_of[column[docnum]] if docnum < len(column) else None
            elif other:
                length = lengths.doc_field_length(docnum, fieldname)
            else:
                length = 0
            add_posting(docnum, weight, emptybytes if value is None else value, length)
    if started:
        fields.finish_term()
    if field_started:
        fields.finish_field()


# Segments merge in tiers: a segment's tier is its documents' power of ten
# (100-999, 1,000-9,999...); once the newest segments hold MERGE_AT or more of
# one tier (smaller ones between them taken along), they become one segment of
# the next tier, and so on up. A document
# is merged about once a tier (log n times), the segments stay in their order,
# and there are at most MERGE_AT - 1 of a tier. Whoosh's MERGE_SMALL merges the
# smallest segments once there are about sixteen of them and then, the big
# ones counted in, again. Sixteen, not ten: an import of 2,000 files (ten
# steps of 200) merged all of it at ten, for 3-8 CPU-s more in the bench's two
# runs (main c3707db never merged there); sixteen leaves no more segments than
# MERGE_SMALL did.
MERGE_FACTOR = 10
MERGE_AT = 16


def tiered(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """A merge policy (Whoosh's writer calls it at the commit, with the index's
    segments, and keeps what it returns): the newest segments merged tier by
    tier, each merge by merged_segment. A tier's run reaches back over smaller
    segments between its own (a step's remainder after a pool split, the first
    short steps) and takes them into its merge: counted apart, one segment of
    another tier cut the run, the segments before it never merged again, and a
    50,000-file import ended in 142 segments, search p95 176 ms."""
    segments = list(segments)
    merged = True
    while merged:
        merged = False
        tiers = [_tier(segment) for segment in segments]
        for level in sorted(set(tiers)):
            start = len(segments)
            while start and tiers[start - 1] <= level:
                start -= 1
            if tiers[start:].count(level) >= MERGE_AT:
                segments[start:] = [merged_segment(writer, segments[start:])]
                merged = True
                break
    return segments


def _tier(segment: Any) -> int:
    """A segment's tier: its documents' power of MERGE_FACTOR."""
    count, tier = segment.doc_count_all(), 0
    while count >= MERGE_FACTOR:
        count //= MERGE_FACTOR
        tier += 1
    return tier
