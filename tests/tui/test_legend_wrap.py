"""The reader's legend breaks between its entries, never inside one: with the
side panel open at 160 columns the reading column is ~53 wide, and the legend
wrapped mid-phrase ("plain: type" / "unsure"; app15's report)."""

from __future__ import annotations

import pytest

from reader.tui.widgets.article import ArticleView, BlockView
from tests.tui.conftest import settle

ENTRIES = ("■ person", "■ place", "■ org", "■ group", "plain: type unsure", "“speech”", "‘term’")


def _legend_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    reader = app.screen.query_one(ArticleView)
    legend = next(v for v in reader.query(BlockView) if v.has_class("legend"))
    return [legend.render_line(y).text.strip() for y in range(legend.size.height)]


@pytest.mark.parametrize("size", [(160, 45), (140, 40), (120, 36)])
async def test_the_legend_breaks_between_entries_with_the_side_panel_open(make_app, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kalmar", "enter", "enter")
        await settle(pilot)
        whole = " ".join(_legend_lines(app))
        assert all(entry in whole for entry in ENTRIES)
        await pilot.press("p")  # the side panel: a narrower reading column
        await settle(pilot)
        lines = _legend_lines(app)
        assert len(lines) > 1  # it does wrap with the panel open
        for entry in ENTRIES:
            assert any(entry in line for line in lines), (entry, lines)
        await pilot.press("p")  # and back: one line again where it fits
        await settle(pilot)
        for entry in ENTRIES:
            assert any(entry in line for line in _legend_lines(app)), entry
