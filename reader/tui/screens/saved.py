"""Saved searches (L): each with how many unread articles it finds; Enter runs
one, x forgets it. ctrl+s on the main screen saves the current search."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.widgets import Label, OptionList
from textual.worker import get_current_worker

from reader.archive import Archive
from reader.model import SavedSearch
from reader.plural import noun_for
from reader.sanitize import clean_line
from reader.tui.commands import bindings
from reader.tui.read_only import refused
from reader.tui.screens.list_screen import ListScreen, titled
from reader.tui.widgets.listing import Row, hanging


class SavedSearches(ListScreen):
    """The saved searches; dismisses with the one chosen."""

    BINDINGS = bindings("saved", built_in_too=False)
    TITLE_ID, LIST_ID = "saved-title", "saved-list"
    LOAD_GROUP = "saved"

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.saved: dict[str, SavedSearch] = {}

    def on_mount(self) -> None:
        self._start()

    @work(thread=True, exclusive=True, group="saved", exit_on_error=False)
    def load(self) -> None:
        found = self.archive.saved_searches()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, found)

    def _show(self, found: list[SavedSearch]) -> None:
        self.saved = {s.name: s for s in found}
        title = titled("Saved searches", "Enter: run · x: forget · ctrl+s on the results saves the current search")
        empty = Text("No saved searches yet: ctrl+s on the results saves the current one")
        self.query_one(f"#{self.TITLE_ID}", Label).update(title if found else empty)
        rows = []
        for s in found:
            lead = Text(f"{s.unread:>4} unread ", style="bold" if s.unread else "dim")
            lead.append(f"{s.matches:>5} {noun_for(s.matches, 'article'):<8}  ", style="dim")
            body = Text(clean_line(s.name), style="bold")
            body.append("  " + clean_line(s.query))
            if s.filters.active:
                body.append(f"  [{clean_line(s.filters.describe())}]", style="dim")
            rows.append(Row(s.name, hanging(lead, body)))
        self.fill(rows, stay=True)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.chosen_key(event))

    def action_forget(self) -> None:
        name = self.highlighted_id()
        if name and not refused(self, self.archive):
            self.archive.delete_search(name)
            self.load()
