"""ctrl+u clears the search wherever a search can be typed: in the box, and from the results and the reader."""

from __future__ import annotations

import pytest

from reader.tui.screens.main import SearchBox
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle, to_results


async def _searched(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *"abertay", "enter")
    await settle(pilot)
    assert len(app.screen.query_one(ResultsList).hits) == 1


@pytest.mark.parametrize("where", ["results", "reader"])
async def test_ctrl_u_clears_the_search_from_the_results_and_the_reader(make_app, where) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _searched(app, pilot)
        if where == "reader":
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.focused, ArticleView)
        await pilot.press("ctrl+u")
        await settle(pilot)
        box = app.screen.query_one(SearchBox)
        assert box.value == ""
        assert len(app.screen.query_one(ResultsList).hits) == 3  # every article again
        assert app.focused is box  # ready for the next search
        assert app.screen.query_one(ResultsList).display  # at 80 columns: the results pane, not the reader
        await pilot.press(*"ferry")
        assert box.value == "ferry"


async def test_ctrl_u_in_the_box_clears_the_whole_query(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"river tay", "left", "left", "left", "ctrl+u")
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == ""
        assert len(app.screen.query_one(ResultsList).hits) == 3


async def test_ctrl_u_clears_the_quote_browsers_filter_from_its_list_too(make_app) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from reader.tui.widgets.listing import KeyList

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(pilot)
        await pilot.press("Q")
        await settle(pilot)
        every = app.screen.query_one(KeyList).option_count
        await pilot.press(*"zzqq", "enter")  # words no quote has; Enter: to the list
        await settle(pilot)
        assert isinstance(app.focused, KeyList) and app.screen.query_one(KeyList).option_count < every
        await pilot.press("ctrl+u")
        await settle(pilot)
        box = app.screen.query_one(Input)
        assert box.value == "" and app.focused is box
        assert app.screen.query_one(KeyList).option_count == every
