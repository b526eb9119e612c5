"""The store: SQLite, the source of truth for every article and its reading state.

The Whoosh index is derived from this and can always be rebuilt from it. Every
change that the index must follow is queued in `index_queue` in the same
transaction, so a crash between the store commit and the index commit is
repaired on the next open by replaying the queue.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reader.archive.store.analysis_rows import AnalysisRows
from reader.archive.store.connection import connect, connect_read_only, no_space_beside, writable_here
from reader.archive.store.index_queue_rows import IndexQueueRows
from reader.archive.store.mark_rows import MarkRows
from reader.archive.store.sql import now_text, rows_for_ids
from reader.archive.store.story_rows import StoryRows
from reader.archive.store.tables import MIGRATIONS, SCHEMA_V1, SCHEMA_VERSION
from reader.model import Article, Block, StoredArticle
from reader.text.analyser_version import ANALYSER_KEY, analyser_version

# Undated articles last; the order of the articles_newest index, which it must match.
NEWEST_FIRST = "ORDER BY published IS NULL, published DESC, imported_at DESC"

_ARTICLE_COLUMNS = (
    "id, title, byline, site, url, published, language, format, blocks, content_hash, "
    "imported_at, updated_at, is_read, starred, read_position"
)
_READ_COLUMNS = _ARTICLE_COLUMNS + ", analysis"


class StoreError(Exception):
    """The store file is unusable (not SQLite, or from a newer newsreader)."""


class StoreDamaged(StoreError):
    """The store file is damaged: SQLite cannot read it (or part of it)."""


class ArchiveReadOnly(StoreError):
    """The archive cannot be written here (a read-only folder, mount or store
    file): it is read as it stands, and a command that would change it is
    refused with this, naming the folder."""

    def __init__(
        self, root: Path, why: str = "this command writes to it (reading commands such as search, show and stats work)"
    ) -> None:
        super().__init__(f"the archive folder {root} is read-only: {why}")


# What reading a damaged store raises anywhere (SQLite's "database disk image
# is malformed"), under a name the CLI and the app can catch without SQLite.
StoreReadError = sqlite3.DatabaseError


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as the archive keeps them: spaces squeezed, no commas, in the case
    they were typed; two that differ only in case are one (the first is kept)."""
    kept: dict[str, str] = {}
    for tag in tags:
        cleaned = " ".join(tag.split())
        if cleaned and "," not in cleaned:
            kept.setdefault(cleaned.casefold(), cleaned)
    return tuple(sorted(kept.values(), key=str.casefold))


def short_id(content_hash: str, length: int = 8) -> str:
    """A short, stable, typeable id from the hash of the first imported text."""
    raw = hashlib.sha256(content_hash.encode()).digest()
    return base64.b32encode(raw).decode().lower()[:length]


def _create(path: Path) -> None:
    """A new store, made under a temporary name and linked into place once its
    schema is written: a store file that exists was complete once, so an empty
    one is damage to report, never a creation that was interrupted."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    os.close(fd)
    os.chmod(tmp, 0o644)  # mkstemp makes 0600; the store is an ordinary file
    try:
        creating = Store.__new__(Store)
        creating.path = Path(tmp)
        creating.read_only = False
        try:
            creating._open()
        finally:
            if hasattr(creating, "db"):
                creating.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:  # a file system without hard links
            if not os.path.lexists(path):
                os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


class Store:
    """Articles and their source files in one SQLite file; the rows of the
    reader's marks (`marks`: reading state, tags, highlights), of stories
    (`stories`), of analyses (`analysis`) and the index queue (`index_queue`)
    on the same connection, in the same transactions."""

    db: sqlite3.Connection
    marks: MarkRows
    stories: StoryRows
    analysis: AnalysisRows
    index_queue: IndexQueueRows

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.read_only = not writable_here(path)
        try:
            if not os.path.lexists(path):
                if self.read_only:
                    raise ArchiveReadOnly(path.parent, "it has no store yet, and one cannot be made there")
                _create(path)
            elif path.is_file() and path.stat().st_size == 0:
                # SQLite would take it for a new, empty database: the archive
                # would look empty, and a repair would then drop the whole index.
                raise StoreError(
                    f"{path} is empty (0 bytes), so it holds none of the archive's articles: nothing was changed. "
                    "Restore it from a backup, or move it away to start a new archive"
                )
            self._open()
        except sqlite3.OperationalError as exc:
            if self.read_only and "unable to open" in str(exc):
                # A -wal file of changes without its -shm, which cannot be made here.
                raise ArchiveReadOnly(
                    path.parent,
                    f"its store has changes in {path.name}-wal that SQLite reads only where it may write beside "
                    "them: copy the folder somewhere writable to read it",
                ) from exc
            if no_space_beside(path):
                # SQLite's "disk I/O error": its -shm (32 KB) and -wal could not be made.
                raise StoreError(
                    f"disk full: the store {path} cannot be opened, since SQLite needs a little space beside it "
                    "for its journal; nothing was changed: run this again when there is space"
                ) from exc
            raise StoreDamaged(f"{path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(f"{path}: {exc}") from exc

    def _open(self) -> None:
        self.db = connect_read_only(self.path) if self.read_only else connect(self.path)
        self.stories = StoryRows(self.db)
        self.index_queue = IndexQueueRows(self.db, self.transaction)
        self.analysis = AnalysisRows(self.db, self.index_queue.add)
        self.marks = MarkRows(self.db, self.writable, self.transaction, self.index_queue.add)
        if self.read_only:
            self._check_version()
        else:
            self._migrate()

    def _check_version(self) -> None:
        """A read-only store is read as it is: never migrated, so it must be of this schema."""
        version = int(self.meta("schema_version") or 0)
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer newsreader (schema {version}); upgrade to read it")
        if version < SCHEMA_VERSION:
            raise ArchiveReadOnly(
                self.path.parent,
                "its store is from an older newsreader and must be upgraded, which writes to it: "
                "open it once where it can be written",
            )

    def writable(self) -> None:
        """Raise ArchiveReadOnly before a write to a store opened read-only."""
        if self.read_only:
            raise ArchiveReadOnly(self.path.parent)

    def close(self) -> None:
        self.db.close()

    # -- schema -------------------------------------------------------------

    def _migrate(self) -> None:
        has_meta = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        with self.transaction():
            if not has_meta:
                for statement in SCHEMA_V1.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
                self.set_meta(ANALYSER_KEY, analyser_version())  # a new archive: all it holds is analysed now
            version = int(self.meta("schema_version") or 0)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer newsreader (schema {version}); upgrade to read it"
                )
            while version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                version += 1
                self.set_meta("schema_version", str(version))

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one."""
        if self.db.in_transaction:
            yield
            return
        self.writable()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- sources ------------------------------------------------------------

    def sources_for_path(self, path: str) -> list[sqlite3.Row]:
        cur = self.db.execute(
            "SELECT path, part, article_id, size, mtime_ns, file_hash FROM sources WHERE path = ?",
            (path,),
        )
        return cur.fetchall()

    def finish_sources(self, path: str, size: int, mtime_ns: int, file_hash: str) -> None:
        """Record the size, time and hash of a file of several articles once all are stored."""
        self.db.execute(
            "UPDATE sources SET size = ?, mtime_ns = ?, file_hash = ? WHERE path = ? AND file_hash = ''",
            (size, mtime_ns, file_hash, path),
        )

    def touch_sources(self, path: str, size: int, mtime_ns: int) -> None:
        """Record a new mtime for a file whose bytes did not change."""
        self.db.execute("UPDATE sources SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, path))

    def set_source(self, path: str, part: str, article_id: str, size: int, mtime_ns: int, file_hash: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO sources (path, part, article_id, size, mtime_ns, file_hash) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (path, part, article_id, size, mtime_ns, file_hash),
        )

    def paths_of(self, article_id: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(path for path, _ in self.sources_of(article_id)))

    def sources_of(self, article_id: str) -> list[tuple[str, str]]:
        """Each source's (path, part), by path."""
        rows = self.db.execute("SELECT path, part FROM sources WHERE article_id = ? ORDER BY 1, 2", (article_id,))
        return rows.fetchall()

    def source_count(self, article_id: str) -> int:
        row = self.db.execute("SELECT count(*) FROM sources WHERE article_id = ?", (article_id,))
        return int(row.fetchone()[0])

    # -- articles -------------------------------------------------------------

    def id_for_hash(self, content_hash: str) -> str | None:
        row = self.db.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))
        found = row.fetchone()
        return found[0] if found else None

    def _free_id(self, content_hash: str) -> str:
        for length in range(8, 53):
            candidate = short_id(content_hash, length)
            if not self.db.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
                return candidate
        raise StoreError("no free id")  # pragma: no cover - needs a sha256 collision

    def add_article(self, article: Article, content_hash: str, scope: str | None = None) -> str:
        now = now_text()
        article_id = self._free_id(content_hash)
        self.db.execute(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,0,0)",
            (article_id, *_text_columns(article, content_hash), now, now),
        )
        self.analysis.count_blocks(article_id, article, scope)
        self.index_queue.add(article_id)
        return article_id

    def update_article(self, article_id: str, article: Article, content_hash: str, scope: str | None = None) -> None:
        """New text for a known article; its id and reading state stay."""
        self.analysis.uncount_blocks(article_id)
        self.db.execute(
            "UPDATE articles SET title=?, byline=?, site=?, url=?, published=?, language=?, "
            "format=?, blocks=?, content_hash=?, updated_at=? WHERE id=?",
            (*_text_columns(article, content_hash), now_text(), article_id),
        )
        self.analysis.count_blocks(article_id, article, scope)
        self.index_queue.add(article_id)

    def delete_article(self, article_id: str) -> None:
        self.analysis.uncount_blocks(article_id)
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.index_queue.add(article_id)

    def title_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def get(self, article_id: str) -> StoredArticle | None:
        row = self.db.execute(f"SELECT {_READ_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._stored(row) if row else None

    def get_many(self, ids: Iterable[str]) -> dict[str, StoredArticle]:
        """Articles by id, in one query per 500 ids (results lists ask for pages)."""
        rows = rows_for_ids(self.db, f"SELECT {_READ_COLUMNS} FROM articles WHERE id IN ({{ids}})", ids)
        return {stored.id: stored for stored in map(self._stored, rows)}

    def bodies(self, ids: list[str]) -> dict[str, str]:
        """Article id → its text as Article.body joins it: snippets are made from
        here, since the index keeps no copy of the text."""
        sql = "SELECT id, blocks FROM articles WHERE id IN ({ids})"
        return {
            aid: "\n\n".join(str(block.get("text", "")) for block in json.loads(blocks))
            for aid, blocks in rows_for_ids(self.db, sql, ids)
        }

    def summaries(
        self, ids: list[str]
    ) -> dict[str, tuple[str, str | None, datetime | None, bool, bool, tuple[str, ...]]]:
        """What a results list shows, without loading blocks: id → (title, site,
        published, is_read, starred, paths)."""
        paths: dict[str, list[str]] = {}
        sql = "SELECT DISTINCT article_id, path FROM sources WHERE article_id IN ({ids}) ORDER BY path"
        for aid, path in rows_for_ids(self.db, sql, ids):
            paths.setdefault(aid, []).append(path)
        sql = "SELECT id, title, site, published, is_read, starred FROM articles WHERE id IN ({ids})"
        return {
            aid: (title, site, _dt(published), bool(is_read), bool(starred), tuple(paths.get(aid, ())))
            for aid, title, site, published, is_read, starred in rows_for_ids(self.db, sql, ids)
        }

    def published_dates(self, ids: list[str] | None = None) -> list[datetime | None]:
        """The publication date of each article (all of them, or these)."""
        if ids is None:
            return [_dt(r[0]) for r in self.db.execute("SELECT published FROM articles")]
        return [_dt(r[0]) for r in rows_for_ids(self.db, "SELECT published FROM articles WHERE id IN ({ids})", ids)]

    # -- saved searches -------------------------------------------------------

    def save_search(self, name: str, query: str, filters: dict[str, object]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO saved_searches (name, query, filters, saved_at) VALUES (?, ?, ?, ?)",
            (name, query, json.dumps(filters, sort_keys=True), now_text()),
        )

    def saved_searches(self) -> list[tuple[str, str, dict[str, object]]]:
        rows = self.db.execute("SELECT name, query, filters FROM saved_searches ORDER BY name COLLATE NOCASE")
        return [(name, query, json.loads(filters)) for name, query, filters in rows]

    def delete_search(self, name: str) -> bool:
        return self.db.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount > 0

    def ids_by_prefix(self, prefix: str) -> list[str]:
        rows = self.db.execute("SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff"))
        return [r[0] for r in rows]

    def all_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM articles")}

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[StoredArticle]:
        if ids is None:
            cur = self.db.execute(f"SELECT {_READ_COLUMNS} FROM articles ORDER BY id")
            for row in cur:
                yield self._stored(row)
        else:
            yield from self.get_many(ids).values()

    def newest_ids(self, limit: int) -> list[str]:
        """The ids of the newest articles, newest first."""
        return [r[0] for r in self.db.execute(f"SELECT id FROM articles {NEWEST_FIRST} LIMIT ?", (limit,))]

    def bodies_of(self, ids: list[str]) -> dict[str, str]:
        """Each article's text as Article.body has it, without building its
        blocks (a list wants a lead, not an article)."""
        sql = "SELECT id, blocks FROM articles WHERE id IN ({ids})"
        return {
            aid: "\n\n".join(str(b.get("text", "")) for b in json.loads(blocks))
            for aid, blocks in rows_for_ids(self.db, sql, ids)
        }

    def ids_where(self, *, starred: bool = False, unread: bool = False) -> set[str]:
        """Ids of articles in a reading state (both conditions when both are asked)."""
        where = ["1"] + (["starred = 1"] if starred else []) + (["is_read = 0"] if unread else [])
        return {r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE {' AND '.join(where)}")}

    def data_version(self) -> int:
        """Changes when another connection (another process) commits to the store."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def _stored(self, row: tuple) -> StoredArticle:  # type: ignore[type-arg]
        (aid, title, byline, site, url, published, language, fmt, blocks, chash,
         imported_at, updated_at, is_read, starred, position, analysis) = row  # fmt: skip
        found = json.loads(analysis) if analysis else {}
        article = Article(
            title=title,
            blocks=tuple(Block.from_dict(b) for b in json.loads(blocks)),
            format=fmt,
            byline=byline,
            site=site,
            url=url,
            published=_dt(published),
            language=language,
        )
        return StoredArticle(
            id=aid,
            article=article,
            content_hash=chash,
            imported_at=_dt(imported_at) or datetime.now(UTC),
            updated_at=_dt(updated_at) or datetime.now(UTC),
            paths=self.paths_of(aid),
            is_read=bool(is_read),
            starred=bool(starred),
            tags=self.marks.tags_of(aid),
            read_position=float(position),
            entities=tuple(found.get("entities", ())),
            quotes=tuple(found.get("quotes", ())),
            highlights=self.marks.highlights_of(aid),
        )

    # -- stats --------------------------------------------------------------

    def stats(self) -> dict[str, object]:
        q = self.db.execute
        span = q("SELECT min(published), max(published) FROM articles").fetchone()
        return {
            "articles": self.count(),
            "sources": int(q("SELECT count(DISTINCT path) FROM sources").fetchone()[0]),
            "sites": int(q("SELECT count(DISTINCT site) FROM articles WHERE site IS NOT NULL").fetchone()[0]),
            "unread": int(q("SELECT count(*) FROM articles WHERE is_read = 0").fetchone()[0]),
            "starred": int(q("SELECT count(*) FROM articles WHERE starred = 1").fetchone()[0]),
            "earliest": span[0],
            "latest": span[1],
        }

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _text_columns(article: Article, content_hash: str) -> tuple[object, ...]:
    """An article's columns from title to content_hash, in _ARTICLE_COLUMNS' order:
    what adding an article and giving it new text both write."""
    return (
        article.title,
        article.byline,
        article.site,
        article.url,
        _iso(article.published),
        article.language,
        article.format,
        _blocks_json(article.blocks),
        content_hash,
    )


def _blocks_json(blocks: Iterable[Block]) -> str:
    return json.dumps([b.to_dict() for b in blocks], ensure_ascii=False)
