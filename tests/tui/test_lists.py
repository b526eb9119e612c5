"""Every list of the app moves the same way (j/k, arrows, g/G, PgUp/PgDn, no
wrap), and the entity browser stands any data (one name with two types)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.listing import KeyList
from tests.tui.conftest import opened_list, record_toasts, settle, to_results


def _two_types_for_one_name(app, monkeypatch: pytest.MonkeyPatch) -> str:  # type: ignore[no-untyped-def]
    """The index as an archive of real pages has it: one name under two types
    (a place in one article, an organisation in another)."""
    original = app.archive.entities

    def entities(kind=None, limit=50, query=""):  # type: ignore[no-untyped-def]
        rows = original(kind, limit, query)
        name, kind_of, mentions, articles = rows[0]
        return [*rows, (name, "ORG" if kind_of != "ORG" else "PLACE", 1, 1)]

    monkeypatch.setattr(app.archive, "entities", entities)
    return original()[0][0]


async def test_a_name_with_two_types_is_one_row_and_can_be_corrected(make_app, filled_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.browsers import EntityBrowser

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        twice = _two_types_for_one_name(app, monkeypatch)
        await to_results(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, EntityBrowser)  # it quit with DuplicateID
        listing = app.screen.query_one(KeyList)
        assert listing.keys.count(twice) == 1
        listing.highlighted = listing.keys.index(twice)
        await pilot.press("r", "ctrl+a", "ctrl+k", *f"{twice} Renamed", "enter")
        await settle(pilot)
        await settle(pilot)
        assert app.is_running and f"{twice} Renamed" in app.screen.query_one(KeyList).keys
    with Archive(filled_dir) as archive:
        assert [c.action for c in archive.corrections()] == ["rename"]


async def test_lists_move_alike_and_do_not_wrap(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        listing = await opened_list(pilot, "E")
        assert app.focused is listing and listing.highlighted == 0 and listing.option_count > 3
        await pilot.press("j", "j")
        assert listing.highlighted == 2
        await pilot.press("k")
        assert listing.highlighted == 1
        await pilot.press("G")
        last = listing.option_count - 1
        assert listing.highlighted == last
        await pilot.press("down", "j")  # stays on the last row: no wrap to the top
        assert listing.highlighted == last
        await pilot.press("g")
        assert listing.highlighted == 0
        await pilot.press("up", "k")
        assert listing.highlighted == 0
        await pilot.press("pagedown")
        assert listing.highlighted > 1
        await pilot.press("escape")
        # The results list too: Down on the last result stays there.
        results = app.screen.query_one(KeyList)
        await pilot.press("G", "j")
        assert results.highlighted == results.option_count - 1


@pytest.mark.parametrize("key", ["E", "T", "L", "Q", "v"])
async def test_every_list_screen_uses_the_one_list(make_app, key: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # an article open, for v
        await settle(pilot)
        await pilot.press("escape", key)
        await settle(pilot)
        assert not isinstance(app.screen, MainScreen)
        assert len(app.screen.query(KeyList)) == 1


async def test_the_timeline_opens_on_its_first_period(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        listing = await opened_list(pilot, "T")
        first = next(n for n in range(listing.option_count) if not listing.get_option_at_index(n).disabled)
        assert listing.highlighted == first


async def test_quote_browser_shows_each_quote_once_and_opens_at_it(tmp_path: Path) -> None:
    from reader.config import Config
    from reader.tui.app import NewsReaderApp
    from reader.tui.screens.browsers import QuoteBrowser
    from reader.tui.widgets.article import ArticleView, BlockView
    from tests.conftest import FIXTURES, run_import

    src = tmp_path / "saved"
    src.mkdir()
    page = (FIXTURES / "harbour-scrape.txt").read_text(encoding="utf-8")
    (src / "harbour.txt").write_text(page, encoding="utf-8")
    # The same story saved again after an update: its quotes come twice.
    (src / "harbour-updated.txt").write_text(page + "\n\nThe ferry ran again on Saturday.\n", encoding="utf-8")
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, src)
        assert len(archive.quotes(words="priced us out")) == 2
    app = NewsReaderApp(root, config=Config(), save_config=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await to_results(pilot)
        await pilot.press("Q")
        assert isinstance(app.screen, QuoteBrowser)
        await pilot.press(*"priced us out")
        await settle(pilot)
        listing = app.screen.query_one(KeyList)
        assert listing.option_count == 1
        await pilot.press("enter", "enter")
        await settle(pilot)
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        assert app.focused is reader and reader.page is not None
        [quote] = [q for q in reader.page.stored.quotes if "priced us out" in str(q["text"])]
        view = next(v for v in reader.query(BlockView) if v.block_index == quote["block"])
        assert reader.scroll_y > 0
        assert reader.region.contains(view.region.x, view.region.y)  # the quote's paragraph is in sight


async def test_a_quote_opened_from_the_browser_is_listed_whatever_the_filters(make_app) -> None:  # type: ignore[no-untyped-def]
    """The quote browser lists the whole archive; with the results filtered to
    other dates, its article was shown in the reader over an empty list that
    said "0 articles"."""
    from reader.tui.screens.main import StatusLine
    from reader.tui.widgets.results import ResultsList

    app = make_app()
    toasts = record_toasts(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("F", *"2099", "enter")  # no article is from 2099
        await settle(pilot)
        assert app.screen.query_one(ResultsList).option_count == 0
        await opened_list(pilot, "Q")
        await pilot.press("enter", "enter")  # to the list, then its first quote
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ResultsList).option_count == 1
        assert "filters" not in str(app.screen.query_one(StatusLine).render())
        assert any("Filters cleared" in t for t in toasts)


async def test_a_quote_browser_that_finds_nothing_says_so(make_app) -> None:  # type: ignore[no-untyped-def]
    """Words no quote or speaker has left an empty box, as if still loading;
    the CLI said "No quotes by …"."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = await opened_list(pilot, "Q")
        assert listing.option_count > 1
        await pilot.press(*"zanzibar")
        await settle(pilot)
        assert listing.option_count == 1 and listing.get_option_at_index(0).disabled
        assert "No quote or speaker matches “zanzibar”" in str(listing.get_option_at_index(0).prompt)


async def test_the_cursor_stays_in_place_after_a_correction_and_u_undoes_it(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    toasts = record_toasts(app)
    async with app.run_test(size=(120, 36)) as pilot:
        listing = await opened_list(pilot, "E")
        await pilot.press("j", "j")
        rejected, following = listing.keys[2], listing.keys[3]
        await pilot.press("x")
        await settle(pilot)
        await settle(pilot)
        assert rejected not in listing.keys
        assert listing.highlighted == 2 and listing.current_key == following  # it jumped to the top
        await pilot.press("u")  # undo: the entity is back, under the cursor
        await settle(pilot)
        await settle(pilot)
        assert listing.current_key == rejected
        await pilot.press("u")
        await settle(pilot)
        assert toasts[-1] == "No correction to undo"
    with Archive(filled_dir) as archive:
        assert archive.corrections() == []


async def test_the_quote_browser_lists_quotations_not_scare_quotes(tmp_path: Path) -> None:
    from reader.config import Config
    from reader.tui.app import NewsReaderApp
    from reader.tui.screens.browsers import QuoteBrowser
    from tests.conftest import run_import

    src = tmp_path / "saved"
    src.mkdir()
    (src / "pier.txt").write_text(
        "The island pier reopens after the winter storm\n\nThe pier reopened on Monday after the storm.\n\n"
        "“We will keep it open all winter,” harbour master Ann Berg said.\n\n"
        "On the quay the new toll was called a “desperate” move.\n",
        encoding="utf-8",
    )
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, src)
    app = NewsReaderApp(root, config=Config(), save_config=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await to_results(pilot)
        await pilot.press("Q")
        assert isinstance(app.screen, QuoteBrowser)
        await settle(pilot)
        listing = app.screen.query_one(KeyList)
        assert listing.option_count == 1
        assert "keep it open" in listing.keys[0]  # the row's key: the article id and the quote's words


async def test_an_article_loaded_while_the_screen_closes_is_dropped_quietly(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.widgets.side_panel import SidePanel

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        shown = screen.opener.reader.article_id
        ids = [r[0] for r in app.archive.store.db.execute("SELECT id FROM articles")]
        article_id = next(i for i in ids if i != shown)  # another article than the one shown
        loaded = screen.opener.load_page(article_id, screen.search.text, ())
        assert loaded is not None
        await screen.query_one(SidePanel).remove()  # as when the app quits while a preview loads
        screen.opener._show(*loaded)  # it raised NoMatches from a worker's callback
        await settle(pilot)
        assert app.is_running


async def test_the_timeline_of_twenty_years_opens_by_year_and_m_shows_months(tmp_path: Path) -> None:
    """The timeline opened by month whatever the span: an archive of 2004 to
    2023 was 240 rows, most of them empty. It opens on a grain chosen from the
    span; m still shows months."""
    from reader.config import Config
    from reader.tui.app import NewsReaderApp
    from tests.conftest import archive_of

    body = "The harbour board met on {} to vote on the new quay, and the vote was carried by seven to two."
    data = archive_of(
        tmp_path,
        {
            "old.md": f"---\ntitle: Old quay\ndate: 2004-03-01\n---\n\n{body.format('Monday')}\n",
            "new.md": f"---\ntitle: New quay\ndate: 2023-11-09\n---\n\n{body.format('Friday')}\n",
        },
    )
    app = NewsReaderApp(data, config=Config(), save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        listing = await opened_list(pilot, "T")
        assert "by year" in str(app.screen.query_one("#timeline-title").render())
        assert listing.option_count == 20
        await pilot.press("m")
        await settle(pilot)
        assert "by month" in str(app.screen.query_one("#timeline-title").render())
        assert listing.option_count == 237


async def test_the_timeline_of_a_typed_query_counts_what_the_list_shows(make_app) -> None:  # type: ignore[no-untyped-def]
    """The list completes a typed last word ("Tallin" lists the Tallinn article);
    the timeline counted the query as written (0 articles), and Enter on a
    period searched it as written too."""
    from reader.tui.screens.timeline import TimelineScreen
    from reader.tui.widgets.results import ResultsList

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("/", "T", "a", "l", "l", "i", "n")
        await settle(pilot)
        listed = app.screen.search.last_result.total
        assert listed == 1
        await pilot.press("enter", "T")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        listing = app.screen.query_one(KeyList)
        counts = [int(str(listing.get_option_at_index(n).prompt).split()[1]) for n in range(listing.option_count)]
        assert sum(counts) == listed
        await pilot.press("enter")  # the period with the article
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ResultsList).option_count == listed


async def test_the_timelines_bars_fit_on_their_rows_at_80_columns(make_app) -> None:  # type: ignore[no-untyped-def]
    """A bar was 60 wide whatever the width: at 80 columns the longest ran
    past the list and wrapped under its label, a row of two lines."""
    from tests.tui.test_fits_at_80 import shown

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = await opened_list(pilot, "T")
        painted = [line for line in shown(listing).splitlines() if "█" in line or "▏" in line]
        assert painted and all(re.search(r"\d{4}-\d\d +\d+ +█", line) for line in painted), painted
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        widest = max(len(line.rstrip(" ▎▊")) for line in shown(listing).splitlines())
        assert widest > 70  # the full bar again where there is room


async def test_a_timeline_with_nothing_dated_says_why_at_80_columns(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """With only undated articles the timeline was an empty box: its title,
    which counted them, was the only word, and at 80 columns it read as if
    nothing had been found. The list now says what there is and why no bars."""
    from tests.tui.test_fits_at_80 import shown

    with Archive(filled_dir) as archive, archive.store.transaction():
        archive.store.db.execute("UPDATE articles SET published = NULL")
        articles = archive.store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = await opened_list(pilot, "T")
        assert f"{articles} articles, none dated" in shown(listing)
        await pilot.press("enter")  # the message is no period to open
        await settle(pilot)
        assert not isinstance(app.screen, MainScreen)
        await pilot.press("escape", "slash", *"zzzz")
        await settle(pilot)
        await pilot.press("enter", "T")
        await settle(pilot)
        assert "No articles match “zzzz”" in shown(app.screen.query_one(KeyList))
