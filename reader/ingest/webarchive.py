"""Safari web archives (.webarchive): a binary property list whose main
resource holds the page's HTML, its URL and its text encoding."""

from __future__ import annotations

import plistlib
from dataclasses import replace
from pathlib import Path

from reader.ingest.common import meta_text
from reader.ingest.decode import decode, file_text
from reader.model import Article


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest.errors import IngestError
    from reader.ingest.webpage import parse_page

    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, OverflowError) as exc:
        raise IngestError(f"not a readable Safari web archive: {exc}") from exc
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise IngestError("Safari web archive without a main resource")
    body: bytes = main["WebResourceData"]
    encoding = main.get("WebResourceTextEncodingName")
    try:
        html = body.decode(encoding) if isinstance(encoding, str) else decode(body, html=True)
    except (LookupError, UnicodeDecodeError):
        html = file_text(body, html=True)
    article = parse_page(html, path, fmt="webarchive")
    return [replace(article, url=article.url or meta_text(main.get("WebResourceURL")))]
