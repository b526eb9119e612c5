"""A key on "the current article" typed right behind a query acts on that
query's list, however slow its search: seen on the real archive, where a query,
Enter and t in one burst tagged the first row of the list shown before."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle
from tests.tui.test_dialog_bursts import burst, typed

# One word of each fixture article's title, found in no other title.
TITLE_WORDS = {"Kalmar": "Fishermen", "sauna": "Tallinn", "Tay": "River Tay"}
SEARCH_TAKES_S = 0.6  # longer than the burst takes to arrive: its keys come while the search runs


def slow_searches(app) -> threading.Event:  # type: ignore[no-untyped-def]
    """Make every search of a query take SEARCH_TAKES_S (a large archive on a
    loaded machine), so the keys of a burst arrive while it runs; set the
    event returned to make them quick again."""
    search, quick = app.archive.search, threading.Event()

    def slow(text, *args, **kwargs):  # type: ignore[no-untyped-def]
        if text.strip():
            quick.wait(SEARCH_TAKES_S)
        return search(text, *args, **kwargs)

    app.archive.search = slow
    return quick


async def _query_then(app, pilot, *keys: str) -> tuple[str, str, list[str]]:  # type: ignore[no-untyped-def]
    """From the settled first screen: a query for another article than the
    first row, Enter and `keys` in one burst. (first row's id, the query's
    article's, every article's)"""
    await settle(pilot)
    results = app.screen.query_one(ResultsList)
    first = results.current_hit
    word = next(w for w, title in TITLE_WORDS.items() if not first.title.startswith(title))
    wanted = next(h for h in results.hits if h.title.startswith(TITLE_WORDS[word]))
    every = [h.id for h in results.hits]
    quick = slow_searches(app)
    burst(app, *typed(word.lower()), "enter", *keys)
    await settle(pilot)
    quick.set()
    return first.id, wanted.id, every


@pytest.mark.parametrize("key", ["s", "r"])
async def test_star_and_read_behind_a_query_act_on_its_first_row(make_app, filled_dir: Path, key: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        first, wanted, ids = await _query_then(app, pilot, key)
    with Archive(filled_dir) as archive:
        stored = [archive.get(i) for i in ids]
        marked = {a.id for a in stored if a and (a.starred if key == "s" else a.is_read)}
    assert marked == {wanted}, f"{key} marked {marked}, the list before's first row was {first}"


async def test_tags_behind_a_query_go_on_its_first_row(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        first, wanted, ids = await _query_then(app, pilot, "t", *"burst", "enter")
    with Archive(filled_dir) as archive:
        stored = [archive.get(i) for i in ids]
        tagged = {a.id for a in stored if a and a.tags}
    assert tagged == {wanted}
