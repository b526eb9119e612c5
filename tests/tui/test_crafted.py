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
from tests.tui.conftest import settle, to_results


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
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 1 and listing.get_option_at_index(0).disabled  # no period: why there is none
        assert "0 dated articles, 3 undated" in str(app.screen.query_one("#timeline-title").render())
        for key in "dwy":
            await pilot.press(key)
            await settle(pilot)
        assert app.is_running and isinstance(app.screen, TimelineScreen)


async def test_o_pages_the_source_cleaned_and_without_raw_control(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import contextlib
    import subprocess

    from reader.config import Config
    from reader.tui.app import NewsReaderApp
    from tests.conftest import run_import

    src = tmp_path / "src"
    src.mkdir()
    (src / "quay.txt").write_text(
        "Harbour board votes on the quay\n\nThe harbour board voted to rebuild the \x1b[31mnorth quay\x1b[0m, "
        "said \x1b]8;;http://evil.example\x07the minutes\x1b]8;;\x07, before the winter storms arrive.\n",
        encoding="utf-8",
    )
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, src)
    paged: list[tuple[list[str], str]] = []

    def pager(args: list[str]) -> int:
        paged.append((args, Path(args[-1]).read_text(encoding="utf-8")))
        return 0

    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.setattr(subprocess, "call", pager)
    app = NewsReaderApp(root, config=Config())
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # no terminal to hand over in a test
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("o")
        await settle(pilot)
    [(args, shown)] = paged
    assert args[:-1] == ["less"]  # no -R: the pager shows control characters, never sends them
    assert "rebuild the north quay, said the minutes" in shown
    assert "\x1b" not in shown and "\x07" not in shown and "evil.example" not in shown
    assert not Path(args[-1]).exists()  # the cleaned copy is removed after the pager
