"""The store's rows about what articles say: entities, quotes, and paragraphs a
site repeats across articles (boilerplate). Held by Store as `store.analysis`,
on the store's connection."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Container, Iterable

from reader.archive.store.sql import rows_for_ids
from reader.model import Article, Block
from reader.text.archive_names import consolidated, decide
from reader.text.corrections import Correction
from reader.text.corrections import apply as apply_corrections

# A paragraph standing in this many articles of one site is the site's, not the
# article's: newsletter plugs, "Follow us on…", standard disclaimers. Three keeps
# a quote repeated by two follow-up stories out of it.
BOILERPLATE_MIN_ARTICLES = 3
MIN_BOILERPLATE_WORDS = 4


class AnalysisRows:
    """Entity, quote, correction and boilerplate rows, on the store's connection.

    `queue_index` is the store's: an article whose analysis changes is queued
    for the index in the same transaction.
    """

    def __init__(self, db: sqlite3.Connection, queue_index: Callable[[str], None]) -> None:
        self.db = db
        self.queue_index = queue_index
        self._corrections: list[Correction] | None = None
        # The archive's decided entity table (every name, all types), with the
        # database version it was read at: the entity browser's tabs and counts
        # are slices of it, read again only once anything has changed.
        self._decided: tuple[tuple[int, int], list[tuple[str, str, int, int]]] | None = None

    # -- entities and quotes ----------------------------------------------------

    def corrections(self) -> list[Correction]:
        """The reader's entity corrections, in the order made (read once, kept)."""
        cached = self._corrections
        if cached is None:
            rows = self.db.execute("SELECT action, name, target FROM entity_corrections ORDER BY seq")
            cached = [Correction(*r) for r in rows]
            self._corrections = cached
        return cached

    def add_correction(self, correction: Correction) -> None:
        self.db.execute(
            "INSERT INTO entity_corrections (action, name, target, made_at) VALUES (?, ?, ?, datetime('now'))",
            (correction.action, correction.name, correction.target),
        )
        self._corrections = None

    def last_correction(self) -> tuple[int, Correction] | None:
        """The most recent correction with its sequence number, or None."""
        row = self.db.execute("SELECT seq, action, name, target FROM entity_corrections ORDER BY seq DESC").fetchone()
        return (row[0], Correction(*row[1:])) if row else None

    def delete_correction(self, seq: int) -> None:
        self.db.execute("DELETE FROM entity_corrections WHERE seq = ?", (seq,))
        self._corrections = None

    def articles_containing(self, words: str) -> list[str]:
        """Articles whose text holds these words (ASCII letters in any case):
        where a name that is no longer an entity may be found again."""
        pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.db.execute("SELECT id FROM articles WHERE blocks LIKE ? ESCAPE '\\'", (pattern,))
        return [r[0] for r in rows]

    def forget_analysis(self, ids: Iterable[str]) -> None:
        """Mark articles to be analysed again (analyse_pending does it)."""
        self.db.executemany("UPDATE articles SET analysis = NULL WHERE id = ?", [(i,) for i in ids])

    def forget_all(self) -> None:
        """Mark every article to be analysed again, and drop the entity rows, so
        the archive's evidence on names (known_entities) starts afresh as in a
        new import: an older finder's types would otherwise vote for themselves."""
        self.db.execute("UPDATE articles SET analysis = NULL")
        self.db.execute("DELETE FROM entities")

    def articles_naming(self, name: str) -> list[str]:
        """Articles with an entity or a quote speaker of this name (any case)."""
        rows = self.db.execute(
            "SELECT article_id FROM entities WHERE lower(name) = lower(?) "
            "UNION SELECT article_id FROM quotes WHERE lower(speaker) = lower(?)",
            (name, name),
        )
        return [r[0] for r in rows]

    def set_analysis(
        self, article_id: str, analysis: dict[str, list[dict[str, object]]], *, queue: bool = True
    ) -> None:
        """Store an article's entities and quotes (with the reader's corrections
        made), and their rows for browsing; `queue` False: the caller sees to
        the index (it may already hold these entities: ImportSteps)."""
        if self.corrections():
            analysis = apply_corrections(analysis, self.corrections())
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
        if queue:
            self.queue_index(article_id)

    def unanalysed(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE analysis IS NULL")]

    def known_entities(self, min_articles: int = 3, min_share: float = 0.6) -> dict[str, str]:
        """The archive's decision on each name seen in at least `min_articles`
        articles: the reader's type corrections first, then the type most of
        its articles give it (at least `min_share` of them). Lower-cased name →
        type; names the archive left unsure ("NAME") or split are not decided."""
        rows = self.db.execute(
            "SELECT lower(name), type, count(DISTINCT article_id) FROM entities GROUP BY lower(name), type"
        )
        votes: dict[str, dict[str, int]] = {}
        for name, kind, n in rows:
            votes.setdefault(name, {})[kind] = n
        decided = {}
        for name, by_type in votes.items():
            total = sum(by_type.values())
            kind, n = max(by_type.items(), key=lambda kv: kv[1])
            if total >= min_articles and n >= min_share * total and kind in ("PERSON", "PLACE", "ORG", "GROUP"):
                decided[name] = kind
        for c in self.corrections():
            if c.action == "type":
                decided[c.name.casefold()] = c.target
            elif c.action == "reject":
                decided.pop(c.name.casefold(), None)
        return decided

    def _changing_names(self) -> tuple[list[str], dict[str, tuple[str, str]]]:
        """The archive's decision (reader/text/archive_names.decide) over every
        stored entity row, and the names as stored that it changes."""
        sql = "SELECT name, type, count(DISTINCT article_id) FROM entities GROUP BY name, type"
        rows: list[tuple[str, str, int]] = [tuple(r) for r in self.db.execute(sql)]  # type: ignore[misc]
        decided = decide(rows)
        changing = [name for name, kind, _ in rows if decided.get(name.casefold(), (name, kind)) != (name, kind)]
        return changing, decided

    def decisions(self) -> dict[str, tuple[str, str]]:
        """The archive's decision on each entity name it would change as stored
        now: casefolded name → (name, type). Only those: a name it leaves as it
        is, consolidated() leaves alone without an entry, and all of them held
        9 MB at 50,000 articles."""
        changing, decided = self._changing_names()
        return {name.casefold(): decided[name.casefold()] for name in changing}

    def consolidate_entities(self, indexed: Container[str] = ()) -> int:
        """Make every article's entities agree with the archive's decision on
        their names (reader/text/archive_names.py): other names of one entity
        merged under one name (Britain → United Kingdom, Trump → Donald Trump),
        each name one type. Returns how many articles changed.

        An article that names a changing name already as decided is left as it
        is, not queued for the index again: after an import whose steps had
        indexed it, it was written a second time for nothing (the 787 real
        pages: 484 articles rewritten, 192 of them unchanged). Nor is a
        changed article in `indexed`: the caller knows what its index holds."""
        changing, decided = self._changing_names()
        if not changing:
            return 0
        ids = [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT article_id FROM entities WHERE name IN (SELECT value FROM json_each(?))",
                (json.dumps(changing),),
            )
        ]
        sql = "SELECT id, analysis FROM articles WHERE id IN ({ids})"
        changed = 0
        for article_id, stored in rows_for_ids(self.db, sql, ids):
            found = json.loads(stored) if stored else {}
            analysis = {"entities": list(found.get("entities", ())), "quotes": list(found.get("quotes", ()))}
            decided_analysis = consolidated(analysis, decided)
            if decided_analysis is not analysis:  # consolidated() hands back what it does not change
                self.set_analysis(article_id, decided_analysis, queue=article_id not in indexed)
                changed += 1
        return changed

    def top_entities(
        self, kind: str | None, limit: int, ids: list[str] | None = None
    ) -> list[tuple[str, str, int, int]]:
        """(name, type, mentions, articles), most articles first: one row per
        name (any case), typed as most of its articles type it."""
        if ids is None:
            return [row for row in self._decided_table() if kind is None or row[1] == kind][:limit]
        sql, args = _decided_entities(kind, ids)
        rows = self.db.execute(sql + " ORDER BY n DESC, m DESC, name LIMIT ?", (*args, limit))
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def count_entities(self, kind: str | None, ids: list[str] | None = None) -> int:
        """How many rows top_entities has without a limit."""
        if ids is None:
            return sum(1 for row in self._decided_table() if kind is None or row[1] == kind)
        sql, args = _decided_entities(kind, ids)
        return int(self.db.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0])

    def _decided_table(self) -> list[tuple[str, str, int, int]]:
        """Every name's decided row, most articles first. Grouping the whole
        entities table took ~90 ms at 10,000 articles, paid again on every tab
        of the entity browser and for the count `newsreader entities` prints;
        read once per change of the database (another connection's commit
        moves its data_version, this connection's writes its total_changes)."""
        version = (int(self.db.execute("PRAGMA data_version").fetchone()[0]), self.db.total_changes)
        if self._decided is None or self._decided[0] != version:
            sql, args = _decided_entities(None, None)
            rows = [tuple(r) for r in self.db.execute(sql + " ORDER BY n DESC, m DESC, name", args)]
            self._decided = (version, rows)  # type: ignore[assignment]
        return self._decided[1]

    def find_quotes(
        self, speaker: str | None, ids: list[str] | None, limit: int, words: str | None = None
    ) -> list[tuple[str, str, str | None, str, str]]:
        """(article id, title, speaker, kind, text) of speech quotes.

        `words` matches the speaker or the quote's text (the quote browser's filter).
        """
        where, args = _quote_filter(speaker, ids, words)
        sql = (
            "SELECT q.article_id, a.title, q.speaker, q.kind, q.text "
            f"FROM quotes q JOIN articles a ON a.id = q.article_id {where}"
            " ORDER BY a.published DESC, q.article_id, q.seq LIMIT ?"
        )
        return [tuple(r) for r in self.db.execute(sql, (*args, limit))]  # type: ignore[misc]

    def count_quotes(self, speaker: str | None, ids: list[str] | None, words: str | None = None) -> int:
        """How many rows find_quotes has without a limit."""
        where, args = _quote_filter(speaker, ids, words)
        return int(self.db.execute(f"SELECT count(*) FROM quotes q {where}", args).fetchone()[0])

    # -- boilerplate across articles -----------------------------------------

    def count_blocks(self, article_id: str, article: Article, scope: str | None) -> None:
        """Count the article's paragraphs under its site (or folder) for boilerplate."""
        self.db.execute("UPDATE articles SET scope = ? WHERE id = ?", (scope, article_id))
        if scope:
            self.db.executemany(
                "INSERT INTO block_counts (scope, key, articles) VALUES (?, ?, 1) "
                "ON CONFLICT (scope, key) DO UPDATE SET articles = articles + 1",
                [(scope, k) for k in block_keys(article.blocks)],
            )

    def uncount_blocks(self, article_id: str) -> None:
        """Take a changed or deleted article's paragraphs out of its scope's counts."""
        row = self.db.execute("SELECT scope, blocks FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row or not row[0]:
            return
        blocks = [Block.from_dict(b) for b in json.loads(row[1])]
        self.db.executemany(
            "UPDATE block_counts SET articles = articles - 1 WHERE scope = ? AND key = ?",
            [(row[0], k) for k in block_keys(blocks)],
        )

    def boilerplate(self, article_id: str) -> frozenset[int]:
        """Indexes of the article's blocks that stand in many articles of its site.

        Other versions of the article's own story (saved twice, updated) carry
        its paragraphs too; they do not count towards making them the site's.
        """
        row = self.db.execute("SELECT scope, blocks, story FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row or not row[0]:
            return frozenset()
        versions = (
            self.db.execute(
                "SELECT count(*) FROM articles WHERE story = ? AND scope = ? AND id != ?", (row[2], row[0], article_id)
            ).fetchone()[0]
            if row[2]
            else 0
        )
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
                (row[0], BOILERPLATE_MIN_ARTICLES + versions, *wanted),
            )
        }
        return frozenset(i for i, k in keys.items() if k in common)


# A search's articles, bound as one JSON array: a listing over every article a
# search finds cannot be cut into chunks (it counts and ranks across them), and
# one "?" per id failed past SQLite's limit on bound variables (32,766).
_IN_IDS = "{column} IN (SELECT value FROM json_each(?))"


def _entity_filter(kind: str | None, ids: list[str] | None) -> tuple[str, list[str]]:
    """The WHERE clause (and its arguments) of an entity listing."""
    where, args = [], []
    if kind:
        where.append("type = ?")
        args.append(kind)
    if ids is not None:
        where.append(_IN_IDS.format(column="article_id"))
        args.append(json.dumps(ids))
    return ("WHERE " + " AND ".join(where) if where else ""), args


def _decided_entities(kind: str | None, ids: list[str] | None) -> tuple[str, list[str]]:
    """SELECT name, type, m (mentions), n (articles): one row per name (any
    case), its type the one most of its articles give it; `kind` filters on that."""
    where, args = _entity_filter(None, ids)
    sql = (
        "WITH per AS (SELECT lower(name) AS k, name, type, sum(mentions) AS m, "
        f"count(DISTINCT article_id) AS n FROM entities {where} GROUP BY lower(name), type), "
        "ranked AS (SELECT name, type, sum(m) OVER w AS m, sum(n) OVER w AS n, "
        "row_number() OVER (PARTITION BY k ORDER BY n DESC, m DESC, type) AS r FROM per "
        "WINDOW w AS (PARTITION BY k)) "
        "SELECT name, type, m, n FROM ranked WHERE r = 1" + (" AND type = ?" if kind else "")
    )
    return sql, [*args, *([kind] if kind else [])]


def _quote_filter(speaker: str | None, ids: list[str] | None, words: str | None) -> tuple[str, list[str]]:
    """The WHERE clause (and its arguments) of a quote listing (quotes aliased q)."""
    where, args = ["q.kind = 'speech'"], []
    if speaker:
        where.append("lower(q.speaker) LIKE ?")
        args.append(f"%{speaker.lower()}%")
    if words:
        where.append("(lower(q.speaker) LIKE ? OR lower(q.text) LIKE ?)")
        args.extend([f"%{words.lower()}%"] * 2)
    if ids is not None:
        where.append(_IN_IDS.format(column="q.article_id"))
        args.append(json.dumps(ids))
    return "WHERE " + " AND ".join(where), args


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
