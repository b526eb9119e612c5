"""Our replacements for two Whoosh inner loops give Whoosh's own results."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from whoosh.qparser import QueryParser

from reader.archive.index import whoosh_speedups
from tests.archive.segments import WORDS, index_in_segments, random_documents, segment_contents

T = TypeVar("T")


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    rnd = random.Random(7)

    def document(part: int, n: int) -> dict[str, object]:
        body = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 60)))
        return {"id": f"{part}-{n}", "title": rnd.choice(WORDS), "body": body}

    segments = [[document(part, n) for n in range(150)] for part in range(2)]
    return index_in_segments(Path(tmp_path_factory.mktemp("ix")), segments)


QUERIES = [
    '"port authority"',
    '"port port"',
    '"port authority harbour"',
    '"new york port authority"',
    '"the port"',  # a stop word inside a phrase
    '"authority port"~3',  # sloppy: Whoosh's own code path
    "harbour OR council",
    "storm AND ferry",
    "title:port",
]


def _results(ix, text: str) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    with ix.searcher() as searcher:
        q = QueryParser("body", ix.schema).parse(text)
        return [(hit["id"], round(hit.score, 9)) for hit in searcher.search(q, limit=None)]


def _both_ways(run: Callable[[], T]) -> tuple[T, T]:
    """What `run` gives with our replacements, then with Whoosh's own methods."""
    ours = run()
    whoosh_speedups.uninstall()
    try:
        return ours, run()
    finally:
        whoosh_speedups.install()


@pytest.mark.parametrize("text", QUERIES)
def test_same_hits_and_scores_as_whoosh(ix, text: str) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = _both_ways(lambda: _results(ix, text))
    assert ours == theirs
    if text.startswith('"port'):
        assert ours, "the fixture should give phrase matches"


def test_phrase_spans_are_whooshs(ix) -> None:  # type: ignore[no-untyped-def]
    """The spans (what highlighting uses) of a phrase match, both ways."""

    def spans() -> list[list[tuple[int, int]]]:
        with ix.searcher() as searcher:
            q = QueryParser("body", ix.schema).parse('"port authority"')
            out = []
            for sub, _ in searcher.leaf_searchers():
                m = q.matcher(sub)
                while m.is_active():
                    out.append([(s.start, s.end) for s in m.spans()])
                    m.next()
            return out

    ours, theirs = _both_ways(spans)
    assert ours == theirs and ours


def _pooled(reader, startdoc: int, docmap: dict[int, int] | None) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """What a merge's add_postings_to_pool hands the writer's pool for one segment."""
    from whoosh.writing import SegmentWriter

    class Pool:
        def __init__(self) -> None:
            self.items: list[tuple[object, ...]] = []

        def add(self, item: tuple[object, ...]) -> None:
            self.items.append(item)

    writer = SegmentWriter.__new__(SegmentWriter)  # only the pool and the schema are read
    writer.pool, writer.schema = Pool(), reader.schema
    SegmentWriter.add_postings_to_pool(writer, reader, startdoc, docmap)
    return writer.pool.items


def test_a_merge_reads_whooshs_postings(tmp_path: Path) -> None:
    """A segment's postings as a merge reads them (the term table in order, a
    block at a time): Whoosh's own tuples, deleted documents left out, for
    short lists kept in the term table and lists of many blocks alike."""
    from reader.archive.index.whoosh_index import writer

    rnd = random.Random(3)
    docs = [
        {"id": str(n), "title": rnd.choice(WORDS), "body": " ".join(rnd.choice(WORDS) for _ in range(30)) + f" rare{n}"}
        for n in range(400)  # "port" is in most: several blocks of postings (Whoosh's block is 128)
    ]
    ix = index_in_segments(tmp_path / "ix", [docs[:250], docs[250:]])
    w = writer(ix)
    for n in (0, 5, 249, 300):
        w.delete_by_term("id", str(n))
    w.commit(merge=False)
    with ix.reader() as reader:
        leaves = [leaf for leaf, _ in reader.leaf_readers()]
        assert leaves[0].has_deletions() and leaves[1].has_deletions()
        for leaf in leaves:
            live = [d for d in range(leaf.doc_count_all()) if not leaf.is_deleted(d)]
            for startdoc, docmap in ((1000, None), (0, {d: 7 + i for i, d in enumerate(live)})):
                ours, theirs = _both_ways(lambda leaf=leaf, s=startdoc, m=docmap: _pooled(leaf, s, m))
                assert ours == theirs
                assert any(t[:2] == ("body", b"port") for t in ours)
                assert any(t[1].startswith(b"rare") for t in ours)  # inlined: in one document


def test_a_merged_index_is_whooshs(tmp_path: Path) -> None:
    """Merged with our reading and with Whoosh's, two copies of one index hold
    the same postings and answer every query alike."""
    import shutil

    rnd = random.Random(5)
    docs = [
        {"id": str(n), "title": rnd.choice(WORDS), "body": " ".join(rnd.choice(WORDS) for _ in range(40))}
        for n in range(300)
    ]
    ix = index_in_segments(tmp_path / "a", [docs[:100], docs[100:200], docs[200:]])
    w = ix.writer()
    w.delete_by_term("id", "150")
    w.commit(merge=False)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    from whoosh.filedb.filestore import FileStorage

    theirs_ix = FileStorage(str(tmp_path / "b")).open_index("articles")

    def merged(index):  # type: ignore[no-untyped-def]
        def run():  # type: ignore[no-untyped-def]
            index.writer().commit(optimize=True)
            with index.reader() as reader:
                assert reader.is_atomic()  # one segment
                return sorted(reader.iter_postings()), [_results(index, q) for q in QUERIES]

        return run

    ours = merged(ix)()
    whoosh_speedups.uninstall()
    try:
        theirs = merged(theirs_ix)()
    finally:
        whoosh_speedups.install()
    assert ours == theirs
    assert len(ours[0]) > 1000


def test_a_segment_written_through_our_posting_path_is_whooshs(tmp_path: Path) -> None:
    """Adding a document, the pool, the postings writer and the field lengths
    (each posting's path into a segment) replaced: the same terms, statistics,
    postings and field lengths as with Whoosh's four methods, for new
    documents and for a merge of segments."""
    from whoosh.codec import base, whoosh3
    from whoosh.writing import PostingPool, SegmentWriter

    docs = random_documents(420, 11)

    def written(directory: Path):  # type: ignore[no-untyped-def]
        ix = index_in_segments(directory, [docs[:150], docs[150:300], docs[300:]])
        before = segment_contents(ix)
        ix.writer().commit(optimize=True)  # the merge: every posting through the pool again
        return before, segment_contents(ix)

    ours = written(tmp_path / "ours")
    swapped = {
        (PostingPool, "add"): whoosh_speedups.whoosh_pool_add,
        (whoosh3.W3PostingsWriter, "add_posting"): whoosh_speedups.whoosh_add_posting,
        (whoosh3.W3FieldWriter, "add_postings"): base.FieldWriter.add_postings,
        (SegmentWriter, "add_document"): whoosh_speedups.whoosh_add_document,
    }
    assert all(getattr(cls, name) is not theirs for (cls, name), theirs in swapped.items())  # ours installed
    ours_methods = {key: getattr(*key) for key in swapped}
    try:
        for (cls, name), theirs in swapped.items():
            setattr(cls, name, theirs)
        theirs_written = written(tmp_path / "theirs")
    finally:
        for (cls, name), method in ours_methods.items():
            setattr(cls, name, method)
    assert ours == theirs_written
    terms = [t for t in ours[1] if len(t) == 4]
    assert len(terms) > 400 and any(len(t[3]) > 128 for t in terms)
    assert {t[0] for t in terms} >= {"body", "entity", "entity_name", "published", "undated", "tags", "is_"}
