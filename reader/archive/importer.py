"""Import: files and folders → articles in the store, then the index.

Incremental: a file whose size and mtime match what we recorded is not read
again; one whose bytes hash the same is not parsed again. Each file's writes
are one savepoint, so a failing file leaves nothing half-written; batches are
committed together, so an interrupted import keeps every finished batch.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path

from reader.archive.carried_state import carry_state
from reader.archive.discovery import Discovery, discover  # noqa: F401 - re-exported
from reader.archive.disk_full import is_disk_full
from reader.archive.import_report import OUTCOMES, ImportReport  # noqa: F401 - re-exported
from reader.archive.progress import FINISHING, INDEXING, STORIES, Progress  # noqa: F401 - re-exported
from reader.archive.store.database import Store
from reader.archive.stories import versions_of
from reader.ingest import IngestError, NotAnArticle, export_stream, parse_source, read_source
from reader.model import Article
from reader.text.analysis import analyze
from reader.text.fingerprint import Fingerprint, fingerprint
from reader.text.normalize import content_hash
from reader.text.pipeline import finish


@dataclass(frozen=True)
class Prepared:
    """A file read, parsed, folded and analysed: the CPU-heavy half of importing,
    done in a worker process while the main process writes the store and index."""

    path: str
    size: int = 0
    mtime_ns: int = 0
    digest: str = ""
    articles: tuple[tuple[Article, dict[str, list[dict[str, object]]], Fingerprint], ...] = ()
    error: str | None = None
    skipped: bool = False  # `error` says why the file is not an article (not that it is broken)
    unchanged: bool = False  # size and mtime as recorded: nothing was read
    # A newsreader export checked whole, its articles read again one at a time
    # as they are stored (export_stream.py), never all held: `articles` is empty.
    streamed: bool = False


def prepare(path: Path, known: dict[str, str] | None = None) -> Prepared:
    """Read and analyse one file; errors come back as a reason, never raised."""
    try:
        if export_stream.is_streamed_export(path):
            return _check_stream(path)
        source = read_source(path)
        articles = [finish(a) for a in parse_source(source)]
        analysed = tuple(
            (a, analyze(a.blocks, known or {}, a.byline), fingerprint(b.text for b in a.blocks)) for a in articles
        )
    except NotAnArticle as exc:
        return Prepared(str(path), error=str(exc), skipped=True)
    except IngestError as exc:
        return Prepared(str(path), error=str(exc))
    return Prepared(str(path), source.size, source.mtime_ns, source.digest, analysed)


def _check_stream(path: Path) -> Prepared:
    """A streamed export's first pass: every record checked (a bad one fails
    the file before anything is stored, as for a file read whole) and the
    file's digest taken, holding one article at a time."""
    try:
        st = path.stat()
        header: dict[str, object] = {}
        count = sum(1 for _ in export_stream.articles(path, header))
    except OSError as exc:
        raise IngestError(f"could not read: {exc.strerror or exc}") from exc
    if not count:
        raise IngestError("no article text found")
    return Prepared(str(path), st.st_size, st.st_mtime_ns, str(header["sha256"]), streamed=True)


def _analysed(
    articles: Iterable[Article], known: dict[str, str]
) -> Iterator[tuple[Article, dict[str, list[dict[str, object]]], Fingerprint]]:
    """Articles finished and analysed one at a time, as prepare() does for a file read whole."""
    for article in articles:
        article = finish(article)
        yield article, analyze(article.blocks, known, article.byline), fingerprint(b.text for b in article.blocks)


def unchanged_on_disk(rows: list[sqlite3.Row], path: Path) -> bool:
    """Size and mtime as recorded in the file's source rows: it is not read again."""
    try:
        st = path.stat()
    except OSError:
        return False  # let prepare() say what is wrong with it
    return bool(rows) and all(r[3] == st.st_size and r[4] == st.st_mtime_ns for r in rows)


def import_file(
    store: Store,
    path: Path,
    report: ImportReport,
    known: dict[str, str] | None = None,
    prepared: Prepared | None = None,
    on_article: Callable[[], None] | None = None,
) -> str:
    """Import one file into the store (inside the caller's transaction).

    Returns the file's main outcome; per-article outcomes go into `report`.
    Raises IngestError for files that cannot be read or parsed. `prepared` is
    the file already analysed by a worker process; without it, it is done here.
    `on_article()` is called after each article of a file that holds several
    (an export), so the caller may commit a long file in batches.
    """
    key = str(path)
    rows = store.sources_for_path(key)
    if prepared is None:
        prepared = Prepared(key, unchanged=True) if unchanged_on_disk(rows, path) else prepare(path, known)
    if prepared.unchanged:
        report.unchanged += len(rows)
        return "unchanged"
    if prepared.error is not None:
        raise (NotAnArticle if prepared.skipped else IngestError)(prepared.error)
    if rows and all(r[5] == prepared.digest for r in rows):
        store.touch_sources(key, prepared.size, prepared.mtime_ns)
        report.unchanged += len(rows)
        return "unchanged"
    previous = {r[1]: r[2] for r in rows}  # part → article id
    several = prepared.streamed or len(prepared.articles) > 1
    articles = prepared.articles
    if prepared.streamed:
        articles = _analysed(export_stream.articles(path), known or {})  # type: ignore[assignment]
    # Until the last article of a file of several is stored, its source rows
    # carry no size, time or hash: a run stopped after a batch commit reads the
    # file again next time and finishes it, instead of taking it as unchanged.
    recorded = replace(prepared, size=-1, mtime_ns=-1, digest="") if several else prepared
    outcomes: list[str] = []
    for article, analysis, fp in articles:
        outcome, stored_as = _import_article(store, article, analysis, fp, previous.get(article.part), key, recorded)
        report.merge(outcome)
        if outcome == "duplicates":
            # Named by the title the archive holds it under: the file's own
            # headline may differ (the body decides what is the same article).
            report.repeats.append((key, store.title_of(stored_as) or article.title))
        outcomes.append(outcome)
        if several and on_article is not None:
            on_article()
    if several:
        store.finish_sources(key, prepared.size, prepared.mtime_ns, prepared.digest)
    for outcome in ("added", "updated", "duplicates"):
        if outcome in outcomes:
            return outcome
    return "unchanged"


def _import_article(
    store: Store,
    article: Article,
    analysis: dict[str, list[dict[str, object]]],
    fp: Fingerprint,
    previous_id: str | None,
    key: str,
    source: Prepared,
) -> tuple[str, str]:
    """(outcome, the id of the article the archive now holds it as)."""
    chash = content_hash(article.title, article.body)
    size, mtime, digest = source.size, source.mtime_ns, source.digest
    existing = store.id_for_hash(chash)
    if existing is not None:
        store.set_source(key, article.part, existing, size, mtime, digest)
        carry_state(store, existing, article)
        if existing == previous_id:
            return "unchanged", existing
        # The article gains this file's path (its document's path field), and
        # a previous article loses it: both are indexed again. (A duplicate's
        # path was found only if the article happened to be indexed after it.)
        store.index_queue.add(existing)
        if previous_id is not None:
            # The file now holds text we already had under another article;
            # its old article, even with no source left, is kept, never lost.
            store.index_queue.add(previous_id)
        return ("duplicates" if previous_id is None else "updated"), existing
    scope = boilerplate_scope(article, key)
    if previous_id is not None and store.source_count(previous_id) == 1:
        store.update_article(previous_id, article, chash, scope)
        store.analysis.set_analysis(previous_id, analysis)
        _set_story(store, previous_id, fp)
        carry_state(store, previous_id, article)
        store.set_source(key, article.part, previous_id, size, mtime, digest)
        return "updated", previous_id
    new_id = store.add_article(article, chash, scope)
    store.analysis.set_analysis(new_id, analysis)
    _set_story(store, new_id, fp)
    carry_state(store, new_id, article)
    store.set_source(key, article.part, new_id, size, mtime, digest)
    return "added", new_id


def _set_story(store: Store, article_id: str, fp: Fingerprint) -> None:
    """Record the fingerprint and put the article in its story now, as it is
    stored: the main process waits on the analysis workers here anyway, while
    grouping after the files (Archive.cluster_pending, which now finds nothing
    left) ran on one core before the index pass could start."""
    store.stories.set_fingerprint(article_id, fp)
    store.stories.join_story(article_id, versions_of(store.stories, article_id, fp))


def boilerplate_scope(article: Article, path: str) -> str:
    """Which articles share boilerplate: the same site, else the same folder of scrapes."""
    from urllib.parse import urlsplit

    if article.site:
        return "site:" + article.site.lower()
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return "site:" + host.removeprefix("www.")
    return "folder:" + os.path.dirname(path)


@dataclass(frozen=True)
class Planned:
    """What an import would do with one file: "import", "unchanged", "skip" or "fail", and why."""

    path: str
    action: str
    reason: str
    format: str | None = None


def plan_import(store: Store, paths: Iterable[str | os.PathLike[str]], exclude: Path | None = None) -> list[Planned]:
    """A dry run: every file the paths hold, what an import would do with it and
    why, from names, first bytes and the archive's records, without parsing."""
    from reader.ingest.detect import detect

    found = discover(paths, exclude)
    planned: list[Planned] = []
    for name, fmt in zip(found.files, found.formats, strict=True):
        rows = store.sources_for_path(name)
        if unchanged_on_disk(rows, Path(name)):
            planned.append(Planned(name, "unchanged", "already imported, not changed since", fmt))
        else:
            how = detect(Path(name)).reason
            planned.append(Planned(name, "import", f"{how}; changed since imported" if rows else how, fmt))
    planned += [Planned(p, "skip", reason) for p, reason in found.skipped]
    planned += [Planned(p, "fail", reason) for p, reason in found.failures]
    return sorted(planned, key=lambda item: item.path)


# Files (or articles of an export) per store commit and index update: what an
# interrupted import keeps.
IMPORT_BATCH = 200
# Errors in storing one file's articles that say something about the file, not
# the archive (a value SQLite cannot hold): that file fails, the import goes on.
_DATA_ERRORS = (ValueError, TypeError, OverflowError, sqlite3.InterfaceError, sqlite3.ProgrammingError)
# Below this many files a worker process costs more than it saves (it starts
# in about a second and loads the gazetteers once).
PARALLEL_MIN_FILES = 200
# From this many files a second analysis worker pays for its start-up (about
# a second, and the gazetteers loaded again): the main process, storing and
# indexing in steps, and two workers keep both cores busy.
TWO_WORKERS_MIN_FILES = 1000
# Files prepared ahead of the store and index writer: enough to keep both
# workers busy through an index step (2-10 s at 10,000 files, longest where
# segments merge), few enough to bound memory. At 128 both workers sat idle,
# the window full, 17 % of a 2,000-file import (sampled every 50 ms), the main
# process alone writing a step. Results wait as the worker pickled them (about
# 10 KB a generated file, 24 KB unpickled), unpickled as they are stored.
PREPARE_AHEAD = 1024
# ... and at most this many bytes of the files themselves (their size on disk)
# in the window, so a folder of large pages holds fewer of them.
PREPARE_AHEAD_BYTES = 64 * 1024 * 1024

# The analysis workers yield the CPU to the importing process: it stores and
# writes the index steps (what makes an import searchable as it goes) and, in
# the app, draws the screen. With the window above the workers run on through
# a step; at the same priority they took half its core and the oldest article
# not yet found waited 11-16 s instead of 8-9 (2,000 files, load 3.5-5).
WORKER_NICE = 5

_worker_known: dict[str, str] = {}


def _worker_init(known: dict[str, str], line: Connection) -> None:
    import signal

    from reader.archive.lifeline import hold

    hold(line)  # a SIGKILLed importer cannot stop its worker: the worker leaves with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    with contextlib.suppress(AttributeError, OSError):  # no nice() on Windows
        os.nice(WORKER_NICE)
    _worker_known.update(known)


def _worker_prepare(name: str) -> bytes:
    """A file prepared, pickled here: the window holds it compact until its turn."""
    return pickle.dumps(prepare(Path(name), _worker_known), protocol=pickle.HIGHEST_PROTOCOL)


def _file_size(name: str) -> int:
    try:
        return os.stat(name).st_size
    except OSError:
        return 0  # prepare() says what is wrong with it


def prepared_in_order(
    store: Store, files: list[str], known: dict[str, str], workers: int = 1
) -> Generator[Prepared | None, None, None]:
    """For each file in order: its Prepared result (marked unchanged when size and
    mtime are as recorded), or None where no worker is used and the main process
    prepares it itself.

    With many files, a worker process reads, parses and analyses ahead while
    this process writes the store and the index: the two halves overlap on two
    cores instead of taking turns.
    """
    if len(files) < PARALLEL_MIN_FILES or (os.cpu_count() or 1) < 2:
        for _ in files:
            yield None
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the app imports from a thread, and forking a threaded
    # process can deadlock the child.
    from reader.archive.lifeline import lifeline

    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_worker_init, initargs=(known, lifeline())
    )
    window: deque = deque()  # (a Prepared or the future of its pickle, the file's size)
    queued = iter(files)
    held = 0  # the window's files' bytes on disk
    try:

        def fill() -> None:
            nonlocal held
            while len(window) < PREPARE_AHEAD and (held < PREPARE_AHEAD_BYTES or not window):
                name = next(queued, None)
                if name is None:
                    return
                if unchanged_on_disk(store.sources_for_path(name), Path(name)):
                    window.append((Prepared(name, unchanged=True), 0))
                else:
                    size = _file_size(name)
                    window.append((executor.submit(_worker_prepare, name), size))
                    held += size

        fill()
        while window:
            item, size = window.popleft()
            held -= size
            fill()
            yield item if isinstance(item, Prepared) else pickle.loads(item.result())
        # Every file taken: the workers leave before the index pass at the end
        # starts its own helpers. Not waited for, the lowered workers outlived
        # the files under load and the import without steps peaked at 282 MB
        # instead of 237 (2,000 files).
        executor.shutdown(wait=True)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def _undo_file(db: sqlite3.Connection) -> None:
    """Roll back one file's savepoint; after SQLITE_FULL SQLite may have rolled
    back the whole transaction already ("no such savepoint" was then raised
    over the real error)."""
    try:
        db.execute("ROLLBACK TO file")
        db.execute("RELEASE file")
    except sqlite3.OperationalError:
        if db.in_transaction:
            db.execute("ROLLBACK")


def import_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    report: ImportReport,
    *,
    batch_size: int = IMPORT_BATCH,
    on_batch: Callable[[bool], None] | None = None,
    exclude: Path | None = None,
    final_steps: Callable[[], Iterable[tuple[str, int, int]]] | None = None,
    consolidate: Callable[[], object] | None = None,
) -> Iterator[Progress]:
    """Import files, committing every `batch_size` files; yield progress per file.

    `on_batch(final)` is called after each store commit with final False (the
    archive indexes what is stored there, in steps: see Archive.import_paths),
    and with final True when the import stops early, so what was kept is
    indexed. At the end the index is brought up to date by going through
    `final_steps()` (stage, done, of), each step yielded as a Progress with
    outcome "indexing" and the stage as its path, else by on_batch(True).
    Ctrl-C commits the files already finished, indexes them, then re-raises.
    `consolidate()` makes the archive's entities agree at the end, in the last
    store transaction (default: the store's consolidate_entities).
    """
    found = discover(paths, exclude)
    known = store.analysis.known_entities()  # the archive's evidence, read once per import
    report.skips.extend(found.skipped)
    report.failures.extend(found.failures)
    report.found += len(found.files) + len(found.skipped)
    total = len(found.files)
    done = 0
    db = store.db
    pending = 0
    workers = min(2, os.cpu_count() or 1) if total >= TWO_WORKERS_MIN_FILES else 1
    stream = prepared_in_order(store, found.files, known, workers)

    def checkpoint() -> None:
        """After each article of an export: commit every `batch_size` articles,
        as for files, so a huge export is not one transaction."""
        nonlocal pending
        pending += 1
        if pending >= batch_size:
            db.execute("RELEASE file")
            db.execute("COMMIT")
            pending = 0
            try:
                if on_batch is not None:
                    on_batch(False)
            finally:  # the caller's file savepoint must exist whatever happens
                db.execute("BEGIN IMMEDIATE")
                db.execute("SAVEPOINT file")

    db.execute("BEGIN IMMEDIATE")
    try:
        for name, prepared in zip(found.files, stream, strict=True):
            path = Path(name)
            db.execute("SAVEPOINT file")
            try:
                outcome = import_file(store, path, report, known, prepared, checkpoint)
            except NotAnArticle as exc:
                db.execute("ROLLBACK TO file")
                db.execute("RELEASE file")
                report.skips.append((str(path), str(exc)))
                done += 1
                yield Progress(done, total, str(path), "skipped", str(exc))
                continue
            except (IngestError, *_DATA_ERRORS) as exc:
                db.execute("ROLLBACK TO file")
                db.execute("RELEASE file")
                reason = str(exc)
                if not isinstance(exc, IngestError):
                    reason = f"could not store it: {type(exc).__name__}: {exc}"
                report.failures.append((str(path), reason))
                done += 1
                yield Progress(done, total, str(path), "failed", reason)
                continue
            except BaseException:
                _undo_file(db)
                raise
            db.execute("RELEASE file")
            done += 1
            pending += 1
            if pending >= batch_size:
                db.execute("COMMIT")
                pending = 0
                if on_batch is not None:
                    on_batch(False)
                db.execute("BEGIN IMMEDIATE")
            yield Progress(done, total, str(path), outcome)
    except BaseException as exc:
        stream.close()  # stops the worker process
        full = is_disk_full(exc)
        if db.in_transaction:
            try:
                db.execute("COMMIT")  # finished files are whole; keep them
            except sqlite3.Error:
                db.execute("ROLLBACK")  # the disk is full: keep what the last batch committed
        if on_batch is not None and not full:  # a full disk: the queue waits for the next open
            on_batch(True)
        raise
    # One name, one type across the archive, new articles included.
    (consolidate or store.analysis.consolidate_entities)()
    db.execute("COMMIT")
    if final_steps is not None:
        for stage, step, of in final_steps():
            yield Progress(step, of, stage, "indexing")
    elif on_batch is not None:
        on_batch(True)
