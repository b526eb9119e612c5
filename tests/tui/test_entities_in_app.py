"""Entities and quotes in the app: the highlights and their toggles, the side
panel's searches, the entity and quote browsers, n over an entity's mentions."""

from __future__ import annotations

from reader.tui.screens.main import MainScreen, SearchBox
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import record_toasts, settle, to_results


async def test_entity_and_quote_highlights_toggle_and_panel_searches(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.widgets.side_panel import SidePanel

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kalmar", "enter", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        text = " ".join(str(b.render()) for b in reader.query(".block"))
        assert "— Annika Berg" in text  # the speaker after her quote
        await pilot.press("e")
        await settle(pilot)
        assert not reader.show_entities and app.config.show_entities is False
        await pilot.press("u")
        await settle(pilot)
        text = " ".join(str(b.render()) for b in reader.query(".block"))
        assert "— Annika Berg" not in text
        await pilot.press("e", "u", "p")
        await settle(pilot)
        panel = app.screen.query_one(SidePanel)
        assert panel.display and app.focused is panel
        people = [key for key in panel.keys if key.startswith("e:")]
        assert "e:Johan Lindqvist" in people
        panel.highlighted = panel.keys.index("e:Johan Lindqvist")
        await settle(pilot)
        assert reader.selected_entity == "Johan Lindqvist"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == 'entity:"Johan Lindqvist"'
        assert [h.title.split()[0] for h in app.screen.query_one(ResultsList).hits] == ["Fishermen"]


async def test_entity_and_quote_browsers(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.browsers import EntityBrowser, QuoteBrowser
    from reader.tui.widgets.listing import KeyList

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("E")
        assert isinstance(app.screen, EntityBrowser)
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        names = app.screen.query_one(KeyList).keys
        assert "Johan Lindqvist" in names and "Kalmar" not in names
        await pilot.press("escape", "Q")
        assert isinstance(app.screen, QuoteBrowser)
        await pilot.press(*"lindqvist")
        await settle(pilot)
        listing = app.screen.query_one(KeyList)
        assert listing.option_count >= 1
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(SearchBox).value.startswith("id:")
        assert len(app.screen.query_one(ResultsList).hits) == 1


async def test_n_walks_an_entitys_mentions_after_opening_it_from_the_browser(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    toasts = record_toasts(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.screen.search_for('entity:"Johan Lindqvist"')
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        await pilot.press("n")
        assert "No search terms in this article" not in toasts
        assert reader.hit_count >= 2 and len(reader.query(".-current-hit")) == 1
