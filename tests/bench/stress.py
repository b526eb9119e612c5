"""Import a large generated corpus while two other processes search it continuously.

    python -m tests.bench.stress [--n 20000]

Prints the articles committed, the queries answered by the readers, the
errors (must be 0), and whether store and index agree at the end
(`newsreader doctor`), as a table and a JSON line. Exit code 1 on any error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import queue
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

QUERIES = ["storm", "harbour AND council", '"port authority"', "glac*", "Kowalska~", "date:2021", "person:Berg", ""]


def reader_loop(data: str, stop: mp.Event, counts: mp.Array, slot: int, errors: mp.Queue) -> None:  # type: ignore[type-arg]
    """Search round after round until told to stop; count answers and errors."""
    from reader.archive import Archive

    archive = Archive(Path(data))
    n = 0
    while not stop.is_set():
        query = QUERIES[n % len(QUERIES)]
        try:
            archive.search(query, limit=20)
            counts[slot] += 1
        except Exception:  # noqa: BLE001 - every failure is counted and shown
            errors.put(f"reader {slot} '{query}': {traceback.format_exc()}")
        n += 1
    archive.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--readers", type=int, default=2)
    args = parser.parse_args(argv)
    from tests.bench.corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_corpus(root / "corpus", args.n)
        data = root / "data"
        started = time.perf_counter()
        importer = subprocess.Popen(
            [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), "import", str(root / "corpus")],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        while not (data / "index").exists() or not list((data / "index").glob("*.toc")):
            time.sleep(0.05)  # readers start once the first batch is searchable
        stop, errors = mp.Event(), mp.Queue()
        counts = mp.Array("i", args.readers)
        readers = [
            mp.Process(target=reader_loop, args=(str(data), stop, counts, i, errors)) for i in range(args.readers)
        ]
        for r in readers:
            r.start()
        out, _ = importer.communicate()
        import_s = time.perf_counter() - started
        stop.set()
        failures = []
        # Drain the queue while the readers finish: a process that has put items
        # on a queue does not exit until they are read.
        while any(r.is_alive() for r in readers) or not errors.empty():
            with contextlib.suppress(queue.Empty):
                failures.append(errors.get(timeout=0.1))
        for r in readers:
            r.join()
        from reader.archive import Archive
        from reader.archive.doctor import examine

        with Archive(data) as archive:
            committed = archive.store.count()
            report = examine(archive)
    result = {
        "articles": args.n,
        "committed": committed,
        "import_exit": importer.returncode,
        "import_s": round(import_s, 1),
        "queries_answered": sum(counts),
        "reader_errors": len(failures),
        "store_index_agree": report.healthy,
    }
    print(f"stress: import {args.n} articles with {args.readers} readers searching")
    for key, value in result.items():
        print(f"  {key:<20} {value}")
    for failure in failures[:5]:
        print(failure, file=sys.stderr)
    print(json.dumps(result))
    ok = not failures and report.healthy and committed == args.n and importer.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
