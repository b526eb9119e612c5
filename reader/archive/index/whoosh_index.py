"""The Whoosh index: derived from the store, rebuilt from it whenever needed."""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from datetime import UTC
from multiprocessing.context import SpawnProcess
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import IndexWriter

from reader.archive.index import whoosh_speedups  # installs itself on import
from reader.archive.index.segment_merge import tiered
from reader.archive.index.whoosh_schema import (
    ENTITY_FIELDS,
    NAME_FIELDS,
    SCHEMA_VERSION,
    VALUE_SEP,
    build_schema,
    whole_name,
)
from reader.archive.lifeline import hold, lifeline
from reader.model import StoredArticle

log = logging.getLogger(__name__)
INDEX_NAME = "articles"


class IndexUnreadable(Exception):
    """The index directory is missing, damaged or from another schema; `why` says
    which in words a person reads when it is rebuilt."""

    def __init__(self, detail: str, why: str = "is damaged") -> None:
        super().__init__(detail)
        self.why = why


class IndexDamaged(Exception):
    """The index opened, but reading it failed: damaged inside (a disk fault,
    a file cut short). The store still holds everything; a rebuild repairs it."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(
            f"the search index could not be read ({type(cause).__name__}: {cause}); it is rebuilt from the "
            "store, losing nothing, by `newsreader reindex` (ctrl+r in the app)"
        )


def document(stored: StoredArticle) -> dict[str, object]:
    """The fields Whoosh gets for one article."""
    article = stored.article
    published = article.published
    if published is not None:
        published = published.astimezone(UTC).replace(tzinfo=None)
    by_type: dict[str, list[str]] = {name: [] for name in ENTITY_FIELDS.values()}
    for entity in stored.entities:
        field = ENTITY_FIELDS.get(str(entity.get("type")))
        if field:
            by_type[field].append(str(entity["name"]))
    # Names (and speakers, highlights, notes) are VALUE_GAP positions apart,
    # so a phrase query never matches across two of them.
    sep = VALUE_SEP
    by_type["entity"] = [str(e["name"]) for e in stored.entities]
    return {
        **{field: sep.join(names) for field, names in by_type.items()},
        **{NAME_FIELDS[field]: sep.join(map(whole_name, names)) for field, names in by_type.items()},
        "speaker": sep.join(sorted({str(q["speaker"]) for q in stored.quotes if q.get("speaker")})),
        "id": stored.id,
        "title": article.title,
        "body": article.body,
        "byline": article.byline or "",
        "site": " ".join(filter(None, [article.site, article.url])),
        "published": published,
        "undated": 0 if published is not None else 1,
        "tags": ",".join(stored.tags),
        "path": " ".join(stored.paths),
        "highlight": sep.join(h.text for h in stored.highlights),
        "note": sep.join(h.note for h in stored.highlights if h.note),
        "is_": "highlight" if stored.highlights else "",
    }


def _storage(directory: Path) -> FileStorage:
    """The index's files, read with plain reads rather than memory maps.

    Measured (tests/bench/bench_import.py, 50,000 articles): with maps a search
    process peaks at 1,254 MB (half of it anonymous: arrays copied out of the
    maps), without at 54 MB; search p95 202 -> 222 ms, p50 23 -> 40 ms.
    """
    return FileStorage(str(directory), supports_mmap=False)


def open_index(directory: Path) -> FileIndex:
    """Open the index; raise IndexUnreadable if it is missing or damaged."""
    marker = directory / "SCHEMA"
    try:
        storage = _storage(directory) if directory.is_dir() else None
        if storage is None or not storage.index_exists(INDEX_NAME):
            raise IndexUnreadable("index missing", "is missing")
        if not marker.exists() or marker.read_text().strip() != SCHEMA_VERSION:
            raise IndexUnreadable("index has an old schema", "was made by an older version of newsreader")
        ix = storage.open_index(INDEX_NAME)
        with ix.searcher() as searcher:
            searcher.doc_count()  # touches the segment files
        return ix
    except IndexUnreadable:
        raise
    except Exception as exc:  # Whoosh raises many kinds for damaged files
        raise IndexUnreadable(f"index unreadable: {type(exc).__name__}: {exc}") from exc


def create_index(directory: Path) -> FileIndex:
    """A new empty index, replacing whatever was there."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    ix = _storage(directory).create_index(build_schema(), indexname=INDEX_NAME)
    (directory / "SCHEMA").write_text(SCHEMA_VERSION + "\n")
    return ix


def rebuild_dir(directory: Path) -> Path:
    """Where a rebuild writes the new index before it replaces the old one."""
    return directory.with_name(directory.name + ".rebuilding")


def remove_rebuild(directory: Path) -> None:
    """Drop what a stopped rebuild left (called with the archive's write lock held)."""
    shutil.rmtree(rebuild_dir(directory), ignore_errors=True)


def clear_stale_lock(directory: Path, max_age_s: float = 0.0) -> bool:
    """Remove Whoosh's write-lock file.

    Called only while we hold the archive's exclusive lock, so no writer of
    ours is using it. Whoosh locks with flock, which dies with its process, but
    on filesystems where it falls back to the file's existence a killed writer
    would otherwise lock the index for good.
    """
    if index_lock_held(directory):
        return False  # a live writer holds it: never pull a lock from under a writer
    removed = False
    for lock in directory.glob("*_WRITELOCK"):
        if time.time() - lock.stat().st_mtime >= max_age_s:
            lock.unlink(missing_ok=True)
            removed = True
    return removed


def index_lock_held(directory: Path) -> bool:
    """Whether some process holds Whoosh's write lock on this index right now."""
    lock_file = directory / f"{INDEX_NAME}_WRITELOCK"
    if not lock_file.exists():
        return False
    import fcntl

    with lock_file.open("rb") as fh:  # not for writing: a read-only archive is checked too
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
    return False


# From this many documents in one commit, Whoosh's parallel writer pays for
# starting its helper processes (measured: 2.5x the single writer's docs/s).
BULK_MIN_DOCS = 1000


def use_bulk(count: int) -> bool:
    """Whether writing this many documents at once should use the parallel writer."""
    return count >= BULK_MIN_DOCS and (os.cpu_count() or 1) >= 2


class _SpawnedSubWriter(SubWriterTask):
    """A helper that leaves with its parent: a SIGKILLed reindex or import
    otherwise left it waiting on the job queue for good (see lifeline.py)."""

    _Popen = staticmethod(SpawnProcess._Popen)

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.line = lifeline()

    def run(self) -> None:
        hold(self.line)
        super().run()


class _SpawningMpWriter(MpWriter):
    """Whoosh's parallel writer with its helper processes spawned, not forked:
    the app imports from a thread, and forking a threaded process can deadlock
    the child. Each helper writes its own segment (multisegment): no merge pass."""

    def __init__(self, ix: FileIndex, **kwargs: object) -> None:
        super().__init__(ix, procs=2, multisegment=True, **kwargs)
        context = multiprocessing.get_context("spawn")
        self.jobqueue = context.Queue(self.procs * 4)
        self.resultqueue = context.Queue()

    def _new_task(self) -> SubWriterTask:
        task = _SpawnedSubWriter(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        task.start()
        return task


# Postings a bulk writer's helper buffers before sorting them out to a run
# on disk. Whoosh counts the bytes of the postings, not of the Python objects
# holding them, so a process holds several times this. Measured on 10,000
# articles, two helpers (peak RSS of the process tree / seconds): 128 MB
# 466 MB / 42.1 s, 64 MB 312 / 40.9, 32 MB 235 / 40.2, 16 MB 198 / 39.9.
BULK_LIMIT_MB = 16
# The single writer takes batches of a few hundred articles (an import's index
# steps). Its pool is what puts a large import over the 300 MB the process tree
# may hold: beside the two analysis workers, 10,000 generated files peaked at 401
# MB with 128 MB, 325 with 64, 299 with 32 (wall 277, 208, 266 s, one run each, a
# test run beside the first and the last; at 2,000 files 304 -> 277 MB and 32.5 ->
# 37.5 s, two runs each alternating).
# A 1,000-article commit spills into runs at 32 MB (8.0 s, not 5.3 s in memory).
SINGLE_LIMIT_MB = 32
# The single writer ends its segment when its pool passes this share of the
# limit. Past the limit Whoosh sorts the pool out to a run on disk, each
# posting marshalled, and at the commit reads the runs back and merges them:
# an import's step of 400 generated articles (about 290 fit) cost 7.3 CPU ms
# an article that way, 4.8 in memory (scratch stepsim.py, 2,000 articles,
# two runs each alternating). Smaller segments, merged in tiers, cost less.
SPLIT_AT = 0.85


def writer(ix: FileIndex, *, bulk: bool = False) -> IndexWriter:
    """A writer; bulk writes use both cores, each helper writing its own segment."""
    codec = whoosh_speedups.write_codec()  # a term's few postings inlined (whoosh_speedups.INLINE_BELOW)
    if bulk:
        return _SpawningMpWriter(ix, limitmb=BULK_LIMIT_MB, codec=codec)
    return ix.writer(limitmb=SINGLE_LIMIT_MB, codec=codec)


def apply(ix: FileIndex, upserts: Iterable[StoredArticle], deletes: Iterable[str], *, bulk: bool = False) -> None:
    """Write a batch of changes in one commit (or none, if anything fails)."""
    apply_chunks(ix, [{s.id: s for s in upserts}], [list(deletes)], bulk=bulk)


def apply_chunks(
    ix: FileIndex,
    found: Iterable[dict[str, StoredArticle]],
    wanted: Iterable[list[str]],
    *,
    bulk: bool = False,
) -> None:
    """Write many batches in one commit: each `wanted` id is updated from the
    matching `found` batch, or deleted if that batch lacks it (the article is gone)."""
    for _ in write_chunks(ix, found, wanted, bulk=bulk):
        pass


def write_chunks(
    ix: FileIndex,
    found: Iterable[dict[str, StoredArticle]],
    wanted: Iterable[list[str]],
    *,
    bulk: bool = False,
) -> Iterator[int]:
    """apply_chunks, yielding how many ids each batch held as it is handed to
    the writer, so a long pass can show its progress. The commit comes after
    the last batch; leaving the loop early cancels the write. The single
    writer commits a segment whenever its pool is nearly full (SPLIT_AT)
    and goes on in a new one: each part is written once, and the queue that
    fed it replays the rest (deleting any copy first) if the write stops."""
    split = not bulk and whoosh_speedups.installed()
    w = writer(ix, bulk=bulk)
    try:
        # One searcher finds every old copy to delete: update_document() would
        # open a reader over every segment for each document it adds.
        searcher = w.searcher()
        for articles, ids in zip(found, wanted, strict=True):
            for article_id in ids:
                w.delete_by_term("id", article_id, searcher=searcher)
            for stored in articles.values():
                if split and w.pool.currentsize > SPLIT_AT * w.pool.limit:
                    w.commit(merge=False)
                    w = writer(ix)
                    searcher = w.searcher()
                w.add_document(**document(stored))
            yield len(ids)
    except BaseException:
        w.cancel()
        raise
    if split:
        # Segments merged in tiers, term by term (segment_merge.py), not
        # through the pool as Whoosh's policy does.
        w.commit(mergetype=tiered)
    else:
        w.commit()


def unreadable_postings(ix: FileIndex) -> tuple[int, int, str]:
    """Read every term's posting list: (lists read, lists that failed, why the
    term list itself failed or ""). Search reads only the terms a query names,
    so damage inside the index shows only here, or in the one query that meets it."""
    read = failed = 0
    with ix.searcher() as searcher:
        for reader, _ in searcher.reader().leaf_readers():
            try:
                terms = list(reader.all_terms())
            except Exception as exc:  # Whoosh raises many kinds for damaged files
                return read, failed, f"{type(exc).__name__}: {exc}"
            for field, text in terms:
                try:
                    for _ in reader.postings(field, text).all_ids():
                        pass
                    read += 1
                except Exception:
                    failed += 1
    return read, failed, ""


def index_ids(ix: FileIndex) -> set[str]:
    """Ids of the live documents, read from the id column (not the stored bodies)."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count_all() == 0:
            return set()  # an empty index has no columns to read
        column = reader.column_reader("id")
        return {column[docnum] for docnum in reader.all_doc_ids()}
