"""App fixtures: an archive filled from our fixtures, and an app over it."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

from reader.config import Config
from reader.tui.widgets.listing import KeyList
from tests.conftest import FIXTURES


@pytest.fixture
def filled_dir(tmp_path: Path) -> Path:
    from reader.archive import Archive
    from tests.conftest import run_import

    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, FIXTURES)
    return root


@pytest.fixture
def make_app(filled_dir: Path):  # type: ignore[no-untyped-def]
    from reader.tui.app import NewsReaderApp

    def make(**kwargs):  # type: ignore[no-untyped-def]
        return NewsReaderApp(filled_dir, config=kwargs.pop("config", Config()), **kwargs)

    return make


# Our workers' groups. DirectoryTree keeps a loader worker alive for as long as
# it is mounted, so waiting for *every* worker would wait forever.
WORKER_GROUPS = {
    "search",
    "snippets",
    "open-article",
    "render-article",
    "import",
    "reindex",
    "versions",
    "diff",
    "timeline",
    "saved",
    "suggest",
    "source",
    "browse",
    "correct",
    "highlight",
    "position",
    "watch",
    "export",
}


# A one-shot timer this short fires before a person could look (the reading
# pane's preview, 0.12 s after the cursor rests): settle waits for it. A longer
# one (an article counts as read after 3 s) is the test's to wait for, as it was
# when settle slept 0.25 s; a repeating one (the archive watch) never ends.
SHORT_TIMER_S = 0.25
# Rounds of "wait for what is pending" before settle gives up: each round's
# workers and timers may start others (a search's list previews its first row).
MAX_ROUNDS = 40


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has nothing left to do that a person would wait for:
    the messages queued handled and a frame painted (pilot.pause), our workers
    finished, no short timer pending; twice in a row, since what one finishes
    can start another. No fixed sleep: a fixed 0.25 s was most of the time of
    the tests that press many keys."""
    quiet = 0
    for _ in range(MAX_ROUNDS):
        await pilot.pause()
        workers = [w for w in pilot.app.workers if w.group in WORKER_GROUPS and not w.is_finished]
        timers = _short_timers(pilot.app)
        quiet = 0 if workers or timers else quiet + 1
        if quiet == 2:
            return
        for worker in workers:
            with contextlib.suppress(WorkerCancelled):  # superseded by a newer worker
                await worker.wait()
        if timers:
            await asyncio.wait(timers)  # fired or stopped; a stopped one is cancelled, not an error


async def to_results(pilot) -> None:  # type: ignore[no-untyped-def]
    """Settle, then Escape from the search box (where the app opens: a person's
    first keys are a query) to the results list, whose keys a test presses next."""
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def opened_list(pilot, *keys: str) -> KeyList:  # type: ignore[no-untyped-def]
    """The list of the screen `keys` open from the results of a settled app
    (E, T, or E then 1), once that screen has settled too."""
    await to_results(pilot)
    await pilot.press(*keys)
    await settle(pilot)
    return pilot.app.screen.query_one(KeyList)


def _short_timers(app) -> list[asyncio.Task[None]]:  # type: ignore[no-untyped-def]
    """The running tasks of the one-shot timers of SHORT_TIMER_S or less that
    the app and every screen on its stack have set and not yet fired or stopped.
    Textual keeps a node's timers in `_timers` and has no public list of them."""
    nodes = [app, *(node for screen in app.screen_stack for node in screen.walk_children(with_self=True))]
    return [
        timer._task
        for node in nodes
        for timer in list(node._timers)
        if timer._repeat == 0
        and timer._interval <= SHORT_TIMER_S
        and timer._active.is_set()  # a paused timer fires only when resumed
        and timer._task is not None
        and not timer._task.done()
    ]


def status_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the main screen's status line says."""
    from reader.tui.screens.main import StatusLine

    return str(app.screen.query_one(StatusLine).render())


def record_toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Every toast's message, kept: the app's own list drops a toast when it
    times out, which a slow machine can reach before the test looks."""
    said: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):  # type: ignore[no-untyped-def]
        said.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return said
