"""Peak memory and time of importing one large JSON export.

    python -m tests.bench.bench_export_import --articles 30000 [--code CHECKOUT] [--keep PATH]

Writes a generated newsreader export of `--articles` articles (about 1 KB of
text each, as tests/bench/kill_export.py makes them) and imports it into a new
archive with the newsreader of `--code` (this checkout by default), under
/usr/bin/time -v: prints the export's size, the import's wall time, its peak
RSS (the main process; analysis workers are not started for one file) and the
articles stored. `--keep PATH` writes the export there and leaves it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = "harbour board council ferry storm quay vote budget minister port crane dock bridge tide pier".split()


def write_export(path: Path, articles: int, seed: int = 3) -> None:
    """An export as newsreader writes one, written a record at a time (a list of
    780,000 records would take gigabytes in this process)."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "newsreader-export", "version": 1, "articles": [\n')
        for i in range(articles):
            words = " ".join(rnd.choice(WORDS) for _ in range(120))
            record = {
                "id": f"a{i}",
                "title": f"Report {i}",
                "blocks": [{"kind": "paragraph", "text": f"{words} number {i}."}],
                "tags": ["bench"] if i % 7 == 0 else [],
                "read": i % 3 == 0,
            }
            out.write((",\n" if i else "") + json.dumps(record))
        out.write("\n]}\n")


def import_once(code: Path, export: Path, data: Path) -> dict[str, float]:
    cmd = ["/usr/bin/time", "-v", sys.executable, "-P", "-m", "reader", "--data-dir", str(data), "import", str(export)]
    done = subprocess.run(
        cmd, cwd=code, env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True
    )
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))  # type: ignore[union-attr]
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", done.stderr).group(1)  # type: ignore[union-attr]
    seconds = sum(float(part) * 60**i for i, part in enumerate(reversed(wall.split(":"))))
    with sqlite3.connect(data / "store.sqlite3") as db:
        stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    last = done.stderr.strip().splitlines()
    said = next((line for line in reversed(last) if line.startswith(("newsreader:", "Import done"))), "")
    return {
        "peak_rss_mb": round(peak / 1024, 1),
        "import_s": round(seconds, 1),
        "stored": stored,
        "said": said or done.stdout.strip()[-200:],
    }  # type: ignore[dict-item]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30000)
    parser.add_argument("--code", type=Path, default=Path.cwd(), help="the checkout whose newsreader imports")
    parser.add_argument("--keep", type=Path, help="write the export here and keep it")
    parser.add_argument("--export", type=Path, help="import this export instead of writing one")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-export-import-"))
    try:
        export = args.export or args.keep or work / "export.json"
        if args.export is None:
            write_export(export, args.articles)
        result = import_once(args.code.resolve(), export, work / "data")
        print(
            json.dumps(
                {
                    "code": str(args.code),
                    "articles": args.articles,
                    "export_mb": round(export.stat().st_size / 1e6, 1),
                    **result,
                }
            )
        )
    finally:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
