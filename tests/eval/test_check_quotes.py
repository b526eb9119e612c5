"""The quote checker's own reading of quote marks, and its counts."""

from __future__ import annotations

from reader.model import Block
from reader.text.analysis import analyze
from tests.eval.check_quotes import check_article, quote_depth


def test_doubled_curly_single_marks_open_and_close_a_quotation() -> None:
    text = "“It was a lie,’’ Ann Lee told the board. “We are done.”"
    assert quote_depth(text, text.index("Ann")) == 0
    assert quote_depth(text, text.index("We")) == 1
    assert quote_depth("‘‘Not yet,’’ she said.", 3) == 1


def test_a_label_after_a_quote_closed_by_doubled_marks_is_not_inside_it() -> None:
    blocks = [Block("paragraph", "“It was a lie,’’ Ann Lee told the board. “We are done.”")]
    assert check_article(blocks, analyze(blocks)["quotes"]) == []
