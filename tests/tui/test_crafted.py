"""Crafted values in the store (from an archive imported before they were
checked) must not crash the app: a block kind that is no class name, dates a
timeline cannot count."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import OptionList

from reader.archive import Archive
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle


def _craft(root: Path) -> None:
    with Archive(root) as archive, archive.store.transaction():
        db = archive.store.db
        for n, (aid, blocks) in enumerate(db.execute("SELECT id, blocks FROM articles ORDER BY id").fetchall()):
            crafted = [{**b, "kind": "<b>" if i % 2 else "x y"} for i, b in enumerate(json.loads(blocks))]
            published = ("9999-12-31T00:00:00+00:00", "0001-01-01T00:00:00+00:00", None)[n % 3]
            db.execute(
                "UPDATE articles SET blocks = ?, published = ? WHERE id = ?", (json.dumps(crafted), published, aid)
            )


async def test_crafted_block_kinds_and_dates_open_and_chart(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.timeline import TimelineScreen

    _craft(filled_dir)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert len(results.hits) == 3
        for _ in range(3):
            await pilot.press("enter")  # open the article
            await settle(pilot)
            reader = app.screen.query_one(ArticleView)
            views = list(reader.query(".block"))
            assert views and all(v.has_class("-paragraph") for v in views)
            await pilot.press("tab", "j")  # back to the results, the next one
            await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.query_one(OptionList).option_count == 0
        assert "0 dated articles, 3 undated" in str(app.screen.query_one("#timeline-title").render())
        for key in "dwy":
            await pilot.press(key)
            await settle(pilot)
        assert app.is_running and isinstance(app.screen, TimelineScreen)
