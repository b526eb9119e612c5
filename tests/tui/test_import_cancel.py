"""Stopping an import from the app: Cancel keeps what was imported and says so;
quitting does the same without a word; Escape does not hide a running import."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.archive import Archive
from tests.tui.conftest import settle, to_results

FILES = 20
HELD_AT = 6  # the import waits inside this file until the test has pressed its keys


@pytest.fixture
def held_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A folder whose import stops inside its sixth file until `gate` is set."""
    from reader.archive import importer
    from tests.bench.corpus import write_corpus

    write_corpus(tmp_path / "corpus", FILES, kb=1.0)
    gate, reached = threading.Event(), threading.Event()
    started: list[str] = []
    original = importer.import_file

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(str(args[1]))
        if len(started) == HELD_AT:
            reached.set()
            gate.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(importer, "import_file", held)
    return tmp_path / "corpus", gate, reached


async def _start(pilot, folder: Path, reached: threading.Event) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    from reader.tui.screens.import_screen import ImportScreen

    await to_results(pilot)
    await pilot.press("i")
    assert isinstance(pilot.app.screen, ImportScreen)
    pilot.app.screen.query_one("#import-path").value = str(folder)
    await pilot.press("enter")
    assert await asyncio.to_thread(reached.wait, 30)


async def test_cancel_stops_the_import_and_keeps_what_it_imported(make_app, filled_dir: Path, held_import) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.main import MainScreen
    from reader.tui.widgets.results import ResultsList

    folder, gate, reached = held_import
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await _start(pilot, folder, reached)
        screen = app.screen
        assert not screen.query_one("#import-cancel").disabled  # a visible Cancel while it runs
        await pilot.press("escape")
        assert app.screen is screen  # not hidden while it runs
        await pilot.press("ctrl+c")
        gate.set()
        await settle(pilot)
        assert screen.report is not None and screen.report.added == HELD_AT
        said = str(screen.query_one("#import-current").render())
        assert said.startswith(f"Cancelled. Kept the {HELD_AT} articles")
        assert screen.query_one("#import-cancel").disabled
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert len(app.screen.query_one(ResultsList).hits) == 3 + HELD_AT
    with Archive(filled_dir) as archive:
        assert archive.store.count() == 3 + HELD_AT
        assert archive.search("*").total == 3 + HELD_AT  # indexed too


async def test_quitting_mid_import_keeps_what_it_imported_quietly(make_app, filled_dir: Path, held_import) -> None:  # type: ignore[no-untyped-def]
    folder, gate, reached = held_import
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await _start(pilot, folder, reached)
        threading.Timer(0.5, gate.set).start()  # the file being read finishes while the app quits
        await pilot.press("q")
    assert app.return_code == 0
    with Archive(filled_dir) as archive:
        assert archive.store.count() == 3 + HELD_AT
