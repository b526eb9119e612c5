"""The NumPy scorer gives Whoosh's own hits, scores and totals, query for query."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query

from reader.archive.index import fast_search, postings
from reader.archive.index.search import _expand, parse
from reader.archive.index.whoosh_index import writer
from reader.archive.index.whoosh_schema import VALUE_SEP, whole_name
from tests.archive.segments import index_in_segments

WORDS = (
    "port authority harbour council storm ferry strike the of new york solar wind budget vote "
    "glacier glacial glance crossing border minister said kowalska kowalski"
).split()
NAMES = ["Anna Kowalska", "Jonas Berg", "Maritime Office", "Port Authority", "Lisbon", "Gdansk"]


def _document(rnd: random.Random, n: int, part: int) -> dict[str, object]:
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(0, 80))]
    names = rnd.sample(NAMES, rnd.randint(0, 3))
    published = datetime(2020, 1, 1) + timedelta(days=rnd.randint(0, 900)) if rnd.random() < 0.8 else None
    return {
        "id": f"{part}-{n}",
        "title": " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 6))),
        "body": " ".join(words),
        "entity": VALUE_SEP.join(names),
        "person": VALUE_SEP.join(n for n in names if n in ("Anna Kowalska", "Jonas Berg")),
        "place": VALUE_SEP.join(n for n in names if n in ("Lisbon", "Gdansk")),
        "entity_name": VALUE_SEP.join(map(whole_name, names)),
        "person_name": VALUE_SEP.join(whole_name(n) for n in names if n in ("Anna Kowalska", "Jonas Berg")),
        "tags": rnd.choice(["", "later", "later,work"]),
        "site": rnd.choice(["harbour gazette", "coast news", ""]),
        "published": published,
        "undated": 0 if published else 1,
        "is_": rnd.choice(["", "", "highlight"]),
    }


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Three segments, some documents deleted (postings still list them)."""
    rnd = random.Random(11)
    segments = [[_document(rnd, n, part) for n in range(220)] for part in range(3)]
    ix = index_in_segments(Path(tmp_path_factory.mktemp("fast")), segments)
    w = writer(ix)
    for n in range(0, 220, 9):
        w.delete_by_term("id", f"1-{n}")
    w.commit(merge=False)
    return ix


# Whoosh scores a word range by the Or matcher it picks for the index's size,
# and a sloppy phrase by its spans: fast_search leaves both to Whoosh.
WHOOSH_ONLY = ["title:[glacier TO port]", "site:[coast TO harbour]", '"authority port"~3']
QUERIES = [
    "storm",
    "ferry strike",
    "harbour AND council",
    "budget OR vote",
    '"port authority"',
    '"new york port authority"',
    '"the port"',
    "glac*",
    "kowalska~",
    "title:storm",
    "title:storm OR body:ferry",
    "date:2021",
    "date:>2021-10",
    "date:[2020-03 to 2021-02]",
    "person:kowalska",
    'entity:"maritime office"',
    'entity:"port authority" storm',
    'entity:"office port"',  # across two names: none
    'person:"anna kowalska" OR entity:lisbon',
    "place:lisbon OR place:gdansk",
    "storm NOT harbour",
    "NOT storm",
    "(storm OR ferry) AND NOT (vote OR budget)",
    "tag:later",
    "site:gazette",
    "is:highlight",
    "storm^3 ferry",
    "title:(storm ferry)^2 OR council",
    "nothingatall",
    "storm nothingatall",
    *WHOOSH_ONLY,
]


def _whoosh(ix, q, allow=None):  # type: ignore[no-untyped-def]
    """Whoosh's ranking of every match (score down, document number up), cut to `limit`.

    Not Whoosh's own limited search: its top-N collector can drop the best
    document (with the limit 1, 'entity:"port authority" storm' here gives
    the second best: its matcher "replacement" prunes a phrase wrongly).
    """
    with ix.searcher() as searcher:
        hits = [(hit.docnum, hit.score) for hit in searcher.search(q, limit=None, filter=allow)]
    return hits


def _ours(ix, q, limit, allow=None):  # type: ignore[no-untyped-def]
    with ix.searcher() as searcher:
        top = fast_search.top_docs(searcher, q, limit, allow)
    return list(zip(top.docnums, top.scores, strict=True)), top.total


def _same(ours: list[tuple[int, float]], theirs: list[tuple[int, float]], everything: list[tuple[int, float]]) -> None:
    """The same documents with the same scores in the same order, where scores
    that differ only in the last bits count as ties: Whoosh adds an Or's parts
    in the order of its matcher tree, we in the query's order, so a sum can
    differ by 1e-15, and two such near-ties may swap (or swap across the limit:
    then ours is one of Whoosh's tied documents)."""
    assert len(ours) == len(theirs)
    assert [s for _, s in ours] == pytest.approx([s for _, s in theirs], rel=1e-12)

    def groups(hits: list[tuple[int, float]]) -> list[set[int]]:
        out: list[set[int]] = []
        last = None
        for docnum, score in hits:
            if last is None or abs(score - last) > 1e-9 * max(1.0, abs(last)):
                out.append(set())
            out[-1].add(docnum)
            last = score
        return out

    mine, whooshs = groups(ours), groups(theirs)
    assert mine[:-1] == whooshs[:-1]
    if mine:
        cut_score = ours[-1][1]
        tied = {d for d, s in everything if abs(s - cut_score) <= 1e-9 * max(1.0, abs(cut_score))}
        assert mine[-1] <= tied


def _check(ix, q, limit, allow=None) -> int:  # type: ignore[no-untyped-def]
    """Compare both ways of searching; the number of matches."""
    ours, ours_total = _ours(ix, q, limit, allow)
    everything = _whoosh(ix, q, allow)
    _same(ours, everything[:limit], everything)
    assert ours_total == len(everything)
    return ours_total


def _parsed(ix, text: str) -> query.Query:  # type: ignore[no-untyped-def]
    with ix.searcher() as searcher:
        return _expand(parse(ix, text), searcher)


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("limit", [1, 20, None])
def test_the_same_hits_and_scores_as_whoosh(ix, text: str, limit: int | None) -> None:  # type: ignore[no-untyped-def]
    q = _parsed(ix, text)
    try:
        _check(ix, q, limit)
    except fast_search.Unsupported:
        assert text in WHOOSH_ONLY, f"{text!r} should not need Whoosh"


def test_every_document_and_filters_alone(ix) -> None:  # type: ignore[no-untyped-def]
    """An empty query with filters is Every() and the filters (search.run)."""
    for q in (query.Every(), query.And([query.Every(), _parsed(ix, "date:2021 tag:later")])):
        for limit in (20, None):
            assert _check(ix, q, limit) > 20


def test_a_filter_keeps_only_the_allowed_documents(ix) -> None:  # type: ignore[no-untyped-def]
    allow = set(range(0, 700, 3))
    q = _parsed(ix, "storm OR ferry")
    assert 20 < _check(ix, q, 20, allow) < len(_whoosh(ix, q))


def test_deleted_documents_never_come_back(ix) -> None:  # type: ignore[no-untyped-def]
    with ix.searcher() as searcher:
        deleted = {n for n in range(searcher.doc_count_all()) if searcher.reader().is_deleted(n)}
    assert deleted
    ours, _ = _ours(ix, _parsed(ix, "NOT nothingatall"), None)
    assert {d for d, _ in ours}.isdisjoint(deleted)


words = st.sampled_from([w for w in WORDS if w not in ("the", "of")])
terms = st.one_of(words, words.map(lambda w: f"title:{w}"), words.map(lambda w: w[:4] + "*"))
phrases = st.lists(words, min_size=2, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"')
atoms = st.one_of(terms, phrases)
queries = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from([" AND ", " OR ", " AND NOT ", " "]), inner).map(
            lambda t: f"({t[0]}{t[1]}{t[2]})"
        ),
    ),
    max_leaves=5,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=queries, limit=st.sampled_from([1, 5, 20, None]))
def test_any_query_of_words_phrases_and_operators(ix, text: str, limit: int | None) -> None:  # type: ignore[no-untyped-def]
    _check(ix, _parsed(ix, text), limit)


position_lists = st.lists(
    st.lists(st.integers(0, 3_000_000), min_size=1, max_size=40, unique=True).map(sorted), min_size=1, max_size=30
)


@settings(max_examples=200, deadline=None)
@given(lists=position_lists, strip_stop=st.booleans(), long_list=st.booleans())
def test_positions_read_in_bulk_are_whooshs(lists: list[list[int]], strip_stop: bool, long_list: bool) -> None:
    """Every layout pickle gives a position list (1-, 2- and 4-byte ints, a
    single APPEND, batches of 1,000) reads as Positions.decode_positions reads it."""
    from whoosh.formats import Positions

    fmt = Positions()
    if long_list:
        lists = [*lists, list(range(0, 3 * 1001, 3))]
    values = [fmt.encode(positions) for positions in lists]
    if strip_stop:
        values = [v[:-1] for v in values]  # Whoosh reads values with or without the final STOP
    counts, deltas = postings.delta_arrays(values)
    assert counts.tolist() == [len(p) for p in lists]
    ends = counts.cumsum()
    for positions, end, count in zip(lists, ends.tolist(), counts.tolist(), strict=True):
        assert deltas[end - count : end].cumsum().tolist() == fmt.decode_positions(fmt.encode(positions)) == positions


def test_a_damaged_position_count_is_an_error_not_an_allocation() -> None:
    from whoosh.formats import Positions

    value = Positions().encode([3, 9])
    with pytest.raises(ValueError, match="longer than its posting"):
        postings.delta_arrays([b"\x7f\xff\xff\xff" + value[4:]])


@pytest.mark.parametrize("text", ["storm", "ferry strike", "date:2021", "NOT nothingatall", '"port authority"'])
@pytest.mark.parametrize("newest_first", [False, True])
@pytest.mark.parametrize("limit", [1, 20, None])
def test_date_sorted_matches_come_in_whooshs_order(ix, text: str, newest_first: bool, limit: int | None) -> None:  # type: ignore[no-untyped-def]
    """Undated articles last either way, then document number, as Whoosh's sorting collector orders them."""
    from whoosh import sorting

    by = [("undated", False), ("published", newest_first)]
    q = _parsed(ix, text)
    with ix.searcher() as searcher:
        facet = sorting.MultiFacet([sorting.FieldFacet(f, reverse=r) for f, r in by])
        theirs = [hit.docnum for hit in searcher.search(q, limit=None, sortedby=facet)]
        ours = fast_search.sorted_docs(searcher, q, limit, by)
    assert ours.docnums == theirs[:limit]
    assert ours.total == len(theirs) and set(ours.scores) <= {0.0}
