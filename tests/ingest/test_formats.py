"""Each format's parser on our own fixtures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import IngestError, is_article_file, read_articles
from reader.text.pipeline import finish


def test_plaintext_scrape_title_and_chrome(fixtures_dir: Path) -> None:
    [article] = read_articles(fixtures_dir / "harbour-scrape.txt")
    assert article.title.startswith("Fishermen blockade Kalmar harbour")
    texts = [b.text for b in article.blocks]
    for chrome in (
        "Page Nav",
        "HIDE",
        "Pages",
        "Classic Header",
        "{fbt_classic_header}",
        "Breaking News:",
        "latest",
        "Share this article",
        "Follow us on Twitter",
        "No comments",
    ):
        assert chrome not in texts
    assert any(t.startswith("Protest leader Johan Lindqvist") for t in texts)


def test_plaintext_captions_marked_and_glued_pair_split(fixtures_dir: Path) -> None:
    article = finish(read_articles(fixtures_dir / "harbour-scrape.txt")[0])
    captions = {b.text: b for b in article.blocks if b.kind == "caption"}
    assert "Passengers wait on the quay after the morning ferry to Borgholm was cancelled" in captions
    assert "A coast guard vessel is pictured circling the blockade as police officers watch from the pier" in captions
    assert all(b.repeats == 2 for b in captions.values())


def test_markdown_front_matter_and_blocks(fixtures_dir: Path) -> None:
    [article] = read_articles(fixtures_dir / "clipping.md")
    assert article.title == "Tallinn opens its first floating sauna district"
    assert article.byline == "Kadri Tamm"
    assert article.site == "Baltic Notes"
    assert article.url == "https://example.org/tallinn-saunas"
    assert article.published == datetime(2023, 10, 2, tzinfo=UTC)
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["Saunas moored in the harbour"] == "caption"
    assert kinds["Saunas moored in the seaplane harbour at dusk"] == "caption"
    assert kinds["The sea is our oldest public space."] == "blockquote"
    assert kinds["Six saunas"] == "list_item"


def test_a_markdown_date_in_figures_is_read_in_the_clippings_language(tmp_path: Path) -> None:
    body = "The harbour board met on Tuesday to vote on the new quay, and the vote was carried by seven to two."
    for language, expected in (
        ("en-US", datetime(2021, 3, 4, tzinfo=UTC)),
        ("en-GB", datetime(2021, 4, 3, tzinfo=UTC)),
    ):
        clipping = tmp_path / f"{language}.md"
        clipping.write_text(f"---\ntitle: Quay vote\ndate: 03/04/2021\nlang: {language}\n---\n\n{body}\n")
        [article] = read_articles(clipping)
        assert article.published == expected, language


def test_markdown_bad_front_matter_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [unclosed\n---\nBody text here.\n")
    with pytest.raises(IngestError, match="front matter is not valid YAML"):
        read_articles(bad)


def test_html_main_content_metadata_and_figcaption(fixtures_dir: Path) -> None:
    article = finish(read_articles(fixtures_dir / "figure-page.html")[0])
    assert article.title == "River Tay ferry returns after forty years"
    assert article.byline == "Morag Bell"
    assert article.site == "Tayside Echo"
    assert article.url == "https://example.org/tay-ferry"
    assert article.published is not None and article.published.year == 2022
    body = article.body
    assert "do not index me" not in body
    assert "Privacy policy" not in body and "Login" not in body
    captions = [b.text for b in article.blocks if b.kind == "caption"]
    assert captions == ["The ferry Abertay leaves Craig Pier in Dundee on its first crossing"]
    assert not any(b.kind == "heading" and b.text == article.title for b in article.blocks)


def test_unknown_suffix_is_not_an_article_file() -> None:
    assert is_article_file(Path("a.TXT")) and is_article_file(Path("b.xhtml"))
    assert not is_article_file(Path("photo.jpg"))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_files_raise_with_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason):
        read_articles(path)


def test_xhtml_with_xml_declaration_is_read(tmp_path: Path) -> None:
    # lxml refuses decoded text that still declares an encoding; such pages
    # (XHTML mobile saves) used to fail with "not parseable as HTML".
    page = (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Tram line opens to the harbour</title></head>'
        "<body><article><h1>Tram line opens to the harbour</h1>"
        "<p>The first tram ran along the new harbour line on Sunday morning, carrying two hundred passengers.</p>"
        "<p>Council engineers said the line had been finished three weeks ahead of the published schedule.</p>"
        "</article></body></html>"
    )
    article = _read_page(tmp_path / "tram.xhtml", page)
    assert article.title == "Tram line opens to the harbour"
    assert "two hundred passengers" in article.body


def test_page_titled_only_by_its_site_takes_its_first_heading(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Coast Rail Enquiries -</title></head><body><h1></h1><main>"
        "<h2>Replacement buses between Eastham and the harbour</h2>"
        "<p>Buses replace trains between Eastham and the harbour station while the bridge is repaired this week.</p>"
        "<p>Tickets for the trains are accepted on the buses, which leave from the station forecourt every hour.</p>"
        "</main></body></html>"
    )
    assert _read_page(tmp_path / "disruption.html", page).title == "Replacement buses between Eastham and the harbour"


def _read_page(path: Path, page: str):  # type: ignore[no-untyped-def]
    """Save a page under `path` and read its one article back."""
    path.write_text(page, encoding="utf-8")
    [article] = read_articles(path)
    return article


_QUAY_PAGE = (
    "<html><head><title>Harbour board votes</title></head><body><article><h1>Harbour board votes</h1>"
    "<p>The harbour board voted on Monday to rebuild the north {} quay before the winter storms arrive, "
    "officials said.</p><p>Work on the quay will start in October and is expected to take eighteen months "
    "in all, the board said.</p></article></body></html>"
)


@pytest.mark.parametrize(
    "ref", ["&#27;", "&#27;[31m", "&#x1B;", "&#x1b", "&#0027;", "&#8;", "&#12;", "&#1;&#31;", "&#65534;", "&#xFFFF;"]
)
def test_html_with_a_control_character_reference_keeps_its_article(tmp_path: Path, ref: str) -> None:
    page = tmp_path / "quay.html"
    page.write_text(_QUAY_PAGE.format(ref), encoding="utf-8")
    [article] = read_articles(page)
    assert "rebuild the north" in article.body and "eighteen months" in article.body
    assert not any(ord(c) < 32 and c not in "\n\t" for c in article.body)


@settings(max_examples=40, deadline=None)
@given(code=st.integers(0, 160) | st.integers(0, 0x10FFFF + 10), hexadecimal=st.booleans())
def test_any_numeric_character_reference_keeps_the_article(tmp_path_factory, code: int, hexadecimal: bool) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path_factory.mktemp("ref") / "quay.html"
    ref = f"&#x{code:x};" if hexadecimal else f"&#{code};"
    page.write_text(_QUAY_PAGE.format(ref), encoding="utf-8")
    [article] = read_articles(page)
    assert "eighteen months" in article.body


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("plain text\n", "its one line is too short to read as an article"),
        ("Home\nNews\nSport\n", "its 3 lines are too short to read as an article"),
        ("   \n\n", "empty file"),
    ],
)
def test_a_text_file_with_no_article_says_what_it_holds(tmp_path: Path, text: str, reason: str) -> None:
    # Was "only menus, buttons and counters" for a line of plain words too.
    path = tmp_path / "note.txt"
    path.write_text(text)
    with pytest.raises(IngestError, match=reason):
        read_articles(path)
