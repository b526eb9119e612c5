"""The store's tables: those a new store starts from (version 1) and the
migrations that bring an older store up to the current version, applied in order
when it is opened (Store._migrate)."""

from __future__ import annotations

SCHEMA_VERSION = 9

SCHEMA_V1 = """
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
    # 3 → 4: fingerprints and stories (versions of one text). Existing articles
    # are fingerprinted on the next open (no fingerprint row marks them).
    3: """
    ALTER TABLE articles ADD COLUMN story TEXT;
    CREATE INDEX articles_story ON articles (story);
    CREATE TABLE fingerprints (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        shingles INTEGER NOT NULL,
        minhash BLOB NOT NULL
    );
    CREATE TABLE story_bands (
        band INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band, hash, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_bands_article ON story_bands (article_id);
    """,
    # 4 → 5: saved searches (a name for a query and its filters).
    4: """
    CREATE TABLE saved_searches (
        name TEXT PRIMARY KEY,
        query TEXT NOT NULL,
        filters TEXT NOT NULL DEFAULT '{}',
        saved_at TEXT NOT NULL
    );
    """,
    # 5 → 6: the reader's corrections to entities, applied to every analysis.
    5: """
    CREATE TABLE entity_corrections (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        action TEXT NOT NULL,
        name TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL
    );
    """,
    # 6 → 7: highlights and notes.
    6: """
    CREATE TABLE highlights (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL
    );
    CREATE INDEX highlights_article ON highlights (article_id);
    """,
    # 7 → 8: the archive newest first (the app's first screen) read from an
    # index in its order: at 50,000 articles SQLite sorted every row, 250 ms.
    7: """
    CREATE INDEX articles_newest ON articles (published IS NULL, published DESC, imported_at DESC);
    """,
    # 8 → 9: each queued change gets a number that only grows (a row queued
    # again gets a new one), so a step that read the queue through number N
    # takes off only rows not newer than N: a change queued while the step was
    # written (index steps run beside the import) is kept for the next step.
    8: """
    CREATE TABLE index_queue_numbered (seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL UNIQUE);
    INSERT INTO index_queue_numbered (article_id) SELECT article_id FROM index_queue;
    DROP TABLE index_queue;
    ALTER TABLE index_queue_numbered RENAME TO index_queue;
    """,
}
