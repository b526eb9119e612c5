"""The main screen: search box, results, reading pane, status line."""

from __future__ import annotations

import contextlib
import os
import re

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from reader.archive import Archive, IndexDamaged, QueryError, SourceUnavailable
from reader.model import SavedSearch, SearchFilters, SearchResult
from reader.sanitize import clean_line
from reader.text.anchor import placed
from reader.tui.commands import bindings
from reader.tui.pager import page_text
from reader.tui.read_only import refused
from reader.tui.widgets.article import ArticlePage, ArticleView
from reader.tui.widgets.key_footer import KeyFooter
from reader.tui.widgets.results import ResultsList
from reader.tui.widgets.side_panel import SidePanel

MARK_READ_AFTER_S = 3.0
PREVIEW_AFTER_S = 0.12
WATCH_EVERY_S = 2.0  # how often to look for articles another process imported
NARROW_BELOW = 100
PAGE_SIZE = 50
SHOW_TIMING = True  # snapshot tests turn this off: milliseconds differ run to run


class SearchBox(Input):
    """The query input; Enter and Escape hand focus to the results."""


class StatusLine(Static):
    """Hit count and query time, or what was wrong with the query."""


class MainScreen(Screen[None]):
    BINDINGS = bindings("main")

    def __init__(self, archive: Archive, query: str = "") -> None:
        super().__init__()
        self.archive = archive
        self.initial_query = query
        # One search at a time: while one runs, only the newest query waits.
        self._searching = False
        self._next_search: str | None = None
        self._preview_on_paint = False
        self._shown_for: tuple[object, ...] | None = None  # the query, filters and collapse the list shows
        self._read_timer: Timer | None = None
        self._preview_timer: Timer | None = None
        self._query = query
        # Whether the query in the box was typed (its last word may be half
        # done, so it is completed), or put there whole: a saved search, an
        # entity's articles, a timeline period, whose counts must match.
        self._typed = True
        self.filters = SearchFilters()
        self.collapse = True  # each story once in the results, with "N versions" (c shows every version)
        self.last_result: SearchResult | None = None
        self._jump_to: tuple[str, str] | None = None  # (article id, quote): open it there

    def compose(self) -> ComposeResult:
        yield SearchBox(
            value=self.initial_query,
            placeholder='Search: words, "phrases", title:…, date:2021-11, pre*, fuzzy~   (press / to type)',
            id="search",
        )
        with Horizontal(id="panes"):
            yield Static(_welcome(), id="welcome")
            yield ResultsList(id="results")
            yield ArticleView(id="reader")
            yield SidePanel(id="side-panel")
        yield StatusLine("", id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_interval(WATCH_EVERY_S, self._watch_archive)
        self.query_one(ResultsList).focus()
        self.refresh_saved()
        reader = self.query_one(ArticleView)
        config = getattr(self.app, "config", None)
        if config is not None:
            reader.show_entities, reader.show_quotes = config.show_entities, config.show_quotes
        reader.show(None)
        self._apply_width(self.size.width)
        self.run_search(self._query)

    # -- layout ------------------------------------------------------------------

    def on_resize(self, event: object) -> None:
        self._apply_width(self.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW_BELOW
        self.set_class(narrow, "-narrow")
        if narrow:
            self._show_pane("reader" if self.focused is self.query_one(ArticleView) else "results")

    def _show_pane(self, pane: str) -> None:
        self.set_class(pane == "reader", "-reading")

    # -- search ------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        self._query = event.value
        self._typed = True
        self.run_search(self._query)

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)
        self.query_one(ResultsList).focus()

    def run_search(self, text: str) -> None:
        """Search for `text` now or, while a search runs, as soon as it ends.

        No key waits for a timer (a fixed 150 ms debounce was paid on every
        key before any work began); while a search runs, typing on replaces
        the query that waits, so at most one stale search is ever run and its
        answer is dropped unseen.
        """
        if self._searching:
            self._next_search = text
            return
        self._searching = True
        self._search_in_thread(text)

    @work(thread=True, group="search")
    def _search_in_thread(self, text: str) -> None:
        result: SearchResult | str | None = None
        try:
            # A typed query's last word counts as typed so far: results come while typing it.
            result = self.archive.search(
                text,
                limit=PAGE_SIZE,
                filters=self.filters,
                collapse=self.collapse,
                complete_last_word=self._typed,
                suggest=False,  # made apart (_suggest_in_thread): it can take longer than the search
            )
        except (QueryError, IndexDamaged) as exc:
            result = str(exc)
        finally:
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.app.call_from_thread(self._search_finished, text, result)

    def _search_finished(self, text: str, result: SearchResult | str | None) -> None:
        self._searching = False
        waiting, self._next_search = self._next_search, None
        if waiting is not None:
            self.run_search(waiting)  # this answer is stale: the filters or the query changed since
        elif result is not None:
            self._show_result(text, result)

    def _show_result(self, text: str, result: SearchResult | str) -> None:
        if text != self._query:
            return  # the user has typed on; a newer search is coming
        status = self.query_one(StatusLine)
        if isinstance(result, str):
            status.update(Text("⚠ " + result, style="bold"))
            status.add_class("-error")
            return
        status.remove_class("-error")
        self.last_result = result
        # An empty archive (not an empty search) gets a first screen that says
        # how to fill it, instead of "0 articles" beside an empty pane.
        empty = result.total == 0 and not text.strip() and not self.filters.active
        self.set_class(empty, "-empty")
        if empty:
            status.update(Text("The archive is empty: i imports a folder"))
            return
        # The new list's first row is previewed as soon as the list has
        # painted; the resting delay is for a cursor passing over rows.
        self._preview_on_paint = bool(result.hits)
        # The same search run again (after an import or a reindex) keeps the
        # cursor on its article; a new query or filter starts at its best hit.
        shown_for, self._shown_for = self._shown_for, (text, self.filters, self.collapse)
        self.query_one(ResultsList).show(result.hits, keep_cursor=shown_for == self._shown_for)
        noun = "article" if result.total == 1 else "articles"
        line = f"{result.total} {noun}" + (f" · {result.elapsed_ms:.0f} ms" if SHOW_TIMING else "")
        if not text.strip() and not self.filters.active:
            line = f"{result.total} {noun} in the archive, newest first"
        if self.filters.active:
            line += f" · filters: {self.filters.describe()} (F to change)"
        if any(h.versions > 1 for h in result.hits):
            line += (
                " · one row per story (c: every version)" if self.collapse else " · every version (c: one per story)"
            )
        status.update(Text(line))
        if not result.hits:
            self.query_one(ArticleView).show(None)
            if text.strip() and not self.filters.active:
                self._suggest_in_thread(text, line)

    @work(thread=True, exclusive=True, group="suggest")
    def _suggest_in_thread(self, text: str, line: str) -> None:
        """Add "did you mean" to the status of a query that found nothing, once
        it is made, unless the query has changed by then."""
        try:
            suggestion = self.archive.suggestion(text)
        except (QueryError, IndexDamaged):
            return
        if suggestion and not get_current_worker().is_cancelled:
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.app.call_from_thread(self._show_suggestion, text, line, suggestion)

    def _show_suggestion(self, text: str, line: str, suggestion: str) -> None:
        if text == self._query and not self._searching:
            self.query_one(StatusLine).update(Text(f"{line} · did you mean: {clean_line(suggestion)}"))

    # -- opening articles ------------------------------------------------------

    @on(ResultsList.OptionHighlighted)
    def _preview(self, event: ResultsList.OptionHighlighted) -> None:
        # Previewing waits for the cursor to rest: typing a query or holding j
        # must not load (and analyse, and render) every article passed over.
        if self._preview_timer is not None:
            self._preview_timer.stop()
        article_id = self.query_one(ResultsList).key_at(event.option_index)
        on_paint, self._preview_on_paint = self._preview_on_paint, False
        if not article_id or not self._stale(article_id):
            return
        if on_paint:
            self.call_after_refresh(self._preview_unless_typed_on, article_id, self._query)
        else:
            self._preview_timer = self.set_timer(PREVIEW_AFTER_S, lambda: self.open_article(article_id, self._query))

    def _preview_unless_typed_on(self, article_id: str, query: str) -> None:
        """Open the new list's first row, unless a key has since changed the query or the row."""
        results = self.query_one(ResultsList)
        current = results.key_at(results.highlighted)
        reading = self.focused is self.query_one(ArticleView)  # an article opened meanwhile (at a quote, say)
        fresh = query == self._query and not self._searching and current == article_id
        if fresh and not reading and self._jump_to is None and self._stale(article_id):
            self.open_article(article_id, query)

    @on(ResultsList.OptionSelected)
    def _open(self, event: ResultsList.OptionSelected) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        reader = self.query_one(ArticleView)
        article_id = self.query_one(ResultsList).key_at(event.option_index)
        if article_id and self._stale(article_id):
            self.open_article(article_id, self._query)
        reader.focus()
        self._show_pane("reader")
        self._start_read_timer()

    def _stale(self, article_id: str) -> bool:
        """Whether the reader must (re)load: another article, or the same one
        shown for another query (its highlights would be the old query's)."""
        page = self.query_one(ArticleView).page
        return page is None or page.stored.id != article_id or page.query != self._query

    @work(thread=True, exclusive=True, group="open-article")
    def open_article(self, article_id: str, query: str) -> None:
        """Load an article and find the query's words in it, off the UI thread."""
        worker = get_current_worker()
        stored = self.archive.get(article_id)
        if stored is None:
            return
        terms = self.last_result.terms if self.last_result and self.last_result.query == query else ()
        hits: dict[int, list[tuple[int, int]]] = {}
        for i, block in enumerate(stored.article.blocks):
            spans = self.archive.match_spans(block.text, terms)
            if spans:
                hits[i] = spans
        # An entity's articles (from the browser or the panel): n/N walk its mentions.
        wanted = {name.casefold() for name in _entity_names(query, self.filters)}
        for entity in stored.entities if wanted else ():
            if str(entity["name"]).casefold() in wanted:
                for m in entity["mentions"]:  # type: ignore[attr-defined]
                    hits.setdefault(int(m["block"]), []).append((int(m["start"]), int(m["end"])))
        boilerplate = self.archive.boilerplate(article_id)
        marks = placed(stored.article.blocks, stored.highlights)
        at_block = None
        if self._jump_to and self._jump_to[0] == article_id:
            at_block = next((int(q["block"]) for q in stored.quotes if q["text"] == self._jump_to[1]), None)
        if not worker.is_cancelled:
            page = ArticlePage(stored, hits, query, boilerplate, marks)
            self.app.call_from_thread(self._show_article, page, at_block)

    def _show_article(self, page: ArticlePage, at_block: int | None = None) -> None:
        reader = self.query_one(ArticleView)
        previous = reader.article_id
        if previous and previous != page.stored.id:
            self._save_position(previous, reader.position)
            reader.selected_entity = None
        if self._jump_to and self._jump_to[0] == page.stored.id:
            self._jump_to = None
        reader.show(page, block=at_block)
        self.query_one(SidePanel).show(page.stored)

    @work(thread=True, group="position")
    def _save_position(self, article_id: str, position: float) -> None:
        """Remember where the reader left an article, off the UI thread: the
        preview changes on every key typed, and the archive waits for a
        running search before it writes. Not kept in a read-only archive."""
        if not self.archive.read_only:
            self.archive.set_position(article_id, position)

    def _start_read_timer(self) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
        self._read_timer = self.set_timer(MARK_READ_AFTER_S, self._mark_read)

    def _mark_read(self) -> None:
        reader = self.query_one(ArticleView)
        if reader.page is not None and self.focused is reader and not self.archive.read_only:
            self._set_read(reader.page.stored.id, True)

    # -- actions -------------------------------------------------------------

    def action_focus_search(self) -> None:
        self._show_pane("results")
        # At once, not as focus() does after the messages already queued: the
        # keys typed behind / are forwarded to whatever has focus when each arrives.
        self.set_focus(self.query_one(SearchBox))

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
        if self.focused is reader and self.has_class("-panel"):
            panel.focus()
        elif self.focused is reader or self.focused is panel:
            self.query_one(ResultsList).focus()
            self._show_pane("results")
        else:
            reader.focus()
            self._show_pane("reader")

    def _current_id(self) -> str | None:
        reader = self.query_one(ArticleView)
        if self.focused is reader and reader.article_id:
            return reader.article_id
        hit = self.query_one(ResultsList).current_hit
        return hit.id if hit else reader.article_id

    def action_toggle_star(self) -> None:
        article_id = self._current_id()
        if article_id is None or refused(self, self.archive):
            return
        stored = self.archive.get(article_id)
        if stored is not None:
            self.archive.set_starred(article_id, not stored.starred)
            self._refresh_hit(article_id)
            self.notify("Starred" if not stored.starred else "Unstarred", timeout=1.5)

    def action_toggle_read(self) -> None:
        article_id = self._current_id()
        if article_id is None or refused(self, self.archive):
            return
        stored = self.archive.get(article_id)
        if stored is not None:
            self._set_read(article_id, not stored.is_read)
            if self._read_timer is not None:
                self._read_timer.stop()

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

    def action_edit_filters(self) -> None:
        from reader.tui.screens.filters import FilterDialog

        def apply(filters: SearchFilters | None) -> None:
            if filters is not None:
                self.filters = filters
                self.run_search(self._query)

        self.app.push_screen(FilterDialog(self.filters), apply)

    def action_toggle_collapse(self) -> None:
        self.collapse = not self.collapse
        self.run_search(self._query)

    def action_show_saved(self) -> None:
        from reader.tui.screens.saved import SavedSearches

        def chosen(name: str | None) -> None:
            if name:
                self.run_saved(name)

        self.app.push_screen(SavedSearches(self.archive), chosen)

    def action_run_saved(self, name: str) -> None:
        self.run_saved(name)

    def run_saved(self, name: str) -> None:
        """Run a saved search: its query in the box, its filters applied."""
        saved = self.archive.saved_search(name)
        if saved is None:
            return
        self.filters = saved.filters
        self.search_for(saved.query)

    def action_save_search(self) -> None:
        from reader.tui.screens.dialogs import NameDialog

        query, filters = self._query, self.filters
        if refused(self, self.archive):
            return

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                self.archive.save_search(name, query, filters)
            except QueryError as exc:
                self.notify(str(exc), severity="error")
                return
            self.notify(f"Saved as “{name}” (L lists saved searches)")
            self.refresh_saved()

        self.app.push_screen(NameDialog(f"Save “{clean_line(query) or 'everything'}” as"), named)

    def action_add_highlight(self) -> None:
        from reader.tui.screens.dialogs import HighlightDialog

        reader = self.query_one(ArticleView)
        if reader.page is None or refused(self, self.archive):
            return
        article_id = reader.page.stored.id

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer:
                self._save_highlight(article_id, *answer)

        self.app.push_screen(HighlightDialog(reader.passage_hint()), chosen)

    @work(thread=True, group="highlight")
    def _save_highlight(self, article_id: str, passage: str, note: str) -> None:
        try:
            self.archive.add_highlight(article_id, passage, note)
        except QueryError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, "Highlighted (search them with is:highlight, notes with note:word)")
        self.app.call_from_thread(self.open_article, article_id, self._query)

    def action_show_timeline(self) -> None:
        from reader.tui.screens.timeline import TimelineScreen

        query = self._query

        def chosen(date_query: str | None) -> None:
            if date_query:
                self.search_for(f"{query} {date_query}".strip())

        self.app.push_screen(TimelineScreen(self.archive, query), chosen)

    def action_show_versions(self) -> None:
        from reader.tui.screens.versions import VersionsScreen

        page = self.query_one(ArticleView).page
        if page is None:
            return

        def chosen(article_id: str | None) -> None:
            if article_id and article_id != page.stored.id:
                self.open_article(article_id, self._query)
                self.query_one(ArticleView).focus()
                self._show_pane("reader")

        self.app.push_screen(VersionsScreen(self.archive, page.stored.id), chosen)

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
        self.toggle_class("-panel")
        if self.has_class("-panel"):
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

    @work(thread=True, exclusive=True, group="saved")
    def refresh_saved(self) -> None:
        """The side panel's saved searches with fresh unread counts, off the UI thread."""
        saved = self.archive.saved_searches()
        self.app.call_from_thread(self._show_saved, saved)

    def _show_saved(self, saved: list[SavedSearch]) -> None:
        page = self.query_one(ArticleView).page
        self.query_one(SidePanel).show(page.stored if page else None, saved)

    @on(SidePanel.SavedChosen)
    def _saved_chosen(self, event: SidePanel.SavedChosen) -> None:
        self.run_saved(event.name)

    @on(SidePanel.QuoteChosen)
    def _quote_chosen(self, event: SidePanel.QuoteChosen) -> None:
        reader = self.query_one(ArticleView)
        reader.scroll_to_block(event.block)
        reader.focus()

    def open_at_quote(self, article_id: str, quote: str) -> None:
        """Show an article (alone in the results) scrolled to one of its quotes."""
        self._jump_to = (article_id, quote)
        self.search_for(f"id:{article_id}")
        self.open_article(article_id, self._query)
        self.query_one(ArticleView).focus()
        self._show_pane("reader")

    def search_for(self, query: str) -> None:
        """Put a query in the search box and run it (from panels and browsers)."""
        box = self.query_one(SearchBox)
        with box.prevent(Input.Changed):
            box.value = query
        self._query = query
        self._typed = False
        self.run_search(query)
        self.query_one(ResultsList).focus()
        self._show_pane("results")

    def action_edit_tags(self) -> None:
        from reader.tui.screens.tags import TagsDialog

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

        self.app.push_screen(TagsDialog(stored.tags), save)

    def action_open_source(self) -> None:
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
        if not isinstance(self.focused, SearchBox):
            self.run_search(self._query)
            self.refresh_saved()

    def refresh_results(self) -> None:
        """Run the current query again (after an import or a reindex)."""
        self.run_search(self._query)


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


_ENTITY_FIELD = re.compile(r'\bentity:(?:"([^"]+)"|(\S+))')


def _entity_names(query: str, filters: SearchFilters) -> list[str]:
    """The entity names a query (or its filters) asks for: entity:"Name"."""
    names = [quoted or bare for quoted, bare in _ENTITY_FIELD.findall(query)]
    return names + ([filters.entity] if filters.entity else [])
