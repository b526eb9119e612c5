"""The footer, shortened when its keys would not fit, so what it shows is whole."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from reader.tui.commands import NARROW_HIDDEN_ACTIONS

NARROW_BELOW = 100  # the width under which the main screen shows one pane
PALETTE_CELLS = 14  # "^p palette" docked on the right, with its edge


class KeyFooter(Footer):
    """Keys that would not fit beside "^p palette" are left out, last first,
    among those marked `narrow=False` (star, read, tags, the highlight
    toggles, import, quit: all still work and are in help); below 100
    columns all of those, in the compact style. At 80 columns the footer was
    cut off at "F Fil", and at 120 columns Quit, Help and Import ran under the
    palette's key in the reader."""

    def __init__(self) -> None:
        super().__init__()
        self._width: int | None = None  # the terminal width the keys were chosen for
        self._built_for: object = None  # the keys (and width) the footer shows

    def _keys_now(self) -> object:
        """What the footer is built from: the keys it shows (as Footer.compose
        picks them, the palette's too) and the width."""
        palette = self.app.COMMAND_PALETTE_BINDING
        shown = [
            (key, binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        ]
        return (self.app.size.width, self._bindings_ready, tuple(shown))

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual rebuilds the footer (a widget and its styles per key) on every
        # bindings signal, and a focus change, a screen suspended or resumed, or a
        # widget removed each sends one, mostly with the same keys: opening the
        # entity browser built its footer four times and the main screen's once
        # behind it, a third of the CPU it took. Rebuilt only when the keys differ.
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        if self.is_attached and self._keys_now() != self._built_for:
            await self.recompose()

    def compose(self) -> ComposeResult:
        self._built_for = self._keys_now()
        widgets = list(super().compose())
        width = self._width = self.app.size.width
        self.compact = width < NARROW_BELOW
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        # A key is its key, its description and three cells around them (one in the compact style).
        around = 1 if self.compact else 3
        needs = sum(cell_len(k.key_display) + cell_len(k.description) + around for k in keys) + PALETTE_CELLS
        left_out: set[int] = set()
        for key in reversed(keys):
            if needs <= width and not self.compact:
                break
            if key.action in NARROW_HIDDEN_ACTIONS:
                left_out.add(id(key))
                needs -= cell_len(key.key_display) + cell_len(key.description) + around
        kept = [w for w in widgets if id(w) not in left_out]
        self.styles.grid_size_columns = len(kept)
        yield from kept

    def on_resize(self) -> None:
        if self._width is not None and self.app.size.width != self._width:
            self.call_later(self.recompose)
