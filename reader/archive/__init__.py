"""The archive: the only package that touches SQLite or Whoosh.

Three parts: store/ (SQLite, the source of truth), index/ (Whoosh, derived
from the store), and here, what the archive does with them (import, export,
doctor, stories, timeline, corrections) beside `Archive` (archive.py), the one
door the CLI and the app use. `Archive` is imported on first use (PEP 562), not
with the package: the index writer's helper processes need only
index/whoosh_index.py and the import's analysis workers only importer.py, and
loading the whole package (search, NumPy scoring, every ingest module) cost
each of those four processes ~20 MB (measured).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.archive.archive import (
        READ_ERRORS,
        Archive,
        ArchiveBusy,
        ArchiveReadOnly,
        CorrectionRefused,
        DiskFull,
        IndexDamaged,
        NothingToExport,
        QueryError,
        SourceUnavailable,
    )

__all__ = [
    "Archive",
    "ArchiveBusy",
    "ArchiveReadOnly",
    "CorrectionRefused",
    "DiskFull",
    "IndexDamaged",
    "NothingToExport",
    "QueryError",
    "READ_ERRORS",
    "SourceUnavailable",
]


def __getattr__(name: str) -> object:
    if name in __all__:
        from reader.archive import archive

        return getattr(archive, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
