"""The page date search's last resort, read in English only.

trafilatura asks htmldate for a page's date; htmldate tries its own patterns
(ISO dates, month names in a dozen languages, numeric dates) and hands a
string none of them reads to dateparser, built with every language. That
parser loads every locale dateparser ships (35-47 MB more in each analysis
worker) and tries them all on each string. With English alone, the 788 real
saved pages of /work/real-pages keep every date (page_dates.py picking among
what htmldate finds) and take 13-15 % less CPU to parse (README, Measured).
Dates in other languages are read by htmldate's own patterns before
dateparser is asked (tested)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

# htmldate 1.11's settings for its parser (htmldate.extractors.get_external_parser),
# which a test compares with the parser htmldate builds itself.
SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}
# htmldate's own, kept when ours is put in its place (for the test that compares them).
htmldate_parser: Callable[[], Any] | None = None


@cache
def english_parser() -> Any:
    """htmldate's dateparser with its settings, in English only."""
    from dateparser import DateDataParser  # type: ignore[attr-defined]

    return DateDataParser(languages=["en"], settings=SETTINGS)


def install() -> bool:
    """Put the English parser in htmldate's place (once, before trafilatura
    looks for a date); says whether this htmldate has the seam."""
    global htmldate_parser
    from htmldate import extractors

    theirs = getattr(extractors, "get_external_parser", None)
    if not callable(theirs):
        return False
    if theirs is not english_parser:
        htmldate_parser = theirs
        extractors.get_external_parser = english_parser
    return True
