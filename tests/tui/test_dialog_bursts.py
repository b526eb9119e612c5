"""Keys typed into a dialog faster than the app handles them, as a terminal
delivers a burst: found in tmux on the real archive, where "words", Tab,
"note", Enter in the highlight dialog put "wordsnote" in the passage (Tab
moved the focus only after the keys behind it had gone to the passage box)."""

from __future__ import annotations

from textual import events

from reader.archive import Archive
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.article import ArticleView
from tests.tui.conftest import settle, to_results

KEYS: dict[str, str | None] = {"tab": "\t", "enter": "\r", "space": " ", "ctrl+s": None}


def burst(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Post the keys at once: pilot.press waits for each to be handled, a terminal does not."""
    for key in keys:
        app.post_message(events.Key(key, KEYS.get(key, key)))


def typed(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


async def test_tab_and_enter_in_a_burst_move_on_in_the_highlight_dialog(make_app, filled_dir) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen.query_one(ArticleView).page
        assert page is not None
        words = " ".join(next(b.text for b in page.stored.article.blocks if len(b.text.split()) > 6).split()[:4])
        for between in ("tab", "enter"):  # Enter in the passage box moves to the note as Tab does
            await pilot.press("h")
            await pilot.pause()
            app.screen.query_one("#highlight-passage").value = ""
            burst(app, *typed(words), between, *typed(f"note {between}"), "enter")
            await settle(pilot)
            article_id = page.stored.id
        with Archive(filled_dir) as archive:
            marks = {(h.text, h.note) for h, _ in archive.highlights() if h.article_id == article_id}
        assert marks == {(words, "note tab"), (words, "note enter")}


async def test_tab_in_a_burst_moves_on_in_the_filter_dialog(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("F")
        await pilot.pause()
        burst(app, *"2020", "tab", *"2021", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)  # the dialog closed: its dates were dates
        filters = app.screen.search.filters
        assert (filters.date_from, filters.date_to) == ("2020", "2021")


async def test_words_typed_right_behind_a_dialogs_key_go_into_the_dialog(make_app, filled_dir) -> None:  # type: ignore[no-untyped-def]
    """t then "europe" and Enter in one burst: the letters went to the results
    list's keys (e and u toggled the highlights, r marked the article read, o
    opened the pager, p the panel) before the tags dialog was up."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        reader = app.screen.query_one(ArticleView)
        shown = (reader.show_entities, reader.show_quotes)
        article_id = app.screen.query_one("#results").current_hit.id
        burst(app, "t", *"europe", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert (reader.show_entities, reader.show_quotes) == shown
        burst(app, "ctrl+s", *"ports", "enter")
        await settle(pilot)
    with Archive(filled_dir) as archive:
        stored = archive.get(article_id)
        assert stored is not None and stored.tags == ("europe",) and not stored.is_read
        assert [s.name for s in archive.saved_searches(counts=False)] == ["ports"]


async def _open_import_screen(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """From the results, i: the import screen, its path box first."""
    from reader.tui.screens.import_screen import ImportScreen

    await to_results(pilot)
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(app.screen, ImportScreen)


async def test_tab_in_a_burst_leaves_the_import_path(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The import screen's Tab, as the dialogs' (98a24c5): a path, Tab and a
    letter in one burst put the letter in the path (Tab moved on after it)."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_import_screen(app, pilot)
        box = app.screen.query_one("#import-path")
        burst(app, *typed(str(tmp_path)), "tab", "x")
        await settle(pilot)
        assert box.value == str(tmp_path)
        assert app.focused is not box


async def test_tab_from_the_import_path_goes_to_the_tree_as_the_screen_says(make_app) -> None:  # type: ignore[no-untyped-def]
    """The import screen says "Tab to the tree"; Tab went to its Import button
    first (Enter in the path box starts the import already)."""
    from textual.widgets import DirectoryTree

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_import_screen(app, pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, DirectoryTree)
        await pilot.press("shift+tab")
        assert app.focused is app.screen.query_one("#import-path")
