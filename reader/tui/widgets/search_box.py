"""The main screen's search box and the status line under the panes."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import Input, Static

from reader.tui.commands import bindings

# Longest first: the box shows the longest that fits its width. No "(press /
# to type)": the app opens in the box, and from the results the footer names /.
PLACEHOLDERS = (
    'Search: words, "phrases", title:…, date:2021-11, pre*, fuzzy~',
    'Search: words, "phrases", title:…, date:2021-11',
    'Search: words, "phrases", title:…',
    "Search",
)

# A part of the status line: its forms, longest first; "" drops it.
Part = str | tuple[str, ...]
SEPARATOR = " · "


class SearchBox(Input):
    """The query input; Enter, Escape and ↓ hand focus to the results."""

    BINDINGS = bindings("box")

    def __init__(self, value: str = "", *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(value=value, placeholder=PLACEHOLDERS[0], id=id)

    async def _on_key(self, event: events.Key) -> None:
        # "/" is the search key people learn; the app opens in this box, so it
        # arrives here too. Into an empty box, or over a query all selected (a
        # remembered one, or the box just focused), it is that key, not a query's
        # first character; elsewhere in a query it is typed. Input's own handler
        # runs after this one unless the key is stopped here.
        if event.character == "/" and self._all_replaced():
            event.stop()
            event.prevent_default()

    def _all_replaced(self) -> bool:
        """Whether a typed character would be the whole query."""
        start, end = sorted(self.selection)
        return not self.value or (start == 0 and end == len(self.value))

    def on_resize(self) -> None:
        room = self.content_size.width - 1  # the cursor's cell
        self.placeholder = next((p for p in PLACEHOLDERS if cell_len(p) <= room), PLACEHOLDERS[-1])


class StatusLine(Static):
    """Hit count and query time, or what was wrong with the query.

    The line is said in parts, the most important first; when it is wider than
    the terminal, the last parts take their shorter forms (or go) until it
    fits, so at 80 columns it is never cut mid-word. An error wraps instead.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.parts: tuple[Part, ...] = ()
        self.error = False

    def say(self, *parts: Part, error: bool = False) -> None:
        self.parts, self.error = parts, error
        self.set_class(error, "-error")
        self.refresh(layout=True)

    @property
    def full_text(self) -> str:
        """Everything the line would say on a wide enough terminal."""
        return SEPARATOR.join(p if isinstance(p, str) else p[0] for p in self.parts if p)

    def render(self) -> Text:
        if self.error:
            return Text("⚠ " + self.full_text, style="bold")
        return Text(fitted(self.parts, self.content_size.width), no_wrap=True, overflow="ellipsis")


def fitted(parts: tuple[Part, ...], width: int) -> str:
    """The parts joined, the last ones shortened or dropped until the line fits `width`."""
    forms = [[p] if isinstance(p, str) else list(p) for p in parts]
    chosen = [0] * len(forms)

    def line() -> str:
        return SEPARATOR.join(f[c] for f, c in zip(forms, chosen, strict=True) if f[c])

    for n in reversed(range(len(forms))):
        while cell_len(line()) > width and chosen[n] + 1 < len(forms[n]):
            chosen[n] += 1
    return line()
