"""The results list makes the rows in view first: the search makes their
snippets only, and the rows below get theirs as the cursor comes to them."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.config import Config
from reader.model import SnippetPart
from reader.tui.widgets.results import ResultsList
from tests.conftest import run_import
from tests.tui.conftest import settle

PLACES = "alder birch cedar dunmore elmwood fenwick garth holm inver jura kells".split()


def _many_ferries(tmp_path: Path, n: int = 33) -> Path:
    src = tmp_path / "saved"
    src.mkdir()
    for i in range(n):
        place = f"{PLACES[i % len(PLACES)]}{i}"
        (src / f"notice-{i}.txt").write_text(
            f"Timetable notice number {i}\n\nThe ferry to {place} sails an hour later from Monday, "
            f"the operator said. Passengers for {place} should check the board.\n",
            encoding="utf-8",
        )
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, src)
    return root


async def test_rows_below_the_view_get_their_snippets_when_the_cursor_reaches_them(tmp_path: Path) -> None:
    from reader.tui.app import NewsReaderApp

    app = NewsReaderApp(_many_ferries(tmp_path), config=Config(), save_config=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        archive = app.screen.archive
        asked: list[int | None] = []
        real = archive.search

        def recording(text, **kwargs):  # type: ignore[no-untyped-def]
            asked.append(kwargs.get("snippets"))
            return real(text, **kwargs)

        archive.search = recording  # type: ignore[method-assign]
        await pilot.press("slash", *"ferry", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert len(results.hits) == 33
        # The search made the snippets of the rows a 20-line terminal shows, not of all 33.
        assert asked and asked[-1] is not None and asked[-1] < 12
        assert results.option_count < 33
        assert "ferry to" in results.row_text(0)
        await pilot.press("G")  # to the last row: every row is made, its snippet asked for
        await settle(pilot)
        assert results.option_count == 33 and results.highlighted == 32
        for n in (20, 32):
            place = results.hits[n].snippet_text.split("ferry to ")[1].split()[0]
            assert f"ferry to {place}" in results.row_text(n)
        assert "…" not in results.row_text(32).replace("ferry to", "")


async def test_rows_made_as_the_cursor_walks_down(tmp_path: Path) -> None:
    from reader.tui.app import NewsReaderApp

    app = NewsReaderApp(_many_ferries(tmp_path), config=Config(), save_config=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ferry", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        for _ in range(32):
            await pilot.press("j")
        await settle(pilot)
        assert results.highlighted == 32 and results.option_count == 33
        assert all("ferry to" in results.row_text(n) for n in range(33))


async def test_snippets_made_for_an_older_list_are_not_drawn_in_a_newer_one(tmp_path: Path) -> None:
    from reader.tui.app import NewsReaderApp

    app = NewsReaderApp(_many_ferries(tmp_path), config=Config(), save_config=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ferry", "enter")
        await settle(pilot)
        runner = app.screen.search  # type: ignore[attr-defined]
        older = runner.last_result
        await pilot.press("slash", *" operator", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        last = results.hits[-1]
        assert last.id in results._unsnipped  # noqa: SLF001 - below the view, not reached
        stale = (SnippetPart("made for the older list", True),)
        runner._show_snippets(older, {last.id: stale})  # noqa: SLF001 - an answer arriving late
        assert results.hits[-1] == last
