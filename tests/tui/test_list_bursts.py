"""Keys typed right behind a key that opens a list (E, T, L, v) move that list
once it is filled: in tmux on the real archive, E then j j j left the cursor
on the first row (the j's came while the list was loading, and were lost)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.config import Config
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.listing import KeyList
from reader.tui.widgets.results import ResultsList
from tests.archive.test_stories import _write_versions
from tests.conftest import FIXTURES, run_import
from tests.tui.conftest import opened_list, settle, to_results
from tests.tui.test_dialog_bursts import burst

LOADING_TAKES_S = 0.3  # a list of a large archive: the keys behind its key arrive while it loads
LOADERS = {"E": "entities", "T": "timeline", "L": "saved_searches", "v": "story"}
MOVES = ("j", "j", "G", "k")


def _slow(app, name: str) -> None:  # type: ignore[no-untyped-def]
    loader = getattr(app.archive, name)

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(LOADING_TAKES_S)
        return loader(*args, **kwargs)

    setattr(app.archive, name, slow)


def _archive(tmp_path: Path) -> Path:
    """Our fixtures, a story in three versions (for v), three saved searches
    (for L) and a town in the news in three years (for an entity's timeline)."""
    _write_versions(tmp_path / "saved")
    for year in (2019, 2021):
        (tmp_path / "saved" / f"kalmar-{year}.md").write_text(
            f"---\ntitle: Kalmar council meets in {year}\ndate: {year}-05-02\n---\n\n"
            f"The council of Kalmar met on Tuesday. The ferry to Kalmar runs again in {year}, officials said.\n",
            encoding="utf-8",
        )
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, FIXTURES, tmp_path / "saved")
        for name, query in (("harbour", "harbour"), ("ferry", "ferry"), ("sauna", "sauna")):
            archive.save_search(name, query)
    return root


@pytest.mark.parametrize("key", list(LOADERS))
async def test_keys_right_behind_a_lists_key_move_the_list(tmp_path: Path, key: str) -> None:
    from reader.tui.app import NewsReaderApp

    app = NewsReaderApp(_archive(tmp_path), config=Config(), save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        if key == "v":  # an article of the story open
            await pilot.press(*"dispute", "enter")
            await settle(pilot)
            results = app.screen.query_one(ResultsList)
            results.highlighted = next(n for n, h in enumerate(results.hits) if h.versions == 3)
            await pilot.press("enter")
            await settle(pilot)
        # Where the moves put the cursor, pressed one by one in the filled list.
        listing = await opened_list(pilot, key)
        assert listing.option_count > 2
        start = listing.highlighted
        await pilot.press(*MOVES)
        expected = listing.highlighted
        assert expected != start
        await pilot.press("escape")
        await to_results(pilot)
        assert isinstance(app.screen, MainScreen)
        _slow(app, LOADERS[key])
        burst(app, key, *MOVES)
        await settle(pilot)
        assert app.screen.query_one(KeyList).highlighted == expected


async def test_keys_right_behind_t_in_the_entity_browser_move_its_timeline(tmp_path: Path) -> None:
    from reader.tui.app import NewsReaderApp
    from reader.tui.screens.browsers import EntityBrowser
    from reader.tui.screens.timeline import TimelineScreen

    app = NewsReaderApp(_archive(tmp_path), config=Config(), save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        browser = await opened_list(pilot, "E")
        browser.highlighted = browser.keys.index("Kalmar")  # in the news in three years
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        listing = app.screen.query_one(KeyList)
        start = listing.highlighted
        await pilot.press("G")
        expected = listing.highlighted
        assert expected != start
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, EntityBrowser)
        _slow(app, "timeline")
        burst(app, "T", "G")
        await settle(pilot)
        assert app.screen.query_one(KeyList).highlighted == expected
