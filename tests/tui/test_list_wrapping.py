"""A list's rows keep every line once its scrollbar appears: their heights were
measured at the width before it, and a row that then wrapped once more lost its
last line (the quote browser showed a quote without its article at 160 columns)."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from reader.tui.widgets.listing import KeyList, Row, hanging

WIDTH = 60


def _row(n: int, words: str) -> Row:
    body = Text(words)
    body.append(f"\narticle {n}", style="dim")
    return Row(str(n), hanging("• ", body))


class _Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield KeyList(id="rows")


async def test_a_row_that_wraps_only_beside_the_scrollbar_keeps_its_last_line() -> None:
    app = _Lists()
    async with app.run_test(size=(WIDTH, 12)) as pilot:
        rows = app.query_one(KeyList)
        await pilot.pause()
        # Rows a few characters either side of the width where the scrollbar makes
        # them wrap once more: each must still show its last line.
        for length in range(WIDTH - 10, WIDTH - 2):
            words = ("word " * 20)[: length - 1].rstrip() + "s"
            rows.fill([_row(0, words), *(_row(n, "short") for n in range(1, 30))])
            await pilot.pause()
            await pilot.pause()
            assert rows.show_vertical_scrollbar
            shown = [rows.render_line(y).text for y in range(4)]
            assert any("article 0" in line for line in shown), (length, shown)
