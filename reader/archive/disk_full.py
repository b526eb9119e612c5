"""A write that fails for want of space, said in one line with what was kept
and what to do, by every command that writes (import, reindex, doctor --repair),
instead of a chained traceback."""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.archive.store.database import Store

log = logging.getLogger(__name__)


class DiskFull(Exception):
    """The disk filled during a write; the message says what was kept."""


def is_disk_full(exc: BaseException) -> bool:
    """A write failed for want of space: the OS's ENOSPC/EDQUOT, or SQLite's
    SQLITE_FULL ("database or disk is full")."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)


@contextmanager
def disk_full_said(store: Store, index_dir: Path) -> Iterator[None]:
    """A full disk during an import, said in one line with what was kept."""
    before = store.count()
    try:
        yield
    except Exception as exc:
        if not is_disk_full(exc):  # only the OS's ENOSPC/EDQUOT or SQLite's "disk is full"
            raise
        if store.db.in_transaction:
            store.db.execute("ROLLBACK")
        what = f"the search index ({index_dir})" if isinstance(exc, OSError) else "the store"
        kept = store.count() - before
        log.info("disk full", exc_info=True)
        raise DiskFull(
            f"disk full while writing {what}; {kept} new articles kept, run the import again when there is space"
        ) from exc
