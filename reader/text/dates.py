"""Dates as pages and their metadata write them (ISO, RFC 2822, "3 March 2021"…).

Here, below both, because the format parsers read them from metadata and the
chrome stage recognises a dateline by them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from reader.model import DATE_YEARS
from reader.text.whitespace import squash

# "Jan. 5, 2008", "Sept. 30": datelines cut the months with a full stop, and
# AP style writes September as "Sept."; strptime's %b reads "Jan" and "Sep" only.
_CUT_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:t(?=\.|\s))?\.", re.I)
_SEPT = re.compile(r"\bSept\b", re.I)


# A date in figures with the year last: 03/04/2021 is 3 April in most of the
# world and March 4 in the United States.
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
# Where a date in figures puts the month first (CLDR's short date patterns).
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "um", "vi"})
_LOCALE = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?\b", re.I)


def day_first_in(text: str) -> bool | None:
    """How the page writes dates in figures, from those that can be read one way
    only (25/12/2021 puts the day first, 12/25/2021 the month); None when it
    writes none of them, or both."""
    orders = set()
    for m in _SLASHED.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second >= 1:
            orders.add(True)
        elif second > 12 >= first >= 1:
            orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def day_first_for(locale: str | None) -> bool | None:
    """Whether a language tag's dates in figures put the day first ("en-GB",
    "fr", "de_DE": yes; "en-US": no); None for English with no region, which
    both orders write."""
    m = _LOCALE.match((locale or "").strip())
    if not m:
        return None
    language, region = m.group(1).lower(), (m.group(2) or "").lower()
    if region:
        return region not in _MONTH_FIRST_REGIONS
    return None if language == "en" else True


def day_first_on_page(text: str, language: str | None) -> bool | None:
    """How a page orders a date in figures: as its own dates that read one way
    only show (what the site writes), else as its language tag says."""
    shown = day_first_in(text)
    return shown if shown is not None else day_first_for(language)


def parse_date(value: object, *, day_first: bool | None = None) -> datetime | None:
    """Parse the date forms found in front matter and meta tags; None if unsure,
    or if the year is outside DATE_YEARS (a placeholder, not a date).

    A date in figures that reads both ways (03/04/2021) is read as `day_first`
    says (from the page: day_first_on_page); None if it says
    nothing. One that reads one way only (25/12/2021, 12/25/2021) is read so.
    Naive results are taken as UTC so dates compare and sort consistently.
    """
    parsed = _parse_date(value, day_first)
    return parsed if parsed is not None and parsed.year in DATE_YEARS else None


def _parse_date(value: object, day_first: bool | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    text = squash(str(value))
    if not text:
        return None
    candidate = text.replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(candidate)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        parsed = parsedate_to_datetime(text)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (TypeError, ValueError, IndexError):
        pass
    slashed = _SLASHED.fullmatch(text)
    if slashed:
        first, second, year = (int(part) for part in slashed.groups())
        return _in_figures(first, second, year, day_first)
    text = _SEPT.sub("Sep", _CUT_MONTH.sub(r"\1", text))
    for fmt in ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _in_figures(first: int, second: int, year: int, day_first: bool | None) -> datetime | None:
    if first > 12 or (first != second and second <= 12 and day_first):
        day, month = first, second
    elif second > 12 or first == second or day_first is False:
        day, month = second, first
    else:
        return None  # both orders are dates and nothing says which
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None
