"""Regenerate the SVG screenshots in this folder from the real app on the demo archive.

    python screenshots/make_screenshots.py

Builds the demo archive in a temporary directory, drives the app headless with
real key presses and saves one SVG per screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This checkout's reader, not an installed one (run as a script, the folder of
# the script comes first on sys.path, not the checkout).
sys.path.insert(0, str(HERE.parent))
SIZE = (130, 38)
WORKER_GROUPS = {"search", "open-article", "render-article", "import", "reindex", "versions", "diff", "timeline"}


async def shoot(root: Path) -> list[str]:
    from reader.config import Config
    from reader.demo import articles_dir
    from reader.tui.app import NewsReaderApp
    from reader.tui.screens import query_runner

    query_runner.SHOW_TIMING = False
    saved: list[str] = []

    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause(0.3)
        for _ in range(3):
            for worker in [w for w in pilot.app.workers if w.group in WORKER_GROUPS and not w.is_finished]:
                with contextlib.suppress(Exception):  # a superseded worker
                    await worker.wait()
            await pilot.pause()

    def save(app, name: str) -> None:  # type: ignore[no-untyped-def]
        app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
        saved.append(name)

    app = NewsReaderApp(root, config=Config(theme="textual-dark"), save_config=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        save(app, "01-archive")
        await pilot.press("slash", *"storm port", "enter")
        await settle(pilot)
        save(app, "02-search")
        await pilot.press("enter")
        await settle(pilot)
        save(app, "03-reader")
        await pilot.press("f")
        await settle(pilot)
        save(app, "04-reader-folds-open")
        await pilot.press("f", "p")
        await settle(pilot)
        save(app, "07-side-panel")
        await pilot.press("p", "v")  # the story's versions: the scrape and the page saved after an update
        await settle(pilot)
        save(app, "08-versions")
        await pilot.press("j", "d")
        await settle(pilot)
        save(app, "09-diff")
        await pilot.press("escape", "escape", "p")
        await settle(pilot)
        await pilot.press("escape", "p", "escape", "question_mark")
        await settle(pilot)
        save(app, "05-help")
        os.chdir(articles_dir())
        await pilot.press("escape", "i")
        await pilot.pause()
        app.screen.query_one("#import-path").value = "."
        await pilot.press("enter")
        await settle(pilot)
        save(app, "06-import-summary")
    return saved


def main() -> int:
    from reader.demo import ensure_demo_archive

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSREADER_HOME"] = tmp
        root = ensure_demo_archive(Path(tmp) / "demo")
        names = asyncio.run(shoot(root))
    print("wrote " + ", ".join(f"screenshots/{n}.svg" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
