"""Format detection: by extension, else by the first bytes, else a reason."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from reader.ingest.detect import detect, suffix_of


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_known_extension_is_trusted(tmp_path: Path) -> None:
    found = detect(write(tmp_path / "Story.HTM", b"anything"))
    assert found.format == "html" and "extension" in found.reason


def test_an_unknown_extension_is_named_in_the_reason(tmp_path: Path) -> None:
    found = detect(write(tmp_path / "budget.xlsx", b"PK\x03\x04not really a zip"))
    assert found.format is None and found.reason == "unsupported format: .xlsx"


def test_without_an_extension_the_content_decides(tmp_path: Path) -> None:
    export = json.dumps([{"title": "T", "content": "<p>x</p>"}]).encode()
    assert detect(write(tmp_path / "export", export)).format == "json"
    assert detect(write(tmp_path / "page", b"<!DOCTYPE html><html><body>x</body></html>")).format == "html"
    assert detect(write(tmp_path / "saved", b"\xef\xbb\xbf<!-- saved --> <html>")).format == "html"
    assert detect(write(tmp_path / "clip", b"---\ntitle: A clip\n---\n\nText.\n")).format == "md"
    found = detect(write(tmp_path / "notes", b"just some words"))
    assert found.format is None and "no extension" in found.reason


def test_truncated_json_without_an_extension_is_not_taken_for_an_export(tmp_path: Path) -> None:
    assert detect(write(tmp_path / "export", b'[{"title": "T", "con')).format is None


def test_a_zip_is_told_apart_by_what_it_holds(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("data.csv", "a,b\n")
    found = detect(write(tmp_path / "download", buf.getvalue()))
    assert found.format is None


def test_warc_gz_counts_as_warc() -> None:
    assert suffix_of(Path("crawl.warc.gz")) == ".warc"
    assert suffix_of(Path("photo.JPG")) == ".jpg"


def test_gzip_that_is_not_a_warc_is_not_one(tmp_path: Path) -> None:
    assert detect(write(tmp_path / "logs", gzip.compress(b"plain log lines\n"))).format is None


@given(st.binary(max_size=300))
@example(b"<!DOCTYPE NETSCAPE-Bookmark-file-1>")  # hypothesis found it in link_lists' marks
@example(b"[InternetShortcut]\r\nURL=x")
def test_any_bytes_get_a_format_or_a_reason(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        found = detect(write(Path(tmp) / "blob", data))
    # A format, or why not: not one we read, or a file of links (a bookmark, a list export).
    links = found.reason.startswith("a bookmark") or "links without the articles' text" in found.reason
    assert found.format is not None or found.reason.startswith("unsupported format") or links


def test_a_fifo_without_an_extension_is_not_opened_to_sniff(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    found = detect(fifo)  # opening it would wait for a writer forever
    assert found.format is None
