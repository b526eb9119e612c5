"""Chrome removal and headline finding on scrapes of several shapes."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from reader.text.chrome import as_byline, as_date, clean_scrape, is_chrome, split_paragraphs

BODY = (
    "The regional council approved the new bus timetable on Wednesday after a long debate, "
    "with services to the outer villages doubling from next month."
)


def test_chrome_words_placeholders_and_counters() -> None:
    for line in (
        "Page Nav",
        "HIDE",
        "Classic Header",
        "{fbt_classic_header}",
        "{{ site.menu }}",
        "%%footer%%",
        "Breaking News:",
        "latest",
        "Advertisement",
        "Read more",
        "No comments",
        "12 comments",
        "Share this article",
        "Follow us on Instagram",
        "We use cookies to improve your experience",
        "Sign up to our daily newsletter",
    ):
        assert is_chrome(line), line
    assert not is_chrome(BODY)
    assert not is_chrome("Mayor Jane Holt said: 'We will build it.'")


def test_share_rows_of_older_networks_are_chrome_anywhere() -> None:
    for line in (
        "Digg it | Facebook | Newsvine | Propeller | Reddit | Stumble! | Print | Email",
        "Share: | Del.icio.us | Digg | Newsvine | Technorati",
        "Follow us on Google Plus",
    ):
        assert is_chrome(line), line
    assert not is_chrome("Digg was sold for a fraction of its price, Propeller closed and Newsvine followed.")


def test_headline_is_not_the_first_line() -> None:
    text = "Home\n\nNews\n\nLocal\n\nBus services to outer villages to double under new timetable\n\n" + BODY
    scrape = clean_scrape(text)
    assert scrape.title == "Bus services to outer villages to double under new timetable"
    assert scrape.paragraphs == [BODY]
    assert {"Home", "News", "Local"} <= set(scrape.chrome)


def test_byline_and_date_become_metadata() -> None:
    text = (
        "Bus services to outer villages to double\n\nBy Tom Price and Ana Ruiz\n\nPublished: 3 May 2022 09:15 BST\n\n"
        + BODY
    )
    scrape = clean_scrape(text)
    assert scrape.byline == "Tom Price and Ana Ruiz"
    assert scrape.published == datetime(2022, 5, 3, tzinfo=UTC)
    assert scrape.paragraphs == [BODY]


def test_short_lines_inside_the_body_are_kept() -> None:
    text = f"A headline of several words here\n\n{BODY}\n\nIt worked.\n\n{BODY.replace('bus', 'tram')}"
    assert "It worked." in clean_scrape(text).paragraphs


def test_date_and_byline_shapes() -> None:
    assert as_date("14 February 2023") == datetime(2023, 2, 14, tzinfo=UTC)
    assert as_date("Updated 10:32 GMT, 15 November 2021") is not None
    assert as_date("The vote on 15 November 2021 was close") is None
    assert as_byline("By Hanna de Vries") == "Hanna de Vries"
    assert as_byline("By Ruth Okafor, Political Editor") == "Ruth Okafor"
    assert as_byline("By the way, the mayor was late") is None


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "The regional council approved the new bus timetable on\n"
        "Wednesday after a long debate, with services to the outer\n"
        "villages doubling from next month."
    )
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split())]


@given(st.text())
def test_cleaner_never_crashes(text: str) -> None:
    clean_scrape(text)


def test_call_to_action_buttons_are_chrome_but_exclaimed_prose_is_not() -> None:
    from reader.text.chrome import is_block_chrome

    assert is_block_chrome("Get the Checklist: Free Download!")
    assert is_block_chrome("Subscribe now!")
    assert not is_block_chrome("We will not back down!")
    assert not is_block_chrome("Residents were told to download the evacuation map before the storm arrived!")


def test_long_newsletter_and_cookie_notices_are_chrome_not_the_headline() -> None:
    # Found by the story evaluation: a re-chromed scrape took its newsletter plug for the title.
    plug = "Sign up for our newsletter and get the morning's five biggest stories delivered to your inbox"
    cookies = "This site uses cookies to give you a better experience; by continuing to browse you agree to this"
    assert is_chrome(plug) and is_chrome(cookies)
    text = f"Skip to content\n\n{plug}\n\n{cookies}\n\nBus services to outer villages to double\n\n{BODY}"
    scrape = clean_scrape(text)
    assert scrape.title == "Bus services to outer villages to double"
    # Prose that mentions a newsletter or cookies is not a notice.
    assert not is_chrome(
        "The baker, who sends a weekly newsletter to 300 customers, said the cookies sold out by noon every day."
    )


def test_a_date_line_in_figures_is_read_as_the_scrapes_other_dates_write_them() -> None:
    # %d/%m/%Y was tried first whatever the page: a US "3/4/2021" became 3 April.
    head = "Bus services to outer villages to double\n\nPosted 3/4/2021 9:15 AM\n\n"
    us = clean_scrape(head + BODY + "\n\nComments\n\nAnn L. wrote on 4/25/2021: About time.")
    assert us.published == datetime(2021, 3, 4, tzinfo=UTC)
    uk = clean_scrape(head + BODY + "\n\nComments\n\nAnn L. wrote on 25/4/2021: About time.")
    assert uk.published == datetime(2021, 4, 3, tzinfo=UTC)
    alone = clean_scrape(head + BODY)  # nothing says which: no date, and the line is still no text
    assert alone.published is None and alone.paragraphs == [BODY]
    dated_by = clean_scrape("Bus services to outer villages to double\n\nPosted 3/4/2021 by Tom Price\n\n" + BODY)
    assert dated_by.byline == "Tom Price" and dated_by.published is None


def test_date_lines_with_seconds_a_closing_stop_or_any_zone() -> None:
    for line, day in (
        ("2:15p.m. 28 December 2007", datetime(2007, 12, 28, tzinfo=UTC)),
        ("Posted : Mon, 31 Dec 2007 16:00:00 GMT", datetime(2007, 12, 31, tzinfo=UTC)),
        ("Friday, January 11, 2008 1:14 PM CST", datetime(2008, 1, 11, tzinfo=UTC)),
        ("Updated 3 May 2022 09:15 AEST", datetime(2022, 5, 3, tzinfo=UTC)),
    ):
        assert as_date(line) == day, line
    assert as_date("12:30 at the market on 3 May 2022") is None  # words besides the date and time
