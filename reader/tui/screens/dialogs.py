"""Dialogs that ask for a line of text: a name (a saved search's, an entity's right
name), and a passage to highlight with its note."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

# Tab acted on as it arrives, before the keys behind it reach the box it leaves:
# as an ordinary binding it moved the focus only after a burst's next keys had
# been handed to the box (in tmux, "words", Tab, "note" put "wordsnote" in the
# highlight dialog's passage and left its note empty).
FORM_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]


class NameDialog(ModalScreen[str | None]):
    """Ask for a name: to save a search under, or an entity's right name."""

    BINDINGS = [("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, value: str = "", placeholder: str = "name") -> None:
        super().__init__()
        self.prompt, self.value, self.placeholder = prompt, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="name-dialog", classes="dialog"):
            yield Label(Text(self.prompt + " (Enter saves, Esc cancels)"))
            yield Input(self.value, placeholder=self.placeholder, id="name-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HighlightDialog(ModalScreen[tuple[str, str] | None]):
    """The words to highlight (as they stand in the article) and a note."""

    BINDINGS = [
        ("escape", "cancel", "Cancel"),
        *FORM_KEYS,
        # Enter in the passage box moves to the note, and as it arrives, as Tab does.
        Binding("enter", "to_note", "Note", show=False, priority=True),
    ]

    def __init__(self, passage: str) -> None:
        super().__init__()
        self.passage = passage

    def compose(self) -> ComposeResult:
        with Vertical(id="highlight-dialog", classes="dialog"):
            yield Label("Highlight these words of the article (select text with the mouse, or type them):")
            yield Input(self.passage, placeholder="words from the article", id="highlight-passage")
            yield Label("Note (optional; Enter saves, Esc cancels):")
            yield Input(placeholder="a note, searchable with note:word", id="highlight-note")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the note box Enter is the box's own: it submits after the keys before it are typed.
        return action != "to_note" or self.focused is self.query_one("#highlight-passage")

    def action_to_note(self) -> None:
        self.set_focus(self.query_one("#highlight-note", Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        passage = self.query_one("#highlight-passage", Input).value.strip()
        self.dismiss((passage, event.value.strip()) if passage else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
