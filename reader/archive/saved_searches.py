"""Saved searches as they are run: a saved query and its filters follow the
reader's entity corrections (kept as saved, run as renamed), and are counted
among the archive's (unread) articles."""

from __future__ import annotations

import dataclasses

from reader.archive.store.database import Store
from reader.model import SavedSearch, SearchFilters
from reader.text.corrections import follow_renames, renamed


def as_run(store: Store) -> list[SavedSearch]:
    """The saved searches by name, their entity names renamed as corrected since."""
    fields = SearchFilters.__dataclass_fields__
    corrections = store.analysis.corrections()
    found = []
    for name, query, raw in store.saved_searches():
        filters = SearchFilters(**{k: v for k, v in raw.items() if k in fields})  # type: ignore[arg-type]
        # An entity renamed since the search was saved is looked for by its new name.
        if filters.entity:
            filters = dataclasses.replace(filters, entity=renamed(filters.entity, corrections))
        found.append(SavedSearch(name, follow_renames(query, corrections), filters))
    return found


def counted(store: Store, saved: SavedSearch, found: list[str] | None, unread: set[str]) -> SavedSearch:
    """The search with how many articles it finds, and how many of them are
    unread; `found` is what its query found (None: every article)."""
    ids = store.all_ids() if found is None else set(found)
    if saved.filters.starred or saved.filters.unread:
        ids &= store.ids_where(starred=saved.filters.starred, unread=saved.filters.unread)
    return dataclasses.replace(saved, matches=len(ids), unread=len(ids & unread))


def query_text(query: str, filters: SearchFilters) -> str:
    """A query and its filters as one query-language text."""
    return " ".join(filter(None, [query, filters.query_text()]))
