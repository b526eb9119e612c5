"""What an import reports as it goes: a file done, or a step of the index pass.

Its own module so that what only reads the archive (search, the CLI's other
commands) does not load the importer, its parsers and the text analysis.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """One file done: the importer yields these so any front end can show progress.

    After a large import, steps of bringing the index up to date follow with
    outcome "indexing" and the stage (STORIES, INDEXING) as the path.
    """

    done: int
    total: int
    path: str
    outcome: str
    reason: str = ""

    @property
    def stage_label(self) -> str:
        """What an "indexing" step is doing, for people."""
        return {STORIES: "Grouping stories", INDEXING: "Indexing", FINISHING: "Finishing the index"}.get(
            self.path, "Indexing"
        )

    def describe(self) -> str:
        """Which step of the import this is, what is done and what is left, for
        people: "Reading files: 120 of 787 done, 667 left"; after a large import
        the index pass counts only the articles not yet searchable, and says so
        ("Indexing: 500/574" read as if 574 were the whole import)."""
        left = max(self.total - self.done, 0)
        counted = f"{self.done:,} of {self.total:,} done, {left:,} left"
        if self.outcome != "indexing":
            return f"Reading files: {counted}"
        if self.path == STORIES:
            return f"Files read. Grouping the new articles into stories: {counted}"
        if self.path == FINISHING or self.total <= 1:
            return "Files read and indexed. Finishing the index…"
        return f"Files read. Indexing the {self.total:,} articles not yet searchable: {self.done:,} done, {left:,} left"


# The stages of bringing the index up to date after an import (Archive.sync_steps).
STORIES, INDEXING, FINISHING = "stories", "index", "finish"
