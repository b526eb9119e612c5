"""WACZ web archives (webrecorder, browsertrix, ArchiveBox): a zip of WARCs
with a list of the pages that were saved (pages/pages.jsonl). Each listed
page is an article, its title from the list when the page has none; without a
list, every page with article text is (warc.py)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

from reader.ingest.common import meta_text
from reader.ingest.warc import pages_from_warc
from reader.ingest.zipped import UNREADABLE_MEMBER, open_zip
from reader.model import Article


def _pages(book: zipfile.ZipFile) -> dict[str, str]:
    """Listed page URL -> its title ("" when none)."""
    pages: dict[str, str] = {}
    for name in book.namelist():
        if not (name.startswith("pages/") and name.endswith(".jsonl")):
            continue
        for line in book.read(name).decode("utf-8", "replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("url"), str):
                pages[entry["url"]] = str(entry.get("title") or "")
    return pages


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest.errors import IngestError

    articles: list[Article] = []
    with open_zip(data, "WACZ") as book:
        pages = _pages(book)
        warcs = [n for n in book.namelist() if n.startswith("archive/") and ".warc" in n]
        if not warcs:
            raise IngestError("WACZ without WARC files in archive/")
        for name in warcs:
            try:
                warc = book.read(name)
            except UNREADABLE_MEMBER as exc:
                raise IngestError(f"WACZ member {name} cannot be read: {exc}") from exc
            articles += pages_from_warc(warc, path, wanted=pages or None, fmt="wacz")
    if not articles:
        raise IngestError("the WACZ holds no HTML page with article text")
    titled = []
    for article in articles:
        listed = meta_text(pages.get(article.url or ""))
        titled.append(replace(article, title=article.title or listed or article.title))
    return titled
