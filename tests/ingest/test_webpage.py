"""Saved pages as savers write them: SingleFile's header and its inlined resources."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path

from reader.ingest import read_articles
from reader.ingest.webpage import parse_js_date, singlefile_header, strip_data_uris

TEXT = (
    "<p>The harbour installed two new cranes this spring, and dock workers said unloading now takes half "
    "the time it used to.</p><p>The port authority expects more ships next year, and a third crane is "
    "planned for the northern quay.</p>"
)


def singlefile_page(image_bytes: int = 2000, images: int = 3) -> str:
    """A page as SingleFile saves one: header comment, resources inlined as data: URIs."""
    blob = base64.b64encode(bytes(range(256)) * (image_bytes // 256 + 1)).decode()[:image_bytes]
    imgs = "".join(f'<img src="data:image/png;base64,{blob}" alt="crane {n}">' for n in range(images))
    return (
        "<!DOCTYPE html> <html lang=en><!--\n Page saved with SingleFile \n url: https://port.example/cranes \n"
        " saved date: Sat Nov 27 2021 12:34:56 GMT+0100 (Central European Standard Time)\n-->"
        f"<head><title>Two new cranes</title><style>@font-face{{src:url(data:font/woff2;base64,{blob})}}</style></head>"
        f"<body><article><h1>Two new cranes</h1>{imgs}{TEXT}</article></body></html>"
    )


def test_the_singlefile_header_gives_the_url_and_saved_date(tmp_path: Path) -> None:
    page = singlefile_page()
    assert singlefile_header(page) == {
        "url": "https://port.example/cranes",
        "saved date": "Sat Nov 27 2021 12:34:56 GMT+0100 (Central European Standard Time)",
    }
    path = tmp_path / "Two new cranes (27_11_2021 12_34_56).html"
    path.write_text(page)
    [article] = read_articles(path)
    assert article.url == "https://port.example/cranes"
    assert article.published is not None
    assert article.published.astimezone(UTC) == datetime(2021, 11, 27, 11, 34, 56, tzinfo=UTC)
    assert "dock workers" in article.body


def test_large_data_uris_are_cut_and_small_ones_kept() -> None:
    page = singlefile_page(image_bytes=5000)
    stripped = strip_data_uris(page)
    assert len(stripped) < 1500 and stripped.count("data:,") == 4
    small = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
    assert strip_data_uris(small) == small


def test_a_15_mb_singlefile_page_reads_like_a_small_one(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(singlefile_page(image_bytes=1_000_000, images=15))
    assert path.stat().st_size > 15_000_000
    [article] = read_articles(path)
    assert article.title == "Two new cranes" and "third crane" in article.body


def test_javascript_dates_in_other_zones() -> None:
    when = parse_js_date("Mon Jan 02 2023 08:00:00 GMT-0500 (Eastern Standard Time)")
    assert when is not None and when.astimezone(UTC).hour == 13
    assert parse_js_date("not a date") is None
