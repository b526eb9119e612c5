"""Dialogs that ask for a line of text: a name (a saved search's, an entity's right
name), and a passage to highlight with its note."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class NameDialog(ModalScreen[str | None]):
    """Ask for a name: to save a search under, or an entity's right name."""

    BINDINGS = [("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt, self.value = prompt, value

    def compose(self) -> ComposeResult:
        with Vertical(id="name-dialog", classes="dialog"):
            yield Label(Text(self.prompt + " (Enter saves, Esc cancels)"))
            yield Input(self.value, placeholder="name", id="name-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HighlightDialog(ModalScreen[tuple[str, str] | None]):
    """The words to highlight (as they stand in the article) and a note."""

    BINDINGS = [("escape", "cancel", "Cancel")]

    def __init__(self, passage: str) -> None:
        super().__init__()
        self.passage = passage

    def compose(self) -> ComposeResult:
        with Vertical(id="highlight-dialog", classes="dialog"):
            yield Label("Highlight these words of the article (select text with the mouse, or type them):")
            yield Input(self.passage, placeholder="words from the article", id="highlight-passage")
            yield Label("Note (optional; Enter saves, Esc cancels):")
            yield Input(placeholder="a note, searchable with note:word", id="highlight-note")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "highlight-passage":
            self.query_one("#highlight-note", Input).focus()
            return
        passage = self.query_one("#highlight-passage", Input).value.strip()
        self.dismiss((passage, event.value.strip()) if passage else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
