"""EPUBs written in the tests: a read-later export (one article per document)
and a book (one article), with their Dublin Core metadata."""

from __future__ import annotations

import contextlib
import html
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import NotAnArticle, read_articles

STORIES = [
    (
        "Two new cranes for the harbour",
        "https://port.example/news/cranes",
        [
            "The harbour installed two new cranes this spring, and dock workers said unloading now takes half the time.",
            "A third crane is planned for the northern quay, where the water is deepest at any tide.",
        ],
    ),
    (
        "Ferry adds a late crossing",
        "https://ferry.example/late-crossing",
        [
            "The ferry company has added a late crossing on Fridays after a summer of full boats and long queues.",
            "Tickets for the new sailing go on sale next week, at the same price as the evening crossing.",
        ],
    ),
]


def make_epub(
    docs: list[tuple[str, str]],
    *,
    title: str,
    creator: str = "",
    date: str = "",
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """An EPUB 3 of (file name, XHTML body) documents with a cover and a nav page."""
    buf = io.BytesIO()
    e = html.escape
    with zipfile.ZipFile(buf, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
        )
        files = [("cover.xhtml", "<p>Cover</p>"), *docs]
        manifest = '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        manifest += "".join(
            f'<item id="d{n}" href="{name}" media-type="application/xhtml+xml"/>' for n, (name, _) in enumerate(files)
        )
        spine = '<itemref idref="nav"/>' + "".join(f'<itemref idref="d{n}"/>' for n in range(len(files)))
        meta = f"<dc:title>{e(title)}</dc:title><dc:language>en</dc:language>"
        meta += f"<dc:creator>{e(creator)}</dc:creator>" if creator else ""
        meta += f"<dc:date>{date}</dc:date>" if date else ""
        book.writestr(
            "OPS/package.opf",
            '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">{meta}</metadata>'
            f"<manifest>{manifest}</manifest><spine>{spine}</spine></package>",
        )
        book.writestr("OPS/nav.xhtml", xhtml("Contents", "<nav><ol><li>Contents</li></ol></nav>"))
        for name, body in files:
            book.writestr(f"OPS/{name}", xhtml(name, body))
        for name, data in (extra or {}).items():
            book.writestr(name, data)
    return buf.getvalue()


def xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>{html.escape(title)}</title></head><body>{body}</body></html>"
    )


def story_doc(title: str, url: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f'<h1>{html.escape(title)}</h1>{body}<p>Original: <a href="{url}">{url}</a></p>'


def test_a_read_later_export_is_one_article_per_document(tmp_path: Path) -> None:
    docs = [(f"{n}.xhtml", story_doc(*story)) for n, story in enumerate(STORIES)]
    path = tmp_path / "wallabag.epub"
    path.write_bytes(make_epub(docs, title="wallabag articles", creator="wallabag", date="2024-03-05"))
    articles = read_articles(path)
    assert [a.title for a in articles] == [s[0] for s in STORIES]
    assert [a.url for a in articles] == [s[1] for s in STORIES]
    assert all(a.format == "epub" and a.language == "en" for a in articles)
    assert articles[0].published is not None and articles[0].published.date().isoformat() == "2024-03-05"
    assert "third crane" in articles[0].body and "late crossing" not in articles[0].body
    assert "Original" not in articles[0].body  # the export's source line is metadata
    assert articles[0].site == "port.example"
    assert len({a.part for a in articles}) == 2


def test_documents_that_each_link_their_source_are_articles_without_a_hint(tmp_path: Path) -> None:
    docs = [(f"{n}.xhtml", story_doc(*story)) for n, story in enumerate(STORIES)]
    path = tmp_path / "saved.epub"
    path.write_bytes(make_epub(docs, title="Weekend reading"))
    assert len(read_articles(path)) == 2


def test_a_book_is_one_article_with_its_chapters(tmp_path: Path) -> None:
    chapters = [
        (f"ch{n}.xhtml", f"<h1>Part {n}: {title}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paras))
        for n, (title, _, paras) in enumerate(STORIES, start=1)
    ]
    path = tmp_path / "longread.epub"
    path.write_bytes(make_epub(chapters, title="A year on the quay", creator="Ada Quayle", date="2023-11-14T10:00:00Z"))
    [article] = read_articles(path)
    assert article.title == "A year on the quay" and article.byline == "Ada Quayle"
    assert article.published is not None and article.published.year == 2023
    body = article.body
    assert body.index("Part 1") < body.index("third crane") < body.index("Part 2") < body.index("same price")
    assert "Cover" not in body and "Contents" not in body


def test_our_own_epub_export_reads_back_as_its_articles(tmp_path: Path) -> None:
    from reader.archive.export import write_epub

    records = [
        {
            "title": title,
            "byline": None,
            "site": None,
            "published": None,
            "blocks": [{"kind": "paragraph", "text": p} for p in paras],
            "quotes": [],
            "entities": [],
            "highlights": [],
        }
        for title, _, paras in STORIES
    ]
    buf = io.BytesIO()
    write_epub(records, buf)
    path = tmp_path / "export.epub"
    path.write_bytes(buf.getvalue())
    assert [a.title for a in read_articles(path)] == [s[0] for s in STORIES]


def test_a_drm_protected_epub_is_skipped_with_the_reason(tmp_path: Path) -> None:
    encryption = b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><EncryptedData/></encryption>'
    path = tmp_path / "bought.epub"
    path.write_bytes(make_epub([("a.xhtml", "<p>x</p>")], title="B", extra={"META-INF/encryption.xml": encryption}))
    with pytest.raises(NotAnArticle, match="DRM"):
        read_articles(path)


def test_a_truncated_epub_fails_with_the_reason(tmp_path: Path) -> None:
    data = make_epub([("a.xhtml", story_doc(*STORIES[0]))], title="T")
    path = tmp_path / "cut.epub"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(Exception, match="not a readable zip"):
        read_articles(path)


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=1, max_size=200), st.integers(min_value=0, max_value=3000))
def test_any_damage_to_an_epub_is_a_reason_never_a_crash(noise: bytes, at: int) -> None:
    import tempfile

    from reader.ingest import IngestError

    good = make_epub([("a.xhtml", story_doc(*STORIES[0]))], title="T")
    data = good[:at] + noise + good[at + len(noise) :]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.epub"
        path.write_bytes(data)
        with contextlib.suppress(IngestError):
            read_articles(path)
