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


def parse_date(value: object) -> datetime | None:
    """Parse the date forms found in front matter and meta tags; None if unsure,
    or if the year is outside DATE_YEARS (a placeholder, not a date).

    Naive results are taken as UTC so dates compare and sort consistently.
    """
    parsed = _parse_date(value)
    return parsed if parsed is not None and parsed.year in DATE_YEARS else None


def _parse_date(value: object) -> datetime | None:
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
    text = _SEPT.sub("Sep", _CUT_MONTH.sub(r"\1", text))
    for fmt in ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None
