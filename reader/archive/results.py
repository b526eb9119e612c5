"""A search as a results list shows it: the index finds the hits (or, for no
query, the store lists the newest), the store has their titles, dates, reading
state, tags and stories."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reader.archive.index import search as searchmod
from reader.archive.store.database import Store
from reader.model import Hit, SearchFilters, SearchResult, SnippetPart

if TYPE_CHECKING:
    from whoosh.index import FileIndex
    from whoosh.searching import Searcher

COLLAPSE_WIDEN = 4  # a collapsed search reads this many times the hits it shows


def search(
    store: Store,
    index: Callable[[], FileIndex],
    searcher: Callable[[], Searcher],
    text: str,
    *,
    limit: int,
    sort: str,
    filters: SearchFilters,
    collapse: bool,
    complete: bool,
    suggest: bool,
    snippets: int | None = None,
) -> SearchResult:
    """Archive.search: the index and this thread's searcher are asked for only
    when the query needs them (the newest list reads the store alone).

    `snippets` is how many of the first hits get theirs (None: every hit);
    snippets_of() makes the others' when they are wanted.
    """
    # A collapsed search reads four times the hits it shows, without snippets:
    # they are made below for the hits shown only (making them was most of a
    # collapsed search's time).
    some = snippets is not None and text.strip() != "" and not collapse
    wide = with_stories(
        store,
        _found(
            store,
            index,
            searcher,
            text,
            limit=limit * COLLAPSE_WIDEN if collapse else limit,
            sort=sort,
            filters=filters,
            snippets=not collapse and not some,
            complete=complete,
            suggest=suggest,
            # Only the hits shown are read from the store: the first of each
            # story (reading all 200 was a quarter of a search's time).
            keep=(lambda ids: store.stories.first_of_each(ids, limit)) if collapse else None,
        ),
    )
    if not collapse and not some:
        return wide
    shown = first_of_each_story(wide.hits, limit) if collapse else list(wide.hits)
    if text.strip() or filters.active:  # else the newest list, its leads already made
        made = snippets_of(store, searcher(), shown[:snippets], wide.terms)
        shown = [dataclasses.replace(h, snippet=made[h.id]) if h.id in made else h for h in shown]
        return dataclasses.replace(wide, hits=tuple(shown), snipped=None if snippets is None else len(made))
    return dataclasses.replace(wide, hits=tuple(shown))


def snippets_of(
    store: Store, searcher: Searcher, hits: Iterable[Hit], terms: Iterable[str]
) -> dict[str, tuple[SnippetPart, ...]]:
    """The snippets of these hits (by id), marking the query's matched words."""
    ids = [h.id for h in hits]
    marked = searchmod.snippets_for(searcher, ids, set(terms), store.bodies)
    return {article_id: parts(m) for article_id, m in zip(ids, marked, strict=True)}


def _found(
    store: Store,
    index: Callable[[], FileIndex],
    searcher: Callable[[], Searcher],
    text: str,
    *,
    limit: int,
    sort: str,
    filters: SearchFilters,
    snippets: bool = True,
    complete: bool = False,
    suggest: bool = True,
    keep: Callable[[list[str]], list[str]] | None = None,
) -> SearchResult:
    """The hits of a query; `keep` chooses, from the ids in rank order, those
    whose rows are read from the store (the others are left out)."""
    filter_text, allow = narrowed_by(store, filters)
    if filters.active:
        sort = sort if text.strip() else ("-date" if sort == "relevance" else sort)
    elif not text.strip():
        started = time.perf_counter()
        ids = store.newest_ids(limit)
        found = recent_hits(store, keep(ids) if keep else ids)
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResult(query=text, hits=found, total=store.count(), elapsed_ms=elapsed)
    raw, total, elapsed, suggestion, terms = searchmod.run(
        index(),
        searcher(),
        text,
        limit=limit,
        sort=sort,
        filters=filter_text,
        allow_ids=allow,
        snippets=snippets,
        complete_last_word=complete,
        suggest=suggest,
        bodies=store.bodies,
    )
    return SearchResult(
        query=text,
        hits=hits(store, _kept(raw, keep)),
        total=total,
        elapsed_ms=elapsed,
        suggestion=suggestion,
        terms=terms,
        left_out=searchmod.words_left_out(index(), text) if total == 0 else (),
    )


def matching(
    store: Store, ix: FileIndex, searcher: Searcher, text: str, filters: SearchFilters, complete: bool
) -> tuple[list[str], str]:
    """The ids of every article search() finds for a query and its filters,
    and the query's text as run (its last word completed if `complete`): what
    a timeline or a saved search counts is what the list shows."""
    filter_text, allow = narrowed_by(store, filters)
    text = searchmod.as_run(ix, searcher, text, complete_last_word=complete)
    return searchmod.matching_ids(ix, searcher, text, filter_text, allow), text


def narrowed_by(store: Store, filters: SearchFilters) -> tuple[str, set[str] | None]:
    """The filters as the index and the store apply them: their query text
    (dates, site, tag, entity), and the only ids allowed (starred, unread:
    state the store holds; None: any)."""
    allow = None
    if filters.starred or filters.unread:
        allow = store.ids_where(starred=filters.starred, unread=filters.unread)
    return filters.query_text(), allow


def _kept(raw: list[searchmod.RawHit], keep: Callable[[list[str]], list[str]] | None) -> list[searchmod.RawHit]:
    if keep is None:
        return raw
    kept = set(keep([h.id for h in raw]))
    return [h for h in raw if h.id in kept]


def hits(store: Store, raw: list[searchmod.RawHit]) -> tuple[Hit, ...]:
    """Hits with what the results list shows, read from the store in one go."""
    rows = store.summaries([h.id for h in raw])
    out = []
    for h in raw:
        if h.id not in rows:
            continue  # deleted since the index saw it
        title, site, published, is_read, starred, paths = rows[h.id]
        out.append(
            Hit(
                id=h.id,
                title=title,
                site=site,
                published=published,
                score=h.score,
                snippet=parts(h.snippet),
                paths=paths,
                is_read=is_read,
                starred=starred,
            )
        )
    return tuple(out)


def recent_hits(store: Store, ids: list[str]) -> tuple[Hit, ...]:
    """The rows of the unsearched list (newest first, `ids` in that order): no
    score, the lead as snippet; read from the store in one go, no article built."""
    rows, bodies = store.summaries(ids), store.bodies_of(ids)
    out = []
    for aid in ids:
        if aid not in rows:
            continue  # deleted meanwhile
        title, site, published, is_read, starred, paths = rows[aid]
        lead = (SnippetPart(searchmod._lead(bodies.get(aid, ""))),)  # noqa: SLF001
        out.append(
            Hit(
                id=aid,
                title=title,
                site=site,
                published=published,
                score=0.0,
                snippet=lead,
                paths=paths,
                is_read=is_read,
                starred=starred,
            )
        )
    return tuple(out)


def with_stories(store: Store, result: SearchResult) -> SearchResult:
    """The hits with their story, its number of versions, and their tags."""
    sizes = store.stories.story_sizes(h.id for h in result.hits)
    tags = store.marks.tags_for(h.id for h in result.hits)
    found = tuple(
        dataclasses.replace(
            h,
            story=sizes[h.id][0] if h.id in sizes else h.story,
            versions=sizes[h.id][1] if h.id in sizes else h.versions,
            tags=tags.get(h.id, ()),
        )
        for h in result.hits
    )
    return dataclasses.replace(result, hits=found)


def first_of_each_story(ranked: Iterable[Hit], limit: int) -> list[Hit]:
    """Each story once, at its best-ranked version (hits in rank order, with stories)."""
    seen: set[str] = set()
    kept = []
    for hit in ranked:
        key = hit.story or hit.id
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept[:limit]


def parts(snippet: str) -> tuple[SnippetPart, ...]:
    """A marked snippet as the pieces a results list draws."""
    return tuple(SnippetPart(text, match) for text, match in searchmod.split_marks(snippet))
