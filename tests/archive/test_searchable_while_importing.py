"""An import writes what it has stored to the index in steps: found by other
readers before the import ends, never twice, and all of it at the end."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.archive.importer import ImportReport
from reader.archive.index import whoosh_index as ixmod

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


def test_what_is_stored_is_found_by_another_reader_before_the_import_ends(tmp_path: Path) -> None:
    folder = _files(tmp_path / "in", 8)
    found_during: list[int] = []
    with Archive(tmp_path / "d") as importing, Archive(tmp_path / "d") as reading:
        report = ImportReport()
        steps = importing.import_paths([folder], report, index_every_s=0, batch_size=3)
        for step in steps:
            # A step follows each store commit (every 3 files) before the
            # progress of that file is yielded.
            if step.outcome == "added" and step.done in (3, 6):
                found_during.append(reading.search("ferry", limit=20).total)
                assert report.added == step.done < 8  # the import is still going
        assert found_during == [3, 6]
        assert reading.search("ferry", limit=20).total == 8
        assert ixmod.index_ids(importing.index()) == importing.store.all_ids()
        assert importing.store.index_queue.ids() == []


def test_no_step_before_its_time_and_everything_at_the_end(tmp_path: Path) -> None:
    folder = _files(tmp_path / "in", 7)
    with Archive(tmp_path / "d") as importing, Archive(tmp_path / "d") as reading:
        steps = importing.import_paths([folder], ImportReport(), index_every_s=1e9, batch_size=3)
        during = [reading.search("ferry", limit=20).total for step in steps if step.outcome == "added"]
        assert set(during) == {0}  # the store committed twice, the interval never passed
        assert reading.search("ferry", limit=20).total == 7


def test_an_article_changed_after_its_step_is_indexed_again_once(tmp_path: Path) -> None:
    """A second file with the same text (a duplicate) adds a path to an article
    already indexed in an earlier step: the next step rewrites that document,
    it never adds a second one."""
    folder = _files(tmp_path / "in", 4)
    (folder / "z-copy.txt").write_text(SCRAPE.format(n="x0"))  # the same text as s00.txt, stored last
    with Archive(tmp_path / "d") as archive:
        report = ImportReport()
        for _ in archive.import_paths([folder], report, index_every_s=0, batch_size=2):
            pass
        assert (report.added, report.duplicates) == (4, 1)
        assert archive.search("ferry", limit=20).total == 4
        hits = archive.search("path:copy", limit=20).hits
        assert [h.title for h in hits] == [archive.search('"service x0"').hits[0].title]
        with archive.index().searcher() as searcher:
            assert searcher.doc_count() == 4


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


def test_another_process_s_commit_is_seen_from_the_archives_opening(tmp_path: Path) -> None:
    """changed_elsewhere took its first reading on its first call: an import
    that another process committed before then (the app's first check comes
    WATCH_EVERY_S after it starts) was never seen, and the app's list stayed
    as it was. The reading is taken when the archive opens."""
    folder = _files(tmp_path / "in", 2)
    with Archive(tmp_path / "d") as watching:
        with Archive(tmp_path / "d") as importing:
            for _ in importing.import_paths([folder], ImportReport()):
                pass
        assert watching.changed_elsewhere()
        assert not watching.changed_elsewhere()
