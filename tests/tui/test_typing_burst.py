"""Keys that arrive together, as a terminal delivers them to an app that was
busy (just started, painting a preview): found in tmux on the real archive,
where the letters typed after / went to the results list's keys."""

from __future__ import annotations

from textual import events

from reader.tui.screens.main import MainScreen, SearchBox
from tests.tui.conftest import settle


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
