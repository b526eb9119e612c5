"""One import's index steps: what it has stored is written to the index as it
goes (a step after a store commit, every few seconds), so a search finds it
within seconds rather than when the import ends; what is left is written at the
end. Held by Archive.import_paths for the length of one import."""

from __future__ import annotations

import time
from collections.abc import Iterator

from reader.archive.index.upkeep import IndexUpkeep

# An import writes what it has stored to the index about this often, so it can
# be found within ~10 s of being stored (a store commit every 200 files, then
# this step, then the commit of the step itself). Each step is one segment and
# a commit; measured on 10,000 files: see the README (Measured). Session 9 also
# tried the steps in a process beside the import (rereading what the import
# had just stored): on 2,000 files it cost 159 CPU-s against 96 written here,
# and found what was stored later (31 s against 13), so it was taken out.
# Session 13 tried a step process handed each step's documents instead: the
# same CPU (the import is bound by its two cores at 2,000 files), steps written
# far later beside the analysis workers, and 50-115 MB more at the peak.
INDEX_STEP_S = 5.0
# From this many articles left for the index at the end of an import, its
# progress is shown (stage "indexing"); fewer take a second or two.
INDEX_STEP_PROGRESS = 500


class ImportSteps:
    """The index steps of one import, each written by the importing process
    between its batches."""

    def __init__(self, upkeep: IndexUpkeep, every_s: float) -> None:
        """`every_s`: the seconds between steps."""
        self.upkeep = upkeep
        self.store = upkeep.store
        self.every_s = every_s
        self._last_step = time.monotonic()

    def after_batch(self, final: bool) -> None:
        """The import committed the store (`final`: it stops early, and what
        it kept is indexed now)."""
        if final:
            self.upkeep.sync_index()
        elif time.monotonic() - self._last_step >= self.every_s:
            self.upkeep.index_step()
            self._last_step = time.monotonic()

    def last(self) -> Iterator[tuple[str, int, int]]:
        """What the import left unindexed: shown step by step when it is long
        (the interval was not reached, or many files came at the end), indexed
        without a word when short."""
        if len(self.store.index_queue.ids()) >= INDEX_STEP_PROGRESS:
            yield from self.upkeep.sync_steps()
        else:
            self.upkeep.sync_index()
