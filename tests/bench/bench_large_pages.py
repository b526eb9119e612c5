"""What one very large saved page costs the importer, per page size.

    python -m tests.bench.bench_large_pages [--paragraphs 2500,10000,20000,40000] [--runs 3]

Writes generated pages of N paragraphs (~250 characters each, names and places
in them) and runs what an import's worker runs on each (reading, extraction,
folding, entities, quotes, fingerprint: importer.prepare), each run in a fresh
process; prints the median CPU seconds, the peak RSS and the outcome (the
number of blocks, or the reason the file was skipped).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.corpus import FIRST, LAST, PLACES, WORDS

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from reader.archive.importer import prepare
started = time.process_time()
done = prepare(Path(sys.argv[1]))
cpu = time.process_time() - started
blocks = sum(len(a.blocks) for a, _, _ in done.articles)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu_s": cpu, "peak_mb": peak, "outcome": done.error or f"{blocks} blocks"}))
"""


def page(paragraphs: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts = []
    for _ in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(20, 60))]
        words.insert(3, f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        words.insert(8, rng.choice(PLACES))
        text = " ".join(words)
        parts.append(f"<p>{text[0].upper()}{text[1:]}.</p>")
    body = "\n".join(parts)
    return f"<html><head><title>A long page</title></head><body><article><h1>A long page</h1>{body}</article></body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", default="2500,10000,20000,40000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.paragraphs.split(",")):
            path = Path(tmp) / f"page-{n}.html"
            path.write_text(page(n))
            runs = []
            for _ in range(args.runs):
                out = subprocess.run(
                    [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
                )
                runs.append(json.loads(out.stdout))
            row = {
                "paragraphs": n,
                "mb": round(path.stat().st_size / 1e6, 1),
                "cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 2),
                "peak_mb": round(max(r["peak_mb"] for r in runs)),
                "outcome": runs[0]["outcome"],
            }
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
