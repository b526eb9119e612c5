"""A scrolling pane whose keys move it at once: keyboard paging is not animated."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from reader.tui.commands import bindings

SCROLL_ACTIONS = frozenset({"scroll_down", "scroll_up", "page_down", "page_up", "scroll_home", "scroll_end"})

# The reading pane's scrolling keys (j/k, Space/b, g/G beside the arrows,
# PgUp/PgDn, Home/End) in every such pane: help and a diff had only Textual's.
SCROLL_KEYS: list[BindingType] = [
    b for b in bindings("reader") if isinstance(b, Binding) and b.action in SCROLL_ACTIONS
]


class InstantScroll(VerticalScroll):
    """Space, b, g, G, PgUp/PgDn and the arrows land at once. Textual animates
    them by default, and a page took 0.7-1.0 s to arrive: a reader paging
    through an article waited on every key."""

    BINDINGS = SCROLL_KEYS

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)
