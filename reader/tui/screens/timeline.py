"""The timeline of the current search (T): articles per period as bars.

d / w / m / y set the period (zoom in and out); Enter searches that period's
articles (the query as counted, with the period's date). An entity's timeline
is the timeline of entity:"Name".
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.widgets import OptionList
from textual.worker import get_current_worker

from reader.archive import Archive
from reader.archive.timeline import Timeline, bar
from reader.model import SearchFilters
from reader.plural import plural
from reader.sanitize import clean_line
from reader.tui.commands import bindings
from reader.tui.screens.list_screen import ListScreen, titled
from reader.tui.widgets.listing import KeyList, Row

BAR_WIDTH = 60  # the widest bar; narrower where the list is (80 columns)
LEAD = 19  # what stands before a bar: the period's label (10), its count (5), spaces


class TimelineScreen(ListScreen):
    """Periods of the current query; Enter returns the period's search."""

    BINDINGS = bindings("timeline", built_in_too=False)
    TITLE_ID, LIST_ID = "timeline-title", "timeline-list"
    LOAD_GROUP = "timeline"

    def __init__(
        self,
        archive: Archive,
        query: str,
        grain: str | None = None,
        *,
        filters: SearchFilters | None = None,
        typed: bool = False,
    ) -> None:
        """`filters` and `typed` (the last word completed, as while typing)
        are the results list's: the timeline counts the articles it lists.
        `grain` None: the archive chooses one from the span (d w m y change it)."""
        super().__init__()
        self.archive, self.query_text, self.grain = archive, query, grain
        self.filters, self.typed = filters or SearchFilters(), typed

    def on_mount(self) -> None:
        self.shown: Timeline | None = None
        self._start()

    def on_resize(self) -> None:
        if self.shown is not None:
            self.call_after_refresh(self._show, self.shown)  # bars fitted to the new width, the cursor kept

    def action_grain(self, grain: str) -> None:
        self.grain = grain
        self.load()

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load(self) -> None:
        timeline = self.archive.timeline(
            self.query_text, self.grain, filters=self.filters, complete_last_word=self.typed
        )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, timeline)

    def _show(self, timeline: Timeline) -> None:
        what = f"“{clean_line(self.query_text)}”" if self.query_text.strip() else "the whole archive"
        if self.filters.active:
            what += f" ({clean_line(self.filters.describe())})"
        found = timeline.periods
        self.query_one(f"#{self.TITLE_ID}").update(  # type: ignore[attr-defined]
            titled(
                f"Timeline of {what} by {timeline.grain}: {timeline.summary()}",
                "d day · w week · m month · y year · Enter: that period's articles",
            )
        )
        self.shown = timeline
        largest = max((p.count for p in found), default=0)
        # A row is one line: a bar 60 wide ran past an 80-column list and wrapped
        # under its label. Room is kept for the scrollbar the rows may bring,
        # and for the column of padding either side of an option.
        listing = self.query_one(KeyList)
        room = listing.content_region.width - listing.styles.scrollbar_size_vertical - 2
        width = max(8, min(BAR_WIDTH, room - LEAD))
        rows = []
        for p in found:
            label = Text(f"{p.label:>10}  ", style="bold")
            label.append(f"{p.count:>5}  ", style="dim")
            label.append(bar(p.count, largest, width))
            rows.append(Row(timeline.query_of(p), label, disabled=p.count == 0))
        if not found:
            # An empty box read as "nothing found" when every match was undated.
            rows.append(Row("", Text(self._nothing_to_draw(timeline), style="italic"), disabled=True))
        # Oldest period first, the cursor on the first with articles, whatever
        # the grain: the bars read down like a calendar.
        self.fill(rows)

    def _nothing_to_draw(self, timeline: Timeline) -> str:
        """Why a timeline has no bars: no match, or matches with no date."""
        query = f" match “{clean_line(self.query_text)}”" if self.query_text.strip() else ""
        if self.filters.active:
            query += f" ({clean_line(self.filters.describe())})"
        if timeline.undated:
            return f"{plural(timeline.undated, 'article')}{query}, none dated: the timeline places dated articles only"
        return f"No articles{query}" if query else "The archive is empty: no articles to place"

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.chosen_key(event))
