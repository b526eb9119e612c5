"""Time the text analysis of one article: extraction, chrome removal, folding.

    python -m tests.bench.bench_analysis [--runs N] [--kb 15]

Builds a scrape of about --kb kilobytes in the shape of the real ones (menus,
a teaser, doubled captions, a glued caption pair, quotes), then prints the
median and p95 milliseconds of analysing it, from bytes to folded blocks, and a
JSON line. Target (issue 3): under 20 ms median for 15 KB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path


def make_scrape(kb: int) -> str:
    menu = ["Home", "News", "World", "{site_header}", "Breaking News:", "latest"]
    head = "Ferry operators cancel crossings as storm closes three harbours on the east coast"
    lead = ("Ferry operators cancelled every crossing from three east coast harbours on Monday as "
            "gales reached 100km/h, stranding hundreds of passengers and lorry drivers at the ports.")
    body, n = [], 0
    while sum(len(p) for p in body) < kb * 1000:
        n += 1
        body.append(f"Harbour official number {n} said the decision was taken at dawn. 'We will reopen "
                    f"when the sea allows it,' she told reporters at pier {n}, adding that the coastguard agreed.")
        caption = f"Waves break over the harbour wall at pier {n} as the storm closes the port for the day"
        body.extend([caption, caption])
        if n % 7 == 0:
            body[-1] = caption + f"Passengers wait in the terminal at pier {n} after their crossing was cancelled"
            body.append(f"Passengers wait in the terminal at pier {n} after their crossing was cancelled")
    return "\n\n".join([*menu, head, lead[:90] + "...", lead, *body, "Share this article", "12 comments"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--kb", type=int, default=15)
    args = parser.parse_args(argv)

    from reader.ingest import SourceFile, parse_source
    from reader.text.pipeline import finish

    data = make_scrape(args.kb).encode("utf-8")
    source = SourceFile(path=Path("bench.txt"), data=data, size=len(data), mtime_ns=0)
    finish(parse_source(source)[0])  # warm imports and caches
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        article = finish(parse_source(source)[0])
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    result = {
        "bytes": len(data),
        "blocks": len(article.blocks),
        "runs": args.runs,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
    }
    print(f"analysis of a {len(data) / 1000:.1f} KB scrape ({result['blocks']} blocks after folding)")
    print(f"  median {result['median_ms']:.2f} ms   p95 {result['p95_ms']:.2f} ms   ({args.runs} runs)")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
