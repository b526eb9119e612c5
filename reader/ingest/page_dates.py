"""A saved page's publication date: the one its metadata gives, else the date line
at the head of its text, else the one htmldate's search of the text found (what
trafilatura reads); never a copyright line's year.

htmldate's search of the text, when the metadata has no date, takes the oldest
date it finds: a photo's path (/photos/2007-12-28/), a list of past winners
("Dec. 21, 1998"), and, when it finds none, January 1 of the year after ©,
Copyright or (c). A footer's "Copyright 2000 - 2008" dated a news story posted
on January 5, 2008 to 2000-01-01. A copyright year says when a site's text was
protected, never when an article was published; a date line between the
headline and the text ("Posted Jan. 5, 2008 3:47 PM") says when it was.

The copyright line is one case of a wider one: htmldate gives January 1 of any
year it finds alone. A wiki page about a school year ("1996-1997 school year")
was dated 1996-01-01. A January 1 that the page never writes (as "January 1,
1996", "1 Jan 1996", "1996-01-01" or "01/01/1996") is a year, not a date.

A date line in figures (03/04/2021) is read in the order the page's other
dates in figures show (one of them read one way only: 25/04/2021), else in
its language's (en-US: month first; en-GB, fr: day first); else it is no date.
htmldate reads such figures day first whatever the page, so its date is the
line's when the two differ only by day and month swapped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from reader.model import Block
from reader.text.chrome import as_date, is_body_like
from reader.text.dates import day_first_on_page, parse_date

# What htmldate reads as a copyright mention (its COPYRIGHT_PATTERN, with the
# entities of a page not yet parsed): the sign or word, up to 99 characters that
# are not digits, then a year or a range of years.
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_COPYRIGHT = re.compile(
    rf"(?:©|&copy;|&#0*169;|&#x0*a9;|\bcopyright\b|\(c\))\D{{0,99}}?({_YEAR})(?:\s*[-–—]\s*({_YEAR}))?\b",
    re.IGNORECASE,
)


def copyright_years(html: str) -> set[int]:
    """The years the page's copyright lines name (both ends of a range)."""
    years: set[int] = set()
    for match in _COPYRIGHT.finditer(html):
        years.update(int(year) for year in match.groups() if year)
    return years


def writes_new_year(html: str, year: int) -> bool:
    """Whether the page writes January 1 of `year` as a date anywhere."""
    y = str(year)
    month = r"jan(?:uary|\.)?"
    day = r"0?1(?:st)?"
    return bool(
        re.search(
            rf"\b{month}\s*{day}\b,?\s*{y}\b|\b{day}\s+(?:of\s+)?{month},?\s*{y}\b"
            rf"|\b{y}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{y}\b",
            html,
            re.IGNORECASE,
        )
    )


# The page's language: <html lang>, og:locale, or a Content-Language header kept as a meta tag.
_LANGUAGE = re.compile(
    r"<html\b[^>]*?\b(?:xml:)?lang\s*=\s*[\"']?([\w-]+)"
    r"|<meta\b[^>]*?(?:property\s*=\s*[\"']og:locale[\"']|http-equiv\s*=\s*[\"']content-language[\"'])"
    r"[^>]*?\bcontent\s*=\s*[\"']?([\w-]+)",
    re.IGNORECASE,
)


def page_day_first(html: str) -> bool | None:
    """Whether the page writes dates in figures day first (None: it does not say)."""
    tag = _LANGUAGE.search(html)
    return day_first_on_page(html, (tag.group(1) or tag.group(2)) if tag else None)


def dateline(blocks: Sequence[Block], day_first: bool | None = None) -> datetime | None:
    """The date of the last line that is only a date ("Posted Jan. 5, 2008 3:47
    PM") above the article's first paragraph of prose; None when there is none.
    The last: a site's banner above the headline carries the day the page was
    saved ("Tuesday, January 15, 2008"), the line under the headline the story's."""
    found = None
    for block in blocks:
        if block.kind != "paragraph":
            continue
        if is_body_like(block.text):
            break
        found = as_date(block.text, day_first) or found
    return found


def publication_date(found: object, html: str, blocks: Sequence[Block]) -> datetime | None:
    """The page's date from what trafilatura `found`, the page and its text's
    blocks (before chrome is dropped: a date line is chrome)."""
    date = parse_date(found)
    line = dateline(blocks, page_day_first(html))
    if date is None or (line is not None and line.date() == date.date()):
        return date or line
    if line is not None and (date.year, date.month, date.day) == (line.year, line.day, line.month):
        return line  # htmldate read the line's figures day first; the page's order says otherwise
    year_only = (date.month, date.day) == (1, 1) and (
        date.year in copyright_years(html) or not writes_new_year(html, date.year)
    )
    if (line is None and not year_only) or _in_metadata(date, html):
        return date
    return line  # a date line beats a date found in the text; a year alone is no date


def _in_metadata(date: datetime, html: str) -> bool:
    """Whether htmldate finds `date` without reading the text: in meta tags,
    JSON-LD, <time> and <abbr> elements or the URL, where a date is the page's own.
    It reads only those: htmldate's quick search also reads any element whose
    class or id names a date, such as a site's banner with the day the page
    was saved ("date_weather_date": Wednesday 16 January, 2008), which beat
    the story's own date line (28 December 2007)."""
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    return parse_date(find_date(metadata_only(html), **set_date_params(False))) == date


_HEAD = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_OWN_DATES = re.compile(
    r"<script\b[^>]*application/ld\+json[^>]*>.*?</script\s*>|<(time|abbr)\b[^>]*>.*?</\1\s*>|<meta\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


def metadata_only(html: str) -> str:
    """The page cut to where its dates are its own: its <head> (meta tags, the
    canonical link), and in its body meta tags (microdata: itemprop="dateCreated"),
    JSON-LD, <time> elements and <abbr> ones (microformats' "published")."""
    head = _HEAD.search(html)
    own = "".join(m.group() for m in _OWN_DATES.finditer(html))
    return f"<html>{head.group() if head else '<head></head>'}<body>{own}</body></html>"
