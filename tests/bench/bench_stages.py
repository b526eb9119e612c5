"""CPU milliseconds an article in each stage of an import worker's prepare().

    python -m tests.bench.bench_stages FOLDER [--limit N]

Runs prepare() (read, parse, fold, analyse, fingerprint) on every file under
FOLDER in this process, after a warm-up, with time.process_time() around each
stage: the functions are wrapped where prepare() and the HTML reader look them
up, so a stage's time includes what it calls (trafilatura's extraction is part
of parsing, the entities part of the analysis). No profiler: cProfile's cost
per Python call made the entity finder look twice as dear as the parsing.
Prints the median and mean of each stage and a JSON line.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import pickle
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (module, function, label): the label's time is the function's, callees included.
STAGES = [
    ("reader.archive.importer", "read_source", "reading the file"),
    ("reader.archive.importer", "parse_source", "parsing"),
    ("trafilatura", "bare_extraction", "- trafilatura's extraction"),
    ("reader.ingest.html", "page_metadata", "- trafilatura's metadata steps"),
    ("reader.ingest.html", "page_title", "- the page's title"),
    ("lxml.html", "document_fromstring", "- lxml's parse for our reading"),
    ("reader.ingest.html", "_prepared_for_extraction", "- trafilatura's parse and our seams"),
    ("reader.ingest.html", "publication_date", "- the publication date"),
    ("reader.archive.importer", "finish", "folding"),
    ("reader.archive.importer", "analyze", "analysis"),
    ("reader.text.analysis", "find_entities", "- entities"),
    ("reader.text.analysis", "find_quotes", "- quotes and speakers"),
    ("reader.archive.importer", "fingerprint", "fingerprint"),
]


def _timed(spent: dict[str, float], label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - started

    return timed


def stage_times(files: list[Path]) -> dict[str, list[float]]:
    """Each file's CPU ms in each stage (0 where a stage did not run), the
    whole prepare() and the pickling of its result there and back."""
    from reader.archive.importer import prepare

    for path in files[:5]:
        prepare(path, {})  # imports, word lists and caches
    spent: dict[str, float] = defaultdict(float)
    originals = []
    for module, name, label in STAGES:
        owner = importlib.import_module(module)
        originals.append((owner, name, getattr(owner, name)))
        setattr(owner, name, _timed(spent, label, getattr(owner, name)))
    per: dict[str, list[float]] = defaultdict(list)
    try:
        for path in files:
            spent.clear()
            started = time.process_time()
            prepared = prepare(path, {})
            spent["whole prepare()"] = time.process_time() - started
            started = time.process_time()
            pickle.loads(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
            spent["pickling and back"] = time.process_time() - started
            for label in ["whole prepare()", *(s[2] for s in STAGES), "pickling and back"]:
                per[label].append(spent.get(label, 0.0) * 1000)
    finally:
        for owner, name, fn in originals:
            setattr(owner, name, fn)
    return per


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (sorted by path)")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.folder.rglob("*") if p.is_file())
    if args.limit:
        files = files[: args.limit]
    if not files:
        parser.error(f"{args.folder}: no files")
    per = stage_times(files)
    print(f"{len(files)} files under {args.folder}; CPU ms an article")
    print(f"{'stage':40}{'median':>9}{'mean':>9}")
    for label, values in per.items():
        print(f"{label:40}{statistics.median(values):9.2f}{statistics.mean(values):9.2f}")
    summary = {label: [statistics.median(v), statistics.mean(v)] for label, v in per.items()}
    print(json.dumps({"files": len(files), "ms_median_mean": summary}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
