"""An empty <p></p> between texts is a paragraph break, as a browser shows it.

2000s CMSes separated paragraphs that way ("…a janitor.<p></p>Quicker than…"),
and the extractor glued the sentences either side ("janitor.Quicker")."""

from __future__ import annotations

import gzip

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.html import _empty_paragraphs_opened, parse_html_text
from tests.eval.common import EVAL_DATA
from tests.eval.glue import glued, source_runs

# Pages of l3s-gn1-dev written with empty paragraphs as separators, glued
# before (found by `eval_extraction --show-glue`; ids only, no text).
SEPARATED_PAGES = [
    "f5dc7145-5032-4c30-843b-fe2ae7525201",
    "22a72ae6-d51b-4fb2-aa0f-73cc44371901",
    "9c5bef86-57eb-477d-959f-473950f87a39",
]


@pytest.mark.parametrize("page_id", SEPARATED_PAGES)
def test_real_pages_with_empty_paragraphs_are_not_glued(page_id: str) -> None:
    path = EVAL_DATA / "l3s-gn1-dev" / "html" / f"{page_id}.html.gz"
    if not path.exists():
        pytest.skip("../shared/eval-data is absent (set NEWSREADER_EVAL_DATA)")
    html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    article = parse_html_text(html, None)
    assert glued(" ".join(b.text for b in article.blocks), source_runs(html)) == []


def test_an_empty_paragraph_opens_the_next_texts_paragraph() -> None:
    html = "<div>one.<p></p>Two <b>bold</b>.<P class=x>&nbsp; </P>Three.<table></table></div>"
    assert _empty_paragraphs_opened(html) == "<div>one.<p>Two <b>bold</b>.<p class=x>Three.<table></table></div>"
    assert _empty_paragraphs_opened("<p>kept</p><p>\n</p>") == "<p>kept</p><p>"


@given(
    st.lists(
        st.sampled_from(["word", "Two.", "<p>", "</p>", "<p></p>", "<p> </p>", "<b>", "</b>", "<br>"]), max_size=12
    )
)
def test_no_word_is_lost_or_moved(pieces: list[str]) -> None:
    html = "<div>" + " ".join(pieces) + "</div>"
    before = lxml.html.fragment_fromstring(html).text_content().split()
    assert lxml.html.fragment_fromstring(_empty_paragraphs_opened(html)).text_content().split() == before
