"""Pilot tests for stories in the app: versions in the results, the versions
screen, the word diff, and collapsing the results to one row per story."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from reader.archive import Archive
from reader.config import Config
from reader.tui.screens.versions import DiffScreen, VersionsScreen
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.listing import KeyList
from reader.tui.widgets.results import ResultsList
from tests.archive.test_stories import _write_versions
from tests.conftest import run_import
from tests.tui.conftest import opened_list, record_toasts, settle, to_results


async def test_versions_diff_and_collapse_from_the_keyboard(tmp_path: Path) -> None:
    from reader.tui.app import NewsReaderApp

    _write_versions(tmp_path / "saved")
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, tmp_path / "saved")
    app = NewsReaderApp(root, config=Config(), save_config=False)
    toasts = record_toasts(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"dispute", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        collapsed = len(results.hits)  # a story once, by default
        assert sum(h.versions == 3 for h in results.hits) == 1
        await pilot.press("c")  # every version
        await settle(pilot)
        assert len(results.hits) == collapsed + 2
        versioned = [h for h in results.hits if h.versions == 3]
        assert len(versioned) == 3
        prompts = [results.row_text(n) for n in range(len(results.hits))]
        assert sum("3 versions (v)" in p for p in prompts) == 3
        results.highlighted = [h.id for h in results.hits].index(versioned[0].id)
        await pilot.press("enter")
        await settle(pilot)
        reading = app.screen.query_one(ArticleView).page.stored.id  # type: ignore[union-attr]
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
        listing = app.screen.query_one(KeyList)
        assert listing.option_count == 3
        labels = [listing.row_text(n) for n in range(3)]
        assert sum("reading" in label for label in labels) == 1
        assert sum("% differ" in label for label in labels) == 2
        # Every title starts in the same column ("reading" was one cell wider than "14% differ").
        assert len({listing.get_option_at_index(n).prompt.lead.cell_length for n in range(3)}) == 1  # type: ignore[union-attr]
        # d on another version: the word diff against the one being read.
        other = next(n for n, label in enumerate(labels) if "reading" not in label)
        listing.highlighted = next(n for n, label in enumerate(labels) if "reading" in label)
        await pilot.press("d")  # on the version being read: said, not silently ignored
        assert isinstance(app.screen, VersionsScreen) and toasts[-1].startswith("That is the version you are reading")
        listing.highlighted = other
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DiffScreen)
        title = str(app.screen.query_one("#diff-title").render())
        assert "words added" in title and "removed" in title
        # Which two versions: their titles, sites and dates, not their ids.
        assert reading not in title and "struck:" in title and "bold:" in title
        assert app.screen_stack[1].query_one(ArticleView).page.stored.article.title in title  # type: ignore[union-attr]
        assert str(app.screen.query_one("#diff-text", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, VersionsScreen)
        # Enter reads the highlighted version.
        chosen = app.screen.query_one(KeyList).key_at(other)
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen.query_one(ArticleView).page
        assert page is not None and page.stored.id == chosen != reading
        # c again: one row per story.
        before = len(results.hits)
        await pilot.press("escape", "c")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert len(results.hits) == before - 2


async def test_timeline_zooms_and_opens_a_period(make_app) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.timeline import TimelineScreen

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await to_results(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        months = app.screen.query_one(KeyList).option_count
        await pilot.press("y")
        await settle(pilot)
        listing = app.screen.query_one(KeyList)
        assert 1 <= listing.option_count <= months
        assert "by year" in str(app.screen.query_one("#timeline-title").render())
        period = listing.current_key  # the first year with articles
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert str(app.screen.query_one("#search").value) == period
        assert results.hits and all(h.published and str(h.published.year) in period for h in results.hits)


async def test_save_a_search_list_it_with_unread_counts_and_run_it(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.saved import SavedSearches

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ferry", "enter")
        await settle(pilot)
        expected = [h.id for h in app.screen.query_one(ResultsList).hits]
        await pilot.press("ctrl+s", *"Ferries", "enter")
        await settle(pilot)
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"tram", "enter")  # another search meanwhile
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, SavedSearches)
        listing = app.screen.query_one(KeyList)
        assert listing.option_count == 1
        label = listing.row_text(0)
        assert "Ferries" in label and f"{len(expected)} unread" in label
        await pilot.press("enter")
        await settle(pilot)
        assert [h.id for h in app.screen.query_one(ResultsList).hits] == expected
    with Archive(filled_dir) as archive:
        [saved] = archive.saved_searches()
        assert (saved.name, saved.query, saved.unread) == ("Ferries", "ferry", len(expected))


async def test_entity_browser_renames_and_rejects(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.browsers import EntityBrowser

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await to_results(pilot)
        await pilot.press("E", "1")
        await settle(pilot)
        assert isinstance(app.screen, EntityBrowser)
        listing = app.screen.query_one(KeyList)
        names = listing.keys
        listing.highlighted = names.index("Johan Lindqvist")
        await pilot.press("r", "ctrl+a", "ctrl+k", *"Johan Lindqvist-Berg", "enter")
        await settle(pilot)
        listing = app.screen.query_one(KeyList)
        names = listing.keys
        assert "Johan Lindqvist-Berg" in names and "Johan Lindqvist" not in names
        listing.highlighted = names.index("Johan Lindqvist-Berg")
        await pilot.press("x")
        await settle(pilot)
        listing = app.screen.query_one(KeyList)
        assert "Johan Lindqvist-Berg" not in listing.keys
    with Archive(filled_dir) as archive:
        assert [c.describe() for c in archive.corrections()] == [
            "“Johan Lindqvist” → “Johan Lindqvist-Berg”",
            "“Johan Lindqvist-Berg” is not an entity",
        ]


async def test_entity_browser_refuses_a_merge_into_an_unknown_name(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.browsers import EntityBrowser

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        listing = await opened_list(pilot, "E", "1")
        listing.highlighted = listing.keys.index("Johan Lindqvist")
        await pilot.press("m", *"Nobody Of That Name", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityBrowser)
        assert "Johan Lindqvist" in app.screen.query_one(KeyList).keys
    with Archive(filled_dir) as archive:
        assert archive.corrections() == []


async def test_highlight_with_a_note_from_the_reader(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"abertay", "enter", "enter")
        await settle(pilot)
        await pilot.press("n", "h")  # the sentence around the current hit is offered
        await pilot.pause()
        offered = app.screen.query_one("#highlight-passage").value
        assert "Abertay" in offered or "abertay" in offered.lower()
        await pilot.press("enter", *"check the dredging dates", "enter")
        await settle(pilot)
        page = app.screen.query_one(ArticleView).page
        assert page is not None and [h.note for h in page.stored.highlights] == ["check the dredging dates"]
        rendered = " ".join(str(v.render()) for v in app.screen.query_one(ArticleView).children)
        assert "✎ check the dredging dates" in rendered
    with Archive(filled_dir) as archive:
        assert len(archive.search("note:dredging").hits) == 1


async def _side_panel(app, pilot):  # type: ignore[no-untyped-def]
    """The side panel, opened from the results as a person does (p)."""
    from reader.tui.widgets.side_panel import SidePanel

    await to_results(pilot)
    await pilot.press("p")
    await settle(pilot)
    return app.screen.query_one(SidePanel)


async def test_saved_searches_and_highlights_in_the_side_panel(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]

    with Archive(filled_dir) as archive:
        archive.save_search("Rivers", "abertay")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _side_panel(app, pilot)
        labels = [panel.row_text(n) for n in range(panel.option_count)]
        assert labels[0] == "Saved searches" and "Rivers" in labels[1] and "1 unread" in labels[1]
        panel.highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert len(results.hits) == 1 and app.screen.query_one("#search").value == "abertay"


async def test_an_entitys_timeline_from_the_browser(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.timeline import TimelineScreen

    with Archive(filled_dir) as archive:
        dated = [n for n, _, _, _ in archive.entities(limit=100) if archive.timeline(f'entity:"{n}"', "year").periods]
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        listing = await opened_list(pilot, "E")
        names = listing.keys
        name = next(n for n in names if n in dated)
        listing.highlighted = names.index(name)
        await pilot.press("T")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert name in str(app.screen.query_one("#timeline-title").render())
        await pilot.press("enter")
        await settle(pilot)
        query = app.screen.query_one("#search").value
        assert query.startswith(f'entity:"{name}" date:')
        assert len(app.screen.query_one(ResultsList).hits) >= 1


async def test_a_saved_search_forgotten_in_the_list_leaves_the_side_panel(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """x in the saved searches (L) forgot it, but the side panel went on listing
    it (seen in tmux on the real archive), and Enter on it did nothing."""

    with Archive(filled_dir) as archive:
        archive.save_search("Rivers", "abertay")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        panel = await _side_panel(app, pilot)
        assert any("Rivers" in panel.row_text(n) for n in range(panel.option_count))
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("x", "escape")
        await settle(pilot)
        assert not any("Rivers" in panel.row_text(n) for n in range(panel.option_count))


async def test_entity_browser_gives_a_name_its_right_type(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A name of the wrong type (a magazine as a person, a protocol as an
    organisation: both in the real archive's browser) could be renamed,
    merged or rejected there, but its type only from a shell
    (`newsreader correct type`): t asks for it, and a word that is no type
    is refused with the four that are."""
    from reader.tui.screens.browsers import EntityBrowser

    app = make_app()
    toasts = record_toasts(app)
    async with app.run_test(size=(140, 40)) as pilot:
        listing = await opened_list(pilot, "E", "1")
        listing.highlighted = listing.keys.index("Johan Lindqvist")
        await pilot.press("t")
        assert app.screen.query_one("#name-input").placeholder == "person, place, org or group"  # not "name"
        await pilot.press(*"planet", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityBrowser)
        assert any("Not a type: planet" in t and "person, place, org or group" in t for t in toasts)
        await pilot.press("t", *"org", "enter")
        await settle(pilot)
        assert "Johan Lindqvist" not in app.screen.query_one(KeyList).keys  # no longer among the people
        await pilot.press("3")
        await settle(pilot)
        assert "Johan Lindqvist" in app.screen.query_one(KeyList).keys
    with Archive(filled_dir) as archive:
        assert [c.describe() for c in archive.corrections()] == ["“Johan Lindqvist” is an org"]
