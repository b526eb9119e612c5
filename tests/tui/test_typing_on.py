"""A key that finds the same rows as the key before ("harb", then "harbo")
leaves the list and the preview as they are: measuring and painting them
again was most of such a key's time (bench_keys)."""

from __future__ import annotations

from reader.tui.widgets.article import ArticleView, BlockView
from reader.tui.widgets.results import ResultsList
from reader.tui.widgets.search_box import StatusLine
from tests.tui.conftest import settle


async def test_the_same_rows_are_not_made_again_and_the_preview_follows_the_query(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"harb")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        reader = app.screen.query_one(ArticleView)
        options, blocks, rendering = list(results.options), list(reader.query_children(BlockView)), reader._rendering
        assert len(options) == 2 and reader.page is not None and reader.page.query == "harb"
        await pilot.press("o")
        await settle(pilot)
        assert all(new is old for new, old in zip(results.options, options, strict=True))
        assert results.highlighted == 0
        # The preview counts as shown for "harbo" (Enter does not load it
        # again), and was not laid out again: the same words are highlighted.
        assert reader.page.query == "harbo" and reader.page.stored.id == results.hits[0].id
        assert reader._rendering is rendering
        assert list(reader.query_children(BlockView)) == blocks
        assert "2 articles" in str(app.screen.query_one(StatusLine).render())


async def test_the_same_rows_for_a_new_query_start_at_the_first(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"harb", "enter", "j")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        reader = app.screen.query_one(ArticleView)
        assert results.highlighted == 1 and reader.page is not None and reader.page.stored.id == results.hits[1].id
        await pilot.press("slash", "end", "o")  # the box selects its text when focused
        await settle(pilot)
        assert results.highlighted == 0
        assert reader.page.stored.id == results.hits[0].id and reader.page.query == "harbo"


async def test_rows_that_change_are_made_again(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sai")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        first = results.hits[0].id
        await pilot.press("d")  # "said": the same three articles in another order
        await settle(pilot)
        assert results.hits[0].id != first
        assert results.current_key == results.hits[0].id
        reader = app.screen.query_one(ArticleView)
        assert reader.page is not None and reader.page.stored.id == results.hits[0].id


async def test_a_new_lists_first_row_is_previewed_from_the_searchs_own_thread(make_app) -> None:  # type: ignore[no-untyped-def]
    """Loaded with the search, the first row's page is shown once the list has
    painted, without waiting for a second thread to be scheduled (each hop
    costs most on a loaded machine)."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        opened: list[str] = []
        opener = app.screen.opener
        open_in_thread = opener.open

        def counting(article_id, query):  # type: ignore[no-untyped-def]
            opened.append(article_id)
            return open_in_thread(article_id, query)

        opener.open = counting
        await pilot.press("slash", *"council")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        reader = app.screen.query_one(ArticleView)
        assert reader.page is not None and reader.page.stored.id == results.hits[0].id
        assert reader.page.query == "council" and reader.hit_count > 0
        assert opened == []
        await pilot.press("enter", "j")  # a row the cursor moves to is loaded as before
        await settle(pilot)
        assert opened == [results.hits[1].id] and reader.page.stored.id == results.hits[1].id
