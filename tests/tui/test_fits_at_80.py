"""At 80 columns what the main screen says fits: the search box's placeholder
and the status line shorten sensibly instead of being cut mid-word."""

from __future__ import annotations

import pytest

from reader.model import SearchFilters
from reader.tui.screens.main import SearchBox, StatusLine
from reader.tui.widgets.search_box import PLACEHOLDERS, fitted
from tests.tui.conftest import settle, to_results


def shown(widget) -> str:  # type: ignore[no-untyped-def]
    """The widget's text as painted on the screen, line by line."""
    lines = widget.render_lines(widget.region.reset_offset)
    return "\n".join("".join(segment.text for segment in line).rstrip() for line in lines)


async def test_the_placeholder_fits_at_80_and_is_whole_at_160(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(SearchBox)
        assert box.value == "" and box.placeholder != PLACEHOLDERS[0]  # shortened where it is narrow
        assert box.placeholder[1:].strip() in shown(box)  # whole (the cursor on its first cell)
        for size in ((80, 24), (160, 45)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert box.placeholder == PLACEHOLDERS[0] and PLACEHOLDERS[0][1:] in shown(box)


async def test_the_placeholder_does_not_ask_for_the_key_of_the_box_it_is_in(make_app) -> None:  # type: ignore[no-untyped-def]
    """The app opens in the search box: "(press / to type)" there told a
    newcomer to press a key that, in the box, is not needed."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(SearchBox)
        assert app.focused is box
        assert all("press" not in p and "(/" not in p for p in PLACEHOLDERS)


async def test_the_status_line_keeps_whole_parts_at_80(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.search.filters = SearchFilters(date_from="2022", date_to="2022-12", site="Tayside Echo", unread=True)
        screen.search_for("ferry")
        await settle(pilot)
        status = screen.query_one(StatusLine)
        painted = shown(status).strip()
        assert "filters" in status.full_text and len(status.full_text) > 78  # too long for one line at 80
        assert "…" not in painted and painted.startswith("1 article")
        assert "filters: dates 2022 to 2022-12, site Tayside Echo, unread" in painted  # whole, not cut
        assert "(F" in painted  # the key that changes the filters is still named
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        assert shown(status).strip() == status.full_text


async def test_a_query_of_stop_words_says_why_nothing_was_found(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"and of ")
        await settle(pilot)
        painted = shown(app.screen.query_one(StatusLine)).strip()
        assert painted.startswith("0 articles · “and”, “of”")
        assert "too common to search; add a rarer word" in painted and "…" not in painted


def test_the_last_parts_shorten_first() -> None:
    parts = ("5 articles", ("filters: site Example (F to change)", "filters on (F)"), ("12 ms", ""))
    assert fitted(parts, 80) == "5 articles · filters: site Example (F to change) · 12 ms"
    assert fitted(parts, 48) == "5 articles · filters: site Example (F to change)"
    assert fitted(parts, 30) == "5 articles · filters on (F)"


async def test_the_import_screens_buttons_keep_their_edges_at_80(make_app) -> None:  # type: ignore[no-untyped-def]
    from rich.cells import cell_len
    from textual.widgets import Button

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        for button in app.screen.query(Button):
            # its label, a cell of padding each side and its two edges; inside the screen's padding
            assert button.region.width >= cell_len(str(button.label)) + 4, (button.label, button.region)
            assert button.region.right <= 78, (button.label, button.region)


@pytest.mark.parametrize("width", [80, 110, 120, 135, 160])
async def test_the_footers_keys_stop_before_the_palettes_at_any_width(make_app, width) -> None:  # type: ignore[no-untyped-def]
    """From 100 columns the footer showed every key, and in the reader ("n Next
    hit" first) at 120 columns Quit, Help and Import ran under "^p palette"."""
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(width, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the reader: its footer has the most keys
        await settle(pilot)
        keys = list(app.screen.query(FooterKey))
        palette = next(k for k in keys if k.has_class("-command-palette"))
        shown = [k for k in keys if k is not palette]
        assert "help" in {k.action for k in shown}
        assert all(k.region.width > 0 and k.region.right <= palette.region.x for k in shown), [
            (k.description, k.region) for k in shown
        ]
    if width >= 160:
        assert "quit" in {k.action for k in shown}  # a wide terminal keeps them all


async def test_a_long_import_summary_scrolls_within_the_screen_at_80x24(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Fifteen failed files at 80x24: the summary ran past the footer, out of reach."""
    from reader.tui.screens.import_screen import ImportScreen

    bad = tmp_path / "bad"
    bad.mkdir()
    for n in range(15):
        (bad / f"empty{n:02}.txt").write_text("")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(pilot)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path").value = str(bad)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        box = screen.query_one("#import-summary-box")
        assert box.region.height >= 4 and box.region.bottom <= 23  # above the footer
        box.focus()
        await pilot.press("end")
        await pilot.pause()
        assert box.max_scroll_y > 0 and box.scroll_y == box.max_scroll_y
        assert "empty14.txt:" in app.export_screenshot()  # the last failure, on the screen
