"""Snapshots of the main screens (pytest-textual-snapshot); SVGs live in __snapshots__.

Update them with `pytest tests/tui/test_snapshots.py --snapshot-update` after a
deliberate change, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import Config
from tests.tui.conftest import settle, to_results

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def _steady(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.tui.screens import article_opener, query_runner

    monkeypatch.setattr(query_runner, "SHOW_TIMING", False)
    # An opened article is marked read after 3 s, which a loaded machine spends
    # within a test: the row's unread mark came and went from run to run.
    monkeypatch.setattr(article_opener, "MARK_READ_AFTER_S", 3600.0)


def app_for(root: Path):  # type: ignore[no-untyped-def]
    from reader.tui.app import NewsReaderApp

    return NewsReaderApp(root, config=Config(theme="textual-dark"), save_config=False)


def test_main_screen_with_results(snap_compare, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"ferry", "enter")
        await settle(pilot)

    assert snap_compare(app_for(filled_dir), terminal_size=SIZE, run_before=before)


def test_reader_with_folds_open(snap_compare, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"Kalmar", "enter")
        await settle(pilot)  # the results in: Enter before them opened the first of the old list
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)

    assert snap_compare(app_for(filled_dir), terminal_size=SIZE, run_before=before)


def test_help_screen(snap_compare, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await to_results(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app_for(filled_dir), terminal_size=SIZE, run_before=before)


def test_import_summary(snap_compare, filled_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "inbox"
    (src / "week-1").mkdir(parents=True)
    (src / "week-1" / "keeper.md").write_text(
        "---\ntitle: Lighthouse keeper retires after fifty winters\n---\n\n"
        "The last keeper of the Skerry light retired on Sunday after fifty winters on the rock.\n"
    )
    (src / "week-1" / "empty.txt").write_text("")
    (src / "week-1" / "budget.xlsx").write_bytes(b"PK\x03\x04")
    monkeypatch.chdir(src)

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await to_results(pilot)
        await pilot.press("i")
        await pilot.pause()
        pilot.app.screen.query_one("#import-path").value = "."
        pilot.app.screen.query_one("#import-path").cursor_blink = False
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app_for(filled_dir), terminal_size=SIZE, run_before=before)


def test_side_panel_with_entities_and_quotes(snap_compare, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"Kalmar", "enter", "enter")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)

    assert snap_compare(app_for(filled_dir), terminal_size=(140, 40), run_before=before)
