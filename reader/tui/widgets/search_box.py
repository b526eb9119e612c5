"""The main screen's search box and the status line under the panes."""

from __future__ import annotations

from textual.widgets import Input, Static


class SearchBox(Input):
    """The query input; Enter and Escape hand focus to the results."""


class StatusLine(Static):
    """Hit count and query time, or what was wrong with the query."""
