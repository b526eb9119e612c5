"""Queries over a list of article ids, in chunks SQLite can bind; the time as rows record it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

IDS_PER_QUERY = 500  # well under SQLite's limit on bound variables


def rows_for_ids(db: sqlite3.Connection, sql: str, ids: Iterable[str]) -> Iterator[tuple]:  # type: ignore[type-arg]
    """Every row of `sql`, whose `{ids}` stands where the id list goes, run
    over the ids a chunk at a time."""
    ids = list(ids)
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[start : start + IDS_PER_QUERY]
        yield from db.execute(sql.format(ids=",".join("?" * len(chunk))), chunk)


def now_text() -> str:
    """The time a row is written, as the store keeps times (UTC, ISO 8601 to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")
