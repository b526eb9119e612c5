"""A list whose worker fails (the archive unreadable meanwhile: a disk error, a
damaged index, a query the index refuses) says so in the list and lets the
keys typed behind its key go on: the app stopped with a WorkerFailed traceback,
and the keys behind E, T, L or v waited for a list that never came."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.config import Config
from reader.tui.screens.list_screen import ListScreen
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.listing import KeyList
from tests.tui.conftest import settle, to_results
from tests.tui.test_dialog_bursts import burst
from tests.tui.test_list_bursts import _archive

LOADERS = {"E": "entities", "Q": "quotes", "T": "timeline", "L": "saved_searches"}


@pytest.mark.parametrize("key", list(LOADERS))
async def test_a_list_that_cannot_be_read_says_why_and_the_keys_behind_go_on(tmp_path: Path, key: str) -> None:
    from reader.tui.app import NewsReaderApp

    app = NewsReaderApp(_archive(tmp_path), config=Config(), save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)

        def broken(*args: object, **kwargs: object) -> None:
            raise sqlite3.OperationalError("disk I/O error")

        setattr(app.archive, LOADERS[key], broken)
        burst(app, key, "j")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ListScreen)
        assert screen._filled.is_set()  # the keys behind it did not wait for a list that never came
        listing = screen.query_one(KeyList)
        assert "disk I/O error" in listing.row_text(0)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, MainScreen)
