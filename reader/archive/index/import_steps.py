"""One import's index steps: what it has stored is written to the index as it
goes (a step after a store commit, every few seconds), so a search finds it
within seconds rather than when the import ends; what is left is written at the
end. Held by Archive.import_paths for the length of one import."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace

from reader.archive.index.upkeep import IndexUpkeep
from reader.archive.store.sql import rows_for_ids
from reader.model import StoredArticle
from reader.text.archive_names import consolidated
from reader.text.corrections import apply as apply_corrections

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
# The archive's decision on entity names (one name, one type: the import's
# end makes every article agree with it) is taken again for the steps once the
# store holds this much more than when it was last taken: at 50,000 articles
# taking it reads every entity row (0.8 CPU-s), so it is taken about 25 times
# in an import of 50,000 rather than at each of its steps.
DECIDE_AGAIN_GROWTH = 1.25


def entity_key(entities: object, quotes: object) -> int:
    """What of an article's analysis its index document holds: each entity's
    name and type, and the quotes' speakers (whoosh_index.document)."""
    return hash(
        (
            tuple((str(e["name"]), str(e["type"])) for e in entities),  # type: ignore[attr-defined]
            tuple(sorted({str(q["speaker"]) for q in quotes if q.get("speaker")})),  # type: ignore[attr-defined]
        )
    )


class ImportSteps:
    """The index steps of one import, each written by the importing process
    between its batches.

    The steps write each article with its entities named as the archive
    decides so far, not as its analysis found them: the import's end makes
    every article agree with the archive's decision, and each article whose
    names it changed was written a second time (17 % of the documents of a
    50,000-article import, 8-10 % at 2,000). The store keeps the analysis
    as found until then (the decision is taken over what was found), and
    the end rewrites only what the decision made since differs from.
    """

    def __init__(self, upkeep: IndexUpkeep, every_s: float) -> None:
        """`every_s`: the seconds between steps."""
        self.upkeep = upkeep
        self.store = upkeep.store
        self.every_s = every_s
        self._last_step = time.monotonic()
        self._decided: dict[str, tuple[str, str]] = {}
        self._decided_at = 0  # articles stored when the decision was taken
        # Articles the index holds with names other than the store's: id →
        # entity_key of what was written.
        self.written: dict[str, int] = {}

    def after_batch(self, final: bool) -> None:
        """The import committed the store (`final`: it stops early, and what
        it kept is indexed now)."""
        if final:
            self._back_to_the_store()
            self.upkeep.sync_index()
        elif time.monotonic() - self._last_step >= self.every_s:
            self._decide_again()
            self.upkeep.index_step(self._as_decided)
            self._last_step = time.monotonic()

    def _decide_again(self) -> None:
        stored = int(self.store.db.execute("SELECT count(*) FROM articles").fetchone()[0])
        if stored >= self._decided_at * DECIDE_AGAIN_GROWTH and stored > self._decided_at:
            self._decided = self.store.analysis.decisions()
            self._decided_at = stored

    def _as_decided(self, stored: StoredArticle) -> StoredArticle:
        """The article with its entities as the end of the import would make
        them, if the archive's decision stood (consolidate_entities)."""
        analysis = {"entities": list(stored.entities), "quotes": list(stored.quotes)}
        decided = consolidated(analysis, self._decided)
        if decided is analysis:
            self.written.pop(stored.id, None)
            return stored
        corrections = self.store.analysis.corrections()
        if corrections:
            decided = apply_corrections(decided, corrections)
        self.written[stored.id] = entity_key(decided["entities"], decided["quotes"])
        return replace(stored, entities=tuple(decided["entities"]), quotes=tuple(decided["quotes"]))

    def consolidate(self) -> None:
        """The import's end (in its last store transaction): every article's
        entities made to agree with the archive's decision, and queued for
        the index where what the index holds differs."""
        self.store.analysis.consolidate_entities(indexed=self.written)
        sql = "SELECT id, analysis FROM articles WHERE id IN ({ids})"
        for article_id, analysis in rows_for_ids(self.store.db, sql, list(self.written)):
            found = json.loads(analysis) if analysis else {}
            if entity_key(found.get("entities", ()), found.get("quotes", ())) != self.written[article_id]:
                self.store.index_queue.add(article_id)
        self.written.clear()

    def _back_to_the_store(self) -> None:
        """An import stopped early ends without the decision: what the steps
        wrote otherwise than the store holds is written again as stored."""
        if self.written:
            with self.store.transaction():
                for article_id in self.written:
                    self.store.index_queue.add(article_id)
            self.written.clear()

    def last(self) -> Iterator[tuple[str, int, int]]:
        """What the import left unindexed: shown step by step when it is long
        (the interval was not reached, or many files came at the end), indexed
        without a word when short."""
        if len(self.store.index_queue.ids()) >= INDEX_STEP_PROGRESS:
            yield from self.upkeep.sync_steps()
        else:
            self.upkeep.sync_index()
