"""The filter dialog (F): narrow the results by dates, site, tag, entity and reading state."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label

from reader.model import SearchFilters
from reader.sanitize import clean_line
from reader.tui.screens.dialogs import FORM_KEYS

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class FilterDialog(ModalScreen[SearchFilters | None]):
    BINDINGS = [("escape", "cancel", "Cancel"), *FORM_KEYS]

    def __init__(self, current: SearchFilters) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        c = self.current
        with Vertical(id="filter-dialog", classes="dialog"):
            yield Label("Filters (Enter applies, Esc cancels; dates as 2021, 2021-11 or 2021-11-15)")
            with Horizontal(classes="filter-row"):
                yield Input(c.date_from, placeholder="from date", id="f-from")
                yield Input(c.date_to, placeholder="to date", id="f-to")
            yield Input(c.site, placeholder="site", id="f-site")
            yield Input(c.tag, placeholder="tag", id="f-tag")
            yield Input(c.entity, placeholder="entity (person, place, organisation)", id="f-entity")
            with Horizontal(classes="filter-row"):
                yield Checkbox("starred only", c.starred, id="f-starred")
                yield Checkbox("unread only", c.unread, id="f-unread")
            yield Label("", id="f-error")
            with Horizontal(classes="filter-row"):
                yield Button("Apply", variant="primary", id="f-apply")
                yield Button("Clear all", id="f-clear")

    def on_mount(self) -> None:
        self.query_one("#f-from", Input).focus()

    def _value(self, wid: str) -> str:
        return self.query_one(wid, Input).value.strip()

    @on(Input.Submitted)
    @on(Button.Pressed, "#f-apply")
    def apply(self) -> None:
        dates = (self._value("#f-from"), self._value("#f-to"))
        bad = [d for d in dates if d and not _DATE.match(d)]
        if bad:
            error = self.query_one("#f-error", Label)
            # As Text: what was typed is shown as typed, never read as markup ("[/b]" stopped the app).
            error.update(Text(f"Not a date: {clean_line(bad[0])} (use 2021, 2021-11 or 2021-11-15)"))
            self.call_after_refresh(error.scroll_visible, animate=False)  # a short terminal scrolls to it
            return
        self.dismiss(
            SearchFilters(
                date_from=dates[0],
                date_to=dates[1],
                site=self._value("#f-site"),
                tag=self._value("#f-tag"),
                entity=self._value("#f-entity"),
                starred=self.query_one("#f-starred", Checkbox).value,
                unread=self.query_one("#f-unread", Checkbox).value,
            )
        )

    @on(Button.Pressed, "#f-clear")
    def clear(self) -> None:
        self.dismiss(SearchFilters())

    def action_cancel(self) -> None:
        self.dismiss(None)
