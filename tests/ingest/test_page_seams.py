"""Words a browser shows apart stay apart after extraction, whatever element
they stood in: trafilatura flattens spans, links and divs into one text, and
words met without a space ("business.Click To Tweet", "Kristi NoemKristi Lynn
Noem…MORE"). The pages are our own, in the shapes of the dev pages that
showed each seam (`eval_extraction --show-glue`); real pages are named by id."""

from __future__ import annotations

import gzip
import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.decode import decode
from reader.ingest.hover_cards import drop_hover_cards
from reader.ingest.html import parse_html_text
from reader.ingest.seams import space_seams
from reader.text.pipeline import finish
from tests.eval.common import EVAL_DATA
from tests.eval.glue import glued, source_runs
from tests.ingest.prose import LEAD, SECOND, THIRD

_GLUE = re.compile(r"[a-z][.,]?[A-Z][a-z]")


def _texts(body: str) -> list[str]:
    page = f"<html><head><title>Ferry slip to close - Island Gazette</title></head><body>{body}</body></html>"
    return [b.text for b in finish(parse_html_text(page, None)).blocks]


def test_a_hover_card_after_a_linked_name_is_not_read_into_the_sentence() -> None:
    card = (
        "<span class='card'><span><img src='lee.jpg'><a href='/people/ann-lee'>Ann Marie Lee</a>"
        "<a href='/news/1'>Lee opens the new pontoon</a><a href='/news/2'>Board backs shuttle bus</a>MORE</span></span>"
    )
    body = (
        f"<article><p>{LEAD}</p><p>Harbour master <span><a href='/people/ann-lee/'>Ann Lee</a>{card}</span> "
        f"(Ind.) said the slip would reopen in May.</p><p>{SECOND}</p><p>{THIRD}</p></article>"
    )
    texts = _texts(body)
    assert "Harbour master Ann Lee (Ind.) said the slip would reopen in May." in texts, texts
    assert not any("Ann Marie Lee" in t or "MORE" in t for t in texts)


def test_a_link_followed_by_other_links_is_no_card() -> None:
    root = lxml.html.fragment_fromstring(
        "<p>See <a href='/a'>the board's report</a><span> and <a href='/b'>the minutes</a></span>.</p>"
    )
    assert drop_hover_cards(root) == 0
    assert root.text_content() == "See the board's report and the minutes."


def test_spans_links_and_empty_divs_between_words_keep_them_apart() -> None:
    body = (
        f"<article><p>{LEAD}</p><p>{SECOND}</p>"
        "<a href='https://twitter.com/intent'><span><span>The tide sets the timetable, not the board.</span>"
        "<span>Click To Tweet</span></span></a>"
        "<div>The work starts on Wednesday.<div class='fake-br'></div>The pontoon opens a week later.</div>"
        f"<p>{THIRD}</p><p>The board's papers for the evening are online, filed under "
        "<a href='/tag/harbour'>Harbour</a><a href='/tag/ferries'>Ferries</a> on its own website.</p></article>"
    )
    text = "\n".join(_texts(body))
    assert not _GLUE.findall(text), _GLUE.findall(text)
    assert "the board. Click To Tweet" in text
    assert "filed under Harbour Ferries on" in text


def test_code_in_highlighting_spans_keeps_its_dots() -> None:
    body = (
        f"<article><p>{LEAD}</p><p>{SECOND}</p>"
        "<pre><span>browser</span> <span>=</span> <span>webdriver</span><span>.</span><span>PhantomJS</span>()\n"
        "<span>browser</span><span>.</span><span>Get</span>(url)</pre>"
        f"<p>{THIRD}</p></article>"
    )
    assert "browser = webdriver.PhantomJS()\nbrowser.Get(url)" in _texts(body)


_PIECES = st.text(alphabet="abXY .,\n", max_size=6)
_TAGS = st.sampled_from(["p", "span", "a", "div", "li", "b", "pre", "br", "td"])


@st.composite
def _fragments(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(_PIECES)]
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        tag = draw(_TAGS)
        parts.append("<br>" if tag == "br" else f"<{tag}>{draw(_fragments(depth + 1))}</{tag}>")
        parts.append(draw(_PIECES))
    return "".join(parts)


@given(_fragments())
def test_spacing_adds_only_spaces_and_leaves_preformatted_text_alone(fragment: str) -> None:
    root = lxml.html.fragment_fromstring(f"<div>{fragment}</div>")
    before = "".join(root.itertext())
    pres = [pre.text_content() for pre in root.iter("pre")]
    space_seams(root)
    after = "".join(root.itertext())
    assert after.replace(" ", "") == before.replace(" ", "")
    assert [pre.text_content() for pre in root.iter("pre")] == pres


# Dev pages whose words ran together across spans, links, hover cards and
# empty divs (ids only, no text): scrapinghub-aeb and dragnet-dev.
SEAMED_PAGES = [
    ("scrapinghub-aeb", "156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38"),
    ("scrapinghub-aeb", "6ebac05f637ece8aa57c298a2a5e3a8047f546f855d0f29cc683cea60ce85c85"),
    ("scrapinghub-aeb", "c582d3b772578e8feaa3cfd8f5ae8100bb6f0bc66048204a9a398395841c1164"),
    ("scrapinghub-aeb", "e372e42c0a3df7b86e1c0bacf7bc14d042144a01e88833bc5a643d61b3547090"),
    ("scrapinghub-aeb", "ec7fc408c5ce66c22692a3f696c682f3de794bacfaca405d9a0dac5957051e5a"),
    ("scrapinghub-aeb", "fde930b01859de8311c6a14f8aa8c72be0659b551367803deb6736cf3526cf2e"),
]


@pytest.mark.parametrize(("folder", "page_id"), SEAMED_PAGES)
def test_real_pages_with_seams_are_not_glued(folder: str, page_id: str) -> None:
    path = EVAL_DATA / folder / "html" / f"{page_id}.html.gz"
    if not path.exists():
        pytest.skip("../shared/eval-data is absent (set NEWSREADER_EVAL_DATA)")
    html = decode(gzip.decompress(path.read_bytes()), html=True)
    article = parse_html_text(html, None)
    assert glued(" ".join(b.text for b in article.blocks), source_runs(html)) == []
