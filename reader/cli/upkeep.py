"""Commands that look after the archive as a whole: stats, export, reindex, doctor."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.cli.failure import EXIT_FAILED, EXIT_OK, Failure
from reader.output import ProgressLine, Styler
from reader.plural import plural
from reader.sanitize import clean_line


def stats(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    data = archive.stats()
    if args.json:
        print(json.dumps(data))
        return EXIT_OK
    for key, value in data.items():
        if key.endswith("_bytes"):
            value = f"{int(value) / 1e6:.1f} MB"  # type: ignore[call-overload]
        print(f"{key.replace('_', ' '):>14}: {value if value is not None else '-'}")
    return EXIT_OK


def export(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from reader.archive import NothingToExport
    from reader.archive.safe_write import TargetRefused

    try:
        count, written = archive.export(" ".join(args.query), args.format, Path(args.to), force=args.force)
    except (TargetRefused, NothingToExport) as exc:
        raise Failure(clean_line(str(exc))) from exc
    where = clean_line(str(written[0]) if len(written) == 1 else f"{len(written)} files in {args.to}")
    print(f"exported {plural(count, 'article')} as {args.format}: {where}", file=sys.stderr)
    return EXIT_OK


def reindex(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    progress = ProgressLine(sys.stderr)
    count = archive.reindex(
        progress=lambda done, total: progress.update(done, total, "", "indexed"),
        analysing=lambda done, total: progress.update(
            done, total, "", "indexing", "Finding entities and quotes again (an older newsreader found them)"
        ),
    )
    progress.finish()
    print(f"Reindexed {plural(count, 'article')}.")
    return EXIT_OK


def doctor(archive, args: argparse.Namespace, report=None) -> int:  # type: ignore[no-untyped-def]
    from reader.archive.doctor import examine

    report = report or examine(archive, repair=args.repair)
    if args.json:
        print(json.dumps({"healthy": report.healthy, "findings": [f.__dict__ for f in report.findings]}))
    else:
        out = Styler(sys.stdout)
        for f in report.findings:
            mark = out("ok", "ok") if f.ok else (out("fixed", "warn") if f.repaired else out("PROBLEM", "error"))
            print(f"{mark:>8}  {f.check}: {f.detail}" + (f" → {f.repaired}" if f.repaired else ""))
        if not report.healthy and not any(f.check == "what can be saved" for f in report.findings):
            print("Run `newsreader doctor --repair` to fix the index side.")
    return EXIT_OK if report.healthy else EXIT_FAILED
