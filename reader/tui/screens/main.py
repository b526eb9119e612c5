"""The main screen: search box, results, reading pane, status line."""

from __future__ import annotations

import asyncio
import contextlib
import os

from rich.text import Text
from textual import on, work
from textual._context import active_message_pump
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from reader.archive import Archive, QueryError, SourceUnavailable
from reader.model import SearchFilters
from reader.sanitize import clean_line
from reader.tui.commands import bindings
from reader.tui.pager import page_text
from reader.tui.read_only import refused
from reader.tui.screens.article_opener import ArticleOpener
from reader.tui.screens.query_runner import QueryRunner
from reader.tui.screens.saved_actions import SavedSearchActions
from reader.tui.widgets.article import ArticlePage, ArticleView
from reader.tui.widgets.key_footer import KeyFooter
from reader.tui.widgets.results import ResultsList
from reader.tui.widgets.search_box import SearchBox, StatusLine
from reader.tui.widgets.side_panel import SidePanel

WATCH_EVERY_S = 2.0  # how often to look for articles another process imported
NARROW_BELOW = 100

__all__ = ["MainScreen", "SearchBox", "StatusLine"]


class MainScreen(SavedSearchActions):
    BINDINGS = bindings("main")

    def __init__(self, archive: Archive, query: str = "") -> None:
        super().__init__()
        self.archive = archive
        self.initial_query = query
        # What is asked and its search; the reading pane's article and when it loads.
        self.opener: ArticleOpener
        self.search = QueryRunner(
            self,
            archive,
            on_new_list=lambda hits, page: self.opener.expect_new_list(hits, page),
            first_page=lambda article_id, query, terms: self._first_page(article_id, query, terms),
        )
        self.search.text = query
        self.opener = ArticleOpener(
            self, archive, self.search, mark_read=lambda article_id: self._set_read(article_id, True)
        )

    def compose(self) -> ComposeResult:
        yield SearchBox(self.initial_query, id="search")
        with Horizontal(id="panes"):
            yield Static(_welcome(), id="welcome")
            yield ResultsList(id="results")
            yield ArticleView(id="reader")
            yield SidePanel(id="side-panel")
        yield StatusLine(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_interval(WATCH_EVERY_S, self._watch_archive)
        # A person's first keys are a query: with the results focused, "pol"
        # opened the side panel and the pager, and "the" Enter tagged an article.
        # At once (set_focus), so keys that arrive with the first frame find it;
        # a remembered query is selected, so typing replaces it.
        self.set_focus(self.query_one(SearchBox))
        self.refresh_saved()
        reader = self.query_one(ArticleView)
        config = getattr(self.app, "config", None)
        if config is not None:
            reader.show_entities, reader.show_quotes = config.show_entities, config.show_quotes
        reader.show(None)
        self._apply_width(self.size.width)
        self.search.run(self.search.text)

    def _first_page(self, article_id: str, query: str, terms: tuple[str, ...]) -> ArticlePage | None:
        """A new list's first row as the preview shows it, loaded in the search's thread."""
        loaded = self.opener.load_page(article_id, query, terms)
        return loaded[0] if loaded else None

    # -- layout ------------------------------------------------------------------

    def on_resize(self, event: object) -> None:
        self._apply_width(self.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW_BELOW
        self.set_class(narrow, "-narrow")
        if narrow:
            self._show_pane("reader" if self.focused is self.query_one(ArticleView) else "results")

    def _show_pane(self, pane: str) -> None:
        # Only a narrow screen shows one pane at a time (_apply_width sets the
        # class from the focus when it narrows). On a wide one the class did
        # nothing but restyle every widget under the screen, each paragraph of
        # the article, on every Enter and Escape between the panes.
        self.set_class(pane == "reader" and self.has_class("-narrow"), "-reading")

    # -- search ------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        self.search.text = event.value
        self.search.typed = True
        self.opener.cancel_preview()
        self.search.run(event.value)

    def action_to_results(self) -> None:
        """Enter, Esc or ↓ in the search box: to the results, at once (priority
        keys), so the keys typed right behind are the results'. The query has
        run as it was typed; its last keys may still be on their way to the box."""
        self.set_focus(self.query_one(ResultsList))
        self._show_pane("results")

    @on(ResultsList.SnippetsWanted)
    def _snippets_wanted(self, event: ResultsList.SnippetsWanted) -> None:
        self.search.make_snippets(event.ids)

    # -- opening articles ------------------------------------------------------

    @on(ResultsList.OptionHighlighted)
    def _preview(self, event: ResultsList.OptionHighlighted) -> None:
        self.opener.cursor_moved(event.option_index)

    @on(ResultsList.OptionSelected)
    def _open(self, event: ResultsList.OptionSelected) -> None:
        self.opener.open_chosen(event.option_index)
        self.query_one(ArticleView).focus()
        self._show_pane("reader")
        self.opener.start_read_timer()

    # -- actions -------------------------------------------------------------

    def action_focus_search(self) -> None:
        self._show_pane("results")
        # At once, not as focus() does after the messages already queued: the
        # keys typed behind / are forwarded to whatever has focus when each arrives.
        self.set_focus(self.query_one(SearchBox))

    def action_clear_search(self) -> None:
        """ctrl+u: an empty query (every article, newest first) and the box
        focused for the next one, wherever the key is pressed on this screen."""
        box = self.query_one(SearchBox)
        box.value = ""  # its Changed message runs the empty search
        self.action_focus_search()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the search box / is typed: a priority key would be taken from it.
        return not (action == "focus_search" and isinstance(self.focused, Input))

    def action_back(self) -> None:
        """Escape: one level back, never into the search box."""
        if self.focused is self.query_one(SidePanel):
            self.query_one(ArticleView).focus()
            return
        reader = self.query_one(ArticleView)
        if reader.article_id and self.focused is reader and not self.archive.read_only:
            self.archive.set_position(reader.article_id, reader.position)
        self.query_one(ResultsList).focus()
        self._show_pane("results")

    def action_switch_pane(self) -> None:
        """Tab: results → reader → side panel (when shown) → results."""
        reader, panel = self.query_one(ArticleView), self.query_one(SidePanel)
        if self.focused is reader and panel.has_class("-open"):
            panel.focus()
        elif self.focused is reader or self.focused is panel:
            self.query_one(ResultsList).focus()
            self._show_pane("results")
        else:
            reader.focus()
            self._show_pane("reader")

    async def list_answered(self) -> None:
        """Wait until the results list answers the query typed so far: its
        keys may still be on their way to the box (the App forwards keys faster
        than the box takes them), and its search may be running. Keys on "the
        current article" wait for it (they are priority, so the keys behind them
        wait too): a query, Enter and t in one burst tagged the first row of the
        list shown before."""
        box = self.query_one(SearchBox)
        # The box's keys, then the Changed messages they posted, then the
        # screen's handling of those (which starts the search).
        for pump in (box, box, self):
            if active_message_pump.get(None) is pump:
                continue  # called from that queue: what it held is handled
            handled = asyncio.Event()
            if pump.call_later(handled.set):
                await handled.wait()
        await self.search.answered()

    def _current_id(self) -> str | None:
        reader = self.query_one(ArticleView)
        if self.focused is reader and reader.article_id:
            return reader.article_id
        hit = self.query_one(ResultsList).current_hit
        return hit.id if hit else reader.article_id

    async def action_toggle_star(self) -> None:
        await self.list_answered()
        article_id = self._current_id()
        if article_id is None or refused(self, self.archive):
            return
        stored = self.archive.get(article_id)
        if stored is not None:
            self.archive.set_starred(article_id, not stored.starred)
            self._refresh_hit(article_id)
            self.notify("Starred" if not stored.starred else "Unstarred", timeout=1.5)

    async def action_toggle_read(self) -> None:
        await self.list_answered()
        article_id = self._current_id()
        if article_id is None or refused(self, self.archive):
            return
        stored = self.archive.get(article_id)
        if stored is not None:
            self._set_read(article_id, not stored.is_read)
            self.opener.stop_read_timer()

    def _set_read(self, article_id: str, is_read: bool) -> None:
        self.archive.set_read(article_id, is_read)
        self._refresh_hit(article_id)
        self.refresh_saved()  # the saved searches' unread counts

    def _refresh_hit(self, article_id: str) -> None:
        results = self.query_one(ResultsList)
        for hit in results.hits:
            if hit.id == article_id:
                stored = self.archive.get(article_id)
                if stored is not None:
                    from dataclasses import replace

                    results.replace_hit(replace(hit, starred=stored.starred, is_read=stored.is_read, tags=stored.tags))

    def action_toggle_folds(self) -> None:
        self.query_one(ArticleView).toggle_folds()

    async def action_edit_filters(self) -> None:
        from reader.tui.screens.filters import FilterDialog

        def apply(filters: SearchFilters | None) -> None:
            if filters is not None:
                self.search.filters = filters
                self.search.run(self.search.text)

        await self.app.push_screen(FilterDialog(self.search.filters), apply)

    def action_toggle_collapse(self) -> None:
        self.search.collapse = not self.search.collapse
        self.search.run(self.search.text)
        # Said as well as shown: the status line names it only where a story has versions.
        collapsed = "One row per story (c: every version)"
        self.notify(
            collapsed if self.search.collapse else "Every version of each story (c: one row per story)", timeout=2
        )

    async def action_add_highlight(self) -> None:
        from reader.tui.screens.dialogs import HighlightDialog

        reader = self.query_one(ArticleView)
        if reader.page is None or refused(self, self.archive):
            return
        article_id = reader.page.stored.id

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer:
                self._save_highlight(article_id, *answer)

        await self.app.push_screen(HighlightDialog(reader.passage_hint()), chosen)

    @work(thread=True, group="highlight")
    def _save_highlight(self, article_id: str, passage: str, note: str) -> None:
        try:
            self.archive.add_highlight(article_id, passage, note)
        except QueryError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, "Highlighted (search them with is:highlight, notes with note:word)")
        self.app.call_from_thread(self.opener.open, article_id, self.search.text)

    async def action_show_timeline(self) -> None:
        from reader.tui.screens.timeline import TimelineScreen

        def chosen(period_query: str | None) -> None:
            if period_query:
                self.search_for(period_query)  # the filters stay: the timeline counted with them

        # The list's query as the list runs it: its filters, its last word completed while typing.
        timeline = TimelineScreen(self.archive, self.search.text, filters=self.search.filters, typed=self.search.typed)
        await self.app.push_screen(timeline, chosen)
        await timeline.filled()  # the keys behind T move the list filled (priority: they wait)

    async def action_show_versions(self) -> None:
        from reader.tui.screens.versions import VersionsScreen

        page = self.query_one(ArticleView).page
        if page is None:
            return

        def chosen(article_id: str | None) -> None:
            if article_id and article_id != page.stored.id:
                self.opener.open(article_id, self.search.text)
                self.query_one(ArticleView).focus()
                self._show_pane("reader")

        versions = VersionsScreen(self.archive, page.stored.id)
        await self.app.push_screen(versions, chosen)
        await versions.filled()  # the keys behind v move the list filled (priority: they wait)

    def action_toggle_entities(self) -> None:
        reader = self.query_one(ArticleView)
        reader.set_highlights(entities=not reader.show_entities)
        self.app.config.show_entities = reader.show_entities  # type: ignore[attr-defined]

    def action_toggle_quotes(self) -> None:
        reader = self.query_one(ArticleView)
        reader.set_highlights(quotes=not reader.show_quotes)
        self.app.config.show_quotes = reader.show_quotes  # type: ignore[attr-defined]

    def action_toggle_panel(self) -> None:
        panel = self.query_one(SidePanel)
        panel.toggle_class("-open")
        if panel.has_class("-open"):
            panel.focus()
        elif self.focused is panel:
            self.query_one(ArticleView).focus()

    @on(SidePanel.EntityHighlighted)
    def _entity_highlighted(self, event: SidePanel.EntityHighlighted) -> None:
        self.query_one(ArticleView).select_entity(event.name)

    @on(SidePanel.EntityChosen)
    def _entity_chosen(self, event: SidePanel.EntityChosen) -> None:
        """All articles about this entity: a search on the entity field."""
        self.search_for(SearchFilters(entity=event.name).query_text())

    @on(SidePanel.QuoteChosen)
    def _quote_chosen(self, event: SidePanel.QuoteChosen) -> None:
        reader = self.query_one(ArticleView)
        reader.scroll_to_block(event.block)
        reader.focus()

    def open_at_quote(self, article_id: str, quote: str) -> None:
        """Show an article (alone in the results) scrolled to one of its quotes.
        The quote browser lists the whole archive, so the list's filters go:
        with them the article shown could be outside its own list ("0 articles")."""
        if self.search.filters.active:
            self.search.filters = SearchFilters()
            self.notify("Filters cleared: the quote's article is listed alone", timeout=2)
        self.opener.jump_to = (article_id, quote)
        self.search_for(f"id:{article_id}")
        self.opener.open(article_id, self.search.text)
        self.query_one(ArticleView).focus()
        self._show_pane("reader")

    def search_for(self, query: str) -> None:
        """Put a query in the search box and run it (from panels and browsers)."""
        box = self.query_one(SearchBox)
        with box.prevent(Input.Changed):
            box.value = query
        self.search.text = query
        self.search.typed = False
        self.search.run(query)
        self.query_one(ResultsList).focus()
        self._show_pane("results")

    async def action_edit_tags(self) -> None:
        from reader.tui.screens.tags import TagsDialog

        await self.list_answered()
        article_id = self._current_id()
        if article_id is None or refused(self, self.archive):
            return
        stored = self.archive.get(article_id)
        if stored is None:
            return

        def save(tags: list[str] | None) -> None:
            if tags is None:
                return
            stored_tags = self.archive.set_tags(article_id, tags)
            # The toast says what was kept (one of "Europe" and "europe"), as typed.
            self.notify("Tags: " + (", ".join(stored_tags) or "none"), timeout=2)
            self._refresh_hit(article_id)
            self.query_one(ArticleView).set_tags(article_id, stored_tags)

        await self.app.push_screen(TagsDialog(stored.tags), save)

    async def action_export(self) -> None:
        """X: the article being read or the list's articles, through the export dialog."""
        from reader.tui.screens.export import Choices, ExportDialog, ExportRequest, run_export

        await self.list_answered()  # "the search's articles" are those of the query typed
        article_id = self._current_id()
        stored = self.archive.get(article_id) if article_id else None
        choices = Choices(
            (stored.id, stored.article.title) if stored else None,
            self.search.text,
            self.search.filters,
            self.search.typed,
            reading=self.focused is self.query_one(ArticleView),
        )

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                run_export(self, self.archive, request)

        await self.app.push_screen(ExportDialog(choices), chosen)

    async def action_open_source(self) -> None:
        await self.list_answered()
        article_id = self._current_id()
        if article_id:
            self._read_source(article_id)

    @work(thread=True, exclusive=True, group="source")
    def _read_source(self, article_id: str) -> None:
        """Read and clean the source file off the UI thread (it may be large)."""
        try:
            path, text = self.archive.source_text(article_id)
        except SourceUnavailable as exc:
            self.app.call_from_thread(self.notify, f"No source to show: {clean_line(str(exc))}", severity="warning")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(page_text, self.app, text, os.path.basename(path))

    @work(thread=True, exclusive=True, group="watch")
    def _watch_archive(self) -> None:
        """Refresh the results when another process (an import) changed the archive.

        Asked off the UI thread: the archive answers one caller at a time, so
        asking while a search ran froze the screen (and the keys typed) until
        the search ended, every WATCH_EVERY_S."""
        if self.archive.changed_elsewhere():
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.app.call_from_thread(self._changed_elsewhere)

    def _changed_elsewhere(self) -> None:
        # Also while the box has focus (the app opens there): the query in it is
        # what the list shows, and the same query run again keeps the cursor.
        self.search.run(self.search.text)
        self.refresh_saved()

    def refresh_results(self) -> None:
        """Run the current query again (after an import or a reindex)."""
        self.search.run(self.search.text)


def _welcome() -> Text:
    """The first screen of an empty archive: how to import, and the demo."""
    text = Text()
    text.append("Your archive is empty.\n\n", style="bold")
    text.append("Press ")
    text.append("i", style="bold reverse")
    text.append(" to import a folder of saved articles: web pages (.html, .mhtml), text (.txt, .md), ")
    text.append("wallabag or newsreader JSON exports. Folders are read recursively; nothing is changed in them.\n\n")
    text.append("Or from a shell, while this stays open (new articles appear here as they arrive):\n")
    text.append("    newsreader import ~/saved-articles\n\n", style="bold")
    text.append("To look around first: the same reader on a bundled demo archive, kept apart from yours:\n")
    text.append("    newsreader --demo\n\n", style="bold")
    text.append("? lists every key · q quits", style="dim")
    return text
