"""Pilot tests: real key presses through the main flows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.tui.screens.main import MainScreen, SearchBox, StatusLine
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import record_toasts, settle


def status_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(StatusLine).render())


async def test_empty_query_lists_archive_and_search_opens_article(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert len(results.hits) == 3
        assert app.focused is results
        await pilot.press("slash")
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
        await settle(pilot)
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
        await settle(pilot)
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
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {str(cell) for _, table in help_tables() for cell in table.columns[1]._cells}
        assert all((c.help or c.description) in described for c in COMMANDS)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_import_screen_imports_and_summarises(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.import_screen import ImportScreen

    src = tmp_path / "new"
    src.mkdir()
    (src / "story.md").write_text(
        "---\ntitle: Lighthouse keeper retires after fifty winters\n---\n\nThe last keeper of the Skerry light retired on Sunday after fifty winters on the rock.\n"
    )
    (src / "broken.txt").write_text("")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        path_input = app.screen.query_one("#import-path")
        path_input.value = str(src)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert screen.report is not None and screen.report.added == 1 and screen.report.failed == 1
        summary = str(screen.query_one("#import-summary").render())
        assert "broken.txt" in summary and "empty file" in summary
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert len(app.screen.query_one(ResultsList).hits) == 4


async def test_import_screen_names_skipped_files_with_the_reason(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.import_screen import ImportScreen
    from tests.ingest.pdf_maker import make_pdf

    src = tmp_path / "downloads"
    src.mkdir()
    (src / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (src / "scan.pdf").write_bytes(make_pdf([], image_pages=1))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        app.screen.query_one("#import-path").value = str(src)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportScreen) and screen.report is not None and screen.report.skipped == 2
        summary = str(screen.query_one("#import-summary").render())
        assert "budget.xlsx: unsupported format: .xlsx" in summary and "scan.pdf: scanned PDF, no text" in summary
        assert "Nothing new" not in summary


async def test_a_large_folder_imports_from_the_app(make_app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A folder big enough for the analysis workers and the parallel index writer.

    Those start processes, and multiprocessing's resource tracker passes its
    stderr's file descriptor to the first one; inside the app stderr is
    Textual's capture, whose fileno() is -1, and the import stopped with
    'bad value(s) in fds_to_keep' (seen in a real terminal). The tracker is
    stopped here so this test starts it the way the app does.
    """
    from multiprocessing import resource_tracker

    from reader.archive import importer
    from reader.archive.index import import_steps
    from reader.archive.index import whoosh_index as ixmod
    from reader.tui.screens.import_screen import ImportScreen
    from tests.bench.corpus import write_corpus

    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(importer, "TWO_WORKERS_MIN_FILES", 10)
    monkeypatch.setattr(ixmod, "BULK_MIN_DOCS", 20)
    # The 30 files are one store batch, all left for the index at the end:
    # shown stage by stage from 20, through the parallel writer.
    monkeypatch.setattr(import_steps, "INDEX_STEP_PROGRESS", 20)
    write_corpus(tmp_path / "corpus", 30, kb=1.0)
    resource_tracker._resource_tracker._stop()  # noqa: SLF001
    shown: list[str] = []
    progress = ImportScreen._progress

    def recording(screen, step, report):  # type: ignore[no-untyped-def]
        progress(screen, step, report)
        shown.append(str(screen.query_one("#import-phase").render()))

    monkeypatch.setattr(ImportScreen, "_progress", recording)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#import-path").value = str(tmp_path / "corpus")
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen.report
        summary = str(app.screen.query_one("#import-summary").render())
        assert report is not None and report.added == 30 and not report.failures, summary
    # Each stage of the index pass was shown, however quickly it came.
    # Which step, what is done and what is left (the index pass counts only what is not yet searchable).
    reading = [re.fullmatch(r"Reading files: (\d+) of 30 done, (\d+) left", line) for line in shown]
    assert any(m and int(m[1]) + int(m[2]) == 30 for m in reading), shown
    assert "Files read. Indexing the 30 articles not yet searchable: 30 done, 0 left" in shown
    assert "Files read and indexed. Finishing the index…" in shown


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


async def test_entity_and_quote_highlights_toggle_and_panel_searches(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.widgets.side_panel import SidePanel

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kalmar", "enter", "enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        text = " ".join(str(b.render()) for b in reader.query(".block"))
        assert "— Annika Berg" in text  # the speaker after her quote
        await pilot.press("e")
        await settle(pilot)
        assert not reader.show_entities and app.config.show_entities is False
        await pilot.press("u")
        await settle(pilot)
        text = " ".join(str(b.render()) for b in reader.query(".block"))
        assert "— Annika Berg" not in text
        await pilot.press("e", "u", "p")
        await settle(pilot)
        panel = app.screen.query_one(SidePanel)
        assert panel.display and app.focused is panel
        people = [key for key in panel.keys if key.startswith("e:")]
        assert "e:Johan Lindqvist" in people
        panel.highlighted = panel.keys.index("e:Johan Lindqvist")
        await settle(pilot)
        assert reader.selected_entity == "Johan Lindqvist"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == 'entity:"Johan Lindqvist"'
        assert [h.title.split()[0] for h in app.screen.query_one(ResultsList).hits] == ["Fishermen"]


async def test_entity_and_quote_browsers(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.browsers import EntityBrowser, QuoteBrowser
    from reader.tui.widgets.listing import KeyList

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        assert isinstance(app.screen, EntityBrowser)
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        names = app.screen.query_one(KeyList).keys
        assert "Johan Lindqvist" in names and "Kalmar" not in names
        await pilot.press("escape", "Q")
        assert isinstance(app.screen, QuoteBrowser)
        await pilot.press(*"lindqvist")
        await settle(pilot)
        listing = app.screen.query_one(KeyList)
        assert listing.option_count >= 1
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(SearchBox).value.startswith("id:")
        assert len(app.screen.query_one(ResultsList).hits) == 1


async def test_filters_from_the_keyboard(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Checkbox

    from reader.tui.screens.filters import FilterDialog

    with Archive(filled_dir) as archive:
        sauna = archive.search("sauna").hits[0].id
        archive.set_starred(sauna, True)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
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


@pytest.mark.parametrize(
    ("spoil", "why"),
    [
        ("missing", "is missing"),
        # An upgrade that changes the index's schema rebuilds it: the person is told
        # the index is old, not that it is damaged.
        ("older", "was made by an older version of newsreader"),
    ],
)
async def test_an_unusable_index_is_rebuilt_behind_a_progress_screen_that_says_why(  # type: ignore[no-untyped-def]
    make_app, filled_dir: Path, monkeypatch, spoil: str, why: str
) -> None:
    import shutil

    from textual.widgets import Label

    from reader.tui.screens.rebuild import RebuildScreen

    shown: list[tuple[int, int]] = []
    said: list[str] = []
    original = RebuildScreen.progress

    def record(self, done: int, total: int) -> None:  # type: ignore[no-untyped-def]
        shown.append((done, total))
        said.append(str(self.query(Label).first().render()))
        original(self, done, total)

    monkeypatch.setattr(RebuildScreen, "progress", record)
    if spoil == "missing":
        shutil.rmtree(filled_dir / "index")
    else:
        (filled_dir / "index" / "SCHEMA").write_text("0\n")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        for worker in list(app.workers):
            if worker.group == "reindex":
                await worker.wait()
        await settle(pilot)
        assert shown and shown[-1] == (3, 3)  # the progress screen saw the whole rebuild
        assert f"The search index {why}:" in said[0] and ("damaged" in why) == ("damaged" in said[0])
        assert not isinstance(app.screen, RebuildScreen)
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


async def test_articles_imported_by_another_process_appear(make_app, filled_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    from reader.tui.screens import main as main_screen

    main_screen.WATCH_EVERY_S = 0.2
    src = tmp_path / "more"
    src.mkdir()
    (src / "new.md").write_text(
        "---\ntitle: Lighthouse keeper retires\n---\n\nThe keeper of the Skerry light retired on Sunday.\n"
    )
    app = make_app()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert len(app.screen.query_one(ResultsList).hits) == 3
            done = subprocess.run(
                [sys.executable, "-P", "-m", "reader", "--data-dir", str(filled_dir), "import", str(src)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 0, done.stderr
            for _ in range(50):
                await pilot.pause(0.1)
                if len(app.screen.query_one(ResultsList).hits) == 4:
                    break
            assert len(app.screen.query_one(ResultsList).hits) == 4
    finally:
        main_screen.WATCH_EVERY_S = 2.0


def test_speaker_label_goes_after_the_attribution_sentence() -> None:
    # It used to be put straight after the closing quote mark, splitting
    # '"…," — Ann Berg said Ann Berg.' in the middle of the sentence.
    from reader.tui.widgets.article import speaker_labels

    # (Another speaker's quote follows: one speaker's run of quotes in a
    # paragraph is labelled once, after the last of them.)
    text = '"The pier stays shut," said harbour master Ann Berg. "We wait for calm seas," Lars Holm added.'
    first, second = text.index(',"') + 2, text.index('seas,"') + 6
    labels = speaker_labels(text, [(first, "Ann Berg"), (second, "Lars Holm"), (second, "")])
    assert labels == {
        text.index("Berg.") + 5: " — Ann Berg",
        len(text): " — Lars Holm, speaker unknown",
    }


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


async def test_an_empty_archive_opens_on_a_first_screen_that_says_how_to_import(tmp_path: Path) -> None:
    from reader.config import Config
    from reader.tui.app import NewsReaderApp
    from tests.conftest import FIXTURES, run_import

    root = tmp_path / "archive"
    app = NewsReaderApp(root, config=Config(), save_config=False)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        welcome = app.screen.query_one("#welcome")
        assert welcome.display and not app.screen.query_one(ResultsList).display
        said = str(welcome.render())
        assert "Press i to import" in said and "newsreader import" in said and "newsreader --demo" in said
        assert "0 articles" not in status_text(app)
        await pilot.press("tab")  # no pane to switch to: the first screen stays
        assert welcome.display
        with Archive(root) as archive:  # an import from a shell meanwhile
            run_import(archive, FIXTURES)
        app.screen.refresh_results()
        await settle(pilot)
        assert not welcome.display and len(app.screen.query_one(ResultsList).hits) == 3


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


async def test_n_walks_an_entitys_mentions_after_opening_it_from_the_browser(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    toasts = record_toasts(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.screen.search_for('entity:"Johan Lindqvist"')
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        await pilot.press("n")
        assert "No search terms in this article" not in toasts
        assert reader.hit_count >= 2 and len(reader.query(".-current-hit")) == 1


async def test_the_footer_fits_at_80_columns(make_app) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
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
