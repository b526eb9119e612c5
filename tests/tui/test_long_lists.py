"""The entity and quote browsers' lists make only the rows in view and a page
more: OptionList measures every row it is given, and filling the quote browser
with 300 wrapped quotes was most of a Q on the real archive."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from reader.tui.widgets.listing import LongList, Row, hanging

ROWS = 300


def _rows() -> list[Row]:
    rows = []
    for n in range(ROWS):
        body = Text(f"speaker {n}: " + "words said at length " * (1 + n % 4))
        body.append(f"\narticle {n}", style="dim")
        rows.append(Row(str(n), hanging("• ", body)))
    return rows


class _Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield LongList(id="rows")


async def test_a_long_list_makes_the_rows_in_view_and_the_rest_as_the_cursor_comes() -> None:
    app = _Lists()
    async with app.run_test(size=(60, 12)) as pilot:
        rows = app.query_one(LongList)
        rows.focus()
        rows.fill(_rows())
        await pilot.pause()
        made = rows.option_count
        assert 0 < made < ROWS // 4  # two views' worth, not all 300
        assert rows.key_at(ROWS - 1) == str(ROWS - 1)  # every row's key is known
        for _ in range(made + 2):  # j past the last row made goes on
            await pilot.press("j")
        await pilot.pause()
        assert rows.highlighted == made + 2
        assert rows.current_key == str(made + 2)
        await pilot.press("G")
        await pilot.pause()
        assert rows.option_count == ROWS
        assert rows.current_key == str(ROWS - 1)
        assert "article 299" in rows.row_text(ROWS - 1)


async def test_a_long_list_refilled_keeps_a_row_past_the_first_made() -> None:
    app = _Lists()
    async with app.run_test(size=(60, 12)) as pilot:
        rows = app.query_one(LongList)
        rows.fill(_rows())
        await pilot.pause()
        rows.fill(_rows(), keep="250")
        await pilot.pause()
        assert rows.current_key == "250"
        assert rows.row_text(250).startswith("• speaker 250")
        await pilot.press("pagedown")
        rows.focus()
        await pilot.press("pagedown")
        await pilot.pause()
        assert int(rows.current_key or 0) > 250
