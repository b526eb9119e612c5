"""A query of only words the index leaves out ("the", "and of", "a") says so
and what to type instead, in the app's status line and in `newsreader search`."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import run_import


@pytest.fixture
def filled(archive, fixtures_dir: Path):  # type: ignore[no-untyped-def]
    run_import(archive, fixtures_dir)
    return archive


@pytest.mark.parametrize(
    ("text", "left_out", "why"),
    [
        ("the", ("the",), "“the” is too common to search"),
        ("and of", ("and", "of"), "“and”, “of” are too common to search"),
        ('"The OF"', ("the", "of"), "are too common"),
        ("title:the", ("the",), "is too common"),
        ("a", ("a",), "“a” is too short to search"),
        ("a of", ("a", "of"), "too short or too common"),
    ],
)
def test_a_query_of_left_out_words_says_why_and_what_to_type(filled, text, left_out, why) -> None:  # type: ignore[no-untyped-def]
    result = filled.search(text)
    assert result.total == 0
    assert result.left_out == left_out
    hint = result.nothing_to_search()
    assert hint is not None and why in hint and "add a rarer word" in hint
    assert "add a rarer word" in (result.nothing_to_search(short=True) or "")


@pytest.mark.parametrize("text", ["the ferry", "qqqzzzx", "", "fery"])
def test_any_searched_word_gives_no_such_hint(filled, text) -> None:  # type: ignore[no-untyped-def]
    result = filled.search(text)
    assert result.left_out == () and result.nothing_to_search() is None


def test_newsreader_search_says_it(filled, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data-dir", str(filled.root), "search", "and", "of"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "No results: “and”, “of” are too common to search; add a rarer word" in err
