"""Saved web pages (.html) as browsers and savers write them: the page through
the HTML path (html.py), after what the saver added is read and set aside.

SingleFile puts the whole page in one file, its images, fonts and styles as
`data:` URIs (a 15 MB page is mostly base64), and names the saved-from URL and
date in a comment at the top. The URIs carry no text, so they are cut to
`data:,` before any parser sees the page: lxml and trafilatura then walk KBs,
not MBs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from reader.ingest.common import meta_text, parse_date
from reader.ingest.decode import file_text
from reader.ingest.html import parse_html_text
from reader.model import Article

# A data: URI longer than this is an inlined resource, not text anyone reads;
# short ones (a 1x1 spacer) cost nothing and are left alone.
DATA_URI_MIN = 256
_DATA_URI = re.compile(r"data:[\w.+-]+/[\w.+-]+[^\"'\s)>]{" + str(DATA_URI_MIN) + ",}")
_SINGLEFILE = re.compile(r"<!--\s*Page saved with SingleFile\s*(.*?)-->", re.S)
_FIELD = re.compile(r"^\s*(url|saved date):\s*(.+?)\s*$", re.M)


def strip_data_uris(html: str) -> str:
    """The page with its inlined resources cut to empty `data:,` URIs."""
    if "data:" not in html:
        return html
    return _DATA_URI.sub("data:,", html)


def singlefile_header(html: str) -> dict[str, str]:
    """The `url` and `saved date` SingleFile wrote at the top of the page, if it did."""
    m = _SINGLEFILE.search(html[:4096])
    if not m:
        return {}
    return {key: value for key, value in _FIELD.findall(m.group(1))}


def parse_js_date(text: str) -> datetime | None:
    """A date as JavaScript's Date.toString() writes it (SingleFile's saved date):
    'Sat Nov 27 2021 12:34:56 GMT+0100 (Central European Standard Time)'."""
    bare = re.sub(r"\s*\(.*\)\s*$", "", text).strip()
    try:
        return datetime.strptime(bare, "%a %b %d %Y %H:%M:%S GMT%z")
    except ValueError:
        return parse_date(bare)


def parse_page(html: str, path: Path | None, fmt: str = "html") -> Article:
    """One saved page's article, with what its saver recorded as fallbacks."""
    header = singlefile_header(html)
    article = parse_html_text(strip_data_uris(html), path, fmt=fmt)
    if not header:
        return article
    saved = parse_js_date(header["saved date"]) if "saved date" in header else None
    return replace(
        article,
        url=article.url or meta_text(header.get("url")),
        published=article.published or saved,
    )


def parse(data: bytes, path: Path) -> list[Article]:
    return [parse_page(file_text(data, html=True), path)]
