"""Time reading a large SingleFile page, with and without cutting its inlined resources.

    python -m tests.bench.bench_singlefile [--runs N] [--mb 15]

Builds a SingleFile-shaped page of about --mb megabytes (header comment, a
short article, images and fonts inlined as base64 data: URIs, the way
SingleFile saves a photo-heavy page) and times reading it as the importer does
(webpage.parse_page) against the same page parsed without cutting the data:
URIs first (html.parse_html_text), alternating the two, median of --runs,
and says whether each found the article's text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from tests.ingest.test_webpage import singlefile_page


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mb", type=float, default=15)
    args = ap.parse_args()
    from reader.ingest.html import parse_html_text
    from reader.ingest.webpage import parse_page

    images = 15
    page = singlefile_page(image_bytes=int(args.mb * 1_000_000 / images), images=images)
    timings: dict[str, list[float]] = {"cut data: URIs": [], "whole page": []}
    complete: dict[str, bool] = {}
    for _ in range(args.runs):
        for name, read in (("cut data: URIs", parse_page), ("whole page", parse_html_text)):
            start = time.perf_counter()
            article = read(page, None)
            timings[name].append((time.perf_counter() - start) * 1000)
            complete[name] = "third crane" in article.body  # the article's text was found
    result = {name: round(statistics.median(ms)) for name, ms in timings.items()}
    print(f"{len(page) / 1e6:.1f} MB SingleFile page, median of {args.runs} runs (ms): {result}")
    print(f"article text found: {complete}")
    print(json.dumps({"mb": round(len(page) / 1e6, 1), "median_ms": result, "text_found": complete}))


if __name__ == "__main__":
    main()
