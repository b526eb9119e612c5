"""Commands that list what the archive holds: search, show, stories, timeline, entities, quotes."""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from reader.cli.failure import EXIT_OK, EXIT_USAGE, Failure
from reader.cli.wording import column, more, say, within
from reader.output import Styler, article_json, article_text, date_text, hit_json, hit_lines
from reader.plural import plural
from reader.sanitize import clean_line


def search(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    text = " ".join(args.query)
    if args.limit < 1:
        raise Failure("--limit must be at least 1", EXIT_USAGE)
    filters = None
    if args.saved:
        saved = archive.saved_search(args.saved)
        if saved is None:
            raise Failure(f"no saved search named '{args.saved}' (newsreader searches lists them)", EXIT_USAGE)
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
        if result.left_out:
            print(json.dumps({"left_out": list(result.left_out), "hint": result.nothing_to_search()}))
        return EXIT_OK
    out, err = Styler(sys.stdout), Styler(sys.stderr)
    for hit in result.hits:
        print(hit_lines(hit, out))
    shown = len(result.hits)
    more = f" ({shown} shown; --limit {result.total} shows all)" if result.total > shown else ""
    say(err(f"{plural(result.total, 'article')} · {result.elapsed_ms:.0f} ms{more}", "dim"))
    hint = result.nothing_to_search()
    if hint:
        say(f"No results: {clean_line(hint)}.")
    elif not result.hits and result.suggestion:
        say(f"No results. Did you mean: {clean_line(result.suggestion)}")
    elif not result.hits and archive.article_count() == 0:
        say("The archive is empty: newsreader import PATH adds articles (newsreader --demo … tries the demo).")
    return EXIT_OK


def show(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    stored = archive.get(args.id)
    if stored is None:
        raise Failure(f"no article with id '{args.id}'")
    boilerplate = archive.boilerplate(stored.id)
    if args.json:
        print(json.dumps(article_json(stored, boilerplate), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(article_text(stored, Styler(sys.stdout), boilerplate=boilerplate))
    return EXIT_OK


def stories(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """Each story with its versions: id, date, site and title, oldest first."""
    out = Styler(sys.stdout)
    query = " ".join(args.query)
    found = archive.stories(query, args.limit)
    if not found and not args.json:
        say(
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
        more(len(found), archive.count_stories(query), "story")
    return EXIT_OK


def timeline(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from reader.archive.timeline import bar

    query = " ".join(args.query)
    timeline = archive.timeline(query, args.by)
    found, undated = timeline.periods, timeline.undated
    if args.json:
        for p in found:
            row = {"period": p.label, "start": p.start.isoformat(), "count": p.count, "query": p.date_query}
            print(json.dumps(row))
        print(json.dumps({"undated": undated, "earlier": timeline.earlier}))
        return EXIT_OK
    out = Styler(sys.stdout)
    largest = max((p.count for p in found), default=0)
    width = max(10, shutil.get_terminal_size((80, 24)).columns - 22)
    for p in found:
        print(f"{p.label:>10}  {p.count:>5}  {out(bar(p.count, largest, width), 'title')}")
    if not found and not undated:
        say(
            f"No articles match “{clean_line(query)}”."
            if query
            else "No dated articles yet: newsreader import PATH adds articles."
        )
        return EXIT_OK
    if not found:
        say(f"No dated articles{within(query)}; {undated} have no date.")
        return EXIT_OK
    err = Styler(sys.stderr)
    say(err(f"{timeline.summary()} · by {timeline.grain}", "dim"))
    return EXIT_OK


def entities(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
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
        counts = f"{column(articles, 'article', out)} {column(mentions, 'mention', out)}"
        print(f"{counts}  {etype:<6}  {out(clean_line(name), 'bold')}")
    nouns = {"person": "people", "place": "places", "org": "organisations", "group": "groups"}
    what = nouns.get(args.type or "", "entities")
    if not rows:
        if query or args.type:
            say(f"No {what}{within(query) or ' in the archive'}.")
        else:
            say(
                "No entities yet: people, places and organisations are found in the articles "
                "you import (newsreader import PATH)."
            )
    elif len(rows) == args.top:
        more(len(rows), archive.count_entities(kind, query), "entity")
    return EXIT_OK


def quotes(archive, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
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
            say(f"No quotes by “{clean_line(args.speaker)}”{within(query)}.")
        elif query:
            say(f"No quotes{within(query)}.")
        else:
            say("No quotes yet: quotations and their speakers are found in the articles you import.")
    elif len(rows) == args.limit:
        more(len(rows), archive.count_quotes(args.speaker, query), "quote")
    return EXIT_OK
