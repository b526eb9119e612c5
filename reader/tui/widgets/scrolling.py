"""A scrolling pane whose keys move it at once: keyboard paging is not animated."""

from __future__ import annotations

from textual.containers import VerticalScroll


class InstantScroll(VerticalScroll):
    """Space, b, g, G, PgUp/PgDn and the arrows land at once. Textual animates
    them by default, and a page took 0.7-1.0 s to arrive: a reader paging
    through an article waited on every key."""

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
