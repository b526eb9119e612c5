"""What a results list shows for a search's hits: the index finds them, the
store has their titles, dates, reading state, tags and stories."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from reader.archive.index import search as searchmod
from reader.archive.store.database import Store
from reader.model import Hit, SearchResult, SnippetPart, StoredArticle


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


def recent_hit(stored: StoredArticle) -> Hit:
    """A row of the unsearched list (newest first): no score, the lead as snippet."""
    lead = (SnippetPart(searchmod._lead(stored.article.body)),)  # noqa: SLF001
    a = stored.article
    return Hit(
        id=stored.id,
        title=a.title,
        site=a.site,
        published=a.published,
        score=0.0,
        snippet=lead,
        paths=stored.paths,
        is_read=stored.is_read,
        starred=stored.starred,
        tags=stored.tags,
    )


def with_stories(store: Store, result: SearchResult) -> SearchResult:
    """The hits with their story, its number of versions, and their tags."""
    sizes = store.stories.story_sizes(h.id for h in result.hits)
    tags = store.tags_for(h.id for h in result.hits)
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
