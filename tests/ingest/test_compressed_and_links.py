"""What people bring besides pages: pages gzip-compressed (`page.html.gz`, a
crawler's or a server's saves) are read as the file inside; a read-later
tool's list export and a bookmark hold links, not text, and are skipped with
a reason that says so. The files are our own, in each tool's format."""

from __future__ import annotations

import gzip
import plistlib
from pathlib import Path

import pytest

import reader.ingest.formats as formats
from reader.ingest import IngestError, NotAnArticle, read_articles
from reader.ingest.detect import detect
from reader.ingest.page_view import page_text

_PAGE = (
    "<html><head><title>Ferry slip to close - Island Gazette</title></head><body><article>"
    "<h1>Ferry slip to close</h1><p>The harbour board voted on Tuesday evening to close the old ferry slip for "
    "repairs, a decision that leaves the island's commuters without their usual crossing this spring.</p>"
    "<p>Board members said the concrete under the slip had cracked in two places during the January storms.</p>"
    "</article></body></html>"
)
_NOTE = "---\ntitle: Tide tables move online\nurl: https://harbour.example/tides\n---\n\nThe harbour office put its tide tables online.\n"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_compressed_page_note_or_text_is_read_as_the_file_inside(tmp_path: Path) -> None:
    (page,) = read_articles(_write(tmp_path / "Ferry slip.html.gz", gzip.compress(_PAGE.encode())))
    assert page.title == "Ferry slip to close" and page.format == "html"
    assert any("cracked in two places" in b.text for b in page.blocks)
    (note,) = read_articles(_write(tmp_path / "tides.md.gz", gzip.compress(_NOTE.encode())))
    assert note.title == "Tide tables move online" and note.url == "https://harbour.example/tides"
    (text,) = read_articles(
        _write(tmp_path / "tides.txt.gz", gzip.compress(b"Tides online\n\nThe tables moved online.\n"))
    )
    assert text.format == "txt"
    assert "HTML page, gzip-compressed" in detect(tmp_path / "Ferry slip.html.gz").reason
    shown = page_text(tmp_path / "Ferry slip.html.gz")  # what `o` shows: the page inside, as text
    assert "cracked in two places" in shown and "<p>" not in shown


def test_a_compressed_file_without_a_name_inside_is_read_by_its_content(tmp_path: Path) -> None:
    saved = _write(tmp_path / "download", gzip.compress(_PAGE.encode()))
    assert detect(saved).format == "gzip"
    (page,) = read_articles(saved)
    assert page.title == "Ferry slip to close"


def test_a_compressed_file_of_another_kind_is_skipped_with_its_name(tmp_path: Path) -> None:
    found = detect(_write(tmp_path / "budget.xlsx.gz", gzip.compress(b"PK\x03\x04")))
    assert found.format is None and found.reason == "unsupported format: .xlsx.gz"
    with pytest.raises(NotAnArticle, match="gzip file holding"):
        read_articles(_write(tmp_path / "logs.gz", gzip.compress(b"plain log lines\n")))


def test_a_compressed_file_that_unpacks_past_the_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "MAX_FILE_BYTES", 10_000)
    bomb = _write(tmp_path / "page.html.gz", gzip.compress(b"<html><body><p>" + b"a" * 50_000 + b"</p></body></html>"))
    with pytest.raises(IngestError, match="unpacks to more than"):
        read_articles(bomb)
    with pytest.raises(IngestError, match="damaged gzip file"):
        read_articles(_write(tmp_path / "cut.html.gz", gzip.compress(_PAGE.encode())[:40]))


POCKET_HTML = (
    "<!DOCTYPE html>\n<html>\n\t<!--So long and thanks for all the fish-->\n\t<head>\n"
    '\t\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />\n\t\t<title>Pocket Export</title>\n'
    "\t</head>\n\t<body>\n\t\t<h1>Unread</h1>\n\t\t<ul>\n"
    '\t\t\t<li><a href="https://harbour.example/ferry" time_added="1700000000" tags="harbour">Ferry slip to close</a></li>\n'
    "\t\t</ul>\n\t</body>\n</html>\n"
)
INSTAPAPER_HTML = (
    '<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=utf-8">\n'
    "<title>Instapaper: Export</title>\n</head>\n<body>\n\n<h1>Unread</h1>\n<ol>\n"
    '<li><a href="https://harbour.example/ferry">Ferry slip to close</a></li>\n</ol>\n</body>\n</html>\n'
)
BOOKMARKS = (
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n'
    "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n"
    '    <DT><A HREF="https://harbour.example/ferry" ADD_DATE="1700000000">Ferry slip to close</A>\n</DL><p>\n'
)


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("ril_export.html", POCKET_HTML, "a Pocket export"),
        (
            "part_000000.csv",
            "title,url,time_added,tags,status\nFerry,https://harbour.example/ferry,1700000000,,unread\n",
            "a Pocket export",
        ),
        ("instapaper-export.html", INSTAPAPER_HTML, "an Instapaper export"),
        (
            "instapaper-export.csv",
            "URL,Title,Selection,Folder,Timestamp\nhttps://harbour.example/ferry,Ferry,,Unread,1700000000\n",
            "an Instapaper export",
        ),
        ("bookmarks_12_1_26.html", BOOKMARKS, "a bookmarks file"),
    ],
)
def test_a_list_of_links_is_skipped_saying_what_it_is(tmp_path: Path, name: str, content: str, what: str) -> None:
    # Imported as a page, Pocket's export became an article titled "Pocket Export" of link titles.
    path = _write(tmp_path / name, content.encode())
    found = detect(path)
    assert found.format is None and found.reason.startswith(f"{what}: links without the articles' text")
    with pytest.raises(NotAnArticle, match=what):
        read_articles(path)


def test_a_bookmark_is_skipped_naming_its_link(tmp_path: Path) -> None:
    url = _write(tmp_path / "Ferry slip.url", b"[InternetShortcut]\r\nURL=https://harbour.example/ferry\r\n")
    webloc = _write(tmp_path / "Ferry slip.webloc", plistlib.dumps({"URL": "https://harbour.example/ferry"}))
    binary = _write(tmp_path / "Tides.webloc", plistlib.dumps({"URL": "https://x.example"}, fmt=plistlib.FMT_BINARY))
    for path in (url, webloc):
        assert detect(path).reason.startswith("a bookmark to https://harbour.example/ferry, not a saved page")
    assert detect(binary).reason.startswith("a bookmark, not a saved page")
