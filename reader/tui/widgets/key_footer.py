"""The footer, shortened on a narrow terminal so what it shows is whole."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from reader.tui.commands import NARROW_HIDDEN_ACTIONS

NARROW_BELOW = 100  # the width under which the main screen shows one pane


class KeyFooter(Footer):
    """Below 100 columns the footer drops the keys marked `narrow=False` (star,
    read, tags, the highlight toggles, import, quit: all still work and are in
    help): at 80 columns it was cut off at "F Fil"."""

    def __init__(self) -> None:
        super().__init__()
        self._narrow: bool | None = None

    def compose(self) -> ComposeResult:
        self._narrow = self.app.size.width < NARROW_BELOW
        self.compact = self._narrow
        kept = [
            widget
            for widget in super().compose()
            if not (self._narrow and isinstance(widget, FooterKey) and widget.action in NARROW_HIDDEN_ACTIONS)
        ]
        self.styles.grid_size_columns = len(kept)
        yield from kept

    def on_resize(self) -> None:
        if self._narrow is not None and (self.app.size.width < NARROW_BELOW) != self._narrow:
            self.call_later(self.recompose)
