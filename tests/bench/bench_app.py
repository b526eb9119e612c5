"""Time the app on a large archive: first paint, search results, opening an article.

    python -m tests.bench.bench_app [--n 10000] [--archive DIR] [--runs 30]

Builds (or reuses, with --archive) an archive of N generated articles, then
drives the app headless:
- first paint: from creating the app to the first screen with results on it;
- search: from a query being run (what the debounce fires) to its results
  put in the list (the list redraws on the next frame), for a fixed mixed
  query set, p50 and p95;
- open: from asking for an article (analysis and highlighting included) to
  the reading pane rendered, p50 and p95.
Targets (issue 5): first paint within 1 s, results within 150 ms (p95),
opening within 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.corpus import QUERIES


def build(root: Path, n: int) -> float:
    from reader.archive import Archive
    from reader.archive.importer import ImportReport
    from tests.bench.corpus import write_corpus

    corpus = root / "corpus"
    write_corpus(corpus, n)
    started = time.perf_counter()
    with Archive(root / "archive") as archive:
        report = ImportReport()
        for step in archive.import_paths([corpus], report):
            if step.done % 1000 == 0:
                print(f"  imported {step.done}/{step.total}", file=sys.stderr)
    return time.perf_counter() - started


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


async def measure(root: Path, runs: int) -> dict[str, float]:
    from reader.config import Config
    from reader.tui.app import NewsReaderApp
    from reader.tui.screens.main import MainScreen
    from reader.tui.widgets.article import ArticleView
    from reader.tui.widgets.results import ResultsList

    started = time.perf_counter()
    app = NewsReaderApp(root / "archive", config=Config(), save_config=False)
    async with app.run_test(size=(140, 40)) as pilot:
        while not (isinstance(app.screen, MainScreen) and app.screen.query_one(ResultsList).hits):
            await pilot.pause(0.005)
        first_paint = time.perf_counter() - started
        screen = app.screen
        results = screen.query_one(ResultsList)
        search_ms: list[float] = []
        shown: dict[str, float] = {}
        original = screen.search.show_result

        arrived = asyncio.Event()

        def timed(text, result):  # type: ignore[no-untyped-def]
            original(text, result)
            shown[text] = time.perf_counter()
            arrived.set()

        screen.search.show_result = timed  # type: ignore[method-assign]
        for n in range(runs):
            query = QUERIES[n % len(QUERIES)]
            shown.clear()
            t0 = time.perf_counter()
            screen.search_for(query)
            # Wait without polling: a busy loop here would steal the GIL from
            # the search thread and measure ourselves.
            while query not in shown:
                arrived.clear()
                await arrived.wait()
            search_ms.append((shown[query] - t0) * 1000)
            await pilot.pause(0.3)  # let the preview of the first result settle
        open_ms: list[float] = []
        reader = screen.query_one(ArticleView)
        ids = [h.id for h in results.hits] or [h.id for h in app.archive.search("", limit=runs).hits]
        for n in range(runs):
            article_id = ids[n % len(ids)]
            reader.page = None
            t0 = time.perf_counter()
            worker = screen.opener.open(article_id, screen.search.text)
            await worker.wait()  # loaded and analysed, handed to the reader
            for render in [w for w in app.workers if w.group == "render-article" and not w.is_finished]:
                await render.wait()  # blocks mounted
            open_ms.append((time.perf_counter() - t0) * 1000)
            await pilot.pause(0.05)
    return {
        "first_paint_s": round(first_paint, 3),
        "search_p50_ms": round(statistics.median(search_ms), 1),
        "search_p95_ms": round(pct(search_ms, 0.95), 1),
        "open_p50_ms": round(statistics.median(open_ms), 1),
        "open_p95_ms": round(pct(open_ms, 0.95), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--archive", type=Path, help="reuse (or build here) instead of a temporary directory")
    parser.add_argument("--runs", type=int, default=36)
    args = parser.parse_args(argv)
    tmp = None
    root = args.archive
    if root is None:
        tmp = tempfile.TemporaryDirectory()
        root = Path(tmp.name)
    result: dict[str, float] = {"articles": args.n}
    if not (root / "archive" / "store.sqlite3").exists():
        seconds = build(root, args.n)
        result["import_s"] = round(seconds, 1)
        result["import_articles_per_s"] = round(args.n / seconds, 1)
    from reader.tui.screens import query_runner

    query_runner.SHOW_TIMING = True
    result.update(asyncio.run(measure(root, args.runs)))
    print(f"app on {args.n} articles")
    for key, value in result.items():
        print(f"  {key:<24} {value}")
    print(json.dumps(result))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
