"""`o` in the app: a saved page as a person reads it (its path, its address,
its whole text as a text browser shows it), not its HTML."""

from __future__ import annotations

import html
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.page_view import html_as_text, source_view

PAGE = """<!doctype html><html><head><title>Quay vote</title><style>p { color: red }</style>
<script>var tracker = "analytics";</script></head>
<body><nav><ul><li>Home</li><li>World</li></ul></nav>
<h1>Harbour board votes on the quay</h1>
<p>The board voted to rebuild the <a href="/north">north quay</a>,<!-- ad --> said the minutes.<br>Work starts in May.</p>
<blockquote>We will not wait for the storms.</blockquote>
<pre>line one
  line two</pre>
<footer>© Tayside Echo</footer></body></html>"""


def test_a_page_reads_as_text_in_its_order() -> None:
    text = html_as_text(PAGE)
    assert "<" not in text and "tracker" not in text and "color: red" not in text
    assert "Harbour board votes on the quay\n===" in text
    assert "  • Home\n  • World" in text  # a list's items one under the other
    assert "rebuild the north quay, said the minutes. Work starts in May." in " ".join(text.split())
    assert "  │ We will not wait for the storms." in text
    assert "line one\n  line two" in text  # preformatted lines kept
    assert text.index("Home") < text.index("Harbour") < text.index("Tayside Echo")  # menus and all, in order


def test_the_view_names_the_saved_file_and_its_address(tmp_path: Path) -> None:
    page = tmp_path / "quay.html"
    page.write_text(PAGE, encoding="utf-8")
    shown = source_view(page, "https://news.example/quay")
    assert shown.startswith(f"Saved file: {page}\nAddress:    https://news.example/quay\n")
    assert "said the minutes" in shown and "<p>" not in shown
    note = tmp_path / "note.md"
    note.write_text("# A note\n\nKept *as* written.\n", encoding="utf-8")
    assert source_view(note).endswith("# A note\n\nKept *as* written.\n")  # text files as they stand


def test_a_file_with_no_text_form_gets_its_path_and_what_opens_it(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n\x00\x01\x02\x00binary\x00" * 20)
    shown = source_view(pdf)
    assert shown.startswith(f"Saved file: {pdf}\n") and "open it with the program for .pdf files" in shown


# Printable text (a NUL or a control character is the terminal cleaner's job, after this).
@given(st.lists(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40), max_size=6))
def test_any_paragraphs_words_come_out_in_order(paragraphs: list[str]) -> None:
    page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</body></html>"
    words = " ".join(" ".join(p.split()) for p in paragraphs).split()
    assert html_as_text(page).split() == [w for w in words if w]


def _shown(root: Path, words: str) -> str:
    """What `o` shows for the article a search for `words` finds first."""
    from reader.archive import Archive

    with Archive(root) as archive:
        [hit] = archive.search(words).hits
        return archive.source_text(hit.id)[1]


def test_an_article_of_a_json_export_shows_its_own_entry_not_the_whole_file(tmp_path: Path) -> None:
    """A wallabag export holds many articles: `o` showed the whole JSON file,
    every other article's HTML too."""
    from tests.conftest import archive_of

    entries = [
        {
            "id": 7,
            "title": "Quay vote",
            "url": "https://news.example/quay",
            "tags": [{"label": "port"}],
            "content": PAGE,
        },
        {
            "id": 8,
            "title": "Cranes",
            "url": "https://news.example/cranes",
            "content": "<p>" + "Cranes rose. " * 30 + "</p>",
        },
    ]
    root = archive_of(tmp_path, {"wallabag.json": json.dumps(entries)})
    shown = _shown(root, "minutes")
    assert shown.startswith(
        f"Saved file: {tmp_path / 'src' / 'wallabag.json'}\nAddress:    https://news.example/quay\n"
    )
    assert "Entry 1 of the 2 in the export" in shown and "title: Quay vote" in shown and "tags: port" in shown
    assert "said the minutes" in shown and "<p>" not in shown and "tracker" not in shown  # its page, as text
    assert "Cranes rose" not in shown and "news.example/cranes" not in shown  # not the other entry
    assert "Cranes rose" in _shown(root, "cranes") and "Quay vote" not in _shown(root, "cranes")


def test_an_article_of_a_newsreader_export_shows_its_record_and_blocks(tmp_path: Path) -> None:
    from reader.archive import Archive
    from tests.conftest import FIXTURES, run_import

    with Archive(tmp_path / "first") as archive:
        run_import(archive, FIXTURES)
        archive.export("", "json", tmp_path / "export.json")
    with Archive(tmp_path / "again") as archive:
        run_import(archive, tmp_path / "export.json")
    shown = _shown(tmp_path / "again", "sauna")
    assert "of the 3 in the export" in shown and "title: Tallinn opens its first floating sauna district" in shown
    assert "Tallinn has opened a row of floating saunas" in shown  # its blocks as paragraphs
    assert "Kalmar" not in shown and '"blocks"' not in shown


def test_an_article_of_a_web_archive_shows_its_own_page_response(tmp_path: Path) -> None:
    """A WARC holds every page of a crawl: `o` showed the whole file, WARC
    headers and raw HTML of every record."""
    from reader.archive import Archive
    from tests.conftest import run_import
    from tests.ingest.test_web_archives import CRAWL, make_wacz, make_warc

    src = tmp_path / "src"
    src.mkdir()
    (src / "crawl.warc.gz").write_bytes(make_warc(CRAWL))
    with Archive(tmp_path / "archive") as archive:
        run_import(archive, src)
    shown = _shown(tmp_path / "archive", "Friday crossing")
    assert "WARC-Target-URI: https://ferry.example/late" in shown and "HTTP/1.1 200 OK" in shown
    assert "Ferry adds a late crossing\n====" in shown and "<p>" not in shown  # the page as text
    assert "cranes" not in shown and "ads.example" not in shown and "port.example" not in shown
    wacz = tmp_path / "wacz"
    wacz.mkdir()
    (wacz / "crawl.wacz").write_bytes(make_wacz([{"url": "https://port.example/cranes", "title": "Cranes"}]))
    with Archive(tmp_path / "archive2") as archive:
        run_import(archive, wacz)
    shown = _shown(tmp_path / "archive2", "unloading")
    assert "WARC-Target-URI: https://port.example/cranes" in shown and "ferry.example" not in shown


def test_a_record_gone_from_its_file_shows_the_whole_file_and_says_so(tmp_path: Path) -> None:
    page = tmp_path / "export.json"
    page.write_text(json.dumps([{"id": 1, "content": "<p>Other</p>"}]), encoding="utf-8")
    shown = source_view(page, None, "7")
    assert "The article's record (7) is no longer in the file; the whole file follows." in shown
    assert '"content"' in shown
