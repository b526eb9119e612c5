"""The archive: the only package that touches SQLite or Whoosh.

`Archive` (archive.py) is the one door the CLI and the app use.
"""

from __future__ import annotations

from reader.archive.archive import Archive, ArchiveBusy, QueryError

__all__ = ["Archive", "ArchiveBusy", "QueryError"]
