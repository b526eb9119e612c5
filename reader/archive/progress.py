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


# The stages of bringing the index up to date after an import (Archive.sync_steps).
STORIES, INDEXING, FINISHING = "stories", "index", "finish"
