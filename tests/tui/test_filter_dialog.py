"""The filter dialog (F) on a short terminal and with odd input: its buttons
within reach, typed text shown as typed."""

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


async def test_a_date_with_brackets_is_shown_as_typed(make_app) -> None:  # type: ignore[no-untyped-def]
    """The typed date went into the message as markup: '[/b]' stopped the app."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("F", *"[/b]", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FilterDialog)
        assert "Not a date: [/b]" in str(app.screen.query_one("#f-error").render())
