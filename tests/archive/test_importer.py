"""Import: formats, encodings, duplicates, re-import, changes, failure isolation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.archive.import_report import summary_lines
from reader.archive.importer import ImportReport, discover
from tests.conftest import make_unreadable, run_import

SCRAPE = (
    "Home\n\nRiver ferry service returns after a long pause on the estuary\n\n"
    "The passenger ferry crossed the estuary on Friday for the first time in years, "
    "carrying forty people and two bicycles.\n\n"
    "Organisers said the service would sail six times a day until September.\n"
)


def test_import_each_format(archive, fixtures_dir: Path) -> None:
    report = run_import(archive, fixtures_dir)
    assert report.added == 3 and report.failed == 0
    titles = {h.title for h in archive.search("", limit=10).hits}
    assert "Tallinn opens its first floating sauna district" in titles
    assert "River Tay ferry returns after forty years" in titles


def test_second_import_adds_nothing(archive, fixtures_dir: Path) -> None:
    run_import(archive, fixtures_dir)
    again = run_import(archive, fixtures_dir)
    assert (again.added, again.updated, again.unchanged, again.failed) == (0, 0, 3, 0)
    assert archive.store.count() == 3


def test_touched_file_with_same_bytes_is_unchanged(archive, articles_dir: Path) -> None:
    run_import(archive, articles_dir)
    path = articles_dir / "clipping.md"
    os.utime(path, (1_000_000, 1_000_000))
    again = run_import(archive, articles_dir)
    assert again.unchanged == 3 and again.updated == 0


def hit_title(archive) -> str:  # type: ignore[no-untyped-def]
    [hit] = archive.search("ferry").hits
    return str(hit.title)


def test_a_duplicate_is_named_by_the_title_the_archive_holds_it_under(archive, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SCRAPE)
    (tmp_path / "b.txt").write_text(SCRAPE.replace("River ferry service returns", "Ferry back on the estuary"))
    report = run_import(archive, tmp_path)
    assert report.added == 1 and report.duplicates == 1
    [(path, title)] = report.repeats
    assert Path(path).name == "b.txt" and title == hit_title(archive)  # a.txt's headline, not b.txt's


def test_same_text_in_two_files_is_one_article_with_two_paths(archive, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SCRAPE)
    (tmp_path / "b.txt").write_text(SCRAPE.replace("Home", "Menu"))  # other chrome, same article
    report = run_import(archive, tmp_path)
    assert report.added == 1 and report.duplicates == 1
    [(path, title)] = report.repeats
    assert Path(path).name == "b.txt" and title == hit_title(archive)
    [line] = [line for kind, line in summary_lines(report, str(tmp_path)) if kind == "duplicate"]
    assert line == f"b.txt: the same article as “{title}”, in the archive already"
    [hit] = archive.search("ferry").hits
    assert sorted(Path(p).name for p in hit.paths) == ["a.txt", "b.txt"]


def test_changed_file_updates_its_article_and_keeps_state(archive, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(SCRAPE)
    run_import(archive, path)
    [hit] = archive.search("ferry").hits
    archive.set_starred(hit.id, True)
    path.write_text(SCRAPE + "\nA second crossing is planned for the weekend festival.\n")
    report = run_import(archive, path)
    assert report.updated == 1 and report.added == 0
    stored = archive.get(hit.id)
    assert stored is not None and stored.starred
    assert "weekend festival" in stored.article.body
    assert [h.id for h in archive.search("festival").hits] == [hit.id]


def test_encodings_are_detected(archive, tmp_path: Path) -> None:
    text = SCRAPE.replace("Friday", "Friday – “a great day” for Gdańsk’s café")
    (tmp_path / "cp1252.txt").write_bytes(text.replace("Gdańsk", "Lyon").encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.replace("estuary", "river").encode("utf-16"))
    report = run_import(archive, tmp_path)
    assert report.added == 2, report.failures
    assert archive.search("Gdansk").total == 1  # accent folding too
    assert archive.search("Lyon").total == 1


def test_one_bad_file_does_not_stop_the_rest(archive, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(SCRAPE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.html").write_bytes(os.urandom(4096).replace(b"<", b"x") + b"\x00" * 10)
    (tmp_path / "bad.md").write_text("---\ntitle: [oops\n---\nBody\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    report = run_import(archive, tmp_path)
    assert report.added == 1
    assert report.skipped == 1
    reasons = {Path(p).name: r for p, r in report.failures}
    assert set(reasons) == {"empty.txt", "binary.html", "bad.md"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.html"]
    assert "YAML" in reasons["bad.md"]


def test_unreadable_file_is_reported(archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(SCRAPE)
    make_unreadable(path, monkeypatch)
    report = run_import(archive, tmp_path)
    assert report.failures and "permission" in report.failures[0][1]


def test_the_archive_itself_is_never_imported(archive, tmp_path: Path) -> None:
    # The archive lives in tmp_path/"data" here: importing tmp_path must pass it over.
    (tmp_path / "story.txt").write_text(SCRAPE)
    (archive.root / "stray.txt").write_text(SCRAPE.replace("forty", "fifty"))
    report = run_import(archive, tmp_path)
    assert (report.added, report.skipped, report.failed) == (1, 0, 0)


def test_missing_path_is_reported(archive, tmp_path: Path) -> None:
    report = run_import(archive, tmp_path / "nope")
    assert report.failures == [(str(tmp_path / "nope"), "no such file or folder")]


def test_symlink_loop_ends_and_files_count_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(SCRAPE)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "again.txt").symlink_to(tmp_path / "a" / "x.txt")
    found = discover([tmp_path])
    assert [Path(p).name for p in found.files] == ["x.txt"]


def test_interrupted_import_keeps_committed_batches(archive, tmp_path: Path) -> None:
    from reader.archive import importer

    for n in range(5):
        (tmp_path / f"s{n}.txt").write_text(SCRAPE.replace("forty", f"{n} hundred"))
    report = ImportReport()
    archive.index()
    steps = importer.import_paths(
        archive.store, [tmp_path], report, batch_size=2, on_batch=lambda final: archive.sync_index()
    )
    with archive.upkeep.writing():  # the importer runs under the archive lock
        for step in steps:
            if step.done == 3:
                steps.close()  # what Ctrl-C does to the generator
                break
    assert archive.store.count() == 3
    assert archive.search("ferry", limit=10).total == 3
    rest = run_import(archive, tmp_path)
    assert rest.added == 2 and rest.unchanged == 3


def test_import_reports_progress(archive, fixtures_dir: Path) -> None:
    report = ImportReport()
    steps = list(archive.import_paths([fixtures_dir], report))
    assert [s.done for s in steps] == [1, 2, 3]
    assert all(s.total == 3 for s in steps)


def test_paragraphs_a_site_repeats_are_marked_boilerplate(archive, tmp_path: Path) -> None:
    plug = "Sign up for the Harbour Weekly briefing to get our best coastal stories every Friday morning."
    # Three different stories of one site (not versions of one: those would
    # not count), each carrying the site's plug.
    stories = {
        "Whitby": "The Whitby lifeboat crew rescued two kayakers who were swept past the pier on Sunday.",
        "Scarborough": "Scarborough's new sea wall was opened by the mayor after three years of building work.",
        "Bridlington": "Fishermen in Bridlington landed the biggest lobster catch of the season on Friday.",
    }
    for town, lead in stories.items():
        (tmp_path / f"{town}.txt").write_text(
            f"{town} news of the week from the coast\n\n{lead}\n\n{plug}\n\nThe {town} harbour office said tides were normal.\n"
        )
    run_import(archive, tmp_path)
    [hit] = archive.search("Whitby").hits
    stored = archive.get(hit.id)
    marked = archive.boilerplate(hit.id)
    assert [stored.article.blocks[i].text for i in marked] == [plug]
    # Updating an article takes its old paragraphs out of the counts.
    (tmp_path / "Whitby.txt").write_text(
        "Whitby harbour dredged\n\nThe harbour at Whitby was dredged on Monday, "
        "the first time in ten years, to let larger boats in at low tide.\n"
    )
    run_import(archive, tmp_path)
    [other] = archive.search("Scarborough").hits
    assert archive.boilerplate(other.id) == frozenset()


def test_store_migrates_a_version_1_archive(tmp_path: Path) -> None:
    import sqlite3

    from reader.archive.store import database as storemod
    from reader.archive.store import tables

    db = sqlite3.connect(tmp_path / "old.sqlite3")
    db.executescript(tables.SCHEMA_V1 + "; INSERT INTO meta VALUES ('schema_version', '1');")
    db.commit()
    db.close()
    migrated = storemod.Store(tmp_path / "old.sqlite3")
    assert migrated.meta("schema_version") == str(tables.SCHEMA_VERSION)
    assert migrated.db.execute("SELECT count(*) FROM block_counts").fetchone()[0] == 0
    # The newest-first list is read from its index, not sorted row by row.
    plan = migrated.db.execute(f"EXPLAIN QUERY PLAN SELECT id FROM articles {storemod.NEWEST_FIRST} LIMIT 5").fetchall()
    assert "USING INDEX articles_newest" in " ".join(str(row[-1]) for row in plan)


def test_large_import_uses_workers_and_indexes_in_steps(archive, tmp_path: Path, monkeypatch) -> None:
    # Thresholds lowered so a small folder takes the large-import path: two
    # spawned analysis workers, the store committed in batches, and each index
    # step written by the import between its batches: what is stored is found
    # by another reader before the import ends.
    from reader.archive import Archive, importer
    from reader.archive.index import whoosh_index as ixmod
    from tests.bench.corpus import write_corpus

    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(importer, "TWO_WORKERS_MIN_FILES", 20)
    write_corpus(tmp_path / "corpus", 45, kb=1.5)
    report = ImportReport()
    found_during = 0
    steps = []
    with Archive(archive.root) as reading:
        for step in archive.import_paths([str(tmp_path / "corpus")], report, index_every_s=0, batch_size=10):
            steps.append(step)
            if step.done == 40:  # four batches committed, each indexed after its commit
                found_during = ixmod.open_index(archive.index_dir).doc_count()
        assert report.added == 45 and not report.failures
        assert 10 <= found_during <= 40
        assert [s.done for s in steps] == list(range(1, 46))  # five left at the end: indexed without a step shown
        assert archive.store.index_queue.ids() == []
        assert ixmod.index_ids(archive.index()) == archive.store.all_ids()
        assert reading.search("Kowalska OR Berg OR Lopes OR Reed", limit=50).total > 0


def test_a_long_last_step_shows_its_progress(archive, tmp_path: Path, monkeypatch) -> None:
    # Everything left for the end (the interval never passed): the index pass
    # is shown step by step, through the parallel writer past BULK_MIN_DOCS.
    from reader.archive import importer
    from reader.archive.index import import_steps
    from reader.archive.index import whoosh_index as ixmod
    from tests.bench.corpus import write_corpus

    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(ixmod, "BULK_MIN_DOCS", 20)
    monkeypatch.setattr(import_steps, "INDEX_STEP_PROGRESS", 20)
    write_corpus(tmp_path / "corpus", 45, kb=1.5)
    report = ImportReport()
    steps = list(archive.import_paths([str(tmp_path / "corpus")], report, index_every_s=1e9))
    assert report.added == 45 and not report.failures
    # After the files, the index, each step counted; the stories were made as
    # the files were stored, so no grouping step is left.
    indexing = [(s.path, s.done, s.total) for s in steps if s.outcome == "indexing"]
    assert steps[-len(indexing) :] == [s for s in steps if s.outcome == "indexing"]
    assert "stories" not in {stage for stage, _, _ in indexing}
    assert [i for i in indexing if i[0] == "index"][-1] == ("index", 45, 45)
    assert indexing[-2:] == [("finish", 0, 1), ("finish", 1, 1)]
    assert [s.stage_label for s in steps[-2:]] == ["Finishing the index"] * 2
    assert archive.store.index_queue.ids() == []
    assert ixmod.index_ids(archive.index()) == archive.store.all_ids()


def test_many_duplicates_from_one_file_name_it_once_with_titles() -> None:
    """An export of 29 articles the archive held: the summary said "e.g.
    export.json, export.json, export.json", the one file three times and no
    article; it names the file once and three of the articles."""
    report = ImportReport(duplicates=29, found=1)
    report.repeats = [("/data/export.json", f"Story {n}") for n in range(29)]
    [line] = [line for kind, line in summary_lines(report, "/data") if kind == "duplicate"]
    assert line == "29 articles of export.json were in the archive already (e.g. “Story 0”, “Story 1”, “Story 2”)"


def test_many_duplicates_name_each_file_once() -> None:
    report = ImportReport(duplicates=8, found=4)
    report.repeats = [(f"/data/{name}", f"Story {n}") for n, name in enumerate("aabbbccd")]
    [line] = [line for kind, line in summary_lines(report, "/data") if kind == "duplicate"]
    assert line == "8 articles were in the archive already (e.g. a, b, c)"
