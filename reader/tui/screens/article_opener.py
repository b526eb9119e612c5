"""The main screen's reading pane: which article it shows and when it loads
one (the row the cursor rests on, a new list's first row once painted, the row
chosen), where it was left, and when an opened article counts as read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

from reader.archive import Archive
from reader.model import SearchFilters
from reader.text.anchor import placed
from reader.tui.screens.query_runner import QueryRunner
from reader.tui.widgets.article import ArticlePage, ArticleView
from reader.tui.widgets.results import ResultsList
from reader.tui.widgets.side_panel import SidePanel

MARK_READ_AFTER_S = 3.0
PREVIEW_AFTER_S = 0.12


class ArticleOpener:
    """Loads articles into the reading pane off the UI thread, for the query
    `search` holds; `mark_read` is called with an article read long enough."""

    def __init__(
        self, screen: Screen[None], archive: Archive, search: QueryRunner, mark_read: Callable[[str], None]
    ) -> None:
        self.screen = screen
        self.archive = archive
        self.search = search
        self.mark_read = mark_read
        self.preview_on_paint = False
        self._first_page: ArticlePage | None = None  # the new list's first row, loaded with the search
        self.jump_to: tuple[str, str] | None = None  # (article id, quote): open it there
        self._read_timer: Timer | None = None
        self._preview_timer: Timer | None = None

    @property
    def reader(self) -> ArticleView:
        return self.screen.query_one(ArticleView)

    def expect_new_list(self, has_hits: bool, first_page: ArticlePage | None = None) -> None:
        """A new list is coming: the first row is previewed as soon as it has
        painted; the resting delay is for a cursor passing over rows.
        `first_page`, its first row already loaded by the search's thread
        (load_page), is shown then without another thread."""
        self.preview_on_paint = has_hits
        self._first_page = first_page

    def cursor_moved(self, index: int | None) -> None:
        """Preview the row under the cursor once it rests: typing a query or
        holding j must not load (and analyse, and render) every article passed over."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        article_id = self.screen.query_one(ResultsList).key_at(index)
        on_paint, self.preview_on_paint = self.preview_on_paint, False
        if not article_id or not self.stale(article_id):
            return
        if on_paint:
            self.screen.call_after_refresh(self._preview_unless_typed_on, article_id, self.search.text)
        else:
            self._preview_timer = self.screen.set_timer(
                PREVIEW_AFTER_S, lambda: self.open(article_id, self.search.text)
            )

    def cancel_preview(self) -> None:
        """A key changed the query: the preview being loaded is of an older list."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self.screen.workers.cancel_group(self.screen, "open-article")

    def _preview_unless_typed_on(self, article_id: str, query: str) -> None:
        """Open the new list's first row, unless a key has since changed the query or the row."""
        results = self.screen.query_one(ResultsList)
        current = results.key_at(results.highlighted)
        reading = self.screen.focused is self.reader  # an article opened meanwhile (at a quote, say)
        fresh = query == self.search.text and not self.search.searching and current == article_id
        if fresh and not reading and self.jump_to is None and self.stale(article_id):
            page, self._first_page = self._first_page, None
            if page is not None and page.stored.id == article_id and page.query == query:
                self._show(page)
            else:
                self.open(article_id, query)

    def open_chosen(self, index: int | None) -> None:
        """The row chosen (Enter): open it now, unless the pane already shows it."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        article_id = self.screen.query_one(ResultsList).key_at(index)
        if article_id and self.stale(article_id):
            self.open(article_id, self.search.text)

    def stale(self, article_id: str) -> bool:
        """Whether the reader must (re)load: another article, or the same one
        shown for another query (its highlights would be the old query's)."""
        page = self.reader.page
        return page is None or page.stored.id != article_id or page.query != self.search.text

    def open(self, article_id: str, query: str) -> Worker[None]:
        """Load an article and find the query's words in it, off the UI thread."""
        return self.screen.run_worker(
            lambda: self._load_in_thread(article_id, query), thread=True, exclusive=True, group="open-article"
        )

    def _load_in_thread(self, article_id: str, query: str) -> None:
        worker = get_current_worker()
        last = self.search.last_result
        terms = last.terms if last and last.query == query else ()
        jump = self.jump_to[1] if self.jump_to and self.jump_to[0] == article_id else None
        loaded = self.load_page(article_id, query, terms, jump)
        if loaded is not None and not worker.is_cancelled:
            self.screen.app.call_from_thread(self._show, *loaded)

    def load_page(
        self, article_id: str, query: str, terms: tuple[str, ...], quote: str | None = None
    ) -> tuple[ArticlePage, int | None] | None:
        """An article as the reading pane shows it for a query whose matched
        words are `terms`, and the block of `quote` in it (None: none asked,
        or not found); None if the article is gone. Any thread."""
        stored = self.archive.get(article_id)
        if stored is None:
            return None
        hits: dict[int, list[tuple[int, int]]] = {}
        for i, block in enumerate(stored.article.blocks):
            spans = self.archive.match_spans(block.text, terms)
            if spans:
                hits[i] = spans
        # An entity's articles (from the browser or the panel): n/N walk its mentions.
        wanted = {name.casefold() for name in _entity_names(query, self.search.filters)}
        for entity in stored.entities if wanted else ():
            if str(entity["name"]).casefold() in wanted:
                for m in entity["mentions"]:  # type: ignore[attr-defined]
                    hits.setdefault(int(m["block"]), []).append((int(m["start"]), int(m["end"])))
        boilerplate = self.archive.boilerplate(article_id)
        marks = placed(stored.article.blocks, stored.highlights)
        at_block = None
        if quote is not None:
            at_block = next((int(q["block"]) for q in stored.quotes if q["text"] == quote), None)
        return ArticlePage(stored, hits, query, boilerplate, marks), at_block

    def _show(self, page: ArticlePage, at_block: int | None = None) -> None:
        if not self.screen.query(ArticleView) or not self.screen.query(SidePanel):
            return  # the screen is closing (the app quit while the article loaded)
        if page.query != self.search.text:
            return  # loaded for a query typed over since (its highlights would be the old query's)
        reader = self.reader
        if at_block is None and reader.page is not None and replace(page, query=reader.page.query) == reader.page:
            # The article shown, with the same highlights: the query typed on
            # ("harbo" after "harb") finds the same words in it. Nothing to lay out again.
            reader.keep_showing(page)
            return
        previous = reader.article_id
        if previous and previous != page.stored.id:
            self.save_position(previous, reader.position)
            reader.selected_entity = None
        if self.jump_to and self.jump_to[0] == page.stored.id:
            self.jump_to = None
        reader.show(page, block=at_block)
        self.screen.query_one(SidePanel).show(page.stored)

    def save_position(self, article_id: str, position: float) -> None:
        """Remember where the reader left an article, off the UI thread: the
        preview changes on every key typed, and the archive waits for a
        running search before it writes. Not kept in a read-only archive."""
        if not self.archive.read_only:
            self.screen.run_worker(
                lambda: self.archive.set_position(article_id, position), thread=True, group="position"
            )

    def start_read_timer(self) -> None:
        self.stop_read_timer()
        self._read_timer = self.screen.set_timer(MARK_READ_AFTER_S, self._read_long_enough)

    def stop_read_timer(self) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()

    def _read_long_enough(self) -> None:
        reader = self.reader
        if reader.page is not None and self.screen.focused is reader and not self.archive.read_only:
            self.mark_read(reader.page.stored.id)


_ENTITY_FIELD = re.compile(r'\bentity:(?:"([^"]+)"|(\S+))')


def _entity_names(query: str, filters: SearchFilters) -> list[str]:
    """The entity names a query (or its filters) asks for: entity:"Name"."""
    names = [quoted or bare for quoted, bare in _ENTITY_FIELD.findall(query)]
    return names + ([filters.entity] if filters.entity else [])
