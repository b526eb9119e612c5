"""Commands that read files: `import` (and its --dry-run) and `analyze` (a file, not imported)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from reader.cli.failure import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, Failure
from reader.output import ProgressLine, Styler, article_json, article_text
from reader.sanitize import clean_line


def import_files(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from reader.archive.importer import ImportReport

    if args.dry_run:
        return _dry_run(archive, args.paths)
    report = ImportReport()
    progress = ProgressLine(sys.stderr)
    interrupted = False
    from reader.archive import DiskFull

    try:
        for step in archive.import_paths(args.paths, report, wait_s=args.wait):
            progress.update(
                step.done, step.total, step.path, step.outcome, step.stage_label, step.reason, said=step.describe()
            )
    except KeyboardInterrupt:
        interrupted = report.interrupted = True
    except DiskFull as exc:
        progress.finish()
        raise Failure(str(exc)) from exc
    progress.finish()
    _print_report(report, interrupted, args.paths)
    if archive.analysis_outdated():
        print(
            "The entities and quotes of articles imported before were found by an older newsreader: "
            "`newsreader reindex` finds them again."
        )
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if report.failures else EXIT_OK


def _print_report(report, interrupted: bool, paths: list[str]) -> None:  # type: ignore[no-untyped-def]
    from reader.archive.import_report import summary_lines

    out = Styler(sys.stdout)
    counts = report.counts()
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(("Interrupted; kept what was finished: " if interrupted else "Import done: ") + summary)
    root = paths[0] if len(paths) == 1 and os.path.isdir(paths[0]) else None
    for kind, line in summary_lines(report, root):
        if kind == "note":
            print(clean_line(line))
        else:
            print(out(f"  {kind}: {clean_line(line)}", "error" if kind == "failed" else "warn"))


def _dry_run(archive, paths: list[str]) -> int:  # type: ignore[no-untyped-def]
    """`import --dry-run`: each file, what an import would do with it, and why."""
    from collections import Counter

    out = Styler(sys.stdout)
    planned = archive.plan_import(paths)
    for item in planned:
        style = {"skip": "warn", "fail": "error"}.get(item.action)
        line = f"{item.action:<9}  {clean_line(item.path)}: {clean_line(item.reason)}"
        print(out(line, style) if style else line)
    if not planned:
        print("Found no files to import there.")
    else:
        counts = Counter(item.action for item in planned)
        order = ("import", "unchanged", "skip", "fail")
        print("Dry run, nothing imported: " + ", ".join(f"{counts[a]} {a}" for a in order if counts[a]))
    return EXIT_OK


def analyze_file(args: argparse.Namespace) -> int:
    from reader.ingest import IngestError, read_articles
    from reader.model import StoredArticle
    from reader.text.analysis import analyze
    from reader.text.pipeline import finish

    path = Path(args.file)
    if not path.exists():  # said as the import says it, not "disappeared before it could be read"
        raise Failure(f"{args.file}: " + ("broken or looping symbolic link" if path.is_symlink() else "no such file"))
    try:
        articles = [finish(a) for a in read_articles(path)]
    except IngestError as exc:
        raise Failure(f"{args.file}: {exc}") from exc
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    for n, article in enumerate(articles):
        if args.explain:
            from reader.sanitize import clean_line
            from reader.text.entities import find_entities
            from reader.text.quotes import find_quotes

            lines: list[str] = []
            entities = find_entities(article.blocks, explain=lines)
            # Each speaker's candidates and scores.
            find_quotes(article.blocks, entities, explain=lines, byline=article.byline)
            sys.stdout.write("".join(clean_line(line) + "\n" for line in lines))
            continue
        found = analyze(article.blocks, byline=article.byline)
        stored = StoredArticle(
            id=f"file-{n}",
            article=article,
            content_hash="",
            imported_at=now,
            updated_at=now,
            paths=(str(Path(args.file).resolve()),),
            entities=tuple(found["entities"]),
            quotes=tuple(found["quotes"]),
        )
        if args.json:
            data = article_json(stored)
            for key in ("id", "read", "starred", "tags"):
                data.pop(key)
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(article_text(stored, Styler(sys.stdout), state=False))
    return EXIT_OK
