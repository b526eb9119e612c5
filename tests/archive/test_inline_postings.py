"""A term's few postings kept in its entry of the term table (inlined,
whoosh_speedups.INLINE_BELOW) read as Whoosh's own blocks of the same postings."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh.index import FileIndex
from whoosh.qparser import QueryParser

from reader.archive.index import postings
from reader.archive.index.whoosh_index import create_index, writer
from tests.archive.segments import index_in_segments

COMMON = "port authority harbour council storm ferry the of new york".split()


def _documents(count: int) -> list[dict[str, object]]:
    """Common words, and rare ones in only one or two documents (most of a real segment's terms)."""
    rnd = random.Random(11)
    docs = []
    for n in range(count):
        words = [rnd.choice(COMMON) if rnd.random() < 0.7 else f"rare{rnd.randint(0, 400)}" for _ in range(40)]
        docs.append({"id": str(n), "title": rnd.choice(COMMON), "body": " ".join(words), "entity": f"Name{n % 37}"})
    return docs


def _whooshs_own(directory: Path, segments: list[list[dict[str, object]]]) -> FileIndex:
    """The same documents through Whoosh's writer with its default codec."""
    ix = create_index(directory)
    for documents in segments:
        w = ix.writer()
        for document in documents:
            w.add_document(**document)
        w.commit(merge=False)
    return ix


def _all_postings(ix: FileIndex) -> tuple[dict[tuple[str, bytes], list[tuple[int, float, bytes | None]]], int]:
    """Every term's postings per segment as Whoosh reads them, and how many lists were inlined."""
    found: dict[tuple[str, bytes], list[tuple[int, float, bytes | None]]] = {}
    inlined = 0
    with ix.searcher() as searcher:
        for leaf, base in searcher.reader().leaf_readers():
            for field, text in leaf.all_terms():
                inlined += leaf.term_info(field, text).is_inlined()
                m = leaf.postings(field, text)
                while m.is_active():
                    # A field with no values (the id) reads None from a block, "" inlined.
                    found.setdefault((field, text), []).append((base + m.id(), m.weight(), m.value() or None))
                    m.next()
                # Our NumPy reader of posting lists (fast_search.py) reads the same.
                positions = ix.schema[field].format.supports("positions")
                ours = postings.read_postings(leaf, field, text, values=positions)
                assert ours is not None
                here = found[(field, text)][-len(ours.ids) :]
                assert [base + int(i) for i in ours.ids] == [p[0] for p in here]
                assert not positions or ours.values == [p[2] for p in here]
    return found, inlined


def test_short_posting_lists_are_inlined_and_read_as_whoosh_writes_them(tmp_path: Path) -> None:
    docs = _documents(120)
    segments = [docs[:70], docs[70:]]
    ours = index_in_segments(tmp_path / "ours", segments)
    theirs = _whooshs_own(tmp_path / "theirs", segments)
    our_postings, inlined = _all_postings(ours)
    their_postings, none = _all_postings(theirs)
    assert our_postings == their_postings
    assert inlined > 100 and none == 0
    with ours.searcher() as a, theirs.searcher() as b:
        for text in ["rare7", "storm", '"port authority"', "entity:name3", "rare1*"]:
            q = QueryParser("body", ours.schema).parse(text)
            assert [(h["id"], h.score) for h in a.search(q, limit=None)] == [
                (h["id"], h.score) for h in b.search(q, limit=None)
            ]
    # Merged into one segment (as a commit merges small ones), still the same postings.
    for ix in (ours, theirs):
        (writer(ix) if ix is ours else ix.writer()).commit(optimize=True)
    assert _all_postings(ours)[0] == _all_postings(theirs)[0]
