"""SIGKILL exports and export imports at random moments; count what survives.

    python -m tests.bench.kill_export export --data-dir ARCHIVE [--format epub] [--runs 10]
    python -m tests.bench.kill_export import [--articles 3000] [--at 0.3]

`export`: exports once, then runs the same export over it again `--runs` times,
each SIGKILLed at a random moment of its run, and counts how often the target
was left as the earlier export, as a whole new one, or damaged (neither).
`import`: imports a generated JSON export of `--articles` articles into a new
archive, once to the end (its time and peak WAL size) and once SIGKILLed at
`--at` of that time (the articles it kept).

`--code DIR` runs another checkout (an older commit, to compare): the commands
run with DIR as their working directory, so `python -m reader` is its code.
The archive given to `export` is read only; copy a real one first.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def _whole(path: Path, fmt: str) -> bool:
    try:
        if fmt == "json":
            json.loads(path.read_text(encoding="utf-8"))
            return True
        with zipfile.ZipFile(path) as book:
            return book.testzip() is None
    except (OSError, ValueError, zipfile.BadZipFile):
        return False


def kill_exports(code: Path, data: Path, fmt: str, runs: int, seed: int) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="kill-export-"))
    target = work / f"out.{fmt}"
    cmd = [
        sys.executable,
        "-P",
        "-m",
        "reader",
        "--data-dir",
        str(data),
        "export",
        "--format",
        fmt,
        "--to",
        str(target),
    ]
    force = "--force" in subprocess.run([*cmd[:6], "--help"], cwd=code, capture_output=True, text=True).stdout
    started = time.monotonic()
    subprocess.run(cmd, cwd=code, check=True, capture_output=True)
    full = time.monotonic() - started
    earlier = target.read_bytes()
    rnd = random.Random(seed)
    kept = whole = damaged = 0
    for _ in range(runs):
        proc = subprocess.Popen([*cmd, *(["--force"] if force else [])], cwd=code, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.3, full))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if target.read_bytes() == earlier:
            kept += 1
        elif _whole(target, fmt):
            whole += 1
        else:
            damaged += 1
        for leftover in work.glob(f".{target.name}.*"):
            leftover.unlink()
        target.write_bytes(earlier)
    shutil.rmtree(work)
    return {
        "format": fmt,
        "export_s": round(full, 1),
        "kills": runs,
        "earlier_kept": kept,
        "new_whole": whole,
        "damaged": damaged,
    }


def _write_export(path: Path, articles: int) -> None:
    rnd = random.Random(3)
    words = "harbour board council ferry storm quay vote budget minister port crane dock bridge tide pier".split()
    records = [
        {
            "id": f"a{i}",
            "title": f"Report {i}",
            "blocks": [
                {"kind": "paragraph", "text": " ".join(rnd.choice(words) for _ in range(120)) + f" number {i}."}
            ],
        }
        for i in range(articles)
    ]
    path.write_text(json.dumps({"format": "newsreader-export", "version": 1, "articles": records}), encoding="utf-8")


def _import_once(code: Path, export: Path, data: Path, kill_after: float | None) -> tuple[float, int, int]:
    """(seconds, peak WAL bytes, articles kept) of one import, SIGKILLed after `kill_after` s if given."""
    shutil.rmtree(data, ignore_errors=True)
    cmd = [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), "import", str(export)]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        with contextlib.suppress(OSError):  # no WAL yet
            peak = max(peak, (data / "store.sqlite3-wal").stat().st_size)
        if kill_after is not None and time.monotonic() - started > kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            break
        time.sleep(0.05)
    took = time.monotonic() - started
    with sqlite3.connect(data / "store.sqlite3") as db:
        kept = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    return took, peak, kept


def kill_import(code: Path, articles: int, at: float) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="kill-import-"))
    export = work / "export.json"
    _write_export(export, articles)
    full, peak, count = _import_once(code, export, work / "data", None)
    killed_at, _, kept = _import_once(code, export, work / "data", at * full)
    shutil.rmtree(work)
    return {
        "articles": articles,
        "import_s": round(full, 1),
        "peak_wal_mb": round(peak / 1e6, 1),
        "imported": count,
        "killed_at_s": round(killed_at, 1),
        "kept_after_kill": kept,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=Path.cwd(), help="the checkout whose newsreader runs")
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("export")
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--format", choices=["json", "epub"], default="epub")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    p = sub.add_parser("import")
    p.add_argument("--articles", type=int, default=3000)
    p.add_argument("--at", type=float, default=0.3, help="kill at this fraction of a full import's time")
    args = parser.parse_args(argv)
    if args.what == "export":
        result = kill_exports(args.code, args.data_dir, args.format, args.runs, args.seed)
    else:
        result = kill_import(args.code, args.articles, args.at)
    print(json.dumps({"code": str(args.code), **result}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
