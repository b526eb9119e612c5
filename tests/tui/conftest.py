"""App fixtures: an archive filled from our fixtures, and an app over it."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

from reader.config import Config
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
}


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for our workers (and those they start after a refresh), instead of sleeping."""
    await pilot.pause(0.25)
    quiet = 0
    for _ in range(12):  # until two rounds in a row start no new worker
        pending = [w for w in pilot.app.workers if w.group in WORKER_GROUPS and not w.is_finished]
        quiet = 0 if pending else quiet + 1
        if quiet == 2:
            break
        for worker in pending:
            with contextlib.suppress(WorkerCancelled):  # superseded by a newer worker
                await worker.wait()
        await pilot.pause()


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
