"""A long article's preview lays out what fills the pane; reading it lays out
the rest, and every key that goes past the first screen finds it there."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

from reader.archive import Archive
from reader.config import Config
from reader.tui.widgets.article import ArticleView, BlockView
from tests.conftest import run_import
from tests.tui.conftest import settle

PARAGRAPHS = 150


def _long_article(tmp_path: Path) -> Path:
    src = tmp_path / "saved"
    src.mkdir()
    body = "\n\n".join(
        f"Paragraph {n} of the harbour inquiry notes, read aloud to the council in session."
        for n in range(PARAGRAPHS - 1)
    )
    (src / "inquiry.txt").write_text(
        f"The harbour inquiry in full\n\n{body}\n\nLast of all the lighthouse keeper spoke.\n", encoding="utf-8"
    )
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, src)
    return root


async def test_a_long_preview_lays_out_a_screenful_and_reading_it_the_rest(tmp_path: Path) -> None:
    from reader.tui.app import NewsReaderApp

    app = NewsReaderApp(_long_article(tmp_path), config=Config(), save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"lighthouse", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        assert reader.page is not None and reader.hit_count == 1
        assert len(reader.query(BlockView)) < PARAGRAPHS / 2  # the preview: what fills the pane
        await pilot.press("tab")  # to the reader: it is being read
        await settle(pilot)
        assert len(reader.query(BlockView)) > PARAGRAPHS
        await pilot.press("G")
        await settle(pilot)
        assert reader.scroll_y == reader.max_scroll_y > 0
        assert "lighthouse keeper" in str(reader.query(BlockView).last().render())


async def test_n_in_a_long_preview_goes_to_a_hit_below_what_was_laid_out(tmp_path: Path) -> None:
    from reader.tui.app import NewsReaderApp

    app = NewsReaderApp(_long_article(tmp_path), config=Config(), save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"lighthouse", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        reader.focus()  # as a click would, without the layout that Tab starts first
        await pilot.press("n")
        await settle(pilot)
        current = reader.query(".-current-hit")
        assert len(current) == 1 and "lighthouse" in str(current.first().render())
        assert reader.scroll_y > 0


async def test_the_same_article_shown_again_for_a_new_query_has_no_current_hit_left(make_app) -> None:  # type: ignore[no-untyped-def]
    """Blocks that look the same are left alone when the preview is shown
    again (typing on often keeps the first hit); the n/N marker still goes."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"ferry", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        first = reader.page.stored.id if reader.page else None
        await pilot.press("tab", "n")
        await settle(pilot)
        assert len(reader.query(".-current-hit")) == 1
        await pilot.press("slash", "end", "backspace")  # "ferr": the same first hit, found again
        await settle(pilot)
        assert reader.page is not None and reader.page.query == "ferr" and reader.page.stored.id == first
        assert len(reader.query(".-current-hit")) == 0


async def test_a_preview_of_long_paragraphs_lays_out_what_fills_the_pane_and_a_page_more(tmp_path: Path) -> None:
    """Not a piece per line of the pane: 31 of a news article's paragraphs
    were laid out for the 9 in view, on every key that changed the first hit."""
    from reader.tui.app import NewsReaderApp

    src = tmp_path / "saved"
    src.mkdir()
    sentence = "The harbour council heard the inquiry's notes on the ferry crossing read aloud once more. "
    body = "\n\n".join(f"Paragraph {n}. " + sentence * 5 for n in range(60))
    (src / "long.txt").write_text(f"The harbour inquiry in long paragraphs\n\n{body}\n", encoding="utf-8")
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, src)
    app = NewsReaderApp(root, config=Config(), save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"inquiry", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        assert reader.page is not None
        laid_out = len(reader.query(BlockView))
        assert laid_out < 24
        assert reader.virtual_size.height >= 2 * reader.size.height  # the pane and a page more
        await pilot.press("tab")  # read: the rest is laid out
        await settle(pilot)
        assert len(reader.query(BlockView)) > 60


async def test_a_layout_superseded_before_it_starts_leaves_no_coroutine_unawaited(tmp_path: Path) -> None:
    """A key that lays the article out again (e, u, f) while the rest of a
    preview waits to be laid out cancels that work before it starts; its
    coroutine, made at once, was then never awaited and Python warned so
    ("coroutine 'ArticleView._mount_later' was never awaited", and the same
    of _render_blocks when one layout supersedes another)."""
    from reader.tui.app import NewsReaderApp

    app = NewsReaderApp(_long_article(tmp_path), config=Config(), save_config=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("slash", *"lighthouse", "enter")
            await settle(pilot)
            reader = app.screen.query_one(ArticleView)
            reader.show_whole()  # the rest of the preview, queued …
            reader.set_highlights(entities=True)  # … and superseded in the same turn
            reader.set_highlights(quotes=True)
            await settle(pilot)
            assert len(reader.query(BlockView)) > 0
        gc.collect()
    unawaited = [str(w.message) for w in caught if "never awaited" in str(w.message)]
    assert unawaited == []
