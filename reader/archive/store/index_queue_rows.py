"""The store's numbered queue of changes the index must follow (store schema 9).
Held by Store as `store.index_queue`, on the store's connection: an article is
queued in the same transaction as its change, so a crash between the store's
commit and the index's is repaired by replaying the queue."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager


class IndexQueueRows:
    """The index queue, read and written on the store's connection.

    `transaction` is the store's: taking rows off the queue is a write
    transaction of its own (or joins the one in hand).
    """

    def __init__(self, db: sqlite3.Connection, transaction: Callable[[], AbstractContextManager[None]]) -> None:
        self.db = db
        self.transaction = transaction

    def add(self, article_id: str) -> None:
        """Queue the article for the index; queued again, it gets a newer number
        (REPLACE takes a fresh AUTOINCREMENT seq), so a step already writing
        its older change does not take this one off (see ids_through)."""
        self.db.execute("INSERT OR REPLACE INTO index_queue (article_id) VALUES (?)", (article_id,))

    def ids(self) -> list[str]:
        """The queued ids, oldest first."""
        return self.ids_through()[0]

    def ids_through(self) -> tuple[list[str], int]:
        """The queued ids, oldest first, and the number of the newest: what a
        step writes, and what it takes off the queue after (remove_through)."""
        rows = self.db.execute("SELECT seq, article_id FROM index_queue ORDER BY seq").fetchall()
        return [r[1] for r in rows], (rows[-1][0] if rows else 0)

    def mark(self) -> int:
        """The number of the newest queued change (0: none queued)."""
        return int(self.db.execute("SELECT coalesce(max(seq), 0) FROM index_queue").fetchone()[0])

    def remove_through(self, seq: int) -> None:
        """Take off the queue what a step read (numbers up to `seq`), and
        nothing queued after it read."""
        with self.transaction():
            self.db.execute("DELETE FROM index_queue WHERE seq <= ?", (seq,))

    def remove(self, ids: Iterable[str], through: int | None = None) -> None:
        """Take these ids off the queue (only if queued no later than `through`, when given)."""
        with self.transaction():
            self.db.executemany(
                "DELETE FROM index_queue WHERE article_id = ? AND seq <= ?",
                [(i, through if through is not None else 2**62) for i in ids],
            )
