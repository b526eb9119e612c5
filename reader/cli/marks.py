"""Commands that record what the reader adds: star/read state, tags, highlights, entity
corrections, saved searches."""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.failure import EXIT_OK, EXIT_USAGE, Failure
from reader.cli.wording import column, say, within
from reader.output import Styler
from reader.plural import plural
from reader.sanitize import clean_line


def _article_id(archive, text: str) -> str:  # type: ignore[no-untyped-def]
    """The full id an id or id prefix names; a Failure if none or several."""
    found = archive.ids_for_prefix(text)
    if not found:
        raise Failure(f"no article with id '{clean_line(text)}'")
    if len(found) > 1:
        raise Failure(f"'{clean_line(text)}' starts the ids of more than one article: give more of the id")
    return str(found[0])


def set_state(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """star, unstar, read, unread: every id is checked before any is changed."""
    ids = [_article_id(archive, text) for text in args.ids]
    for article_id in dict.fromkeys(ids):
        if args.command in ("star", "unstar"):
            archive.set_starred(article_id, args.command == "star")
        else:
            archive.set_read(article_id, args.command == "read")
    done = {"star": "starred", "unstar": "unstarred", "read": "marked read", "unread": "marked unread"}
    say(f"{done[args.command]} {plural(len(set(ids)), 'article')}")
    return EXIT_OK


def tag(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """tag ID TAG…, untag ID TAG… (or --all); prints the article's tags after."""
    article_id = _article_id(archive, args.id)
    if any("," in t for t in args.tags):
        raise Failure("a tag cannot hold a comma (give each tag as its own argument)", EXIT_USAGE)
    if args.command == "tag":
        tags = archive.add_tags(article_id, args.tags)
    elif args.all:
        tags = archive.set_tags(article_id, [])
    elif args.tags:
        tags = archive.remove_tags(article_id, args.tags)
    else:
        raise Failure("usage: newsreader untag ID TAG… (or --all)", EXIT_USAGE)
    print(f"{article_id}: {', '.join(clean_line(t) for t in tags) or 'no tags'}")
    return EXIT_OK


def highlight(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    stored = archive.get(args.id)
    if stored is None:
        raise Failure(f"no article with id '{args.id}'")
    made = archive.add_highlight(stored.id, args.passage, args.note)
    print(f"highlighted in {made.article_id}, paragraph {made.block + 1}", file=sys.stderr)
    return EXIT_OK


def highlights(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    out = Styler(sys.stdout)
    query = " ".join(args.query)
    found = archive.highlights(query)
    if not found and not args.json:
        if query:
            say(f"No highlights{within(query)}.")
        else:
            say("No highlights yet: newsreader highlight ID 'words' marks a passage (h in the app's reader).")
    for h, title in found:
        if args.json:
            row = {"id": h.id, "article": h.article_id, "title": clean_line(title), "text": clean_line(h.text)}
            print(json.dumps({**row, "note": clean_line(h.note), "block": h.block}, ensure_ascii=False))
            continue
        print(f"{out(h.article_id, 'id')}  {out(clean_line(title), 'dim')}")
        print(f"    “{clean_line(h.text)}”" + (f"  {out('✎ ' + clean_line(h.note), 'title')}" if h.note else ""))
    return EXIT_OK


def correct(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from reader.sanitize import clean_line
    from reader.text.corrections import TYPES, Correction

    if args.undo:
        undone = archive.undo_correction()
        if undone is None:
            raise Failure("no corrections to undo")
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
        raise Failure(f"usage: newsreader correct {args.action} {usage}", EXIT_USAGE)
    if args.action == "not-entity":
        correction = Correction("reject", args.names[0])
    elif args.action == "type":
        if args.names[1].lower() not in TYPES:
            raise Failure(f"unknown type '{args.names[1]}' ({', '.join(TYPES)})", EXIT_USAGE)
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


def searches(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    if args.delete:
        if not archive.delete_search(args.delete):
            raise Failure(f"no saved search named '{args.delete}'")
        print(f"deleted '{args.delete}'", file=sys.stderr)
        return EXIT_OK
    out = Styler(sys.stdout)
    saved = archive.saved_searches()
    if not saved and not args.json:
        say("No saved searches yet: newsreader search QUERY --save NAME keeps one (ctrl+s in the app).")
    for s in saved:
        if args.json:
            row = {"name": s.name, "query": s.query, "filters": s.filters.describe(), "matches": s.matches}
            print(json.dumps({**row, "unread": s.unread}, ensure_ascii=False))
            continue
        filters = f" {out('[' + s.filters.describe() + ']', 'dim')}" if s.filters.active else ""
        counts = f"{s.unread:>5} {out('unread', 'dim')} {column(s.matches, 'article', out)}"
        print(f"{counts}  {out(clean_line(s.name), 'bold')}  {clean_line(s.query)}{filters}")
    return EXIT_OK
