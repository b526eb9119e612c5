"""A person's first keys are a query: the app opens with the search box
focused. Found in tmux on the real archive, where the results list had focus
at start and "pol" opened the side panel (p), then the saved page in the pager
(o); "the" and Enter tagged the first article "he" (t opened the tags dialog)."""

from __future__ import annotations

from pathlib import Path

from textual import events

from reader.archive import Archive
from reader.config import Config
from reader.tui.app import NewsReaderApp
from reader.tui.screens.main import MainScreen, SearchBox
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle, to_results


async def test_the_first_keys_typed_go_into_the_search_box(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        # Posted at once, before the first search has answered: a person types
        # as soon as the screen shows, and a terminal delivers keys together.
        for key in [*"the", "enter"]:
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(SearchBox).value == "the"
        assert app.focused is app.screen.query_one(ResultsList)  # Enter: to the results
    with Archive(filled_dir) as archive:
        assert not [h.id for h in archive.search("", limit=50).hits if h.tags]  # "t" opened no tags dialog


async def test_a_remembered_query_is_replaced_by_what_is_typed(filled_dir: Path) -> None:
    config = Config()
    config.remember_query(filled_dir, "ferry")
    app = NewsReaderApp(filled_dir, config=config, save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(SearchBox)
        assert box.value == "ferry" and app.focused is box
        await pilot.press(*"storm")
        await settle(pilot)
        assert box.value == "storm"


async def test_escape_from_the_first_screen_reaches_the_results_keys(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        await pilot.press("escape", "j")
        await settle(pilot)
        assert app.focused is results and results.highlighted == 1


async def test_an_empty_archive_leaves_its_keys_to_the_app(tmp_path: Path) -> None:
    """Nothing to search: i (import) and ? (help), which its first screen names, act."""
    app = NewsReaderApp(tmp_path / "archive", config=Config(), save_config=False)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert type(app.screen).__name__ == "ImportScreen"


async def test_slash_in_the_box_the_app_opens_in_is_not_typed(make_app) -> None:  # type: ignore[no-untyped-def]
    """/ is the search key a person has learnt: pressed in the box the app
    opened in (empty, or a remembered query all selected), it is not a query's
    first character; inside a query it is typed."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(SearchBox)
        await pilot.press("slash", *"ferry", "slash", "x")
        await settle(pilot)
        assert box.value == "ferry/x"
        await pilot.press("escape", "slash", "slash", *"storm")  # / from the results selects the query
        await settle(pilot)
        assert box.value == "storm"


async def test_the_first_screens_footer_names_keys_that_work_from_the_box(make_app) -> None:  # type: ignore[no-untyped-def]
    """The box takes every letter, so Textual left the footer empty but for
    ^p palette (a newcomer's first screen named no key); it names ↓ (to the
    results) and F1 (help), and both act from the box."""
    from textual.widgets._footer import FooterKey

    from reader.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {k.description for k in app.screen.query(FooterKey)}
        assert {"Results", "Help"} <= shown
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "down")
        assert app.focused is app.screen.query_one(ResultsList)


async def test_keys_typed_right_behind_enter_in_the_box_are_the_results(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A query, Enter and t in one burst: the t and what followed went into the
    box (Enter moved the focus only after them), and a later t tagged the
    article the reader still showed from the list before (seen in tmux)."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"ferry")
        await settle(pilot)  # its results are up: a person reads them before pressing Enter
        first = app.screen.query_one(ResultsList).hits[0].id
        for key in ["enter", "t", *"sea", "enter"]:
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(SearchBox).value == "ferry"
        for key in ["escape", "slash", "escape", "j"]:  # Esc, then j: the results' key, not the box's
            app.post_message(events.Key(key, {"slash": "/", "j": "j"}.get(key)))
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == "ferry"
        assert app.screen.query_one(ResultsList).highlighted == 1
    with Archive(filled_dir) as archive:
        assert [(h.id, h.tags) for h in archive.search("", limit=50).hits if h.tags] == [(first, ("sea",))]


async def test_footers_name_f1_and_esc_as_help_does(make_app) -> None:  # type: ignore[no-untyped-def]
    """Help says "F1" and "Esc"; the footers said "f1" and "esc" (Textual's
    names). The palette's key is "^p" in both (help said "ctrl+p")."""
    import io

    from rich.console import Console
    from textual.widgets._footer import FooterKey

    from reader.tui.screens.help import help_text

    console = Console(width=100, record=True, file=io.StringIO())
    console.print(help_text())
    assert "ctrl+" not in console.export_text()

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "F1" in {k.key_display for k in app.screen.query(FooterKey)}
        await to_results(pilot)
        await pilot.press("E")
        await settle(pilot)
        shown = {k.key_display for k in app.screen.query(FooterKey)}
        assert "Esc" in shown and "esc" not in shown
