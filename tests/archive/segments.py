"""A Whoosh index written in several commits, one segment each, as an archive
imported more than once has: what the search tests run on."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from whoosh.index import FileIndex

from reader.archive.index.whoosh_index import create_index, writer
from reader.archive.index.whoosh_schema import VALUE_SEP

WORDS = "port authority harbour council storm ferry the of new york port port authority".split()
NAMES = ["Port Authority", "Anna Berg", "New York", "Harbour Council", "the Ferry", "Kuźnica"]


def random_documents(count: int, seed: int) -> list[dict[str, object]]:
    """Documents with every kind of field an article's has (whoosh_index.document),
    "port" in most: postings of several blocks (Whoosh's block is 128)."""
    rnd = random.Random(seed)
    return [
        {
            "id": str(n),
            "title": " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 6))),
            "body": " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 90))) + f" rare{n}",
            "entity": VALUE_SEP.join(rnd.sample(NAMES, rnd.randint(0, 3))),
            "entity_name": VALUE_SEP.join(rnd.sample(NAMES, rnd.randint(0, 3))).lower(),
            "published": datetime(2020, 1, 1) + timedelta(days=n) if n % 5 else None,
            "undated": 0 if n % 5 else 1,
            "tags": ",".join(rnd.sample(["Storm", "port", "later"], rnd.randint(0, 2))),
            "is_": "highlight" if n % 7 == 0 else "",
        }
        for n in range(count)
    ]


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
