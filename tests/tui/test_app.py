"""The app starts on an archive and quits on q (the full app is its own issue)."""

from __future__ import annotations

from pathlib import Path

from reader.tui.app import NewsReaderApp


async def test_app_starts_and_quits(tmp_path: Path) -> None:
    app = NewsReaderApp(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0
