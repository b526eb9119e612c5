"""Bylines as the names they give: dates, roles, lead-ins and placeholders that
pages run into their author metadata are dropped (the names here are made up)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.bylines import clean_byline


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Maren Holt", "Maren Holt"),
        ("Maren Holt; Tobias Lund", "Maren Holt and Tobias Lund"),
        ("Maren Holt; Tobias Lund; Ines Varga", "Maren Holt, Tobias Lund and Ines Varga"),
        # a date run into it
        ("Maren Holt October 2", "Maren Holt"),
        ("Tobias Lund Monday; November", "Tobias Lund"),
        ("Friday; January ; AFP", "AFP"),
        ("Jan 4", None),
        ("Updated Dec", None),
        ("Ines Varga Published ; Harbour Town", "Ines Varga and Harbour Town"),
        # the writer's role
        ("Maren Holt; Staff writer", "Maren Holt"),
        ("Tobias Lund; AP National Security Writer", "Tobias Lund"),
        ("Ben Carrow Games Editor", "Ben Carrow"),
        ("Ines Varga; PhD", "Ines Varga"),
        ("Ines Varga, MS, RDN", "Ines Varga"),
        ("Maren Holt is a reporter", "Maren Holt"),
        ("Harbour Post Staff Writer", None),
        ("Maren Holt; General Manager", "Maren Holt"),
        # lead-ins, placeholders, repeats, outlets
        ("View all posts by Maren Holt", "Maren Holt"),
        ("Analysis by Tobias Lund; Harbour Post Editor-at-large", "Tobias Lund"),
        ("Written and edited by Ines Varga", "Ines Varga"),
        ("Par Tobias Lund", "Tobias Lund"),
        ("Username", None),
        ("No Author", None),
        ("Maren Holt; MAREN HOLT", "Maren Holt"),
        ("Tobias Lund; HPN", "Tobias Lund"),
        ("AFP; Harbour Post", "AFP and Harbour Post"),
        ("Perry Lund, Jr.", "Perry Lund Jr."),
        ("Jose de la Vega", "Jose de la Vega"),
        ("", None),
        (None, None),
    ],
)
def test_a_byline_gives_its_names(raw: str | None, names: str | None) -> None:
    assert clean_byline(raw) == names


word = st.sampled_from(
    ["Maren", "Holt", "Tobias", "Lund", "Staff", "Writer", "by", "By", "October", "2", "PhD", "CNN", "and", "de", "J."]
)
bylines = st.lists(st.lists(word, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=4).map("; ".join)


@settings(max_examples=200, deadline=None)
@given(raw=bylines)
def test_cleaning_twice_changes_nothing_more(raw: str) -> None:
    once = clean_byline(raw)
    assert clean_byline(once) == once
    assert once is None or (once.strip() == once and ";" not in once)
