"""The help screen: every key, by screen, straight from the command list."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.commands import COMMANDS, SCOPES, key_label
from reader.tui.widgets.scrolling import InstantScroll

PALETTE = (key_label("ctrl+p"), "Command palette: every action by name, themes")  # ^p, as the footer


def help_tables() -> list[tuple[str, Table]]:
    """(screen's title, its keys) for every screen, and the palette last.

    A title is a line of its own over its keys, so the key column is only as
    wide as the longest key: titles in that column made it 18 columns wide
    (45 before that), and at 80 columns the descriptions had 30 and wrapped
    a third of the rows."""
    keys = max([len(key_label(c.keys)) for c in COMMANDS] + [len(PALETTE[0])])
    tables = []
    for scope, title in [*SCOPES.items(), ("palette", "")]:
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 2), expand=True)
        table.add_column("key", style="bold", width=keys, no_wrap=True)
        table.add_column("what", ratio=1)
        for command in COMMANDS:
            if command.scope == scope:
                table.add_row(key_label(command.keys), command.help or command.description)
        if scope == "palette":
            table.add_row(*PALETTE)
        tables.append((title, table))
    return tables


def help_text() -> Group:
    parts: list[Text | Table] = []
    for title, table in help_tables():
        if title:
            parts.append(Text(title, style="bold underline"))
        parts += [table, Text("")]
    return Group(*parts[:-1])


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with InstantScroll(id="help", classes="dialog"):
            yield Static(Text("newsreader — keys", style="bold"), classes="dialog-title")
            yield Static(help_text())

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
