"""The store: SQLite, the source of truth for every article and its reading state.

The Whoosh index is derived from this and can always be rebuilt from it. Every
change that the index must follow is queued in `index_queue` in the same
transaction, so a crash between the store commit and the index commit is
repaired on the next open by replaying the queue.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reader.model import Article, Block, StoredArticle

SCHEMA_VERSION = 3

_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    byline TEXT,
    site TEXT,
    url TEXT,
    published TEXT,
    language TEXT,
    format TEXT NOT NULL,
    blocks TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    is_read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    read_position REAL NOT NULL DEFAULT 0
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_site ON articles (site);
CREATE TABLE sources (
    path TEXT NOT NULL,
    part TEXT NOT NULL DEFAULT '',
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    file_hash TEXT NOT NULL,
    PRIMARY KEY (path, part)
);
CREATE INDEX sources_article ON sources (article_id);
CREATE TABLE tags (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX tags_tag ON tags (tag);
CREATE TABLE index_queue (article_id TEXT PRIMARY KEY);
"""

# Migrations from version N to N+1, applied in order on open.
MIGRATIONS: dict[int, str] = {
    # 1 → 2: per-site counts of paragraphs, to spot boilerplate across articles.
    1: """
    ALTER TABLE articles ADD COLUMN scope TEXT;
    CREATE TABLE block_counts (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
    );
    """,
    # 2 → 3: entities and quotes found in each article. Existing articles are
    # analysed on the next open (analysis IS NULL marks them).
    2: """
    ALTER TABLE articles ADD COLUMN analysis TEXT;
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, name, type)
    );
    CREATE INDEX entities_name ON entities (name);
    CREATE INDEX entities_type ON entities (type, name);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        speaker TEXT,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE INDEX quotes_speaker ON quotes (speaker);
    """,
}
# A paragraph standing in this many articles of one site is the site's, not the
# article's: newsletter plugs, "Follow us on…", standard disclaimers. Three keeps
# a quote repeated by two follow-up stories out of it.
BOILERPLATE_MIN_ARTICLES = 3
MIN_BOILERPLATE_WORDS = 4

_ARTICLE_COLUMNS = (
    "id, title, byline, site, url, published, language, format, blocks, content_hash, "
    "imported_at, updated_at, is_read, starred, read_position"
)
_READ_COLUMNS = _ARTICLE_COLUMNS + ", analysis"


class StoreError(Exception):
    """The store file is unusable (not SQLite, or from a newer newsreader)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def short_id(content_hash: str, length: int = 8) -> str:
    """A short, stable, typeable id from the hash of the first imported text."""
    raw = hashlib.sha256(content_hash.encode()).digest()
    return base64.b32encode(raw).decode().lower()[:length]


class Store:
    """Articles, their source files, reading state and tags, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    # -- schema -------------------------------------------------------------

    def _migrate(self) -> None:
        has_meta = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        with self.transaction():
            if not has_meta:
                for statement in _SCHEMA_V1.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
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
        rows = self.db.execute("SELECT DISTINCT path FROM sources WHERE article_id = ? ORDER BY path", (article_id,))
        return tuple(r[0] for r in rows)

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
        now = _now()
        article_id = self._free_id(content_hash)
        self.db.execute(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,0,0)",
            (
                article_id,
                article.title,
                article.byline,
                article.site,
                article.url,
                _iso(article.published),
                article.language,
                article.format,
                _blocks_json(article.blocks),
                content_hash,
                now,
                now,
            ),
        )
        self._set_scope(article_id, article, scope)
        self.queue_index(article_id)
        return article_id

    def update_article(self, article_id: str, article: Article, content_hash: str, scope: str | None = None) -> None:
        """New text for a known article; its id and reading state stay."""
        self._uncount(article_id)
        self.db.execute(
            "UPDATE articles SET title=?, byline=?, site=?, url=?, published=?, language=?, "
            "format=?, blocks=?, content_hash=?, updated_at=? WHERE id=?",
            (
                article.title,
                article.byline,
                article.site,
                article.url,
                _iso(article.published),
                article.language,
                article.format,
                _blocks_json(article.blocks),
                content_hash,
                _now(),
                article_id,
            ),
        )
        self._set_scope(article_id, article, scope)
        self.queue_index(article_id)

    def delete_article(self, article_id: str) -> None:
        self._uncount(article_id)
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.queue_index(article_id)

    def get(self, article_id: str) -> StoredArticle | None:
        row = self.db.execute(f"SELECT {_READ_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._stored(row) if row else None

    def get_many(self, ids: Iterable[str]) -> dict[str, StoredArticle]:
        """Articles by id, in one query per 500 ids (results lists ask for pages)."""
        ids = list(ids)
        found: dict[str, StoredArticle] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT {_READ_COLUMNS} FROM articles WHERE id IN ({marks})", chunk)
            for row in rows:
                stored = self._stored(row)
                found[stored.id] = stored
        return found

    def summaries(
        self, ids: list[str]
    ) -> dict[str, tuple[str, str | None, datetime | None, bool, bool, tuple[str, ...]]]:
        """What a results list shows, without loading blocks: id → (title, site,
        published, is_read, starred, paths)."""
        found: dict[str, tuple[str, str | None, datetime | None, bool, bool, tuple[str, ...]]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            paths: dict[str, list[str]] = {}
            for aid, path in self.db.execute(
                f"SELECT DISTINCT article_id, path FROM sources WHERE article_id IN ({marks}) ORDER BY path", chunk
            ):
                paths.setdefault(aid, []).append(path)
            for aid, title, site, published, is_read, starred in self.db.execute(
                f"SELECT id, title, site, published, is_read, starred FROM articles WHERE id IN ({marks})", chunk
            ):
                found[aid] = (title, site, _dt(published), bool(is_read), bool(starred), tuple(paths.get(aid, ())))
        return found

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

    def newest(self, limit: int, offset: int = 0) -> list[StoredArticle]:
        rows = self.db.execute(
            f"SELECT {_READ_COLUMNS} FROM articles "
            "ORDER BY published IS NULL, published DESC, imported_at DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [self._stored(r) for r in rows]

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
            tags=self.tags_of(aid),
            read_position=float(position),
            entities=tuple(found.get("entities", ())),
            quotes=tuple(found.get("quotes", ())),
        )

    # -- entities and quotes ----------------------------------------------------

    def set_analysis(self, article_id: str, analysis: dict[str, list[dict[str, object]]]) -> None:
        """Store an article's entities and quotes, and their rows for browsing."""
        self.db.execute(
            "UPDATE articles SET analysis = ? WHERE id = ?", (json.dumps(analysis, ensure_ascii=False), article_id)
        )
        self.db.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        self.db.executemany(
            "INSERT OR REPLACE INTO entities (article_id, name, type, mentions) VALUES (?, ?, ?, ?)",
            [(article_id, e["name"], e["type"], len(e["mentions"])) for e in analysis["entities"]],  # type: ignore[arg-type]
        )
        self.db.executemany(
            "INSERT INTO quotes (article_id, seq, speaker, kind, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, n, q["speaker"], q["kind"], q["text"]) for n, q in enumerate(analysis["quotes"])],
        )
        self.queue_index(article_id)

    def unanalysed(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE analysis IS NULL")]

    def known_entities(self, min_articles: int = 3) -> dict[str, str]:
        """Single names seen as one type in at least `min_articles` articles."""
        rows = self.db.execute(
            "SELECT lower(name), type, count(*) AS n FROM entities WHERE instr(name, ' ') = 0 "
            "GROUP BY lower(name), type HAVING n >= ? ORDER BY n",
            (min_articles,),
        )
        return {name: kind for name, kind, _ in rows}

    def top_entities(
        self, kind: str | None, limit: int, ids: list[str] | None = None
    ) -> list[tuple[str, str, int, int]]:
        """(name, type, mentions, articles), most articles first."""
        where, args = [], []
        if kind:
            where.append("type = ?")
            args.append(kind)
        if ids is not None:
            where.append(f"article_id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        sql = (
            "SELECT name, type, sum(mentions), count(DISTINCT article_id) AS n FROM entities "
            + ("WHERE " + " AND ".join(where) if where else "")
            + " GROUP BY name, type ORDER BY n DESC, sum(mentions) DESC, name LIMIT ?"
        )
        return [tuple(r) for r in self.db.execute(sql, (*args, limit))]  # type: ignore[misc]

    def find_quotes(
        self, speaker: str | None, ids: list[str] | None, limit: int, words: str | None = None
    ) -> list[tuple[str, str, str | None, str, str]]:
        """(article id, title, speaker, kind, text) of speech quotes.

        `words` matches the speaker or the quote's text (the quote browser's filter).
        """
        where, args = ["q.kind = 'speech'"], []
        if speaker:
            where.append("lower(q.speaker) LIKE ?")
            args.append(f"%{speaker.lower()}%")
        if words:
            where.append("(lower(q.speaker) LIKE ? OR lower(q.text) LIKE ?)")
            args.extend([f"%{words.lower()}%"] * 2)
        if ids is not None:
            where.append(f"q.article_id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        sql = (
            "SELECT q.article_id, a.title, q.speaker, q.kind, q.text "
            "FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE " + " AND ".join(where) + " ORDER BY a.published DESC, q.article_id, q.seq LIMIT ?"
        )
        return [tuple(r) for r in self.db.execute(sql, (*args, limit))]  # type: ignore[misc]

    # -- boilerplate across articles -----------------------------------------

    def _set_scope(self, article_id: str, article: Article, scope: str | None) -> None:
        """Count the article's paragraphs under its site (or folder) for boilerplate."""
        self.db.execute("UPDATE articles SET scope = ? WHERE id = ?", (scope, article_id))
        if scope:
            self.db.executemany(
                "INSERT INTO block_counts (scope, key, articles) VALUES (?, ?, 1) "
                "ON CONFLICT (scope, key) DO UPDATE SET articles = articles + 1",
                [(scope, k) for k in block_keys(article.blocks)],
            )

    def _uncount(self, article_id: str) -> None:
        row = self.db.execute("SELECT scope, blocks FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row or not row[0]:
            return
        blocks = [Block.from_dict(b) for b in json.loads(row[1])]
        self.db.executemany(
            "UPDATE block_counts SET articles = articles - 1 WHERE scope = ? AND key = ?",
            [(row[0], k) for k in block_keys(blocks)],
        )

    def boilerplate(self, article_id: str) -> frozenset[int]:
        """Indexes of the article's blocks that stand in many articles of its site."""
        row = self.db.execute("SELECT scope, blocks FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row or not row[0]:
            return frozenset()
        blocks = [Block.from_dict(b) for b in json.loads(row[1])]
        keys = {i: _block_key(b) for i, b in enumerate(blocks)}
        wanted = [k for k in keys.values() if k]
        if not wanted:
            return frozenset()
        marks = ",".join("?" * len(wanted))
        common = {
            r[0]
            for r in self.db.execute(
                f"SELECT key FROM block_counts WHERE scope = ? AND articles >= ? AND key IN ({marks})",
                (row[0], BOILERPLATE_MIN_ARTICLES, *wanted),
            )
        }
        return frozenset(i for i, k in keys.items() if k in common)

    # -- reading state ------------------------------------------------------

    def set_read(self, article_id: str, is_read: bool) -> None:
        self.db.execute("UPDATE articles SET is_read = ? WHERE id = ?", (int(is_read), article_id))

    def set_starred(self, article_id: str, starred: bool) -> None:
        self.db.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    def set_position(self, article_id: str, position: float) -> None:
        self.db.execute("UPDATE articles SET read_position = ? WHERE id = ?", (position, article_id))

    def tags_of(self, article_id: str) -> tuple[str, ...]:
        rows = self.db.execute("SELECT tag FROM tags WHERE article_id = ? ORDER BY tag", (article_id,))
        return tuple(r[0] for r in rows)

    def set_tags(self, article_id: str, tags: Iterable[str]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
            self.db.executemany(
                "INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?, ?)",
                [(article_id, t) for t in tags],
            )
            self.queue_index(article_id)

    # -- index queue ----------------------------------------------------------

    def queue_index(self, article_id: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO index_queue (article_id) VALUES (?)", (article_id,))

    def queued(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT article_id FROM index_queue")]

    def unqueue(self, ids: Iterable[str]) -> None:
        with self.transaction():
            self.db.executemany("DELETE FROM index_queue WHERE article_id = ?", [(i,) for i in ids])

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


def _block_key(block: Block) -> str | None:
    """A short hash of a paragraph's words; headings and short lines are not counted."""
    from reader.text.normalize import fold_key

    if block.kind == "heading":
        return None
    key = fold_key(block.text)
    if len(key.split()) < MIN_BOILERPLATE_WORDS:
        return None
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def block_keys(blocks: Iterable[Block]) -> set[str]:
    return {k for k in (_block_key(b) for b in blocks) if k}


def _blocks_json(blocks: Iterable[Block]) -> str:
    return json.dumps([b.to_dict() for b in blocks], ensure_ascii=False)
