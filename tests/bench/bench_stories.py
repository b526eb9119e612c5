"""What story clustering costs as the archive grows.

    python -m tests.bench.bench_stories [--sizes 10000,50000] [--add 500] [--runs 3]

For each size N: a store (SQLite, in a temporary folder) holding N generated
~7 KB articles' fingerprints and LSH band keys, each in its own story, as an
import leaves them; then `--add` more articles are added one by one, a fifth of
them edited versions of stored ones: the cost per added article (band lookups,
comparison with the candidates, its story, its band rows), median and p95 over
`--runs` passes (each pass rolled back). Fingerprinting happens in the import's
analysis workers and is timed separately. Also: the store's size per article
for fingerprints and bands. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from reader.archive.store.database import Store
from reader.archive.stories import versions_of
from reader.text.fingerprint import Fingerprint, fingerprint
from tests.bench.bench_import import pct
from tests.bench.corpus import article
from tests.eval.eval_stories import edited


def _paragraphs(a: dict[str, object]) -> list[str]:
    return [str(p) for p in a["body"]]  # type: ignore[union-attr]


def prints(n: int, seed: int) -> tuple[list[tuple[str, Fingerprint]], list[dict[str, object]], float]:
    rnd = random.Random(seed)
    out, bases, spent = [], [], 0.0
    for i in range(n):
        a = article(i, rnd)
        started = time.perf_counter()
        out.append((f"a{i:06d}", fingerprint(_paragraphs(a))))
        spent += time.perf_counter() - started
        if i % 50 == 0:
            bases.append(a)
        if (i + 1) % 10_000 == 0:
            print(f"  … {i + 1:,} fingerprints", flush=True)
    return out, bases, spent / n * 1000


def measure(n: int, add: int, runs: int) -> dict[str, float]:
    stored, bases, fp_ms = prints(n, seed=n)
    rnd = random.Random(1)
    extra = []
    for k in range(add):
        if k % 5 == 0:
            extra.append((f"v{k:05d}", fingerprint(_paragraphs(edited(rnd.choice(bases), rnd)))))
        else:
            extra.append((f"n{k:05d}", fingerprint(_paragraphs(article(10_000_000 + k, rnd)))))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store.sqlite3")
        with store.transaction():
            for article_id, fp in stored:
                _row(store, article_id)
                store.stories.set_fingerprint(article_id, fp)
            store.db.execute("UPDATE articles SET story = id")
        before = _table_bytes(store)
        per_article: list[float] = []
        found = 0
        for _ in range(runs):
            found = 0
            store.db.execute("BEGIN")
            for article_id, fp in extra:
                t0 = time.perf_counter()
                _row(store, article_id)
                store.stories.set_fingerprint(article_id, fp)
                versions = versions_of(store.stories, article_id, fp)
                store.stories.join_story(article_id, versions)
                per_article.append((time.perf_counter() - t0) * 1000)
                found += bool(versions) and article_id.startswith("v")
            store.db.execute("ROLLBACK")
        store.close()
    return {
        "articles": n,
        "fingerprint_ms": fp_ms,
        "store_bytes_per_article": before / n,
        "add_p50_ms": pct(per_article, 0.5),
        "add_p95_ms": pct(per_article, 0.95),
        "versions_found": found / max(1, len(range(0, add, 5))),
    }


def _row(store: Store, article_id: str) -> None:
    store.db.execute(
        "INSERT INTO articles (id, title, format, blocks, content_hash, imported_at, updated_at) "
        "VALUES (?, '', 'txt', '[]', ?, '2026-01-01', '2026-01-01')",
        (article_id, article_id),
    )


def _table_bytes(store: Store) -> int:
    """Bytes of the fingerprint and band tables and their indexes (SQLite's dbstat)."""
    row = store.db.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name IN "
        "('fingerprints', 'story_bands', 'story_bands_article', 'sqlite_autoindex_fingerprints_1')"
    ).fetchone()
    return int(row[0] or 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--add", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        print(f"{n:,} articles: fingerprinting…", flush=True)
        rows.append(measure(n, args.add, args.runs))
    print(f"{'articles':>9} {'fingerprint':>12} {'store/article':>14} {'add p50':>9} {'add p95':>9}")
    for r in rows:
        print(
            f"{r['articles']:>9,} {r['fingerprint_ms']:>9.2f} ms {r['store_bytes_per_article']:>11.0f} B "
            f"{r['add_p50_ms']:>6.2f} ms {r['add_p95_ms']:>6.2f} ms   (edited versions found: {r['versions_found']:.0%})"
        )
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
