"""ArchiveBox snapshots (`archive/<timestamp>/`): one article per snapshot.

A snapshot folder holds `index.json` (url, title, timestamp, tags) and what
each extractor made of the page. The article comes from the best output there
is (readability's extracted article first, then SingleFile's whole page, the
DOM dump, mercury's article, then the plain-text ones); the others are the same
page again and are not imported separately. Discovery treats the folder as one
file, its `index.json`.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reader.ingest.common import meta_text, parse_date
from reader.ingest.decode import DecodeError, decode
from reader.model import Article

# Extractor outputs in the order we prefer them: an extracted article beats a
# whole page (its chrome already gone), a page beats bare text (headings kept).
OUTPUTS = (
    ("readability/content.html", "html"),
    ("singlefile.html", "html"),
    ("output.html", "html"),
    ("mercury/content.html", "html"),
    ("readability/content.txt", "txt"),
    ("mercury/content.txt", "txt"),
    ("htmltotext.txt", "txt"),
)
# Any of these beside an index.json makes the folder a snapshot.
MARKERS = frozenset(
    {
        "singlefile.html",
        "readability",
        "mercury",
        "output.html",
        "htmltotext.txt",
        "warc",
        "screenshot.png",
        "output.pdf",
    }
)


def is_snapshot_dir(directory: Path) -> bool:
    """A folder ArchiveBox wrote for one saved URL."""
    if not (directory / "index.json").is_file():
        return False
    return any((directory / name).exists() for name in MARKERS)


def is_data_dir(directory: Path) -> bool:
    """An ArchiveBox collection: its own index and config beside archive/."""
    return (directory / "archive").is_dir() and any(
        (directory / name).is_file() for name in ("ArchiveBox.conf", "index.sqlite3")
    )


def is_snapshot_index(path: Path) -> bool:
    return path.name == "index.json" and is_snapshot_dir(path.parent)


def _tags(value: object) -> list[str]:
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    if isinstance(value, list):
        return [str(t).strip() for t in value if str(t).strip()]
    return []


def _saved_at(index: dict[str, object]) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(str(index.get("timestamp"))), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return parse_date(index.get("bookmarked_date"))


def _read_output(folder: Path) -> Article | None:
    from reader.ingest.errors import IngestError

    for name, kind in OUTPUTS:
        file = folder / name
        if not file.is_file():
            continue
        try:
            data = file.read_bytes()
            if not data.strip():
                continue
            if kind == "html":
                from reader.ingest.webpage import parse_page

                return parse_page(decode(data, html=True), file, fmt="archivebox")
            from reader.ingest import plaintext

            return replace(plaintext.parse(data, file)[0], format="archivebox")
        except (OSError, DecodeError, IngestError):
            continue  # the next output may be whole
    return None


def _readability_meta(folder: Path) -> dict[str, object]:
    try:
        meta = json.loads((folder / "readability" / "article.json").read_bytes())
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest.errors import IngestError

    try:
        index = json.loads(decode(data))
    except (DecodeError, ValueError) as exc:
        raise IngestError(f"ArchiveBox index.json is not valid JSON: {exc}") from exc
    if not isinstance(index, dict) or not index.get("url"):
        raise IngestError("ArchiveBox index.json without a url")
    article = _read_output(path.parent)
    if article is None:
        raise IngestError("ArchiveBox snapshot has no output with text (readability, singlefile, output.html)")
    extra = _readability_meta(path.parent)
    tags = _tags(index.get("tags") or index.get("tags_str"))
    return [
        replace(
            article,
            title=meta_text(index.get("title")) or meta_text(extra.get("title")) or article.title,
            url=meta_text(index.get("url")),
            byline=article.byline or meta_text(extra.get("byline")),
            site=article.site or meta_text(extra.get("siteName")),
            published=article.published or parse_date(extra.get("publishedTime")) or _saved_at(index),
            language=article.language or meta_text(extra.get("lang")),
            state=(("source_tags", tags),) if tags else (),
        )
    ]
