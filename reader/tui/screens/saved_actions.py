"""The main screen's saved searches: L lists them, S saves the query as the
list ran it, and the side panel's list of them with unread counts. A base of
MainScreen, so that its keys act on the screen as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.screen import Screen

from reader.archive import READ_ERRORS, Archive, QueryError
from reader.model import SavedSearch
from reader.sanitize import clean_line
from reader.tui.read_only import refused
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from reader.tui.screens.query_runner import QueryRunner


class SavedSearchActions(Screen[None]):
    """The saved-search keys and the side panel's saved list, for MainScreen."""

    archive: Archive
    search: QueryRunner

    if TYPE_CHECKING:

        def search_for(self, query: str) -> None: ...

    async def action_show_saved(self) -> None:
        from reader.tui.screens.saved import SavedSearches

        def chosen(name: str | None) -> None:
            self.refresh_saved()  # the side panel's list: x there may have forgotten one
            if name:
                self.run_saved(name)

        saved = SavedSearches(self.archive)
        await self.app.push_screen(saved, chosen)
        await saved.filled()  # the keys behind L move the list filled (priority: they wait)

    def action_run_saved(self, name: str) -> None:
        self.run_saved(name)

    def run_saved(self, name: str) -> None:
        """Run a saved search: its query in the box, its filters applied."""
        saved = self.archive.saved_search(name)
        if saved is None:
            return
        self.search.filters = saved.filters
        self.search_for(saved.query)

    async def action_save_search(self) -> None:
        from reader.tui.screens.dialogs import NameDialog

        query, filters, typed = self.search.text, self.search.filters, self.search.typed
        if refused(self, self.archive):
            return

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                # Kept as the list ran it (a typed last word completed): it finds what the list shows.
                self.archive.save_search(name, query, filters, complete_last_word=typed)
            except QueryError as exc:
                self.notify(str(exc), severity="error")
                return
            self.notify(f"Saved as “{name}” (L lists saved searches)")
            self.refresh_saved()

        await self.app.push_screen(NameDialog(f"Save “{clean_line(query) or 'everything'}” as"), named)

    @work(thread=True, exclusive=True, group="saved")
    def refresh_saved(self) -> None:
        """The side panel's saved searches with fresh unread counts, off the UI
        thread; an archive that cannot be read leaves the panel as it was."""
        try:
            saved = self.archive.saved_searches()
        except READ_ERRORS:
            return
        self.app.call_from_thread(self._show_saved, saved)

    def _show_saved(self, saved: list[SavedSearch]) -> None:
        page = self.query_one(ArticleView).page
        self.query_one(SidePanel).show(page.stored if page else None, saved)

    @on(SidePanel.SavedChosen)
    def _saved_chosen(self, event: SidePanel.SavedChosen) -> None:
        self.run_saved(event.name)
