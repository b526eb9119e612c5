"""The NumPy scorer against Whoosh on a larger index: hits, scores, totals.

    python -m tests.bench.check_fast_search [--docs 10000] [--segments 5] [--queries 400] [--seed 7]

Writes an index of generated documents in several segments, deletes some,
then runs generated queries (words, prefixes, fuzzy words, phrases, fields,
dates, AND/OR/NOT nests) both ways with limits 1, 20 and all, and prints how
many agreed. Exit code 1 on any difference. Run it on each Whoosh-Reloaded
release before adding it to reader/archive/index/whoosh_version.VERIFIED.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from reader.archive.index import fast_search, whoosh_version
from reader.archive.index.whoosh_index import writer
from tests.archive.segments import index_in_segments
from tests.archive.test_fast_search import WORDS, _check, _document, _parsed


def _query(rnd: random.Random, depth: int = 0) -> str:
    words = [w for w in WORDS if w not in ("the", "of")]
    if depth < 2 and rnd.random() < 0.45:
        op = rnd.choice([" AND ", " OR ", " AND NOT ", " "])
        return f"({_query(rnd, depth + 1)}{op}{_query(rnd, depth + 1)})"
    kind = rnd.random()
    word = rnd.choice(words)
    if kind < 0.35:
        return word
    if kind < 0.5:
        return word[: rnd.randint(3, 5)] + "*"
    if kind < 0.6:
        return word + "~"
    if kind < 0.75:
        return '"' + " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 3))) + '"'
    if kind < 0.85:
        return f"title:{word}"
    if kind < 0.93:
        return rnd.choice(["date:2021", "date:>2021-06", "date:[2020-03 to 2021-02]", "tag:later", "site:gazette"])
    return rnd.choice(["person:kowalska", 'entity:"port authority"', "place:lisbon"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--segments", type=int, default=5)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"Whoosh-Reloaded {whoosh_version.installed()} (verified: {whoosh_version.verified()})")
    rnd = random.Random(args.seed)
    per = args.docs // args.segments
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        segments = [[_document(rnd, n, part) for n in range(per)] for part in range(args.segments)]
        ix = index_in_segments(Path(tmp), segments)
        w = writer(ix)
        deleted = 0
        for part in range(0, args.segments, 2):
            for n in range(0, per, 7):
                w.delete_by_term("id", f"{part}-{n}")
                deleted += 1
        w.commit(merge=False)
        print(
            f"index: {per * args.segments:,} documents in {args.segments} segments, {deleted:,} deleted "
            f"({time.perf_counter() - started:.1f} s)"
        )
        agreed = whoosh_only = 0
        failures: list[str] = []
        texts = [_query(rnd) for _ in range(args.queries)]
        for text in texts:
            q = _parsed(ix, text)
            for limit in (1, 20, None):
                try:
                    _check(ix, q, limit)
                    agreed += 1
                except fast_search.Unsupported:
                    whoosh_only += 1
                except AssertionError as exc:
                    failures.append(f"{text!r} limit {limit}: {str(exc).splitlines()[0]}")
    print(f"{agreed} searches agreed with Whoosh, {whoosh_only} left to Whoosh, {len(failures)} differed")
    for failure in failures[:20]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
