"""A merge written term by term (segment_merge) holds what Whoosh's merge
through the posting pool holds."""

from __future__ import annotations

import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.qparser import QueryParser
from whoosh.writing import MERGE_SMALL, OPTIMIZE

from reader.archive.index.segment_merge import merging
from reader.archive.index.whoosh_index import INDEX_NAME, writer
from reader.archive.index.whoosh_schema import VALUE_SEP
from tests.archive.segments import index_in_segments, segment_contents

WORDS = "port authority harbour council storm ferry the of new york port port authority".split()
NAMES = ["Port Authority", "Anna Berg", "New York", "Harbour Council", "the Ferry", "Kuźnica"]
QUERIES = ['"port authority"', "harbour OR council", "storm AND ferry", "title:port", "entity:berg", "rare17"]


def _documents(count: int, seed: int) -> list[dict[str, object]]:
    """Documents with every kind of field an article's has (whoosh_index.document)."""
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


def _two_copies(tmp_path: Path, segments: list[list[dict[str, object]]], deleted: list[str]) -> tuple[FileIndex, ...]:
    """An index in `segments` (some documents then deleted), and a copy of it."""
    ix = index_in_segments(tmp_path / "a", segments)
    w = writer(ix)
    for doc_id in deleted:
        w.delete_by_term("id", doc_id)
    w.commit(merge=False)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    return ix, FileStorage(str(tmp_path / "b")).open_index(INDEX_NAME)


def _results(ix: FileIndex) -> list[list[tuple[str, float]]]:
    with ix.searcher() as searcher:
        return [
            [(hit["id"], round(hit.score, 9)) for hit in searcher.search(QueryParser("body", ix.schema).parse(q))]
            for q in QUERIES
        ]


def test_a_merge_of_every_segment_is_whooshs(tmp_path: Path) -> None:
    """Every segment merged into one, with deleted documents in two of them:
    the same terms, statistics, postings (numbered alike), stored fields and
    field lengths as Whoosh's merge."""
    docs = _documents(520, seed=11)  # "port" in most: postings of several blocks (Whoosh's block is 128)
    ours, theirs = _two_copies(tmp_path, [docs[:150], docs[150:300], docs[300:310], docs[310:]], ["0", "5", "301"])
    writer(ours).commit(mergetype=merging(OPTIMIZE))
    writer(theirs).commit(mergetype=OPTIMIZE)
    merged = segment_contents(ours)
    assert merged == segment_contents(theirs)
    with ours.reader() as reader:
        assert reader.is_atomic() and reader.doc_count_all() == 517
    terms = [t for t in merged if len(t) == 4]
    assert any(len(t[3]) > 128 for t in terms)
    assert {t[0] for t in terms} >= {"body", "entity", "entity_name", "published", "undated", "tags", "is_"}
    assert not any(t[1] == b"rare0" for t in terms), "a term only a deleted document had is gone"


def test_the_small_segments_merged_as_whoosh_chooses(tmp_path: Path) -> None:
    """Whoosh's choice of segments (MERGE_SMALL: the small ones) at a commit
    that adds documents too: the same segments merged, the same documents
    found with the same scores. Whoosh writes the merged documents into the
    commit's new segment after its new ones; here they are a segment of
    their own, before it."""
    docs = _documents(490, seed=3)
    parts = [docs[:300], *(docs[start : start + 5] for start in range(300, 330, 5))]
    ours, theirs = _two_copies(tmp_path, parts, ["320"])
    for ix, policy in ((ours, merging(MERGE_SMALL)), (theirs, MERGE_SMALL)):
        w = writer(ix)
        for doc in docs[330:]:
            w.add_document(**doc)
        w.commit(mergetype=policy)
    with ours.reader() as mine, theirs.reader() as whooshs:
        # The five smallest of seven segments merged, one document deleted
        # (Whoosh's policy leaves the rest in order of size).
        assert [leaf.doc_count_all() for leaf, _ in whooshs.leaf_readers()] == [5, 300, 24 + 160]
        assert [leaf.doc_count_all() for leaf, _ in mine.leaf_readers()] == [300, 5, 24, 160]
    found = _results(ours)
    assert found == _results(theirs) or [sorted(r) for r in found] == [sorted(r) for r in _results(theirs)]
    assert all(found[:4])


def test_nothing_to_merge_keeps_the_segments(tmp_path: Path) -> None:
    """A commit where Whoosh's policy merges nothing writes no merged segment."""
    docs = _documents(60, seed=1)
    ix = index_in_segments(tmp_path / "ix", [docs[:30]])
    w = writer(ix)
    for doc in docs[30:]:
        w.add_document(**doc)
    w.commit(mergetype=merging(MERGE_SMALL))
    with ix.reader() as reader:
        assert [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()] == [30, 30]


def test_the_index_writer_merges_term_by_term(tmp_path: Path) -> None:
    """A batch of changes (an import's step, a correction) written through
    apply_chunks merges with segment_merge: the merged documents are a segment
    of their own; with Whoosh's own methods back (an unverified Whoosh), its
    merge into the new segment."""
    from reader.archive.index import whoosh_speedups
    from reader.archive.index.whoosh_index import apply_chunks
    from reader.model import Article, Block, StoredArticle

    def stored(n: int) -> StoredArticle:
        now = datetime(2024, 1, 1)
        return StoredArticle(f"new{n}", Article(f"New {n}", (Block("paragraph", f"Port {n}."),), "text"), "h", now, now)

    docs = _documents(330, seed=2)
    shapes = []
    for name in ("ours", "theirs"):
        ix = index_in_segments(
            tmp_path / name, [docs[:300], *(docs[start : start + 5] for start in range(300, 330, 5))]
        )
        batch = {s.id: s for s in map(stored, range(10))}
        if name == "theirs":
            whoosh_speedups.uninstall()
        try:
            apply_chunks(ix, [batch], [list(batch)])
        finally:
            whoosh_speedups.install()
        with ix.reader() as reader:
            shapes.append([leaf.doc_count_all() for leaf, _ in reader.leaf_readers()])
    assert shapes == [[300, 5, 25, 10], [5, 300, 25 + 10]]
