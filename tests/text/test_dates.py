"""Dates as pages write them: metadata forms and the abbreviations of datelines."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from reader.text.dates import parse_date

MONTHS = "January February March April May June July August September October November December".split()
# AP style and most English datelines: the long months cut, with a full stop; Sept. with four letters.
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def test_abbreviated_months_with_a_full_stop() -> None:
    assert parse_date("Jan. 5, 2008") == datetime(2008, 1, 5, tzinfo=UTC)
    assert parse_date("Sept. 30, 2019") == datetime(2019, 9, 30, tzinfo=UTC)
    assert parse_date("5 Jan. 2008") == datetime(2008, 1, 5, tzinfo=UTC)
    assert parse_date("Sept 3, 2019") == datetime(2019, 9, 3, tzinfo=UTC)
    assert parse_date("Dec 30 2007") == datetime(2007, 12, 30, tzinfo=UTC)  # a dateline without its comma


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(2200, 12, 31)),
    st.booleans(),
    st.booleans(),
    st.sampled_from([",", ""]),
)
def test_written_dates_read_back(day: date, ap_style: bool, day_first: bool, comma: str) -> None:
    month = (AP_MONTHS if ap_style else MONTHS)[day.month - 1]
    text = f"{day.day} {month} {day.year}" if day_first else f"{month} {day.day}{comma} {day.year}"
    assert parse_date(text) == datetime(day.year, day.month, day.day, tzinfo=UTC)


def test_not_dates() -> None:
    for text in ("", "Jan.", "Posted", "5, 2008", "Janx. 5, 2008", "Copyright 2000 - 2008"):
        assert parse_date(text) is None, text
