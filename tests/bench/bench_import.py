"""Import, search and start-up at scale, against bare Whoosh on the same text in the same run.

    python -m tests.bench.bench_import [--sizes 1000,10000,50000] [--kb 7] [--workdir DIR]
    python -m tests.bench.bench_import --sizes 10000 --ref OTHER_CHECKOUT [--rounds 3]

For each size N, on a generated corpus (tests/bench/corpus.py: scrape-shaped
.txt, .html and .md, about 7 KB each, Zipf vocabulary), each step in a fresh
process so start-up and peak memory are real:
- import: `newsreader import` end to end (read, extract, fold, entities,
  quotes, store, index): wall seconds, articles/s, peak RSS of the importer's
  process tree (all its processes together), store and index size;
- bare Whoosh: the same documents (read back from our store) indexed with the
  same schema and the same writer settings as our import, nothing else: the
  floor our import is measured against, as a ratio;
- re-import of the unchanged folder (stat and hash checks only);
- search: a fixed mixed query set through the archive (20 hits with
  highlighted snippets), p50/p95 ms, peak RSS;
- start-up: `newsreader search QUERY` as a process, wall seconds (median).
Analysis alone (extract, fold, entities, quotes) per article is timed in this
process on a sample of the corpus: median and p95 ms.
Prints a table per size, the growth between the two largest sizes, and a
final JSON line. Nothing here asserts a time: the numbers are for reading.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.bench.corpus import QUERIES as APP_QUERIES

QUERIES = [*APP_QUERIES, 'entity:"Maritime Office"']


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


# -- measuring a child process ------------------------------------------------


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            pid, ppid = int(entry), int(fields[1])
            rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_measured(cmd: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float, str]:
    """Run a command; return (wall seconds, peak RSS of its process tree in MB, stdout)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    out: list[str] = []
    err: list[str] = []
    readers = [
        threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True),  # type: ignore[union-attr]
        threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True),  # type: ignore[union-attr]
    ]
    for t in readers:
        t.start()
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.1)
    wall = time.perf_counter() - started
    for t in readers:
        t.join()
    if proc.returncode not in ok:
        raise RuntimeError(f"{cmd} exited {proc.returncode}: {''.join(err)[-2000:]}")
    return wall, peak / 1024, "".join(out)


def _cpu_s(pid: int) -> float | None:
    """User and system CPU seconds of one live process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_import_measured(cmd: list[str], archive_dir: Path, env: dict[str, str], cwd: Path) -> dict[str, float]:
    """Run an import; wall s, peak RSS of the process tree (MB), CPU seconds of
    all its processes (getrusage of the waited-for children) and of the main
    process alone (its last /proc reading, at most 0.2 s before it ended: the
    importing process, which stores and writes the index steps, against its
    analysis workers), and the longest time an article waited between being stored
    and being found by a search in another process (store and index counts
    polled every second)."""
    import resource
    import sqlite3

    from whoosh.filedb.filestore import FileStorage

    # A pipe nobody reads fills with progress lines and stops the import: a file.
    with tempfile.TemporaryFile("w+") as errors:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, text=True, env=env, cwd=cwd)
        peak, last_poll = 0, 0.0
        # (count, when the store first held that many): the k-th article stored
        # is taken as found once the index holds k documents. Not "how long the
        # index held fewer than the store": with steps beside a running import
        # the index is always a little behind, and that measured the import.
        stored_at: list[tuple[int, float]] = []
        seen_found = 0
        longest_wait = 0.0
        main_cpu = 0.0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            main_cpu = _cpu_s(proc.pid) or main_cpu
            now = time.perf_counter()
            if now - last_poll >= 1.0:
                last_poll = now
                try:
                    with sqlite3.connect(f"file:{archive_dir / 'store.sqlite3'}?mode=ro", uri=True) as db:
                        stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
                    # Whoosh's own opening: the other checkout's index may be of another schema.
                    ix = FileStorage(str(archive_dir / "index"), supports_mmap=False).open_index("articles")
                    with ix.searcher() as searcher:
                        found = searcher.doc_count()
                    if not stored_at or stored > stored_at[-1][0]:
                        stored_at.append((stored, now))
                    # The oldest article still not found has waited since it was stored.
                    first_unfound = next((when for count, when in stored_at if count > found), None)
                    if first_unfound is not None:
                        longest_wait = max(longest_wait, now - first_unfound)
                    if found > seen_found:
                        seen_found = found
                        stored_at = [(count, when) for count, when in stored_at if count > found]
                except Exception:  # noqa: BLE001 - the archive is being created or rebuilt
                    pass
            time.sleep(0.2)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        if proc.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{cmd} exited {proc.returncode}: {errors.read()[-2000:]}")
    return {"wall": wall, "rss": peak / 1024, "cpu": cpu, "main_cpu": main_cpu, "wait": longest_wait}


def _article_count(archive_dir: Path) -> int:
    import sqlite3

    with sqlite3.connect(archive_dir / "store.sqlite3") as db:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# -- the steps run in child processes ----------------------------------------


def bare_whoosh(archive_dir: Path, out_dir: Path) -> dict[str, float]:
    """Index our stored documents with Whoosh alone, as the importer's writer does:
    the schema's searchable fields, nothing stored but the id (issue 19's floor)."""
    from reader.archive.importer import IMPORT_BATCH
    from reader.archive.index import whoosh_index as ixmod
    from reader.archive.store.database import Store

    store = Store(archive_dir / "store.sqlite3")
    ids = [row[0] for row in store.db.execute("SELECT id FROM articles ORDER BY rowid")]
    ix = ixmod.create_index(out_dir)
    stored = [name for name in ix.schema.stored_names() if name != "id"]
    if stored:  # a checkout whose schema stores more than the id (the body, before schema 6)
        raise SystemExit(f"bare Whoosh needs a schema that stores only the id; this one stores {stored}")
    started = time.perf_counter()
    read_s = 0.0
    # As the importer does: a large import in one commit of the parallel
    # writer, a small one in a commit per store batch.
    bulk = ixmod.use_bulk(len(ids))
    step = len(ids) if bulk else IMPORT_BATCH
    for start in range(0, len(ids), step):
        w = ixmod.writer(ix, bulk=bulk)
        for sub in range(start, min(len(ids), start + step), IMPORT_BATCH):
            t0 = time.perf_counter()
            docs = [ixmod.document(s) for s in store.get_many(ids[sub : sub + IMPORT_BATCH]).values()]
            read_s += time.perf_counter() - t0
            for doc in docs:
                w.add_document(**doc)
        w.commit()
    total = time.perf_counter() - started
    return {"seconds": total - read_s, "read_seconds": read_s, "docs": len(ids), "index_mb": _size_mb(out_dir)}


def import_run(archive_dir: Path, corpus: Path, step_s: float) -> None:
    """`newsreader import` as the CLI runs it, with the index step interval given."""
    from reader.archive import Archive
    from reader.archive.importer import ImportReport

    with Archive(archive_dir) as archive:
        for _ in archive.import_paths([corpus], ImportReport(), index_every_s=step_s):
            pass


def ab_rounds(n: int, work: Path, kb: float, ref: Path, rounds: int) -> None:
    """This checkout's import against another checkout's (`--ref`), alternating,
    plus this one with no index steps (everything indexed at the end) and bare
    Whoosh over the same documents: medians of `rounds`, the load beside them."""
    from tests.bench.corpus import write_corpus

    here = Path(__file__).resolve().parents[2]
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        print(f"[{n}] writing corpus…", file=sys.stderr)
        write_corpus(corpus, n, kb=kb)
    py = sys.executable
    variants = {
        "this": (here, [py, "-P", "-m", "reader", "--data-dir", "{archive}", "import", str(corpus)]),
        "ref": (ref, [py, "-P", "-m", "reader", "--data-dir", "{archive}", "import", str(corpus)]),
        "this, no steps": (
            here,
            [py, "-P", "-m", "tests.bench.bench_import", "--import-run", "{archive}", str(corpus), "inf"],
        ),
    }
    results: dict[str, list[dict[str, float]]] = {name: [] for name in [*variants, "bare Whoosh"]}
    loads: list[float] = []
    for r in range(rounds):
        order = list(variants) if r % 2 == 0 else list(reversed(variants))
        for name in order:
            cwd, cmd = variants[name]
            archive = work / f"ab-{n}"
            shutil.rmtree(archive, ignore_errors=True)
            env = {**os.environ, "PYTHONPATH": str(cwd)}
            loads.append(os.getloadavg()[0])
            print(f"[{n}] round {r + 1}: {name}… (load {loads[-1]:.1f})", file=sys.stderr)
            got = run_import_measured([c.replace("{archive}", str(archive)) for c in cmd], archive, env, cwd)
            if _article_count(archive) != n:
                raise RuntimeError(f"{name}: the import stored {_article_count(archive)} articles, not {n}")
            results[name].append(got)
            # Each run's figures as it ends: a bench stopped early still tells what it measured.
            print(
                f"[{n}] round {r + 1}: {name}: wall {got['wall']:.1f} s, CPU {got['cpu']:.0f} s "
                f"(main process {got['main_cpu']:.0f} s), "
                f"peak {got['rss']:.0f} MB, wait {got['wait']:.1f} s (load now {os.getloadavg()[0]:.1f})",
                file=sys.stderr,
            )
            if name == "this":
                bare_dir = work / f"ab-bare-{n}"
                shutil.rmtree(bare_dir, ignore_errors=True)
                _, _, out = run_measured([py, "-m", "tests.bench.bench_import", "--bare", str(archive), str(bare_dir)])
                bare = json.loads(out.strip().splitlines()[-1])
                results["bare Whoosh"].append(
                    {"wall": bare["seconds"], "rss": 0.0, "cpu": 0.0, "main_cpu": 0.0, "wait": 0.0}
                )
                print(f"[{n}] round {r + 1}: bare Whoosh: {bare['seconds']:.1f} s", file=sys.stderr)
                shutil.rmtree(bare_dir, ignore_errors=True)
            shutil.rmtree(archive, ignore_errors=True)
    bare_s = statistics.median(x["wall"] for x in results["bare Whoosh"])
    print(
        f"{n:,} articles, {rounds} rounds alternating; load average (1 min) at each run's start: "
        f"median {statistics.median(loads):.1f}, {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores"
    )
    print(
        f"{'':16}{'wall s':>9}{'art/s':>8}{'CPU s':>8}{'main':>7}{'x bare':>8}{'peak MB':>9}{'wait s':>8}"
        "   each run's wall s"
    )
    for name, runs in results.items():
        wall = statistics.median(x["wall"] for x in runs)
        line = f"{name:16}{wall:9.1f}{n / wall:8.0f}"
        if name != "bare Whoosh":
            line += (
                f"{statistics.median(x['cpu'] for x in runs):8.0f}{statistics.median(x['main_cpu'] for x in runs):7.0f}"
            )
            line += f"{wall / bare_s:8.2f}x"
            line += f"{statistics.median(x['rss'] for x in runs):9.0f}{max(x['wait'] for x in runs):8.1f}"
        else:
            line += " " * 41
        print(line + "   " + " ".join(f"{x['wall']:.0f}" for x in runs))
    print(json.dumps({"n": n, "loads": loads, "results": results}))


def search_run(archive_dir: Path, runs: int) -> dict[str, float]:
    from reader.archive import Archive

    with Archive(archive_dir) as archive:
        started = time.perf_counter()
        archive.search("storm", limit=20)
        first = time.perf_counter() - started
        for q in QUERIES:  # warm: the searcher, the lexicon caches
            archive.search(q, limit=20)
        times: list[float] = []
        per_kind: dict[str, list[float]] = {q: [] for q in QUERIES}
        for _ in range(runs):
            for q in QUERIES:
                t0 = time.perf_counter()
                archive.search(q, limit=20)
                ms = (time.perf_counter() - t0) * 1000
                times.append(ms)
                per_kind[q].append(ms)
    return {
        "first_query_s": first,
        "p50_ms": pct(times, 0.5),
        "p95_ms": pct(times, 0.95),
        "slowest": max(per_kind, key=lambda q: pct(per_kind[q], 0.95)),
        "slowest_p95_ms": max(pct(v, 0.95) for v in per_kind.values()),
    }


# -- the parent ---------------------------------------------------------------


def analysis_times(files: list[Path]) -> dict[str, float]:
    """Per article, in this process: read+extract+fold, then entities+quotes."""
    from reader.ingest import parse_source, read_source
    from reader.text.analysis import analyze
    from reader.text.pipeline import finish

    extract, entities = [], []
    for path in files:
        t0 = time.perf_counter()
        articles = [finish(a) for a in parse_source(read_source(path))]
        t1 = time.perf_counter()
        for a in articles:
            analyze(a.blocks, {})
        t2 = time.perf_counter()
        extract.append((t1 - t0) * 1000)
        entities.append((t2 - t1) * 1000)
    both = [a + b for a, b in zip(extract, entities, strict=True)]
    return {
        "extract_fold_p50_ms": statistics.median(extract),
        "extract_fold_p95_ms": pct(extract, 0.95),
        "entities_quotes_p50_ms": statistics.median(entities),
        "entities_quotes_p95_ms": pct(entities, 0.95),
        "analysis_p50_ms": statistics.median(both),
        "analysis_p95_ms": pct(both, 0.95),
    }


def measure_size(n: int, work: Path, kb: float, runs: int) -> dict[str, float]:
    from tests.bench.corpus import write_corpus

    py = sys.executable
    corpus, archive, bare_dir = work / f"corpus-{n}", work / f"archive-{n}", work / f"bare-{n}"
    for d in (archive, bare_dir):
        shutil.rmtree(d, ignore_errors=True)
    if not corpus.exists():
        print(f"[{n}] writing corpus…", file=sys.stderr)
        write_corpus(corpus, n, kb=kb)
    files = sorted(corpus.rglob("article-*"))
    corpus_mb = _size_mb(corpus)
    newsreader = [py, "-P", "-m", "reader", "--data-dir", str(archive)]
    row: dict[str, float] = {"n": n, "corpus_mb": corpus_mb}

    print(f"[{n}] import…", file=sys.stderr)
    wall, rss, _ = run_measured([*newsreader, "import", str(corpus)])
    row.update(import_s=wall, import_per_s=n / wall, import_rss_mb=rss)
    imported = _article_count(archive)
    if imported != n:
        raise RuntimeError(f"the import stored {imported} articles, not {n}")
    row.update(store_mb=_size_mb(archive) - _size_mb(archive / "index"), index_mb=_size_mb(archive / "index"))

    print(f"[{n}] bare Whoosh…", file=sys.stderr)
    wall, rss, out = run_measured([py, "-m", "tests.bench.bench_import", "--bare", str(archive), str(bare_dir)])
    bare = json.loads(out.strip().splitlines()[-1])
    row.update(bare_s=bare["seconds"], bare_per_s=n / bare["seconds"], bare_rss_mb=rss, bare_index_mb=bare["index_mb"])
    row["ratio"] = row["import_s"] / row["bare_s"]
    shutil.rmtree(bare_dir, ignore_errors=True)

    print(f"[{n}] re-import unchanged…", file=sys.stderr)
    wall, rss, _ = run_measured([*newsreader, "import", str(corpus)])
    row.update(reimport_s=wall, reimport_rss_mb=rss)

    print(f"[{n}] search…", file=sys.stderr)
    wall, rss, out = run_measured([py, "-m", "tests.bench.bench_import", "--search", str(archive), "--runs", str(runs)])
    found = json.loads(out.strip().splitlines()[-1])
    row.update(search_p50_ms=found["p50_ms"], search_p95_ms=found["p95_ms"], search_rss_mb=rss)
    row.update(search_first_s=found["first_query_s"], slowest_query=found["slowest"])
    row["slowest_query_p95_ms"] = found["slowest_p95_ms"]

    search_cmd = [*newsreader, "search", "harbour storm", "--limit", "20"]
    starts = [run_measured(search_cmd, ok=(0, 1))[0] for _ in range(5)]  # 1: no hits
    row["cli_search_s"] = statistics.median(starts)

    print(f"[{n}] analysis per article…", file=sys.stderr)
    row.update(analysis_times(files[:: max(1, len(files) // 300)]))
    return row


TABLE = [
    ("import_s", "import: seconds", "{:.1f}"),
    ("import_per_s", "import: articles/s", "{:.0f}"),
    ("bare_s", "bare Whoosh, same docs and writer: seconds", "{:.1f}"),
    ("bare_per_s", "bare Whoosh: docs/s", "{:.0f}"),
    ("ratio", "import / bare Whoosh", "{:.2f}x"),
    ("import_rss_mb", "import: peak RSS, process tree (MB)", "{:.0f}"),
    ("store_mb", "store size (MB)", "{:.0f}"),
    ("index_mb", "index size (MB)", "{:.0f}"),
    ("reimport_s", "re-import unchanged: seconds", "{:.2f}"),
    ("analysis_p50_ms", "analysis per article p50 (ms)", "{:.1f}"),
    ("analysis_p95_ms", "analysis per article p95 (ms)", "{:.1f}"),
    ("search_p50_ms", "search p50 (ms, 20 hits + snippets)", "{:.0f}"),
    ("search_p95_ms", "search p95 (ms)", "{:.0f}"),
    ("slowest_query_p95_ms", "slowest query kind p95 (ms)", "{:.0f}"),
    ("search_rss_mb", "search: peak RSS (MB)", "{:.0f}"),
    ("search_first_s", "open + first query (s)", "{:.2f}"),
    ("cli_search_s", "`newsreader search` process (s)", "{:.2f}"),
]


def print_table(rows: list[dict[str, float]]) -> None:
    print(f"{'':44}" + "".join(f"{int(r['n']):>12,}" for r in rows))
    for key, label, fmt in TABLE:
        print(f"{label:44}" + "".join(f"{fmt.format(r[key]):>12}" for r in rows))
    print(f"{'slowest query kind':44}" + "".join(f"{str(r['slowest_query'])[:11]:>12}" for r in rows))


def growth(rows: list[dict[str, float]]) -> dict[str, float]:
    """Cost per extra 1,000 articles between the two largest sizes."""
    if len(rows) < 2:
        return {}
    a, b = rows[-2], rows[-1]
    k = (b["n"] - a["n"]) / 1000
    return {
        "import_s_per_1k": (b["import_s"] - a["import_s"]) / k,
        "bare_s_per_1k": (b["bare_s"] - a["bare_s"]) / k,
        "search_p95_ms_per_1k": (b["search_p95_ms"] - a["search_p95_ms"]) / k,
        "search_rss_mb_per_1k": (b["search_rss_mb"] - a["search_rss_mb"]) / k,
        "import_rss_mb_per_1k": (b["import_rss_mb"] - a["import_rss_mb"]) / k,
        "index_mb_per_1k": (b["index_mb"] - a["index_mb"]) / k,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--kb", type=float, default=7.0, help="about this many kilobytes per article")
    parser.add_argument("--runs", type=int, default=10, help="passes over the query set")
    parser.add_argument("--workdir", type=Path, default=None, help="keep corpora here (reused between runs)")
    parser.add_argument("--bare", nargs=2, type=Path, metavar=("ARCHIVE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--search", type=Path, metavar="ARCHIVE", help=argparse.SUPPRESS)
    parser.add_argument("--import-run", nargs=3, metavar=("ARCHIVE", "CORPUS", "STEP_S"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--ref",
        type=Path,
        default=None,
        help="another checkout (git worktree add --detach DIR main): its import against this one's, "
        "alternating, with this one without index steps and bare Whoosh, at each of --sizes",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the --ref comparison (medians)")
    args = parser.parse_args(argv)
    if args.import_run:
        import_run(Path(args.import_run[0]), Path(args.import_run[1]), float(args.import_run[2]))
        return 0
    if args.bare:
        print(json.dumps(bare_whoosh(*args.bare)))
        return 0
    if args.search:
        print(json.dumps(search_run(args.search, args.runs)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.ref:
        try:
            for n in sizes:
                ab_rounds(n, work, args.kb, args.ref.resolve(), args.rounds)
        finally:
            if args.workdir is None:
                shutil.rmtree(work, ignore_errors=True)
        return 0
    rows = []
    try:
        for n in sizes:
            rows.append(measure_size(n, work, args.kb, args.runs))
            for d in (work / f"archive-{n}",):
                if args.workdir is None:
                    shutil.rmtree(d, ignore_errors=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print_table(rows)
    slope = growth(rows)
    for key, value in slope.items():
        print(f"growth {key}: {value:.3f}")
    print(json.dumps({"sizes": rows, "growth": slope}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
