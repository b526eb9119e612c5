"""A site name is a name: not a copyright line, a page's headline or an ellipsis."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest import read_articles, with_site
from reader.ingest.site_names import site_name
from reader.model import Article, Block


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Copyright (c) 2012 ABC News Internet Ventures", "ABC News Internet Ventures"),
        ("Copyright © 2004-2007 VMblog.com", "VMblog.com"),
        ("© 2019 The Example Times. All rights reserved.", "The Example Times"),
        ("(C) Example Media Group, 2011", "Example Media Group"),
        ("© 2000 Rural Press Ltd.", "Rural Press Ltd."),
        ("© MMVIII, CBS Corporation. All Rights Reserved.", "CBS Corporation"),
        ("Copyright ...", None),
        ("Copyright 2014", None),
        ("6.0", None),
        ("BBC News", "BBC News"),
        ("Copyright Clearance Center", "Copyright Clearance Center"),
    ],
)
def test_copyright_notices_give_the_name_they_credit(raw: str, expected: str | None) -> None:
    assert site_name(raw, title="Some headline") == expected


def test_a_site_name_that_is_the_headline_is_none() -> None:
    assert site_name("Ask Slashdot: Value of Tools?", title="Ask Slashdot: Value of Tools?") is None
    assert site_name("BBC News", title="Storm hits coast") == "BBC News"


def test_a_site_name_that_is_the_whole_page_title_keeps_what_follows_the_headline() -> None:
    assert site_name("Manager leaves club - Football News | SPORTS.tv", title="Manager leaves club") == (
        "Football News | SPORTS.tv"
    )
    assert site_name("A year in review, September - Gadgets.co.uk", title="A year in review, September") == (
        "Gadgets.co.uk"
    )


def test_script_text_is_no_site_name() -> None:
    assert site_name('Golfer wins title(The Times)ntById("font"); obj.style.fontSize = 3', title="x") is None
    assert site_name("Ne(OAS_version >= 11) document.write('", title="x") is None
    assert site_name("Fish & Chips (Weekly)", title="x") == "Fish & Chips (Weekly)"


def test_with_site_falls_back_to_the_host_when_the_name_is_a_notice() -> None:
    article = Article(
        "Troops deployed",
        (Block("paragraph", "Text."),),
        "html",
        site="Copyright 2014",
        url="https://www.example.org/news/1",
    )
    assert with_site(article).site == "example.org"


def test_html_import_reads_the_site_from_a_copyright_meta(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Troops deployed to the games</title>"
        '<meta name="copyright" content="Copyright (c) 2012 Example News Ventures"></head>'
        "<body><article><h1>Troops deployed to the games</h1>"
        + "<p>More soldiers were sent to guard the venues on Tuesday, officials said.</p>" * 6
        + "</article></body></html>",
        encoding="utf-8",
    )
    (article,) = read_articles(page)
    assert article.site == "Example News Ventures"


@given(st.text(max_size=80), st.text(max_size=80))
def test_site_name_is_none_or_a_stripped_nonempty_part_of_the_input(raw: str, title: str) -> None:
    name = site_name(raw, title=title)
    assert name is None or (name and name == name.strip() and any(c.isalpha() for c in name))
