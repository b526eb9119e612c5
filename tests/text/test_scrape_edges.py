"""Scrapes from sites other than the sample: dates, menus and share lines found by evidence.

The fixture (tests/text/data/valley-scrape.txt, invented text; not in tests/fixtures,
whose three articles the app and archive tests count) is in the shape of
a regional news site: pipe menus, a "Published … | Updated …" line, share and
comment prompts above and below the article.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reader.ingest import read_articles
from reader.text.chrome import as_date, as_dated_byline, clean_scrape, is_chrome, is_menu_row
from reader.text.pipeline import finish

VALLEY = Path(__file__).parent / "data" / "valley-scrape.txt"


def test_valley_scrape_keeps_the_article_and_drops_the_sites_furniture() -> None:
    [article] = read_articles(VALLEY)
    texts = [b.text for b in article.blocks]
    assert article.title == "Valley bus company cuts night routes as driver shortage bites"
    assert article.byline == "Gwen Pryce"
    assert article.published == datetime(2023, 2, 3, tzinfo=UTC)
    assert texts[0].startswith("Night buses between Aberfan")
    assert texts[-1].startswith("The council said it would meet")
    assert len(texts) == 5


def test_published_and_updated_on_one_line_is_a_date() -> None:
    assert as_date("Published: 10:42, 3 February 2023 | Updated: 16:05, 3 February 2023") == datetime(
        2023, 2, 3, tzinfo=UTC
    )
    assert as_date("Posted 4 March 2021 • Last modified 5 March 2021") == datetime(2021, 3, 4, tzinfo=UTC)
    # A sentence that mentions a date is not a date line.
    assert as_date("Published: 3 February 2023 | The council met on Tuesday to agree the budget") is None


def test_menu_rows_are_short_items_between_separators() -> None:
    assert is_menu_row("Home | News | Politics | Sport")
    assert is_menu_row("Sign in | Register")
    assert is_menu_row("Email · Facebook · Twitter")
    assert not is_menu_row("Arsenal beat Chelsea 2-1 | Report and reaction from the Emirates as it happened.")
    assert not is_menu_row("The fees rose this year | the council says they must")


def test_share_and_comment_prompts_go_wherever_they_stand() -> None:
    lines = [
        "Harbour fees rise for the second year running",
        "Share or comment on this article",
        "The harbour board raised its mooring fees by a tenth on Tuesday, the second rise in two years.",
        "Share prices of the ferry company fell after the board published its accounts this morning.",
        "Comment on this story",
    ]
    cleaned = clean_scrape("\n".join(lines))
    assert cleaned.paragraphs == [lines[2], lines[3]]


def test_a_table_row_inside_the_article_is_kept() -> None:
    body = (
        "The harbour board raised its mooring fees by a tenth on Tuesday, the second rise in two years.",
        "Berth | Old fee | New fee",
        "The board said the money would pay for dredging the channel before the summer season begins.",
    )
    assert clean_scrape("\n".join(("Harbour fees rise for the second year running", *body))).paragraphs == list(body)


LIGHTHOUSE = Path(__file__).parent / "data" / "lighthouse-scrape.txt"


def test_a_magazine_scrape_gives_its_dateline_byline_and_only_the_article() -> None:
    # Another shape (invented text): a breadcrumb with ›, a "Posted on … by …"
    # dateline, share buttons set apart by spaces only, tags and a "You might
    # also like" heading under the article.
    [article] = read_articles(LIGHTHOUSE)
    article = finish(article)
    texts = [b.text for b in article.blocks]
    assert article.title == "The lighthouse keepers who never left"
    assert article.byline == "Morag Sinclair"
    assert article.published == datetime(2022, 3, 14, tzinfo=UTC)
    assert texts[0].startswith("When the last keepers") and texts[-1].startswith("The island has no shop")
    assert len(texts) == 4


def test_a_magazine_scrape_printed_twice_folds_into_one(tmp_path: Path) -> None:
    lines = LIGHTHOUSE.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if len(ln.split()) > 15]
    at = lines.index(body[0])
    twice = tmp_path / "twice.txt"
    twice.write_text("\n".join([*lines[:at], " ".join(body), *lines[at:]]), encoding="utf-8")
    [article] = read_articles(twice)
    assert [b.text for b in finish(article).blocks] == body


def test_a_dateline_naming_its_writer_is_a_date_and_a_byline() -> None:
    assert as_dated_byline("Posted on 14 March 2022 at 9:15 am by Morag Sinclair") == (
        datetime(2022, 3, 14, tzinfo=UTC),
        "Morag Sinclair",
    )
    assert as_dated_byline("The ferry was stopped on 14 March 2022 by the coastguard") is None


def test_share_buttons_without_separators_are_chrome() -> None:
    assert is_chrome("Tweet   Share   Pin   Email")
    assert not is_chrome("Share prices fell")
