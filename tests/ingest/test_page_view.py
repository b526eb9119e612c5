"""`o` in the app: a saved page as a person reads it (its path, its address,
its whole text as a text browser shows it), not its HTML."""

from __future__ import annotations

import html
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
