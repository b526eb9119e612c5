"""Importing with the app open: the import screen and what it says of each
file, a folder big enough for the workers, articles another process imports,
an empty archive's first screen, an index rebuilt behind a progress screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import ProgressBar

from reader.archive import Archive
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle, status_text, to_results


async def test_import_screen_imports_and_summarises(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.import_screen import ImportScreen

    src = tmp_path / "new"
    src.mkdir()
    (src / "story.md").write_text(
        "---\ntitle: Lighthouse keeper retires after fifty winters\n---\n\nThe last keeper of the Skerry light retired on Sunday after fifty winters on the rock.\n"
    )
    (src / "broken.txt").write_text("")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        # No bar before an import: idle, it pulsed at "--%" as if one were running.
        bar = app.screen.query_one(ProgressBar)
        assert not bar.visible
        path_input = app.screen.query_one("#import-path")
        path_input.value = str(src)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert screen.report is not None and screen.report.added == 1 and screen.report.failed == 1
        assert bar.visible and bar.percentage == 1
        summary = str(screen.query_one("#import-summary").render())
        assert "broken.txt" in summary and "empty file" in summary
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert len(app.screen.query_one(ResultsList).hits) == 4


async def test_import_screen_names_skipped_files_with_the_reason(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.import_screen import ImportScreen
    from tests.ingest.pdf_maker import make_pdf

    src = tmp_path / "downloads"
    src.mkdir()
    (src / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (src / "scan.pdf").write_bytes(make_pdf([], image_pages=1))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("i")
        app.screen.query_one("#import-path").value = str(src)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportScreen) and screen.report is not None and screen.report.skipped == 2
        summary = str(screen.query_one("#import-summary").render())
        assert "budget.xlsx: unsupported format: .xlsx" in summary and "scan.pdf: scanned PDF, no text" in summary
        assert "Nothing new" not in summary


async def test_a_large_folder_imports_from_the_app(make_app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A folder big enough for the analysis workers and the parallel index writer.

    Those start processes, and multiprocessing's resource tracker passes its
    stderr's file descriptor to the first one; inside the app stderr is
    Textual's capture, whose fileno() is -1, and the import stopped with
    'bad value(s) in fds_to_keep' (seen in a real terminal). The tracker is
    stopped here so this test starts it the way the app does.
    """
    from multiprocessing import resource_tracker

    from reader.archive import importer
    from reader.archive.index import import_steps
    from reader.archive.index import whoosh_index as ixmod
    from reader.tui.screens.import_screen import ImportScreen
    from tests.bench.corpus import write_corpus

    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(importer, "TWO_WORKERS_MIN_FILES", 10)
    monkeypatch.setattr(ixmod, "BULK_MIN_DOCS", 20)
    # The 30 files are one store batch, all left for the index at the end:
    # shown stage by stage from 20, through the parallel writer.
    monkeypatch.setattr(import_steps, "INDEX_STEP_PROGRESS", 20)
    write_corpus(tmp_path / "corpus", 30, kb=1.0)
    resource_tracker._resource_tracker._stop()  # noqa: SLF001
    shown: list[str] = []
    progress = ImportScreen._progress

    def recording(screen, step, report):  # type: ignore[no-untyped-def]
        progress(screen, step, report)
        shown.append(str(screen.query_one("#import-phase").render()))

    monkeypatch.setattr(ImportScreen, "_progress", recording)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#import-path").value = str(tmp_path / "corpus")
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen.report
        summary = str(app.screen.query_one("#import-summary").render())
        assert report is not None and report.added == 30 and not report.failures, summary
    # Each stage of the index pass was shown, however quickly it came.
    # Which step, what is done and what is left (the index pass counts only what is not yet searchable).
    reading = [re.fullmatch(r"Reading files: (\d+) of 30 done, (\d+) left", line) for line in shown]
    assert any(m and int(m[1]) + int(m[2]) == 30 for m in reading), shown
    assert "Files read. Indexing the 30 articles not yet searchable: 30 done, 0 left" in shown
    assert "Files read and indexed. Finishing the index…" in shown


@pytest.mark.parametrize(
    ("spoil", "why"),
    [
        ("missing", "is missing"),
        # An upgrade that changes the index's schema rebuilds it: the person is told
        # the index is old, not that it is damaged.
        ("older", "was made by an older version of newsreader"),
    ],
)
async def test_an_unusable_index_is_rebuilt_behind_a_progress_screen_that_says_why(  # type: ignore[no-untyped-def]
    make_app, filled_dir: Path, monkeypatch, spoil: str, why: str
) -> None:
    import shutil

    from textual.widgets import Label

    from reader.tui.screens.rebuild import RebuildScreen

    shown: list[tuple[int, int]] = []
    said: list[str] = []
    original = RebuildScreen.progress

    def record(self, done: int, total: int) -> None:  # type: ignore[no-untyped-def]
        shown.append((done, total))
        said.append(str(self.query(Label).first().render()))
        original(self, done, total)

    monkeypatch.setattr(RebuildScreen, "progress", record)
    if spoil == "missing":
        shutil.rmtree(filled_dir / "index")
    else:
        (filled_dir / "index" / "SCHEMA").write_text("0\n")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        for worker in list(app.workers):
            if worker.group == "reindex":
                await worker.wait()
        await settle(pilot)
        assert shown and shown[-1] == (3, 3)  # the progress screen saw the whole rebuild
        assert f"The search index {why}:" in said[0] and ("damaged" in why) == ("damaged" in said[0])
        assert not isinstance(app.screen, RebuildScreen)
        assert len(app.screen.query_one(ResultsList).hits) == 3


async def test_articles_imported_by_another_process_appear(make_app, filled_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    from reader.tui.screens import main as main_screen

    main_screen.WATCH_EVERY_S = 0.2
    src = tmp_path / "more"
    src.mkdir()
    (src / "new.md").write_text(
        "---\ntitle: Lighthouse keeper retires\n---\n\nThe keeper of the Skerry light retired on Sunday.\n"
    )
    app = make_app()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert len(app.screen.query_one(ResultsList).hits) == 3
            done = subprocess.run(
                [sys.executable, "-P", "-m", "reader", "--data-dir", str(filled_dir), "import", str(src)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 0, done.stderr
            for _ in range(50):
                await pilot.pause(0.1)
                if len(app.screen.query_one(ResultsList).hits) == 4:
                    break
            assert len(app.screen.query_one(ResultsList).hits) == 4
    finally:
        main_screen.WATCH_EVERY_S = 2.0


async def test_an_empty_archive_opens_on_a_first_screen_that_says_how_to_import(tmp_path: Path) -> None:
    from reader.config import Config
    from reader.tui.app import NewsReaderApp
    from tests.conftest import FIXTURES, run_import

    root = tmp_path / "archive"
    app = NewsReaderApp(root, config=Config(), save_config=False)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        welcome = app.screen.query_one("#welcome")
        assert welcome.display and not app.screen.query_one(ResultsList).display
        said = str(welcome.render())
        assert "Press i to import" in said and "newsreader import" in said and "newsreader --demo" in said
        assert "0 articles" not in status_text(app)
        await pilot.press("tab")  # no pane to switch to: the first screen stays
        assert welcome.display
        with Archive(root) as archive:  # an import from a shell meanwhile
            run_import(archive, FIXTURES)
        app.screen.refresh_results()
        await settle(pilot)
        assert not welcome.display and len(app.screen.query_one(ResultsList).hits) == 3
