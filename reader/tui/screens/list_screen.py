"""The screen every archive list is: a title over a list a worker fills, Escape to go back."""

from __future__ import annotations

import asyncio
import contextlib

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList
from textual.worker import Worker, WorkerState

from reader.archive import READ_ERRORS
from reader.sanitize import clean_line
from reader.tui.widgets.key_footer import KeyFooter
from reader.tui.widgets.listing import KeyList, Row

# How long the key that opens a list holds the keys behind it while the list
# loads (ListScreen.filled); past it they go to the list as it is.
FILL_WAIT_S = 5.0


def titled(title: str, keys: str) -> Text:
    """A list screen's title over the keys it takes, each on its lines: the keys
    in brackets after the title wrapped mid-phrase at 80 columns ("(d" / "day · w week")."""
    text = Text(title)
    text.append("\n" + keys, style="dim")
    return text


class ListScreen(Screen[str | None]):
    """What the list screens share: a title over a list refilled by a worker
    (`load`), Escape to go back. The list moves as every list does (KeyList)."""

    TITLE_ID = ""
    LIST_ID = ""
    LIST: type[KeyList] = KeyList  # LongList for a list of hundreds of rows
    LOAD_GROUP = ""  # the group of the worker that fills the list (exit_on_error=False)

    def __init__(self) -> None:
        super().__init__()
        self._filled = asyncio.Event()

    async def filled(self) -> None:
        """Wait until the list has its first rows. The key that opens the screen
        awaits this (it is priority), so the keys typed right behind it move
        the list filled rather than the empty one (E then j j j left the cursor
        on the first row)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._filled.wait(), FILL_WAIT_S)

    def compose(self) -> ComposeResult:
        with Vertical(classes="browser"):
            yield Label("", id=self.TITLE_ID)
            yield self.LIST(id=self.LIST_ID)
        yield KeyFooter()

    def highlighted_id(self) -> str | None:
        """The key (a name, an id, a query) of the row under the cursor."""
        return self.query_one(KeyList).current_key

    def chosen_key(self, event: OptionList.OptionSelected) -> str | None:
        return self.query_one(KeyList).key_at(event.option_index)

    def _start(self) -> None:
        """Called from a subclass's on_mount (Textual calls every class's on_mount)."""
        self.query_one(KeyList).focus()
        self.load()  # type: ignore[attr-defined]

    def fill(self, rows: list[Row], *, keep: str | None = None, stay: bool = False) -> None:
        self.query_one(KeyList).fill(rows, keep=keep, stay=stay)
        self._filled.set()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The list's worker failed: the archive could not be read (a disk error,
        a damaged index, a query the index refuses). The list says so, and the
        keys waiting for it (filled) go on; the app stopped with a traceback."""
        worker = event.worker
        if event.state != WorkerState.ERROR or worker.group != self.LOAD_GROUP or worker.node is not self:
            return
        error = worker.error
        if not isinstance(error, READ_ERRORS):
            raise error or RuntimeError("the list's worker failed")  # a defect: stop as any other would
        said = Text(f"The list could not be read: {clean_line(str(error)) or type(error).__name__}", style="italic")
        self.fill([Row("", said, disabled=True)])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
