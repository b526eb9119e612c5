"""Shown while the search index is rebuilt from the store (missing, damaged or
made by an older version at start)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar


class RebuildScreen(ModalScreen[None]):
    """Nothing can be searched until the index is back; this says so and shows how far."""

    def __init__(self, why: str = "is missing or damaged") -> None:
        super().__init__()
        self.why = why  # the end of "The search index …": what the person is told happened

    def compose(self) -> ComposeResult:
        with Vertical(id="rebuild", classes="dialog"):
            yield Label(f"The search index {self.why}: rebuilding it from the archive's store.", markup=False)
            yield Label("Nothing is lost; this happens once.", classes="dim")
            yield ProgressBar(id="rebuild-progress", show_eta=False)

    def progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
