"""Time the text analysis of one article: extraction and folding, then entities and quotes.

    python -m tests.bench.bench_analysis [--runs N] [--kb 15]

Builds a scrape of about --kb kilobytes in the shape of the real ones (menus,
a teaser, doubled captions, a glued caption pair, quotes), then prints the
median and p95 milliseconds of analysing it, from bytes to folded blocks, and a
JSON line. Targets: under 20 ms median for 15 KB (extract and fold), under
30 ms for its entities and quotes.
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
    lead = (
        "Ferry operators cancelled every crossing from three east coast harbours on Monday as "
        "gales reached 100km/h, stranding hundreds of passengers and lorry drivers at the ports."
    )
    body, n = [], 0
    while sum(len(p) for p in body) < kb * 1000:
        n += 1
        person = ["Anna Kowalska", "Jonas Berg", "Maria Lopes", "Tom Reed"][n % 4]
        body.append(
            f"Harbour official {person} said the decision on pier {n} was taken at dawn in Gdansk. "
            f"'We will reopen when the sea allows it,' she told Polish Radio, adding that the "
            f"Maritime Office and the European Commission agreed."
        )
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
    from reader.text.analysis import analyze

    analyze(article.blocks)  # load the gazetteers once, as an import does
    entity_times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        found = analyze(article.blocks)
        entity_times.append((time.perf_counter() - started) * 1000)

    def p95(values: list[float]) -> float:
        return round(sorted(values)[int(0.95 * (len(values) - 1))], 2)

    result = {
        "bytes": len(data),
        "blocks": len(article.blocks),
        "runs": args.runs,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": p95(times),
        "entities_quotes_median_ms": round(statistics.median(entity_times), 2),
        "entities_quotes_p95_ms": p95(entity_times),
        "entities": len(found["entities"]),
        "quotes": len(found["quotes"]),
    }
    print(f"analysis of a {len(data) / 1000:.1f} KB scrape ({result['blocks']} blocks after folding)")
    print(
        f"  extract + fold:     median {result['median_ms']:.2f} ms   p95 {result['p95_ms']:.2f} ms   ({args.runs} runs)"
    )
    print(
        f"  entities + quotes:  median {result['entities_quotes_median_ms']:.2f} ms   p95 {result['entities_quotes_p95_ms']:.2f} ms"
        f"   ({result['entities']} entities, {result['quotes']} quotes)"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
