"""reader/ingest/shown.py: the short texts a page shows, found in one walk of its body."""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.shown import _SKIPPED, _shown_elements, shown_texts

LEAD = "The ferry crossings were cancelled on Monday as gales reached the east coast. " * 4


def test_every_short_block_comes_whole_however_many_there_are() -> None:
    # Blocks were told apart by id() of their element objects, which Python
    # reuses once an object is freed: from the third such block on, a
    # headline's whole line was missing and only its pieces were offered.
    lines = "".join(f"<div><span>Storm {i} <b>closes</b> the port</span></div>" for i in range(6))
    tree = lxml.html.document_fromstring(f"<html><body>{lines}<p>{LEAD}</p></body></html>")
    above = shown_texts(tree, LEAD).above
    assert [t for t in above if t.endswith("closes the port")] == [
        f"Storm {i} closes the port" for i in range(5, -1, -1)
    ]


def test_what_a_page_does_not_show_is_left_out() -> None:
    page = (
        "<html><body><noscript><div><p>Turn on JavaScript to read this page</p></div></noscript>"
        "<select><option>Front page</option></select><h1>Storm closes the port</h1>"
        f"<script>var headline = 'x';</script><p>{LEAD}</p><template><p>Hidden</p></template></body></html>"
    )
    shown = shown_texts(lxml.html.document_fromstring(page), LEAD)
    assert set(shown.above) == {"Storm closes the port"} and shown.marked == ["Storm closes the port"]
    assert all("JavaScript" not in t and "Hidden" not in t and "Front" not in t for t in shown.below)


_TAGS = ["div", "p", "span", "b", "td", "h2", *sorted(_SKIPPED - {"head", "title"})]


@st.composite
def _bodies(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        tag = draw(st.sampled_from(_TAGS))
        parts.append(f"<{tag}>{draw(st.sampled_from(['', 'a', 'b c']))}{draw(_bodies(depth + 1))}</{tag}>")
        if draw(st.booleans()):
            parts.append("<!-- note -->")
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(_bodies())
def test_the_walk_is_the_body_less_what_sits_in_a_skipped_element(inner: str) -> None:
    tree = lxml.html.document_fromstring(f"<html><body><p>x</p>{inner}</body></html>")
    body = next(tree.iter("body"))
    expected = [
        el
        for el in body.iter()
        if isinstance(el.tag, str)
        and el.tag not in _SKIPPED
        and not any(isinstance(a.tag, str) and a.tag in _SKIPPED for a in el.iterancestors())
    ]
    assert list(_shown_elements(body)) == expected


def test_an_elements_mark_is_looked_up_once_for_all_its_runs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A cell of lines ("Storm closes port<br>By Ann Lee<br>May 2") has a run
    after each <br>; its heading or headline class is the same for all of them
    (it was looked up again for each run, and for the white space between tags
    before that was skipped)."""
    import reader.ingest.shown as shown_module

    looked: list[object] = []
    real = shown_module._marked

    def counting(el):  # type: ignore[no-untyped-def]
        looked.append(el)
        return real(el)

    monkeypatch.setattr(shown_module, "_marked", counting)
    page = lxml.html.document_fromstring(
        "<html><body>\n  <div class='headline'>Storm closes port<br>By Ann Lee<br>May 2</div>\n"
        "  <p>The port closed on Monday as the storm came ashore, officials said.</p>\n</body></html>"
    )
    shown = shown_texts(page, "The port closed on Monday as the storm came ashore, officials said.")
    assert shown.marked == ["May 2", "By Ann Lee", "Storm closes port"]
    assert shown.above == ["May 2", "By Ann Lee", "Storm closes port By Ann Lee May 2", "Storm closes port"]
    assert len(looked) == len({id(el) for el in looked}) == 1  # the div, once (the paragraph is the article's)


def test_marks_are_looked_up_above_the_article_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Only the texts above the article's first paragraph count as marked, so
    the headings and headline classes below it (related links, the next
    story's headline) are not looked up: they were, and thrown away."""
    import reader.ingest.shown as shown_module

    looked: list[str] = []
    real = shown_module._marked

    def counting(el):  # type: ignore[no-untyped-def]
        looked.append(el.text_content().strip())
        return real(el)

    monkeypatch.setattr(shown_module, "_marked", counting)
    below = "".join(f"<h2 class='headline'>Related story {i}</h2>" for i in range(3))
    page = lxml.html.document_fromstring(
        f"<html><body><h1>Storm closes the port</h1><p>{LEAD}</p>{below}<div>Share this</div></body></html>"
    )
    shown = shown_texts(page, LEAD)
    assert shown.marked == ["Storm closes the port"]
    assert [t for t in shown.below if t != LEAD.strip()] == [
        t for i in range(3) for t in [f"Related story {i}"] * 2
    ] + ["Share this"] * 2  # each block whole, then its run
    assert looked == ["Storm closes the port"]
