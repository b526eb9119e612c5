"""The app on an archive of real saved pages: every key of the help table, on
the screen it belongs to, without an exception and without leaving a screen
that Escape cannot get out of.

The help is generated from the command list, so walking the command list is
walking the help. Skipped when ../shared/eval-data is absent (CI has it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.config import Config
from reader.tui.commands import COMMANDS, SCOPES
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle

SIZE = (100, 30)


async def _steady(pilot) -> None:  # type: ignore[no-untyped-def]
    # settle() waits for our workers by group (the import screen's folder tree
    # keeps a loader worker alive, so not for every worker).
    await settle(pilot)
    _healthy(pilot.app)


def _healthy(app) -> None:  # type: ignore[no-untyped-def]
    assert app._exception is None, app._exception  # noqa: SLF001
    assert app.is_running


async def _to_main(pilot) -> MainScreen:  # type: ignore[no-untyped-def]
    """Escape back to the main screen, as a user would; it must get there."""
    for _ in range(6):
        if isinstance(pilot.app.screen, MainScreen):
            break
        await pilot.press("escape")
        await _steady(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen), f"Escape does not leave {screen!r}"
    if screen.query_one("#side-panel").has_class("-open"):
        await pilot.press("p")
    screen.query_one(ResultsList).focus()
    screen.query_one(ResultsList).action_first()
    await _steady(pilot)
    return screen


async def _reading(pilot, article_id: str) -> None:  # type: ignore[no-untyped-def]
    screen = await _to_main(pilot)
    screen.search_for(f"id:{article_id}")
    await _steady(pilot)
    await pilot.press("enter")
    await _steady(pilot)
    assert isinstance(pilot.app.focused, ArticleView)


def _navigation(story_article: str, read_article: str) -> dict[str, Callable[..., Awaitable[None]]]:
    """How to reach each scope of the help from the main screen."""

    async def main(pilot) -> None:  # type: ignore[no-untyped-def]
        await _to_main(pilot)

    async def box(pilot) -> None:  # type: ignore[no-untyped-def]
        await _to_main(pilot)
        await pilot.press("slash")
        await _steady(pilot)

    async def reader(pilot) -> None:  # type: ignore[no-untyped-def]
        await _reading(pilot, read_article)

    async def panel(pilot) -> None:  # type: ignore[no-untyped-def]
        await _reading(pilot, read_article)
        await pilot.press("p")
        await _steady(pilot)

    def pushing(*keys: str, article: str | None = None):  # type: ignore[no-untyped-def]
        async def go(pilot) -> None:  # type: ignore[no-untyped-def]
            if article:
                await _reading(pilot, article)
            else:
                await _to_main(pilot)
            await pilot.press(*keys)
            await _steady(pilot)

        return go

    return {
        "app": main,
        "main": main,
        "box": box,
        "lists": main,
        "results": main,
        "reader": reader,
        "panel": panel,
        "entities": pushing("E"),
        "quotes": pushing("Q", "enter"),  # the filter box, then the list
        "import": pushing("i"),
        "versions": pushing("v", article=story_article),
        "diff": pushing("v", "d", article=story_article),
        "timeline": pushing("T"),
        "saved": pushing("L"),
    }


async def test_every_key_of_the_help_on_every_screen(
    real_archive_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.tui.app import NewsReaderApp

    monkeypatch.chdir(tmp_path)  # Enter on the import screen imports this empty folder
    monkeypatch.setenv("PAGER", "true")
    with Archive(real_archive_dir) as archive:
        read_article = archive.search("", limit=1).hits[0].id
        stories = archive.stories()  # a sample may hold no story saved twice: d then has nothing to compare
        story_article = stories[0][1][0] if stories else read_article
        archive.save_search("Real pages", "said")
    navigation = _navigation(story_article, read_article)
    assert set(navigation) == set(SCOPES)  # every screen of the help is visited
    app = NewsReaderApp(real_archive_dir, config=Config(), save_config=False)
    pressed: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await _steady(pilot)
        for scope in SCOPES:
            # Reach the screen once, and again only when a key has left it.
            await navigation[scope](pilot)
            where = (type(app.screen), type(app.focused))
            for command in COMMANDS:
                if command.scope != scope or command.action == "quit":
                    continue  # quit: last, below
                for key in command.keys.split(","):
                    if (type(app.screen), type(app.focused)) != where:
                        await navigation[scope](pilot)
                    await pilot.press(key)
                    await _steady(pilot)
                    pressed.append(f"{scope}:{key}")
        await _to_main(pilot)
        await pilot.press("q")
    _healthy_exit = app.return_code == 0 and app._exception is None  # noqa: SLF001
    assert _healthy_exit, app._exception  # noqa: SLF001
    assert len(pressed) >= len(COMMANDS)
