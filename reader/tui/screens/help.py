"""The help screen: every key, by screen, straight from the command list."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.commands import COMMANDS, SCOPES, key_label
from reader.tui.widgets.scrolling import InstantScroll


def help_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
    # The key column is as wide as the longest key; a screen's title wraps in
    # it. Titles kept on one line made it 45 columns wide, and at 80 columns
    # the descriptions wrapped a word to a line.
    keys = max(len(str(key_label(c.keys))) for c in COMMANDS)
    table.add_column("key", style="bold", width=max(keys, len("ctrl+p")) + 8)
    table.add_column("what", ratio=1)
    for scope, title in SCOPES.items():
        table.add_row(Text(title, style="bold underline"), "")
        for command in COMMANDS:
            if command.scope == scope:
                table.add_row(key_label(command.keys), command.help or command.description)
        table.add_row("", "")
    table.add_row("ctrl+p", "Command palette: every action by name, themes")
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with InstantScroll(id="help", classes="dialog"):
            yield Static(Text("newsreader — keys", style="bold"), classes="dialog-title")
            yield Static(help_table())

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
