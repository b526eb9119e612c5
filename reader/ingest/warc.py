"""Web archives (.warc, .warc.gz): each HTML page response an article, with
the URI it was fetched from and when.

warcio (pure Python, from the Webrecorder project) reads both plain and
gzipped WARCs record by record and undoes chunked and gzip transfer encodings;
fastwarc is faster but a compiled extension, and speed is not what limits a
folder of saved pages. A crawl of one page also holds its frames, ads and
redirects: those are left out (not a 2xx HTML response, or too little text to
be an article) unless the archive lists its pages (WACZ), which then decide.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from reader.ingest.common import meta_text, parse_date
from reader.ingest.decode import DecodeError, decode
from reader.model import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")
# A response with less article text than this is a frame, a widget or an error
# page, not a saved article (a short news item is several times longer).
MIN_ARTICLE_CHARS = 200


def _html_of(record: object) -> tuple[str, str, str] | None:
    """(target URI, WARC date, HTML) of a successful HTML response, else None."""
    rec_type = record.rec_type  # type: ignore[attr-defined]
    if rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers  # type: ignore[attr-defined]
    if rec_type == "response":
        if headers is None or not (headers.get_statuscode() or "").startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    if not content_type.lower().startswith(HTML_TYPES):
        return None
    body = record.content_stream().read()  # type: ignore[attr-defined]
    try:
        html = decode(body, html=True)
    except DecodeError:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
    date = record.rec_headers.get_header("WARC-Date") or ""  # type: ignore[attr-defined]
    return uri, date, html


def record_part(record: object) -> str:
    """How an article names its record in the WARC (Article.part): its target URI and date."""
    headers = record.rec_headers  # type: ignore[attr-defined]
    return f"{headers.get_header('WARC-Target-URI') or ''} {headers.get_header('WARC-Date') or ''}"


def pages_from_warc(data: bytes, path: Path, wanted: Iterable[str] | None = None, fmt: str = "warc") -> list[Article]:
    """The articles of one WARC. `wanted`: the page URLs to take (all pages when None)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from reader.ingest.errors import IngestError
    from reader.ingest.webpage import parse_page

    wanted_set = set(wanted) if wanted is not None else None
    articles: list[Article] = []
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            found = _html_of(record)
            if found is None:
                continue
            uri, date, html = found
            part = record_part(record)
            if wanted_set is not None and uri not in wanted_set:
                continue
            try:
                article = parse_page(html, path, fmt=fmt)
            except IngestError:
                continue  # an empty frame or an error page
            if wanted_set is None and sum(len(b.text) for b in article.blocks) < MIN_ARTICLE_CHARS:
                continue
            articles.append(
                replace(
                    article,
                    url=meta_text(uri) or article.url,
                    published=article.published or parse_date(date),
                    part=part,
                )
            )
    except ArchiveLoadFailed as exc:
        if not articles:
            raise IngestError(f"not a readable WARC: {exc}") from exc
    except (OSError, EOFError, ValueError) as exc:  # a truncated gzip member or record
        if not articles:
            raise IngestError(f"WARC is damaged or truncated: {exc}") from exc
    return articles


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest.errors import IngestError

    articles = pages_from_warc(data, path)
    if not articles:
        raise IngestError("the WARC holds no HTML page with article text")
    return articles
