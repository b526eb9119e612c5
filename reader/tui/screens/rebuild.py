"""Shown while the search index is rebuilt from the store (missing or damaged at start)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar


class RebuildScreen(ModalScreen[None]):
    """Nothing can be searched until the index is back; this says so and shows how far."""

    def compose(self) -> ComposeResult:
        with Vertical(id="rebuild", classes="dialog"):
            yield Label("The search index is missing or damaged: rebuilding it from the archive's store.")
            yield Label("Nothing is lost; this happens once.", classes="dim")
            yield ProgressBar(id="rebuild-progress", show_eta=False)

    def progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
