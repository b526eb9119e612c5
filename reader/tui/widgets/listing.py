"""The one list every screen uses, so all of them move the same way."""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.tui.commands import bindings


@dataclass(frozen=True)
class Row:
    """One row of a list: what it stands for (a name, an id, a query) and how it looks."""

    key: str
    prompt: RenderableType
    disabled: bool = False  # a heading, or an empty period


class KeyList(OptionList):
    """A list that moves with j/k and the arrows one row, g/G (Home/End) to the
    ends and PgUp/PgDn a page, and stops at the ends: Down on the last row stays
    there (OptionList wraps to the top, which lost the reader's place)."""

    BINDINGS = bindings("lists")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.keys: list[str] = []

    def fill(self, rows: list[Row], *, keep: str | None = None, stay: bool = False) -> None:
        """Replace the rows. The cursor goes to the row of `keep` (else of the key
        it was on) if it is still there; else to the same place in the list
        (`stay`: after a correction removed the row) or to the top.

        Option ids are positions, not keys: two rows with the same key (one name
        with two types) must never stop the list with a DuplicateID error."""
        was = self.highlighted
        keys = [r.key for r in rows]
        keep = keep if keep is not None and keep in keys else self.current_key
        self.keys = keys
        self.clear_options()
        self.add_options([Option(r.prompt, id=str(n), disabled=r.disabled) for n, r in enumerate(rows)])
        if not rows:
            return
        if keep is not None and keep in keys:
            self.highlighted = keys.index(keep)
        else:
            self.highlighted = min(was or 0, len(rows) - 1) if stay else 0
        if self.options[self.highlighted].disabled:
            self._step(+1)
        if self.options[self.highlighted].disabled:
            self._step(-1)

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor."""
        return self.key_at(self.highlighted)

    def key_at(self, index: int | None) -> str | None:
        return self.keys[index] if index is not None and 0 <= index < len(self.keys) else None

    def row_text(self, index: int) -> str:
        """A row's words as plain text on one line (for tests and messages)."""
        console = Console(width=400, record=True, file=io.StringIO())
        console.print(self.get_option_at_index(index).prompt)
        return " ".join(console.export_text().split())

    def action_cursor_down(self) -> None:
        self._step(+1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        options = self.options
        if not options:
            return
        if self.highlighted is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < len(options):
            if not options[index].disabled:
                self.highlighted = index
                return
            index += direction


def hanging(lead: Text | str, body: Text) -> Table:
    """A row whose wrapped lines start under its text, not under its lead (the
    marks or counts on its first line): a hanging indent."""
    lead = Text(lead) if isinstance(lead, str) else lead
    grid = Table.grid(expand=True)
    grid.add_column(width=lead.cell_len, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(lead, body)
    return grid
