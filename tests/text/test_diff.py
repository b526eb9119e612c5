"""The word diff between two versions of an article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.diff import summarise, word_diff

_paragraphs = st.lists(st.text(alphabet="ab cd\u00e9", min_size=0, max_size=30), min_size=0, max_size=5)


def test_a_changed_word_and_an_added_paragraph() -> None:
    older = ["The ferry left at noon.", "Crews waited."]
    newer = ["The ferry left at dawn.", "Crews waited.", "Talks resume on Monday."]
    changes = word_diff(older, newer)
    assert [(c.op, c.text.strip()) for c in changes if c.op != "same"] == [
        ("removed", "noon."),
        ("added", "dawn."),
        ("added", "Talks resume on Monday."),
    ]
    summary = summarise(changes)
    assert (summary.added, summary.removed) == (5, 1)


@settings(max_examples=80, deadline=None)
@given(_paragraphs, _paragraphs)
def test_the_diff_rebuilds_both_versions(older: list[str], newer: list[str]) -> None:
    changes = word_diff(older, newer)
    kept_new = " ".join(c.text for c in changes if c.op != "removed").split()
    kept_old = " ".join(c.text for c in changes if c.op != "added").split()
    assert kept_new == " ".join(newer).split()
    assert kept_old == " ".join(older).split()
