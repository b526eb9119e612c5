"""Pilot tests: real key presses through the main flows."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive
from reader.tui.screens.main import MainScreen, SearchBox, StatusLine
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import record_toasts, settle, status_text, to_results


async def test_empty_query_lists_archive_and_search_opens_article(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert len(results.hits) == 3
        assert isinstance(app.focused, SearchBox)  # ready for a query
        await pilot.press("slash")  # the search key, not the query's first character
        assert isinstance(app.focused, SearchBox)
        await pilot.press(*"abertay")
        await settle(pilot)
        assert [h.title.split()[0] for h in results.hits] == ["River"]
        await pilot.press("enter")  # search box → results
        assert app.focused is results
        await pilot.press("enter")  # open
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        assert app.focused is reader
        assert reader.page is not None and reader.page.stored.article.title.startswith("River Tay")
        assert reader.hit_count == 1


async def test_results_come_while_a_word_is_still_being_typed(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        await pilot.press("slash", *"aber")
        await settle(pilot)
        assert [h.title.split()[0] for h in results.hits] == ["River"]
        assert "1 article" in status_text(app)
        # A query put there whole (a saved search, an entity's articles) is run
        # as written, so what it finds matches what its list counted.
        app.screen.search_for("aber")
        await settle(pilot)
        assert len(results.hits) == 0
        app.screen.search_for("abertay")
        await settle(pilot)
        assert [h.title.split()[0] for h in results.hits] == ["River"]


async def test_a_key_starts_its_search_at_once(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No timer stands between a key and its search: the first key's search
    starts at once, and waiting for the search workers alone (no time
    passing) brings the typed query's results."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        archive = app.screen.archive
        real, searched = archive.search, []
        monkeypatch.setattr(archive, "search", lambda text, **kw: (searched.append(text), real(text, **kw))[1])
        await pilot.press("slash", *"abertay")
        assert searched[:1] == ["a"] or app.screen.search.searching
        for _ in range(4):
            for worker in [w for w in app.workers if w.group == "search" and not w.is_finished]:
                await worker.wait()
            await pilot.pause()
        assert [h.title.split()[0] for h in results.hits] == ["River"]
        assert searched[0] == "a" and searched[-1] == "abertay"


async def test_while_a_search_runs_only_the_newest_query_waits(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Keys typed during a slow search queue no searches of their own: the
    newest query runs when it ends, and the stale answer is never shown."""
    import threading

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        archive = app.screen.archive
        real, searched, gate = archive.search, [], threading.Event()

        def slow(text, **kwargs):  # type: ignore[no-untyped-def]
            searched.append(text)
            if text == "a":
                gate.wait(10)
            return real(text, **kwargs)

        monkeypatch.setattr(archive, "search", slow)
        shown = []
        show = app.screen.search.show_result
        monkeypatch.setattr(
            app.screen.search, "show_result", lambda text, result: (shown.append(text), show(text, result))
        )
        await pilot.press("slash", *"abertay")
        gate.set()
        await settle(pilot)
        assert searched == ["a", "abertay"]
        assert shown == ["abertay"]
        assert [h.title.split()[0] for h in app.screen.query_one(ResultsList).hits] == ["River"]


async def test_a_damaged_index_is_a_message_with_the_fix(make_app, filled_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.archive.damaged_index import damage_postings

    damage_postings(filled_dir, monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ferry")
        await settle(pilot)
        assert "search index could not be read" in status_text(app) and "ctrl+r" in status_text(app)


async def test_escape_steps_back_and_never_into_the_search_box(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ArticleView)
        await pilot.press("escape")
        assert isinstance(app.focused, ResultsList)
        await pilot.press("escape")
        assert isinstance(app.focused, ResultsList)
        await pilot.press("slash", "x", "escape")
        assert isinstance(app.focused, ResultsList)
        await pilot.press("q")
    assert app.return_code == 0


async def test_malformed_query_shows_inline_message(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'"ferry')
        await settle(pilot)
        assert "unbalanced quote" in status_text(app)
        assert app.screen.query_one(StatusLine).has_class("-error")
        await pilot.press("quotation_mark")
        await settle(pilot)
        assert "unbalanced" not in status_text(app)


async def test_folds_toggle_shows_repeats_where_they_stood(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kalmar", "enter", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        collapsed = len(reader.query(".block"))
        assert not reader.query(".-repeat")
        await pilot.press("f")
        await settle(pilot)
        repeats = reader.query(".-repeat")
        assert len(repeats) == 4  # the teaser/lead pair and three doubled captions
        assert len(reader.query(".block")) == collapsed + 4
        await pilot.press("f")
        await settle(pilot)
        assert not reader.query(".-repeat")


async def test_star_read_and_tags_persist_across_restarts(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    toasts = record_toasts(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        first = app.screen.query_one(ResultsList).hits[0]
        await pilot.press("s", "r", "t")
        await settle(pilot)
        await pilot.press("ctrl+a", *"harbour, Sweden, sweden", "enter")
        await settle(pilot)
        # Shown where the article's details are, as stored (and typed).
        assert toasts[-1] == "Tags: harbour, Sweden"
        assert "harbour, Sweden" in app.screen.query_one(ResultsList).row_text(0)
        await pilot.press("enter")
        await settle(pilot)
        header = " ".join(str(v.render()) for v in app.screen.query_one(ArticleView).query(".meta"))
        assert "harbour, Sweden" in header
        await pilot.press("q")
    with Archive(filled_dir) as archive:
        stored = archive.get(first.id)
        assert stored is not None
        assert stored.starred and stored.is_read
        assert stored.tags == ("harbour", "Sweden")  # as typed
        assert archive.search("tag:sweden").total == 1
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        hit = next(h for h in app.screen.query_one(ResultsList).hits if h.id == first.id)
        assert hit.starred and hit.is_read and hit.tags == ("harbour", "Sweden")


async def test_next_hit_walks_matches(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ferry", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        assert reader.hit_count >= 2
        await pilot.press("n")
        assert len(reader.query(".-current-hit")) == 1
        first = reader.query_one(".-current-hit")
        await pilot.press("n")
        assert reader.query_one(".-current-hit") is not first
        await pilot.press("N")
        assert reader.query_one(".-current-hit") is first


async def test_narrow_terminal_shows_one_pane_and_tab_switches(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        results, reader = screen.query_one(ResultsList), screen.query_one(ArticleView)
        assert results.display and not reader.display
        await pilot.press("tab")
        await settle(pilot)
        assert reader.display and not results.display
        await pilot.press("escape")
        assert results.display and not reader.display


async def test_help_lists_every_binding(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.commands import COMMANDS
    from reader.tui.screens.help import HelpScreen, help_tables

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_results(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {str(cell) for _, table in help_tables() for cell in table.columns[1]._cells}
        assert all((c.help or c.description) in described for c in COMMANDS)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_untrusted_text_is_shown_literally(tmp_path: Path) -> None:
    from reader.config import Config
    from reader.tui.app import NewsReaderApp
    from tests.conftest import run_import

    src = tmp_path / "src"
    src.mkdir()
    hostile = (
        "Markup test headline for the hostile article here\n\n"
        "This body says [bold red]loud[/] and [@click=app.quit]click me[/] and "
        "\x1b]8;;http://evil.example\x07a link\x1b]8;;\x07 and \x1b[31mred\x1b[0m text, all as plain words.\n"
    )
    (src / "hostile.txt").write_text(hostile)
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, src)
    app = NewsReaderApp(root, config=Config())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        body = " ".join(str(b.render()) for b in reader.query(".block"))
        assert "[bold red]loud[/]" in body and "[@click=app.quit]click me[/]" in body
        assert "\x1b" not in body and "evil.example" not in body
        await pilot.click(reader)  # clicking the text must not run app.quit
        assert app.is_running


async def test_filters_from_the_keyboard(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Checkbox

    from reader.tui.screens.filters import FilterDialog

    with Archive(filled_dir) as archive:
        sauna = archive.search("sauna").hits[0].id
        archive.set_starred(sauna, True)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("F")
        assert isinstance(app.screen, FilterDialog)
        await pilot.press(*"2022", "tab", *"2022-12", "enter")
        await settle(pilot)
        assert [h.title.split()[0] for h in app.screen.query_one(ResultsList).hits] == ["River"]
        assert "filters: dates 2022 to 2022-12" in status_text(app)
        await pilot.press("F")
        app.screen.query_one("#f-from").value = ""
        app.screen.query_one("#f-to").value = ""
        app.screen.query_one("#f-starred", Checkbox).value = True
        await pilot.press("enter")
        await settle(pilot)
        assert [h.id for h in app.screen.query_one(ResultsList).hits] == [sauna]
        await pilot.press("F")
        app.screen.query_one("#f-from").value = "yesterday"
        await pilot.press("enter")
        assert isinstance(app.screen, FilterDialog)  # a bad date is refused with a message
        assert "Not a date" in str(app.screen.query_one("#f-error").render())
        await pilot.click("#f-clear")
        await settle(pilot)
        assert len(app.screen.query_one(ResultsList).hits) == 3


async def test_same_article_under_a_new_query_gets_the_new_highlights(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kalmar", "enter", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        await pilot.press("slash")
        app.screen.query_one(SearchBox).value = ""
        await pilot.press(*"Lindqvist", "enter", "enter")  # the same article is the only hit
        await settle(pilot)
        assert reader.page is not None and reader.page.query == "Lindqvist"
        blocks = reader.page.stored.article.blocks
        marked = {blocks[i].text[a:b] for i, spans in reader.page.hits.items() for a, b in spans}
        assert marked == {"Lindqvist"} and reader.hit_count >= 1


async def test_keyboard_paging_in_the_reader_is_instant(make_app) -> None:  # type: ignore[no-untyped-def]
    # Textual animates scrolling by default: a page took 0.7-1.0 s to arrive.
    app = make_app()
    async with app.run_test(size=(100, 16)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kalmar", "enter", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        assert reader.max_scroll_y > reader.size.height
        animated: list[str] = []
        reader.animate = lambda attribute, *args, **kwargs: animated.append(attribute)  # type: ignore[method-assign]
        for key, where in (("space", "page"), ("G", "end"), ("b", "page"), ("g", "top"), ("j", "line")):
            await pilot.press(key)
            assert not animated, f"{key} scrolls with an animation"
            assert reader.scroll_y == reader.scroll_target_y
            if where == "end":
                assert reader.scroll_y == reader.max_scroll_y
            if where == "top":
                assert reader.scroll_y == 0


async def test_did_you_mean_comes_after_the_results_without_holding_them(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The search itself makes no suggestion (it can cost far more than the
    search); the status line gains "did you mean" once it is made."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        archive = app.screen.archive
        real, asked = archive.search, []
        monkeypatch.setattr(
            archive, "search", lambda text, **kw: (asked.append(kw.get("suggest", True)), real(text, **kw))[1]
        )
        await pilot.press("slash", *"harbuor", "space")
        await settle(pilot)
        assert asked and not any(asked)
        assert "0 articles" in status_text(app) and "did you mean: harbour" in status_text(app)


async def test_dialogs_are_centred(make_app) -> None:  # type: ignore[no-untyped-def]
    # The highlight, rename and save-search dialogs sat at the top left, over the search box.
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for key, dialog in (("h", "#highlight-dialog"), ("ctrl+s", "#name-dialog"), ("t", "#tags-dialog")):
            await pilot.press(key)
            await pilot.pause()
            region = app.screen.query_one(dialog).region
            assert abs(region.x - (120 - region.right)) <= 1, (key, region)
            assert abs(region.y - (36 - region.bottom)) <= 1, (key, region)
            await pilot.press("escape")


async def test_small_things_say_something_and_tab_reaches_the_panel(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.widgets.side_panel import SidePanel

    app = make_app()
    toasts = record_toasts(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"abertay", "enter", "enter")  # an article with nothing folded
        await settle(pilot)
        await pilot.press("f")
        assert toasts and toasts[-1].startswith("Nothing folded")
        await pilot.press("p", "escape")  # the panel shown, focus back in the reader
        await pilot.press("tab")
        assert isinstance(app.focused, SidePanel)  # Tab reaches the side panel
        await pilot.press("tab")
        assert isinstance(app.focused, ResultsList)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)


async def test_the_footer_fits_at_80_columns(make_app) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await to_results(pilot)
        for key in ("", "E"):  # the main screen, the entity browser
            if key:
                await pilot.press(key)
                await settle(pilot)
            shown = list(app.screen.query(FooterKey))
            assert shown and all(k.region.right <= 80 and k.region.width > 0 for k in shown)  # it was cut at "F Fil"
            assert "help" in {k.action for k in shown}


def test_help_reads_at_80_columns() -> None:
    """Descriptions get most of the width: a screen's long title once made the
    key column 45 columns wide, then 18; at 80 columns (a dialog 80 % wide
    left 56) the descriptions wrapped a third of the rows: 129 lines for 86
    keys and titles. Titles are lines of their own now, and the dialog 90 %
    wide leaves 64: 102 lines."""
    import io

    from rich.console import Console

    from reader.tui.screens.help import help_tables, help_text

    console = Console(width=64, record=True, file=io.StringIO())
    console.print(help_text())
    rendered = [ln for ln in console.export_text().splitlines() if ln.strip()]
    rows = sum(table.row_count + 1 for _, table in help_tables())  # each screen's keys and its title
    assert len(rendered) <= 1.2 * rows  # 102 lines for 86; 115 at this width before


async def test_help_scrolls_with_the_readers_keys(make_app) -> None:  # type: ignore[no-untyped-def]
    """Help is longer than a small terminal; j/k, Space/b and g/G did nothing
    there (only the arrows, PgUp/PgDn and Home/End did), seen in tmux at 160x45."""
    from reader.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        pane = app.screen.query_one("#help")
        assert pane.max_scroll_y > 0
        await pilot.press("j")
        assert pane.scroll_y == 1
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("b")
        assert 0 < pane.scroll_y < pane.max_scroll_y
        await pilot.press("g")
        assert pane.scroll_y == 0
        await pilot.press("space", "k")
        assert 0 < pane.scroll_y < pane.max_scroll_y


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_matched_words_look_alike_in_results_and_reader_and_unlike_groups(make_app, theme: str) -> None:  # type: ignore[no-untyped-def]
    """A snippet's matched words were in the colour the reader gives groups
    (nationalities): in the default theme accent and warning are one colour.
    They are marked as the reader marks a search hit, by their background."""

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = theme
        await settle(pilot)
        results, reader = app.screen.query_one(ResultsList), app.screen.query_one(ArticleView)
        match = results.get_component_rich_style("results--match")
        hit = reader.get_component_rich_style("article--hit")
        group = reader.get_component_rich_style("article--group")
        assert match.color != group.color
        assert match.bgcolor == hit.bgcolor != reader.rich_style.bgcolor


async def test_c_says_what_it_changed_though_no_row_shows_it(make_app) -> None:  # type: ignore[no-untyped-def]
    """c on a list with no story in several versions changed nothing to see:
    on the real archive's newest list it seemed a key that does nothing."""
    app = make_app()
    toasts = record_toasts(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
    assert toasts[-2:] == [
        "Every version of each story (c: one row per story)",
        "One row per story (c: every version)",
    ]
