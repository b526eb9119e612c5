"""The reader app (placeholder until the app issue lands: a search box and results)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class NewsReaderApp(App[None]):
    TITLE = "newsreader"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Archive: {self.data_dir}", markup=False)
        yield Footer()


def run_app(data_dir: Path) -> int:
    NewsReaderApp(data_dir).run()
    return 0
