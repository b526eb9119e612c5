"""A page's date: never a copyright line's year; the dateline above the text instead.

The pages are written for these tests in the shape of a 2008 local TV station's
story page: a layout table, "Posted" and the time above the text, and a footer
"Content © Copyright 2000 - 2008 …" that htmldate's search took for the date.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reader.ingest.html import parse_html_text
from reader.ingest.page_dates import copyright_years, dateline, page_day_first, writes_new_year
from reader.model import Block
from tests.ingest.prose import LEAD, SECOND, THIRD

FOOTER = (
    "<table><tr><td><font style='font-size:10px'>&copy; Copyright 2000 - 2008 Island Gazette Ltd."
    " Reproduction without permission is forbidden.</font></td></tr></table>"
)


def _page(story_head: str, head: str = "", footer: str = FOOTER) -> str:
    return (
        f"<html><head><title>Ferry slip to close for spring repairs</title>{head}</head><body>"
        "<table><tr><td><a href='/'>Home</a> | <a href='/news'>News</a></td></tr>"
        "<tr><td><h1>Ferry slip to close for spring repairs</h1>"
        f"<div id='storyBody'>{story_head}<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
        f"</td></tr></table>{footer}</body></html>"
    )


def test_a_copyright_range_is_not_the_date_the_dateline_is() -> None:
    article = parse_html_text(_page("<p>Posted Jan. 5, 2008<br>3:47 PM</p>"), None)
    assert article.published == datetime(2008, 1, 5, tzinfo=UTC)
    assert not any("Posted" in b.text for b in article.blocks)


def test_a_page_dated_only_by_its_copyright_is_undated() -> None:
    assert parse_html_text(_page(""), None).published is None


def test_january_1_from_the_page_metadata_stays() -> None:
    meta = "<meta property='article:published_time' content='2008-01-01T09:00:00Z'>"
    article = parse_html_text(_page("<p>Posted Jan. 5, 2008<br>3:47 PM</p>", head=meta), None)
    assert article.published == datetime(2008, 1, 1, tzinfo=UTC)


def test_the_metadata_date_wins_over_the_dateline() -> None:
    meta = "<meta property='article:published_time' content='2008-01-04T18:00:00Z'>"
    article = parse_html_text(_page("<p>Posted Jan. 5, 2008<br>3:47 PM</p>", head=meta), None)
    assert article.published == datetime(2008, 1, 4, tzinfo=UTC)


def test_a_date_inside_the_text_is_no_dateline() -> None:
    later = "<p>Posted Jan. 9, 2008</p>"
    assert parse_html_text(_page(f"<p>{LEAD}</p>{later}"), None).published is None


def test_copyright_years() -> None:
    assert copyright_years("Content &copy; Copyright 2000 - 2008 WTNH") == {2000, 2008}
    assert copyright_years("<p>© 2019–2021 The Gazette</p><p>(c) 2015 Photos</p>") == {2019, 2021, 2015}
    assert copyright_years("&#169;2012") == {2012}
    assert copyright_years("Posted Jan. 5, 2008 by the copyright office") == set()


def test_the_date_line_beats_an_older_date_the_text_search_found() -> None:
    # htmldate's search of the text takes the oldest date it finds (here in a
    # list of earlier winners after the story) when no copyright year bounds it.
    earlier = (
        "<p><a href='/ann-lee.html'>Ann Lee</a> (Jr.), Dec. 21, 1998<br>"
        "<p><a href='/bo-dahl.html'>Bo Dahl</a> (Sr.), Feb. 9, 1999<br>"
    )
    page = _page("<p>Jan. 7, 2008</p>", footer="").replace("</body>", earlier + "</body>")
    assert parse_html_text(page, None).published == datetime(2008, 1, 7, tzinfo=UTC)


def test_the_story_date_line_not_the_sites_banner_date() -> None:
    # The banner above the headline says the day the page was saved.
    blocks = [
        Block("paragraph", "Tuesday, January 15, 2008"),
        Block("heading", "Ferry slip to close for spring repairs"),
        Block("paragraph", "Monday, January 14, 2008"),
        Block("paragraph", LEAD),
        Block("paragraph", "Posted Jan. 9, 2008"),
    ]
    assert dateline(blocks) == datetime(2008, 1, 14, tzinfo=UTC)


def test_a_year_alone_is_no_date() -> None:
    # htmldate gives January 1 of a year it finds alone, here in a link's words.
    school_year = "<p>See the <a href='/wiki/1996-1997_school_year'>1996-1997 school year</a>.</p>"
    page = _page("", footer="").replace("</body>", school_year + "</body>")
    assert parse_html_text(page, None).published is None


def test_january_1_the_page_writes_is_a_date() -> None:
    page = _page("<p>January 1, 2008</p>", footer="")
    assert parse_html_text(page, None).published == datetime(2008, 1, 1, tzinfo=UTC)


def test_writes_new_year() -> None:
    assert writes_new_year("Posted Jan. 1, 2008 at noon", 2008)
    assert writes_new_year("<time>2008-01-01</time>", 2008) and writes_new_year("on 1 January 2008", 2008)
    assert not writes_new_year("Jan. 10, 2008; 1996-1997 school year", 2008)
    assert not writes_new_year("1996-1997 school year", 1996)


def test_a_date_line_in_figures_is_read_in_the_pages_order() -> None:
    # %d/%m/%Y was tried first whatever the page: a US "03/04/2021" became 3 April.
    line = "<p>Posted 03/04/2021 3:47 PM</p>"
    us = _page(line, footer="").replace("<html>", "<html lang='en-US'>")
    assert parse_html_text(us, None).published == datetime(2021, 3, 4, tzinfo=UTC)
    uk = _page(line, footer="").replace("<html>", "<html lang='en-GB'>")
    assert parse_html_text(uk, None).published == datetime(2021, 4, 3, tzinfo=UTC)
    # The page's own dates say more than a language tag a site may never have set.
    comment = "<p>Comment posted 25/03/2021</p></body>"
    assert parse_html_text(us.replace("</body>", comment), None).published == datetime(2021, 4, 3, tzinfo=UTC)


def test_page_day_first() -> None:
    assert page_day_first("<html lang='en-us'><body>") is False
    assert page_day_first("<head><meta property='og:locale' content='en_GB'></head>") is True
    assert page_day_first("<html lang='en'><body>on 12/25/2020</body>") is False
    assert page_day_first("<html lang='en'><body>") is None


def test_a_banners_date_is_not_metadata_the_story_date_line_wins() -> None:
    # htmldate's quick search reads any element whose id or class names a date:
    # the site's banner with the day the page was saved beat the story's line.
    banner = "<table><tr><td><span id='date_weather_date'>Wednesday 16 January, 2008</span></td></tr></table>"
    page = _page("<p class='more-links'>2:15p.m. 28 December 2007</p>", footer="").replace("<body>", "<body>" + banner)
    assert parse_html_text(page, None).published == datetime(2007, 12, 28, tzinfo=UTC)
    meta = "<meta property='article:published_time' content='2008-01-16T09:00:00Z'>"
    dated = _page("<p>2:15p.m. 28 December 2007</p>", head=meta, footer="")  # real metadata still wins
    assert parse_html_text(dated, None).published == datetime(2008, 1, 16, tzinfo=UTC)
