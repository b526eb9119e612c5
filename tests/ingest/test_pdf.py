"""PDFs written by hand (tests/ingest/pdf_maker.py): reading order, headings by
size, running headers and page numbers dropped, metadata, scans skipped."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import IngestError, NotAnArticle, read_articles
from reader.ingest.pdf import pdf_date
from tests.ingest.pdf_maker import Line, article_pages, make_pdf, wrap

PARAGRAPHS = [
    [
        "The harbour installed two new cranes this spring, and dock workers said unloading now takes half the time "
        "it used to. The port authority expects more ships next year.",
        "A third crane is planned for the northern quay, where the water is deepest and the largest ships can "
        "berth at any tide.",
    ],
    [
        "Union officials welcomed the news but asked for more training, saying the new machines need two operators "
        "during the first months of service.",
        "The cranes were built abroad and arrived by sea in pieces, assembled over six weeks by a team of twelve.",
    ],
    [
        "Local businesses expect the extra traffic to bring work to the town, and the ferry company has added a "
        "late crossing on Fridays."
    ],
]


def printed(tmp_path: Path, info: dict[str, str] | None = None) -> Path:
    """An article as a browser prints it: header, title, footer with URL and page numbers."""
    pages = article_pages(
        "Two new cranes for the harbour",
        PARAGRAPHS,
        header="14/11/2023, 22:13    Port News",
        footer="https://port.example/news/cranes    {page}/{pages}",
        headings={2: "Training for the operators"},
    )
    path = tmp_path / "cranes.pdf"
    path.write_bytes(make_pdf(pages, info=info))
    return path


def test_text_headings_and_metadata(tmp_path: Path) -> None:
    info = {"Title": "Two new cranes for the harbour", "Author": "Ada Quayle", "CreationDate": "D:20231114221320Z"}
    [article] = read_articles(printed(tmp_path, info))
    assert article.format == "pdf"
    assert article.title == "Two new cranes for the harbour"
    assert article.byline == "Ada Quayle"
    assert article.published == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert [b.kind for b in article.blocks] == [
        "paragraph",
        "paragraph",
        "heading",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    assert article.blocks[2].text == "Training for the operators"
    assert article.blocks[0].text.startswith("The harbour installed") and article.blocks[0].text.endswith("next year.")


def test_running_headers_footers_and_page_numbers_are_dropped_and_the_url_kept(tmp_path: Path) -> None:
    [article] = read_articles(printed(tmp_path))
    assert "Port News" not in article.body and "1/3" not in article.body and "https://" not in article.body
    assert article.url == "https://port.example/news/cranes" and article.site == "port.example"


def test_without_a_document_title_the_largest_first_line_is_the_title(tmp_path: Path) -> None:
    [article] = read_articles(printed(tmp_path, {"Title": "Microsoft Word - cranes-final.docx"}))
    assert article.title == "Two new cranes for the harbour"
    assert "Two new cranes" not in article.blocks[0].text  # not repeated as the first block


def test_two_columns_read_down_each_column(tmp_path: Path) -> None:
    left = wrap(" ".join(PARAGRAPHS[0]), 38)
    right = wrap(" ".join(PARAGRAPHS[1]), 38)
    lines = [Line("Cranes in two columns", 72, 780, 20)]
    lines += [Line(row, 60, 740 - 14 * i) for i, row in enumerate(left)]
    lines += [Line(row, 320, 740 - 14 * i) for i, row in enumerate(right)]
    path = tmp_path / "columns.pdf"
    path.write_bytes(make_pdf([lines]))
    [article] = read_articles(path)
    body = article.body
    assert body.index("next year") < body.index("Union officials") < body.index("team of twelve")


def test_a_word_hyphenated_at_a_line_end_is_whole_again(tmp_path: Path) -> None:
    lines = [
        Line("Hyphens", 72, 780, 20),
        Line("The dock workers said the unload-", 72, 740),
        Line("ing takes half the time now.", 72, 726),
    ]
    path = tmp_path / "hyphen.pdf"
    path.write_bytes(make_pdf([lines]))
    [article] = read_articles(path)
    assert "unloading takes" in article.body


def test_a_scan_is_skipped_as_one(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([], image_pages=2))
    with pytest.raises(NotAnArticle, match="scanned PDF, no text"):
        read_articles(path)


def test_a_damaged_pdf_fails_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    with pytest.raises(IngestError) as exc:
        read_articles(path)
    assert not isinstance(exc.value, NotAnArticle)


def test_pdf_dates() -> None:
    assert pdf_date("D:20211127123456+01'00'") == datetime(2021, 11, 27, 11, 34, 56, tzinfo=UTC)
    assert pdf_date("D:2021") == datetime(2021, 1, 1, tzinfo=UTC)
    assert pdf_date("yesterday") is None and pdf_date("D:20211399") is None


def test_a_pdf_without_extension_imports_and_a_scan_is_listed_as_skipped(archive, tmp_path: Path) -> None:
    from tests.conftest import run_import

    printed(tmp_path).rename(tmp_path / "download")
    (tmp_path / "scan.pdf").write_bytes(make_pdf([], image_pages=1))
    report = run_import(archive, tmp_path)
    assert report.added == 1
    assert [(Path(p).name, r) for p, r in report.skips] == [
        ("scan.pdf", "scanned PDF, no text (its pages are images; run OCR on it first)")
    ]


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400), st.integers(min_value=0, max_value=2000))
def test_any_damage_to_a_pdf_is_a_reason_never_a_crash(noise: bytes, cut: int) -> None:
    import tempfile

    good = make_pdf(article_pages("Cranes", PARAGRAPHS[:1]))
    data = good[:cut] + noise + good[cut + len(noise) :]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.pdf"
        path.write_bytes(data)
        with contextlib.suppress(IngestError):
            read_articles(path)


def test_bullets_are_list_items_and_contents_lines_and_roman_page_numbers_go(tmp_path: Path) -> None:
    lines = [
        Line("A guide to the quay", 72, 780, 20),
        Line("Contents", 72, 740, 15),
        Line("Cranes . . . . . . . . . . . . . . . . 2", 72, 715),
        Line("The port offers three services to ships calling there:", 72, 680),
        Line("• Two cranes for containers", 72, 660),
        Line("• A fuel berth on the north side", 72, 646),
        Line("iv", 290, 40, 9),
    ]
    path = tmp_path / "guide.pdf"
    path.write_bytes(make_pdf([lines]))
    [article] = read_articles(path)
    assert [(b.kind, b.text) for b in article.blocks if b.kind == "list_item"] == [
        ("list_item", "Two cranes for containers"),
        ("list_item", "A fuel berth on the north side"),
    ]
    assert ". . ." not in article.body and "iv" not in article.body.split()
