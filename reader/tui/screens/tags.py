"""A small dialog to edit an article's tags."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class TagsDialog(ModalScreen[list[str] | None]):
    BINDINGS = [("escape", "cancel", "Cancel")]

    def __init__(self, tags: tuple[str, ...]) -> None:
        super().__init__()
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(id="tags-dialog", classes="dialog"):
            yield Label("Tags, separated by commas (Enter saves, Esc cancels)")
            yield Input(", ".join(self.tags), id="tags-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss([t.strip() for t in event.value.split(",") if t.strip()])

    def action_cancel(self) -> None:
        self.dismiss(None)
