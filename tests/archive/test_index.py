"""The index follows the store, and the store alone can rebuild it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import query

from reader.archive import Archive
from reader.archive.index import whoosh_index as ixmod
from tests.archive.damaged_index import damage_postings
from tests.conftest import run_import


def test_store_and_index_agree_after_import(archive, fixtures_dir: Path) -> None:
    run_import(archive, fixtures_dir)
    assert ixmod.index_ids(archive.index()) == archive.store.all_ids()


def test_deleting_the_index_loses_nothing(tmp_path: Path, fixtures_dir: Path) -> None:
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
        ids = archive.store.all_ids()
    shutil.rmtree(tmp_path / "d" / "index")
    with Archive(tmp_path / "d") as archive:
        assert archive.search("sauna").total == 1
        assert ixmod.index_ids(archive.index()) == ids


def test_damaged_index_is_rebuilt(tmp_path: Path, fixtures_dir: Path) -> None:
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
    for segment in (tmp_path / "d" / "index").glob("*.seg"):
        segment.write_bytes(b"garbage")
    for toc in (tmp_path / "d" / "index").glob("*.toc"):
        toc.write_bytes(b"garbage")
    with Archive(tmp_path / "d") as archive:
        assert archive.search("Abertay").total == 1


def test_reindex_rebuilds_from_store(archive, fixtures_dir: Path) -> None:
    run_import(archive, fixtures_dir)
    assert archive.reindex() == 3
    assert archive.search("Kalmar").total == 1


def test_queued_changes_are_replayed_on_open(tmp_path: Path, fixtures_dir: Path) -> None:
    """A writer that died after the store commit but before the index commit."""
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
        [hit] = archive.search("sauna").hits
        with archive.store.transaction():
            archive.store.delete_article(hit.id)
    with Archive(tmp_path / "d") as archive:
        assert archive.search("sauna").total == 0
        assert archive.store.index_queue.ids() == []


def test_stale_whoosh_lock_is_cleared(tmp_path: Path, fixtures_dir: Path) -> None:
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
    (tmp_path / "d" / "index" / "articles_WRITELOCK").write_text("")
    with Archive(tmp_path / "d") as archive:
        report = run_import(archive, fixtures_dir / "clipping.md")
        assert report.failed == 0
        archive.set_tags(archive.search("sauna").hits[0].id, ["baltic"])
        assert archive.search("tag:baltic").total == 1


def test_second_writer_is_told_the_archive_is_busy(tmp_path: Path, fixtures_dir: Path) -> None:
    import pytest

    from reader.archive import ArchiveBusy
    from reader.archive.importer import ImportReport

    with Archive(tmp_path / "d") as first, Archive(tmp_path / "d") as second:
        steps = first.import_paths([fixtures_dir], ImportReport())
        next(steps)
        with pytest.raises(ArchiveBusy, match="busy"):
            list(second.import_paths([fixtures_dir], ImportReport()))
        list(steps)


def test_a_reader_keeps_searching_while_another_archive_writes(tmp_path: Path, fixtures_dir: Path) -> None:
    """Whoosh's Searcher.refresh() fails ('NoneType' is not iterable) when a
    searcher opened on an empty index refreshes after another writer committed;
    found by tests/bench/stress (readers started before the first batch)."""
    from reader.archive.importer import ImportReport

    with Archive(tmp_path / "d") as writer_side:
        writer_side.index()  # created, still empty
        with Archive(tmp_path / "d") as reader_side:
            assert reader_side.search("sauna").total == 0  # a searcher on the empty index
            run_import(writer_side, fixtures_dir / "clipping.md")
            assert reader_side.search("sauna").total == 1
            more = tmp_path / "more"
            more.mkdir()
            for n in range(3):
                (more / f"n{n}.md").write_text(
                    f"---\ntitle: Note {n}\n---\n\nThe harbour note number {n} about saunas.\n"
                )
                for _ in writer_side.import_paths([more / f"n{n}.md"], ImportReport()):
                    pass
            assert reader_side.search("sauna").total == 4


def test_index_of_an_older_schema_is_rebuilt_on_open(tmp_path: Path, fixtures_dir: Path) -> None:
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
        ids = archive.store.all_ids()
    (tmp_path / "d" / "index" / "SCHEMA").write_text("4\n")
    with Archive(tmp_path / "d") as archive:
        assert archive.search("sauna").total == 1
        assert ixmod.index_ids(archive.index()) == ids
    assert (tmp_path / "d" / "index" / "SCHEMA").read_text().strip() == ixmod.SCHEMA_VERSION


def _index_of_schema_5(directory: Path, archive: Archive) -> None:
    """The index as schema 5 wrote it: the same fields, the body stored in it."""
    schema = ixmod.build_schema()
    schema["body"].stored = True
    shutil.rmtree(directory)
    directory.mkdir()
    ix = ixmod._storage(directory).create_index(schema, indexname=ixmod.INDEX_NAME)
    with ix.writer() as w:
        for stored in archive.store.iter_articles():
            w.add_document(**ixmod.document(stored))
    (directory / "SCHEMA").write_text("5\n")


def test_an_index_that_stores_the_body_is_rebuilt_without_it(tmp_path: Path, fixtures_dir: Path) -> None:
    """Schema 6 keeps no copy of the text in the index: an archive indexed
    before is rebuilt on open, and its snippets come from the store."""
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
        ids = archive.store.all_ids()
        _index_of_schema_5(archive.index_dir, archive)
    with Archive(tmp_path / "d") as archive:
        hit = archive.search("Abertay").hits[0]
        assert any(p.match and p.text == "Abertay" for p in hit.snippet)
        ix = archive.index()
        assert ixmod.index_ids(ix) == ids
        assert ix.schema.stored_names() == ["id"]
        with ix.searcher() as searcher:
            assert set(searcher.stored_fields(0)) == {"id"}
    assert (tmp_path / "d" / "index" / "SCHEMA").read_text().strip() == ixmod.SCHEMA_VERSION


def _index_of_schema_6(directory: Path, archive: Archive) -> None:
    """The index as schema 6 wrote it: a field's values (entity names) joined
    with " | ", which the analyzer drops, so their words were adjacent."""
    shutil.rmtree(directory)
    directory.mkdir()
    ix = ixmod._storage(directory).create_index(ixmod.build_schema(), indexname=ixmod.INDEX_NAME)
    with ix.writer() as w:
        for stored in archive.store.iter_articles():
            fields = ixmod.document(stored)
            w.add_document(**{k: v.replace("\x1f", " | ") if isinstance(v, str) else v for k, v in fields.items()})
    (directory / "SCHEMA").write_text("6\n")


def test_an_index_whose_names_run_together_is_rebuilt_with_them_apart(tmp_path: Path, fixtures_dir: Path) -> None:
    """Schema 7 keeps the names of an entity field apart: an archive indexed
    before, where entity:"Tallinn Mihhail" ran across two names, is rebuilt on open."""
    across, name = 'entity:"Tallinn Mihhail"', 'entity:"Mihhail Kask"'
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
        assert archive.search(across).total == 0 and archive.search(name).total == 1
        _index_of_schema_6(archive.index_dir, archive)
        old = ixmod._storage(archive.index_dir).open_index(ixmod.INDEX_NAME)
        with old.searcher() as searcher:  # what schema 6 found: the phrase across the two names
            assert len(searcher.search(query.Phrase("entity", ["tallinn", "mihhail"]))) == 1
    with Archive(tmp_path / "d") as archive:
        assert archive.search(across).total == 0
        assert archive.search(name).total == 1
    assert (tmp_path / "d" / "index" / "SCHEMA").read_text().strip() == ixmod.SCHEMA_VERSION


def test_text_is_indexed_once() -> None:
    """spelling=True would index title and body a second time, unstemmed (2.6x the writer's time)."""
    names = ixmod.build_schema().names()
    assert not [name for name in names if name.startswith("spell_")]


def test_a_changed_file_replaces_its_document_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    page = folder / "ferry.txt"
    page.write_text("Ferry service resumes\n\nThe harbour ferry ran again on Monday after a week of storms.\n")
    (folder / "tram.txt").write_text("Tram line opens\n\nThe first tram reached the harbour on Sunday morning.\n")
    with Archive(tmp_path / "d") as archive:
        run_import(archive, folder)
        page.write_text("Ferry service resumes\n\nThe harbour ferry ran again on Tuesday after a week of storms.\n")
        run_import(archive, folder)
        with archive.index().searcher() as searcher:
            assert searcher.doc_count() == archive.store.count() == 2
        assert archive.search("tuesday").total == 1
        assert archive.search("monday").total == 0


@pytest.fixture
def damaged_postings(tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """The fixtures' archive with damaged postings (tests/archive/damaged_index.py),
    and how many articles "ferry" found before the damage."""
    data = tmp_path / "d"
    with Archive(data) as archive:
        run_import(archive, fixtures_dir)
        ferry = archive.search("ferry").total
    damage_postings(data, monkeypatch)
    return data, ferry


def test_a_search_through_damaged_postings_says_so_and_reindex_repairs_it(damaged_postings: tuple[Path, int]) -> None:
    from reader.archive.index.whoosh_index import IndexDamaged

    data, expected = damaged_postings
    with Archive(data) as archive:
        with pytest.raises(IndexDamaged, match="reindex"):
            archive.search("ferry")
        archive.reindex()
        assert archive.search("ferry").total == expected


def test_the_cli_reports_a_damaged_index_without_a_traceback(damaged_postings: tuple[Path, int]) -> None:
    import subprocess
    import sys

    data, _ = damaged_postings
    newsreader = [sys.executable, "-P", "-m", "reader", "--data-dir", str(data)]
    done = subprocess.run([*newsreader, "search", "ferry"], capture_output=True, text=True)
    assert done.returncode == 1
    assert "search index could not be read" in done.stderr and "newsreader reindex" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_index_deleted_while_the_archive_is_open_is_rebuilt_on_the_next_search(tmp_path: Path) -> None:
    from tests.conftest import FIXTURES

    with Archive(tmp_path / "d") as archive:
        run_import(archive, FIXTURES)
        found = archive.search("harbour").total
        assert found > 0
        shutil.rmtree(archive.index_dir)  # what a user (or a cleaner) does while the app is open
        assert archive.search("harbour").total == found
        assert (archive.index_dir / "SCHEMA").exists()
