"""The main screen's search: the query in the box run at once, or (while a
search runs) only the newest one after it; its answer shown in the results
list and the status line."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from textual.screen import Screen
from textual.worker import get_current_worker

from reader.archive import Archive, IndexDamaged, QueryError
from reader.model import SearchFilters, SearchResult, SnippetPart
from reader.plural import noun_for
from reader.sanitize import clean_line
from reader.tui.widgets.article import ArticlePage, ArticleView
from reader.tui.widgets.results import ResultsList, rows_in_view
from reader.tui.widgets.search_box import Part, SearchBox, StatusLine

PAGE_SIZE = 50
SHOW_TIMING = True  # snapshot tests turn this off: milliseconds differ run to run


class QueryRunner:
    """What is asked (the text, its filters, one row per story or not) and the
    search that answers it, off the UI thread.

    `on_new_list` is told, before the list changes, whether a new list with
    hits is coming, and its first row's page if `first_page` loaded it: the
    first row is previewed once it has painted. `first_page` loads it in the
    search's thread, after the search (an article id, the query and its
    matched words), so that no second thread is waited for.
    """

    def __init__(
        self,
        screen: Screen[None],
        archive: Archive,
        on_new_list: Callable[[bool, ArticlePage | None], None],
        first_page: Callable[[str, str, tuple[str, ...]], ArticlePage | None] | None = None,
    ) -> None:
        self.screen = screen
        self.archive = archive
        self.on_new_list = on_new_list
        self.first_page = first_page
        self.text = ""
        # Whether the query in the box was typed (its last word may be half
        # done, so it is completed), or put there whole: a saved search, an
        # entity's articles, a timeline period, whose counts must match.
        self.typed = True
        self.filters = SearchFilters()
        self.collapse = True  # each story once in the results, with "N versions" (c shows every version)
        self.last_result: SearchResult | None = None
        # One search at a time: while one runs, only the newest query waits.
        self.searching = False
        self._next: str | None = None
        self._answered = asyncio.Event()  # set while no search runs or waits
        self._answered.set()
        self._loaded_first: ArticlePage | None = None  # the answer's first row, loaded with it
        self._shown_for: tuple[object, ...] | None = None  # the query, filters and collapse the list shows

    def run(self, text: str) -> None:
        """Search for `text` now or, while a search runs, as soon as it ends.

        No key waits for a timer (a fixed 150 ms debounce was paid on every
        key before any work began); while a search runs, typing on replaces
        the query that waits, so at most one stale search is ever run and its
        answer is dropped unseen.
        """
        if self.searching:
            self._next = text
            return
        self.searching = True
        self._answered.clear()
        rows = rows_in_view(self.screen.query_one(ResultsList).view_lines)
        self.screen.run_worker(lambda: self._search_in_thread(text, rows), thread=True, group="search")

    def _search_in_thread(self, text: str, rows: int) -> None:
        result: SearchResult | str | None = None
        page: ArticlePage | None = None
        try:
            # A typed query's last word counts as typed so far: results come while typing it.
            result = self.archive.search(
                text,
                limit=PAGE_SIZE,
                filters=self.filters,
                collapse=self.collapse,
                complete_last_word=self.typed,
                suggest=False,  # made apart (_suggest_in_thread): it can take longer than the search
                snippets=rows,  # the rows in view; the others' when they come into view (make_snippets)
            )
            if result.hits and self.first_page is not None and self._next is None:
                page = self.first_page(result.hits[0].id, text, result.terms)
        except (QueryError, IndexDamaged) as exc:
            result = str(exc)
        finally:
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.screen.app.call_from_thread(self._search_finished, text, result, page)

    def _search_finished(self, text: str, result: SearchResult | str | None, page: ArticlePage | None = None) -> None:
        self.searching = False
        waiting, self._next = self._next, None
        if waiting is not None:
            self.run(waiting)  # this answer is stale: the filters or the query changed since
            return
        try:
            if result is not None:
                self._loaded_first = page
                self.show_result(text, result)
        finally:
            self._answered.set()  # the keys waiting for it (MainScreen.list_answered) go on

    async def answered(self) -> None:
        """Wait until the list shows the answer to the newest query asked."""
        await self._answered.wait()

    def show_result(self, text: str, result: SearchResult | str) -> None:
        first_page, self._loaded_first = self._loaded_first, None
        if text != self.text:
            return  # the user has typed on; a newer search is coming
        screen = self.screen
        status = screen.query_one(StatusLine)
        if isinstance(result, str):
            status.say(result, error=True)
            return
        self.last_result = result
        # An empty archive (not an empty search) gets a first screen that says
        # how to fill it, instead of "0 articles" beside an empty pane.
        empty = result.total == 0 and not text.strip() and not self.filters.active
        screen.set_class(empty, "-empty")
        if empty:
            # Nothing to search: the keys its first screen names (i, ?, q) are the app's.
            if isinstance(screen.focused, SearchBox):
                screen.set_focus(screen.query_one(ResultsList))
            status.say("The archive is empty: i imports a folder")
            return
        self.on_new_list(bool(result.hits), first_page if first_page and first_page.query == text else None)
        # The same search run again (after an import or a reindex) keeps the
        # cursor on its article; a new query or filter starts at its best hit.
        shown_for, self._shown_for = self._shown_for, (text, self.filters, self.collapse)
        screen.query_one(ResultsList).show(
            result.hits, keep_cursor=shown_for == self._shown_for, snipped=result.snipped
        )
        line = self._status(text, result)
        status.say(*line)
        if not result.hits:
            screen.query_one(ArticleView).show(None)
            if text.strip() and not self.filters.active:
                screen.run_worker(
                    lambda: self._suggest_in_thread(text, line), thread=True, exclusive=True, group="suggest"
                )

    def make_snippets(self, ids: list[str]) -> None:
        """Make the snippets of rows the search left without theirs, off the UI thread."""
        result = self.last_result
        if result is not None:
            self.screen.run_worker(lambda: self._snippets_in_thread(result, ids), thread=True, group="snippets")

    def _snippets_in_thread(self, result: SearchResult, ids: list[str]) -> None:
        try:
            made = self.archive.snippets(result, ids)
        except (QueryError, IndexDamaged):
            return
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.screen.app.call_from_thread(self._show_snippets, result, made)

    def _show_snippets(self, result: SearchResult, made: dict[str, tuple[SnippetPart, ...]]) -> None:
        if result is self.last_result:  # else the list shows another answer now
            self.screen.query_one(ResultsList).add_snippets(made)

    def _status(self, text: str, result: SearchResult) -> tuple[Part, ...]:
        """The status line's parts, the most important first (the last are
        shortened first on a narrow terminal)."""
        noun = noun_for(result.total, "article")
        line: list[Part] = [f"{result.total:,} {noun}"]
        if not text.strip() and not self.filters.active:
            line = [(f"{result.total:,} {noun} in the archive, newest first", f"{result.total:,} {noun}, newest first")]
        hint = result.nothing_to_search()
        if hint:
            line.append((hint, result.nothing_to_search(short=True) or ""))
        if self.filters.active:
            shown = self.filters.describe()
            line.append((f"filters: {shown} (F to change)", f"filters: {shown} (F)", "filters on (F)"))
        if any(h.versions > 1 for h in result.hits):
            line.append(
                ("one row per story (c: every version)", "c: every version", "")
                if self.collapse
                else ("every version (c: one per story)", "c: one per story", "")
            )
        if SHOW_TIMING and (text.strip() or self.filters.active):
            line.append((f"{result.elapsed_ms:.0f} ms", ""))
        return tuple(line)

    def _suggest_in_thread(self, text: str, line: tuple[Part, ...]) -> None:
        """Add "did you mean" to the status of a query that found nothing, once
        it is made, unless the query has changed by then."""
        try:
            suggestion = self.archive.suggestion(text)
        except (QueryError, IndexDamaged):
            return
        if suggestion and not get_current_worker().is_cancelled:
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.screen.app.call_from_thread(self._show_suggestion, text, line, suggestion)

    def _show_suggestion(self, text: str, line: tuple[Part, ...], suggestion: str) -> None:
        if text == self.text and not self.searching:
            count, *rest = line  # "did you mean" before the rest: it is what to do next
            self.screen.query_one(StatusLine).say(count, f"did you mean: {clean_line(suggestion)}", *rest)
