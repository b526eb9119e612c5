"""Running one command: parse, open the archive, dispatch to the command's group, map
failures to exit statuses. Textual loads lazily (only `app` and `demo` need it)."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from pathlib import Path

from reader import paths
from reader.cli import importing, listings, marks, upkeep
from reader.cli.failure import EXIT_BUSY, EXIT_INTERRUPTED, EXIT_PIPE, EXIT_USAGE, Failure
from reader.cli.parser import build_parser
from reader.output import Styler


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
    if not args.verbose:
        # The parsers' libraries log every page they cannot read ("ERROR
        # trafilatura.core: empty HTML tree"), which the import's summary
        # already names with its file and reason; they are shown with -v.
        for handler in logging.getLogger().handlers:
            handler.addFilter(_ours)
    err = Styler(sys.stderr)
    try:
        return _dispatch(args, err)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Failure as exc:
        print(err(f"newsreader: {exc}", "error"), file=sys.stderr)
        return exc.code


def _ours(record: logging.LogRecord) -> bool:
    return record.name == "reader" or record.name.startswith("reader.")


def _data_dir(args: argparse.Namespace) -> Path:
    if args.demo or args.command == "demo":
        from reader.demo import ensure_demo_archive

        return ensure_demo_archive()
    return paths.data_dir(args.data_dir)


def _open_archive(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from reader.archive import Archive
    from reader.archive.store.database import StoreDamaged, StoreError

    try:
        return Archive(_data_dir(args))
    except StoreError as exc:
        if args.command == "doctor" and isinstance(exc, StoreDamaged):
            # The doctor still reports on a store too damaged to open.
            from reader.archive.doctor import examine_unopenable

            raise Failure(str(exc), upkeep.doctor(None, args, examine_unopenable(_data_dir(args), str(exc)))) from exc
        raise Failure(str(exc)) from exc


def _dispatch(args: argparse.Namespace, err: Styler) -> int:
    from reader.archive import ArchiveBusy, CorrectionRefused, DiskFull, IndexDamaged, QueryError
    from reader.archive.store.database import StoreError, StoreReadError

    command = args.command or "app"
    if command == "analyze":
        return importing.analyze_file(args)
    try:
        if command in ("app", "demo"):
            return _app(args)
        with _open_archive(args) as archive:
            handler = {
                "import": importing.import_files,
                "search": listings.search,
                "show": listings.show,
                "stats": upkeep.stats,
                "entities": listings.entities,
                "quotes": listings.quotes,
                "stories": listings.stories,
                "timeline": listings.timeline,
                "searches": marks.searches,
                "export": upkeep.export,
                "correct": marks.correct,
                "highlight": marks.highlight,
                "highlights": marks.highlights,
                "star": marks.set_state,
                "unstar": marks.set_state,
                "read": marks.set_state,
                "unread": marks.set_state,
                "tag": marks.tag,
                "untag": marks.tag,
                "reindex": upkeep.reindex,
                "doctor": upkeep.doctor,
            }[command]
            return handler(archive, args)
    except ArchiveBusy as exc:
        raise Failure(str(exc), EXIT_BUSY) from exc
    except QueryError as exc:
        raise Failure(f"bad query: {exc}", EXIT_USAGE) from exc
    except IndexDamaged as exc:
        raise Failure(str(exc)) from exc
    except CorrectionRefused as exc:
        raise Failure(str(exc)) from exc
    except DiskFull as exc:  # reindex, doctor --repair (import says what it kept itself)
        raise Failure(str(exc)) from exc
    except StoreError as exc:  # an archive path that is not what it must be (folder.py)
        raise Failure(str(exc)) from exc
    except StoreReadError as exc:
        raise Failure(
            f"the store could not be read ({exc}): `newsreader doctor` says what is damaged and what can be saved"
        ) from exc


def _app(args: argparse.Namespace) -> int:
    from reader.archive.store.database import StoreError
    from reader.tui.app import run_app  # Textual is imported only here

    try:
        return run_app(_data_dir(args))
    except StoreError as exc:  # raised before the app takes the terminal
        raise Failure(str(exc)) from exc
