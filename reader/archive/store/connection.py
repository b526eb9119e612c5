"""How the store's file is opened: for writing (WAL, foreign keys on), or for
reading only where it cannot be written (a read-only folder, mount or file);
and whether this process may write it, or the disk beside it is full."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def connect(path: Path) -> sqlite3.Connection:
    """The store opened for reading and writing (one connection, any thread)."""
    db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def writable_here(path: Path) -> bool:
    """Whether this process may write the store and its WAL files beside it
    (access() also says no on a read-only mount, even to root)."""
    if not os.access(path.parent, os.W_OK):
        return False
    return not os.path.lexists(path) or os.access(path, os.W_OK)


def no_space_beside(path: Path) -> bool:
    """Whether the file system holding `path` is full (under 1 MB left to this user)."""
    try:
        found = os.statvfs(path.parent)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < 1024 * 1024


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The store opened for reading only. A WAL database is read through its
    -shm file, which a read-only folder cannot get: with no -wal file left
    (every clean close checkpoints and removes it) the file alone is the whole
    archive, and SQLite is told so (immutable). A -wal file holding changes
    is read through the -shm file if one is there."""
    from urllib.parse import quote

    wal = path.with_name(path.name + "-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    uri = f"file:{quote(str(path))}?mode=ro" + ("" if pending else "&immutable=1")
    db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA query_only=ON")
    return db
