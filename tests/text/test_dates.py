"""Dates as pages write them: metadata forms and the abbreviations of datelines."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from reader.text.dates import day_first_for, day_first_in, parse_date

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


def test_a_us_date_in_figures_is_read_month_first_where_the_page_says_so() -> None:
    # %d/%m/%Y was tried whatever the page: a US 03/04/2021 became 3 April.
    assert parse_date("03/04/2021", day_first=False) == datetime(2021, 3, 4, tzinfo=UTC)
    assert parse_date("03/04/2021", day_first=True) == datetime(2021, 4, 3, tzinfo=UTC)
    assert parse_date("03/04/2021") is None  # nothing says which: unsure
    assert parse_date("12/25/2021") == datetime(2021, 12, 25, tzinfo=UTC)  # one way only
    assert parse_date("25/12/2021", day_first=False) == datetime(2021, 12, 25, tzinfo=UTC)
    assert parse_date("07/07/2021") == datetime(2021, 7, 7, tzinfo=UTC)  # the same both ways
    assert parse_date("13/13/2021", day_first=True) is None and parse_date("0/5/2021", day_first=True) is None


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2200, 12, 31)), st.booleans(), st.booleans())
def test_dates_in_figures_read_back_in_the_order_given(day: date, day_first: bool, padded: bool) -> None:
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    text = f"{d}/{m}/{day.year}" if day_first else f"{m}/{d}/{day.year}"
    expected = datetime(day.year, day.month, day.day, tzinfo=UTC)
    assert parse_date(text, day_first=day_first) == expected
    # With no word on the order, a date is read only when one order alone makes it one.
    assert parse_date(text) in ((expected,) if day.day > 12 or day.day == day.month else (None,))


def test_the_order_from_a_pages_dates_and_its_language() -> None:
    assert day_first_in("Posted 03/04/2021. Comments: 25/04/2021, 26/04/2021") is True
    assert day_first_in("Posted 03/04/2021. Comments: 04/25/2021") is False
    assert day_first_in("03/04/2021 and 04/03/2021") is None  # nothing read one way only
    assert day_first_in("25/04/2021 and 04/25/2021") is None  # both orders: no word
    assert [day_first_for(tag) for tag in ("en-US", "en_us", "es-US", "en-PH")] == [False] * 4
    assert [day_first_for(tag) for tag in ("en-GB", "en_AU", "fr", "de-DE", "es-419")] == [True] * 5
    assert [day_first_for(tag) for tag in ("en", "", None, "x")] == [None] * 4
