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
