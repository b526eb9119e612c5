"""A Whoosh index written in several commits, one segment each, as an archive
imported more than once has: what the search tests run on."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from whoosh.index import FileIndex

from reader.archive.index.whoosh_index import create_index, writer


def index_in_segments(directory: Path, segments: Iterable[Iterable[dict[str, object]]]) -> FileIndex:
    """An index holding each group of documents as a segment of its own."""
    ix = create_index(directory)
    for documents in segments:
        w = writer(ix)
        for document in documents:
            w.add_document(**document)
        w.commit(merge=False)
    return ix


def segment_contents(ix: FileIndex) -> list[tuple[object, ...]]:
    """Every term of every segment with its statistics (what scoring and block
    skipping read) and its postings."""
    out: list[tuple[object, ...]] = []
    with ix.reader() as reader:
        for leaf, docbase in reader.leaf_readers():
            for fieldname, text in leaf.all_terms():
                info = leaf.term_info(fieldname, text)
                stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight())
                m = leaf.postings(fieldname, text)
                postings = []
                while m.is_active():
                    postings.append((docbase + m.id(), m.weight(), m.value()))
                    m.next()
                out.append((fieldname, text, stats, postings))
            for docnum in range(leaf.doc_count_all()):
                lengths = {name: leaf.doc_field_length(docnum, name) for name in leaf.schema.scorable_names()}
                out.append((docbase + docnum, leaf.stored_fields(docnum), lengths))
    return out
