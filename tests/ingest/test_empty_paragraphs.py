"""An empty <p></p> between texts is a paragraph break, as a browser shows it,
and so is a </p> that closes no paragraph.

2000s CMSes separated paragraphs that way ("…a janitor.<p></p>Quicker than…",
"…4-6.</p>Baghdatis, second seed…"), and the extractor glued the sentences
either side ("janitor.Quicker"), so a quote's sentence began in the one before."""

from __future__ import annotations

import gzip

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.html import _empty_paragraphs_opened, _stray_paragraph_ends_opened, parse_html_text
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


# Both rewrites, and both in the importer's order: no word lost or moved.
REWRITES = {
    "empty": _empty_paragraphs_opened,
    "stray": _stray_paragraph_ends_opened,
    "both": lambda html: _stray_paragraph_ends_opened(_empty_paragraphs_opened(html)),
}
PIECES = ["word", "Two.", "<p>", "</p>", "</P >", "<p class=x>", "<p></p>", "<p> </p>", "<b>", "</b>", "<br>"]


@pytest.mark.parametrize("rewrite", REWRITES)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=12))
def test_no_word_is_lost_or_moved(rewrite: str, pieces: list[str]) -> None:
    html = "<div>" + " ".join(pieces) + "</div>"
    before = lxml.html.fragment_fromstring(html).text_content().split()
    assert lxml.html.fragment_fromstring(REWRITES[rewrite](html)).text_content().split() == before


def test_a_paragraph_end_with_none_open_is_an_empty_paragraph() -> None:
    html = "<td>one.</p>Two.</P >Three <p class=x>four</p>five</td>"
    assert _stray_paragraph_ends_opened(html) == "<td>one.<p></p>Two.<p></p>Three <p class=x>four</p>five</td>"
    assert _stray_paragraph_ends_opened("<p>kept</p><p>as <b>it</b> was</p>") == "<p>kept</p><p>as <b>it</b> was</p>"


def test_a_quote_after_a_stray_paragraph_end_has_the_speaker_of_its_own_sentence() -> None:
    from reader.text.entities import find_entities
    from reader.text.pipeline import finish
    from reader.text.quotes import find_quotes

    page = (
        "<html><head><title>Harbour Cup</title></head><body><table><tr><td><font>"
        "The Harbour Cup drew a record crowd to the courts by the quay on a cold Monday afternoon.</p>"
        "The visiting pair of Tomas Lindqvist and Karl Brandt beat the home favourites Jonas Ek and Per Holm "
        "6-3, 6-4.</p>Lindqvist, the top seed in the singles, summed up the match saying: "
        '"We served well and the wind helped us more than them."</p></font></td></tr></table></body></html>'
    )
    article = finish(parse_html_text(page, None))
    text = " ".join(b.text for b in article.blocks)
    assert "6-4. Lindqvist" in text and "afternoon. The visiting" in text  # not "6-4.Lindqvist"
    quotes = find_quotes(article.blocks, find_entities(article.blocks))
    assert [q.speaker for q in quotes if q.kind == "speech"] == ["Tomas Lindqvist"]  # was "the match"
