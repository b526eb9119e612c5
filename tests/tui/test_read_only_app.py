"""The app on a read-only archive (a read-only folder or mount): it opens, says
so once, searches and shows articles; a change the reader asks for is refused
with a note and the app goes on (a star took the app down with ArchiveReadOnly);
read marks and positions are not kept there. The archive is opened read-only
as a read-only folder makes it (tests/archive/test_read_only.py makes a real
one for the CLI), so this runs wherever the tests run."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from reader.archive.store import database as storemod
from reader.tui.read_only import NOTE
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle


async def test_reading_works_and_changes_are_refused_with_a_note(
    make_app, filled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    store = filled_dir / "store.sqlite3"
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    monkeypatch.setattr(storemod, "writable_here", lambda path: False)  # as os.access says in a read-only folder
    app = make_app(save_config=False)
    said: list[str] = []
    real_notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (said.append(str(message)), real_notify(message, **kw)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.archive.read_only and said.count(NOTE) == 1
        assert len(app.screen.query_one(ResultsList).hits) == 3
        await pilot.press("enter")  # open the first article
        await settle(pilot)
        assert app.screen.query_one(ArticleView).page is not None
        for key in ("s", "r", "t", "h", "ctrl+s", "i"):  # star, read, tags, highlight, save search, import
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running and isinstance(app.screen, MainScreen), key
        assert said.count(NOTE) == 7  # the note at start, then one per refused change
        await pilot.press("escape", "slash", *"harbour", "enter")  # leaving the article keeps no position
        await settle(pilot)
        assert app.is_running and len(app.screen.query_one(ResultsList).hits) >= 1
    assert not (filled_dir / "store.sqlite3-wal").exists()  # nothing written beside it either
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        assert {row[0] for row in db.execute("SELECT starred + is_read + read_position FROM articles")} == {0}
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before
