"""The `newsreader` command: parse arguments, dispatch, print. Textual loads lazily."""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import shutil
import sys
from pathlib import Path

from reader import __version__, paths
from reader.output import (
    ProgressLine,
    Styler,
    article_json,
    article_text,
    date_text,
    hit_json,
    hit_lines,
    plural,
)
from reader.sanitize import clean_line

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUSY, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `git log | head`


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A keyboard-driven reader for offline archives of saved articles. "
        "With no command, opens the reader app.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    parser.add_argument(
        "--data-dir", metavar="PATH", help=f"archive directory (default: ${paths.ENV_HOME} or the user data dir)"
    )
    parser.add_argument("--demo", action="store_true", help="use the bundled demo archive")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import files and folders of saved articles")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait this long for another import to finish instead of failing",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="list each file, what an import would do with it and why; change nothing"
    )

    p = sub.add_parser("search", help="search the archive")
    p.add_argument(
        "query", nargs="*", help='Whoosh query: words, AND/OR/NOT, "phrase", pre*, fuzzy~, field:value, date:2021-11'
    )
    p.add_argument("--limit", type=int, default=10, help="how many results to show (default 10)")
    p.add_argument(
        "--sort",
        choices=["relevance", "newest", "oldest", "date", "-date"],
        default="relevance",
        help="relevance (default), newest or oldest first (date = oldest, --sort=-date = newest)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per result")
    p.add_argument("--collapse", action="store_true", help="show each story once, with its number of versions")
    p.add_argument("--save", metavar="NAME", help="keep this query under a name (listed by `searches` and in the app)")
    p.add_argument("--saved", metavar="NAME", help="run the search saved under this name")

    p = sub.add_parser("searches", help="saved searches with how many articles (and unread) each finds")
    p.add_argument("--delete", metavar="NAME", help="forget the search saved under this name")
    p.add_argument("--json", action="store_true", help="one JSON object per saved search")

    p = sub.add_parser("stories", help="stories saved more than once: their versions across sites and saves")
    p.add_argument("query", nargs="*", help="only stories with a version matching this search")
    p.add_argument("--limit", type=int, default=30, help="how many to list (default 30)")
    p.add_argument("--json", action="store_true", help="one JSON object per story")

    p = sub.add_parser("timeline", help="how many articles match per day, week, month or year, as bars")
    p.add_argument("query", nargs="*", help='a search, or an entity: entity:"Alexander Lukashenko"')
    p.add_argument("--by", choices=["day", "week", "month", "year"], default="month")
    p.add_argument("--json", action="store_true", help="one JSON object per period")

    p = sub.add_parser(
        "correct",
        help="correct entities: rename OLD NEW, merge FROM INTO, type NAME person|place|org|group, not-entity NAME",
    )
    p.add_argument("action", nargs="?", choices=["rename", "merge", "type", "not-entity"])
    p.add_argument("names", nargs="*", metavar="NAME")
    p.add_argument("--list", action="store_true", help="the corrections made so far, in order")
    p.add_argument("--undo", action="store_true", help="take back the last correction")

    p = sub.add_parser("highlight", help="mark a passage of an article (found by its words), with a note")
    p.add_argument("id", help="article id (or an unambiguous prefix)")
    p.add_argument("passage", help="the words to mark, as they stand in the article")
    p.add_argument("--note", default="", help="a note on the passage (searchable: note:word)")

    p = sub.add_parser("highlights", help="highlights and notes across the archive (is:highlight, note:word search)")
    p.add_argument("query", nargs="*", help="only in articles matching this search")
    p.add_argument("--json", action="store_true", help="one JSON object per highlight")

    p = sub.add_parser("export", help="write articles as JSON (re-importable), Markdown, HTML or EPUB")
    p.add_argument("query", nargs="*", help="only the articles matching this search (default: all)")
    p.add_argument("--format", choices=["json", "markdown", "html", "epub"], default="json")
    p.add_argument("--to", required=True, metavar="PATH", help="a file (json, epub) or a folder (any format)")
    p.add_argument("--force", action="store_true", help="replace files that exist (never a link or the archive)")

    p = sub.add_parser("show", help="print an article")
    p.add_argument("id", help="article id (or an unambiguous prefix)")
    p.add_argument("--json", action="store_true")

    for name, what in (
        ("star", "star articles"),
        ("unstar", "unstar articles"),
        ("read", "mark articles read"),
        ("unread", "mark articles unread"),
    ):
        p = sub.add_parser(name, help=f"{what} (by id or an unambiguous prefix)")
        p.add_argument("ids", nargs="+", metavar="ID")

    p = sub.add_parser("tag", help="add tags to an article (kept as typed; tag:word finds them in any case)")
    p.add_argument("id", help="article id (or an unambiguous prefix)")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p = sub.add_parser("untag", help="take tags off an article")
    p.add_argument("id", help="article id (or an unambiguous prefix)")
    p.add_argument("tags", nargs="*", metavar="TAG")
    p.add_argument("--all", action="store_true", help="take off every tag")

    p = sub.add_parser("analyze", help="analyse a file without importing it")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--explain", action="store_true", help="print the cues that decided each entity mention and each speaker"
    )

    p = sub.add_parser("entities", help="people, places, organisations and groups across the archive")
    p.add_argument("query", nargs="*", help="only in articles matching this search")
    p.add_argument("--type", choices=["person", "place", "org", "group"])
    p.add_argument("--limit", "--top", dest="top", type=int, default=30, help="how many to list (default 30)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("quotes", help="quotations with their speakers")
    p.add_argument("query", nargs="*", help="only in articles matching this search")
    p.add_argument("--speaker", help="speaker name (or part of it)")
    p.add_argument("--limit", type=int, default=30, help="how many to list (default 30)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("stats", help="archive counts and sizes")
    p.add_argument("--json", action="store_true")

    sub.add_parser("reindex", help="rebuild the search index from the store")
    p = sub.add_parser("doctor", help="check the store and the index; --repair fixes the index side")
    p.add_argument("--repair", action="store_true", help="replay, add or drop index entries; rebuild a broken index")
    p.add_argument("--json", action="store_true")
    sub.add_parser("demo", help="open the app on the bundled demo archive")
    sub.add_parser("app", help="open the reader app (the default)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit status. A closed pipe (`newsreader search x |
    head -1`) ends any command quietly, as it ends `git log | head`."""
    try:
        code = _main(argv)
        sys.stdout.flush()  # the last lines, while a closed pipe can still be caught
        return code
    except BrokenPipeError:
        _stop_writing_stdout()
        return EXIT_PIPE


def _stop_writing_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # a stdout with no file behind it (captured in tests): nothing to flush


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    err = Styler(sys.stderr)
    try:
        return _dispatch(args, err)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Failure as exc:
        print(err(f"newsreader: {exc}", "error"), file=sys.stderr)
        return exc.code


class _Failure(Exception):
    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def _say(message: str) -> None:
    """A note about a listing (empty, cut short): on stderr, so stdout holds only rows."""
    print(message, file=sys.stderr)


def _more(shown: int, total: int, noun: str, many: str = "") -> None:
    """Say that a listing was cut at its --limit, and how to see it all."""
    if total > shown:
        _say(f"{shown} of {plural(total, noun, many)} shown (--limit {total} shows all)")


def _within(query: str) -> str:
    return f" in the articles matching “{clean_line(query)}”" if query else ""


def _column(count: int, noun: str, out: Styler) -> str:
    """A right-aligned count and its noun, singular or plural, padded to line up."""
    word = noun if count == 1 else noun + "s"
    return f"{count:>5} {out(word, 'dim')}{' ' * (len(noun) + 1 - len(word))}"


def _data_dir(args: argparse.Namespace) -> Path:
    if args.demo or args.command == "demo":
        from reader.demo import ensure_demo_archive

        return ensure_demo_archive()
    return paths.data_dir(args.data_dir)


def _open_archive(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from reader.archive import Archive
    from reader.archive.store import StoreDamaged, StoreError

    try:
        return Archive(_data_dir(args))
    except StoreError as exc:
        if args.command == "doctor" and isinstance(exc, StoreDamaged):
            # The doctor still reports on a store too damaged to open.
            from reader.archive.doctor import examine_unopenable

            raise _Failure(str(exc), _doctor(None, args, examine_unopenable(_data_dir(args), str(exc)))) from exc
        raise _Failure(str(exc)) from exc


def _dispatch(args: argparse.Namespace, err: Styler) -> int:
    from reader.archive import ArchiveBusy, CorrectionRefused, DiskFull, IndexDamaged, QueryError
    from reader.archive.store import StoreError, StoreReadError

    command = args.command or "app"
    if command == "analyze":
        return _analyze(args)
    try:
        if command in ("app", "demo"):
            return _app(args)
        with _open_archive(args) as archive:
            handler = {
                "import": _import,
                "search": _search,
                "show": _show,
                "stats": _stats,
                "entities": _entities,
                "quotes": _quotes,
                "stories": _stories,
                "timeline": _timeline,
                "searches": _searches,
                "export": _export,
                "correct": _correct,
                "highlight": _highlight,
                "highlights": _highlights,
                "star": _set_state,
                "unstar": _set_state,
                "read": _set_state,
                "unread": _set_state,
                "tag": _tag,
                "untag": _tag,
                "reindex": _reindex,
                "doctor": _doctor,
            }[command]
            return handler(archive, args)
    except ArchiveBusy as exc:
        raise _Failure(str(exc), EXIT_BUSY) from exc
    except QueryError as exc:
        raise _Failure(f"bad query: {exc}", EXIT_USAGE) from exc
    except IndexDamaged as exc:
        raise _Failure(str(exc)) from exc
    except CorrectionRefused as exc:
        raise _Failure(str(exc)) from exc
    except DiskFull as exc:  # reindex, doctor --repair (import says what it kept itself)
        raise _Failure(str(exc)) from exc
    except StoreError as exc:  # an archive path that is not what it must be (folder.py)
        raise _Failure(str(exc)) from exc
    except StoreReadError as exc:
        raise _Failure(
            f"the store could not be read ({exc}): `newsreader doctor` says what is damaged and what can be saved"
        ) from exc


def _app(args: argparse.Namespace) -> int:
    from reader.archive.store import StoreError
    from reader.tui.app import run_app  # Textual is imported only here

    try:
        return run_app(_data_dir(args))
    except StoreError as exc:  # raised before the app takes the terminal
        raise _Failure(str(exc)) from exc


def _import(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from reader.archive.importer import ImportReport

    if args.dry_run:
        return _dry_run(archive, args.paths)
    report = ImportReport()
    progress = ProgressLine(sys.stderr)
    interrupted = False
    from reader.archive import DiskFull

    try:
        for step in archive.import_paths(args.paths, report, wait_s=args.wait):
            progress.update(step.done, step.total, step.path, step.outcome, step.stage_label)
    except KeyboardInterrupt:
        interrupted = report.interrupted = True
    except DiskFull as exc:
        progress.finish()
        raise _Failure(str(exc)) from exc
    progress.finish()
    _print_report(report, interrupted, args.paths)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if report.failures else EXIT_OK


def _print_report(report, interrupted: bool, paths: list[str]) -> None:  # type: ignore[no-untyped-def]
    from reader.archive.import_report import summary_lines
    from reader.sanitize import clean_line

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

    from reader.sanitize import clean_line

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


def _search(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    text = " ".join(args.query)
    if args.limit < 1:
        raise _Failure("--limit must be at least 1", EXIT_USAGE)
    filters = None
    if args.saved:
        saved = archive.saved_search(args.saved)
        if saved is None:
            raise _Failure(f"no saved search named '{args.saved}' (newsreader searches lists them)", EXIT_USAGE)
        text, filters = " ".join(filter(None, [saved.query, text])), saved.filters
    if args.save:
        archive.save_search(args.save, text)
        print(f"saved as '{args.save}'", file=sys.stderr)
    # "-date" alone reads as an option to argparse; "newest" and "oldest" need no "=".
    sort = {"newest": "-date", "oldest": "date"}.get(args.sort, args.sort)
    result = archive.search(text, limit=args.limit, sort=sort, collapse=args.collapse, filters=filters)
    if args.json:
        for hit in result.hits:
            print(hit_json(hit))
        if not result.hits and result.suggestion:
            print(json.dumps({"suggestion": result.suggestion}))
        return EXIT_OK
    out, err = Styler(sys.stdout), Styler(sys.stderr)
    for hit in result.hits:
        print(hit_lines(hit, out))
    shown = len(result.hits)
    more = f" ({shown} shown; --limit {result.total} shows all)" if result.total > shown else ""
    _say(err(f"{plural(result.total, 'article')} · {result.elapsed_ms:.0f} ms{more}", "dim"))
    if not result.hits and result.suggestion:
        _say(f"No results. Did you mean: {clean_line(result.suggestion)}")
    elif not result.hits and archive.article_count() == 0:
        _say("The archive is empty: newsreader import PATH adds articles (newsreader --demo … tries the demo).")
    return EXIT_OK


def _stories(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """Each story with its versions: id, date, site and title, oldest first."""
    out = Styler(sys.stdout)
    query = " ".join(args.query)
    found = archive.stories(query, args.limit)
    if not found and not args.json:
        _say(
            f"No story with more than one version matches “{clean_line(query)}”."
            if query
            else "No story is saved more than once yet: a story's versions are one article "
            "saved again, updated, or carried by another site."
        )
    for story, members in found:
        rows = archive.store.summaries(members)
        if args.json:
            versions = [
                {
                    "id": m,
                    "title": clean_line(rows[m][0]),
                    "site": clean_line(rows[m][1]) if rows[m][1] else None,
                    "published": rows[m][2].isoformat() if rows[m][2] else None,
                }
                for m in members
                if m in rows
            ]
            print(json.dumps({"story": story, "versions": versions}, ensure_ascii=False))
            continue
        first = rows.get(members[0])
        print(f"{out(f'{len(members)} versions', 'bold')}  {clean_line(first[0]) if first else story}")
        for m in members:
            if m in rows:
                title, site, published = rows[m][0], rows[m][1], rows[m][2]
                where = f"  {out('· ' + clean_line(site), 'dim')}" if site else ""
                print(f"  {out(m, 'id')}  {date_text(published)}  {clean_line(title)}{where}")
    if not args.json and len(found) == args.limit:
        _more(len(found), archive.count_stories(query), "story", "stories")
    return EXIT_OK


def _article_id(archive, text: str) -> str:  # type: ignore[no-untyped-def]
    """The full id an id or id prefix names; a _Failure if none or several."""
    found = archive.ids_for_prefix(text)
    if not found:
        raise _Failure(f"no article with id '{clean_line(text)}'")
    if len(found) > 1:
        raise _Failure(f"'{clean_line(text)}' starts the ids of more than one article: give more of the id")
    return str(found[0])


def _set_state(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """star, unstar, read, unread: every id is checked before any is changed."""
    ids = [_article_id(archive, text) for text in args.ids]
    for article_id in dict.fromkeys(ids):
        if args.command in ("star", "unstar"):
            archive.set_starred(article_id, args.command == "star")
        else:
            archive.set_read(article_id, args.command == "read")
    done = {"star": "starred", "unstar": "unstarred", "read": "marked read", "unread": "marked unread"}
    _say(f"{done[args.command]} {plural(len(set(ids)), 'article')}")
    return EXIT_OK


def _tag(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """tag ID TAG…, untag ID TAG… (or --all); prints the article's tags after."""
    article_id = _article_id(archive, args.id)
    if any("," in t for t in args.tags):
        raise _Failure("a tag cannot hold a comma (give each tag as its own argument)", EXIT_USAGE)
    if args.command == "tag":
        tags = archive.add_tags(article_id, args.tags)
    elif args.all:
        tags = archive.set_tags(article_id, [])
    elif args.tags:
        tags = archive.remove_tags(article_id, args.tags)
    else:
        raise _Failure("usage: newsreader untag ID TAG… (or --all)", EXIT_USAGE)
    print(f"{article_id}: {', '.join(clean_line(t) for t in tags) or 'no tags'}")
    return EXIT_OK


def _highlight(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    stored = archive.get(args.id)
    if stored is None:
        raise _Failure(f"no article with id '{args.id}'")
    made = archive.add_highlight(stored.id, args.passage, args.note)
    print(f"highlighted in {made.article_id}, paragraph {made.block + 1}", file=sys.stderr)
    return EXIT_OK


def _highlights(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    out = Styler(sys.stdout)
    query = " ".join(args.query)
    found = archive.highlights(query)
    if not found and not args.json:
        if query:
            _say(f"No highlights{_within(query)}.")
        else:
            _say("No highlights yet: newsreader highlight ID 'words' marks a passage (h in the app's reader).")
    for h, title in found:
        if args.json:
            row = {"id": h.id, "article": h.article_id, "title": clean_line(title), "text": clean_line(h.text)}
            print(json.dumps({**row, "note": clean_line(h.note), "block": h.block}, ensure_ascii=False))
            continue
        print(f"{out(h.article_id, 'id')}  {out(clean_line(title), 'dim')}")
        print(f"    “{clean_line(h.text)}”" + (f"  {out('✎ ' + clean_line(h.note), 'title')}" if h.note else ""))
    return EXIT_OK


def _correct(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from reader.sanitize import clean_line
    from reader.text.corrections import TYPES, Correction

    if args.undo:
        undone = archive.undo_correction()
        if undone is None:
            raise _Failure("no corrections to undo")
        print(f"undid {clean_line(undone.describe())}", file=sys.stderr)
        return EXIT_OK
    if args.list or not args.action:
        made = archive.corrections()
        if not made:
            print("No corrections yet: newsreader correct rename|merge|type|not-entity … makes one.")
        for n, c in enumerate(made, 1):
            print(f"{n:>3}  {clean_line(c.describe())}")
        return EXIT_OK
    wanted = 1 if args.action == "not-entity" else 2
    if len(args.names) != wanted:
        usage = {"rename": "OLD NEW", "merge": "FROM INTO", "type": "NAME TYPE", "not-entity": "NAME"}[args.action]
        raise _Failure(f"usage: newsreader correct {args.action} {usage}", EXIT_USAGE)
    if args.action == "not-entity":
        correction = Correction("reject", args.names[0])
    elif args.action == "type":
        if args.names[1].lower() not in TYPES:
            raise _Failure(f"unknown type '{args.names[1]}' ({', '.join(TYPES)})", EXIT_USAGE)
        correction = Correction("type", args.names[0], TYPES[args.names[1].lower()])
    else:
        correction = Correction(args.action, args.names[0], args.names[1])
    changed = archive.correct(correction)
    print(
        f"{clean_line(correction.describe())}: {plural(changed, 'article')} changed; later imports follow it "
        "(newsreader correct --undo takes it back)",
        file=sys.stderr,
    )
    return EXIT_OK


def _export(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from reader.archive.safe_write import TargetRefused

    try:
        count, written = archive.export(" ".join(args.query), args.format, Path(args.to), force=args.force)
    except TargetRefused as exc:
        raise _Failure(clean_line(str(exc))) from exc
    where = clean_line(str(written[0]) if len(written) == 1 else f"{len(written)} files in {args.to}")
    print(f"exported {plural(count, 'article')} as {args.format}: {where}", file=sys.stderr)
    return EXIT_OK


def _searches(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    if args.delete:
        if not archive.delete_search(args.delete):
            raise _Failure(f"no saved search named '{args.delete}'")
        print(f"deleted '{args.delete}'", file=sys.stderr)
        return EXIT_OK
    out = Styler(sys.stdout)
    saved = archive.saved_searches()
    if not saved and not args.json:
        _say("No saved searches yet: newsreader search QUERY --save NAME keeps one (ctrl+s in the app).")
    for s in saved:
        if args.json:
            row = {"name": s.name, "query": s.query, "filters": s.filters.describe(), "matches": s.matches}
            print(json.dumps({**row, "unread": s.unread}, ensure_ascii=False))
            continue
        filters = f" {out('[' + s.filters.describe() + ']', 'dim')}" if s.filters.active else ""
        counts = f"{s.unread:>5} {out('unread', 'dim')} {_column(s.matches, 'article', out)}"
        print(f"{counts}  {out(clean_line(s.name), 'bold')}  {clean_line(s.query)}{filters}")
    return EXIT_OK


def _timeline(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from reader.archive.timeline import bar

    query = " ".join(args.query)
    found, undated = archive.timeline(query, args.by)
    if args.json:
        for p in found:
            row = {"period": p.label, "start": p.start.isoformat(), "count": p.count, "query": p.date_query}
            print(json.dumps(row))
        print(json.dumps({"undated": undated}))
        return EXIT_OK
    out = Styler(sys.stdout)
    largest = max((p.count for p in found), default=0)
    width = max(10, shutil.get_terminal_size((80, 24)).columns - 22)
    for p in found:
        print(f"{p.label:>10}  {p.count:>5}  {out(bar(p.count, largest, width), 'title')}")
    total = sum(p.count for p in found)
    if not found and not undated:
        _say(
            f"No articles match “{clean_line(query)}”."
            if query
            else "No dated articles yet: newsreader import PATH adds articles."
        )
        return EXIT_OK
    if not found:
        _say(f"No dated articles{_within(query)}; {undated} have no date.")
        return EXIT_OK
    err = Styler(sys.stderr)
    _say(err(f"{plural(total, 'dated article')} · {undated} undated · by {args.by}", "dim"))
    return EXIT_OK


def _show(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    stored = archive.get(args.id)
    if stored is None:
        raise _Failure(f"no article with id '{args.id}'")
    boilerplate = archive.boilerplate(stored.id)
    if args.json:
        print(json.dumps(article_json(stored, boilerplate), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(article_text(stored, Styler(sys.stdout), boilerplate=boilerplate))
    return EXIT_OK


def _stats(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    data = archive.stats()
    if args.json:
        print(json.dumps(data))
        return EXIT_OK
    for key, value in data.items():
        if key.endswith("_bytes"):
            value = f"{int(value) / 1e6:.1f} MB"  # type: ignore[call-overload]
        print(f"{key.replace('_', ' '):>14}: {value if value is not None else '-'}")
    return EXIT_OK


def _entities(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    kind = args.type.upper() if args.type else None
    query = " ".join(args.query)
    rows = archive.entities(kind, args.top, query)
    if args.json:
        for name, etype, mentions, articles in rows:
            print(
                json.dumps(
                    {"name": clean_line(name), "type": etype, "mentions": mentions, "articles": articles},
                    ensure_ascii=False,
                )
            )
        return EXIT_OK
    out = Styler(sys.stdout)
    for name, etype, mentions, articles in rows:
        counts = f"{_column(articles, 'article', out)} {_column(mentions, 'mention', out)}"
        print(f"{counts}  {etype:<6}  {out(clean_line(name), 'bold')}")
    nouns = {"person": "people", "place": "places", "org": "organisations", "group": "groups"}
    what = nouns.get(args.type or "", "entities")
    if not rows:
        if query or args.type:
            _say(f"No {what}{_within(query) or ' in the archive'}.")
        else:
            _say(
                "No entities yet: people, places and organisations are found in the articles "
                "you import (newsreader import PATH)."
            )
    elif len(rows) == args.top:
        _more(len(rows), archive.count_entities(kind, query), "entity", "entities")
    return EXIT_OK


def _quotes(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    query = " ".join(args.query)
    rows = archive.quotes(args.speaker, query, args.limit)
    if args.json:
        for aid, title, speaker, kind, text in rows:
            print(
                json.dumps(
                    {
                        "id": aid,
                        "title": clean_line(title),
                        "speaker": speaker and clean_line(speaker),
                        "kind": kind,
                        "text": clean_line(text),
                    },
                    ensure_ascii=False,
                )
            )
        return EXIT_OK
    out = Styler(sys.stdout)
    for aid, title, speaker, _, text in rows:
        who = clean_line(speaker) if speaker else "unknown speaker"
        print(f"{out(who, 'bold')}: “{clean_line(text)}”")
        print(f"    {out(aid, 'id')}  {out(clean_line(title), 'dim')}")
    if not rows:
        if args.speaker:
            _say(f"No quotes by “{clean_line(args.speaker)}”{_within(query)}.")
        elif query:
            _say(f"No quotes{_within(query)}.")
        else:
            _say("No quotes yet: quotations and their speakers are found in the articles you import.")
    elif len(rows) == args.limit:
        _more(len(rows), archive.count_quotes(args.speaker, query), "quote")
    return EXIT_OK


def _reindex(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    progress = ProgressLine(sys.stderr)
    count = archive.reindex(progress=lambda done, total: progress.update(done, total, "", "indexed"))
    progress.finish()
    print(f"Reindexed {plural(count, 'article')}.")
    return EXIT_OK


def _doctor(archive, args: argparse.Namespace, report=None) -> int:  # type: ignore[no-untyped-def]
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


def _analyze(args: argparse.Namespace) -> int:
    from reader.ingest import IngestError, read_articles
    from reader.model import StoredArticle
    from reader.text.analysis import analyze
    from reader.text.pipeline import finish

    try:
        articles = [finish(a) for a in read_articles(Path(args.file))]
    except IngestError as exc:
        raise _Failure(f"{args.file}: {exc}") from exc
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    for n, article in enumerate(articles):
        if args.explain:
            from reader.sanitize import clean_line
            from reader.text.entities import find_entities
            from reader.text.quotes import find_quotes

            lines: list[str] = []
            entities = find_entities(article.blocks, explain=lines)
            find_quotes(article.blocks, entities, explain=lines)  # each speaker's candidates and scores
            sys.stdout.write("".join(clean_line(line) + "\n" for line in lines))
            continue
        found = analyze(article.blocks)
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
