"""Check an archive and repair what can be repaired: the store is the truth.

Checks: SQLite's integrity check; a half-built index left by a stopped
reindex; that the index opens; that the index holds exactly the store's
articles; changes still queued for the index; a Whoosh write lock left behind.
Repairs: replay the queue, index what is missing, drop index entries the store
no longer has (never all of them: a store with none of the index's articles is
reported, not obeyed), rebuild an unreadable index, remove a stopped rebuild,
clear a dead writer's lock. The store itself is never changed by a repair.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from reader.archive.disk_full import DiskFull, is_disk_full
from reader.archive.folder import ArchiveUnusable, check_index_dir
from reader.archive.index import whoosh_index as ixmod
from reader.plural import plural


@dataclass
class Finding:
    check: str
    ok: bool
    detail: str = ""
    repaired: str = ""


@dataclass
class DoctorReport:
    findings: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return all(f.ok or f.repaired for f in self.findings)

    def add(self, check: str, ok: bool, detail: str = "") -> Finding:
        finding = Finding(check, ok, detail)
        self.findings.append(finding)
        return finding


def _integrity(db: sqlite3.Connection) -> list[str]:
    """SQLite's integrity check; a store too damaged to check says why (the
    check itself raised 'database disk image is malformed')."""
    try:
        rows = db.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [f"the check could not run: {exc}"]
    return [] if rows == [("ok",)] else [str(r[0]) for r in rows]


def _readable_articles(db: sqlite3.Connection | None) -> tuple[int, str]:
    """How many article rows can be read, and why reading stopped ("" if it did not)."""
    if db is None:
        return 0, "the store does not open"
    count = 0
    try:
        for _ in db.execute("SELECT id, title, blocks FROM articles"):
            count += 1
    except sqlite3.DatabaseError as exc:
        return count, str(exc)
    return count, ""


def _what_can_be_saved(report: DoctorReport, db: sqlite3.Connection | None, index_dir: Path) -> None:
    readable, stopped = _readable_articles(db)
    detail = f"{readable} article rows read" + (f", then: {stopped}" if stopped else "")
    report.add("store articles readable", not stopped, detail)
    try:
        documents = ixmod.open_index(index_dir).doc_count()
    except Exception:  # the index may be damaged too
        documents = 0
    saved = f"the index still holds {documents} articles' text and metadata; " if documents else ""
    report.add(
        "what can be saved",
        False,
        "the store is damaged and is never written to by a repair: copy the archive folder away first; "
        f"{saved}`sqlite3 store.sqlite3 .recover` rebuilds the rows SQLite can still read, then `newsreader reindex`",
    )


def examine_unopenable(root: Path, error: str) -> DoctorReport:
    """The report for a store that does not even open: what is damaged, what is left."""
    report = DoctorReport()
    report.add("store opens", False, error)
    path = root / "store.sqlite3"
    db = None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        problems = _integrity(db)
        report.add("store integrity (SQLite)", not problems, "; ".join(problems[:5]) if problems else "ok")
    except sqlite3.Error as exc:
        report.add("store integrity (SQLite)", False, f"the check could not run: {exc}")
        db = None
    _what_can_be_saved(report, db, root / "index")
    if db is not None:
        db.close()
    return report


def examine(archive, repair: bool = False) -> DoctorReport:  # type: ignore[no-untyped-def]
    """Run every check on an open Archive; with repair, fix the index side."""
    report = DoctorReport()
    store = archive.store
    problems = _integrity(store.db)
    report.add("store integrity (SQLite)", not problems, "; ".join(problems[:5]) if problems else "ok")
    if problems:
        # Nothing else can be trusted, and a repair must not write to a damaged store.
        _what_can_be_saved(report, store.db, archive.index_dir)
        return report

    # Repairs need the write lock; a read-only archive can only be looked at
    # (and nobody can be writing to it from here).
    reading_only = archive.store.read_only and not repair
    with contextlib.nullcontext() if reading_only else archive.upkeep.writing(wait_s=5):
        try:
            _examine_index(archive, report, repair)
        except (OSError, sqlite3.OperationalError) as exc:
            if not is_disk_full(exc):
                raise
            raise DiskFull(
                f"disk full while repairing the search index ({archive.index_dir}); nothing is lost (the store "
                "holds every article, and the index is made from it): run `newsreader doctor --repair` again "
                "when there is space"
            ) from exc
    return report


def _examine_index(archive, report: DoctorReport, repair: bool) -> None:  # type: ignore[no-untyped-def]
    """The index's checks (and repairs), under the write lock when repairing."""
    store = archive.store
    # Whoosh's lock file stays on disk after a writer ends; the lock is the
    # flock on it. Held while we hold the archive means a writer outside our lock.
    held = ixmod.index_lock_held(archive.index_dir)
    finding = report.add("index write lock free", not held, "held by another process" if held else "free")
    if held:
        finding.detail += " (a newsreader writing without the archive lock, or another program: stop it)"

    rebuilding = ixmod.rebuild_dir(archive.index_dir)
    left = rebuilding.exists()
    finding = report.add(
        "no unfinished rebuild", not left, f"{rebuilding} left by a reindex that was stopped" if left else "none"
    )
    if left and repair:
        ixmod.remove_rebuild(archive.index_dir)
        finding.repaired = "removed (the index in use was never touched)"

    try:
        check_index_dir(archive.index_dir)
    except ArchiveUnusable as exc:
        report.add("index opens", False, str(exc))  # never removed here: the file is not ours
        return
    try:
        ix = ixmod.open_index(archive.index_dir)
        report.add("index opens", True, plural(ix.doc_count(), "document"))
    except ixmod.IndexUnreadable as exc:
        finding = report.add("index opens", False, str(exc))
        if repair:
            count = archive.reindex()
            finding.repaired = f"rebuilt from the store ({plural(count, 'article')})"
        return

    read, failed, broken = ixmod.unreadable_postings(ix)
    ok = not failed and not broken
    if ok:
        detail = f"{read} term lists read"
    elif broken:
        detail = f"the term list could not be read ({broken})"
    else:
        detail = f"{failed} of {read + failed} term lists unreadable"
    finding = report.add("index postings readable", ok, detail)
    if not ok:
        if repair:
            ix.close()
            count = archive.reindex()
            finding.repaired = f"rebuilt from the store ({count} articles)"
        else:
            finding.detail += " (searches meeting them fail; the store is intact)"
        return

    # Without --repair nothing is written: the queue is reported, not
    # replayed (archive.index() would replay it).
    queued = store.index_queue.ids()
    finding = report.add("index queue empty", not queued, f"{plural(len(queued), 'change')} waiting")
    if queued and repair:
        archive.upkeep.opened(ix)
        archive.sync_index()
        finding.repaired = f"applied {len(queued)} queued changes"
        queued = []

    stored_ids = store.all_ids()
    indexed = ixmod.index_ids(ix if not repair else archive.index())
    missing = stored_ids - indexed
    orphans = indexed - stored_ids
    waiting = len(missing & set(queued))
    detail = f"{len(missing)} missing from the index" + (f" ({waiting} of them queued)" if waiting else "")
    finding = report.add("every article indexed", not missing, detail)
    if missing and repair:
        for article_id in missing:
            store.index_queue.add(article_id)
        archive.sync_index()
        finding.repaired = f"indexed {len(missing)}"
    waiting = len(orphans & set(queued))
    detail = f"{len(orphans)} not in the store" + (f" ({waiting} of them queued for removal)" if waiting else "")
    finding = report.add("no orphans in the index", not orphans, detail)
    if orphans and orphans == indexed:
        # A store that has none of the index's articles was lost or replaced:
        # the index may be the only trace of them, so it is never emptied here.
        finding.detail += (
            "; not removed: the store has none of the index's articles (a lost or replaced store?)."
            " Restore the store from a backup; `newsreader reindex` makes the index match it"
        )
    elif orphans and repair:
        ixmod.apply(archive.index(), [], orphans)
        archive.upkeep.refresh_searchers()
        finding.repaired = f"removed {len(orphans)}"
