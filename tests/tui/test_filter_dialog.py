"""The filter dialog (F) on a short terminal: its buttons within reach."""

from __future__ import annotations

from reader.tui.screens.filters import FilterDialog
from tests.tui.conftest import settle, to_results


async def test_the_buttons_are_reached_at_80x24(make_app) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 the dialog was cut below its checkboxes: Apply and Clear all
    were off the screen, and Tab to them showed nothing."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(pilot)
        await pilot.press("F")
        await pilot.pause()
        screen = app.screen
        button = screen.query_one("#f-clear")
        button.focus()
        await settle(pilot)
        dialog = screen.query_one("#filter-dialog")
        assert dialog.region.contains_region(button.region)  # scrolled to, not cut off
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FilterDialog)

