"""An archive whose index opens but whose postings no longer read: what the
store, the CLI and the app must report with the fix (newsreader reindex)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive


def damage_postings(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rewrite the archive's index with every posting list in the postings
    file, as a larger archive's common words are (the fixtures' few articles
    have each word's postings inlined in the term table,
    whoosh_speedups.INLINE_BELOW), then flip bytes inside those postings."""
    from reader.archive.index import whoosh_speedups

    monkeypatch.setattr(whoosh_speedups, "INLINE_BELOW", 1)
    with Archive(data) as archive:
        archive.reindex()
    _flip_postings(data / "index")


def _flip_postings(index_dir: Path) -> None:
    """Flip bytes inside the postings of the largest segment: the index still
    opens (its table of contents, the segment's file directory and its term
    dictionary are intact) but words' postings no longer read."""
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.filestore import FileStorage

    segment = max(index_dir.glob("*.seg"), key=lambda p: p.stat().st_size)
    with FileStorage(str(index_dir)).open_file(segment.name) as handle:
        files = CompoundStorage(handle, use_mmap=False)._dir  # noqa: SLF001
    postings = next(v for k, v in files.items() if k.endswith(".pst"))
    data = bytearray(segment.read_bytes())
    for at in range(postings["offset"] + 8, postings["offset"] + postings["length"], 3):
        data[at] ^= 0x5A
    segment.write_bytes(bytes(data))
