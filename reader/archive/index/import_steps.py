"""One import's index steps: what it has stored is written to the index as it
goes (a step after a store commit, every few seconds), so a search finds it
within seconds rather than when the import ends; what is left is written at the
end. Held by Archive.import_paths for the length of one import."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from reader.archive.index.index_steps import IndexSteps
from reader.archive.index.upkeep import IndexUpkeep

# An import writes what it has stored to the index about this often, so it can
# be found within ~10 s of being stored (a store commit every 200 files, then
# this step, then the commit of the step itself). Each step is one segment and
# a commit; measured on 10,000 files: see the README (Measured).
INDEX_STEP_S = 5.0
# A large import whose steps (in a process beside it) have not written a store
# commit this long after it waits for them: what is stored is found within
# about this, whatever the load (see IndexSteps.committed).
INDEX_BEHIND_S = 10.0
# Whether a large import runs its steps in that process beside it. Off: on
# 2,000 files at load 2-3 (bench_import --ref, the lead's run at the end of
# session 9) it took 118 s and 159 CPU-s against 73 s and 96 CPU-s for the
# steps written between batches, and found what was stored later (31 s against
# 13 s): the steps' process rereads what the import just stored, and each of
# its small steps merges segments. Kept, tested, for a design that feeds it.
STEPS_BESIDE = False
# From this many articles left for the index at the end of an import, its
# progress is shown (stage "indexing"); fewer take a second or two.
INDEX_STEP_PROGRESS = 500


class ImportSteps:
    """The index steps of one import: each written by the importing process
    between batches, or, for a large import with STEPS_BESIDE on, by IndexSteps
    in a process beside it, whose written queue rows are taken off here."""

    def __init__(self, upkeep: IndexUpkeep, every_s: float, beside_from: int) -> None:
        """`every_s`: the seconds between steps; `beside_from`: the files from
        which an import is large (as many as make analysis workers pay)."""
        self.upkeep = upkeep
        self.store = upkeep.store
        self.every_s = every_s
        self.beside_from = beside_from
        self._large = False
        self._beside: IndexSteps | None = None  # the steps' process, once started
        self._last_step = time.monotonic()

    def sized(self, total: int) -> None:
        """The import has `total` files: a large one runs its steps beside it
        from the next step on; a small one writes each step itself."""
        self._large = STEPS_BESIDE and total >= self.beside_from and (os.cpu_count() or 1) >= 2

    def after_batch(self, final: bool) -> None:
        """The import committed the store (`final`: it stops early, and what
        it kept is indexed now)."""
        if final:
            self.stop()
            self.upkeep.sync_index()
        elif self._beside is not None:
            self._unqueue_written(self._beside.committed(self.store.index_queue.mark()))
        elif time.monotonic() - self._last_step >= self.every_s:
            if self._large:
                behind_s = INDEX_BEHIND_S * self.every_s / INDEX_STEP_S
                self._beside = IndexSteps(self.store.path, self.upkeep.index_dir, self.every_s, behind_s)
            else:
                self.upkeep.index_step()
            self._last_step = time.monotonic()

    def last(self) -> Iterator[tuple[str, int, int]]:
        """What the import left unindexed: shown step by step when it is long
        (the interval was not reached, or many files came at the end), indexed
        without a word when short."""
        self.stop()
        if len(self.store.index_queue.ids()) >= INDEX_STEP_PROGRESS:
            yield from self.upkeep.sync_steps()
        else:
            self.upkeep.sync_index()

    def stop(self) -> None:
        """End the steps beside the import (once the step in hand is committed)."""
        beside, self._beside = self._beside, None
        if beside is not None:
            self._unqueue_written(beside.finish())

    def _unqueue_written(self, through: int) -> None:
        """Take off the queue what the steps beside the import committed."""
        if through:
            self.store.index_queue.remove_through(through)
            self.upkeep.refresh_searchers()
