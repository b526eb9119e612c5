"""A page's date, when htmldate's own patterns cannot read it, is read by
dateparser in English only (english_date_parser.py): dateparser with every language
loaded every locale it ships into each analysis worker."""

from __future__ import annotations

import pytest

from reader.ingest import english_date_parser
from reader.ingest.html import parse_html_text


def _page(date_line: str) -> str:
    body = "".join(f"<p>The harbour council met again on the matter of the ferry, paragraph {n}.</p>" for n in range(8))
    return f"<html><head><title>Ferry plan</title></head><body><div class='meta'><p>{date_line}</p></div><article>{body}</article></body></html>"


def test_htmldate_asks_the_english_parser() -> None:
    from htmldate import extractors

    parse_html_text(_page("Posted on 5 March 2020"), None)
    assert extractors.get_external_parser is english_date_parser.english_parser
    assert extractors.get_external_parser().languages == ["en"]
    assert extractors.external_date_parser("Thursday, March 5th, 2020", "%Y-%m-%d") == "2020-03-05"


def test_the_english_parser_has_htmldates_settings() -> None:
    """The same settings as the parser htmldate builds itself (with every language)."""
    english_date_parser.install()
    assert english_date_parser.htmldate_parser is not None
    own, ours = english_date_parser.htmldate_parser(), english_date_parser.english_parser()
    assert own.languages is None  # every language
    for key in english_date_parser.SETTINGS:
        assert getattr(ours._settings, key) == getattr(own._settings, key), key


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Posted on 5 March 2020", "2020-03-05"),
        ("Veröffentlicht am 12. März 2020", "2020-03-12"),
        ("publié le 3 février 2021", "2021-02-03"),
        ("gepubliceerd op 9 oktober 2017", "2017-10-09"),
        ("15 Ekim 2014 tarihinde yayınlandı", "2014-10-15"),
    ],
)
def test_dates_in_other_languages_are_read_by_htmldates_own_patterns(line: str, date: str) -> None:
    article = parse_html_text(_page(line), None)
    assert article.published is not None and article.published.date().isoformat() == date
