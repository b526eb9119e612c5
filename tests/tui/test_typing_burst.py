"""Keys that arrive together, as a terminal delivers them to an app that was
busy (just started, painting a preview): found in tmux on the real archive,
where the letters typed after / went to the results list's keys."""

from __future__ import annotations

from textual import events

from reader.tui.screens.main import MainScreen, SearchBox
from tests.tui.conftest import settle, to_results


async def test_letters_typed_right_after_slash_go_into_the_search_box(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # Posted at once, not pressed one by one: pilot.press waits for each
        # key to be handled, a busy app's terminal does not. "e" is the entity
        # browser's key, "r" read/unread and "f" folds on the results list.
        for key in ["slash", *"ferry"]:
            app.post_message(events.Key(key, "/" if key == "slash" else key))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        box = app.screen.query_one(SearchBox)
        assert box.value == "ferry"
        assert app.focused is box


async def test_slash_in_the_search_box_is_typed(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"a", "slash", *"b")
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == "a/b"


async def test_words_typed_right_after_q_go_into_the_quote_filter(make_app) -> None:  # type: ignore[no-untyped-def]
    """Q then a speaker's name in one burst: the name was lost (seen in tmux on
    the real archive), the box empty while the browser listed every quote."""
    from reader.tui.screens.browsers import QuoteBrowser

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        for key in ["Q", *"lind"]:
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert isinstance(app.screen, QuoteBrowser)
        assert app.screen.query_one("#quote-filter").value == "lind"


async def test_a_capital_q_in_a_box_is_typed(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.main import MainScreen

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"Qatar")  # into the search box the app opens in
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(SearchBox).value == "Qatar"
        await pilot.press("escape", "Q", *"Qu")  # the quote browser, and Q in its filter box
        await settle(pilot)
        assert app.screen.query_one("#quote-filter").value == "Qu"


async def test_a_path_typed_right_after_i_goes_into_the_import_box(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.import_screen import ImportScreen

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        for key in ["i", "slash", *"srv"]:
            app.post_message(events.Key(key, "/" if key == "slash" else key))
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        assert app.screen.query_one("#import-path").value == "/srv"  # the folder it offered, replaced


async def test_i_and_q_over_help_stay_helps(make_app) -> None:  # type: ignore[no-untyped-def]
    """Acted on as they arrive, i and Q reached past help (a modal screen) and
    opened their screens over it; help keeps them, and the palette still runs them."""
    from reader.tui.screens.help import HelpScreen
    from reader.tui.screens.import_screen import ImportScreen

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("question_mark", "i", "Q")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+p", *"Import")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
