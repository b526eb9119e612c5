"""The command line's grammar: every command, its arguments and their help, in one place."""

from __future__ import annotations

import argparse

from reader import __version__, paths
from reader.archive.timeline import FEW_PERIODS, GRAINS


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
    p.add_argument(
        "--by",
        choices=GRAINS,
        help=f"the period of a bar (default: the finest that shows the span in at most {FEW_PERIODS} bars)",
    )
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
