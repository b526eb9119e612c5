"""The reader's marks on articles: reading state (read, starred, the place
reached), tags and highlights. Held by Store as `store.marks`, on the store's
connection; a change the index shows (tags, highlights) is queued for it in the
same transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from reader.archive.store.sql import now_text, rows_for_ids
from reader.model import Highlight


class MarkRows:
    """Reading state, tags and highlights, read and written on the store's connection.

    `writable` raises ArchiveReadOnly on a store opened read-only, `transaction`
    is the store's, and `queue` queues an article for the index (index_queue.add).
    """

    def __init__(
        self,
        db: sqlite3.Connection,
        writable: Callable[[], None],
        transaction: Callable[[], AbstractContextManager[None]],
        queue: Callable[[str], None],
    ) -> None:
        self.db = db
        self.writable = writable
        self.transaction = transaction
        self.queue = queue

    # -- reading state ------------------------------------------------------

    def reading_state(self, article_id: str) -> tuple[bool, bool, float]:
        """(read, starred, position) of one article."""
        row = self.db.execute(
            "SELECT is_read, starred, read_position FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (bool(row[0]), bool(row[1]), float(row[2])) if row else (False, False, 0.0)

    def set_read(self, article_id: str, is_read: bool) -> None:
        self.writable()
        self.db.execute("UPDATE articles SET is_read = ? WHERE id = ?", (int(is_read), article_id))

    def set_starred(self, article_id: str, starred: bool) -> None:
        self.writable()
        self.db.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    def set_position(self, article_id: str, position: float) -> None:
        self.writable()
        self.db.execute("UPDATE articles SET read_position = ? WHERE id = ?", (position, article_id))

    def tags_of(self, article_id: str) -> tuple[str, ...]:
        rows = self.db.execute("SELECT tag FROM tags WHERE article_id = ? ORDER BY tag COLLATE NOCASE", (article_id,))
        return tuple(r[0] for r in rows)

    def tags_for(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The tags of each of these articles that has any (one query per 500 ids)."""
        found: dict[str, list[str]] = {}
        sql = "SELECT article_id, tag FROM tags WHERE article_id IN ({ids}) ORDER BY tag COLLATE NOCASE"
        for aid, tag in rows_for_ids(self.db, sql, ids):
            found.setdefault(aid, []).append(tag)
        return {aid: tuple(tags) for aid, tags in found.items()}

    def set_tags(self, article_id: str, tags: Iterable[str]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
            self.db.executemany(
                "INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?, ?)",
                [(article_id, t) for t in tags],
            )
            self.queue(article_id)

    # -- highlights ---------------------------------------------------------

    def add_highlight(self, article_id: str, block: int, start: int, end: int, text: str, note: str = "") -> int:
        cur = self.db.execute(
            "INSERT INTO highlights (article_id, block, start, end, text, note, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article_id, block, start, end, text, note, now_text()),
        )
        self.queue(article_id)
        return int(cur.lastrowid or 0)

    def highlights_of(self, article_id: str) -> tuple[Highlight, ...]:
        rows = self.db.execute(
            "SELECT id, article_id, block, start, end, text, note FROM highlights WHERE article_id = ? ORDER BY id",
            (article_id,),
        )
        return tuple(Highlight(*r) for r in rows)

    def all_highlights(self, ids: list[str] | None = None) -> list[Highlight]:
        rows = self.db.execute("SELECT id, article_id, block, start, end, text, note FROM highlights ORDER BY id")
        wanted = set(ids) if ids is not None else None
        return [Highlight(*r) for r in rows if wanted is None or r[1] in wanted]
