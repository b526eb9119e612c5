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
from reader.text.chrome import as_date, clean_scrape, is_menu_row

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
