"""WARC, WARC.gz, WACZ and Safari .webarchive files written by the tests."""

from __future__ import annotations

import contextlib
import io
import json
import plistlib
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader.ingest import IngestError, read_articles
from tests.conftest import run_import


def page(title: str, words: str) -> bytes:
    paras = "".join(
        f"<p>{words} Paragraph {n} goes on about the quay and the boats moored there.</p>" for n in range(4)
    )
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}</article></body></html>".encode()


CRANES = page("Two new cranes for the harbour", "Dock workers said unloading now takes half the time.")
FERRY = page("Ferry adds a late crossing", "The ferry company added a Friday crossing after full boats.")
AD = b"<html><body><div>Sign in</div></body></html>"


def make_warc(records: list[tuple[str, str, bytes, str]], gzip: bool = True) -> bytes:
    """(uri, status, body, content type) responses, dated by WARC-Date."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for n, (uri, status, body, ctype) in enumerate(records):
        headers = StatusAndHeaders(
            status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": f"2024-03-0{n + 1}T10:00:00Z"},
        )
        writer.write_record(record)
    return buf.getvalue()


CRAWL = [
    ("https://port.example/cranes", "200 OK", CRANES, "text/html; charset=utf-8"),
    ("https://ads.example/frame", "200 OK", AD, "text/html"),
    ("https://port.example/logo.png", "200 OK", b"\x89PNG", "image/png"),
    ("https://port.example/old", "301 Moved Permanently", b"", "text/html"),
    ("https://ferry.example/late", "200 OK", FERRY, "text/html"),
]


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_each_html_page_of_a_warc_is_an_article_with_its_uri_and_date(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    path.write_bytes(make_warc(CRAWL, gzip=gzip))
    articles = read_articles(path)
    assert [(a.title, a.url) for a in articles] == [
        ("Two new cranes for the harbour", "https://port.example/cranes"),
        ("Ferry adds a late crossing", "https://ferry.example/late"),
    ]
    assert articles[0].published is not None and articles[0].published.isoformat() == "2024-03-01T10:00:00+00:00"
    assert articles[0].format == "warc" and "half the time" in articles[0].body


def test_a_warc_without_pages_fails_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "assets.warc.gz"
    path.write_bytes(make_warc([CRAWL[2]]))
    with pytest.raises(IngestError, match="no HTML page"):
        read_articles(path)


def test_a_truncated_warc_keeps_the_pages_before_the_cut(tmp_path: Path) -> None:
    data = make_warc(CRAWL, gzip=True)
    cut = data.index(b"\x1f\x8b", len(make_warc(CRAWL[:4])) - 10)  # inside the last record
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: cut + 40])
    assert [a.title for a in read_articles(path)] == ["Two new cranes for the harbour"]


def make_wacz(pages: list[dict[str, str]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("archive/data.warc.gz", make_warc(CRAWL))
        lines = [json.dumps({"format": "json-pages-1.0", "id": "pages"}), *(json.dumps(p) for p in pages)]
        zf.writestr("pages/pages.jsonl", "\n".join(lines))
        zf.writestr("datapackage.json", json.dumps({"profile": "data-package", "resources": []}))
    return buf.getvalue()


def test_a_wacz_imports_the_pages_it_lists(tmp_path: Path) -> None:
    path = tmp_path / "session.wacz"
    path.write_bytes(make_wacz([{"url": "https://ferry.example/late", "title": "Late ferry", "ts": "2024-03-05"}]))
    [article] = read_articles(path)
    assert article.url == "https://ferry.example/late" and article.format == "wacz"


def test_a_wacz_saved_without_its_extension_is_recognised(archive, tmp_path: Path) -> None:
    (tmp_path / "download").write_bytes(make_wacz([]))
    report = run_import(archive, tmp_path)
    assert (report.added, report.skipped, report.failed) == (2, 0, 0)


def test_a_safari_webarchive_gives_the_main_page_and_its_url(tmp_path: Path) -> None:
    archive = {
        "WebMainResource": {
            "WebResourceData": CRANES,
            "WebResourceURL": "https://port.example/cranes",
            "WebResourceMIMEType": "text/html",
            "WebResourceTextEncodingName": "UTF-8",
            "WebResourceFrameName": "",
        },
        "WebSubresources": [{"WebResourceData": b"\x89PNG", "WebResourceURL": "https://port.example/logo.png"}],
    }
    path = tmp_path / "Cranes.webarchive"
    path.write_bytes(plistlib.dumps(archive, fmt=plistlib.FMT_BINARY))
    [article] = read_articles(path)
    assert article.title == "Two new cranes for the harbour" and article.url == "https://port.example/cranes"
    assert article.format == "webarchive" and article.site == "port.example"


def test_a_webarchive_that_is_not_one_fails_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "x.webarchive"
    path.write_bytes(plistlib.dumps({"Other": 1}, fmt=plistlib.FMT_BINARY))
    with pytest.raises(IngestError, match="without a main resource"):
        read_articles(path)


@settings(max_examples=30, deadline=None)
@given(
    st.binary(min_size=1, max_size=200),
    st.integers(min_value=0, max_value=4000),
    st.sampled_from(["a.warc.gz", "a.webarchive", "a.wacz"]),
)
def test_any_damage_to_a_web_archive_is_a_reason_never_a_crash(noise: bytes, at: int, name: str) -> None:
    import tempfile

    good = {
        "a.warc.gz": make_warc(CRAWL),
        "a.webarchive": plistlib.dumps(
            {"WebMainResource": {"WebResourceData": CRANES, "WebResourceURL": "u"}}, fmt=plistlib.FMT_BINARY
        ),
        "a.wacz": make_wacz([]),
    }[name]
    data = good[:at] + noise + good[at + len(noise) :]
    with tempfile.TemporaryDirectory() as tmp, contextlib.suppress(IngestError):
        path = Path(tmp) / name
        path.write_bytes(data)
        read_articles(path)
