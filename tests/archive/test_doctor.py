"""newsreader doctor: finds disagreements between store and index, and repairs them."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.archive import Archive
from reader.archive.doctor import examine
from reader.archive.index import whoosh_index as ixmod
from tests.conftest import run_import


def test_healthy_archive(archive, fixtures_dir: Path) -> None:
    run_import(archive, fixtures_dir)
    report = examine(archive)
    assert report.healthy and all(f.ok for f in report.findings)


def test_missing_and_orphaned_index_entries_are_found_and_repaired(archive, fixtures_dir: Path) -> None:
    run_import(archive, fixtures_dir)
    ids = sorted(archive.store.all_ids())
    ixmod.apply(archive.index(), [], [ids[0]])  # the index lost one article
    orphan = next(iter(archive.store.get_many([ids[1]]).values()))
    with archive.store.transaction():
        archive.store.db.execute("DELETE FROM articles WHERE id = ?", (orphan.id,))  # the store lost one, unqueued
    report = examine(archive)
    assert not report.healthy
    failed = {f.check for f in report.findings if not f.ok}
    assert failed == {"every article indexed", "no orphans in the index"}
    repaired = examine(archive, repair=True)
    assert repaired.healthy
    assert examine(archive).healthy and all(f.ok for f in examine(archive).findings)
    assert ixmod.index_ids(archive.index()) == archive.store.all_ids()


def test_unreadable_index_is_rebuilt(tmp_path: Path, fixtures_dir: Path) -> None:
    with Archive(tmp_path / "d") as archive:
        run_import(archive, fixtures_dir)
    for toc in (tmp_path / "d" / "index").glob("*.toc"):
        toc.write_bytes(b"garbage")
    with Archive(tmp_path / "d") as archive:
        report = examine(archive, repair=True)
        assert report.healthy
        assert {f.check for f in report.findings if f.repaired} == {"index opens"}
        assert archive.search("Abertay").total == 1


def test_a_writer_holding_the_index_lock_is_reported(archive, fixtures_dir: Path) -> None:
    import fcntl

    run_import(archive, fixtures_dir)
    lock = archive.index_dir / "articles_WRITELOCK"
    with lock.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # what another process's Whoosh writer does
        report = examine(archive)
        assert [f.check for f in report.findings if not f.ok] == ["index write lock free"]
    assert examine(archive).healthy


def test_cli_doctor_exit_codes(tmp_path: Path, fixtures_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.cli import main

    data = str(tmp_path / "d")
    main(["--data-dir", data, "import", str(fixtures_dir)])
    assert main(["--data-dir", data, "doctor"]) == 0
    shutil.rmtree(tmp_path / "d" / "index")
    capsys.readouterr()
    assert main(["--data-dir", data, "doctor"]) == 1
    assert "index opens" in capsys.readouterr().out
    assert main(["--data-dir", data, "doctor", "--repair"]) == 0
    assert main(["--data-dir", data, "doctor"]) == 0


def test_an_empty_store_file_is_reported_never_taken_for_a_new_archive(
    tmp_path: Path, fixtures_dir: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from reader.archive.store.database import StoreError
    from reader.cli import main

    data = tmp_path / "d"
    with Archive(data) as archive:
        run_import(archive, fixtures_dir)
        documents = ixmod.open_index(archive.index_dir).doc_count()
    for leftover in data.glob("store.sqlite3-*"):
        leftover.unlink()
    (data / "store.sqlite3").write_bytes(b"")  # truncated by a disk or a careless command
    with pytest.raises(StoreError, match="empty"):
        Archive(data)
    for command in (["doctor", "--repair"], ["stats"], ["search", "harbour"], []):  # [] is the app
        assert main(["--data-dir", str(data), *command]) == 1
        err = capsys.readouterr().err
        assert "store.sqlite3 is empty (0 bytes)" in err and "Traceback" not in err
    assert (data / "store.sqlite3").stat().st_size == 0  # reported, not replaced
    assert ixmod.open_index(data / "index").doc_count() == documents == 3


def test_repair_never_empties_the_index_because_the_store_has_none_of_its_articles(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    data = tmp_path / "d"
    with Archive(data) as archive:
        run_import(archive, fixtures_dir)
    for store_file in data.glob("store.sqlite3*"):
        store_file.unlink()  # the store is lost; a new, empty one is made on open
    with Archive(data) as archive:
        report = examine(archive, repair=True)
        assert not report.healthy
        [orphans] = [f for f in report.findings if f.check == "no orphans in the index"]
        assert not orphans.repaired and "not removed" in orphans.detail
        assert len(ixmod.index_ids(archive.index())) == 3


def test_a_store_whose_creation_was_interrupted_leaves_no_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from reader.archive.store import database as storemod

    def fail(self) -> None:  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # as if the process stopped while writing the schema

    monkeypatch.setattr(storemod.Store, "_migrate", fail)
    with pytest.raises(KeyboardInterrupt):
        storemod.Store(tmp_path / "store.sqlite3")
    assert list(tmp_path.iterdir()) == []  # no empty store.sqlite3 to be refused later


def test_plain_doctor_reports_the_queue_and_writes_nothing(archive, fixtures_dir: Path) -> None:
    run_import(archive, fixtures_dir)
    some = sorted(archive.store.all_ids())[0]
    ixmod.apply(archive.index(), [], [some])  # the index lost it; the store queued it again
    with archive.store.transaction():
        archive.store.index_queue.add(some)
    with Archive(archive.root) as fresh:  # a new process's view: nothing opened yet
        report = examine(fresh)
        failed = {f.check: f.detail for f in report.findings if not f.ok}
        assert not report.healthy
        assert failed["index queue empty"] == "1 change waiting"
        assert failed["every article indexed"] == "1 missing from the index (1 of them queued)"
        assert fresh.store.index_queue.ids() == [some]  # reported, not replayed
        assert some not in ixmod.index_ids(ixmod.open_index(fresh.index_dir))
        assert examine(fresh, repair=True).healthy
        assert fresh.store.index_queue.ids() == [] and some in ixmod.index_ids(ixmod.open_index(fresh.index_dir))


def _zero_inside_segment(index_dir: Path, fraction: float) -> None:
    segment = next(index_dir.glob("*.seg"))
    data = bytearray(segment.read_bytes())
    start = int(len(data) * fraction)
    data[start : start + 4000] = bytes(4000)
    segment.write_bytes(bytes(data))


def test_damaged_postings_are_found_and_rebuilt(tmp_path: Path) -> None:
    from tests.bench.corpus import write_corpus

    write_corpus(tmp_path / "corpus", 60)
    with Archive(tmp_path / "d") as archive:
        run_import(archive, tmp_path / "corpus")
    _zero_inside_segment(tmp_path / "d" / "index", 0.3)
    with Archive(tmp_path / "d") as archive:
        report = examine(archive)
        [bad] = [f for f in report.findings if not f.ok]
        # Postings in the postings file, or a term's few inlined in the term table.
        assert bad.check == "index postings readable" and "searches meeting them fail" in bad.detail
        repaired = examine(archive, repair=True)
        assert repaired.healthy and [f.check for f in repaired.findings if f.repaired] == ["index postings readable"]
        assert examine(archive).healthy
        assert archive.search("storm").total > 0
