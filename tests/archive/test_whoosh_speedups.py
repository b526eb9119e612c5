"""Our replacements for two Whoosh inner loops give Whoosh's own results."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from whoosh.qparser import QueryParser

from reader.archive.index import whoosh_speedups
from tests.archive.segments import index_in_segments

T = TypeVar("T")
WORDS = "port authority harbour council storm ferry the of new york port port authority".split()


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
