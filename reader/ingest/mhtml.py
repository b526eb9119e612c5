"""MHTML single-file saves (.mhtml/.mht): the page's HTML part through the HTML path."""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from pathlib import Path

from reader.ingest.common import meta_text
from reader.ingest.html import parse_html_text
from reader.model import Article


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest.errors import IngestError

    message = email.message_from_bytes(data, policy=email.policy.default)
    location = meta_text(message.get("Snapshot-Content-Location"))
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        try:
            html = part.get_content()
        except (LookupError, UnicodeError, ValueError) as exc:
            raise IngestError(f"MHTML page part cannot be decoded: {exc}") from exc
        if not isinstance(html, str) or not html.strip():
            continue
        article = parse_html_text(html, path, fmt="mhtml")
        url = article.url or location or meta_text(part.get("Content-Location"))
        return [replace(article, url=url)]
    raise IngestError("no HTML page inside the MHTML file")
