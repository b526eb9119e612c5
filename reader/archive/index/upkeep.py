"""Keeping the index in step with the store: opening (and rebuilding) it,
replaying the queue of changes, grouping stories, and the searcher each thread
uses. Held by Archive as `archive.upkeep`, on the archive's store and write lock."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh.index import FileIndex

from reader.archive.disk_full import DiskFull, is_disk_full
from reader.archive.folder import check_index_dir
from reader.archive.index import whoosh_index as ixmod
from reader.archive.lock import ArchiveBusy, WriteLock
from reader.archive.progress import FINISHING, INDEXING, STORIES
from reader.archive.store.database import ArchiveReadOnly, Store
from reader.model import StoredArticle
from reader.text.analyser_version import ANALYSER_KEY, analyser_version

log = logging.getLogger(__name__)

INDEX_BATCH = 500
STORY_BATCH = 1000  # articles grouped into stories per transaction (and progress step)


class IndexUpkeep:
    """The archive's index: opened, rebuilt and updated from its store, under
    its write lock; one searcher per thread."""

    def __init__(self, store: Store, index_dir: Path, lock: WriteLock) -> None:
        self.store = store
        self.index_dir = index_dir
        self._lock = lock
        self._ix: FileIndex | None = None
        self._local = threading.local()
        # Writers of this process, one thread at a time (see writing).
        self._writers = threading.RLock()
        # Why the index is being rebuilt ("is missing", "was made by an older version…"), for the app to say.
        self.rebuilding_because = ""

    def index(self, on_rebuild: Callable[[int, int], None] | None = None) -> FileIndex:
        """The open index, rebuilt from the store if missing or unreadable, and
        brought up to date with any changes queued by an interrupted writer."""
        if self._ix is not None:
            if (self.index_dir / "SCHEMA").exists():  # one stat a call
                return self._ix
            # Deleted under a running app or command: every search would fail
            # until a reindex, so it is rebuilt from the store now, once.
            log.info("the index folder went away; rebuilding it")
            self._ix = None
            self.refresh_searchers()
        check_index_dir(self.index_dir)
        try:
            self._ix = ixmod.open_index(self.index_dir)
        except ixmod.IndexUnreadable as exc:
            if self.store.read_only:
                raise ArchiveReadOnly(
                    self.index_dir.parent,
                    f"its search index cannot be used ({exc}) and cannot be rebuilt there (show, stats "
                    "and the other commands that do not search work)",
                ) from None
            log.info("rebuilding index: %s", exc)
            self.rebuilding_because = exc.why
            self.reindex(progress=on_rebuild, analysing=on_rebuild)
            assert self._ix is not None
            return self._ix
        if self.store.read_only:
            return self._ix  # searched as it stands: changes queued for it wait for a writable folder
        if self.store.index_queue.ids() or self.store.analysis.unanalysed() or self.store.stories.stories_pending():
            self.try_sync()
        return self._ix

    def opened(self, ix: FileIndex) -> None:
        """Use an index opened elsewhere (doctor opens it itself, to check it first)."""
        self._ix = ix

    def try_sync(self) -> None:
        """Replay the index queue if no other process is writing (else leave it)."""
        if self.store.read_only:
            return
        try:
            with self.writing(wait_s=0, wait_for_threads=False):
                self.sync_index()
        except ArchiveBusy:
            log.info("index queue left to the process that holds the write lock")

    @contextmanager
    def writing(self, wait_s: float = 0.0, *, wait_for_threads: bool = True) -> Iterator[None]:
        """Hold the archive's write lock: re-entrant in one thread; another
        thread of this process waits for it (or, with `wait_for_threads`
        False, gets ArchiveBusy at once); another process is ArchiveBusy after
        `wait_s`. The lock file is per process: two of the app's worker threads
        correcting entities at once both took it as held and wrote the index
        together, and Whoosh's LockError took the app down."""
        self.store.writable()
        if not self._writers.acquire(blocking=wait_for_threads):
            raise ArchiveBusy("another task of this program is writing to the archive")
        try:
            if self._lock.held:
                yield
                return
            self._lock.acquire(wait_s=wait_s)
            try:
                if self.index_dir.exists():
                    # We hold the archive lock, so a Whoosh lock left now is a dead writer's.
                    ixmod.clear_stale_lock(self.index_dir)
                yield
            finally:
                self._lock.release()
        finally:
            self._writers.release()

    def sync_index(self) -> int:
        """Apply queued store changes to the index; returns how many were applied."""
        applied = 0
        for stage, done, _ in self.sync_steps():
            if stage == INDEXING:
                applied = done
        return applied

    def sync_steps(self) -> Iterator[tuple[str, int, int]]:
        """sync_index step by step: (stage, done, of) after each batch, so a
        long pass (tens of thousands of articles after a large import) can
        show its progress. Stages: STORIES (grouping new articles into
        stories), INDEXING (handing them to the index writer), and for a
        long queue FINISHING (the parallel writer's commit).

        A long queue goes through Whoosh's parallel writer in one commit (the
        last step is yielded before that commit, which finishes the segments);
        a short one in commits of INDEX_BATCH.
        """
        ix = self.index()  # opened, or rebuilt from the store if missing or of an old schema
        self.analyse_pending()
        yield from self._cluster_steps()
        queued, through = self.store.index_queue.ids_through()
        chunks = [queued[start : start + INDEX_BATCH] for start in range(0, len(queued), INDEX_BATCH)]
        done = 0
        if ixmod.use_bulk(len(queued)):
            found = (self.store.get_many(chunk) for chunk in chunks)
            for count in ixmod.write_chunks(ix, found, chunks, bulk=True):
                done += count
                yield INDEXING, done, len(queued)
                if done == len(queued):
                    # The writer's helpers finish their segments at the commit,
                    # which runs when the loop asks for more.
                    yield FINISHING, 0, 1
            self.store.index_queue.remove_through(through)
            yield FINISHING, 1, 1
        else:
            for chunk in chunks:
                ixmod.apply_chunks(ix, [self.store.get_many(chunk)], [chunk])
                self.store.index_queue.remove(chunk, through)
                done += len(chunk)
                yield INDEXING, done, len(queued)
        self.refresh_searchers()
        if not queued:
            yield INDEXING, 0, 0

    def index_step(self, as_written: Callable[[StoredArticle], StoredArticle] | None = None) -> int:
        """Index what is queued in one commit of the single writer: one new
        segment, searchable from then on by every reader (an import's step).
        `as_written`: each article as its document is to hold it (ImportSteps).
        Returns how many articles it wrote."""
        queued, through = self.store.index_queue.ids_through()
        if not queued:
            return 0
        chunks = [queued[start : start + INDEX_BATCH] for start in range(0, len(queued), INDEX_BATCH)]
        found = (self.store.get_many(chunk) for chunk in chunks)
        if as_written is not None:
            found = ({k: as_written(v) for k, v in batch.items()} for batch in found)
        ixmod.apply_chunks(self.index(), found, chunks)
        self.store.index_queue.remove_through(through)
        self.refresh_searchers()
        return len(queued)

    def analyse_pending(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Find entities and quotes in articles stored before analysis existed
        (or whose analysis was forgotten: a correction, an upgrade)."""
        from reader.text.analysis import analyze

        pending = self.store.analysis.unanalysed()
        if not pending:
            return 0
        known = self.store.analysis.known_entities()
        self._update_each(
            pending,
            lambda s: self.store.analysis.set_analysis(s.id, analyze(s.article.blocks, known, s.article.byline)),
            progress,
        )
        with self.store.transaction():
            self.store.analysis.consolidate_entities()
        return len(pending)

    def analysis_outdated(self) -> bool:
        """Whether the archive's entities and quotes were found by another
        version of the finder than this one (an older newsreader)."""
        return self.store.meta(ANALYSER_KEY) != analyser_version() and self.store.count() > 0

    def reanalyse_if_outdated(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Find every article's entities and quotes again when an older finder
        found them; returns how many were analysed. Interrupted, the articles
        not reached are analysed at the next write (their analysis is
        forgotten first), and the next reindex does the whole pass again."""
        if not self.analysis_outdated():
            return 0
        with self.store.transaction():
            self.store.analysis.forget_all()
        done = self.analyse_pending(progress)
        with self.store.transaction():
            self.store.set_meta(ANALYSER_KEY, analyser_version())
        return done

    def _update_each(
        self,
        ids: list[str],
        update: Callable[[StoredArticle], None],
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Rewrite something of each article, 200 to a transaction: an interrupted
        pass keeps what it finished, and the next open does the rest."""
        for start in range(0, len(ids), 200):
            with self.store.transaction():
                for stored in self.store.get_many(ids[start : start + 200]).values():
                    update(stored)
            if progress:
                progress(min(start + 200, len(ids)), len(ids))

    def cluster_pending(self) -> int:
        """Put articles that have no story yet into one (see _cluster_steps)."""
        grouped = 0
        for _, done, _ in self._cluster_steps():
            grouped = done
        return grouped

    def _cluster_steps(self) -> Iterator[tuple[str, int, int]]:
        """Each article without a story is compared only with the candidates
        its LSH bands find; (STORIES, done, of) after every STORY_BATCH.
        Articles stored before stories existed are fingerprinted first."""
        from reader.archive.stories import versions_of
        from reader.text.fingerprint import fingerprint

        self._update_each(
            self.store.stories.unfingerprinted(),
            lambda s: self.store.stories.set_fingerprint(s.id, fingerprint(b.text for b in s.article.blocks)),
        )
        pending = list(self.store.stories.fingerprints(clustered=False))
        for start in range(0, len(pending), STORY_BATCH):
            with self.store.transaction():
                for article_id, fp in pending[start : start + STORY_BATCH]:
                    self.store.stories.join_story(article_id, versions_of(self.store.stories, article_id, fp))
            yield STORIES, min(len(pending), start + STORY_BATCH), len(pending)

    def reindex(
        self,
        progress: Callable[[int, int], None] | None = None,
        analysing: Callable[[int, int], None] | None = None,
    ) -> int:
        """Rebuild the index from the store; returns the number of articles
        indexed. Entities and quotes an older newsreader found are found again
        first (`analysing` follows that pass), so an upgrade reaches them."""
        check_index_dir(self.index_dir)
        with self.writing(wait_s=5):
            self.reanalyse_if_outdated(analysing)
            self._ix = None
            try:
                done = self._build(ixmod.rebuild_dir(self.index_dir), progress)
            except BaseException as exc:
                # The half-built index goes (on a full disk it holds the space
                # needed); the index in use, if any, was never touched.
                ixmod.remove_rebuild(self.index_dir)
                if is_disk_full(exc):
                    raise DiskFull(
                        f"disk full while rebuilding the search index ({self.index_dir}); the store is unchanged and "
                        "the half-built index was removed: run this again when there is space"
                    ) from exc
                raise
            if self.index_dir.exists():
                import shutil

                shutil.rmtree(self.index_dir)
            os.replace(ixmod.rebuild_dir(self.index_dir), self.index_dir)
            self.store.index_queue.remove(self.store.index_queue.ids())
            self._ix = ixmod.open_index(self.index_dir)
            self.refresh_searchers()
            return done

    def _build(self, directory: Path, progress: Callable[[int, int], None] | None) -> int:
        """A new index of every stored article in `directory`; returns how many."""
        ix = ixmod.create_index(directory)
        total = self.store.count()
        w = ixmod.writer(ix, bulk=ixmod.use_bulk(total))
        done = 0
        try:
            for stored in self.store.iter_articles():
                w.add_document(**ixmod.document(stored))
                done += 1
                if progress and (done == 1 or done % 100 == 0 or done == total):
                    progress(done, total)
        except BaseException:
            w.cancel()
            raise
        try:
            w.commit()
        finally:
            ix.close()
        return done

    def searcher(self):  # type: ignore[no-untyped-def]
        """One searcher per thread, refreshed when the index has changed."""
        ix = self.index()
        searcher = getattr(self._local, "searcher", None)
        # Not Searcher.refresh(): on a searcher opened while the index was empty
        # it fails ('NoneType' is not iterable) once another process commits.
        if searcher is None or not searcher.up_to_date():
            if searcher is not None:
                searcher.close()
            searcher = ix.searcher()
        self._local.searcher = searcher
        return searcher

    def refresh_searchers(self) -> None:
        self._local = threading.local()
