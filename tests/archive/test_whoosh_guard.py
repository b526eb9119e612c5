"""The NumPy scorer reads Whoosh's private layout only where that is safe:
on a verified release, and never at the cost of calling a readable index damaged."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from whoosh import query
from whoosh.codec.whoosh3 import (
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PerDocReader,
    W3PostingsWriter,
    W3TermInfo,
)
from whoosh.query.spans import SpanNear2
from whoosh.writing import PostingPool, SegmentWriter

from reader.archive.index import fast_search, postings, whoosh_speedups, whoosh_version
from reader.archive.index.whoosh_index import create_index
from tests.archive.test_fast_search import _check, _parsed
from tests.conftest import run_import


def _doc(n: int, body: str, title: str = "") -> dict[str, object]:
    return {"id": str(n), "title": title, "body": body, "undated": 1}


@pytest.fixture
def rare(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Two segments in which 'zephyr' stands in one document each, written by
    a codec that keeps such a posting inside the term's info instead of a
    block. Our writer's codec never does (Whoosh's default inlines fewer than
    one posting, and Whoosh-Reloaded 2.7.5's inlining calls a method by a
    misspelt name, mended here), but Whoosh reads such an index, so we must."""
    monkeypatch.setattr(W3TermInfo, "set_inline", W3TermInfo.set_inlined, raising=False)
    common = "storm ferry harbour council"
    first = [_doc(n, f"{common} {'zephyr' if n == 3 else ''} storm") for n in range(12)]
    second = [_doc(100 + n, f"ferry {'zephyr glacier' if n == 5 else 'vote'}", "zephyr" * (n == 1)) for n in range(9)]
    ix = create_index(tmp_path)
    for documents in (first, second):
        w = ix.writer(codec=W3Codec(inlinelimit=2))
        for document in documents:
            w.add_document(**document)
        w.commit(merge=False)
    return ix


def test_postings_inlined_in_the_term_info_read_as_whoosh_reads_them(rare) -> None:  # type: ignore[no-untyped-def]
    with rare.searcher() as searcher:
        for leaf, _ in searcher.leaf_searchers():
            reader = leaf.reader()
            m = reader.postings("body", b"zephyr")
            assert not isinstance(m, W3LeafMatcher)  # inlined: no block to read
            expected = []
            while m.is_active():
                expected.append((m.id(), m.weight(), m.value()))
                m.next()
            got = postings.read_postings(reader, "body", b"zephyr", values=True)
            assert got is not None
            assert list(zip(got.ids.tolist(), got.weights.tolist(), got.values or [], strict=True)) == expected
    for text in ("zephyr", "zephyr OR storm", '"zephyr glacier"', "title:zephyr", "zephyr NOT glacier"):
        assert _check(rare, _parsed(rare, text), 20) >= 1


def test_a_node_kind_it_does_not_know_goes_to_whooshs_matcher(rare, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    calls = []
    by_whoosh = fast_search._by_whoosh

    def counted(node, segment, context):  # type: ignore[no-untyped-def]
        calls.append(type(node).__name__)
        return by_whoosh(node, segment, context)

    monkeypatch.setattr(fast_search, "_by_whoosh", counted)
    q = query.DisjunctionMax([query.Term("body", "storm"), query.Term("title", "zephyr"), query.Term("body", "vote")])
    assert _check(rare, q, 5) > 5
    assert calls == ["DisjunctionMax", "DisjunctionMax"]  # once per segment


@pytest.fixture
def filled(archive, fixtures_dir: Path):  # type: ignore[no-untyped-def]
    run_import(archive, fixtures_dir)
    return archive


def _answers(archive) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    out = []
    for text in ("harbour", "migrants AND border", '"fishing boats"', "date:2021", ""):
        for sort in ("relevance", "-date"):
            result = archive.search(text, sort=sort)
            out.append((text, sort, result.total, *(hit.id for hit in result.hits)))
    return out


def test_another_whoosh_release_is_searched_by_whoosh_alone(filled, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    before = _answers(filled)
    monkeypatch.setattr(whoosh_version, "installed", lambda: "2.8.0")
    assert not whoosh_version.verified()
    with filled.index().searcher() as searcher, pytest.raises(fast_search.Unsupported, match="2.8.0"):
        fast_search.top_docs(searcher, query.Term("body", "harbour"), 10)
    assert _answers(filled) == before
    whoosh_speedups.uninstall()
    try:
        assert whoosh_speedups.install() is False
        assert W3PerDocReader._cached_reader is whoosh_speedups.whoosh_cached_reader
        assert SpanNear2.SpanNear2Matcher._get_spans is whoosh_speedups.whoosh_get_spans
        assert SegmentWriter.add_postings_to_pool is whoosh_speedups.whoosh_add_postings_to_pool
        assert PostingPool.add is whoosh_speedups.whoosh_pool_add
        assert W3PostingsWriter.add_posting is whoosh_speedups.whoosh_add_posting
        assert W3FieldWriter.add_postings is whoosh_speedups.whoosh_add_postings
        assert SegmentWriter.add_document is whoosh_speedups.whoosh_add_document
    finally:
        monkeypatch.undo()
        assert whoosh_speedups.install() is True
    assert W3PerDocReader._cached_reader is not whoosh_speedups.whoosh_cached_reader


def test_a_layout_it_cannot_read_is_answered_by_whoosh_not_called_damaged(
    filled, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    """As after an upgrade that renamed a private attribute: Whoosh answers,
    the fallback is logged once, and nobody is told to reindex."""
    before = _answers(filled)

    def renamed(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AttributeError("'W3LeafMatcher' object has no attribute '_postfile'")

    monkeypatch.setattr(fast_search, "read_postings", renamed)
    monkeypatch.setattr(fast_search, "_logged", set())
    with caplog.at_level(logging.WARNING, logger="reader.archive.index.fast_search"):
        assert _answers(filled) == before
    assert [r.getMessage() for r in caplog.records].count(
        "fast search fell back to Whoosh (AttributeError: 'W3LeafMatcher' object has no attribute '_postfile')"
    ) == 1
