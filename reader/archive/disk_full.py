"""A write that fails for want of space, said in one line with what was kept
and what to do, by every command that writes (import, reindex, doctor --repair),
instead of a chained traceback."""

from __future__ import annotations

import errno
import sqlite3


class DiskFull(Exception):
    """The disk filled during a write; the message says what was kept."""


def is_disk_full(exc: BaseException) -> bool:
    """A write failed for want of space: the OS's ENOSPC/EDQUOT, or SQLite's
    SQLITE_FULL ("database or disk is full")."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)
