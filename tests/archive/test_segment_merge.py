"""A merge written term by term (segment_merge) holds what Whoosh's merge
through the posting pool holds."""

from __future__ import annotations

import random
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.qparser import QueryParser
from whoosh.writing import NO_MERGE, OPTIMIZE

from reader.archive.index import whoosh_speedups
from reader.archive.index.segment_merge import MERGE_AT, MERGE_FACTOR, merged_segment, tiered
from reader.archive.index.whoosh_index import INDEX_NAME, apply_chunks, writer
from reader.model import Article, Block, StoredArticle
from tests.archive.segments import WORDS, index_in_segments, random_documents, segment_contents

QUERIES = ['"port authority"', "harbour OR council", "storm AND ferry", "title:port", "entity:berg", "rare17"]


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
            [
                (hit["id"], round(hit.score, 9))
                for hit in searcher.search(QueryParser("body", ix.schema).parse(q), limit=None)
            ]
            for q in QUERIES
        ]


def test_a_merge_of_every_segment_is_whooshs(tmp_path: Path) -> None:
    """Every segment merged into one, with deleted documents in two of them:
    the same terms, statistics, postings (numbered alike), stored fields and
    field lengths as Whoosh's merge."""
    docs = random_documents(520, seed=11)  # "port" in most: postings of several blocks (Whoosh's block is 128)
    ours, theirs = _two_copies(tmp_path, [docs[:150], docs[150:300], docs[300:310], docs[310:]], ["0", "5", "301"])
    writer(ours).commit(mergetype=lambda w, segments: [merged_segment(w, segments)])
    writer(theirs).commit(mergetype=OPTIMIZE)
    merged = segment_contents(ours)
    assert merged == segment_contents(theirs)
    with ours.reader() as reader:
        assert reader.is_atomic() and reader.doc_count_all() == 517
    terms = [t for t in merged if len(t) == 4]
    assert any(len(t[3]) > 128 for t in terms)
    assert {t[0] for t in terms} >= {"body", "entity", "entity_name", "published", "undated", "tags", "is_"}
    assert not any(t[1] == b"rare0" for t in terms), "a term only a deleted document had is gone"


def _sizes(ix: FileIndex) -> list[int]:
    with ix.reader() as reader:
        return [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()]


def test_the_newest_segments_merge_tier_by_tier(tmp_path: Path) -> None:
    """MERGE_AT segments of one tier (tens, hundreds of documents...) at the
    end become one of the next, which may complete that tier in turn;
    the documents keep their order. Every query finds the same documents as
    in the unmerged copy, with scores moved only by the field lengths a merge
    reads back a byte each (Whoosh's merge does the same; the first test)."""
    assert (MERGE_FACTOR, MERGE_AT) == (10, 16)  # the sizes below
    docs = random_documents(490, seed=3)
    tens = [docs[start : start + 20] for start in range(100, 400, 20)]  # fifteen segments of the tens' tier
    ones = [docs[start : start + 5] for start in range(400, 480, 5)]  # sixteen of the ones'
    ours, unmerged = _two_copies(tmp_path, [docs[:100], *tens, *ones], [])
    for ix, policy in ((ours, tiered), (unmerged, NO_MERGE)):
        w = writer(ix)
        for doc in docs[480:]:
            w.add_document(**doc)
        w.commit(mergetype=policy)
    assert _sizes(unmerged) == [100, *[20] * 15, *[5] * 16, 10]
    # The sixteen segments of five documents merged: 80, with the tens'
    # fifteen, sixteen of that tier: merged in turn. The new segment last.
    assert _sizes(ours) == [100, 380, 10]
    found, before = _results(ours), _results(unmerged)
    assert [sorted(i for i, _ in r) for r in found] == [sorted(i for i, _ in r) for r in before]
    assert all(found[:4])
    for mine, theirs in zip(found, before, strict=True):
        assert dict(mine) == pytest.approx(dict(theirs), rel=0.01)

    w = writer(ours)
    w.add_document(**docs[0] | {"id": "again"})
    w.commit(mergetype=tiered)
    assert _sizes(ours) == [100, 380, 10, 1], "fewer than sixteen of a tier: nothing merged"


def test_a_smaller_segment_between_a_tiers_own_is_merged_with_them(tmp_path: Path) -> None:
    """A step's remainder after a pool split (or a short step) sits between
    segments of the tier above: the run reaches back over it and takes it
    along. Counted apart it cut the run for good (a 50,000-file import ended
    in 142 segments)."""
    docs = random_documents(172, seed=5)
    tens = [docs[start : start + 10] for start in range(0, 150, 10)]  # fifteen of the tens' tier
    segments = [*tens, docs[150:155], docs[155:165]]  # five between, the sixteenth ten after it
    ours, unmerged = _two_copies(tmp_path, segments, ["3", "152"])
    for ix, policy in ((ours, tiered), (unmerged, NO_MERGE)):
        w = writer(ix)
        for doc in docs[165:]:
            w.add_document(**doc)
        w.commit(mergetype=policy)
    assert _sizes(unmerged) == [*[10] * 15, 5, 10, 7]
    assert _sizes(ours) == [163, 7]  # the two deleted documents gone with the merge
    found, before = _results(ours), _results(unmerged)
    assert [sorted(i for i, _ in r) for r in found] == [sorted(i for i, _ in r) for r in before]
    assert all(found[:4])


def test_nothing_to_merge_keeps_the_segments(tmp_path: Path) -> None:
    """A commit where Whoosh's policy merges nothing writes no merged segment."""
    docs = random_documents(60, seed=1)
    ix = index_in_segments(tmp_path / "ix", [docs[:30]])
    w = writer(ix)
    for doc in docs[30:]:
        w.add_document(**doc)
    w.commit(mergetype=tiered)
    with ix.reader() as reader:
        assert [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()] == [30, 30]


def _stored(n: int) -> StoredArticle:
    now = datetime(2024, 1, 1)
    body = " ".join(random.Random(n).choice(WORDS) for _ in range(30))
    return StoredArticle(f"new{n}", Article(f"New {n}", (Block("paragraph", body),), "text"), "h", now, now)


def test_the_index_writer_merges_in_tiers(tmp_path: Path) -> None:
    """A batch of changes (an import's step, a correction) written through
    apply_chunks merges in tiers, term by term; with Whoosh's own methods back
    (an unverified Whoosh), Whoosh's policy and merge."""
    docs = random_documents(380, seed=2)
    shapes = []
    for name in ("ours", "theirs"):
        ix = index_in_segments(
            tmp_path / name, [docs[:300], *(docs[start : start + 5] for start in range(300, 380, 5))]
        )
        batch = {s.id: s for s in map(_stored, range(10))}
        if name == "theirs":
            whoosh_speedups.uninstall()
        try:
            apply_chunks(ix, [batch], [list(batch)])
        finally:
            whoosh_speedups.install()
        shapes.append(_sizes(ix))
    assert shapes[0] == [300, 80, 10]
    assert shapes[1] == [5] * 11 + [300, 25 + 10]  # MERGE_SMALL: the five smallest, into the new segment


def test_the_single_writer_starts_a_segment_when_its_pool_is_nearly_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its pool's limit the writer would sort the pool out to disk: it
    commits what it holds as a segment and goes on in a new one. Every
    article is indexed once, found as in one segment, and updated in place."""
    from reader.archive.index import whoosh_index

    articles = [_stored(n) for n in range(60)]
    found = {}
    for name, limit_mb in (("split", 0.01), ("whole", 32)):
        monkeypatch.setattr(whoosh_index, "SINGLE_LIMIT_MB", limit_mb)
        ix = whoosh_index.create_index(tmp_path / name)
        whoosh_index.apply_chunks(
            ix,
            [{s.id: s for s in articles[:30]}, {s.id: s for s in articles[30:]}],
            [[s.id for s in articles[:30]], [s.id for s in articles[30:]]],
        )
        found[name] = _results(ix), _sizes(ix)
    (split, split_sizes), (whole, whole_sizes) = found["split"], found["whole"]
    assert whole_sizes == [60] and len(split_sizes) > 2 and sum(split_sizes) == 60
    assert split == whole and any(split)
    monkeypatch.setattr(whoosh_index, "SINGLE_LIMIT_MB", 0.01)
    whoosh_index.apply_chunks(ix, [{s.id: s for s in articles[:40]}], [[s.id for s in articles[:40]]])
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 60
    # The old copies are deleted (their statistics stay until a merge, as in Whoosh).
    assert [sorted(i for i, _ in r) for r in _results(ix)] == [sorted(i for i, _ in r) for r in whole]
