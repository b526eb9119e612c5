"""HTML pages → blocks: text of neighbouring elements never runs together.

The pages are written for these tests in the shapes real pages have: 2008-era
layout tables with the article's paragraphs inside a cell, unclosed <p> tags,
<br> line breaks, captions with a credit in a span.
"""

from __future__ import annotations

import re

from reader.ingest.html import parse_html_text
from reader.text.pipeline import finish
from tests.ingest.prose import FOURTH, LEAD, SECOND, THIRD

# A seam where two elements' words met: "slip.Board", "agenciesThe", "spring.Credit".
_GLUE = re.compile(r"[a-z][.,]?[A-Z][a-z]")


def _article(body: str, title: str = "Ferry slip to close for spring repairs"):  # type: ignore[no-untyped-def]
    page = f"<html><head><title>{title} - Island Gazette</title></head><body>{body}</body></html>"
    return finish(parse_html_text(page, None))


def _assert_no_glue(text: str) -> None:
    assert not _GLUE.findall(text), _GLUE.findall(text)


def test_paragraphs_inside_a_layout_table_cell_stay_apart() -> None:
    body = (
        "<table><tr><td><a href='/'>Home</a></td></tr><tr><td>"
        "<h1>Ferry slip to close for spring repairs</h1>Staff and agencies"
        f"<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p><p>{FOURTH}</p>"
        "</td></tr></table>"
    )
    article = _article(body)
    _assert_no_glue("\n".join(b.text for b in article.blocks))
    texts = [b.text for b in article.blocks]
    assert LEAD in texts and SECOND in texts and FOURTH in texts


def test_unclosed_paragraphs_and_line_breaks_stay_apart() -> None:
    body = f"<div id='story'><p>{LEAD}<p>{SECOND}<br>{THIRD}<br/><br/>{FOURTH}</div>"
    article = _article(body)
    _assert_no_glue("\n".join(b.text for b in article.blocks))


def test_caption_credit_in_a_span_is_set_apart() -> None:
    body = (
        f"<article><p>{LEAD}</p><figure><img src='slip.jpg'>"
        "<figcaption><span>Divers inspect the piles under the slip.</span><span>Credit...Ewan Fraser</span>"
        f"</figcaption></figure><p>{SECOND}</p><p>{THIRD}</p></article>"
    )
    article = _article(body)
    captions = [b.text for b in article.blocks if b.kind == "caption"]
    assert captions and not _GLUE.search(captions[0]), captions


def test_inline_markup_inside_a_word_is_not_split() -> None:
    body = f"<article><p>{LEAD} Riders booked on <b>Mc</b>Leod Travel's app.</p><p>{SECOND}</p><p>{THIRD}</p></article>"
    texts = [b.text for b in _article(body).blocks]
    assert any("McLeod Travel" in t for t in texts)


def test_headline_in_a_layout_cell_beats_the_logo_h1_and_the_title_suffix() -> None:
    body = (
        "<table><tr><td><h1>Island Gazette</h1></td></tr><tr><td>"
        "<font size='4'><b>Ferry slip to close for spring repairs</b></font><br>By Ewan Fraser"
        f"<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p><p>{FOURTH}</p>"
        "</td></tr></table>"
    )
    page = (
        "<html><head><title>Ferry slip to close for spring repairs - News - Island Gazette</title></head>"
        f"<body>{body}</body></html>"
    )
    assert finish(parse_html_text(page, None)).title == "Ferry slip to close for spring repairs"


def test_a_garbled_xml_declaration_does_not_stop_the_page() -> None:
    # A crawl that pasted a keyword list into the declaration: no "?>" before the first ">".
    page = (
        '<?xml version="1.0" encoding="harbour, ferry, repairs, island">\n'
        "<html><head><title>Ferry slip to close for spring repairs</title></head>"
        f"<body><article><h1>Ferry slip to close for spring repairs</h1><p>{LEAD}</p><p>{SECOND}</p>"
        f"<p>{THIRD}</p></article></body></html>"
    )
    assert LEAD in finish(parse_html_text(page, None)).body


def _site_titled_page(headline_cell: str, sidebar: str = "<h3>Make a Donation</h3>") -> str:
    """A 2008-style page whose <title> names only the site and section."""
    body = (
        f"<table><tr><td>{sidebar}<h1>Latest News</h1></td><td>"
        f"{headline_cell}"
        f"<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p><p>{FOURTH}</p>"
        "</td></tr></table>"
    )
    return f"<html><head><title>Island Gazette - Article</title></head><body>{body}</body></html>"


def test_a_title_naming_only_the_site_yields_to_the_heading_above_the_article() -> None:
    # Neither the <title> nor the widget <h1> names the article: the text set as
    # a headline (a heading, or a cell whose class says so) nearest above it does.
    for cell in (
        "<h2>Ferry slip to close for spring repairs</h2>",
        "<table><tr><td class='contentheading'>Ferry slip to close for spring repairs</td></tr></table>",
        "<span class='articleHeadline'>Ferry slip to close for <i>spring</i> repairs</span>",
    ):
        assert finish(parse_html_text(_site_titled_page(cell), None)).title == (
            "Ferry slip to close for spring repairs"
        ), cell


def test_a_dated_or_sentence_long_heading_is_not_the_headline() -> None:
    # The headline cell holds the date after a <br>; a lead-in sentence in a
    # heading-named element stands nearer the article.
    cell = (
        "<td class='story-title'>Ferry slip to close for spring repairs<br>Thursday, 10 January, 2008</td>"
        "<div class='headline2'>Published: Jan 14, 2008</div>"
        "<div class='heading'>The board met on Tuesday. It voted to close the slip.</div>"
    )
    page = _site_titled_page(f"<table><tr>{cell}</tr></table>")
    assert finish(parse_html_text(page, None)).title == "Ferry slip to close for spring repairs"


def test_the_page_header_and_masthead_are_not_headlines() -> None:
    cell = (
        "<div class='masthead'>Island Gazette Weekend Edition</div><div class='header'>Your island news service</div>"
    )
    title = finish(parse_html_text(_site_titled_page(cell), None)).title
    assert title not in ("Island Gazette Weekend Edition", "Your island news service")
