"""A new query's list starts at its best hit: the cursor no longer follows an
article from the list before (typing "ukraine" on a real archive left it on the
third row, which the preview showed and Enter opened)."""

from __future__ import annotations

from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle, to_results


async def test_a_new_query_puts_the_cursor_on_its_first_hit(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        results = app.screen.query_one(ResultsList)
        await pilot.press("G")  # the oldest article, last of the newest-first list
        await settle(pilot)
        oldest = results.hits[-1].id
        assert results.highlighted == len(results.hits) - 1
        await pilot.press("slash", *"said")
        await settle(pilot)
        assert len(results.hits) > 1 and results.hits[0].id != oldest and oldest in [h.id for h in results.hits]
        assert results.highlighted == 0
        reader = app.screen.query_one(ArticleView)
        assert reader.page is not None and reader.page.stored.id == results.hits[0].id
        await pilot.press("enter", "enter")  # to the results, open the row under the cursor
        await settle(pilot)
        assert reader.page.stored.id == results.hits[0].id


async def test_the_same_query_run_again_keeps_the_cursor(make_app) -> None:  # type: ignore[no-untyped-def]
    # A refresh (an import from another shell, a reindex) keeps the reader's place.
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        results = app.screen.query_one(ResultsList)
        await pilot.press("G")
        await settle(pilot)
        app.screen.refresh_results()
        await settle(pilot)
        assert results.highlighted == len(results.hits) - 1
