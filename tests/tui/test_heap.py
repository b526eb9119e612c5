"""The app started as `newsreader` sets start-up's objects aside from the
garbage collector once its first screen is up (reader/tui/heap.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reader.tui import heap
from tests.tui.conftest import settle


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector as the test found it, afterwards: freezing is for the whole process."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


async def test_the_app_freezes_what_start_up_made(make_app, collector) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settle_heap=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() > 10_000  # modules, classes, the first screen
        assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD


async def test_an_app_made_for_tests_leaves_the_collector_alone(make_app, collector) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() == 0
