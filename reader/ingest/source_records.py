"""One article's own record in a file that holds many (the app's `o`): a JSON
export's entry, a web archive's page response. The import named the record
by the article's `part`: an entry's id (or its place in the list, from 0), a
WARC response's "URI date" (warc.record_part). Shown as a person reads it:
the record's fields, then its page as text; not the whole file (every other
article too) nor the web archive's raw HTML."""

from __future__ import annotations

import io
import json
import textwrap
import zipfile
from collections.abc import Callable
from typing import Any

from reader.ingest.common import squash

WIDTH = 78
_RULE = "─" * WIDTH


def record_text(data: bytes, part: str, as_text: Callable[[str], str]) -> str | None:
    """The record `part` of a file's bytes (gzip already undone) as text, its
    HTML through `as_text`; None when the file is not one of records, or no
    longer holds that one (changed since it was imported)."""
    if not part:
        return None
    if data.startswith(b"WARC/"):
        return _warc_record(data, part, as_text)
    if data.startswith(b"PK\x03\x04"):
        return _wacz_record(data, part, as_text)
    if data.lstrip()[:1] in (b"[", b"{"):
        return _json_record(data, part, as_text)
    return None


# -- JSON exports -----------------------------------------------------------------


def _json_record(data: bytes, part: str, as_text: Callable[[str], str]) -> str | None:
    from reader.ingest.decode import DecodeError, decode
    from reader.ingest.newsreader_json import is_export

    try:
        entries = json.loads(decode(data))
    except (DecodeError, ValueError):
        return None
    if isinstance(entries, dict):
        entries = entries.get("articles") if is_export(entries) else entries.get("entries")
    if not isinstance(entries, list):
        return None
    for n, entry in enumerate(entries):
        # As the importers named it: wallabag and newsreader by id or place,
        # Omnivore's metadata by id or slug.
        if isinstance(entry, dict) and part in (str(entry.get("id", n)), str(entry.get("id") or entry.get("slug"))):
            return _entry_text(entry, n, len(entries), as_text)
    return None


def _entry_text(entry: dict[str, Any], n: int, count: int, as_text: Callable[[str], str]) -> str:
    """An export's entry: each field on its line, then its text (HTML content
    as text, or a newsreader export's blocks as paragraphs)."""
    lines = [f"Entry {n + 1} of the {count} in the export:", ""]
    body = ""
    for key, value in entry.items():
        if not body and isinstance(value, str) and _is_html(value):
            body = as_text(value)
            lines.append(f"{key}: the page below, as text")
        elif not body and key == "blocks" and isinstance(value, list):
            body = "\n\n".join(
                textwrap.fill(str(b["text"]), WIDTH) if b.get("kind") != "code" else str(b["text"])
                for b in value
                if isinstance(b, dict) and isinstance(b.get("text"), str)
            )
            lines.append(f"{key}: the article's {len(value)} blocks below")
        else:
            lines.append(textwrap.fill(f"{key}: {_value(value)}", WIDTH, subsequent_indent="    "))
    return "\n".join(lines) + ("\n" + _RULE + "\n\n" + body.strip("\n") + "\n" if body else "\n")


def _is_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<") and ("</" in text or "<br" in head or "<p" in head)


def _value(value: object) -> str:
    if isinstance(value, str):
        return squash(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(map(str, value))
    if isinstance(value, list) and all(isinstance(v, dict) and ("label" in v or "name" in v) for v in value):
        return ", ".join(str(v.get("label") or v.get("name")) for v in value)  # tags as wallabag writes them
    return json.dumps(value, ensure_ascii=False)


# -- web archives -----------------------------------------------------------------


def _warc_record(data: bytes, part: str, as_text: Callable[[str], str]) -> str | None:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from reader.ingest.warc import record_part

    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            if record.rec_type in ("response", "resource") and record_part(record) == part:
                return _page_record(record, as_text)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError):
        return None  # damaged past what was read: the record is not there to show
    return None


def _wacz_record(data: bytes, part: str, as_text: Callable[[str], str]) -> str | None:
    """A WACZ's record: in one of the WARCs under its archive/ (an EPUB or
    another zip has none: None)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            for name in book.namelist():
                if name.startswith("archive/") and ".warc" in name:
                    found = _warc_record(book.read(name), part, as_text)
                    if found is not None:
                        return found
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    return None


def _page_record(record: Any, as_text: Callable[[str], str]) -> str:
    """A web archive's page: the record's headers that say what it is, the
    HTTP status and type, then the page as text."""
    from reader.ingest.decode import DecodeError, decode

    lines = ["The web archive's record of this page (the archive holds other records too):", ""]
    for name in ("WARC-Type", "WARC-Target-URI", "WARC-Date"):
        value = record.rec_headers.get_header(name)
        if value:
            lines.append(f"{name}: {squash(value)}")
    http = record.http_headers
    if http is not None:
        lines.append(squash(f"{http.protocol} {http.statusline}"))
        for name in ("Content-Type", "Last-Modified"):
            value = http.get_header(name)
            if value:
                lines.append(f"{name}: {squash(value)}")
    body = record.content_stream().read()
    try:
        page = as_text(decode(body, html=True))
    except DecodeError as exc:
        page = f"(the page is not text: {exc})\n"
    return "\n".join(lines) + "\n" + _RULE + "\n\n" + page
