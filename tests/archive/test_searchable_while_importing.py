"""An import writes what it has stored to the index in steps: found by other
readers before the import ends, never twice, and all of it at the end."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.archive.importer import ImportReport

SCRAPE = (
    "Home\n\nRiver ferry service {n} returns after a long pause on the estuary\n\n"
    "The passenger ferry number {n} crossed the estuary on Friday for the first time in years, "
    "carrying {n} people and two bicycles.\n\n"
    "Organisers said service {n} would sail six times a day until September.\n"
)


def _files(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"s{n:02}.txt").write_text(SCRAPE.format(n=f"x{n}"))
    return folder


def test_a_duplicate_imported_later_is_found_by_its_path(tmp_path: Path) -> None:
    """The same text saved again under another name, in a later import: the
    article's document gets the new path (it kept only the first before)."""
    folder = _files(tmp_path / "in", 2)
    with Archive(tmp_path / "d") as archive:
        for _ in archive.import_paths([folder], ImportReport()):
            pass
        (folder / "z-copy.txt").write_text(SCRAPE.format(n="x0"))
        report = ImportReport()
        for _ in archive.import_paths([folder], report):
            pass
        assert report.duplicates == 1
        assert archive.search("path:copy").total == 1
