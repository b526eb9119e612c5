"""Omnivore's export: a zip (or the folder it unpacks to) of metadata_*.json
lists, each entry's readable text in content/<slug>.html and its highlights
in highlights/<slug>.md. One article per entry with its title, URL, author,
dates, labels (tags), archived state (read) and highlights with their notes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from reader.ingest import readlater
from reader.ingest.common import meta_text, parse_date
from reader.ingest.decode import DecodeError, decode
from reader.ingest.zipped import UNREADABLE_MEMBER, open_zip
from reader.model import Article

METADATA = re.compile(r"(?:^|/)metadata_\d+_to_\d+\.json$")
# The folders an unpacked export keeps its entries' text and highlights in.
FOLDERS = ("content", "highlights")


def is_metadata(entries: object) -> bool:
    """A list of Omnivore entries: each has a slug, and they carry Omnivore's own fields."""
    return (
        isinstance(entries, list)
        and bool(entries)
        and all(isinstance(e, dict) and isinstance(e.get("slug"), str) for e in entries)
        and any(("savedAt" in e or "readingProgress" in e or "labels" in e) for e in entries)
    )


def is_export_dir(directory: Path) -> bool:
    return (directory / "content").is_dir() and any(METADATA.search(p.name) for p in directory.glob("metadata_*.json"))


def _highlights(markdown: str) -> list[dict[str, str]]:
    _, found = readlater.split_highlights("## Highlights\n\n" + markdown)
    return found


def parse_entries(entries: list[dict[str, object]], read: Callable[[str], bytes | None], path: Path) -> list[Article]:
    """One article per entry whose text `read("content/<slug>.html")` returns."""
    from reader.ingest.errors import IngestError
    from reader.ingest.webpage import parse_page

    articles = []
    for entry in entries:
        slug = str(entry["slug"])
        content = read(f"content/{slug}.html")
        if not content:
            continue
        try:
            article = parse_page(decode(content, html=True), path, fmt="omnivore")
        except (IngestError, DecodeError):
            continue  # one empty entry does not fail the export
        notes = read(f"highlights/{slug}.md")
        highlights = _highlights(notes.decode("utf-8", "replace")) if notes else []
        state = str(entry.get("state") or "")
        articles.append(
            replace(
                article,
                title=meta_text(entry.get("title")) or article.title,
                url=meta_text(entry.get("url")) or article.url,
                byline=meta_text(entry.get("author")) or article.byline,
                published=parse_date(entry.get("publishedAt")) or article.published or parse_date(entry.get("savedAt")),
                part=str(entry.get("id") or slug),
                state=readlater.state(
                    tags=entry.get("labels"),
                    read=state.lower() == "archived",
                    highlights=highlights,
                ),
            )
        )
    if not articles:
        raise IngestError("the Omnivore export holds no entries with content")
    return articles


def entries_in(data: bytes) -> list[dict[str, object]]:
    from reader.ingest.errors import IngestError

    try:
        entries = json.loads(decode(data))
    except (DecodeError, ValueError) as exc:
        raise IngestError(f"Omnivore metadata is not valid JSON: {exc}") from exc
    if not is_metadata(entries):
        raise IngestError("not Omnivore metadata (a list of entries with slugs)")
    return entries  # type: ignore[no-any-return]


def parse_folder_metadata(entries: list[dict[str, object]], path: Path) -> list[Article]:
    """metadata_*.json in an unpacked export: the entries' files are beside it."""
    root = path.parent

    def read(name: str) -> bytes | None:
        try:
            return (root / name).read_bytes()
        except OSError:
            return None

    return parse_entries(entries, read, path)


def parse(data: bytes, path: Path) -> list[Article]:
    """The export's zip as Omnivore wrote it."""
    from reader.ingest.errors import IngestError

    with open_zip(data, "Omnivore export") as book:
        names = set(book.namelist())
        prefix = next((n[: -len(n.split("/")[-1])] for n in names if METADATA.search(n)), "")

        def read(name: str) -> bytes | None:
            try:
                return book.read(prefix + name) if prefix + name in names else None
            except UNREADABLE_MEMBER:
                return None

        articles: list[Article] = []
        for name in sorted(n for n in names if METADATA.search(n)):
            try:
                articles += parse_entries(entries_in(book.read(name)), read, path)
            except IngestError:
                continue
    if not articles:
        raise IngestError("the Omnivore export holds no entries with content")
    return articles
