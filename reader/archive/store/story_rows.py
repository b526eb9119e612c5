"""The store's rows about stories: each article's fingerprint and the story it
belongs to (the id of the story's first article). Held by Store as
`store.stories`, on the store's connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from reader.archive.store.sql import rows_for_ids
from reader.text.fingerprint import Fingerprint, band_keys


class StoryRows:
    """Fingerprints and story membership, read and written on the store's connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def set_fingerprint(self, article_id: str, fp: Fingerprint) -> None:
        """Record an article's fingerprint and its LSH band keys; its story is
        decided again (its text changed)."""
        self.db.execute(
            "INSERT OR REPLACE INTO fingerprints (article_id, shingles, minhash) VALUES (?, ?, ?)",
            (article_id, fp.shingles, fp.values),
        )
        self.db.execute("DELETE FROM story_bands WHERE article_id = ?", (article_id,))
        self.db.executemany(
            "INSERT OR IGNORE INTO story_bands (band, hash, article_id) VALUES (?, ?, ?)",
            [(band, key, article_id) for band, key in band_keys(fp)],
        )
        self.db.execute("UPDATE articles SET story = NULL WHERE id = ?", (article_id,))

    def band_candidates(self, fp: Fingerprint, exclude: str) -> list[tuple[str, Fingerprint]]:
        """Articles already in a story that share an LSH band with this
        fingerprint, with their fingerprints: one primary-key lookup per band."""
        found: set[str] = set()
        for band, key in band_keys(fp):
            found.update(
                r[0]
                for r in self.db.execute("SELECT article_id FROM story_bands WHERE band = ? AND hash = ?", (band, key))
            )
        found.discard(exclude)
        out = []
        for article_id in sorted(found):
            row = self.db.execute(
                "SELECT f.shingles, f.minhash FROM fingerprints f JOIN articles a ON a.id = f.article_id "
                "WHERE f.article_id = ? AND a.story IS NOT NULL",
                (article_id,),
            ).fetchone()
            if row:
                out.append((article_id, Fingerprint(row[0], bytes(row[1]))))
        return out

    def stories_pending(self) -> bool:
        """Whether some article has no story yet. An article without a
        fingerprint never has one (set_fingerprint clears it, and articles from
        before stories have none), so the story index answers alone."""
        return self.db.execute("SELECT EXISTS (SELECT 1 FROM articles WHERE story IS NULL)").fetchone()[0] == 1

    def unfingerprinted(self) -> list[str]:
        """Articles waiting for a story that have no fingerprint yet (from before stories)."""
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN fingerprints f ON f.article_id = a.id "
            "WHERE a.story IS NULL AND f.article_id IS NULL"
        )
        return [r[0] for r in rows]

    def fingerprints(self, *, clustered: bool) -> Iterator[tuple[str, Fingerprint]]:
        """Fingerprints of the articles already in a story, or of those waiting
        for one (oldest first, so a story is named after its first article).
        Read whole before use: the caller writes stories while going through them."""
        where = "a.story IS NOT NULL" if clustered else "a.story IS NULL"
        rows = self.db.execute(
            "SELECT a.id, f.shingles, f.minhash FROM articles a JOIN fingerprints f ON f.article_id = a.id "
            f"WHERE {where} ORDER BY a.imported_at, a.id"
        )
        for article_id, count, values in rows:
            yield article_id, Fingerprint(count, bytes(values))

    def join_story(self, article_id: str, versions: Iterable[str]) -> str:
        """Put an article in the story of the versions found for it, merging
        their stories if they were several; alone, it starts its own."""
        stories = sorted(
            {
                r[0]
                for v in versions
                for r in self.db.execute("SELECT story FROM articles WHERE id = ? AND story IS NOT NULL", (v,))
            }
        )
        keep = stories[0] if stories else article_id
        for other in stories[1:]:
            self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (keep, other))
        self.db.execute("UPDATE articles SET story = ? WHERE id = ?", (keep, article_id))
        return keep

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def story_members(self, story: str) -> list[str]:
        """A story's articles, oldest publication first (undated last)."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE story = ? ORDER BY published IS NULL, published, imported_at, id", (story,)
        )
        return [r[0] for r in rows]

    def first_of_each(self, ranked: list[str], limit: int) -> list[str]:
        """Of these article ids (best first), the first of each story, at most
        `limit`; an id no longer in the store is left out."""
        story = dict(rows_for_ids(self.db, "SELECT id, story FROM articles WHERE id IN ({ids})", ranked))
        seen: set[str] = set()
        kept: list[str] = []
        for article_id in ranked:
            if article_id not in story:
                continue
            key = story[article_id] or article_id
            if key not in seen:
                seen.add(key)
                kept.append(article_id)
                if len(kept) == limit:
                    break
        return kept

    def story_sizes(self, article_ids: Iterable[str]) -> dict[str, tuple[str, int]]:
        """For each article: (its story, how many articles the story has)."""
        sql = (
            "SELECT a.id, a.story, (SELECT count(*) FROM articles b WHERE b.story = a.story) "
            "FROM articles a WHERE a.id IN ({ids}) AND a.story IS NOT NULL"
        )
        return {article_id: (story, size) for article_id, story, size in rows_for_ids(self.db, sql, article_ids)}

    def count_multi_stories(self, ids: list[str] | None = None) -> int:
        """How many stories have more than one version (among these articles)."""
        if ids is not None:
            return sum(1 for size in dict(self.story_sizes(ids).values()).values() if size > 1)
        sql = "SELECT count(*) FROM (SELECT 1 FROM articles WHERE story IS NOT NULL GROUP BY story HAVING count(*) > 1)"
        return int(self.db.execute(sql).fetchone()[0])

    def multi_stories(self, limit: int = 50, ids: list[str] | None = None) -> list[tuple[str, int]]:
        """Stories with more than one version, largest first: (story, versions)."""
        if ids is not None:
            members = self.story_sizes(ids)
            stories = {story: size for story, size in members.values() if size > 1}
            return sorted(stories.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        rows = self.db.execute(
            "SELECT story, count(*) AS n FROM articles WHERE story IS NOT NULL GROUP BY story HAVING n > 1 "
            "ORDER BY n DESC, story LIMIT ?",
            (limit,),
        )
        return [(r[0], r[1]) for r in rows]
