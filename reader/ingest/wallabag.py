"""JSON exports (.json): wallabag's (one file, many articles, each with HTML
content) and newsreader's own (newsreader_json.py).

Each entry becomes an article through the HTML path; the entry's own metadata
(title, url, authors, dates, domain, language) wins over what the HTML says,
since wallabag read it from the live page. Its tags, archived (read) and
starred marks and annotations (highlights with notes) come along.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from reader.ingest import readlater
from reader.ingest.common import meta_text, parse_date
from reader.ingest.decode import file_text
from reader.ingest.html import parse_html_text
from reader.model import Article


def _annotations(value: object) -> list[dict[str, str]]:
    """wallabag's annotations: the highlighted passage is the 'quote', the reader's note the 'text'."""
    if not isinstance(value, list):
        return []
    return [
        {"text": str(a["quote"]), "note": str(a.get("text") or "")}
        for a in value
        if isinstance(a, dict) and isinstance(a.get("quote"), str) and a["quote"].strip()
    ]


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest.errors import IngestError

    try:
        entries = json.loads(file_text(data))
    except json.JSONDecodeError as exc:
        raise IngestError(f"JSON export is truncated or invalid (line {exc.lineno}, column {exc.colno})") from exc
    from reader.ingest.newsreader_json import is_export, parse_export

    if is_export(entries):
        return parse_export(entries, path)  # type: ignore[arg-type]
    from reader.ingest import omnivore

    if omnivore.is_metadata(entries):
        return omnivore.parse_folder_metadata(entries, path)
    if isinstance(entries, dict) and isinstance(entries.get("entries"), list):
        entries = entries["entries"]
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise IngestError("not a wallabag export (expected a list of entries)")
    articles = []
    for n, entry in enumerate(entries):
        content = entry.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        html = f"<html><head><title></title></head><body><article>{content}</article></body></html>"
        try:
            article = parse_html_text(html, None, fmt="wallabag")
        except IngestError:
            continue  # one empty entry does not fail the export
        authors = entry.get("published_by")
        articles.append(
            replace(
                article,
                title=meta_text(entry.get("title")) or article.title,
                url=meta_text(entry.get("url")) or article.url,
                byline=meta_text(authors) or article.byline,
                site=meta_text(entry.get("domain_name")) or article.site,
                published=parse_date(entry.get("published_at")) or parse_date(entry.get("created_at")),
                language=meta_text(entry.get("language")) or article.language,
                part=str(entry.get("id", n)),
                state=readlater.state(
                    tags=entry.get("tags"),
                    read=entry.get("is_archived"),
                    starred=entry.get("is_starred"),
                    highlights=_annotations(entry.get("annotations")),
                ),
            )
        )
    if not articles:
        raise IngestError("the export holds no entries with content")
    return articles
