"""Joining elements' text: nothing lost, blocks always apart, words in markup kept whole."""

from __future__ import annotations

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.seams import element_text

_WORDS = st.text(alphabet="abcXYZ .,", min_size=0, max_size=8)
_TAGS = st.sampled_from(["p", "span", "b", "div", "td", "br", "a", "li"])


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(_WORDS)]
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        tag = draw(_TAGS)
        inner = "" if tag == "br" else draw(fragments(depth + 1))
        parts.append(f"<{tag}>{inner}</{tag}>" if tag != "br" else "<br>")
        parts.append(draw(_WORDS))
    return "".join(parts)


@given(fragments())
def test_no_character_is_lost_or_added(fragment: str) -> None:
    root = lxml.html.fragment_fromstring(f"<div>{fragment}</div>")
    joined = element_text(root)
    assert joined.replace(" ", "") == "".join(root.itertext()).replace(" ", "")


@given(_WORDS, _WORDS)
def test_paragraphs_never_touch(left: str, right: str) -> None:
    root = lxml.html.fragment_fromstring(f"<div><p>{left}x</p><p>Y{right}</p></div>")
    assert "x Y" in element_text(root)


def test_sentence_end_and_whole_words_meeting_across_spans_are_set_apart() -> None:
    root = lxml.html.fragment_fromstring(
        "<figcaption><span>Boats in the harbour, in May</span><span>Credit: Ann Lee</span></figcaption>"
    )
    assert element_text(root) == "Boats in the harbour, in May Credit: Ann Lee"
    root = lxml.html.fragment_fromstring("<p><span>at the pier.</span><span>Photo: Ann Lee</span></p>")
    assert element_text(root) == "at the pier. Photo: Ann Lee"


def test_markup_inside_a_name_keeps_it_whole() -> None:
    for html in ("<p>Riders of <b>Mc</b>Leod Travel</p>", "<p>the <i>i</i>Phone and <a>e</a>Bay</p>"):
        root = lxml.html.fragment_fromstring(html)
        assert element_text(root) == "".join(root.itertext())
